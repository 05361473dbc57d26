/** The digits of a phone number, so that "+1 (555) 010-2030" and "5550102030" find each other. */
export function phoneDigits(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length > 0 ? digits : null;
}
