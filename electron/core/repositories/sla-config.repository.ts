import type { z } from 'zod';
import { type BusinessCalendar } from '../../../shared/domain/sla';
import { businessCalendar } from '../../../shared/domain/sla.schema';
import { readJsonOrUndefined } from '../db/json-column';
import type { CalendarsTable } from '../db/schema';
import type { Tx } from '../db/transaction';

export interface StoredCalendar {
  scope: string;
  name: string;
  /** Undefined when the stored definition no longer parses (a hand edit): the calendar is ignored. */
  calendar: BusinessCalendar | undefined;
  updatedAt: string;
}

function storedCalendar(r: CalendarsTable): StoredCalendar {
  return {
    scope: r.scope,
    name: r.name,
    calendar: readJsonOrUndefined(businessCalendar, r.definition, `calendars.definition of ${r.scope}`),
    updatedAt: r.updated_at,
  };
}

export async function findCalendars(db: Tx, scopes: string[]): Promise<StoredCalendar[]> {
  if (scopes.length === 0) return [];
  const rows = await db.selectFrom('calendars').selectAll().where('scope', 'in', scopes).execute();
  return rows.map(storedCalendar);
}

/** Every stored calendar with the name of the client or site it belongs to. */
export async function listCalendars(db: Tx): Promise<(StoredCalendar & { scopeName: string | null })[]> {
  const rows = await db.selectFrom('calendars').selectAll().orderBy('scope').execute();
  const ids = rows.map((r) => r.scope.slice(r.scope.indexOf(':') + 1));
  const clients = ids.length
    ? await db.selectFrom('clients').select(['id', 'name']).where('id', 'in', ids).execute()
    : [];
  const sites = ids.length
    ? await db
        .selectFrom('sites as s')
        .innerJoin('clients as c', 'c.id', 's.client_id')
        .select(['s.id', 's.name', 'c.name as client_name'])
        .where('s.id', 'in', ids)
        .execute()
    : [];
  const names = new Map<string, string>([
    ...clients.map((c) => [`client:${c.id}`, c.name] as const),
    ...sites.map((s) => [`site:${s.id}`, `${s.name} (${s.client_name})`] as const),
  ]);
  return rows.map((r) => ({ ...storedCalendar(r), scopeName: names.get(r.scope) ?? null }));
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

/** A stored setting read with its schema; undefined when none is stored or it no longer parses (logged). */
export async function getJsonSetting<S extends z.ZodType>(
  db: Tx,
  key: string,
  schema: S,
): Promise<z.output<S> | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? readJsonOrUndefined(schema, row.value, `settings.value of ${key}`) : undefined;
}

export async function putJsonSetting(db: Tx, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}
