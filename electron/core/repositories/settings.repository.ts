import type { Tx } from '../db/transaction';

export async function getSetting(db: Tx, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Inserts a setting that must not exist yet; a second writer fails on the primary key. */
export async function insertSetting(db: Tx, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).execute();
}
