import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import Dialog from '@mui/material/Dialog';
import type { PopperProps } from '@mui/material/Popper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, type ReactNode } from 'react';
import type { Command } from './navigation';

const filter = createFilterOptions<Command>({ stringify: (c) => `${c.label} ${c.keywords}` });

/**
 * The list drawn in place under the field rather than in a floating popper: the dialog is the
 * popup already, and a popper would need an anchor measured after the dialog's transition.
 */
function InlineList({ children, className }: PopperProps) {
  return (
    <div className={className} role="presentation" style={{ position: 'static', width: '100%' }}>
      {children as ReactNode}
    </div>
  );
}

/** Opens on Ctrl+K (⌘K on a Mac) anywhere in the console. */
export function useCommandPaletteShortcut(open: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        // The browser's own Ctrl+K focuses its search bar.
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}

/**
 * Every view the role may open and the actions it may take, found by typing: arrows move, Enter
 * runs, Escape closes.
 */
export function CommandPalette({
  open,
  commands,
  onRun,
  onClose,
}: {
  open: boolean;
  commands: readonly Command[];
  onRun: (command: Command) => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      // The paper is the element with role dialog, so it carries the name.
      slotProps={{ paper: { 'aria-label': 'Command palette', sx: { alignSelf: 'flex-start', mt: 10, p: 1.5 } } }}
    >
      <Autocomplete
        open
        options={commands}
        groupBy={(c) => c.kind}
        getOptionLabel={(c) => c.label}
        filterOptions={filter}
        autoHighlight
        disablePortal
        value={null}
        onChange={(_e, command) => command && onRun(command)}
        // The list is always open, so Escape reaches the list, not the dialog: it closes both.
        onClose={(_e, reason) => reason === 'escape' && onClose()}
        slots={{ popper: InlineList }}
        slotProps={{ paper: { elevation: 0 }, listbox: { sx: { maxHeight: '60vh' } } }}
        noOptionsText="Nothing matches"
        renderOption={({ key, ...props }, c) => (
          <li key={key} {...props}>
            <Typography variant="body2">{c.label}</Typography>
          </li>
        )}
        renderInput={(params) => (
          <TextField {...params} autoFocus label="Go to or do…" placeholder="Type a view or an action" />
        )}
      />
    </Dialog>
  );
}
