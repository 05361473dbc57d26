// A browser-mode server (on the run's default database unless told otherwise) with the demo users
// logged in, and known records.
import type { ApiInput, MethodName } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { pngBase64 } from './images';
import { failedMessage } from './outbox-messages';
import type { Clock } from '../../electron/core/services/clock';
import type { SmtpTimeouts } from '../../electron/core/services/outbox/smtp-transport';
import type { DatabaseConfig } from '../../electron/core/db/connect';
import { valueOf, type TestEnvironment, type TestServer } from './test-runtime';
import { testIso } from './test-clock';

export interface ApiFixture {
  server: TestServer;
  /** A session cookie per demo role. */
  cookies: Record<Role, string>;
  clientId: string;
  contactId: string;
  siteId: string;
  /** The revisions clientId, contactId and siteId were created with (an update with their own values keeps them). */
  clientRevision: string;
  contactRevision: string;
  siteRevision: string;
  otherClientId: string;
  otherContactId: string;
  otherSiteId: string;
  ticketId: string;
  escalationId: string;
  skillId: string;
  technicianId: string;
  availabilityId: string;
  workTypeId: string;
  deskUserId: string;
  /** A visit of technicianId on ticketId, at version 1 after the fixture starts. */
  visitId: string;
  /** A ticket that is closed (with a closure row, not yet reviewed): no visit may be booked for it. */
  closedTicketId: string;
  /** The technician record linked to the demo technician's login, and a visit of theirs (version 1). */
  ownTechnicianId: string;
  ownVisitId: string;
  /** The ticket of ownVisitId (a ticket of its own). */
  ownTicketId: string;
  /** An active part of the catalog, counted in "each". */
  partSku: string;
  /** A photo attached to ticketId. */
  attachmentId: string;
  /** An entry of the audit log: the logging of ticketId. */
  auditId: string;
  /** An API token of the desk user, by the id auth.apiTokens lists it under. */
  apiTokenId: string;
  /** A message of ticketId that was not delivered (failed). */
  failedMessageId: string;
  /** A folder of the test's own; on SQLite it is the saved backup folder. */
  backupFolder: string;
  /** On SQLite a backup made by the fixture (in backupFolder); on PostgreSQL a path that does not exist. */
  backupFile: string;
}

