import { randomUUID } from 'node:crypto';
import type { CallerMatch } from '../../../shared/domain/directory';
import { ApiFailure } from '../../../shared/errors';
import {
  findClient,
  findContact,
  findSite,
  insertClient,
  insertContact,
  insertSite,
  listClientsPage,
  listContacts,
  listSites,
  lockDirectoryRow,
  searchCallers,
  updateClient,
  updateContact,
  updateSite,
} from '../repositories/directory.repository';
import type { DialectName } from '../db/dialect';
import type { Tx } from '../db/transaction';
import { phoneDigits } from '../services/phone';
import type { Handlers } from './handler-types';

async function requireClient(tx: Tx, clientId: string) {
  const client = await findClient(tx, clientId);
  if (!client) {
    throw new ApiFailure('invalid_input', 'No such client.', [{ path: ['clientId'], message: 'No such client' }]);
  }
  return client;
}

/** A site needs both coordinates to be placed on the map and in travel times, or neither. */
function requireCoordinatePair(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) !== (longitude === null)) {
    throw new ApiFailure('invalid_input', 'Give both latitude and longitude, or neither.', [
      { path: [latitude === null ? 'latitude' : 'longitude'], message: 'Give both coordinates or neither' },
    ]);
  }
}

/** An update must be based on what is stored now; otherwise it would overwrite someone's change. */
function requireRevision(what: 'client' | 'contact' | 'site', current: string, expected: string): void {
  if (current !== expected) {
    throw new ApiFailure('stale', `Someone else changed this ${what} since you opened it. Reload and try again.`, [
      { path: ['expectedRevision'], message: 'Changed since you read it' },
    ]);
  }
}

/** The contact as stored now, locked for the write, provided the caller read this very version. */
async function requireCurrentContact(tx: Tx, dialect: DialectName, id: string, expectedRevision: string) {
  await lockDirectoryRow(tx, dialect, 'contacts', id);
  const contact = await findContact(tx, id);
  if (!contact)
    throw new ApiFailure('invalid_input', 'No such contact.', [{ path: ['id'], message: 'No such contact' }]);
  requireRevision('contact', contact.revision, expectedRevision);
  return contact;
}

