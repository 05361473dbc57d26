import type {
  ClosedLink,
  FeedbackFormView,
  FeedbackSubmitOutcome,
} from '../core/services/feedback/feedback-page.service';
import { feedbackScoreLabels, feedbackScores } from '../../shared/domain/feedback';

// The public feedback page, rendered on the server as plain HTML: no script, nothing loaded from
// elsewhere, styles inline (the CSP allows inline styles and no inline script). Every value from
// the database is escaped.

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

// The console's own look (renderer/src/app/theme.ts): its primary blue, its grey background.
const style = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:15px;line-height:1.5;color:#1c2430;background:#f4f6f9}
header{background:#1f5fa8;color:#fff;padding:14px 24px;font-weight:600;font-size:17px}
main{max-width:620px;margin:32px auto;padding:0 16px}
.card{background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:24px 28px}
h1{font-size:22px;margin:0 0 8px}
.ticket{color:#4a5565;margin:0 0 20px}
.summary{background:#f4f6f9;border-left:3px solid #1f5fa8;padding:8px 12px;margin:0 0 24px;color:#333}
fieldset{border:0;padding:0;margin:0 0 20px}
legend{font-weight:600;margin-bottom:8px}
.scores{display:flex;gap:8px;flex-wrap:wrap}
.scores label{display:flex;flex-direction:column;align-items:center;min-width:86px;padding:10px 6px;border:1px solid #c5ccd6;border-radius:6px;cursor:pointer;background:#fff}
.scores label:has(input:checked){border-color:#1f5fa8;background:#e8f0fa;box-shadow:0 0 0 1px #1f5fa8}
.scores input{margin:0 0 4px}
.scores .n{font-size:20px;font-weight:600}
.scores .w{font-size:12px;color:#4a5565}
label.field{display:block;font-weight:600;margin-bottom:6px}
textarea{width:100%;min-height:110px;font:inherit;padding:8px 10px;border:1px solid #c5ccd6;border-radius:6px}
.check{display:flex;gap:10px;align-items:flex-start;margin:18px 0 24px}
.check input{margin-top:4px;width:18px;height:18px}
.hint{font-size:13px;color:#4a5565}
button{background:#1f5fa8;color:#fff;border:0;border-radius:6px;padding:10px 22px;font:inherit;font-weight:600;cursor:pointer}
button:focus-visible,input:focus-visible,textarea:focus-visible{outline:2px solid #1f5fa8;outline-offset:2px}
.problems{background:#fdecea;color:#611a15;border-radius:6px;padding:10px 14px;margin:0 0 20px}
footer{text-align:center;font-size:12px;color:#6b7684;margin:24px 0}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<header>Service desk</header>
<main><div class="card">
${body}
</div>
<footer>This page asks for nothing but your feedback on one request.</footer>
</main>
</body>
</html>`;
}

/** The form: score, comment, "the problem is back"; posted back to the same address. */
export function feedbackFormPage(
  form: FeedbackFormView,
  problems: { field: string; message: string }[] = [],
  sent: { score?: string; comment?: string; problemBack?: boolean } = {},
): string {
  const fieldNames: Record<string, string> = { score: 'Score', comment: 'Comment', problemBack: 'The problem is back' };
  const problemList =
    problems.length === 0
      ? ''
      : `<div class="problems" role="alert"><strong>Please check your answer.</strong><ul>${problems
          .map((p) => `<li>${escapeHtml(fieldNames[p.field] ?? 'The form')}: ${escapeHtml(p.message)}</li>`)
          .join('')}</ul></div>`;
  const scores = feedbackScores
    .map(
      (score) =>
        `<label><input type="radio" name="score" value="${score}" required${sent.score === String(score) ? ' checked' : ''}><span class="n">${score}</span><span class="w">${feedbackScoreLabels[score]}</span></label>`,
    )
    .join('');
  return page(
    `How did we do? ${form.ticketNumber}`,
    `<h1>How did we do?</h1>
<p class="ticket">Your request <strong>${escapeHtml(form.ticketNumber)}</strong> for ${escapeHtml(form.clientName)}</p>
<p class="summary">${escapeHtml(form.summary)}</p>
${problemList}<form method="post" accept-charset="utf-8" aria-label="Your feedback">
<fieldset><legend>Your score, from 1 (very poor) to 5 (excellent)</legend><div class="scores">${scores}</div></fieldset>
<label class="field" for="comment">Anything you would like to tell us? <span class="hint">(optional)</span></label>
<textarea id="comment" name="comment" maxlength="2000">${escapeHtml(sent.comment ?? '')}</textarea>
<div class="check"><input type="checkbox" id="problemBack" name="problemBack"${sent.problemBack ? ' checked' : ''}>
<label for="problemBack">The problem is back<br><span class="hint">We will open a new request for it and contact you.</span></label></div>
<button type="submit">Send feedback</button>
</form>`,
  );
}

export function feedbackThanksPage(outcome: Extract<FeedbackSubmitOutcome, { kind: 'recorded' }>): string {
  const back = outcome.newTicketNumber
    ? `<p>You told us the problem is back: we have opened a new request, <strong>${escapeHtml(outcome.newTicketNumber)}</strong>, and will contact you about it.</p>`
    : '';
  return page(
    'Thank you for your feedback',
    `<h1>Thank you for your feedback</h1>
<p>We have recorded your score of ${outcome.score} out of 5 for ${escapeHtml(outcome.ticketNumber)}.</p>
${back}<p>You can close this page.</p>`,
  );
}

const closedWords: Record<ClosedLink, { title: string; text: string }> = {
  unknown: {
    title: 'This feedback link is not valid',
    text: 'We could not find this feedback link. Please check that the whole address from the e-mail was copied. If you would still like to tell us how we did, reply to the e-mail or call us.',
  },
  used: {
    title: 'This feedback link has been used',
    text: 'Feedback has already been given with this link, and each link can be used once. Thank you! If there is anything more you would like to tell us, reply to the e-mail or call us.',
  },
  expired: {
    title: 'This feedback link has expired',
    text: 'Feedback links work for 30 days after a request is closed, and this one is older. If you would still like to tell us how we did, or the problem is back, reply to the e-mail or call us.',
  },
  reopened: {
    title: 'This request has been reopened',
    text: 'We reopened this request after the link was sent, so we are working on it again. We will ask for your feedback when it is closed. If you need anything meanwhile, reply to the e-mail or call us.',
  },
};

export function feedbackClosedPage(kind: ClosedLink): string {
  const words = closedWords[kind];
  return page(words.title, `<h1>${escapeHtml(words.title)}</h1>\n<p>${escapeHtml(words.text)}</p>`);
}

export function feedbackBusyPage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return page(
    'Please try again shortly',
    `<h1>Please try again shortly</h1>\n<p>We have received many requests from your network in a short time. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.</p>`,
  );
}

export function feedbackErrorPage(): string {
  return page(
    'Something went wrong',
    '<h1>Something went wrong</h1>\n<p>We could not open or save your feedback just now. Please try again in a few minutes, or reply to the e-mail or call us.</p>',
  );
}
