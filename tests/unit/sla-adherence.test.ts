import { describe, expect, it } from 'vitest';
import { formatMinutes, slaAdherenceText } from '../../shared/domain/closure';
import { slaAdherence } from '../../electron/core/services/closure-gate.service';

const due = '2026-11-23T17:00:00.000Z';
const closed = '2026-11-23T19:00:00.000Z';

describe('SLA adherence stored at closing', () => {
  it.each([
    ['arrived exactly at the due time', due, due, { outcome: 'met', minutes: 0 }],
    [
      'arrived 17 min 40 s early: 17 whole minutes to spare',
      '2026-11-23T16:42:20.000Z',
      due,
      { outcome: 'met', minutes: 17 },
    ],
    ['arrived one second late: missed by 1 minute', '2026-11-23T17:00:01.000Z', due, { outcome: 'missed', minutes: 1 }],
    ['arrived 42 min 30 s late: missed by 43', '2026-11-23T17:42:30.000Z', due, { outcome: 'missed', minutes: 43 }],
    ['never arrived, closed two hours after due: missed by 120', null, due, { outcome: 'missed', minutes: 120 }],
    [
      'never arrived, closed before due: met by the time left',
      null,
      '2026-11-23T20:00:00.000Z',
      { outcome: 'met', minutes: 60 },
    ],
    ['no due time', '2026-11-23T16:00:00.000Z', null, { outcome: 'no_target', minutes: null }],
  ] as const)('%s', (_label, arrival, dueAt, expected) => {
    expect(slaAdherence(dueAt, arrival, closed)).toEqual(expected);
  });

  it.each([
    [0, '0 min'],
    [59, '59 min'],
    [60, '1 h 0 min'],
    [1073, '17 h 53 min'],
    [1440 * 3 + 150, '3 d 2 h'],
  ])('reads %i minutes as "%s"', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });

  it('says the outcome in words', () => {
    expect(slaAdherenceText({ slaOutcome: 'missed', slaMinutes: 43 })).toBe('SLA missed by 43 min');
    expect(slaAdherenceText({ slaOutcome: 'no_target', slaMinutes: null })).toBe('No SLA target');
  });
});
