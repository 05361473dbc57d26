import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Frozen: never edit a migration that has shipped; add a new one.
// Messages to clients and technicians (issue 14, sections 3 and 4): the templates admins saved
// (a kind without a row uses the shipped default, so "reset" deletes the row), the messages a
// client chose not to receive (every kind is on until a row turns it off), and a contact's opt-out.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const instant = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('message_templates')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema
    .createTable('client_message_opt_outs')
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_message_opt_outs_pk', ['client_id', 'kind'])
    .execute();
  // Every existing contact keeps receiving messages.
  await db.schema
    .alterTable('contacts')
    .addColumn('messages_opt_out', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
