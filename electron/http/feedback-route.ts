import type http from 'node:http';
import type { Core } from '../core/core';
import type { ClosedLink, FeedbackFormInput } from '../core/services/feedback/feedback-page.service';
import {
  feedbackBusyPage,
  feedbackClosedPage,
  feedbackErrorPage,
  feedbackFormPage,
  feedbackThanksPage,
} from './feedback-html';
import type { RateLimiter } from './rate-limit';
import { answerUnread, readBody } from './request-body';

export const FEEDBACK_PATH = '/feedback/';

/** A comment of 2,000 characters, percent-encoded, with room to spare; anything larger is not feedback. */
const FORM_BYTES = 16 * 1024;

const pageHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
};

// A link that was used, expired or whose request was reopened is gone for good (410); one that
// never existed is not found (404).
const closedStatus: Record<ClosedLink, number> = { unknown: 404, used: 410, expired: 410, reopened: 410 };

/**
 * The public feedback page at /feedback/<token>: GET shows the form, POST records it. No login:
 * the token is the capability (a cross-site form post cannot know it), so no other CSRF guard is
 * needed. Rate limited per remote address; every failure is a polite page, never a stack.
 */
export async function handleFeedbackPage(
  core: Core,
  limiter: RateLimiter,
  headers: Record<string, string>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  token: string,
): Promise<void> {
  const send = (status: number, html: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...headers, ...pageHeaders, ...extra });
    res.end(req.method === 'HEAD' ? undefined : html);
  };
  const decision = limiter.take(req.socket.remoteAddress ?? 'unknown');
  if (!decision.allowed) {
    const answer = () =>
      send(429, feedbackBusyPage(decision.retryAfterSeconds), { 'Retry-After': String(decision.retryAfterSeconds) });
    return req.method === 'POST' ? answerUnread(req, answer) : answer();
  }
  try {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const state = await core.feedbackPage.show(token);
      return state.kind === 'open'
        ? send(200, feedbackFormPage(state.form))
        : send(closedStatus[state.kind], feedbackClosedPage(state.kind));
    }
    if (req.method !== 'POST') return send(405, feedbackClosedPage('unknown'), { Allow: 'GET, HEAD, POST' });
    const type = req.headers['content-type'] ?? '';
    const read = await readBody(req, FORM_BYTES);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too_large') {
      return answerUnread(req, () => send(413, feedbackErrorPage(), { Connection: 'close' }));
    }
    const form: FeedbackFormInput = type.startsWith('application/x-www-form-urlencoded')
      ? Object.fromEntries(new URLSearchParams(read.body.toString('utf8')))
      : {};
    const outcome = await core.feedbackPage.submit(token, form);
    switch (outcome.kind) {
      case 'recorded':
        return send(200, feedbackThanksPage(outcome));
      case 'invalid':
        return send(
          400,
          feedbackFormPage(outcome.form, outcome.problems, {
            ...(form.score !== undefined ? { score: form.score } : {}),
            ...(form.comment !== undefined ? { comment: form.comment } : {}),
            problemBack: form.problemBack === 'on',
          }),
        );
      default:
        return send(closedStatus[outcome.kind], feedbackClosedPage(outcome.kind));
    }
  } catch (error) {
    console.error('feedback page failed:', error);
    if (!res.headersSent) send(500, feedbackErrorPage());
    else res.end();
  }
}
