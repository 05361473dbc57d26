import { DateTime } from 'luxon';
import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api/contract';
import type { Core } from '../core';
import type { Clock } from './clock';
import type { DemoBasics } from './demo-data';
import { publicHolidays } from './sla/business-calendar';

// A dispatcher's working world on the first start of `--demo`: teams of technicians near the
// demo sites, work types, today's and tomorrow's visits in every state, escalations and closed
// tickets awaiting review. Everything goes through core.invoke as the demo users would click it,
// so the rows (status changes, audit, crew time, positions) are ones the product itself writes.

const ZONE = 'America/New_York';
const HOLIDAYS = { country: 'US', state: 'NY' } as const;

type Login = 'admin' | 'desk' | 'dispatcher' | 'technician';

/** One demo user's session on the core; every call must succeed (a failure is a bug in this file). */
type Caller = <K extends MethodName>(method: K, input: ApiInput<K>) => Promise<ApiOutput<K>>;

async function logIn(core: Core, username: Login): Promise<{ call: Caller; logOut: () => Promise<void> }> {
  const login = await core.invoke('auth.login', { username, password: 'demo' }, {});
  if (!login.result.ok || !login.session || login.session === 'ended') {
    throw new Error(`the demo world cannot log in as ${username}`);
  }
  const credentials = { sessionToken: login.session.token };
  const call: Caller = async (method, input) => {
    const { result } = await core.invoke(method, input, credentials);
    if (!result.ok) throw new Error(`demo world: ${method} as ${username} failed: ${JSON.stringify(result.error)}`);
    // invoke is untyped across its method union; the contract names what this method returns.
    return result.value as ApiOutput<typeof method>;
  };
  const logOut = async (): Promise<void> => {
    await core.invoke('auth.logout', {}, credentials);
  };
  return { call, logOut };
}

const fiveDays = [['07:30', '17:30']] as [string, string][];
const weekdays = { mon: fiveDays, tue: fiveDays, wed: fiveDays, thu: fiveDays, fri: fiveDays };

const skills = ['Network', 'Workplace IT', 'Printers', 'Cabling'] as const;
type Skill = (typeof skills)[number];

const workTypes: {
  name: string;
  category: string;
  minutes: number;
  needs: [Skill, number][];
  signOff?: boolean;
}[] = [
  { name: 'Switch replacement', category: 'Network', minutes: 90, needs: [['Network', 3]], signOff: true },
  { name: 'Wi-Fi survey', category: 'Network', minutes: 90, needs: [['Network', 2]] },
  { name: 'PC repair', category: 'Workplace IT', minutes: 60, needs: [['Workplace IT', 2]] },
  { name: 'Printer service', category: 'Printers', minutes: 45, needs: [['Printers', 2]] },
  { name: 'Structured cabling', category: 'Cabling', minutes: 120, needs: [['Cabling', 2]] },
];
type WorkTypeName = 'Switch replacement' | 'Wi-Fi survey' | 'PC repair' | 'Printer service' | 'Structured cabling';

// Home bases a short drive from the demo sites: Midtown and the Upper West Side for Manhattan,
// Crown Heights and Flatbush for Brooklyn, Jersey City and Newark for New Jersey.
const technicians: {
  key: string;
  name: string;
  team: string;
  phone: string;
  home: [string, number, number];
  skills: [Skill, number][];
  /** The demo `technician` login's own record. */
  login?: true;
}[] = [
  {
    key: 'toni',
    name: 'Toni Technician',
    team: 'Manhattan',
    phone: '+1 212 555 0181',
    home: ['89 E 42nd St, New York, NY', 40.7527, -73.9772],
    skills: [
      ['Network', 4],
      ['Workplace IT', 3],
    ],
    login: true,
  },
  {
    key: 'ray',
    name: 'Ray Brooks',
    team: 'Manhattan',
    phone: '+1 212 555 0182',
    home: ['200 W 79th St, New York, NY', 40.7831, -73.9789],
    skills: [
      ['Printers', 4],
      ['Workplace IT', 3],
    ],
  },
  {
    key: 'lena',
    name: 'Lena Kowalski',
    team: 'Brooklyn',
    phone: '+1 718 555 0183',
    home: ['1000 Prospect Pl, Brooklyn, NY', 40.6739, -73.9441],
    skills: [
      ['Workplace IT', 4],
      ['Cabling', 3],
      ['Network', 2],
    ],
  },
  {
    key: 'marcus',
    name: 'Marcus Bell',
    team: 'Brooklyn',
    phone: '+1 718 555 0184',
    home: ['2200 Church Ave, Brooklyn, NY', 40.6501, -73.9496],
    skills: [
      ['Printers', 3],
      ['Cabling', 4],
    ],
  },
  {
    key: 'priya',
    name: 'Priya Shah',
    team: 'New Jersey',
    phone: '+1 201 555 0185',
    home: ['30 Montgomery St, Jersey City, NJ', 40.7178, -74.0431],
    skills: [
      ['Network', 3],
      ['Cabling', 3],
    ],
  },
  {
    key: 'omar',
    name: 'Omar Haddad',
    team: 'New Jersey',
    phone: '+1 973 555 0186',
    home: ['1 Gateway Ctr, Newark, NJ', 40.7357, -74.1724],
    skills: [
      ['Printers', 4],
      ['Workplace IT', 2],
    ],
  },
];

