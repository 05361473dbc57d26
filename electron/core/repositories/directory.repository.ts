import { sql } from 'kysely';
import type { ClientDto, ContactDto, SiteDto } from '../../../shared/domain/directory';
import type { WeeklyHours } from '../../../shared/domain/sla';
import type { ClientsTable, ContactsTable, SitesTable } from '../db/schema';
import type { Tx } from '../db/transaction';

function clientDto(row: ClientsTable): ClientDto {
  return { id: row.id, name: row.name, phone: row.phone, email: row.email, timeZone: row.time_zone };
}

function contactDto(row: ContactsTable): ContactDto {
  return { id: row.id, clientId: row.client_id, name: row.name, phone: row.phone, email: row.email };
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
    accessHours: row.access_hours === null ? null : (JSON.parse(row.access_hours) as WeeklyHours),
    timeZone: row.time_zone,
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

export async function listContacts(db: Tx, clientId: string): Promise<ContactDto[]> {
  const rows = await db.selectFrom('contacts').selectAll().where('client_id', '=', clientId).orderBy('name').execute();
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
    .orderBy('contacts.name')
    .limit(limit)
    .execute();

  return {
    clients: clients.map(clientDto),
    contacts: contacts.map((row) => ({
      contact: contactDto(row),
      client: {
        id: row.client_id,
        name: row.client_name,
        phone: row.client_phone,
        email: row.client_email,
        timeZone: row.client_time_zone,
      },
    })),
  };
}
