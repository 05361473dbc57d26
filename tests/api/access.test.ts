import { beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames, type ApiInput, type MethodName } from '../../shared/api/contract';
import { roles, type Role } from '../../shared/domain/roles';
import { nextFreeMonday, startApiFixture, validInputs, type ApiFixture } from '../support/api-fixture';
import { documentedTicket } from '../support/closure-scenario';
import { failedMessage } from '../support/outbox-messages';
import { countRows, roleUsernames, useTestEnvironment, valueOf } from '../support/test-runtime';

type Callers = 'public' | 'logged in' | readonly Role[];

const desk = 'support_desk';
const dispatcher = 'dispatcher';
const technician = 'technician';
const manager = 'service_manager';
const supervisor = 'supervisor';
const admin = 'admin';
const everyone = roles;

/**
 * Who may call each method, written down from the product's roles (shared/docs/PRODUCT.md: the desk
 * logs requests; the dispatch coordinator prioritizes, books and reacts; the technician executes and
 * documents visits; the client service manager watches adherence, takes escalations and reviews;
 * the supervisor prints schedules; the admin keeps users, skills, calendars, SLA policy, templates)
 * and the rules in docs/ARCHITECTURE.md. It is kept apart from shared/api on purpose: a wrong role
 * in the contract must fail here, so nothing below reads the contract's access lists.
 */
