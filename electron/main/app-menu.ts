import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';

/** A small menu: Print… (the system dialog, for tickets and day sheets) and the standard roles. */
export function installAppMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        {
          label: 'Print…',
          accelerator: 'CmdOrCtrl+P',
          // The focused window, not the menu's own argument: that one is a BaseWindow without webContents.
          click: () =>
            BrowserWindow.getFocusedWindow()?.webContents.print({}, (ok, reason) => {
              if (!ok && reason !== 'cancelled') console.error(`printing failed: ${reason}`);
            }),
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
