import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';

  // The answers behind a priority, and who overrode it and why.
  await db.schema.alterTable('tickets').addColumn('criteria', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('priority_override_reason', 'text').execute();
  await db.schema
    .alterTable('tickets')
    .addColumn('priority_overridden_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('tickets').addColumn('priority_overridden_at', instant).execute();
  // When the ticket turns at risk: fixed when the due time is set, so the watcher compares instants.
  await db.schema.alterTable('tickets').addColumn('sla_at_risk_at', instant).execute();
  await db.schema.alterTable('tickets').addColumn('first_contact_at', instant).execute();
  await db.schema.alterTable('tickets').addColumn('first_arrival_at', instant).execute();
  await db.schema.createIndex('tickets_sla_due').on('tickets').column('sla_due_at').execute();

  // One row per scope: 'default', 'client:<id>' or 'site:<id>'; the definition is JSON in the
  // shape of shared/domain/sla.ts businessCalendar.
  await db.schema
    .createTable('calendars')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // 'at_risk:<ticket>' or 'breached:<ticket>' for automatic ones, null for manual ones: the
    // unique key makes the watcher idempotent across restarts and across workstations.
    .addColumn('auto_key', 'text', (c) => c.unique())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', instant)
    .addColumn('acknowledged_by', 'text', (c) => c.references('users.id'))
    .addColumn('acknowledgement_note', 'text')
    .execute();
  await db.schema.createIndex('escalations_ticket').on('escalations').column('ticket_id').execute();
  await db.schema.createIndex('escalations_open').on('escalations').column('acknowledged_at').execute();
}