type SiteName = 'Head office' | 'Warehouse Newark' | 'Brooklyn clinic' | 'Store 14 Jersey City';

/**
 * When a visit starts: minutes from now (work already under way), later today (minutes from now,
 * rounded up to the half hour; moved to the next working day when today has no room left) or the
 * next working day at a local time.
 */
type When = { ago: number } | { laterToday: number } | { nextDay: string };

/** What has happened on the visit by the time the demo starts. */
type Progress =
  'scheduled' | { enRouteAgo: number; etaIn: number } | { onSiteAgo: number } | { completedAgo: number; close?: true };

interface Job {
  technician: string;
  site: SiteName;
  workType: WorkTypeName;
  description: string;
  priority: 'critical' | 'high' | 'medium' | 'low';
  when: When;
  progress: Progress;
}

const jobs: Job[] = [
  {
    technician: 'toni',
    site: 'Head office',
    workType: 'PC repair',
    description: 'Meeting room 21B PC shows no picture on either screen.',
    priority: 'medium',
    when: { ago: 180 },
    progress: { completedAgo: 125, close: true },
  },
  {
    technician: 'toni',
    site: 'Head office',
    workType: 'Switch replacement',
    description: 'Access switch on floor 12 drops every link a few times an hour.',
    priority: 'high',
    when: { ago: 45 },
    progress: { onSiteAgo: 40 },
  },
  {
    technician: 'toni',
    site: 'Head office',
    workType: 'Wi-Fi survey',
    description: 'Weak Wi-Fi in the new open-plan area on floor 20; survey before adding access points.',
    priority: 'low',
    when: { laterToday: 90 },
    progress: 'scheduled',
  },
  {
    technician: 'toni',
    site: 'Brooklyn clinic',
    workType: 'Switch replacement',
    description: 'Replace the end-of-sale access switch in the clinic comms room.',
    priority: 'medium',
    when: { nextDay: '09:00' },
    progress: 'scheduled',
  },
  {
    technician: 'ray',
    site: 'Head office',
    workType: 'Printer service',
    description: 'Floor 21 printer leaves a grey stripe on every page.',
    priority: 'medium',
    when: { ago: 150 },
    progress: { completedAgo: 110 },
  },
  {
    technician: 'ray',
    site: 'Head office',
    workType: 'PC repair',
    description: 'Finance laptop dock: external screens flicker and drop.',
    priority: 'high',
    when: { ago: -20 },
    progress: { enRouteAgo: 10, etaIn: 20 },
  },
  {
    technician: 'ray',
    site: 'Head office',
    workType: 'Printer service',
    description: 'Annual service of the two mailroom printers.',
    priority: 'low',
    when: { nextDay: '08:30' },
    progress: 'scheduled',
  },
  {
    technician: 'lena',
    site: 'Brooklyn clinic',
    workType: 'PC repair',
    description: 'Exam room 3 PC freezes when the card reader is used.',
    priority: 'high',
    when: { ago: 30 },
    progress: { onSiteAgo: 25 },
  },
  {
    technician: 'lena',
    site: 'Brooklyn clinic',
    workType: 'Structured cabling',
    description: 'Run two new network points to the vaccination room.',
    priority: 'low',
    when: { nextDay: '10:00' },
    progress: 'scheduled',
  },
  {
    technician: 'marcus',
    site: 'Brooklyn clinic',
    workType: 'Printer service',
    description: 'Prescription printer feeds two sheets at a time.',
    priority: 'medium',
    when: { laterToday: 60 },
    progress: 'scheduled',
  },
  {
    technician: 'marcus',
    site: 'Store 14 Jersey City',
    workType: 'Structured cabling',
    description: 'Patch panel in the back office is full; add a second one and tidy the rack.',
    priority: 'low',
    when: { nextDay: '13:00' },
    progress: 'scheduled',
  },
  {
    technician: 'priya',
    site: 'Store 14 Jersey City',
    workType: 'Wi-Fi survey',
    description: 'Card terminals lose Wi-Fi near the fitting rooms.',
    priority: 'high',
    when: { ago: 240 },
    progress: { completedAgo: 170, close: true },
  },
  {
    technician: 'priya',
    site: 'Warehouse Newark',
    workType: 'Switch replacement',
    description: 'Loading dock switch dead after a power cut; scanners on dock 3 offline.',
    priority: 'critical',
    when: { ago: -25 },
    progress: { enRouteAgo: 5, etaIn: 25 },
  },
  {
    technician: 'priya',
    site: 'Store 14 Jersey City',
    workType: 'Switch replacement',
    description: 'Replace the store core switch during the planned early-morning window.',
    priority: 'medium',
    when: { nextDay: '08:00' },
    progress: 'scheduled',
  },
  {
    technician: 'omar',
    site: 'Store 14 Jersey City',
    workType: 'PC repair',
    description: 'Till 2 PC restarts during card payments.',
    priority: 'high',
    when: { ago: 20 },
    progress: { onSiteAgo: 15 },
  },
  {
    technician: 'omar',
    site: 'Warehouse Newark',
    workType: 'Printer service',
    description: 'Shipping label printer prints labels half a label off.',
    priority: 'medium',
    when: { laterToday: 120 },
    progress: 'scheduled',
  },
];

