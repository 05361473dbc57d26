import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
// Onsite execution, documentation, sign-off, closure and review (SOP steps 5, 6 and 8).
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';

  // The ticket timeline reads the audit log by ticket: every row about a ticket, its visits,
  // escalations, documents and closure carries the ticket's id.
  await db.schema.alterTable('audit_log').addColumn('ticket_id', 'text').execute();
  await sql`update audit_log set ticket_id = entity_id where entity = 'ticket'`.execute(db);
  await sql`update audit_log set ticket_id = (select v.ticket_id from visits v where v.id = audit_log.entity_id)
    where entity = 'visit'`.execute(db);
  await sql`update audit_log set ticket_id = (select e.ticket_id from escalations e where e.id = audit_log.entity_id)
    where entity = 'escalation'`.execute(db);
  await db.schema.createIndex('audit_log_ticket').on('audit_log').columns(['ticket_id', 'at']).execute();

  // Where a visit stands on the day: when the crew set off and expected to arrive, when they
  // arrived (the ticket's first arrival is the SLA response moment), when they finished, and why
  // a visit ended incomplete.
  for (const column of ['en_route_at', 'eta_at', 'arrived_at', 'finished_at']) {
    await db.schema.alterTable('visits').addColumn(column, instant).execute();
  }
  await db.schema.alterTable('visits').addColumn('incomplete_reason', 'text').execute();
  await db.schema.alterTable('visits').addColumn('status_note', 'text').execute();

  // One row per status change, kept for the technician's day and the timeline: who recorded it,
  // and whether a dispatcher recorded it on the crew's behalf (e.g. from a phone call).
  await db.schema
    .createTable('visit_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    // When it happened, as reported; recorded_at is when the console wrote it down.
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('eta_at', instant)
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('on_behalf', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema
    .createIndex('visit_status_changes_visit')
    .on('visit_status_changes')
    .columns(['visit_id', 'recorded_at'])
    .execute();

  // The parts catalog an admin maintains; a SKU is unique regardless of case.
  await db.schema
    .createTable('parts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('sku_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  // What was done on a visit: one log per visit, edited with optimistic concurrency.
  await db.schema
    .createTable('visit_work_logs')
    .addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('actions', 'text', (c) => c.notNull())
    // JSON list of strings, in order.
    .addColumn('steps', 'text', (c) => c.notNull())
    // The technician stated that no parts were used (rather than forgetting to list them).
    .addColumn('no_parts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('time_on_site_minutes', 'integer')
    .addColumn('outcome', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('visit_work_logs_ticket').on('visit_work_logs').column('ticket_id').execute();

  await db.schema
    .createTable('visit_parts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('part_id', 'text', (c) => c.notNull().references('parts.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'real', (c) => c.notNull())
    // JSON lists of serial numbers.
    .addColumn('serials_installed', 'text', (c) => c.notNull())
    .addColumn('serials_removed', 'text', (c) => c.notNull())
    .addCheckConstraint('visit_parts_positive_quantity', sql`quantity > 0`)
    .execute();
  await db.schema.createIndex('visit_parts_visit').on('visit_parts').columns(['visit_id', 'position']).execute();

  // File contents, once per SHA-256: the same photo attached twice is stored once. Kept in the
  // database so every workstation of a shared PostgreSQL sees them.
  await db.schema
    .createTable('attachment_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('thumbnail', bytes)
    .addColumn('thumbnail_mime_type', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
    .addColumn('sha256', 'text', (c) => c.notNull().references('attachment_blobs.sha256'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('caption', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('attachments_ticket').on('attachments').columns(['ticket_id', 'created_at']).execute();

  // The client's acknowledgement of a visit: a drawn signature (PNG in attachment_blobs) or
  // "not required" with a reason. Never edited: a new sign-off supersedes an old one, both kept.
  await db.schema
    .createTable('sign_offs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'signed' | 'not_required'
    .addColumn('signer_name', 'text')
    .addColumn('signer_role', 'text')
    .addColumn('signature_sha256', 'text', (c) => c.references('attachment_blobs.sha256'))
    .addColumn('signed_at', instant)
    .addColumn('not_required_reason', 'text')
    // The client confirmed on signing that the problem is resolved.
    .addColumn('resolution_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supersedes_id', 'text', (c) => c.references('sign_offs.id'))
    .addColumn('supersede_reason', 'text')
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('sign_offs_ticket').on('sign_offs').columns(['ticket_id', 'recorded_at']).execute();
  // One successor per sign-off: two people superseding the same one at once cannot both win.
  await db.schema.createIndex('sign_offs_supersedes').on('sign_offs').column('supersedes_id').unique().execute();
  await refuseChanges(db, dialect, 'sign_offs', 'A sign-off cannot be changed; record a new one that supersedes it');

  await db.schema
    .alterTable('work_types')
    .addColumn('sign_off_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Resolution confirmed by the desk (who at the client confirmed, and how), when not on a sign-off.
  await db.schema
    .createTable('resolution_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('confirmed_by_name', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('confirmed_at', instant, (c) => c.notNull())
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema
    .createIndex('resolution_confirmations_ticket')
    .on('resolution_confirmations')
    .column('ticket_id')
    .execute();

  // Each closing of a ticket, with its SLA adherence; reopening stamps the row, never deletes it.
  await db.schema.alterTable('tickets').addColumn('closed_at', instant).execute();
  await db.schema
    .createTable('ticket_closures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('closed_at', instant, (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('resolution_summary', 'text')
    // 'met' | 'missed' | 'no_target'; minutes = how far the first arrival was from the due time.
    .addColumn('sla_outcome', 'text', (c) => c.notNull())
    .addColumn('sla_minutes', 'integer')
    .addColumn('reopened_at', instant)
    .addColumn('reopened_by', 'text', (c) => c.references('users.id'))
    .addColumn('reopen_reason', 'text')
    .execute();
  await db.schema
    .createIndex('ticket_closures_ticket')
    .on('ticket_closures')
    .columns(['ticket_id', 'closed_at'])
    .execute();

  await db.schema
    .createTable('ticket_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('closure_id', 'text', (c) => c.notNull().unique().references('ticket_closures.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    // JSON list of improvement tags.
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('sop_followed', 'integer', (c) => c.notNull())
    .addColumn('reviewed_at', instant, (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();

  // A new request about the same issue points at the earlier ticket.
  await db.schema
    .createTable('ticket_links')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('linked_ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('ticket_links_pk', ['ticket_id', 'linked_ticket_id'])
    .addCheckConstraint('ticket_links_not_self', sql`ticket_id <> linked_ticket_id`)
    .execute();
  await db.schema.createIndex('ticket_links_linked').on('ticket_links').column('linked_ticket_id').execute();
}

/** Makes a table append-only in the database itself, so no code path can rewrite a record. */
async function refuseChanges(db: Kysely<any>, dialect: DialectName, table: string, message: string): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create function ${sql.raw(`${table}_append_only`)}() returns trigger language plpgsql as $$
      begin raise exception ${sql.lit(message)} using errcode = 'P0001'; end $$`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function ${sql.raw(`${table}_append_only`)}()`.execute(db);
  } else {
    for (const action of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_no_${action}`)} before ${sql.raw(action)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
    }
  }
}
