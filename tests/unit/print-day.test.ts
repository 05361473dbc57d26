import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../renderer/src/app/router';
import { allTeams } from '../../renderer/src/components/team-filter';
import { noTeam } from '../../renderer/src/features/board/board-data';
import { printDayOf } from '../../renderer/src/features/board/print-day';

const zoe = { id: 'tech-zoe', name: 'Zoë Łukasiewicz' };
const shown = [zoe, { id: 'tech-ana', name: 'Ana' }];

describe("the board's Print day", () => {
  it.each([
    ['the technician selected on the board', 'North', zoe.id, { date: '2027-03-02', technician: zoe.id }, zoe.name],
    [
      'the team filtered to, when nobody is selected',
      'North',
      null,
      { date: '2027-03-02', team: 'North' },
      'Team North',
    ],
    [
      'the team, when the selected technician is not on screen',
      'North',
      'tech-elsewhere',
      { date: '2027-03-02', team: 'North' },
      'Team North',
    ],
    ['everyone, on all teams', allTeams, null, { date: '2027-03-02' }, 'everyone'],
    ['everyone, for "No team" (no team the schedule can ask for)', noTeam, null, { date: '2027-03-02' }, 'everyone'],
  ] as const)('prints %s', (_why, team, selected, params, whose) => {
    const print = printDayOf('2027-03-02', team, selected, shown);
    expect(print.route).toEqual({ name: 'schedule', params });
    expect(print.whose).toBe(whose);
  });
});

describe('routes with parameters in the hash', () => {
  it('round-trips a team with spaces and non-Latin letters through the address', () => {
    const route = { name: 'schedule', params: { date: '2027-03-02', team: 'Night Owls & Ёжики' } } as const;
    const hash = routeHash(route);
    expect(hash.startsWith('#/schedule?date=2027-03-02&team=')).toBe(true);
    expect(parseRoute(hash, 'queue')).toEqual(route);
  });

  it('reads a plain hash as before, and an unknown one as the landing view', () => {
    expect(parseRoute('#/board', 'queue')).toEqual({ name: 'board' });
    expect(parseRoute('#/nowhere?date=2027-03-02', 'my-day')).toEqual({ name: 'my-day' });
    expect(routeHash({ name: 'board' })).toBe('#/board');
  });
});
