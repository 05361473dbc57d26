const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant in the workstation's zone, e.g. "Nov 26, 2026, 09:14". */
export function formatDateTime(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

const shortThisYear = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * The same instant for a narrow column: without the year when it is this year's, e.g. "Dec 7,
 * 11:00 PM" (exports and tooltips keep formatDateTime's whole form).
 */
export function formatShortDateTime(iso: string | null, now: Date = new Date()): string {
  if (!iso) return '—';
  const at = new Date(iso);
  return at.getFullYear() === now.getFullYear() ? shortThisYear.format(at) : dateTime.format(at);
}
