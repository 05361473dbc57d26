import AccountCircle from '@mui/icons-material/AccountCircle';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import type { UserDto } from '../../../../shared/domain/directory';
import { roleLabels } from '../../../../shared/domain/roles';
import { ChangePasswordDialog } from '../auth/change-password-dialog';
import { DesktopNotificationsItem } from '../notifications/desktop-notifications-item';

/** Who is signed in, and what they can do about it, in one menu at the right of the top bar. */
export function UserMenu({
  user,
  compact = false,
  demo = false,
  onLogout,
  onOpenPalette,
}: {
  user: UserDto;
  /** Only the icon, on a phone's width; the name stays in the button's accessible name. */
  compact?: boolean;
  /** Demo data loaded: said in the menu too, where a phone's top bar has no room for the badge. */
  demo?: boolean;
  onLogout: () => void;
  onOpenPalette: () => void;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changingPassword, setChangingPassword] = useState(false);
  const close = () => setAnchor(null);
  return (
    <>
      <Button
        color="inherit"
        size="small"
        // The specs and screen readers find the session by this name, as they did the old label.
        aria-label={`Logged in as ${user.displayName}, ${roleLabels[user.role]}`}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        onClick={(e) => setAnchor(e.currentTarget)}
        startIcon={compact ? undefined : <AccountCircle />}
        endIcon={<ArrowDropDown />}
        sx={{ textTransform: 'none', flexShrink: 0, whiteSpace: 'nowrap', minWidth: 0 }}
      >
        {compact ? <AccountCircle /> : user.displayName}
      </Button>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <ListItemText
          primary={user.displayName}
          secondary={`${roleLabels[user.role]} · ${user.username}${demo ? ' · demo data, not for real use' : ''}`}
          sx={{ px: 2, py: 0.5, m: 0 }}
        />
        <Divider />
        <MenuItem
          onClick={() => {
            close();
            onOpenPalette();
          }}
        >
          <ListItemText primary="Go to or do…" secondary="Ctrl+K" />
        </MenuItem>
        <DesktopNotificationsItem />
        <MenuItem
          onClick={() => {
            close();
            setChangingPassword(true);
          }}
        >
          Change password…
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            onLogout();
          }}
        >
          Log out
        </MenuItem>
      </Menu>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </>
  );
}
