import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';

  await db.schema.alterTable('technicians').addColumn('team', 'text').execute();
  await db.schema.alterTable('technicians').addColumn('max_visits_per_day', 'integer').execute();
  // The weekly shift pattern, in the shape of shared/domain/sla.ts weeklyHours, in time_zone.
  await db.schema.alterTable('technicians').addColumn('time_zone', 'text').execute();
  await db.schema.alterTable('technicians').addColumn('shift_pattern', 'text').execute();

  // 0001 typed a skill's certification end as an instant; it is a calendar date like every other
  // expiry. SQLite stored text already; PostgreSQL converts (midnight UTC was the only way to write one).
  if (dialect === 'postgres') {
    await sql`alter table technician_skills alter column certified_until type text
      using to_char(certified_until at time zone 'UTC', 'YYYY-MM-DD')`.execute(db);
  }

  await db.schema
    .createTable('technician_certifications')
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // A calendar date (YYYY-MM-DD): valid through the end of that day where the technician works.
    .addColumn('expires_on', 'text')
    .addPrimaryKeyConstraint('technician_certifications_pk', ['technician_id', 'name'])
    .execute();

  // Exceptions to the weekly pattern: time off and sick days remove time, extra shifts add it.
  await db.schema
    .createTable('technician_availability')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', instant, (c) => c.notNull())
    .addColumn('ends_at', instant, (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('technician_availability_window')
    .on('technician_availability')
    .columns(['technician_id', 'starts_at'])
    .execute();

  // A template per kind of job: the skills it needs and how long it usually takes.
  await db.schema
    .createTable('work_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text')
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('required_skills', 'text', (c) => c.notNull())
    .execute();

  // What a ticket needs from a technician: preset from its work type, adjustable per ticket.
  await db.schema
    .alterTable('tickets')
    .addColumn('work_type_id', 'text', (c) => c.references('work_types.id'))
    .execute();
  await db.schema.alterTable('tickets').addColumn('estimated_minutes', 'integer').execute();
  await db.schema.alterTable('tickets').addColumn('required_skills', 'text').execute();
}
