import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { ticketStatuses } from '../../../../shared/domain/ticket';
import type { MessageKind } from '../../../../shared/domain/messages';
import { useApiQuery } from '../../transport/queries';
import { ConfirmDialog } from '../admin/confirm-dialog';
import { TemplateEditor } from './template-editor';
import { TemplateKindList } from './template-kind-list';

// Any ticket may be previewed with, closed ones too (a completion summary reads best with one).
const everyStatus = { statuses: [...ticketStatuses] };

/** Admin: the wording of every message the console sends, edited with a live preview on a real ticket. */
export function MessageTemplatesPage() {
  const list = useApiQuery('templates.list', {});
  const tickets = useApiQuery('tickets.queue', everyStatus);
  const [selected, setSelected] = useState<MessageKind>('request-acknowledgement');
  const [changed, setChanged] = useState(false);
  const [leaveFor, setLeaveFor] = useState<MessageKind | null>(null);
  const onChangedChange = useCallback((c: boolean) => setChanged(c), []);

  const select = (kind: MessageKind) => {
    if (kind === selected) return;
    if (changed) setLeaveFor(kind);
    else setSelected(kind);
  };
  const template = list.data?.templates.find((t) => t.kind === selected);
  const error = list.error ?? tickets.error;

  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <Box>
        <Typography variant="h6" component="h1">
          Message templates
        </Typography>
        <Typography variant="body2" color="text.secondary">
          The wording of every message the console sends by itself. A kind uses the shipped default until you save your
          own.
        </Typography>
      </Box>
      {error && <Alert severity="error">{error.message}</Alert>}
      {list.data && template && (
        <Box
          sx={{
            flex: 1,
            minHeight: 0,
            display: 'grid',
            gridTemplateColumns: '330px minmax(0, 1fr)',
            gap: 2,
            alignItems: 'stretch',
          }}
        >
          <TemplateKindList templates={list.data.templates} selected={selected} onSelect={select} />
          <TemplateEditor
            key={selected}
            template={template}
            placeholders={list.data.placeholders}
            tickets={tickets.data}
            onChangedChange={onChangedChange}
          />
        </Box>
      )}
      <ConfirmDialog
        request={
          leaveFor
            ? {
                title: 'Discard your changes?',
                body: `Your changes to “${template?.label ?? ''}” are not saved. Open another message and lose them?`,
                confirmLabel: 'Discard changes',
                danger: true,
                onConfirm: () => {
                  setChanged(false);
                  setSelected(leaveFor);
                  setLeaveFor(null);
                },
              }
            : null
        }
        onCancel={() => setLeaveFor(null)}
      />
    </Stack>
  );
}
