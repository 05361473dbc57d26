import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Contacts can be corrected and retired (issue 19): what the person does for the client, and
// whether they are still someone intake may pick. A retired contact keeps its row, so old tickets
// and the audit history still name them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('role', 'text').execute();
  // Every existing contact stays pickable.
  await db.schema
    .alterTable('contacts')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
