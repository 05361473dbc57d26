import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// One login is one person's technician record (issue 21): "my day" and the documentation rights
// follow the link, so a login linked to two records would see and write both crews' visits.
// Until now nothing stopped it, so a database may hold such pairs: the earliest-created record
// keeps the link (the one the admin made first) and the later ones lose it before the index is built.
export async function up(db: Kysely<any>): Promise<void> {
  const linked = await db
    .selectFrom('technicians')
    .select(['id', 'user_id'])
    .where('user_id', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const keeper = new Set<string>();
  const unlink: string[] = [];
  for (const row of linked as { id: string; user_id: string }[]) {
    if (keeper.has(row.user_id)) unlink.push(row.id);
    else keeper.add(row.user_id);
  }
  if (unlink.length > 0) await db.updateTable('technicians').set({ user_id: null }).where('id', 'in', unlink).execute();
  // Unique among the linked: both databases let any number of rows hold NULL (no login).
  await db.schema.createIndex('technicians_user_id_unique').on('technicians').column('user_id').unique().execute();
}
