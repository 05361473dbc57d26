import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
// Delay notices (issue 14 §4.6): the arrival projected for each visit not reached yet, and what
// the client was last told, so that a further notice goes only when the visit slips by the grace
// again. A table of its own: recomputing projections must not touch the visit (its version, its
// updated_at), which only people change.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('visit_projections')
    .addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id'))
    // Null once the crew is on site, the visit is over, or it left today's plan.
    .addColumn('projected_arrival_at', instant)
    .addColumn('computed_at', instant, (c) => c.notNull())
    // The estimate the last delay notice gave, and the planned start it was about: a visit moved
    // since starts again with no notice sent.
    .addColumn('notice_eta', instant)
    .addColumn('notice_planned_start', instant)
    // Numbers the notices (delay-notice:<visit>:<n>), so two workstations deciding the same notice
    // queue it once under one event key.
    .addColumn('notices_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
