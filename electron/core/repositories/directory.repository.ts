import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ClientDto, ClientListItem, ContactDto, SiteDto } from '../../../shared/domain/directory';
import { weeklyHours } from '../../../shared/domain/sla.schema';
import { readJson } from '../db/json-column';
import type { ClientsTable, ContactsTable, SitesTable } from '../db/schema';
import type { DialectName } from '../db/dialect';
import type { Tx } from '../db/transaction';

/**
 * The tables carry no version column, so a record's revision is a fingerprint of what an editor
 * sees: an update based on an older read no longer matches and is refused as stale. Changing a
 * field and back again restores the revision, which is harmless (the record reads the same).
 */
function revisionOf(fields: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 22);
}

type ClientFields = Pick<ClientsTable, 'id' | 'name' | 'phone' | 'email' | 'time_zone'>;

function clientDto(row: ClientFields): ClientDto {
  const fields = { id: row.id, name: row.name, phone: row.phone, email: row.email, timeZone: row.time_zone };
  return { ...fields, revision: revisionOf(Object.values(fields)) };
}

function contactDto(row: ContactsTable): ContactDto {
  const fields = {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    role: row.role,
    // pg and SQLite both answer the integer as a number; anything but 0 is active.
    active: Number(row.active) !== 0,
    messagesOptOut: Number(row.messages_opt_out) === 1,
  };
  return { ...fields, revision: revisionOf(Object.values(fields)) };
}

function siteDto(row: SitesTable): SiteDto {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    accessRequirements: row.access_requirements,
    accessHours:
      row.access_hours === null
        ? null
        : readJson(weeklyHours, row.access_hours, `sites.access_hours of site ${row.id}`),
    timeZone: row.time_zone,
    // The stored JSON text of the hours, as written, stands for them.
    revision: revisionOf([
      row.id,
      row.client_id,
      row.name,
      row.address,
      row.latitude,
      row.longitude,
      row.access_requirements,
      row.access_hours,
      row.time_zone,
    ]),
  };
}

export async function insertClient(db: Tx, row: ClientsTable): Promise<ClientDto> {
  await db.insertInto('clients').values(row).execute();
  return clientDto(row);
}

export async function insertContact(db: Tx, row: ContactsTable): Promise<ContactDto> {
  await db.insertInto('contacts').values(row).execute();
  return contactDto(row);
}

export async function insertSite(db: Tx, row: SitesTable): Promise<SiteDto> {
  await db.insertInto('sites').values(row).execute();
  return siteDto(row);
}

export async function findClient(db: Tx, id: string): Promise<ClientDto | undefined> {
  const row = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  return row && clientDto(row);
}

export async function findContact(db: Tx, id: string): Promise<ContactDto | undefined> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && contactDto(row);
}

export async function findSite(db: Tx, id: string): Promise<SiteDto | undefined> {
  const row = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
  return row && siteDto(row);
}

/** The editable columns of a client; the id and creation time never change. */
export type ClientChanges = Pick<ClientsTable, 'name' | 'phone' | 'phone_digits' | 'email' | 'time_zone'>;
export type ContactChanges = Pick<ContactsTable, 'name' | 'phone' | 'phone_digits' | 'email' | 'role'>;
export type SiteChanges = Pick<
  SitesTable,
  'name' | 'address' | 'latitude' | 'longitude' | 'access_requirements' | 'access_hours' | 'time_zone'
>;

export async function updateClient(db: Tx, id: string, changes: ClientChanges): Promise<ClientDto> {
  await db.updateTable('clients').set(changes).where('id', '=', id).execute();
  const client = await findClient(db, id);
  if (!client) throw new Error(`client ${id} vanished inside its own transaction`);
  return client;
}

/** Writes a contact's editable fields, or only its active flag or opt-out; the client never changes. */
export async function updateContact(
  db: Tx,
  id: string,
  changes: ContactChanges | Pick<ContactsTable, 'active'> | Pick<ContactsTable, 'messages_opt_out'>,
): Promise<ContactDto> {
  await db.updateTable('contacts').set(changes).where('id', '=', id).execute();
  const contact = await findContact(db, id);
  if (!contact) throw new Error(`contact ${id} vanished inside its own transaction`);
  return contact;
}

export async function updateSite(db: Tx, id: string, changes: SiteChanges): Promise<SiteDto> {
  await db.updateTable('sites').set(changes).where('id', '=', id).execute();
  const site = await findSite(db, id);
  if (!site) throw new Error(`site ${id} vanished inside its own transaction`);
  return site;
}

/**
 * On PostgreSQL two editors could both read the same revision and both write; locking the row
 * first makes the second wait and then see the first one's change. SQLite's write lock
 * (BEGIN IMMEDIATE) already serializes them.
 */
