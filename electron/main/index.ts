// The Electron main process: a thin shell that starts the core and shows it in one hardened window.
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import {
  chooseDatabase,
  machineConfigDir,
  MACHINE_CONFIG_FILE_NAME,
  type DatabaseChoice,
} from '../core/machine-config';
import { sqliteFileIn, startRuntime, type Runtime } from '../core/runtime';
import { startRpcBridge, type RpcBridge } from '../ipc/rpc-handler';
import { APP_INDEX_URL } from '../security/app-protocol';
import { installAppMenu } from './app-menu';
import { rendererDir } from './app-paths';
import { registerAppScheme, serveAppProtocol } from './app-protocol-handler';
import { createMainWindow } from './main-window';

const APP_NAME = 'Dispatch Console';

// The package is named dispatch-console; pin the data folder to the product name so it is the same
// folder the core's defaultDataDir() gives browser mode. Before the single-instance lock, which
// lives in that folder.
app.setName(APP_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));
app.enableSandbox();
// Windows shows a notification only for an app it can name: the installer's shortcut carries this
// id (build/electron-builder.yml appId), so the page's notifications reach the Action Center.
if (process.platform === 'win32') app.setAppUserModelId('com.dispatchconsole.desktop');
// The page loads from app://, never file:// (Electron's security checklist, item 18).
registerAppScheme();

const demo = process.argv.includes('--demo');
let runtime: Runtime | null = null;
let bridge: RpcBridge | null = null;
let mainWindow: BrowserWindow | null = null;

function showMainWindow(): void {
  if (!bridge) return;
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  const rpc = bridge;
  mainWindow = createMainWindow((win) => rpc.attach(win));
  mainWindow.on('closed', () => (mainWindow = null));
}

function chooseDatabaseForThisStart(): DatabaseChoice {
  const dataDir = app.getPath('userData');
  // Demo data goes to its own SQLite file: never into the team's shared database or the real local one.
  if (demo) {
    return { ok: true, database: { kind: 'sqlite', file: sqliteFileIn(path.join(dataDir, 'demo')) }, source: '--demo' };
  }
  const configFile = path.join(machineConfigDir(), MACHINE_CONFIG_FILE_NAME);
  return chooseDatabase({ env: process.env, configFile, dataDir });
}

async function start(): Promise<void> {
  // The window may ask for tiles before the database is open: until then there is no street file.
  serveAppProtocol(rendererDir, (pathname, version) =>
    runtime
      ? runtime.core.streetTile(pathname, version)
      : Promise.resolve({ status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: null }),
  );
  const choice = chooseDatabaseForThisStart();
  if (!choice.ok) throw new Error(choice.message);
  const where =
    choice.database.kind === 'sqlite' ? `SQLite at ${choice.database.file}` : `PostgreSQL set by ${choice.source}`;
  try {
    runtime = await startRuntime({ database: choice.database, demo: demo ? 'world' : false });
  } catch (error) {
    // Say which database, so an administrator knows where to look; never the URL (it has the password).
    throw new Error(`The database could not be opened (${where}): ${(error as Error).message}`, { cause: error });
  }
  bridge = startRpcBridge(runtime.core, APP_INDEX_URL);
  console.log(`Dispatch Console started; database: ${where}${runtime.demoLoaded ? '; demo data loaded' : ''}`);
  installAppMenu();
  showMainWindow();
}

async function stop(): Promise<void> {
  await bridge?.dispose();
  await runtime?.close();
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Dispatch Console could not start: ${message}`);
  dialog.showErrorBox('Dispatch Console could not start', message);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  // Another console is open for this user: it focuses its window (second-instance) and we leave.
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the database cleanly (sessions ended, pool drained, SQLite WAL checkpointed) before exit.
  let stopping = false;
  app.on('will-quit', (event) => {
    if (!runtime) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    stop()
      .catch((error: unknown) => console.error('shutdown failed:', error))
      .finally(() => app.exit(0));
  });

  app.whenReady().then(start).catch(fatal);
}
