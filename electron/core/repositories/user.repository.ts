import type { Role } from '../../../shared/domain/roles';
import type { UserDto } from '../../../shared/domain/directory';
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
  };
  await db.insertInto('users').values(row).execute();
  return toDto(row);
}