export async function lockDirectoryRow(
  db: Tx,
  dialect: DialectName,
  table: 'clients' | 'contacts' | 'sites',
  id: string,
) {
  if (dialect !== 'postgres') return;
  await db.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}

/** Clients whose name, e-mail or phone contains the text, by name, one page at a time. */
export async function listClientsPage(
  db: Tx,
  options: { text: string; digits: string | null; limit: number; offset: number },
): Promise<{ clients: ClientListItem[]; total: number }> {
  const name = options.text ? likePattern(options.text, 'anywhere') : null;
  const phone = options.digits && options.digits.length >= 3 ? likePattern(options.digits, 'anywhere') : null;
  const matching = db.selectFrom('clients').where((eb) => {
    if (!name) return eb.lit(true);
    const either = [likeLower('clients.name', name), likeLower('clients.email', name)];
    return eb.or(phone ? [...either, likeLower('clients.phone_digits', phone)] : either);
  });
  const counted = await matching.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirst();
  const rows = await matching
    .selectAll('clients')
    .select((eb) => [
      eb
        .selectFrom('sites')
        .whereRef('sites.client_id', '=', 'clients.id')
        .select(eb.fn.countAll<number | string>().as('n'))
        .as('site_count'),
      eb
        .selectFrom('contacts')
        .whereRef('contacts.client_id', '=', 'clients.id')
        // Retired contacts stay in history but are no one to call.
        .where('contacts.active', '=', 1)
        .select(eb.fn.countAll<number | string>().as('n'))
        .as('contact_count'),
    ])
    .orderBy('clients.name')
    .orderBy('clients.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return {
    // pg answers count(*) as a string (int8).
    total: Number(counted?.total ?? 0),
    clients: rows.map((row) => ({
      ...clientDto(row),
      siteCount: Number(row.site_count ?? 0),
      contactCount: Number(row.contact_count ?? 0),
    })),
  };
}

/** A client's contacts by name; retired ones only when asked for (the directory, not intake). */
export async function listContacts(
  db: Tx,
  clientId: string,
  options: { includeInactive: boolean },
): Promise<ContactDto[]> {
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('client_id', '=', clientId)
    .$if(!options.includeInactive, (q) => q.where('active', '<>', 0))
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(contactDto);
}

export async function listSites(db: Tx, clientId: string): Promise<SiteDto[]> {
  const rows = await db.selectFrom('sites').selectAll().where('client_id', '=', clientId).orderBy('name').execute();
  return rows.map(siteDto);
}

/** Case-insensitive LIKE on both databases; SQLite has no default escape character, so name one. */
function likeLower(column: string, pattern: string) {
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** Escapes LIKE wildcards so that a typed "%" or "_" matches itself. */
function likePattern(text: string, where: 'prefix' | 'anywhere'): string {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return where === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}

/**
 * Clients and contacts whose name contains the text, or whose phone digits contain the typed
 * digits (at least three, so a single digit does not match everything).
 */
export async function searchCallers(
  db: Tx,
  text: string,
  digits: string | null,
  limit: number,
  options: { includeInactive: boolean },
): Promise<{ clients: ClientDto[]; contacts: { contact: ContactDto; client: ClientDto }[] }> {
  const name = likePattern(text, 'anywhere');
  const phone = digits && digits.length >= 3 ? likePattern(digits, 'anywhere') : null;

  const clients = await db
    .selectFrom('clients')
    .selectAll()
    .where((eb) => {
      const byName = likeLower('clients.name', name);
      return phone ? eb.or([byName, likeLower('clients.phone_digits', phone)]) : byName;
    })
    .orderBy('name')
    .limit(limit)
    .execute();

  const contacts = await db
    .selectFrom('contacts')
    .innerJoin('clients', 'clients.id', 'contacts.client_id')
    .selectAll('contacts')
    .select([
      'clients.name as client_name',
      'clients.phone as client_phone',
      'clients.email as client_email',
      'clients.time_zone as client_time_zone',
    ])
    .where((eb) => {
      const byName = likeLower('contacts.name', name);
      return phone ? eb.or([byName, likeLower('contacts.phone_digits', phone)]) : byName;
    })
    .$if(!options.includeInactive, (q) => q.where('contacts.active', '<>', 0))
    .orderBy('contacts.name')
    .limit(limit)
    .execute();

  return {
    clients: clients.map(clientDto),
    contacts: contacts.map((row) => ({
      contact: contactDto(row),
      client: clientDto({
        id: row.client_id,
        name: row.client_name,
        phone: row.client_phone,
        email: row.client_email,
        time_zone: row.client_time_zone,
      }),
    })),
  };
}
