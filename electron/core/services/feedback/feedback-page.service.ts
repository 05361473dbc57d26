import { z } from 'zod';
import type { FeedbackScore } from '../../../../shared/domain/feedback';
import { feedbackFields } from '../../../../shared/domain/feedback.schema';
import type { HandlerContext } from '../../context';
import type { DatabaseHandle } from '../../db/connect';
import {
  findFeedbackRequestByHash,
  useFeedbackRequest,
  type FeedbackRequestRow,
} from '../../repositories/feedback.repository';
import { hashFeedbackToken, isFeedbackTokenShape, recordFeedback } from './feedback.service';

/** The method name the page's writes are audited under (there is no caller to name). */
export const FEEDBACK_PAGE_METHOD = 'feedback.page';

/** How long a summary of the ticket the page shows (enough to recognise it, not the whole story). */
const SUMMARY_CHARS = 240;

/** Why a link no longer opens the form. */
export type ClosedLink = 'unknown' | 'used' | 'expired' | 'reopened';

export interface FeedbackFormView {
  ticketNumber: string;
  clientName: string;
  summary: string;
}

export type FeedbackPageState = { kind: 'open'; form: FeedbackFormView } | { kind: ClosedLink };

/** What the client sent: the form's fields as text (a form post knows no numbers or booleans). */
export type FeedbackFormInput = Record<string, string>;

export type FeedbackSubmitOutcome =
  | { kind: 'recorded'; ticketNumber: string; score: FeedbackScore; newTicketNumber: string | null }
  | { kind: 'invalid'; form: FeedbackFormView; problems: { field: string; message: string }[] }
  | { kind: ClosedLink };

export interface FeedbackPage {
  show(token: string): Promise<FeedbackPageState>;
  submit(token: string, form: FeedbackFormInput): Promise<FeedbackSubmitOutcome>;
}

// The page's form as the API's feedback fields; the checkbox is sent as "on" only when ticked.
const formInput = z.strictObject({
  score: z
    .string()
    .trim()
    .transform((v) => (/^[0-9]+$/.test(v) ? Number(v) : v))
    .pipe(feedbackFields.score),
  comment: feedbackFields.comment,
  problemBack: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
});

function summaryOf(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= SUMMARY_CHARS ? oneLine : `${oneLine.slice(0, SUMMARY_CHARS - 1)}…`;
}

function closedState(request: FeedbackRequestRow | undefined, now: string): ClosedLink | null {
  if (!request) return 'unknown';
  if (request.usedAt !== null) return 'used';
  if (request.reopenedAt !== null) return 'reopened';
  if (now > new Date(request.expiresAt).toISOString()) return 'expired';
  return null;
}

function viewOf(request: FeedbackRequestRow): FeedbackFormView {
  return {
    ticketNumber: request.ticketNumber,
    clientName: request.clientName,
    summary: summaryOf(request.ticketDescription),
  };
}

/** The public feedback page's logic: what a token opens, and recording what the client sends once. */
export function createFeedbackPage(deps: {
  database: DatabaseHandle;
  now: () => string;
  write: HandlerContext['write'];
}): FeedbackPage {
  async function lookup(token: string): Promise<FeedbackRequestRow | undefined> {
    // A token not of our shape is not a token: it is not hashed or looked up.
    if (!isFeedbackTokenShape(token)) return undefined;
    return findFeedbackRequestByHash(deps.database.db, hashFeedbackToken(token));
  }

  return {
    async show(token) {
      const request = await lookup(token);
      const closed = closedState(request, deps.now());
      if (closed || !request) return { kind: closed ?? 'unknown' };
      return { kind: 'open', form: viewOf(request) };
    },

    async submit(token, form) {
      if (!isFeedbackTokenShape(token)) return { kind: 'unknown' };
      const hash = hashFeedbackToken(token);
      return deps.write(async (w): Promise<FeedbackSubmitOutcome> => {
        const request = await findFeedbackRequestByHash(w.tx, hash);
        const now = deps.now();
        const closed = closedState(request, now);
        if (closed || !request) return { kind: closed ?? 'unknown' };
        const parsed = formInput.safeParse(form);
        if (!parsed.success) {
          return {
            kind: 'invalid',
            form: viewOf(request),
            problems: parsed.error.issues.map((issue) => ({
              field: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? ''),
              message: issue.message,
            })),
          };
        }
        // Two submissions at once: the first to mark the request used records; the other is told
        // the link was used, as if it came a moment later.
        if (!(await useFeedbackRequest(w.tx, request.id, now))) return { kind: 'used' };
        const saved = await recordFeedback(w, {
          ticketId: request.ticketId,
          ...parsed.data,
          source: 'link',
          requestId: request.id,
          recordedBy: null,
          loggedBy: request.closedBy,
          now,
        });
        return {
          kind: 'recorded',
          ticketNumber: request.ticketNumber,
          score: saved.score,
          newTicketNumber: saved.newTicketNumber,
        };
      });
    },
  };
}
