import type { SignInSubject, SignInThrottleDto } from '../../../shared/domain/sign-in';
import type { DialectName } from '../db/dialect';
import type { SignInThrottlesTable } from '../db/schema';
import type { Tx } from '../db/transaction';

export interface SignInSubjectKey {
  kind: SignInSubject;
  name: string;
}

function toDto(row: SignInThrottlesTable): SignInThrottleDto {
  return {
    kind: row.kind,
    name: row.name,
    failures: row.failures,
    lastFailureAt: row.last_failure_at,
    lockedUntil: row.locked_until,
  };
}

export async function findThrottle(db: Tx, key: SignInSubjectKey): Promise<SignInThrottleDto | undefined> {
  const row = await db
    .selectFrom('sign_in_throttles')
    .selectAll()
    .where('kind', '=', key.kind)
    .where('name', '=', key.name)
    .executeTakeFirst();
  return row && toDto(row);
}

/**
 * The subject's row, created with no failures if it has none, and locked on PostgreSQL until the
 * transaction ends: two workstations counting a failure at once both count (SQLite writes one
 * transaction at a time anyway).
 */
export async function lockThrottle(
  db: Tx,
  dialect: DialectName,
  key: SignInSubjectKey,
  now: string,
): Promise<SignInThrottleDto> {
  await db
    .insertInto('sign_in_throttles')
    .values({ ...key, failures: 0, last_failure_at: now, locked_until: null })
    .onConflict((oc) => oc.columns(['kind', 'name']).doNothing())
    .execute();
  const query = db
    .selectFrom('sign_in_throttles')
    .selectAll()
    .where('kind', '=', key.kind)
    .where('name', '=', key.name);
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return toDto(row);
}

export async function saveThrottle(db: Tx, t: SignInThrottleDto): Promise<void> {
  await db
    .updateTable('sign_in_throttles')
    .set({ failures: t.failures, last_failure_at: t.lastFailureAt, locked_until: t.lockedUntil })
    .where('kind', '=', t.kind)
    .where('name', '=', t.name)
    .execute();
}

export async function deleteThrottle(db: Tx, key: SignInSubjectKey): Promise<SignInThrottleDto | undefined> {
  const before = await findThrottle(db, key);
  if (before)
    await db.deleteFrom('sign_in_throttles').where('kind', '=', key.kind).where('name', '=', key.name).execute();
  return before;
}

export async function listThrottles(db: Tx): Promise<SignInThrottleDto[]> {
  const rows = await db.selectFrom('sign_in_throttles').selectAll().orderBy('kind').orderBy('name').execute();
  return rows.map(toDto);
}
