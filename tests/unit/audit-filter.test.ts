import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  auditFilterInput,
  emptyAuditFilter,
  kindLabel,
  valueText,
} from '../../renderer/src/features/audit/audit-filter';

describe('the audit log filter form', () => {
  it('leaves out what is empty', () => {
    expect(auditFilterInput(emptyAuditFilter)).toEqual({});
    expect(auditFilterInput({ ...emptyAuditFilter, record: '  ' })).toEqual({});
  });

  it('runs the days from the start of the first to the end of the last, in the local zone', () => {
    const input = auditFilterInput({ ...emptyAuditFilter, fromDay: '2026-12-01', toDay: '2026-12-03' });
    expect(input.from).toBe(DateTime.fromISO('2026-12-01T00:00:00').toUTC().toISO());
    expect(input.to).toBe(DateTime.fromISO('2026-12-03T23:59:59.999').toUTC().toISO());
  });

  it('passes who, kind and a trimmed record', () => {
    expect(
      auditFilterInput({ ...emptyAuditFilter, userId: 'u1', entity: 'sign_in', record: ' T-2026-000001 ' }),
    ).toEqual({ userId: 'u1', entity: 'sign_in', record: 'T-2026-000001' });
  });

  it('says kinds and values in words', () => {
    expect(kindLabel('remote_resolution')).toBe('Remote resolution');
    expect(valueText(undefined)).toBe('—');
    expect(valueText('scheduled')).toBe('scheduled');
    expect(valueText({ a: 1 })).toBe('{"a":1}');
    expect(valueText(null)).toBe('null');
  });
});
