import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { reviewTagLabels, reviewTags, type ReviewTag } from '../../../../shared/domain/closure';
import { FormDialog } from '../../components/form-dialog';
import { ApiCallError, call } from '../../transport/client';

/** The service manager's review of a closed ticket: a note, improvement tags, and whether the SOP was followed. */
export function ReviewDialog({
  ticketId,
  number,
  open,
  onClose,
  onSaved,
}: {
  ticketId: string;
  number: string;
  open: boolean;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  return open && <ReviewForm ticketId={ticketId} number={number} onClose={onClose} onSaved={onSaved} />;
}

function ReviewForm({
  ticketId,
  number,
  onClose,
  onSaved,
}: {
  ticketId: string;
  number: string;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const [note, setNote] = useState('');
  const [tags, setTags] = useState<ReviewTag[]>([]);
  const [sop, setSop] = useState<'yes' | 'no' | ''>('');
  const [error, setError] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (sop === '') {
      setError(new ApiCallError({ code: 'invalid_input', message: 'Say whether the SOP was followed.' }));
      return;
    }
    setBusy(true);
    try {
      await call('reviews.record', { ticketId, note, tags, sopFollowed: sop === 'yes' });
      await onSaved();
      onClose();
    } catch (caught) {
      setError(
        caught instanceof ApiCallError ? caught : new ApiCallError({ code: 'internal', message: String(caught) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={`Review ${number}`}
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Save review"
      busy={busy}
      error={error?.message}
    >
      <TextField
        label="Review note"
        required
        multiline
        minRows={3}
        autoFocus
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={Boolean(error?.fieldMessage('note'))}
        helperText={error?.fieldMessage('note') ?? 'What went well, what to improve'}
      />
      <FormControl component="fieldset">
        <FormLabel component="legend">Improvement tags</FormLabel>
        <FormGroup row>
          {reviewTags.map((tag) => (
            <FormControlLabel
              key={tag}
              label={reviewTagLabels[tag]}
              control={
                <Checkbox
                  size="small"
                  checked={tags.includes(tag)}
                  onChange={(e) => setTags(e.target.checked ? [...tags, tag] : tags.filter((t) => t !== tag))}
                />
              }
            />
          ))}
        </FormGroup>
      </FormControl>
      <FormControl component="fieldset" required>
        <FormLabel component="legend">Was the SOP followed?</FormLabel>
        <RadioGroup row value={sop} onChange={(e) => setSop(e.target.value as 'yes' | 'no')}>
          <FormControlLabel value="yes" control={<Radio size="small" />} label="Yes" />
          <FormControlLabel value="no" control={<Radio size="small" />} label="No" />
        </RadioGroup>
      </FormControl>
    </FormDialog>
  );
}
