import { describe, expect, it } from 'vitest';
import type { RemoteResolutionDto } from '../../shared/domain/closure';
import type { VisitStatus } from '../../shared/domain/visit';
import type { ClosureFacts } from '../../electron/core/repositories/closure.repository';
import { isFirstTimeFix } from '../../electron/core/services/closure-gate.service';

const remote: RemoteResolutionDto = {
  id: 'r1',
  channel: 'phone',
  respondedAt: '2026-12-07T15:00:00.000Z',
  resolvedAt: '2026-12-07T15:20:00.000Z',
  resolution: 'Reset the router',
  steps: ['Power-cycled the router'],
  confirmedBy: 'Kim',
  confirmedAt: '2026-12-07T15:21:00.000Z',
  recordedAt: '2026-12-07T15:22:00.000Z',
  recordedBy: 'Dana Desk',
  current: true,
};

function facts(visits: VisitStatus[], options: { remote?: boolean; reopened?: boolean } = {}): ClosureFacts {
  return {
    ticket: {
      id: 't1',
      number: 'T-1',
      clientId: 'c1',
      status: 'resolved',
      version: 3,
      receivedAt: '2026-12-07T14:00:00.000Z',
      loggedAt: '2026-12-07T14:01:00.000Z',
      description: 'No network',
      slaDueAt: null,
      firstArrivalAt: null,
      closedAt: null,
      signOffRequired: false,
      workTypeName: null,
    },
    visits: visits.map((status, i) => ({
      id: `v${i}`,
      status,
      startsAt: '2026-12-07T16:00:00.000Z',
      technicianName: 'Ines',
      workLog: null,
      partsCount: 0,
    })),
    currentSignOffs: [],
    deskConfirmations: [],
    lastReopenedAt: options.reopened ? '2026-12-07T15:10:00.000Z' : null,
    remoteResolution: options.remote ? remote : null,
  };
}

describe('first-time fix', () => {
  it.each([
    ['one completed visit', facts(['completed']), true],
    ['one incomplete visit', facts(['incomplete']), false],
    ['two worked visits', facts(['incomplete', 'completed']), false],
    ['a remote resolution with no visit', facts([], { remote: true }), true],
    ['a remote resolution after a visit was worked', facts(['incomplete'], { remote: true }), false],
    [
      'a remote resolution with only a scheduled visit, now cancelled or pending',
      facts(['scheduled'], { remote: true }),
      true,
    ],
    ['a closing after a reopening', facts(['completed'], { reopened: true }), false],
    ['a remote closing after a reopening', facts([], { remote: true, reopened: true }), false],
  ])('%s: %s', (_label, given, expected) => {
    expect(isFirstTimeFix(given)).toBe(expected);
  });
});