export async function startApiFixture(
  env: TestEnvironment,
  options: {
    clock?: Clock;
    database?: DatabaseConfig;
    slaWatchIntervalMs?: number | false;
    outboxIntervalMs?: number | false;
    smtpTimeouts?: SmtpTimeouts;
    /** The feedback page's rate limit, for suites that open it more often than a client would. */
    feedbackRateLimit?: { burst: number; perMinute: number };
  } = {},
): Promise<ApiFixture> {
  const { feedbackRateLimit, ...runtimeOptions } = options;
  const runtime = await env.runtime({ demo: 'basic', ...runtimeOptions });
  const server = await env.server(runtime, feedbackRateLimit ? { feedbackRateLimit } : {});
  const cookies = await server.loginDemoUsers();
  const admin = { cookie: cookies.admin };
  const client = valueOf(
    await server.call('clients.create', { name: 'Tailspin Toys', phone: '+1 206 555 0111' }, admin),
  );
  const contact = valueOf(
    await server.call(
      'contacts.create',
      { clientId: client.id, name: 'Kim Abercrombie', phone: '206-555-0112' },
      admin,
    ),
  );
  const site = valueOf(
    await server.call(
      'sites.create',
      { clientId: client.id, name: 'Plant 2', address: '2 Harbor Way, Seattle' },
      admin,
    ),
  );
  const other = valueOf(await server.call('clients.create', { name: 'Wide World Importers' }, admin));
  const otherContact = valueOf(await server.call('contacts.create', { clientId: other.id, name: 'Hanna Moos' }, admin));
  const otherSite = valueOf(
    await server.call('sites.create', { clientId: other.id, name: 'Depot', address: '9 Dock Rd, Tacoma' }, admin),
  );
  const ticket = valueOf(
    await server.call(
      'tickets.create',
      {
        channel: 'phone',
        receivedAt: testIso(-60_000),
        clientId: client.id,
        description: 'Conveyor controller shows E42',
        priority: 'high',
      },
      admin,
    ),
  );
  const escalation = valueOf(
    await server.call('escalations.create', { ticketId: ticket.id, reason: 'Client called twice' }, admin),
  );
  const skill = valueOf(await server.call('skills.create', { name: 'Network', description: 'Switches, Wi-Fi' }, admin));
  const technician = valueOf(
    await server.call(
      'technicians.save',
      {
        name: 'Terry Field',
        team: 'North',
        homeLatitude: 47.61,
        homeLongitude: -122.33,
        timeZone: 'America/Los_Angeles',
        shiftPattern: { mon: [['08:00', '16:30']], tue: [['08:00', '16:30']] },
        maxVisitsPerDay: 6,
        skills: [{ skillId: skill.id, level: 3 }],
        certifications: [{ name: 'Fiber splicing', expiresOn: '2027-06-30' }],
      },
      admin,
    ),
  );
  const availability = valueOf(
    await server.call(
      'technicians.addAvailability',
      {
        technicianId: technician.id,
        kind: 'time_off',
        startsAt: '2026-12-24T00:00:00Z',
        endsAt: '2026-12-27T00:00:00Z',
      },
      admin,
    ),
  );
  const workType = valueOf(
    await server.call(
      'workTypes.save',
      { name: 'Switch replacement', durationMinutes: 90, requiredSkills: [{ skillId: skill.id, minLevel: 2 }] },
      admin,
    ),
  );
  const visit = valueOf(
    await server.call(
      'visits.create',
      { ticketId: ticket.id, technicianId: technician.id, startsAt: '2027-01-04T17:00:00Z', durationMinutes: 60 },
      admin,
    ),
  );
  const closed = valueOf(
    await server.call(
      'tickets.create',
      {
        channel: 'phone',
        receivedAt: testIso(-60_000),
        clientId: client.id,
        description: 'Fixed on the phone',
        priority: 'low',
      },
      admin,
    ),
  );
  const users = valueOf(await server.call('users.list', {}, admin));
  const desk = users.find((u) => u.username === 'desk');
  if (!desk) throw new Error('the demo data has no desk user');
  // Closed through the closure gate, as the desk and a dispatcher would: a visit on site and
  // completed, its work log (steps, no parts), the client's confirmation, then tickets.close.
  const closedVisit = valueOf(
    await server.call(
      'visits.create',
      { ticketId: closed.id, technicianId: technician.id, startsAt: nextFreeMonday(), durationMinutes: 60 },
      admin,
    ),
  );
  const arrived = valueOf(
    await server.call(
      'visits.setStatus',
      { id: closedVisit.id, expectedVersion: closedVisit.version, status: 'on_site' },
      admin,
    ),
  );
  valueOf(
    await server.call(
      'visits.setStatus',
      { id: arrived.id, expectedVersion: arrived.version, status: 'completed' },
      admin,
    ),
  );
  valueOf(
    await server.call(
      'workLogs.save',
      {
        visitId: closedVisit.id,
        expectedVersion: 0,
        actions: '',
        steps: ['Power-cycled the controller', 'Checked the line ran'],
        parts: [],
        noParts: true,
        outcome: 'resolved',
      },
      admin,
    ),
  );
  const confirmed = valueOf(
    await server.call(
      'tickets.confirmResolution',
      { ticketId: closed.id, confirmedBy: 'Kim Abercrombie', method: 'phone' },
      { cookie: cookies.support_desk },
    ),
  );
  valueOf(
    await server.call(
      'tickets.close',
      { ticketId: closed.id, expectedVersion: confirmed.version, resolutionSummary: 'Fixed on the phone' },
      admin,
    ),
  );
  const own = await ownVisit(server, admin, client.id, users.find((u) => u.username === 'technician')?.id ?? null);
  const part = valueOf(
    await server.call('parts.save', { sku: 'FX-SFP-10G-LR', name: 'SFP+ 10G LR module', unit: 'each' }, admin),
  );
  const attachment = valueOf(
    await server.call(
      'attachments.add',
      { ticketId: ticket.id, fileName: 'panel.png', contentBase64: pngBase64(1), caption: 'Controller panel' },
      admin,
    ),
  );
  const backupFolder = env.tempDir();
  let backupFile = `${backupFolder}/none.sqlite`;
  if (runtime.database.dialect === 'sqlite') {
    valueOf(await server.call('backup.saveSettings', { folder: backupFolder, scheduleHour: null, keep: 3 }, admin));
    backupFile = valueOf(await server.call('backup.run', {}, admin)).path;
  }
  valueOf(await server.call('auth.createApiToken', { userId: desk.id, name: 'fixture bridge' }, admin));
  const apiToken = valueOf(await server.call('auth.apiTokens', {}, admin)).find((t) => t.name === 'fixture bridge');
  return {
    server,
    cookies,
    apiTokenId: apiToken?.id ?? '',
    clientId: client.id,
    contactId: contact.id,
    siteId: site.id,
    clientRevision: client.revision,
    contactRevision: contact.revision,
    siteRevision: site.revision,
    otherClientId: other.id,
    otherContactId: otherContact.id,
    otherSiteId: otherSite.id,
    ticketId: ticket.id,
    escalationId: escalation.id,
    skillId: skill.id,
    technicianId: technician.id,
    availabilityId: availability.id,
    workTypeId: workType.id,
    deskUserId: desk.id,
    visitId: visit.id,
    closedTicketId: closed.id,
    ownTechnicianId: own.technicianId,
    ownVisitId: own.visitId,
    ownTicketId: own.ticketId,
    partSku: part.sku,
    attachmentId: attachment.attachment.id,
    auditId:
      valueOf(
        await server.call('audit.list', { filter: { record: ticket.id, entity: 'ticket' }, limit: 200 }, admin),
      ).entries.filter((e) => e.method === 'tickets.create')[0]?.id ?? '',
    failedMessageId: await failedMessage(runtime.database, { ticketId: ticket.id }),
    backupFolder,
    backupFile,
  };
}

