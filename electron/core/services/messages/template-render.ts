import Mustache from 'mustache';
import {
  messagePlaceholderNames,
  type MessageTemplateText,
  type MessageValues,
  type RenderedMessageDto,
} from '../../../../shared/domain/messages';

// Mustache is logic-less: a template can print values and show or hide a section, never run
// code, which is what lets admins edit the wording. Templates are checked against the known
// placeholders before they are saved or previewed, so a typo is an error, not a blank.

const known = new Set<string>(messagePlaceholderNames);

/** What is wrong with one template text, in words naming the placeholder; null when nothing. */
function problemOf(template: string): string | null {
  let spans: ReturnType<typeof Mustache.parse>;
  try {
    spans = Mustache.parse(template);
  } catch (error) {
    // Mustache says e.g. 'Unclosed section "eta" at 120' or 'Unclosed tag at 12'.
    return `Template syntax: ${error instanceof Error ? error.message : String(error)}`;
  }
  const walk = (list: typeof spans, inSection: boolean): string | null => {
    for (const span of list) {
      const [type, name] = span;
      if (type === 'text' || type === '!' || type === '=') continue;
      if (type === '>') return `Partials are not supported: {{> ${name}}}`;
      // `{{.}}` is the section's own value, e.g. {{#eta}}{{.}}{{/eta}}.
      if (!(name === '.' && inSection) && !known.has(name)) return `Unknown placeholder {{${name}}}`;
      if (type === '#' || type === '^') {
        const children = span[4];
        const inner = Array.isArray(children) ? walk(children, true) : null;
        if (inner) return inner;
      }
    }
    return null;
  };
  return walk(spans, false);
}

/** The fields of a template that name an unknown placeholder or do not parse, with the reason. */
export function templateProblems(text: MessageTemplateText): { field: 'subject' | 'body'; message: string }[] {
  const problems: { field: 'subject' | 'body'; message: string }[] = [];
  for (const field of ['subject', 'body'] as const) {
    const problem = problemOf(text[field]);
    if (problem) problems.push({ field, message: problem });
  }
  return problems;
}

const plain = { escape: (value: unknown) => String(value) };

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The HTML part made from the plain text: everything escaped (the template and the values alike,
 * so neither can inject markup), blank lines separating paragraphs, single line breaks kept.
 */
export function htmlFromText(text: string): string {
  return text
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>\n')}</p>`)
    .join('\n');
}

/**
 * Renders a template that passed templateProblems. The text is rendered with Mustache's HTML
 * escaping off (a plain-text mail must show "Smith & Co", not "Smith &amp; Co"); the HTML part
 * is then built from that text and escaped once, as a whole.
 */
export function renderTemplate(text: MessageTemplateText, values: MessageValues): RenderedMessageDto {
  const subject = Mustache.render(text.subject, values, {}, plain).replace(/\s+/g, ' ').trim();
  const body = Mustache.render(text.body, values, {}, plain)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { subject, text: body, html: htmlFromText(body) };
}

/** A text written by hand (a free-text update), sent as written: no placeholders, the same HTML. */
export function renderText(text: MessageTemplateText): RenderedMessageDto {
  const body = text.body.replace(/[ \t]+\n/g, '\n').trim();
  return { subject: text.subject.replace(/\s+/g, ' ').trim(), text: body, html: htmlFromText(body) };
}
