import { describe, expect, it } from 'vitest';
import type { TechnicianDto } from '../../shared/domain/technician';
import type { QueueRow } from '../../shared/domain/ticket';
import type { VisitDto, VisitStatus } from '../../shared/domain/visit';
import { routeFor } from '../../renderer/src/features/map/route';
import {
  ageInWords,
  fieldStatus,
  initials,
  placeTechnician,
  technicianMarker,
} from '../../renderer/src/features/map/technician-marker';
import { isLocated, ticketMarker } from '../../renderer/src/features/map/ticket-marker';

const now = Date.parse('2026-03-02T12:00:00Z');

function technician(change: Partial<TechnicianDto> = {}): TechnicianDto {
  return {
    id: 'tech-1',
    userId: null,
    name: 'Ana María López',
    phone: null,
    email: null,
    team: null,
    home: { address: 'Depot', latitude: 40.7, longitude: -74 },
    lastPosition: null,
    login: null,
    timeZone: null,
    shiftPattern: null,
    maxVisitsPerDay: null,
    skills: [],
    certifications: [],
    active: true,
    ...change,
  };
}

function visit(id: string, startsAt: string, change: Partial<VisitDto> = {}): VisitDto {
  return {
    id,
    ticketId: `ticket-${id}`,
    ticketNumber: `T-2026-${id}`,
    ticketSummary: '',
    priority: 'medium',
    clientName: 'Client',
    site: { id: `site-${id}`, name: `Site ${id}`, address: '', latitude: 40.8, longitude: -73.9 },
    technicianId: 'tech-1',
    technicianName: 'Ana María López',
    helperIds: [],
    crew: [{ technicianId: 'tech-1', name: 'Ana María López', role: 'lead' }],
    startsAt,
    endsAt: startsAt,
    durationMinutes: 60,
    resolveFrom: null,
    resolveBy: null,
    status: 'scheduled',
    pinned: false,
    checklist: {
      contact: { confirmed: false, name: null, method: null },
      locationConfirmed: false,
      access: { badge: false, escort: false, parking: false, openingHours: false, notes: null },
    },
    override: null,
    cancelReason: null,
    progress: { enRouteAt: null, etaAt: null, arrivedAt: null, finishedAt: null, incompleteReason: null, note: null },
    projectedArrivalAt: null,
    projectedLateMinutes: null,
    statusHistory: [],
    version: 1,
    createdAt: startsAt,
    createdBy: 'x',
    updatedAt: startsAt,
    updatedBy: 'x',
    ...change,
  };
}

