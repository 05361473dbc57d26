/** Today as YYYY-MM-DD on this workstation's calendar. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The day from this workstation's midnight to the next, as the visits.list window. A dispatcher
 * works in their own zone; a day that spans a DST change still ends at the next midnight.
 */
export function dayWindow(day: string): { from: string; to: string } {
  const [y, m, d] = day.split('-').map(Number);
  const start = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "09:30" in the workstation's zone. */
export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}
