import fs from 'node:fs';
import path from 'node:path';

export const POSTGRES_INSTALL_HINT = 'apt-get install -y postgresql';

/**
 * The folder with initdb and pg_ctl: $PG_BIN when set, else the highest version under
 * /usr/lib/postgresql/<version>/bin (Debian and Ubuntu layout); null when there is none.
 */
export function findPostgresBin(): string | null {
  const hasTools = (dir: string) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'));
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) return hasTools(fromEnv) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (hasTools(bin)) return bin;
  }
  return null;
}