const intended: Record<MethodName, Callers> = {
  'auth.status': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.logout': 'logged in',
  'auth.createApiToken': [admin],
  'users.list': [admin],
  'users.create': [admin],
  // Users are kept by the admin alone; everyone changes their own password.
  'users.update': [admin],
  'users.setActive': [admin],
  'users.resetPassword': [admin],
  'auth.changePassword': 'logged in',
  // Sign-in protection is the admin's, with the users.
  'auth.apiTokens': [admin],
  'auth.revokeApiToken': [admin],
  'signIn.settings': [admin],
  'signIn.saveSettings': [admin],
  'signIn.locks': [admin],
  'signIn.unlock': [admin],
  'clients.search': everyone,
  // Clients, contacts and sites are created at intake; whoever creates them may correct them.
  'clients.create': [desk, dispatcher, admin],
  'contacts.create': [desk, dispatcher, admin],
  'contacts.list': everyone,
  'sites.list': everyone,
  'sites.create': [desk, dispatcher, admin],
  'clients.list': everyone,
  'clients.update': [desk, dispatcher, admin],
  'contacts.update': [desk, dispatcher, admin],
  'contacts.setActive': [desk, dispatcher, admin],
  'sites.update': [desk, dispatcher, admin],
  'tickets.create': [desk, dispatcher, admin],
  'tickets.get': everyone,
  'tickets.queue': everyone,
  'priority.assess': [desk, dispatcher, admin],
  // "A coordinator may override, with a reason that is kept."
  'tickets.overridePriority': [dispatcher, admin],
  'tickets.recordFirstContact': [desk, dispatcher, admin],
  'tickets.setNeeds': [desk, dispatcher, admin],
  'tickets.recomputeSla': [admin],
  // The SLA policy and calendars are the admin's; those who watch adherence may try them out.
  'sla.preview': [dispatcher, manager, admin],
  'sla.settings': everyone,
  'sla.saveSettings': [admin],
  'calendars.list': [dispatcher, manager, admin],
  'calendars.save': [admin],
  'calendars.remove': [admin],
  // Escalations go to the client service manager; dispatch raises them and the supervisor reads
  // them. The desk does not escalate: a caller's complaint reaches the dispatcher first (kept as the
  // contract has it; PRODUCT.md does not say who may escalate by hand).
  'escalations.list': [dispatcher, manager, supervisor, admin],
  'escalations.create': [dispatcher, manager, admin],
  'escalations.acknowledge': [manager, admin],
  'skills.list': everyone,
  'skills.create': [admin],
  'technicians.list': everyone,
  'technicians.save': [admin],
  // Time off is planned by dispatch; those who read escalations and rankings also see it.
  'technicians.availability': [dispatcher, manager, supervisor, admin],
  'technicians.addAvailability': [dispatcher, admin],
  'technicians.removeAvailability': [dispatcher, admin],
  'workTypes.list': everyone,
  'workTypes.save': [admin],
  'visits.create': [dispatcher, admin],
  'visits.update': [dispatcher, admin],
  'visits.cancel': [dispatcher, admin],
  'visits.updateChecklist': [dispatcher, admin],
  'visits.list': everyone,
  'visits.forTicket': everyone,
  // The crew reports its own visits; a dispatcher records for them.
  'visits.setStatus': [dispatcher, technician, admin],
  // The supervisor prints the day's schedules, so reads any technician's day.
  'visits.myDay': [dispatcher, technician, supervisor, admin],
  // Supervisors print the day; dispatchers and client service managers read it; a technician
  // only their own day (the fixture asks for the technician's own).
  'schedules.day': [dispatcher, technician, manager, supervisor, admin],
  'schedules.pdf': [dispatcher, technician, manager, supervisor, admin],
  // The schedule e-mail is set up on Admin › E-mail; nobody else needs to read it.
  'schedules.mailSettings': [admin],
  'schedules.saveMailSettings': [admin],
  // The ranking is dispatch's tool; the manager and supervisor read it to follow an escalation.
  'dispatch.recommend': [dispatcher, manager, supervisor, admin],
  'dispatch.optimize': [dispatcher, admin],
  'dispatch.cancel': [dispatcher, admin],
  'dispatch.acceptPlan': [dispatcher, admin],
  'dispatch.discardPlan': [dispatcher, admin],
  'dispatch.settings': everyone,
  'dispatch.saveSettings': [admin],
  // Whoever places sites (intake and the client directory) may look an address up.
  'geocoder.settings': [desk, dispatcher, admin],
  'geocoder.saveSettings': [admin],
  'geocoder.search': [desk, dispatcher, admin],
  // Everyone who sees a map may draw the street file on it; the admin alone chooses the file.
  'map.streetFile': everyone,
  'map.saveStreetFile': [admin],
  // Everyone who sees a week sees it start on the same day; only the admin chooses which.
  // Backups copy every record; restoring one replaces them all: the admin's job alone.
  'backup.status': [admin],
  'backup.saveSettings': [admin],
  'backup.run': [admin],
  'backup.list': [admin],
  'backup.restore': [admin],
  'organisation.settings': everyone,
  'organisation.saveSettings': [admin],
  'parts.list': everyone,
  'parts.save': [admin],
  'parts.importCsv': [admin],
  'workLogs.get': everyone,
  'workLogs.forTicket': everyone,
  'workLogs.save': [technician, dispatcher, admin],
  // Photos and forms: the crew, and whoever receives them from the client; not the supervisor.
  'attachments.add': [desk, dispatcher, technician, manager, admin],
  'attachments.list': everyone,
  'attachments.content': everyone,
  'attachments.settings': everyone,
  'attachments.saveSettings': [admin],
  // The client's sign-off is taken on the visit: the crew, or a dispatcher for them; never the desk.
  'signOffs.record': [dispatcher, technician, admin],
  'signOffs.list': everyone,
  'tickets.closureCheck': everyone,
  // "Closed only on resolution confirmation (by the client, or recorded by the desk)."
  'tickets.confirmResolution': [desk, dispatcher, manager, admin],
  // The desk or a dispatcher records a fix made by phone; closing it stays with the closers.
  'tickets.recordRemoteResolution': [desk, dispatcher, admin],
  'tickets.close': [dispatcher, manager, admin],
  // Who did what, and what the sign-ins were, is for admins only.
  'audit.list': [admin],
  'audit.get': [admin],
  'audit.kinds': [admin],
  'audit.export': [admin],
  'tickets.reopen': [dispatcher, manager, admin],
  'tickets.link': [desk, dispatcher, manager, admin],
  // Whoever may link a new request to a closed ticket may see which ones were closed lately.
  'tickets.recentlyClosed': [desk, dispatcher, manager, admin],
  'tickets.timeline': everyone,
  'closure.settings': everyone,
  'closure.saveSettings': [admin],
  // Closed cases are reviewed by the client service manager; the supervisor may read the lists.
  // Reports are read by those who watch adherence and plan the work; not the desk or technicians.
  'reports.slaAdherence': [dispatcher, manager, supervisor, admin],
  'reports.volumes': [dispatcher, manager, supervisor, admin],
  'reports.firstTimeFix': [dispatcher, manager, supervisor, admin],
  // Escalation figures for those who read the escalations themselves.
  'reports.escalations': [dispatcher, manager, supervisor, admin],
  // Reviews are the manager's verdicts, read by those who read the review list (not dispatchers).
  'reports.review': [manager, supervisor, admin],
  // Each technician's hours: for those who plan and manage the crews, not the technicians themselves.
  'reports.utilization': [dispatcher, manager, supervisor, admin],
  'reports.tickets': [dispatcher, manager, supervisor, admin],
  'reports.export': [dispatcher, manager, supervisor, admin],
  'reviews.pending': [manager, supervisor, admin],
  'reviews.completed': [manager, supervisor, admin],
  'reviews.record': [manager, admin],
  // What the console sent to clients: read, and retried, by those who talk to them (PRODUCT.md);
  // technicians and supervisors do not read clients' mail. Admins set up the mail server.
  'outbox.list': [desk, dispatcher, manager, admin],
  'outbox.get': [desk, dispatcher, manager, admin],
  'outbox.retry': [desk, dispatcher, manager, admin],
  'outbox.status': [desk, dispatcher, manager, admin],
  'outbox.settings': [desk, dispatcher, manager, admin],
  'outbox.saveSettings': [admin],
  'mail.settings': [admin],
  'mail.saveSettings': [admin],
  'mail.sendTest': [admin],
  'webhook.settings': [admin],
  'webhook.saveSettings': [admin],
  'webhook.sendTest': [admin],
  // Admins connect the support mailboxes (their passwords are theirs to hold).
  'mailboxes.list': [admin],
  'mailboxes.save': [admin],
  'mailboxes.test': [admin],
  // Message templates are the organisation's wording: admins edit and preview them. Who receives
  // messages belongs to the client directory: read by everyone, set by those who edit it.
  'templates.list': [admin],
  'templates.get': [admin],
  'templates.save': [admin],
  'templates.reset': [admin],
  'templates.preview': [admin],
  'clients.messagePreferences': everyone,
  'clients.saveMessagePreferences': [desk, dispatcher, admin],
  'contacts.setMessagesOptOut': [desk, dispatcher, admin],
  // The client's feedback: those who talk to clients write down what was said by phone; the
  // supervisor reads it too; a technician reads no scores of their own work. Links are the admin's.
  'feedback.record': [desk, dispatcher, manager, admin],
  'feedback.forTicket': [desk, dispatcher, manager, supervisor, admin],
  'feedback.settings': [admin],
  'feedback.saveSettings': [admin],
  // The reminder's lead time is read where the retry schedule is, and set by admins alike.
  'reminders.settings': [desk, dispatcher, manager, admin],
  'reminders.saveSettings': [admin],
  // Those who talk to the client write to them; a technician tells the desk, which writes.
  'messages.draftUpdate': [desk, dispatcher, manager, admin],
  'messages.sendUpdate': [desk, dispatcher, manager, admin],
  // A call given by phone is logged by whoever made it: technicians too, on their own tickets.
  'calls.log': [desk, dispatcher, technician, manager, admin],
  'calls.forTicket': [desk, dispatcher, technician, manager, admin],
  // The organisation's whole set-up, and replacing it, are the admin's alone.
  'settingsTransfer.export': [admin],
  'settingsTransfer.preview': [admin],
  'settingsTransfer.import': [admin],
};

