import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  // When technicians may work at a site, in the shape of shared/domain/sla.ts weeklyHours, read in
  // the site's zone; null means no restriction.
  await db.schema.alterTable('sites').addColumn('access_hours', 'text').execute();
}
