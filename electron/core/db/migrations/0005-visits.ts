import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';

  // Optimistic concurrency: an edit names the version it read and is refused when it moved on.
  await db.schema
    .alterTable('tickets')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // The lead; the whole crew, lead included, is in visit_crew.
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id'))
    .addColumn('starts_at', instant, (c) => c.notNull())
    .addColumn('ends_at', instant, (c) => c.notNull())
    .addColumn('resolve_from', instant)
    .addColumn('resolve_by', instant)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact_name', 'text')
    .addColumn('contact_method', 'text')
    .addColumn('location_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('access_badge', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('access_escort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('access_parking', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('access_hours', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('access_notes', 'text')
    // Set when a dispatcher booked against a shift, time-off or travel rule; rules is a JSON list.
    .addColumn('override_reason', 'text')
    .addColumn('override_rules', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('visits_positive_length', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('visits_ticket').on('visits').columns(['ticket_id', 'starts_at']).execute();
  await db.schema.createIndex('visits_starts_at').on('visits').column('starts_at').execute();

  // One row per technician on a visit, carrying the visit's time, so one rule covers leads and
  // helpers alike. `active` is 0 once the visit no longer holds their time (cancelled, finished).
  await db.schema
    .createTable('visit_crew')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('starts_at', instant, (c) => c.notNull())
    .addColumn('ends_at', instant, (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('visit_crew_pk', ['visit_id', 'technician_id'])
    .addCheckConstraint('visit_crew_positive_length', sql`ends_at > starts_at`)
    .execute();
  await db.schema
    .createIndex('visit_crew_technician')
    .on('visit_crew')
    .columns(['technician_id', 'starts_at'])
    .execute();

  // No technician in two places at once. Ranges are half-open, so a visit may start the moment
  // the previous one ends. This is the guarantee under concurrent writers; the handlers check
  // first only to name the clashing visit in a friendly way.
  if (dialect === 'postgres') {
    // btree_gist gives gist an equality operator for text; it is a trusted extension (PG 13+), so
    // a database owner may create it without being a superuser.
    await sql`create extension if not exists btree_gist`.execute(db);
    await sql`alter table visit_crew add constraint visit_crew_no_overlap
      exclude using gist (technician_id with =, tstzrange(starts_at, ends_at) with &&)
      where (active = 1)`.execute(db);
  } else {
    // SQLite has no exclusion constraints; triggers refuse the same rows. Instants are stored as
    // ISO 8601 UTC text of one fixed format, so text order is time order. The writer holds the
    // database's write lock (BEGIN IMMEDIATE), so the check and the write cannot interleave.
    const clash = sql`exists (
      select 1 from visit_crew other
      where other.technician_id = new.technician_id
        and other.active = 1
        and other.visit_id <> new.visit_id
        and other.starts_at < new.ends_at
        and other.ends_at > new.starts_at)`;
    await sql`create trigger visit_crew_no_overlap_insert before insert on visit_crew
      when new.active = 1 and ${clash}
      begin select raise(abort, 'visit_crew_no_overlap'); end`.execute(db);
    await sql`create trigger visit_crew_no_overlap_update
      before update of technician_id, starts_at, ends_at, active on visit_crew
      when new.active = 1 and ${clash}
      begin select raise(abort, 'visit_crew_no_overlap'); end`.execute(db);
  }
}
