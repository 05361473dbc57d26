/** Where the caret (or the selection) was in a field, kept while a placeholder button has focus. */
export interface FieldSelection {
  start: number;
  end: number;
}

/**
 * The text with `insert` put in place of the selection (at the caret when nothing is selected),
 * and where the caret goes: just after what was inserted, so typing carries on from there.
 * A selection outside the text (the value changed since) is clamped to its end.
 */
export function insertAtSelection(
  value: string,
  selection: FieldSelection,
  insert: string,
): { value: string; caret: number } {
  const start = Math.max(0, Math.min(selection.start, selection.end, value.length));
  const end = Math.max(start, Math.min(Math.max(selection.start, selection.end), value.length));
  return { value: value.slice(0, start) + insert + value.slice(end), caret: start + insert.length };
}

/** The text a placeholder is written as in a template: `{{ticketNumber}}`. */
export function placeholderTag(name: string): string {
  return `{{${name}}}`;
}
