import type { Tx } from '../db/transaction';

export type CredentialKind = 'session' | 'api_token';

export async function insertCredential(
  db: Tx,
  c: {
    tokenHash: string;
    userId: string;
    kind: CredentialKind;
    name: string | null;
    createdAt: string;
    expiresAt: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: c.tokenHash,
      user_id: c.userId,
      kind: c.kind,
      name: c.name,
      created_at: c.createdAt,
      expires_at: c.expiresAt,
      last_seen_at: c.createdAt,
    })
    .execute();
}

/** The user a live credential belongs to, or undefined when it is unknown, expired or the user is inactive. */
export async function findCredentialUser(
  db: Tx,
  tokenHash: string,
  kind: CredentialKind,
  now: string,
): Promise<{ userId: string; expiresAt: string | null; createdAt: string; lastSeenAt: string } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.expires_at', 'sessions.created_at', 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.kind', '=', kind)
    .where('users.active', '=', 1)
    .where((eb) => eb.or([eb('sessions.expires_at', 'is', null), eb('sessions.expires_at', '>', now)]))
    .executeTakeFirst();
  return (
    row && { userId: row.user_id, expiresAt: row.expires_at, createdAt: row.created_at, lastSeenAt: row.last_seen_at }
  );
}

export async function touchCredential(db: Tx, tokenHash: string, now: string, expiresAt: string | null): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteCredential(db: Tx, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user but `keep` (the caller's own, after they change their password). */
export async function deleteSessionsOf(db: Tx, userId: string, keep: string | null = null): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId).where('kind', '=', 'session');
  if (keep !== null) query = query.where('token_hash', '!=', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** An API token as the admin sees it: by a short prefix of its hash, never the token. */
export interface ApiTokenRow {
  id: string;
  tokenHash: string;
  name: string;
  userId: string;
  username: string;
  displayName: string;
  userActive: boolean;
  createdAt: string;
  lastSeenAt: string;
}

/** The prefix of a token's hash that names it in the audit log and to the admin. */
export const tokenIdOf = (tokenHash: string) => tokenHash.slice(0, 12);

export async function listApiTokens(db: Tx): Promise<ApiTokenRow[]> {
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.token_hash',
      'sessions.name',
      'sessions.user_id',
      'sessions.created_at',
      'sessions.last_seen_at',
      'users.username',
      'users.display_name',
      'users.active',
    ])
    .where('sessions.kind', '=', 'api_token')
    .orderBy('sessions.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: tokenIdOf(r.token_hash),
    tokenHash: r.token_hash,
    name: r.name ?? '',
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    userActive: r.active === 1,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  }));
}