/** A technician record for the demo technician's login, with a visit on a ticket of its own. */
async function ownVisit(server: TestServer, admin: { cookie: string }, clientId: string, userId: string | null) {
  const technician = valueOf(
    await server.call(
      'technicians.save',
      { name: 'Toni Field', userId, timeZone: 'America/Los_Angeles', skills: [], certifications: [] },
      admin,
    ),
  );
  const ticket = valueOf(
    await server.call(
      'tickets.create',
      {
        channel: 'phone',
        receivedAt: testIso(-120_000),
        clientId,
        description: 'Badge reader at the side door is dead',
        priority: 'medium',
      },
      admin,
    ),
  );
  const visit = valueOf(
    await server.call(
      'visits.create',
      {
        ticketId: ticket.id,
        technicianId: technician.id,
        startsAt: testIso(3_600_000),
        durationMinutes: 60,
        override: { reason: 'Fixture: outside any shift on purpose' },
      },
      admin,
    ),
  );
  return { technicianId: technician.id, visitId: visit.id, ticketId: ticket.id };
}

let unique = 0;

/** Monday 09:00 in Los Angeles (inside the fixture technician's shift), a new week per call. */
export function nextFreeMonday(): string {
  const monday = Date.parse('2027-01-11T17:00:00Z') + ++unique * 7 * 86_400_000;
  // 09:00 local is 16:00 UTC while daylight saving time is in force.
  const local = new Date(monday).toLocaleString('en-US', {
    timeZone: 'America/Los_Angeles',
    hour: 'numeric',
    hour12: false,
  });
  return new Date(monday - (Number(local) - 9) * 3_600_000).toISOString();
}

export const noCriteria = {
  serviceOutage: false,
  securityRisk: false,
  usersImpacted: 'one',
  userUnableToWork: false,
  intermittentWithWorkaround: false,
  generalQuery: false,
} as const;

const weekday: [string, string][] = [['08:00', '17:00']];
export const officeHours = {
  timeZone: 'America/New_York',
  hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  holidays: { country: 'US' },
};

