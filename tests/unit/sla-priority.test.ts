import { describe, expect, it } from 'vitest';
import { defaultPriorityMatrix, type PriorityCriteria, type PriorityMatrix } from '../../shared/domain/sla';
import { assessPriority, priorityFor } from '../../electron/core/services/sla/priority';

const none: PriorityCriteria = {
  serviceOutage: false,
  securityRisk: false,
  usersImpacted: 'one',
  userUnableToWork: false,
  intermittentWithWorkaround: false,
  generalQuery: false,
};

type Row = [string, Partial<PriorityCriteria>, string, string, string];

// [SOP description, criteria ticked, impact, urgency, priority]
const sopTable: Row[] = [
  [
    'Critical: major system outage, multiple users impacted',
    { serviceOutage: true, usersImpacted: 'several' },
    'high',
    'high',
    'critical',
  ],
  [
    'Critical: security risk, multiple users impacted',
    { securityRisk: true, usersImpacted: 'many' },
    'high',
    'high',
    'critical',
  ],
  ['High: individual user unable to work', { userUnableToWork: true }, 'medium', 'high', 'high'],
  ['High: minor system outage (one user)', { serviceOutage: true }, 'medium', 'high', 'high'],
  ['Medium: intermittent issue, workaround available', { intermittentWithWorkaround: true }, 'low', 'medium', 'medium'],
  ['Low: general query', { generalQuery: true }, 'low', 'low', 'low'],
];

const edgeCases: Row[] = [
  ['an outage with many users', { serviceOutage: true, usersImpacted: 'many' }, 'high', 'high', 'critical'],
  ['a security risk confined to one user', { securityRisk: true }, 'medium', 'high', 'high'],
  [
    'several users unable to work without an outage ticked',
    { userUnableToWork: true, usersImpacted: 'several' },
    'medium',
    'high',
    'high',
  ],
  [
    'an intermittent issue reaching many users',
    { intermittentWithWorkaround: true, usersImpacted: 'many' },
    'medium',
    'medium',
    'medium',
  ],
  ['a general query from several users', { generalQuery: true, usersImpacted: 'several' }, 'medium', 'low', 'low'],
  ['nothing ticked (an unclassified fault is not parked as Low)', {}, 'low', 'medium', 'medium'],
  [
    'an outage also ticked as a general query (the most severe wins)',
    { serviceOutage: true, generalQuery: true, usersImpacted: 'several' },
    'high',
    'high',
    'critical',
  ],
  [
    'unable to work despite a workaround being ticked',
    { userUnableToWork: true, intermittentWithWorkaround: true },
    'medium',
    'high',
    'high',
  ],
  [
    'an intermittent issue also ticked as a query',
    { intermittentWithWorkaround: true, generalQuery: true },
    'low',
    'medium',
    'medium',
  ],
];

describe('intake criteria → priority (default matrix)', () => {
  it.each(sopTable)('SOP line "%s"', (_line, ticked, impact, urgency, priority) => {
    expect(assessPriority({ ...none, ...ticked })).toEqual({ impact, urgency, priority });
  });

  it.each(edgeCases)('%s', (_case, ticked, impact, urgency, priority) => {
    expect(assessPriority({ ...none, ...ticked })).toEqual({ impact, urgency, priority });
  });

  it('reads every cell of the default matrix', () => {
    expect(priorityFor('high', 'high')).toBe('critical');
    expect(priorityFor('high', 'medium')).toBe('high');
    expect(priorityFor('high', 'low')).toBe('medium');
    expect(priorityFor('medium', 'high')).toBe('high');
    expect(priorityFor('medium', 'medium')).toBe('medium');
    expect(priorityFor('medium', 'low')).toBe('low');
    expect(priorityFor('low', 'high')).toBe('high');
    expect(priorityFor('low', 'medium')).toBe('medium');
    expect(priorityFor('low', 'low')).toBe('low');
  });
});

describe('intake criteria → priority (custom matrix)', () => {
  // A client whose contract makes any single-user stoppage Critical and any query Medium.
  const strict: PriorityMatrix = {
    high: { high: 'critical', medium: 'critical', low: 'high' },
    medium: { high: 'critical', medium: 'high', low: 'medium' },
    low: { high: 'high', medium: 'medium', low: 'medium' },
  };

  it.each([
    ['one user unable to work', { userUnableToWork: true }, 'critical'],
    [
      'an intermittent issue with several users',
      { intermittentWithWorkaround: true, usersImpacted: 'several' },
      'high',
    ],
    ['a general query', { generalQuery: true }, 'medium'],
  ] as [string, Partial<PriorityCriteria>, string][])('uses the custom matrix for %s', (_case, ticked, priority) => {
    expect(assessPriority({ ...none, ...ticked }, strict).priority).toBe(priority);
  });

  it('leaves the default matrix untouched', () => {
    expect(defaultPriorityMatrix.medium.high).toBe('high');
    expect(Object.isFrozen(defaultPriorityMatrix.medium)).toBe(true);
  });
});