export const directoryHandlers = {
  'clients.list': async (input, ctx) =>
    listClientsPage(ctx.database.db, {
      text: input.query,
      digits: phoneDigits(input.query),
      limit: input.limit,
      offset: input.offset,
    }),

  'clients.update': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      await lockDirectoryRow(tx, ctx.database.dialect, 'clients', input.id);
      const before = await findClient(tx, input.id);
      if (!before)
        throw new ApiFailure('invalid_input', 'No such client.', [{ path: ['id'], message: 'No such client' }]);
      requireRevision('client', before.revision, input.expectedRevision);
      const after = await updateClient(tx, input.id, {
        name: input.name,
        phone: input.phone,
        phone_digits: phoneDigits(input.phone),
        email: input.email,
        time_zone: input.timeZone,
      });
      await audit({ entity: 'client', entityId: after.id, before, after });
      await publish({ type: 'directory.changed', clientId: after.id });
      return after;
    }),

  'contacts.update': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await requireCurrentContact(tx, ctx.database.dialect, input.id, input.expectedRevision);
      const after = await updateContact(tx, input.id, {
        name: input.name,
        phone: input.phone,
        phone_digits: phoneDigits(input.phone),
        email: input.email,
        role: input.role,
      });
      await audit({ entity: 'contact', entityId: after.id, before, after });
      await publish({ type: 'directory.changed', clientId: after.clientId });
      return after;
    }),

  'contacts.setActive': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await requireCurrentContact(tx, ctx.database.dialect, input.id, input.expectedRevision);
      // Setting what is already there changes nothing, so it leaves no audit row and no event.
      if (before.active === input.active) return before;
      const after = await updateContact(tx, input.id, { active: input.active ? 1 : 0 });
      await audit({ entity: 'contact', entityId: after.id, before, after });
      await publish({ type: 'directory.changed', clientId: after.clientId });
      return after;
    }),

  'contacts.setMessagesOptOut': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await requireCurrentContact(tx, ctx.database.dialect, input.id, input.expectedRevision);
      if (before.messagesOptOut === input.optOut) return before;
      const after = await updateContact(tx, input.id, { messages_opt_out: input.optOut ? 1 : 0 });
      await audit({ entity: 'contact', entityId: after.id, before, after });
      await publish({ type: 'directory.changed', clientId: after.clientId });
      return after;
    }),

  'sites.update': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      requireCoordinatePair(input.latitude, input.longitude);
      await lockDirectoryRow(tx, ctx.database.dialect, 'sites', input.id);
      const before = await findSite(tx, input.id);
      if (!before) throw new ApiFailure('invalid_input', 'No such site.', [{ path: ['id'], message: 'No such site' }]);
      requireRevision('site', before.revision, input.expectedRevision);
      const after = await updateSite(tx, input.id, {
        name: input.name,
        address: input.address,
        latitude: input.latitude,
        longitude: input.longitude,
        access_requirements: input.accessRequirements,
        access_hours: input.accessHours === null ? null : JSON.stringify(input.accessHours),
        time_zone: input.timeZone,
      });
      await audit({ entity: 'site', entityId: after.id, before, after });
      // The directory lists it; tickets, rankings, plans and technicians' days read its place and hours.
      await publish({ type: 'site.changed', siteId: after.id, clientId: after.clientId });
      return after;
    }),

  'clients.search': async (input, ctx) => {
    const { clients, contacts } = await searchCallers(
      ctx.database.db,
      input.query,
      phoneDigits(input.query),
      input.limit,
      { includeInactive: input.includeInactive },
    );
    // Contacts first: a caller is usually a person, and picking them fills in the client too.
    const matches: CallerMatch[] = [
      ...contacts.map(({ contact, client }) => ({ kind: 'contact' as const, client, contact })),
      ...clients.map((client) => ({ kind: 'client' as const, client, contact: null })),
    ];
    return matches.slice(0, input.limit);
  },

  'clients.create': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const client = await insertClient(tx, {
        id: randomUUID(),
        name: input.name,
        phone: input.phone,
        phone_digits: phoneDigits(input.phone),
        email: input.email,
        time_zone: input.timeZone,
        created_at: ctx.now(),
      });
      await audit({ entity: 'client', entityId: client.id, after: client });
      await publish({ type: 'directory.changed', clientId: client.id });
      return client;
    }),

  'contacts.list': async (input, ctx) =>
    listContacts(ctx.database.db, input.clientId, { includeInactive: input.includeInactive }),

  'contacts.create': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      await requireClient(tx, input.clientId);
      const contact = await insertContact(tx, {
        id: randomUUID(),
        client_id: input.clientId,
        name: input.name,
        phone: input.phone,
        phone_digits: phoneDigits(input.phone),
        email: input.email,
        role: input.role,
        active: 1,
        messages_opt_out: 0,
        created_at: ctx.now(),
      });
      await audit({ entity: 'contact', entityId: contact.id, after: contact });
      await publish({ type: 'directory.changed', clientId: contact.clientId });
      return contact;
    }),

  'sites.list': async (input, ctx) => listSites(ctx.database.db, input.clientId),

  'sites.create': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      await requireClient(tx, input.clientId);
      requireCoordinatePair(input.latitude, input.longitude);
      const site = await insertSite(tx, {
        id: randomUUID(),
        client_id: input.clientId,
        name: input.name,
        address: input.address,
        latitude: input.latitude,
        longitude: input.longitude,
        access_requirements: input.accessRequirements,
        access_hours: input.accessHours === null ? null : JSON.stringify(input.accessHours),
        time_zone: input.timeZone,
        created_at: ctx.now(),
      });
      await audit({ entity: 'site', entityId: site.id, after: site });
      await publish({ type: 'directory.changed', clientId: site.clientId });
      return site;
    }),
} satisfies Partial<Handlers>;

export { requireClient };
