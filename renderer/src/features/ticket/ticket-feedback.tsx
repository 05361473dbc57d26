import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import {
  feedbackScoreLabels,
  feedbackScores,
  feedbackSourceLabels,
  LOW_FEEDBACK_SCORE,
  type FeedbackDto,
  type FeedbackScore,
} from '../../../../shared/domain/feedback';
import type { TicketDto } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { ApiCallError, call } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';

/** A score as a chip: red for the scores that escalate, green for the good ones. */
export function FeedbackScoreChip({ score }: { score: FeedbackScore }) {
  const color = score <= LOW_FEEDBACK_SCORE ? 'error' : score >= 4 ? 'success' : 'default';
  return <Chip size="small" color={color} label={`${score}/5 · ${feedbackScoreLabels[score]}`} />;
}

function FeedbackItem({ item }: { item: FeedbackDto }) {
  return (
    <Box component="li" aria-label={`Feedback ${item.score} out of 5`} sx={{ listStyle: 'none' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <FeedbackScoreChip score={item.score} />
        <Typography variant="caption" color="text.secondary">
          {feedbackSourceLabels[item.source]}
          {item.recordedBy ? `, recorded by ${item.recordedBy}` : ''} · {formatDateTime(item.recordedAt)}
        </Typography>
      </Stack>
      {item.comment && (
        <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
          “{item.comment}”
        </Typography>
      )}
      {item.problemBack && (
        <Typography variant="body2" color="warning.main" sx={{ mt: 0.5 }}>
          The problem is back{item.newTicketNumber ? `: new ticket ${item.newTicketNumber}` : ''}
        </Typography>
      )}
    </Box>
  );
}

/** The desk's form for feedback the client gave by phone. */
function RecordFeedbackForm({ ticket, onDone }: { ticket: TicketDto; onDone: () => Promise<void> }) {
  const [score, setScore] = useState<FeedbackScore | null>(null);
  const [comment, setComment] = useState('');
  const [problemBack, setProblemBack] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);

  const save = async () => {
    if (score === null) {
      setError({ message: 'Choose a score from 1 to 5.', fields: { score: 'Choose a score' } });
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await call('feedback.record', { ticketId: ticket.id, score, comment, problemBack });
      setScore(null);
      setComment('');
      setProblemBack(false);
      await onDone();
    } catch (e) {
      const fields: Record<string, string> = {};
      if (e instanceof ApiCallError)
        for (const issue of e.error.issues ?? []) fields[String(issue.path[0])] = issue.message;
      setError({ message: e instanceof Error ? e.message : String(e), fields });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack
      component="form"
      aria-label={`Record feedback on ${ticket.number}`}
      spacing={1}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Typography variant="body2" id="feedback-score-label">
        Score given by phone
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={score}
        onChange={(_e, value: FeedbackScore | null) => setScore(value)}
        aria-labelledby="feedback-score-label"
      >
        {feedbackScores.map((s) => (
          <ToggleButton key={s} value={s} aria-label={`${s}: ${feedbackScoreLabels[s]}`} sx={{ px: 1.5 }}>
            {s}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {error?.fields.score && (
        <Typography variant="caption" color="error">
          {error.fields.score}
        </Typography>
      )}
      <TextField
        label="What the client said"
        multiline
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={Boolean(error?.fields.comment)}
        helperText={error?.fields.comment}
      />
      <FormControlLabel
        control={<Checkbox size="small" checked={problemBack} onChange={(e) => setProblemBack(e.target.checked)} />}
        label="The problem is back (logs a new linked ticket)"
      />
      {error && !error.fields.score && <Alert severity="error">{error.message}</Alert>}
      <Box>
        <Button type="submit" variant="contained" size="small" disabled={saving}>
          Record feedback
        </Button>
      </Box>
    </Stack>
  );
}

/** The client's feedback on the ticket and, for a closed ticket, the desk's "Record feedback". */
export function TicketFeedback({ ticket, user }: { ticket: TicketDto; user: UserDto }) {
  const query = useApiQuery('feedback.forTicket', { ticketId: ticket.id });
  const queryClient = useQueryClient();
  const canRecord = ticket.status === 'closed' && roleIn(access.feedbackRecorders, user.role);
  const refresh = async () => {
    await Promise.all(
      ['feedback.forTicket', 'tickets.get', 'tickets.timeline', 'escalations.list', 'reviews.pending'].map((m) =>
        queryClient.invalidateQueries({ queryKey: [m] }),
      ),
    );
  };
  const data = query.data;
  if (!data) return query.isError ? <Alert severity="error">{query.error.message}</Alert> : null;
  if (data.feedback.length === 0 && !data.request && !canRecord) return null;
  const request = data.request;

  return (
    <Stack spacing={1.5} component="section" aria-label="Client feedback">
      <Typography variant="subtitle2" component="h3">
        Client feedback
      </Typography>
      {data.feedback.length > 0 ? (
        <Stack component="ul" spacing={1.5} sx={{ m: 0, p: 0 }}>
          {data.feedback.map((item) => (
            <FeedbackItem key={item.id} item={item} />
          ))}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          No feedback yet.
        </Typography>
      )}
      {request && (
        <Typography variant="caption" color="text.secondary">
          {request.used
            ? 'The feedback link was used.'
            : `Feedback link sent ${formatDateTime(request.sentFor)}; it works until ${formatDateTime(request.expiresAt)}.`}
        </Typography>
      )}
      {canRecord && <RecordFeedbackForm ticket={ticket} onDone={refresh} />}
    </Stack>
  );
}
