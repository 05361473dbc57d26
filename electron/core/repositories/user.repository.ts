import type { Role } from '../../../shared/domain/roles';
import type { UserDto } from '../../../shared/domain/directory';
import type { DialectName } from '../db/dialect';
import type { UsersTable } from '../db/schema';
import type { Tx } from '../db/transaction';

export interface UserWithHash extends UserDto {
  passwordHash: string;
}

function toDto(row: UsersTable): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    lastSignInAt: row.last_sign_in_at,
  };
}

export async function countUsers(db: Tx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByUsername(db: Tx, username: string): Promise<UserWithHash | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row && { ...toDto(row), passwordHash: row.password_hash };
}

export async function findUserById(db: Tx, id: string): Promise<UserDto | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDto(row);
}

export async function findUserWithHash(db: Tx, id: string): Promise<UserWithHash | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { ...toDto(row), passwordHash: row.password_hash };
}

export async function listUsers(db: Tx): Promise<UserDto[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toDto);
}

export async function insertUser(
  db: Tx,
  user: { id: string; username: string; displayName: string; role: Role; passwordHash: string; createdAt: string },
): Promise<UserDto> {
  const row: UsersTable = {
    id: user.id,
    username: user.username,
    display_name: user.displayName,
    role: user.role,
    password_hash: user.passwordHash,
    active: 1,
    created_at: user.createdAt,
    must_change_password: 0,
    last_sign_in_at: null,
  };
  await db.insertInto('users').values(row).execute();
  return toDto(row);
}

export async function updateUser(
  db: Tx,
  id: string,
  changes: { displayName?: string; role?: Role; active?: boolean },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
      ...(changes.role === undefined ? {} : { role: changes.role }),
      ...(changes.active === undefined ? {} : { active: changes.active ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute();
}

/** A new password hash; `temporary` when an admin set it and the user must choose their own. */
export async function setPasswordHash(db: Tx, id: string, passwordHash: string, temporary: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: temporary ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

export async function recordSignIn(db: Tx, id: string, at: string): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', id).execute();
}

/**
 * The ids of the active admins, locked on PostgreSQL until the transaction ends, so that two admins
 * who disable or demote each other at the same moment cannot both pass the last-admin check (on
 * SQLite the write transaction already holds the whole database).
 */
export async function lockActiveAdminIds(db: Tx, dialect: DialectName): Promise<string[]> {
  const query = db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).orderBy('id');
  const rows = await (dialect === 'postgres' ? query.forUpdate() : query).execute();
  return rows.map((r) => r.id);
}
