import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type {
  MessagePlaceholder,
  MessageTemplateDto,
  MessageTemplateListDto,
  MessageTemplateText,
} from '../../../../shared/domain/messages';
import { formatDateTime } from '../../components/format-time';
import { useApiMutation } from '../../transport/queries';
import { ConfirmDialog } from '../admin/confirm-dialog';
import { PlaceholderChips } from './placeholder-chips';
import { insertAtSelection, placeholderTag } from './placeholder-insert';
import { PreviewTicketPicker } from './preview-ticket-picker';
import { draftChanged, fieldProblems, type TemplateField } from './template-draft';
import { TemplateStatusChip } from './template-kind-list';
import { TemplatePreview } from './template-preview';
import { newestFirst, type TicketChoice } from './ticket-choice';
import { useTemplatePreview } from './use-template-preview';

const invalidates = ['templates.list', 'templates.get'] as const;

/**
 * One kind's template: subject and body with the placeholders to insert, a live preview on a
 * real ticket, save and reset to default. `onChangedChange` tells the page whether there is
 * anything unsaved, so that it can ask before another kind is opened.
 */
export function TemplateEditor({
  template,
  placeholders,
  tickets,
  onChangedChange,
}: {
  template: MessageTemplateDto;
  placeholders: MessageTemplateListDto['placeholders'];
  /** Undefined while they load. */
  tickets: readonly TicketChoice[] | undefined;
  onChangedChange: (changed: boolean) => void;
}) {
  const [draft, setDraft] = useState<MessageTemplateText>({ subject: template.subject, body: template.body });
  const [ticketId, setTicketId] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const save = useApiMutation('templates.save', [...invalidates]);
  const reset = useApiMutation('templates.reset', [...invalidates]);

  // The most recent ticket until the admin picks another (or the picked one is gone).
  const newest = useMemo(() => newestFirst(tickets ?? [])[0]?.id ?? null, [tickets]);
  const previewTicket = tickets?.some((t) => t.id === ticketId) ? ticketId : newest;
  const preview = useTemplatePreview(template.kind, previewTicket, draft);

  const changed = draftChanged(draft, template);
  useEffect(() => onChangedChange(changed), [changed, onChangedChange]);

  // Where a placeholder goes: the field last typed in, at the caret it had.
  const inputs = { subject: useRef<HTMLInputElement>(null), body: useRef<HTMLTextAreaElement>(null) };
  const [lastField, setLastField] = useState<TemplateField>('body');
  const [caret, setCaret] = useState<{ field: TemplateField; at: number } | null>(null);
  useLayoutEffect(() => {
    if (!caret) return;
    const input = inputs[caret.field].current;
    input?.focus();
    input?.setSelectionRange(caret.at, caret.at);
    setCaret(null);
    // Only a new caret moves the cursor; the refs are the same on every render.
  }, [caret]);

  const edit = (field: TemplateField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setNote(null);
    save.reset();
  };
  const insert = (name: MessagePlaceholder) => {
    const input = inputs[lastField].current;
    const at = input ? { start: input.selectionStart ?? 0, end: input.selectionEnd ?? 0 } : { start: 0, end: 0 };
    const next = insertAtSelection(draft[lastField], at, placeholderTag(name));
    edit(lastField, next.value);
    setCaret({ field: lastField, at: next.caret });
  };

  // A refused save names its field; so does a refused preview, for the draft as it now is.
  const problems = { ...fieldProblems(preview.error?.error.issues), ...fieldProblems(save.error?.error.issues) };
  const fieldProps = (field: TemplateField) => ({
    value: draft[field],
    onChange: (e: { target: { value: string } }) => edit(field, e.target.value),
    onFocus: () => setLastField(field),
    error: Boolean(problems[field]),
    ...(problems[field] ? { helperText: problems[field] } : {}),
  });

  const doReset = () =>
    reset.mutate(
      { kind: template.kind },
      {
        onSuccess: (dto) => {
          setDraft({ subject: dto.subject, body: dto.body });
          setConfirmReset(false);
          setNote('Back to the shipped default.');
          save.reset();
        },
      },
    );

  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
        gap: 2,
        alignItems: 'start',
        minHeight: 0,
        height: '100%',
      }}
    >
      <Paper
        variant="outlined"
        component="form"
        aria-label="Template"
        // The fields scroll; the save bar stays in view below them.
        sx={{ display: 'flex', flexDirection: 'column', maxHeight: '100%', minHeight: 0 }}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ kind: template.kind, ...draft }, { onSuccess: () => setNote('Saved.') });
        }}
      >
        <Stack spacing={2} sx={{ p: 2, overflow: 'auto', minHeight: 0 }}>
          <Box>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: 1 }}>
                {template.label}
              </Typography>
              <TemplateStatusChip custom={template.custom} />
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {template.trigger}
            </Typography>
            {template.custom && template.updatedAt && (
              <Typography variant="caption" color="text.secondary">
                Saved by {template.updatedBy ?? 'an admin'} on {formatDateTime(template.updatedAt)}
              </Typography>
            )}
          </Box>
          <TextField label="Subject" inputRef={inputs.subject} {...fieldProps('subject')} fullWidth />
          <TextField
            label="Body (plain text)"
            inputRef={inputs.body}
            multiline
            minRows={10}
            maxRows={18}
            {...fieldProps('body')}
            {...(problems.body
              ? {}
              : { helperText: 'The HTML part is made from this text: a blank line starts a new paragraph.' })}
            fullWidth
            slotProps={{ htmlInput: { sx: { fontFamily: 'monospace', fontSize: 13 } } }}
          />
          <PlaceholderChips placeholders={placeholders} onInsert={insert} />
          <Typography variant="caption" color="text.secondary">
            {'{{#eta}}…{{/eta}}'} shows what is inside only when the placeholder has a value; {'{{^eta}}…{{/eta}}'} only
            when it is empty.
          </Typography>
        </Stack>
        <Stack spacing={1} sx={{ p: 2, borderTop: 1, borderColor: 'divider' }}>
          {save.error && <Alert severity="error">Nothing was saved. {save.error.message}</Alert>}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Button type="submit" variant="contained" disabled={!changed || save.isPending}>
              Save
            </Button>
            <Button
              disabled={!changed}
              onClick={() => {
                setDraft({ subject: template.subject, body: template.body });
                save.reset();
              }}
            >
              Discard changes
            </Button>
            {note && !changed && (
              <Typography variant="body2" color="success.main" role="status">
                {note}
              </Typography>
            )}
            <Box sx={{ flex: 1 }} />
            <Button color="warning" disabled={!template.custom} onClick={() => setConfirmReset(true)}>
              Reset to default
            </Button>
          </Stack>
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, overflow: 'auto', maxHeight: '100%' }}>
        <Stack spacing={1.5}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            Preview
          </Typography>
          {tickets?.length === 0 && (
            <Alert severity="info">There are no tickets yet: log one to see this message with real data.</Alert>
          )}
          {tickets && previewTicket && (
            <>
              <PreviewTicketPicker tickets={tickets} value={previewTicket} onChange={setTicketId} />
              <TemplatePreview
                rendered={preview.rendered}
                error={preview.error?.message ?? undefined}
                updating={preview.updating}
              />
            </>
          )}
        </Stack>
      </Paper>
      <ConfirmDialog
        request={
          confirmReset
            ? {
                title: 'Reset to the shipped default?',
                body: `The wording saved for “${template.label}” is forgotten, and the console's own wording is sent from now on.`,
                confirmLabel: 'Reset to default',
                danger: true,
                onConfirm: doReset,
              }
            : null
        }
        busy={reset.isPending}
        error={reset.error?.message}
        onCancel={() => setConfirmReset(false)}
      />
    </Box>
  );
}
