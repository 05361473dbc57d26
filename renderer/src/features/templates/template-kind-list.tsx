import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { MessageKind, MessageTemplateDto } from '../../../../shared/domain/messages';

/** Whether a kind is sent with the console's own wording or the admin's. */
export function TemplateStatusChip({ custom }: { custom: boolean }) {
  return custom ? (
    <Chip size="small" color="primary" label="Customised" />
  ) : (
    <Chip size="small" variant="outlined" label="Shipped default" />
  );
}

/** Every message kind, when it is sent and to whom, and whose wording it uses; one is open. */
export function TemplateKindList({
  templates,
  selected,
  onSelect,
}: {
  templates: readonly MessageTemplateDto[];
  selected: MessageKind;
  onSelect: (kind: MessageKind) => void;
}) {
  return (
    <Paper variant="outlined" component="nav" aria-label="Message kinds" sx={{ overflow: 'auto', minHeight: 0 }}>
      <List disablePadding>
        {templates.map((t) => (
          <ListItemButton
            key={t.kind}
            selected={t.kind === selected}
            aria-current={t.kind === selected ? 'true' : undefined}
            onClick={() => onSelect(t.kind)}
            divider
            sx={{ display: 'block', py: 1.25 }}
          >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t.label}
              </Typography>
              <TemplateStatusChip custom={t.custom} />
            </Stack>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
              {t.trigger}
            </Typography>
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}