/** Methods of the embedded database alone: on PostgreSQL an allowed caller hears why not. */
const embeddedOnly = new Set<MethodName>(['backup.saveSettings', 'backup.run', 'backup.list', 'backup.restore']);

type Caller = Role | 'nobody';

const FRESH_PASSWORD = 'fresh-user-passphrase';
type Expected = 'allowed' | 'forbidden' | 'unauthenticated';

function expectedFor(method: MethodName, caller: Caller): Expected {
  const who = intended[method];
  if (who === 'public') return 'allowed';
  if (caller === 'nobody') return 'unauthenticated';
  if (who === 'logged in') return 'allowed';
  return who.includes(caller) ? 'allowed' : 'forbidden';
}

const callers: Caller[] = [...roles, 'nobody'];
const table = methodNames.flatMap((method) =>
  callers.map((caller) => ({ method, caller, expected: expectedFor(method, caller) })),
);

type FreshInputs = { [K in MethodName]?: (f: ApiFixture) => Promise<ApiInput<K>> };

describe('who may call which method, over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let unique = 0;
  const as = (role: Role) => ({ cookie: f.cookies[role] });

  beforeAll(async () => {
    f = await startApiFixture(env);
  });

  async function cookieFor(method: MethodName, caller: Caller): Promise<string | undefined> {
    if (caller === 'nobody') return undefined;
    // Logging out ends the session it is called with: give it one of its own.
    if (method === 'auth.logout') return f.server.login(roleUsernames[caller]);
    // Changing a password changes it for good: a user of the role made for the call.
    if (method === 'auth.changePassword') return f.server.login(await freshUser(caller), FRESH_PASSWORD);
    return f.cookies[caller];
  }

  async function freshUser(role: Role): Promise<string> {
    const username = `fresh${++unique}`;
    valueOf(
      await f.server.call(
        'users.create',
        { username, displayName: `Fresh ${unique}`, role, password: FRESH_PASSWORD },
        as('admin'),
      ),
    );
    return username;
  }

  /** A visit of its own, booked by the admin; of the demo technician's record when `own`. */
  async function freshVisit(own = false) {
    return valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId: own ? f.ownTicketId : f.ticketId,
          technicianId: own ? f.ownTechnicianId : f.technicianId,
          startsAt: nextFreeMonday(),
          durationMinutes: 60,
          // Some Mondays are public holidays; the booking rules are not what this file tests.
          override: { reason: 'Any Monday will do' },
        },
        as('admin'),
      ),
    );
  }

  async function freshClosedTicket(): Promise<string> {
    const { ticket } = await documentedTicket(f, null);
    valueOf(
      await f.server.call('tickets.close', { ticketId: ticket.id, expectedVersion: ticket.version }, as('admin')),
    );
    return ticket.id;
  }

  /**
   * Inputs that succeed only once (a version, a record that a call uses up), built afresh for each
   * allowed call so that every one of them can be seen to succeed.
   */
  const freshInputs: FreshInputs = {
    'escalations.acknowledge': async () => ({
      id: valueOf(
        await f.server.call('escalations.create', { ticketId: f.ticketId, reason: 'Client called again' }, as('admin')),
      ).id,
      note: 'Called the client back',
    }),
    'technicians.removeAvailability': async () => {
      const day = Date.parse('2027-03-01T00:00:00Z') + ++unique * 86_400_000;
      const added = valueOf(
        await f.server.call(
          'technicians.addAvailability',
          {
            technicianId: f.technicianId,
            kind: 'time_off',
            startsAt: new Date(day).toISOString(),
            endsAt: new Date(day + 3_600_000).toISOString(),
          },
          as('admin'),
        ),
      );
      return { id: added.id };
    },
    'auth.revokeApiToken': async () => {
      valueOf(
        await f.server.call('auth.createApiToken', { userId: f.deskUserId, name: `spare ${++unique}` }, as('admin')),
      );
      const tokens = valueOf(await f.server.call('auth.apiTokens', {}, as('admin')));
      return { id: tokens.find((t) => t.name === `spare ${unique}`)?.id ?? '' };
    },
    'auth.changePassword': () =>
      Promise.resolve({ currentPassword: FRESH_PASSWORD, newPassword: 'another-long-passphrase' }),
    // A user of its own: a reset ends the sessions of the user it is for.
    'users.resetPassword': async () => {
      const username = await freshUser('technician');
      const users = valueOf(await f.server.call('users.list', {}, as('admin')));
      return { userId: users.find((u) => u.username === username)?.id ?? '' };
    },
    'tickets.recordFirstContact': async () => ({
      ...validInputs['tickets.recordFirstContact'](f),
      id: valueOf(await f.server.call('tickets.create', validInputs['tickets.create'](f), as('admin'))).id,
    }),
    'calendars.remove': async () => {
      valueOf(await f.server.call('calendars.save', validInputs['calendars.save'](f), as('admin')));
      return validInputs['calendars.remove'](f);
    },
    'visits.update': async () => {
      const visit = await freshVisit();
      return { id: visit.id, expectedVersion: visit.version, durationMinutes: 45, pinned: true };
    },
    'visits.cancel': async () => {
      const visit = await freshVisit();
      return { id: visit.id, expectedVersion: visit.version, reason: 'Client closed for inventory' };
    },
    'visits.updateChecklist': async () => {
      const visit = await freshVisit();
      return { ...validInputs['visits.updateChecklist'](f), id: visit.id, expectedVersion: visit.version };
    },
    'visits.setStatus': async () => {
      const visit = await freshVisit(true);
      return { id: visit.id, expectedVersion: visit.version, status: 'on_site', note: 'Arrived, client present' };
    },
    'dispatch.acceptPlan': async () => ({
      planId: valueOf(await f.server.call('dispatch.optimize', validInputs['dispatch.optimize'](f), as('admin'))).id,
    }),
    'workLogs.save': async () => ({
      ...validInputs['workLogs.save'](f),
      visitId: (await freshVisit(true)).id,
    }),
    'signOffs.record': async () => ({ ...validInputs['signOffs.record'](f), visitId: (await freshVisit(true)).id }),
    'tickets.close': async () => {
      const { ticket } = await documentedTicket(f, null);
      return { ticketId: ticket.id, expectedVersion: ticket.version, resolutionSummary: 'Belt replaced' };
    },
    'tickets.reopen': async () => ({ ticketId: await freshClosedTicket(), reason: 'The fault came back' }),
    'tickets.recordRemoteResolution': async () => {
      const ticket = valueOf(await f.server.call('tickets.create', validInputs['tickets.create'](f), as('admin')));
      return {
        ...validInputs['tickets.recordRemoteResolution'](f),
        ticketId: ticket.id,
        expectedVersion: ticket.version,
      };
    },
    'tickets.link': async () => ({
      ticketId: valueOf(await f.server.call('tickets.create', validInputs['tickets.create'](f), as('admin'))).id,
      earlierTicketId: f.ticketId,
    }),
    'reviews.record': async () => ({ ...validInputs['reviews.record'](f), ticketId: await freshClosedTicket() }),
    'outbox.retry': async () => ({ id: await failedMessage(f.server.runtime.database, { ticketId: f.ticketId }) }),
    // An import applies exactly the preview it names: preview first (the file changes nothing here).
    'settingsTransfer.import': async () => {
      const file = validInputs['settingsTransfer.preview'](f).file;
      const preview = valueOf(await f.server.call('settingsTransfer.preview', { file }, as('admin')));
      return { file, expectedPreview: preview.fingerprint };
    },
    'messages.sendUpdate': async () => {
      const contact = valueOf(
        await f.server.call(
          'contacts.create',
          { clientId: f.clientId, name: `Reader ${++unique}`, email: `reader${unique}@tailspin.example` },
          as('admin'),
        ),
      );
      const ticket = valueOf(
        await f.server.call(
          'tickets.create',
          { ...validInputs['tickets.create'](f), contactId: contact.id },
          as('admin'),
        ),
      );
      return { ...validInputs['messages.sendUpdate'](f), ticketId: ticket.id };
    },
  };

  async function inputFor(method: MethodName): Promise<unknown> {
    const fresh = freshInputs[method] as ((f: ApiFixture) => Promise<unknown>) | undefined;
    return fresh ? fresh(f) : validInputs[method](f);
  }

  it('covers every method of the contract for every role and for a caller without a session', () => {
    expect(new Set(table.map((row) => row.method))).toEqual(new Set(methodNames));
    expect(table).toHaveLength(methodNames.length * (roles.length + 1));
  });

  it.each(methodNames)('the contract grants %s to exactly the callers the matrix names', (method) => {
    const granted = api[method].access;
    const who = intended[method];
    expect(typeof granted === 'string' ? granted : [...granted].sort()).toEqual(
      who === 'logged in' ? 'authenticated' : typeof who === 'string' ? who : [...who].sort(),
    );
  });

  it.each(table.filter((row) => row.expected === 'allowed' && row.method !== 'auth.setup'))(
    '$method succeeds for $caller',
    async ({ method, caller }) => {
      const input = await inputFor(method);
      const cookie = await cookieFor(method, caller);
      const reply = await f.server.call(method, input, cookie ? { cookie } : {});
      if (embeddedOnly.has(method) && f.server.runtime.database.dialect === 'postgres') {
        // Let through, and told that PostgreSQL is backed up by its own tools.
        expect(reply.body, JSON.stringify(reply.body)).toMatchObject({ ok: false, error: { code: 'conflict' } });
        return;
      }
      expect(reply.body, JSON.stringify(reply.body)).toMatchObject({ ok: true });
      expect(reply.status).toBe(200);
    },
  );

  // Setup is public, and answers once per installation: on this one (set up) it answers conflict,
  // not a refusal of the caller; on a new installation it succeeds without a session.
  it.each(callers)('auth.setup lets %s through to the answer that setup is done', async (caller) => {
    const cookie = await cookieFor('auth.setup', caller);
    const reply = await f.server.call('auth.setup', validInputs['auth.setup'](f), cookie ? { cookie } : {});
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('auth.setup succeeds without a session on a new installation', async () => {
    const fresh = await env.server(await env.runtime());
    const reply = await fresh.call('auth.setup', validInputs['auth.setup'](f));
    expect(reply.body).toMatchObject({ ok: true, value: { role: 'admin' } });
  });

  it.each(table.filter((row) => row.expected === 'forbidden'))(
    '$method refuses $caller with 403 forbidden and writes nothing',
    async ({ method, caller }) => {
      const before = await countRows(f.server.runtime.database);
      const reply = await f.server.call(method, validInputs[method](f), { cookie: await cookieFor(method, caller) });
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await countRows(f.server.runtime.database)).toEqual(before);
    },
  );

  it.each(table.filter((row) => row.expected === 'unauthenticated'))(
    '$method refuses a caller without a session with 401 unauthenticated and writes nothing',
    async ({ method }) => {
      const before = await countRows(f.server.runtime.database);
      const reply = await f.server.call(method, validInputs[method](f));
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await countRows(f.server.runtime.database)).toEqual(before);
    },
  );
});