/**
 * A valid input for every method of the contract (the type fails to check when a method is added
 * without one). Inputs that create something are unique per call.
 */
export const validInputs: { [K in MethodName]: (f: ApiFixture) => ApiInput<K> } = {
  'auth.status': () => ({}),
  'auth.setup': () => ({ username: `first${++unique}`, displayName: 'First Admin', password: 'long-enough-1' }),
  'auth.login': () => ({ username: 'desk', password: 'demo' }),
  'auth.logout': () => ({}),
  'auth.createApiToken': (f) => ({ userId: f.deskUserId, name: `integration ${++unique}` }),
  // Never right as the admin's current password, so generated probes cannot change it; the role
  // matrix signs in a user of its own for the call that succeeds (tests/api/access.test.ts).
  'auth.changePassword': () => ({ currentPassword: 'not-the-current-one', newPassword: 'a-new-long-passphrase' }),
  'users.list': () => ({}),
  // The desk as the demo made it, so an allowed call changes nothing the other tests rely on.
  'users.update': (f) => ({ userId: f.deskUserId, displayName: 'Dana Desk', role: 'support_desk' }),
  'users.setActive': (f) => ({ userId: f.deskUserId, active: true }),
  'users.resetPassword': (f) => ({ userId: f.deskUserId }),
  'auth.apiTokens': () => ({}),
  // The token the fixture made for the desk; the role matrix revokes tokens of its own.
  'auth.revokeApiToken': (f) => ({ id: f.apiTokenId }),
  'signIn.settings': () => ({}),
  'signIn.saveSettings': () => ({ delayAfterFailures: 3, lockAfterFailures: 10, lockMinutes: 15 }),
  'signIn.locks': () => ({}),
  'signIn.unlock': () => ({ kind: 'user', name: 'nobody-locked' }),
  'users.create': () => ({
    username: `user${++unique}`,
    displayName: 'New Colleague',
    role: 'technician',
    password: 'long-enough-1',
  }),
  'clients.search': () => ({ query: 'tailspin' }),
  'clients.create': () => ({ name: `Client ${++unique}` }),
  'contacts.create': (f) => ({ clientId: f.clientId, name: `Contact ${++unique}` }),
  'contacts.list': (f) => ({ clientId: f.clientId }),
  'sites.list': (f) => ({ clientId: f.clientId }),
  'sites.create': (f) => ({ clientId: f.clientId, name: `Site ${++unique}`, address: '1 Main St' }),
  'clients.list': () => ({ query: 'tail', limit: 20 }),
  // The values the fixture created them with: every allowed call succeeds, and the revision stays.
  'clients.update': (f) => ({
    id: f.clientId,
    expectedRevision: f.clientRevision,
    name: 'Tailspin Toys',
    phone: '+1 206 555 0111',
  }),
  'contacts.update': (f) => ({
    id: f.contactId,
    expectedRevision: f.contactRevision,
    name: 'Kim Abercrombie',
    phone: '206-555-0112',
  }),
  // Active already: the contact stays pickable for the tickets other methods create.
  'contacts.setActive': (f) => ({ id: f.contactId, expectedRevision: f.contactRevision, active: true }),
  'sites.update': (f) => ({
    id: f.siteId,
    expectedRevision: f.siteRevision,
    name: 'Plant 2',
    address: '2 Harbor Way, Seattle',
  }),
  'tickets.create': (f) => ({
    channel: 'phone',
    receivedAt: testIso(-60_000),
    clientId: f.clientId,
    contactId: f.contactId,
    siteId: f.siteId,
    description: 'Label printer jams',
    priority: 'medium',
  }),
  'tickets.get': (f) => ({ id: f.ticketId }),
  'tickets.queue': (f) => ({ clientId: f.clientId }),
  'priority.assess': () => ({ criteria: { ...noCriteria, userUnableToWork: true } }),
  'tickets.overridePriority': (f) => ({ id: f.ticketId, priority: 'critical', reason: 'Production line stopped' }),
  'tickets.recordFirstContact': (f) => ({ id: f.ticketId, at: testIso(-30_000) }),
  'tickets.setNeeds': (f) => ({ id: f.ticketId, workTypeId: f.workTypeId, estimatedMinutes: 75 }),
  'tickets.recomputeSla': (f) => ({ ids: [f.ticketId] }),
  'sla.preview': () => ({ priority: 'high', receivedAt: '2026-11-25T10:00:00-05:00', calendar: officeHours }),
  'sla.settings': () => ({}),
  'sla.saveSettings': () => ({
    policy: { criticalMinutes: 120, sameDayCutoff: '13:00', mediumDays: 2, lowDays: 5 },
    matrix: {
      high: { high: 'critical', medium: 'high', low: 'medium' },
      medium: { high: 'high', medium: 'medium', low: 'low' },
      low: { high: 'high', medium: 'medium', low: 'low' },
    },
    atRiskFraction: 0.75,
  }),
  'calendars.list': () => ({}),
  'calendars.save': (f) => ({
    scope: { kind: 'client', clientId: f.clientId },
    name: 'Seattle',
    calendar: officeHours,
  }),
  'calendars.remove': (f) => ({ scope: { kind: 'client', clientId: f.clientId } }),
  'escalations.list': () => ({}),
  'escalations.create': (f) => ({ ticketId: f.ticketId, reason: 'Client is unhappy with the wait' }),
  'escalations.acknowledge': (f) => ({ id: f.escalationId, note: 'Called the client back' }),
  'skills.list': () => ({}),
  'skills.create': () => ({ name: `Skill ${++unique}` }),
  'technicians.list': () => ({}),
  'technicians.save': (f) => ({
    id: f.technicianId,
    name: 'Terry Field',
    skills: [{ skillId: f.skillId, level: 4, certifiedUntil: '2027-01-31' }],
    certifications: [],
  }),
  'technicians.availability': (f) => ({
    technicianId: f.technicianId,
    from: '2026-12-01T00:00:00Z',
    to: '2027-01-01T00:00:00Z',
  }),
  'technicians.addAvailability': (f) => ({
    technicianId: f.technicianId,
    kind: 'extra_shift',
    startsAt: '2026-12-05T09:00:00Z',
    endsAt: '2026-12-05T13:00:00Z',
    note: 'Saturday cover',
  }),
  'technicians.removeAvailability': (f) => ({ id: f.availabilityId }),
  'workTypes.list': () => ({}),
  'workTypes.save': (f) => ({
    id: f.workTypeId,
    name: 'Switch replacement',
    category: 'Network',
    durationMinutes: 120,
    requiredSkills: [{ skillId: f.skillId, minLevel: 3 }],
  }),
  'visits.create': (f) => ({
    ticketId: f.ticketId,
    technicianId: f.technicianId,
    startsAt: nextFreeMonday(),
    durationMinutes: 90,
    resolveBy: '2028-12-31T00:00:00Z',
  }),
  'visits.update': (f) => ({ id: f.visitId, expectedVersion: 1, durationMinutes: 45, pinned: true }),
  'visits.cancel': (f) => ({ id: f.visitId, expectedVersion: 1, reason: 'Client closed for inventory' }),
  'visits.updateChecklist': (f) => ({
    id: f.visitId,
    expectedVersion: 1,
    contact: { confirmed: true, name: 'Kim Abercrombie', method: 'phone' },
    locationConfirmed: true,
    access: { badge: true, escort: false, parking: true, openingHours: true, notes: 'Badge at the gatehouse' },
  }),
  'visits.list': (f) => ({ from: '2027-01-04T00:00:00Z', to: '2027-01-11T00:00:00Z', technicianIds: [f.technicianId] }),
  'visits.forTicket': (f) => ({ ticketId: f.ticketId }),
  'visits.setStatus': (f) => ({
    id: f.ownVisitId,
    expectedVersion: 1,
    status: 'on_site',
    note: 'Arrived, client present',
  }),
  'visits.myDay': (f) => ({ technicianId: f.ownTechnicianId }),
  'schedules.day': (f) => ({ date: '2027-01-04', technicianId: f.ownTechnicianId }),
  'schedules.pdf': (f) => ({ date: '2027-01-04', technicianId: f.ownTechnicianId }),
  'schedules.mailSettings': () => ({}),
  'schedules.saveMailSettings': () => ({ enabled: false, hour: 18 }),
  'dispatch.recommend': (f) => ({ ticketId: f.ticketId, day: '2027-01-04' }),
  'dispatch.optimize': () => ({ from: '2027-01-04', to: '2027-01-04', timeLimitSeconds: 0.2 }),
  'dispatch.cancel': () => ({ runId: '6f1c2c3e-2f7a-4f53-9d55-0b3c8f1d2a11' }),
  'dispatch.acceptPlan': () => ({ planId: '0d4b8f52-8d9a-4d55-a0a4-9b0f77c1e2d3' }),
  'dispatch.discardPlan': () => ({ planId: '0d4b8f52-8d9a-4d55-a0a4-9b0f77c1e2d3' }),
  'dispatch.settings': () => ({}),
  'dispatch.saveSettings': () => ({
    weights: { skillFit: 30, lateness: 10, travel: 0.5, extraTravel: 1, workload: 0.1, earliestStart: 0.05 },
    travel: {
      detourFactor: 1.3,
      averageSpeedKmh: 40,
      parkingMinutes: 5,
      osrm: { enabled: false, url: 'http://127.0.0.1:5000', profile: 'driving', timeoutMs: 2000 },
    },
  }),
  'backup.status': () => ({}),
  'backup.saveSettings': (f) => ({ folder: f.backupFolder, scheduleHour: 2, keep: 3 }),
  'backup.run': () => ({}),
  'backup.list': () => ({}),
  'backup.restore': (f) => ({ file: f.backupFile }),
  'geocoder.settings': () => ({}),
  'geocoder.saveSettings': () => ({
    enabled: false,
    service: 'photon',
    url: 'http://127.0.0.1:2322',
    timeoutMs: 3000,
  }),
  'geocoder.search': () => ({ address: '350 Fifth Avenue, New York' }),
  'map.streetFile': () => ({}),
  'map.saveStreetFile': () => ({ file: null }),
  'organisation.settings': () => ({}),
  'organisation.saveSettings': () => ({ firstDayOfWeek: 'sun' }),
  'parts.list': () => ({ query: 'sfp', includeInactive: true }),
  'parts.save': () => ({ sku: `PS-${++unique}`, name: 'Power supply 550 W', unit: 'each', active: true }),
  'parts.importCsv': () => ({ csv: `sku,name,unit\nIMP-${++unique},Patch cable Cat6,m\n`, dryRun: false }),
  'workLogs.get': (f) => ({ visitId: f.ownVisitId }),
  'workLogs.forTicket': (f) => ({ ticketId: f.ticketId }),
  'workLogs.save': (f) => ({
    visitId: f.ownVisitId,
    expectedVersion: 0,
    actions: 'Replaced the uplink module; link up at 10G.',
    steps: ['Checked the port counters', 'Swapped the SFP+ module'],
    parts: [{ sku: f.partSku, quantity: 1, serialsInstalled: ['AGM1234X'], serialsRemoved: ['AGM0001A'] }],
    noParts: false,
    timeOnSiteMinutes: 45,
    outcome: 'resolved',
  }),
  'attachments.add': (f) => ({
    ticketId: f.ownTicketId,
    visitId: f.ownVisitId,
    fileName: `photo ${++unique}.png`,
    contentBase64: pngBase64(++unique),
    caption: 'Wiring before the repair',
  }),
  'attachments.list': (f) => ({ ticketId: f.ticketId }),
  'attachments.content': (f) => ({ id: f.attachmentId, variant: 'original' }),
  'attachments.settings': () => ({}),
  'attachments.saveSettings': () => ({ maxUploadMegabytes: 20 }),
  'signOffs.record': (f) => ({
    visitId: f.ownVisitId,
    kind: 'signed',
    signerName: 'Kim Abercrombie',
    signerRole: 'Plant manager',
    signaturePngBase64: pngBase64(++unique),
    resolutionConfirmed: true,
  }),
  'signOffs.list': (f) => ({ ticketId: f.ticketId }),
  'tickets.closureCheck': (f) => ({ ticketId: f.ticketId }),
  'tickets.confirmResolution': (f) => ({ ticketId: f.ticketId, confirmedBy: 'Kim Abercrombie', method: 'phone' }),
  // The fixture's ticket (version 2 once its visit is booked) is not documented, so an allowed
  // caller hears what is missing.
  // The fixture's ticket is at version 2 once its visit is booked; that visit is only scheduled.
  'tickets.recordRemoteResolution': (f) => ({
    ticketId: f.ticketId,
    expectedVersion: 2,
    channel: 'remote_session',
    respondedAt: testIso(-20_000),
    resolution: 'Restarted the print spooler and cleared the stuck job',
    steps: ['Connected to the front desk PC', 'Restarted the print spooler', 'Printed a test page'],
    confirmedBy: 'Kim Abercrombie',
  }),
  'tickets.close': (f) => ({ ticketId: f.ticketId, expectedVersion: 2, resolutionSummary: 'Controller replaced' }),
  'audit.list': (f) => ({ filter: { userId: f.deskUserId, entity: 'ticket' }, limit: 20 }),
  'audit.get': (f) => ({ id: f.auditId }),
  'audit.kinds': () => ({}),
  'audit.export': () => ({ filter: { entity: 'sign_in' } }),
  'tickets.reopen': (f) => ({ ticketId: f.closedTicketId, reason: 'The fault came back' }),
  'tickets.link': (f) => ({ ticketId: f.closedTicketId, earlierTicketId: f.ticketId }),
  'tickets.recentlyClosed': (f) => ({ clientId: f.clientId, days: 30 }),
  'tickets.timeline': (f) => ({ ticketId: f.ticketId }),
  'closure.settings': () => ({}),
  'closure.saveSettings': () => ({ reopenWindowDays: 21 }),
  'reports.slaAdherence': () => ({ from: '2026-12-01', to: '2026-12-31', groupBy: 'priority' }),
  'reports.volumes': () => ({ from: '2026-12-01', to: '2026-12-31', groupBy: 'week' }),
  'reports.firstTimeFix': () => ({ from: '2026-12-01', to: '2026-12-31', groupBy: 'priority' }),
  'reports.escalations': () => ({ from: '2026-12-01', to: '2026-12-31', groupBy: 'week' }),
  'reports.review': () => ({ from: '2026-12-01', to: '2026-12-31', groupBy: 'team' }),
  'reports.utilization': () => ({ from: '2026-12-01', to: '2026-12-31', groupBy: 'technician' }),
  'reports.tickets': () => ({ from: '2026-12-01', to: '2026-12-31', groupBy: 'priority', key: 'high' }),
  'reports.export': () => ({ from: '2026-12-01', to: '2026-12-31', groupBy: 'priority', format: 'csv' }),
  'reviews.pending': () => ({}),
  'reviews.completed': () => ({}),
  'reviews.record': (f) => ({
    ticketId: f.closedTicketId,
    note: 'Resolved over the phone; no visit needed',
    tags: ['other'],
    sopFollowed: true,
  }),
  'outbox.list': (f) => ({ ticketId: f.ticketId, limit: 20 }),
  'outbox.get': (f) => ({ id: f.failedMessageId }),
  'outbox.retry': (f) => ({ id: f.failedMessageId }),
  'outbox.status': () => ({}),
  'outbox.settings': () => ({}),
  'outbox.saveSettings': () => ({ firstRetryMinutes: 1, maxRetryMinutes: 60, maxAttempts: 8, delayGraceMinutes: 15 }),
  'mail.settings': () => ({}),
  // Nothing listens on port 1 of the loopback: a test message is refused at once, never sent anywhere.
  'mail.saveSettings': () => ({
    host: '127.0.0.1',
    port: 1,
    tls: 'none',
    user: 'dispatch',
    password: 'smtp-secret',
    fromAddress: 'dispatch@tailspin.example',
  }),
  'mail.sendTest': () => ({ to: 'kim@tailspin.example' }),
  'webhook.settings': () => ({}),
  // As for SMTP: nothing listens on port 1, so a test post is refused at once.
  'webhook.saveSettings': () => ({
    url: 'http://127.0.0.1:1/hooks/dispatch',
    secret: 'a-webhook-secret-of-32-characters',
    kinds: [],
  }),
  'webhook.sendTest': () => ({}),
  'mailboxes.list': () => ({}),
  // As for SMTP: nothing listens on port 1, so a test connection is refused at once.
  'mailboxes.save': () => ({
    name: 'Support',
    host: '127.0.0.1',
    port: 1,
    tls: 'none',
    user: 'support',
    password: 'imap-secret',
  }),
  'mailboxes.test': () => ({
    name: 'Support',
    host: '127.0.0.1',
    port: 1,
    tls: 'none',
    user: 'support',
    password: 'imap-secret',
  }),
  'templates.list': () => ({}),
  'templates.get': () => ({ kind: 'booking-confirmation' }),
  // The shipped wording saved as the admin's own: every allowed call succeeds and changes no text.
  'templates.save': () => ({
    kind: 'request-acknowledgement',
    subject: 'We have your request {{ticketNumber}}',
    body: 'Dear {{contactName}},\n\nWe have logged your request as {{ticketNumber}} ({{priority}}).',
  }),
  'templates.reset': () => ({ kind: 'booking-update' }),
  'templates.preview': (f) => ({ kind: 'booking-confirmation', ticketId: f.ticketId }),
  'clients.messagePreferences': (f) => ({ clientId: f.clientId }),
  'clients.saveMessagePreferences': (f) => ({ clientId: f.clientId, receives: { 'on-the-way': true } }),
  // Not opted out already: the contact keeps receiving for the tickets other methods create.
  'contacts.setMessagesOptOut': (f) => ({ id: f.contactId, expectedRevision: f.contactRevision, optOut: false }),
  // A good score and the problem not back: repeated calls add feedback and nothing else.
  'feedback.record': (f) => ({ ticketId: f.closedTicketId, score: 4, comment: 'Quick and polite' }),
  'feedback.forTicket': (f) => ({ ticketId: f.closedTicketId }),
  'feedback.settings': () => ({}),
  'feedback.saveSettings': () => ({ publicBaseUrl: 'https://dispatch.tailspin.example' }),
  'reminders.settings': () => ({}),
  'reminders.saveSettings': () => ({ leadHours: 24 }),
  'messages.draftUpdate': (f) => ({ ticketId: f.ticketId }),
  // ticketId has no contact to write to: tests that send give a ticket of their own that has one.
  'messages.sendUpdate': (f) => ({
    ticketId: f.ticketId,
    subject: 'Update on your request',
    body: 'The replacement part arrives on Tuesday; we will book the visit then.',
  }),
  // The demo technician's own ticket, so that every role allowed to log calls may log this one.
  'calls.log': (f) => ({
    ticketId: f.ownTicketId,
    calledName: 'Kim Abercrombie',
    phone: '206-555-0112',
    calledAt: testIso(-10 * 60_000),
    summary: 'Told Kim the technician is on the way and will be there by ten.',
  }),
  'calls.forTicket': (f) => ({ ticketId: f.ownTicketId }),
  'settingsTransfer.export': () => ({}),
  'settingsTransfer.preview': () => ({ file: smallSettingsFile() }),
  // No preview has this fingerprint: refused as stale. Tests that apply preview first (access.test.ts).
  'settingsTransfer.import': () => ({ file: smallSettingsFile(), expectedPreview: '0'.repeat(64) }),
};

/** A settings file of one section, with the reminder lead time the fixture's other inputs save. */
export function smallSettingsFile(sections: Record<string, unknown> = { reminders: { leadHours: 24 } }): string {
  return JSON.stringify({
    format: 'dispatch-console-settings',
    formatVersion: 1,
    schemaVersion: '0020-more-report-indexes',
    exportedAt: testIso(),
    sections,
  });
}
