import { describe, expect, it } from 'vitest';
import type { VisitDto, VisitProgress, VisitStatus } from '../../shared/domain/visit';
import { visitHeadlines } from '../../renderer/src/features/visits/visit-headline';

const now = new Date('2026-11-27T10:50:00Z');
const zone = 'Europe/Berlin';

let n = 0;
function visit(status: VisitStatus, startsAt: string, progress: Partial<VisitProgress> = {}, crew = ['Toni Field']) {
  n += 1;
  return {
    id: `v${n}`,
    status,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    technicianName: crew[0] ?? '',
    crew: crew.map((name, i) => ({ technicianId: `t${i}`, name, role: i === 0 ? 'lead' : 'helper' })),
    progress: {
      enRouteAt: null,
      etaAt: null,
      arrivedAt: null,
      finishedAt: null,
      incompleteReason: null,
      note: null,
      ...progress,
    },
  } as unknown as VisitDto;
}

const texts = (visits: VisitDto[]) => visitHeadlines(visits, { now, zone }).map((h) => h.text);

describe('the ticket panel’s line on its visits', () => {
  it.each([
    ['no visits', [], []],
    ['only cancelled visits', [visit('cancelled', '2026-11-27T09:00:00Z')], []],
    [
      'a visit scheduled today, in the workstation zone',
      [visit('scheduled', '2026-11-27T13:00:00Z')],
      ['Scheduled: 14:00 with Toni Field'],
    ],
    [
      'the next of two scheduled visits, with its date when not today',
      [visit('scheduled', '2026-12-02T08:00:00Z'), visit('scheduled', '2026-11-30T08:00:00Z')],
      ['Scheduled: Nov 30, 09:00 with Toni Field'],
    ],
    [
      'a crew en route, with its ETA, instead of the scheduled time',
      [visit('en_route', '2026-11-27T09:30:00Z', { enRouteAt: '2026-11-27T09:20:00Z', etaAt: '2026-11-27T09:40:00Z' })],
      ['En route, ETA 10:40 — Toni Field'],
    ],
    [
      'a crew en route without an ETA',
      [visit('en_route', '2026-11-27T09:30:00Z', { enRouteAt: '2026-11-27T09:20:00Z' })],
      ['En route since 10:20 — Toni Field'],
    ],
    [
      'a crew on site since its arrival, with its helper',
      [
        visit('on_site', '2026-11-27T09:30:00Z', { arrivedAt: '2026-11-27T09:42:00Z' }, ['Toni Field', 'Ana Ruiz']),
        visit('scheduled', '2026-11-28T09:00:00Z'),
      ],
      ['On site since 10:42 — Toni Field, Ana Ruiz'],
    ],
    [
      'two crews under way: the one on site first',
      [
        visit('en_route', '2026-11-27T09:00:00Z', { etaAt: '2026-11-27T10:05:00Z' }, ['Omar Hale']),
        visit('on_site', '2026-11-27T09:30:00Z', { arrivedAt: '2026-11-27T09:42:00Z' }),
      ],
      ['On site since 10:42 — Toni Field', 'En route, ETA 11:05 — Omar Hale'],
    ],
    [
      'the last visit completed',
      [
        visit('incomplete', '2026-11-26T09:00:00Z', {
          finishedAt: '2026-11-26T10:00:00Z',
          incompleteReason: 'needs_parts',
        }),
        visit('completed', '2026-11-27T09:00:00Z', { finishedAt: '2026-11-27T10:30:00Z' }),
        visit('cancelled', '2026-11-28T09:00:00Z'),
      ],
      ['Completed 11:30 — Toni Field'],
    ],
    [
      'the last visit incomplete, with the reason',
      [
        visit('incomplete', '2026-11-26T09:00:00Z', {
          finishedAt: '2026-11-26T10:15:00Z',
          incompleteReason: 'needs_parts',
        }),
      ],
      ['Incomplete Nov 26, 11:15 (Needs parts) — Toni Field'],
    ],
  ])('says %s', (_label, visits, expected) => {
    expect(texts(visits)).toEqual(expected);
  });

  it('names the visit and its status with each line', () => {
    const onSite = visit('on_site', '2026-11-27T09:30:00Z', { arrivedAt: '2026-11-27T09:42:00Z' });
    expect(visitHeadlines([onSite], { now, zone })).toEqual([
      { visitId: onSite.id, status: 'on_site', text: 'On site since 10:42 — Toni Field' },
    ]);
  });
});
