import { DateTime } from 'luxon';

/** The filter as the form holds it: plain strings, '' for "any". */
export interface AuditFilterForm {
  userId: string;
  entity: string;
  record: string;
  /** Calendar days (yyyy-MM-dd) in the workstation's zone. */
  fromDay: string;
  toDay: string;
}

export const emptyAuditFilter: AuditFilterForm = { userId: '', entity: '', record: '', fromDay: '', toDay: '' };

/**
 * The API's filter for the form: days run from the start of the first to the end of the last, in
 * the workstation's zone (the log itself is in UTC); empty fields are left out.
 */
export function auditFilterInput(form: AuditFilterForm): {
  userId?: string;
  entity?: string;
  record?: string;
  from?: string;
  to?: string;
} {
  const day = (value: string) => (value ? DateTime.fromISO(value) : null);
  const from = day(form.fromDay);
  const to = day(form.toDay);
  return {
    ...(form.userId ? { userId: form.userId } : {}),
    ...(form.entity ? { entity: form.entity } : {}),
    ...(form.record.trim() ? { record: form.record.trim() } : {}),
    ...(from?.isValid ? { from: from.startOf('day').toUTC().toISO() } : {}),
    ...(to?.isValid ? { to: to.endOf('day').toUTC().toISO() } : {}),
  };
}

/** "sign_in" → "Sign in": the kinds of record as words. */
export function kindLabel(entity: string): string {
  const words = entity.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A recorded value as one line: text as is, anything else as JSON; absent as an em dash. */
export function valueText(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
