import { describe, expect, it } from 'vitest';
import { eventsInWindow } from '../../renderer/src/features/board/use-row-window';

const visit = (id: string, crew: string[]) => ({ id, resourceIds: crew, start: '2026-03-02T08:00:00Z' });
const travel = (id: string, lead: string) => ({ id: `travel-${id}`, resourceId: lead, display: 'background' });

describe('eventsInWindow', () => {
  const events = [
    visit('v1', ['a']),
    travel('v1', 'a'),
    visit('v2', ['b', 'c']),
    travel('v2', 'b'),
    visit('v3', ['d']),
  ];

  it('keeps every event when the whole board is drawn', () => {
    expect(eventsInWindow(events, null).map((e) => e.id)).toEqual(['v1', 'travel-v1', 'v2', 'travel-v2', 'v3']);
  });

  it('keeps the visits and travel of the rows in view only', () => {
    expect(eventsInWindow(events, new Set(['a', 'd'])).map((e) => e.id)).toEqual(['v1', 'travel-v1', 'v3']);
  });

  it('keeps a crew visit when any of its rows is in view, and its travel only with the lead', () => {
    expect(eventsInWindow(events, new Set(['c'])).map((e) => e.id)).toEqual(['v2']);
    expect(eventsInWindow(events, new Set(['b'])).map((e) => e.id)).toEqual(['v2', 'travel-v2']);
  });

  it('keeps nothing when no row is in view', () => {
    expect(eventsInWindow(events, new Set())).toEqual([]);
  });
});
