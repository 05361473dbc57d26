import type { MessageTemplateText } from '../../../../shared/domain/messages';
import type { InputIssue } from '../../../../shared/errors';

export type TemplateField = keyof MessageTemplateText;

/** Whether the draft differs from the template in effect (what leaving it would lose). */
export function draftChanged(draft: MessageTemplateText, saved: MessageTemplateText): boolean {
  return draft.subject !== saved.subject || draft.body !== saved.body;
}

/**
 * The server's complaints per field of the template. templates.save names `subject` or `body`;
 * templates.preview names them under `draft`, so both land on the same field.
 */
export function fieldProblems(issues: readonly InputIssue[] | undefined): Partial<Record<TemplateField, string>> {
  const problems: Partial<Record<TemplateField, string>> = {};
  for (const issue of issues ?? []) {
    const path = issue.path[0] === 'draft' ? issue.path.slice(1) : issue.path;
    const field = path[0];
    if (path.length === 1 && (field === 'subject' || field === 'body')) problems[field] ??= issue.message;
  }
  return problems;
}
