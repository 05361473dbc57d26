/**
 * A whole number typed into a field, or NaN for anything else ("", "1.5", "ten"): sent as NaN, it
 * is refused by the server's rule, which then names the field and says what it takes.
 */
export function wholeNumberOrNaN(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}
