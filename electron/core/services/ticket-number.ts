/** T-2026-000123: the year keeps numbers short; six digits carry a busy desk through a year. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `T-${year}-${String(sequence).padStart(6, '0')}`;
}
