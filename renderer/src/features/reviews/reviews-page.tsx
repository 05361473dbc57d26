import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  reviewTagLabels,
  slaAdherenceText,
  type PendingReviewDto,
  type TicketReviewDto,
} from '../../../../shared/domain/closure';
import type { UserDto } from '../../../../shared/domain/directory';
import { formatDateTime } from '../../components/format-time';
import { PriorityChip } from '../../components/priority-chip';
import { useApiQuery } from '../../transport/queries';
import { TicketDrawer } from '../ticket/ticket-drawer';
import { FeedbackScoreChip } from '../ticket/ticket-feedback';

type Row = PendingReviewDto & { review?: TicketReviewDto };

/** Closed tickets for the service manager: those awaiting review (oldest closure first), and those reviewed. */
export function ReviewsPage({ user }: { user: UserDto }) {
  const [show, setShow] = useState<'pending' | 'reviewed'>('pending');
  const [openTicket, setOpenTicket] = useState<string | null>(null);
  const pending = useApiQuery('reviews.pending', {}, { enabled: show === 'pending' });
  const completed = useApiQuery('reviews.completed', {}, { enabled: show === 'reviewed' });
  const query = show === 'pending' ? pending : completed;
  const rows: Row[] = query.data ?? [];

  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          Reviews
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={show}
          onChange={(_e, value: 'pending' | 'reviewed' | null) => value && setShow(value)}
          aria-label="Which closed tickets"
        >
          <ToggleButton value="pending">Awaiting review</ToggleButton>
          <ToggleButton value="reviewed">Reviewed</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {query.isError && <Alert severity="error">{query.error.message}</Alert>}
      <Paper variant="outlined" sx={{ flex: 1, overflow: 'auto' }}>
        <Table size="small" stickyHeader aria-label={show === 'pending' ? 'Awaiting review' : 'Reviewed'}>
          <TableHead>
            <TableRow>
              <TableCell>Ticket</TableCell>
              <TableCell>Client</TableCell>
              <TableCell>Priority</TableCell>
              <TableCell>Closed</TableCell>
              <TableCell>SLA</TableCell>
              <TableCell>Fix</TableCell>
              <TableCell>Client feedback</TableCell>
              <TableCell>{show === 'pending' ? 'Problem' : 'Review'}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow
                key={r.ticketId}
                hover
                onClick={() => setOpenTicket(r.ticketId)}
                sx={{ cursor: 'pointer' }}
                aria-label={`Ticket ${r.number}`}
              >
                <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>{r.number}</TableCell>
                <TableCell>{r.clientName}</TableCell>
                <TableCell>
                  <PriorityChip priority={r.priority} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(r.closedAt)}
                  <Typography variant="caption" color="text.secondary" component="div">
                    by {r.closedBy}
                  </Typography>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{slaAdherenceText(r)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{fixText(r)}</TableCell>
                <TableCell sx={{ minWidth: 160 }}>
                  {r.feedback ? (
                    <>
                      <FeedbackScoreChip score={r.feedback.score} />
                      {(r.feedback.comment ?? r.feedback.problemBack) && (
                        <Typography variant="caption" color="text.secondary" component="div">
                          {[r.feedback.comment, r.feedback.problemBack ? 'The problem is back' : null]
                            .filter(Boolean)
                            .join(' · ')}
                        </Typography>
                      )}
                    </>
                  ) : (
                    <Typography variant="caption" color="text.secondary">
                      None yet
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {r.review
                    ? `${r.review.sopFollowed ? 'SOP followed' : 'SOP not followed'} · ${r.review.tags.map((t) => reviewTagLabels[t]).join(', ') || 'no tags'} · ${r.review.reviewedBy}`
                    : r.summary}
                </TableCell>
              </TableRow>
            ))}
            {query.data && rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={8}>
                  {show === 'pending' ? 'No closed ticket is awaiting review.' : 'No reviews yet.'}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Paper>
      <TicketDrawer ticketId={openTicket} user={user} onClose={() => setOpenTicket(null)} />
    </Stack>
  );
}

/** How the closing fixed it, in words: remotely or on site, and whether at the first attempt. */
function fixText(r: { resolvedRemotely: boolean; firstTimeFix: boolean | null }): string {
  const where = r.resolvedRemotely ? 'Remote' : 'On site';
  if (r.firstTimeFix === null) return where;
  return `${where} · ${r.firstTimeFix ? 'first-time fix' : 'repeat work'}`;
}
