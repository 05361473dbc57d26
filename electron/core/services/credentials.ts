import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret; only its hash is stored, so a copy of the database cannot log anyone in. */
export function newToken(prefix: 'ds' | 'dt'): { token: string; hash: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
