import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../dialect';
import * as m0001 from './0001-initial';

// A static list, so a bundled app needs no file-system scan; names sort in order.
const migrations: Record<string, { up(db: Kysely<any>, dialect: DialectName): Promise<void> }> = {
  '0001-initial': m0001,
};

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [name, { up: (db: Kysely<any>) => m.up(db, dialect) }]),
  );
}
