import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import type { DesktopNotificationState } from './desktop-decision';
import {
  turnDesktopNotificationsOff,
  turnDesktopNotificationsOn,
  useDesktopNotificationState,
} from './desktop-notifications';

const described: Record<DesktopNotificationState, { primary: string; secondary: string }> = {
  on: { primary: 'Desktop notifications: on', secondary: 'Shown while the console is not in front. Turn off' },
  off: { primary: 'Desktop notifications: off', secondary: 'Turn on' },
  ask: { primary: 'Desktop notifications: off', secondary: 'Turn on (the browser asks once)' },
  blocked: { primary: 'Desktop notifications: blocked', secondary: 'Allow them in the browser’s site settings' },
  unavailable: { primary: 'Desktop notifications', secondary: 'Not available here' },
};

/** The workstation's choice of desktop notifications, in the user menu: what it is, and the switch. */
export function DesktopNotificationsItem() {
  const state = useDesktopNotificationState();
  const text = described[state];
  const canSwitch = state === 'on' || state === 'off' || state === 'ask';
  return (
    <MenuItem
      disabled={!canSwitch}
      onClick={() => {
        if (state === 'on') turnDesktopNotificationsOff();
        else void turnDesktopNotificationsOn();
      }}
    >
      <ListItemText primary={text.primary} secondary={text.secondary} />
    </MenuItem>
  );
}