describe('technician markers', () => {
  it.each([
    [0, 'just now'],
    [59_999, 'just now'],
    [12 * 60_000, '12 min ago'],
    [59 * 60_000, '59 min ago'],
    [60 * 60_000, '1 h ago'],
    [47 * 3_600_000, '47 h ago'],
    [3 * 86_400_000, '3 days ago'],
  ])('says a position %i ms old is "%s"', (age, words) => {
    expect(ageInWords(new Date(now - age).toISOString(), now)).toBe(words);
  });

  it('draws the last position, else the home base, else nothing', () => {
    const at = '2026-03-02T11:48:00Z';
    expect(placeTechnician(technician({ lastPosition: { latitude: 1, longitude: 2, at } }))).toMatchObject({
      latitude: 1,
      longitude: 2,
      at,
    });
    expect(placeTechnician(technician())).toMatchObject({ latitude: 40.7, longitude: -74, at: null });
    expect(placeTechnician(technician({ home: { address: null, latitude: null, longitude: null } }))).toBeNull();
  });

  it('takes the status from the day’s visits they are on: on site over en route over idle', () => {
    const on = (status: VisitStatus, technicianId = 'tech-1') =>
      visit(status, '2026-03-02T09:00:00Z', {
        status,
        crew: [{ technicianId, name: 'x', role: 'helper' }],
      });
    expect(fieldStatus('tech-1', [])).toBe('idle');
    expect(fieldStatus('tech-1', [on('scheduled'), on('completed')])).toBe('idle');
    expect(fieldStatus('tech-1', [on('en_route')])).toBe('en_route');
    expect(fieldStatus('tech-1', [on('en_route'), on('on_site')])).toBe('on_site');
    expect(fieldStatus('tech-1', [on('on_site', 'someone-else')])).toBe('idle');
  });

  it('fades a position older than an hour and labels it in words, keeping markup out of its HTML', () => {
    const fresh = placeTechnician(
      technician({ name: 'Zoë <b>', lastPosition: { latitude: 1, longitude: 2, at: '2026-03-02T11:48:00Z' } }),
    );
    const old = placeTechnician(
      technician({ lastPosition: { latitude: 1, longitude: 2, at: '2026-03-02T10:59:00Z' } }),
    );
    if (!fresh || !old) throw new Error('both are placed');
    const look = { status: 'idle' as const, selected: false, rank: null };
    const freshMarker = technicianMarker(fresh, look, now);
    expect(freshMarker.className).not.toContain('tech-stale');
    expect(freshMarker.label).toBe('Technician Zoë <b>: Idle, position 12 min ago');
    expect(freshMarker.html).toContain('12 min ago');
    expect(freshMarker.html).not.toContain('<b>');
    expect(technicianMarker(old, look, now).className).toContain('tech-stale');
  });

  it('lifts the selected and the ranked out of clusters, the ranked with their travel time', () => {
    const placed = placeTechnician(technician());
    if (!placed) throw new Error('placed at home');
    const plain = technicianMarker(placed, { status: 'idle', selected: false, rank: null }, now);
    const ranked = technicianMarker(
      placed,
      { status: 'en_route', selected: false, rank: { position: 2, travelMinutes: 18 } },
      now,
    );
    expect(plain.highlighted).toBe(false);
    expect(plain.label).toContain('no position reported, shown at home base');
    expect(plain.html).toContain('home base');
    expect(ranked.highlighted).toBe(true);
    expect(ranked.html).toContain('18 min</span>');
    expect(ranked.label).toContain('ranked 2, 18 min away');
    expect(ranked.className).toContain('tech-en-route');
  });

  it.each([
    ['Ana María López', 'AL'],
    ['Kim', 'K'],
    ['  ', '?'],
  ])('shows %j as %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('ticket markers', () => {
  const row: QueueRow = {
    id: 't1',
    number: 'T-2026-000001',
    receivedAt: '2026-03-02T08:00:00Z',
    clientName: 'Northwind',
    siteName: 'Head office',
    siteLocation: { latitude: 40.75, longitude: -73.99 },
    priority: 'critical',
    status: 'new',
    slaDueAt: null,
    slaAtRiskAt: null,
    firstArrivalAt: null,
    scheduledAt: null,
    projectedLateMinutes: null,
    summary: '',
  };

  it('puts a ticket on the map only when its site has coordinates', () => {
    expect(isLocated(row)).toBe(true);
    expect(isLocated({ ...row, siteLocation: null })).toBe(false);
  });

  it('says the priority in words, not only in colour', () => {
    if (!isLocated(row)) throw new Error('located');
    const marker = ticketMarker(row, false);
    expect(marker.className).toContain('ticket-critical');
    expect(marker.label).toBe('Ticket T-2026-000001: Critical, Northwind, Head office');
    expect(marker.html).toBe('‼ Crit');
    expect(ticketMarker(row, true).highlighted).toBe(true);
  });
});

describe("the selected technician's route", () => {
  it('runs from the base through their visits in start order, helping included, listing sites without coordinates apart', () => {
    const visits = [
      visit('c', '2026-03-02T14:00:00Z'),
      visit('a', '2026-03-02T09:00:00Z', {
        technicianId: 'lead',
        crew: [
          { technicianId: 'lead', name: 'Lead', role: 'lead' },
          { technicianId: 'tech-1', name: 'Ana', role: 'helper' },
        ],
      }),
      visit('x', '2026-03-02T10:00:00Z', { crew: [{ technicianId: 'other', name: 'Other', role: 'lead' }] }),
      visit('b', '2026-03-02T11:00:00Z', {
        site: { id: 's', name: 'No coords', address: '', latitude: null, longitude: null },
      }),
    ];
    const route = routeFor(technician(), visits);
    expect(route.stops.map((s) => s.visit?.id ?? 'base')).toEqual(['base', 'a', 'c']);
    expect(route.unmapped.map((v) => v.id)).toEqual(['b']);
    expect(
      routeFor(technician({ home: { address: null, latitude: null, longitude: null } }), visits).stops,
    ).toHaveLength(2);
  });
});
