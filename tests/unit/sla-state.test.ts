import { describe, expect, it } from 'vitest';
import { remainingMs, slaState } from '../../shared/domain/sla-state';

// A window of 8 hours: received 10:00Z, due 18:00Z; 75% of it has passed at 16:00Z.
const received = '2026-01-14T10:00:00.000Z';
const due = '2026-01-14T18:00:00.000Z';

describe('SLA state', () => {
  it.each([
    ['a clock behind the desk (now before receipt)', '2026-01-14T09:00:00.000Z', 'on_track'],
    ['the moment of receipt', '2026-01-14T10:00:00.000Z', 'on_track'],
    ['half the window', '2026-01-14T14:00:00.000Z', 'on_track'],
    ['one millisecond before 75% of the window', '2026-01-14T15:59:59.999Z', 'on_track'],
    ['exactly 75% of the window', '2026-01-14T16:00:00.000Z', 'at_risk'],
    ['an hour before due', '2026-01-14T17:00:00.000Z', 'at_risk'],
    ['exactly the due time (due by, so not yet breached)', '2026-01-14T18:00:00.000Z', 'at_risk'],
    ['one millisecond after the due time', '2026-01-14T18:00:00.001Z', 'breached'],
    ['a day after the due time', '2026-01-15T18:00:00.000Z', 'breached'],
  ])('is %s → %s', (_when, now, expected) => {
    expect(slaState(received, due, now)).toBe(expected);
  });

  it('escalates a Critical ticket when 75% of its 2-hour window (90 minutes) has passed', () => {
    const at = new Date('2026-01-14T10:00:00Z');
    const criticalDue = new Date('2026-01-14T12:00:00Z');
    expect(slaState(at, criticalDue, new Date('2026-01-14T11:29:59.999Z'))).toBe('on_track');
    expect(slaState(at, criticalDue, new Date('2026-01-14T11:30:00Z'))).toBe('at_risk');
  });

  it('accepts Dates and ISO strings with offsets alike', () => {
    expect(slaState(new Date(received), '2026-01-14T13:00:00-05:00', new Date('2026-01-14T16:00:00Z'))).toBe('at_risk');
  });

  it.each([
    [0.5, '2026-01-14T13:59:59.999Z', 'on_track'],
    [0.5, '2026-01-14T14:00:00.000Z', 'at_risk'],
    [1, '2026-01-14T17:59:59.999Z', 'on_track'],
    [1, '2026-01-14T18:00:00.000Z', 'at_risk'],
    [1, '2026-01-14T18:00:00.001Z', 'breached'],
  ])('with an at-risk fraction of %d, is at %s → %s', (fraction, now, expected) => {
    expect(slaState(received, due, now, fraction)).toBe(expected);
  });

  it('treats a window of zero as at risk until the due time passes', () => {
    expect(slaState(received, received, received)).toBe('at_risk');
    expect(slaState(received, received, '2026-01-14T10:00:00.001Z')).toBe('breached');
  });

  it.each([0, -0.1, 1.01, Number.NaN])('refuses an at-risk fraction of %d as a bug', (fraction) => {
    expect(() => slaState(received, due, received, fraction)).toThrow(RangeError);
  });

  it('refuses an unparseable instant as a bug', () => {
    expect(() => slaState('yesterday', due, received)).toThrow(RangeError);
  });
});

describe('remaining time', () => {
  it.each([
    ['two hours before due', '2026-01-14T16:00:00.000Z', 7_200_000],
    ['exactly at due', '2026-01-14T18:00:00.000Z', 0],
    ['half an hour late, as a negative number', '2026-01-14T18:30:00.000Z', -1_800_000],
  ])('is %s', (_when, now, expected) => {
    expect(remainingMs(due, now)).toBe(expected);
    expect(remainingMs(new Date(due), new Date(now))).toBe(expected);
  });
});
