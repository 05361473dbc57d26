import { describe, expect, it } from 'vitest';
import { formatSpan, slaDetail, slaDisplayState, slaWords } from '../../shared/domain/sla-words';

// A window of 8 hours: received 10:00Z, at risk from 16:00Z (75%, fixed at logging), due 18:00Z.
const due = '2026-01-14T18:00:00.000Z';
const open = { slaDueAt: due, slaAtRiskAt: '2026-01-14T16:00:00.000Z', firstArrivalAt: null };
const at = (iso: string) => Date.parse(iso);

describe('the SLA state a ticket shows', () => {
  it.each([
    ['before the at-risk point', '2026-01-14T15:59:59.999Z', 'on_track'],
    ['at the at-risk point itself', '2026-01-14T16:00:00.000Z', 'at_risk'],
    ['at the due time itself (due by, so not yet breached)', '2026-01-14T18:00:00.000Z', 'at_risk'],
    ['one millisecond after the due time', '2026-01-14T18:00:00.001Z', 'breached'],
  ])('while nobody has arrived: %s → %s', (_when, now, expected) => {
    expect(slaDisplayState(open, at(now))).toBe(expected);
  });

  it.each([
    ['17 min 40 s before the due time', '2026-01-14T17:42:20.000Z', 'met'],
    ['exactly at the due time', due, 'met'],
    ['one second after the due time', '2026-01-14T18:00:01.000Z', 'missed'],
    ['42 min 30 s after the due time', '2026-01-14T18:42:30.000Z', 'missed'],
  ])('once the first technician arrived %s → %s, whatever the time now', (_when, arrival, expected) => {
    const times = { ...open, firstArrivalAt: arrival };
    // Long after the due time, the arrival still decides: a met ticket does not turn breached.
    expect(slaDisplayState(times, at('2026-01-20T09:00:00.000Z'))).toBe(expected);
    expect(slaDisplayState(times, at('2026-01-14T12:00:00.000Z'))).toBe(expected);
  });

  it('has no target without a due time, arrival or not', () => {
    expect(slaDisplayState({ slaDueAt: null, slaAtRiskAt: null, firstArrivalAt: null }, at(due))).toBe('none');
    expect(slaDetail({ slaDueAt: null, slaAtRiskAt: null, firstArrivalAt: null }, 'none', at(due))).toBe('');
  });

  it('goes from on track to breached without an at-risk point (tickets logged before it was stored)', () => {
    const times = { ...open, slaAtRiskAt: null };
    expect(slaDisplayState(times, at('2026-01-14T17:59:00.000Z'))).toBe('on_track');
    expect(slaDisplayState(times, at('2026-01-14T18:00:00.001Z'))).toBe('breached');
  });

  it.each([
    ['met', '2026-01-14T17:42:20.000Z', '17 m 40 s early'],
    ['missed', '2026-01-14T18:42:30.000Z', '42 m 30 s late'],
  ] as const)('says how early or late a %s arrival was', (state, arrival, words) => {
    expect(slaDetail({ ...open, firstArrivalAt: arrival }, state, at('2026-01-15T09:00:00.000Z'))).toBe(words);
  });

  it('counts down the time left, then up the time over', () => {
    expect(slaDetail(open, 'on_track', at('2026-01-14T16:55:00.000Z'))).toBe('1 h 05 m left');
    expect(slaDetail(open, 'breached', at('2026-01-16T21:00:00.000Z'))).toBe('2 d 3 h over');
  });

  it.each([
    [45_000, '45 s'],
    [65_000, '1 m 05 s'],
    [3_900_000, '1 h 05 m'],
    [-3_900_000, '1 h 05 m'],
    [183_600_000, '2 d 3 h'],
  ])('reads %i ms as "%s"', (ms, words) => {
    expect(formatSpan(ms)).toBe(words);
  });

  // Issue 20: a ticket still New after its first visit read "Met 9 h 00 m early", as if the job
  // were done. The SLA is the response, and the words say so wherever the ticket is shown.
  it.each([
    ['met', '2026-01-14T09:00:00.000Z', 'Response met 9 h 00 m early'],
    ['missed', '2026-01-14T18:42:30.000Z', 'Response missed 42 m 30 s late'],
  ])('says it was the response that was %s', (_state, arrival, text) => {
    expect(slaWords({ ...open, firstArrivalAt: arrival }, at('2026-01-15T09:00:00.000Z')).text).toBe(text);
  });

  it.each([
    ['2026-01-14T16:55:00.000Z', 'at_risk', 'At risk', '1 h 05 m left'],
    ['2026-01-14T12:00:00.000Z', 'on_track', 'On track', '6 h 00 m left'],
    ['2026-01-16T21:00:00.000Z', 'breached', 'Breached', '2 d 3 h over'],
  ])('while nobody has arrived, at %s reads as %s: "%s %s"', (now, state, label, detail) => {
    expect(slaWords(open, at(now))).toEqual({ state, label, detail, text: `${label} ${detail}` });
  });

  it('says only "No target" without a due time', () => {
    expect(slaWords({ slaDueAt: null, slaAtRiskAt: null, firstArrivalAt: null }, at(due)).text).toBe('No target');
  });
});