/** The demo tickets loadDemoData logged, and the work types that match them (in its order). */
const basicTicketNeeds: WorkTypeName[] = ['Switch replacement', 'PC repair', 'Printer service', 'Structured cabling'];

const escalations: { basicTicket: number; reason: string }[] = [
  { basicTicket: 0, reason: 'Client called twice: floor 21 cannot work until the core switch is back.' },
  { basicTicket: 1, reason: 'Clinic manager asks for a firm arrival time; patients are queueing at reception.' },
];

function isWorkingDay(day: DateTime): boolean {
  return day.weekday <= 5 && !publicHolidays(HOLIDAYS, day.year).has(day.toISODate() ?? '');
}

/** The next weekday after `day` that is not a public holiday in New York. */
function nextWorkingDay(day: DateTime): DateTime {
  let next = day.plus({ days: 1 });
  while (!isWorkingDay(next)) next = next.plus({ days: 1 });
  return next;
}

function startOf(when: When, now: DateTime): DateTime {
  if ('ago' in when) {
    // On a five-minute mark, as a dispatcher books; always before the status times that follow.
    const start = now.minus({ minutes: when.ago }).startOf('minute');
    return start.set({ minute: start.minute - (start.minute % 5) });
  }
  if ('nextDay' in when) {
    const [hour, minute] = when.nextDay.split(':').map(Number);
    return nextWorkingDay(now.startOf('day')).set({ hour, minute });
  }
  const soon = now.plus({ minutes: when.laterToday });
  const halfHour = soon.minute === 0 || soon.minute === 30 ? soon : soon.set({ minute: soon.minute < 30 ? 30 : 60 });
  const start = halfHour.startOf('minute');
  // No room left today (a demo started in the evening, at a weekend or on a holiday): the next
  // working morning instead.
  return isWorkingDay(now) && start.hasSame(now, 'day') && start.hour < 18
    ? start
    : nextWorkingDay(now.startOf('day')).set({ hour: 11 });
}

const iso = (at: DateTime): string => at.toUTC().toISO() ?? '';

