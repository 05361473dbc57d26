import type { Tx } from '../db/transaction';

export interface StoredCalendar {
  scope: string;
  name: string;
  definition: unknown;
  updatedAt: string;
}

export async function findCalendars(db: Tx, scopes: string[]): Promise<StoredCalendar[]> {
  if (scopes.length === 0) return [];
  const rows = await db.selectFrom('calendars').selectAll().where('scope', 'in', scopes).execute();
  return rows.map((r) => ({
    scope: r.scope,
    name: r.name,
    definition: JSON.parse(r.definition) as unknown,
    updatedAt: r.updated_at,
  }));
}

export async function listCalendars(db: Tx): Promise<StoredCalendar[]> {
  const rows = await db.selectFrom('calendars').selectAll().orderBy('scope').execute();
  return rows.map((r) => ({
    scope: r.scope,
    name: r.name,
    definition: JSON.parse(r.definition) as unknown,
    updatedAt: r.updated_at,
  }));
}

/** Inserts or replaces the calendar of a scope. */
export async function upsertCalendar(
  db: Tx,
  row: { scope: string; name: string; definition: unknown; updatedAt: string; updatedBy: string | null },
): Promise<void> {
  const values = {
    scope: row.scope,
    name: row.name,
    definition: JSON.stringify(row.definition),
    updated_at: row.updatedAt,
    updated_by: row.updatedBy,
  };
  await db
    .insertInto('calendars')
    .values(values)
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet({
        name: values.name,
        definition: values.definition,
        updated_at: values.updated_at,
        updated_by: values.updated_by,
      }),
    )
    .execute();
}

/** Inserts the calendar only if its scope has none; concurrent first starts keep the first one. */
export async function insertCalendarIfMissing(
  db: Tx,
  row: { scope: string; name: string; definition: unknown; updatedAt: string },
): Promise<void> {
  await db
    .insertInto('calendars')
    .values({
      scope: row.scope,
      name: row.name,
      definition: JSON.stringify(row.definition),
      updated_at: row.updatedAt,
      updated_by: null,
    })
    .onConflict((oc) => oc.column('scope').doNothing())
    .execute();
}

export async function deleteCalendar(db: Tx, scope: string): Promise<boolean> {
  const result = await db.deleteFrom('calendars').where('scope', '=', scope).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function getJsonSetting(db: Tx, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export async function putJsonSetting(db: Tx, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}
