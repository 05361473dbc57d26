import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
// Tickets resolved without a visit (issue 19): the remote resolution itself, what kind of moment
// met the response target, and whether a closing was a remote one and a first-time fix.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';

  await db.schema
    .createTable('remote_resolutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('responded_at', instant, (c) => c.notNull())
    .addColumn('resolved_at', instant, (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull())
    // JSON list of the steps taken, in order.
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('confirmed_by_name', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', instant, (c) => c.notNull())
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema
    .createIndex('remote_resolutions_ticket')
    .on('remote_resolutions')
    .columns(['ticket_id', 'resolved_at'])
    .execute();

  // first_arrival_at stays the SLA response moment; this says whether a crew's arrival or the start
  // of remote work set it. Every moment recorded so far was an arrival.
  await db.schema.alterTable('tickets').addColumn('response_kind', 'text').execute();
  await sql`update tickets set response_kind = 'on_site' where first_arrival_at is not null`.execute(db);

  await db.schema
    .alterTable('ticket_closures')
    .addColumn('resolved_remotely', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Null for the closings made before this was kept: that history cannot be told apart reliably
  // (visits cancelled since, reopenings), so it is not guessed.
  await db.schema.alterTable('ticket_closures').addColumn('first_time_fix', 'integer').execute();
}