/** Builds the demo world on top of loadDemoData's basics; runs once, on the start that loaded them. */
export async function loadDemoWorld(core: Core, clock: Clock, basics: DemoBasics): Promise<void> {
  const admin = await logIn(core, 'admin');
  const desk = await logIn(core, 'desk');
  const dispatcher = await logIn(core, 'dispatcher');
  const technician = await logIn(core, 'technician');
  try {
    const now = DateTime.fromJSDate(clock.now(), { zone: ZONE });
    const skillIds = new Map<string, string>();
    for (const name of skills) skillIds.set(name, (await admin.call('skills.create', { name })).id);
    const skill = (name: Skill): string => skillIds.get(name) ?? '';

    const workTypeIds = new Map<string, string>();
    for (const w of workTypes) {
      const saved = await admin.call('workTypes.save', {
        name: w.name,
        category: w.category,
        durationMinutes: w.minutes,
        requiredSkills: w.needs.map(([s, minLevel]) => ({ skillId: skill(s), minLevel })),
        signOffRequired: w.signOff ?? false,
      });
      workTypeIds.set(w.name, saved.id);
    }
    const workType = (name: WorkTypeName) => {
      const found = workTypes.find((w) => w.name === name);
      return { id: workTypeIds.get(name) ?? '', minutes: found?.minutes ?? 60 };
    };

    const users = await admin.call('users.list', {});
    const technicianLogin = users.find((u) => u.username === 'technician')?.id ?? null;
    const technicianIds = new Map<string, string>();
    for (const t of technicians) {
      const [address, latitude, longitude] = t.home;
      const saved = await admin.call('technicians.save', {
        name: t.name,
        userId: t.login ? technicianLogin : null,
        phone: t.phone,
        team: t.team,
        homeAddress: address,
        homeLatitude: latitude,
        homeLongitude: longitude,
        timeZone: ZONE,
        shiftPattern: weekdays,
        maxVisitsPerDay: 6,
        skills: t.skills.map(([s, level]) => ({ skillId: skill(s), level })),
        certifications: [],
      });
      technicianIds.set(t.key, saved.id);
    }

    const clients = await dispatcher.call('clients.list', { limit: 50 });
    const sites = new Map<string, { clientId: string; siteId: string; contactId: string | null; contact: string }>();
    for (const c of clients.clients) {
      const [contact] = await dispatcher.call('contacts.list', { clientId: c.id });
      for (const s of await dispatcher.call('sites.list', { clientId: c.id })) {
        sites.set(s.name, {
          clientId: c.id,
          siteId: s.id,
          contactId: contact?.id ?? null,
          contact: contact?.name ?? '',
        });
      }
    }

    for (const [index, name] of basicTicketNeeds.entries()) {
      const id = basics.ticketIds[index];
      if (id) await desk.call('tickets.setNeeds', { id, workTypeId: workType(name).id });
    }

    for (const job of jobs) {
      const site = sites.get(job.site);
      if (!site) throw new Error(`demo world: no site ${job.site}`);
      const type = workType(job.workType);
      const startsAt = startOf(job.when, now);
      // Logged a while before the visit, as a call that morning or the day before would be.
      const receivedAt = DateTime.min(startsAt, now).minus({ hours: 3 });
      const ticket = await desk.call('tickets.create', {
        channel: 'phone',
        receivedAt: iso(receivedAt),
        clientId: site.clientId,
        contactId: site.contactId,
        siteId: site.siteId,
        description: job.description,
        priority: job.priority,
        workTypeId: type.id,
      });
      const mine = job.technician === 'toni';
      // The technician reports their own visits; the dispatcher relays the other crews' calls.
      const reporter = mine ? technician : dispatcher;
      let visit = await dispatcher.call('visits.create', {
        ticketId: ticket.id,
        technicianId: technicianIds.get(job.technician) ?? '',
        startsAt: iso(startsAt),
        durationMinutes: type.minutes,
        // Only recorded when a rule is broken: a demo started outside the crews' shifts.
        override: { reason: 'Demo: a call-out outside the usual shift' },
      });
      const at = (minutesAgo: number) => iso(now.minus({ minutes: minutesAgo }));
      const progress = job.progress;
      if (progress === 'scheduled') continue;
      if ('enRouteAgo' in progress) {
        await reporter.call('visits.setStatus', {
          id: visit.id,
          expectedVersion: visit.version,
          status: 'en_route',
          at: at(progress.enRouteAgo),
          etaAt: at(-progress.etaIn),
        });
        continue;
      }
      const arrivedAgo = 'onSiteAgo' in progress ? progress.onSiteAgo : ('ago' in job.when ? job.when.ago : 0) - 5;
      visit = await reporter.call('visits.setStatus', {
        id: visit.id,
        expectedVersion: visit.version,
        status: 'on_site',
        at: at(arrivedAgo),
      });
      if (!('completedAgo' in progress)) continue;
      await reporter.call('visits.setStatus', {
        id: visit.id,
        expectedVersion: visit.version,
        status: 'completed',
        at: at(progress.completedAgo),
      });
      await reporter.call('workLogs.save', {
        visitId: visit.id,
        expectedVersion: 0,
        actions: 'Found the fault, fixed it and tested with the user.',
        steps: ['Reproduced the fault with the user', 'Replaced the faulty cable and tested'],
        parts: [],
        noParts: true,
        timeOnSiteMinutes: arrivedAgo - progress.completedAgo,
        outcome: 'resolved',
      });
      if (!progress.close) continue;
      const confirmed = await desk.call('tickets.confirmResolution', {
        ticketId: ticket.id,
        confirmedBy: site.contact,
        method: 'phone',
      });
      await dispatcher.call('tickets.close', {
        ticketId: ticket.id,
        expectedVersion: confirmed.version,
        resolutionSummary: 'Fixed on site; the client confirmed by phone.',
      });
    }

    for (const e of escalations) {
      const ticketId = basics.ticketIds[e.basicTicket];
      if (ticketId) await dispatcher.call('escalations.create', { ticketId, reason: e.reason });
    }
  } finally {
    for (const session of [technician, dispatcher, desk, admin]) await session.logOut();
  }
}
