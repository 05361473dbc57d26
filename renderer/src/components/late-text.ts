/**
 * Projected lateness in words, e.g. "≈ 25 min late" or "≈ 1 h 05 min late"; null when the crew
 * is projected on time (or there is no projection). "≈": it is an estimate from travel and the
 * day so far, not a promise.
 */
export function lateText(minutes: number | null): string | null {
  if (minutes === null || minutes <= 0) return null;
  if (minutes < 60) return `≈ ${minutes} min late`;
  const rest = minutes % 60;
  return `≈ ${Math.floor(minutes / 60)} h ${String(rest).padStart(2, '0')} min late`;
}
