import type { Insertable, Selectable } from 'kysely';
import type { MailboxDto } from '../../../shared/domain/email-intake';
import type { MailboxesTable } from '../db/schema';
import type { Tx } from '../db/transaction';

/** A mailbox with what the poller needs to log in (the password included): never an API answer. */
export interface MailboxAccount {
  id: string;
  name: string;
  host: string;
  port: number;
  tls: MailboxesTable['tls'];
  user: string;
  password: string | null;
  folder: string;
  createdBy: string;
  uidValidity: string | null;
  lastUid: number;
}

function accountOf(row: Selectable<MailboxesTable>): MailboxAccount {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    tls: row.tls,
    user: row.username,
    password: row.password,
    folder: row.folder,
    createdBy: row.created_by,
    uidValidity: row.uid_validity,
    lastUid: Number(row.last_uid),
  };
}

function dtoOf(row: Selectable<MailboxesTable>): MailboxDto {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    tls: row.tls,
    user: row.username,
    passwordSet: row.password !== null,
    folder: row.folder,
    enabled: row.enabled === 1,
    lastPolledAt: row.last_polled_at,
    lastError: row.last_error,
  };
}

export async function listMailboxes(db: Tx): Promise<MailboxDto[]> {
  const rows = await db.selectFrom('mailboxes').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(dtoOf);
}

export async function findMailbox(db: Tx, id: string): Promise<MailboxDto | undefined> {
  const row = await db.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
  return row && dtoOf(row);
}

export async function findMailboxAccount(db: Tx, id: string): Promise<MailboxAccount | undefined> {
  const row = await db.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
  return row && accountOf(row);
}

export async function insertMailbox(db: Tx, row: Insertable<MailboxesTable>): Promise<void> {
  await db.insertInto('mailboxes').values(row).execute();
}

export async function updateMailbox(
  db: Tx,
  id: string,
  changes: Pick<
    MailboxesTable,
    'name' | 'host' | 'port' | 'tls' | 'username' | 'password' | 'folder' | 'enabled' | 'updated_at'
  >,
): Promise<void> {
  await db.updateTable('mailboxes').set(changes).where('id', '=', id).execute();
}

/** The ids of the mailboxes that are switched on. */
export async function listEnabledMailboxIds(db: Tx): Promise<string[]> {
  const rows = await db.selectFrom('mailboxes').select('id').where('enabled', '=', 1).orderBy('id').execute();
  return rows.map((row) => row.id);
}

/**
 * Takes (or renews) the right to read a mailbox until `until`: granted when nobody holds it, the
 * lease lapsed, or the holder is us. One statement, so two workstations never both win.
 */
export async function takeMailboxLease(
  db: Tx,
  id: string,
  holder: string,
  lease: { now: string; until: string },
): Promise<MailboxAccount | undefined> {
  const result = await db
    .updateTable('mailboxes')
    .set({ lease_holder: holder, lease_until: lease.until })
    .where('id', '=', id)
    .where('enabled', '=', 1)
    .where((eb) =>
      eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', lease.now), eb('lease_holder', '=', holder)]),
    )
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return findMailboxAccount(db, id);
}

/** Gives the lease back and says how the reading went. */
export async function releaseMailboxLease(
  db: Tx,
  id: string,
  holder: string,
  outcome: { polledAt: string; error: string | null },
): Promise<void> {
  await db
    .updateTable('mailboxes')
    .set({ lease_holder: null, lease_until: null, last_polled_at: outcome.polledAt, last_error: outcome.error })
    .where('id', '=', id)
    .where('lease_holder', '=', holder)
    .execute();
}

/** Where reading got to; only while we hold the lease (a lapsed holder must not move it back). */
export async function recordMailboxPosition(
  db: Tx,
  id: string,
  holder: string,
  position: { uidValidity: string; lastUid: number },
): Promise<boolean> {
  const result = await db
    .updateTable('mailboxes')
    .set({ uid_validity: position.uidValidity, last_uid: position.lastUid })
    .where('id', '=', id)
    .where('lease_holder', '=', holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
