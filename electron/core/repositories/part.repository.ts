import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { skuKey, type PartDto } from '../../../shared/domain/parts';
import type { PartsTable } from '../db/schema';
import type { Tx } from '../db/transaction';

function toDto(r: Selectable<PartsTable>): PartDto {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    unit: r.unit,
    active: Number(r.active) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Case-insensitive "contains" on both databases; SQLite has no default escape character, so name one. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listParts(
  db: Tx,
  filter: { query?: string | undefined; includeInactive: boolean; limit: number },
): Promise<PartDto[]> {
  let query = db.selectFrom('parts').selectAll();
  if (!filter.includeInactive) query = query.where('active', '=', 1);
  if (filter.query) {
    const pattern = containsPattern(filter.query);
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(${sql.ref('sku')}) like ${pattern} escape '\\'`,
        sql<boolean>`lower(${sql.ref('name')}) like ${pattern} escape '\\'`,
      ]),
    );
  }
  const rows = await query.orderBy('sku_key').limit(filter.limit).execute();
  return rows.map(toDto);
}

/** Every part, keyed by its SKU key: the import compares a whole file against the catalog. */
export async function partsBySkuKey(db: Tx): Promise<Map<string, PartDto>> {
  const rows = await db.selectFrom('parts').selectAll().execute();
  return new Map(rows.map((r) => [r.sku_key, toDto(r)]));
}

export async function findPart(db: Tx, id: string): Promise<PartDto | undefined> {
  const row = await db.selectFrom('parts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDto(row) : undefined;
}

export async function findPartBySku(db: Tx, sku: string): Promise<PartDto | undefined> {
  const row = await db.selectFrom('parts').selectAll().where('sku_key', '=', skuKey(sku)).executeTakeFirst();
  return row ? toDto(row) : undefined;
}

/** The parts with these SKU keys (at most a visit's worth of lines). */
export async function findPartsBySkuKeys(db: Tx, keys: readonly string[]): Promise<Map<string, PartDto>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('parts')
    .selectAll()
    .where('sku_key', 'in', [...keys])
    .execute();
  return new Map(rows.map((r) => [r.sku_key, toDto(r)]));
}

export type PartFields = Pick<PartDto, 'id' | 'sku' | 'name' | 'unit' | 'active'>;

// Several hundred rows per statement keeps a large import fast and under both databases'
// limits on bound parameters.
const INSERT_CHUNK = 500;

export async function insertParts(db: Tx, parts: readonly PartFields[], at: string): Promise<void> {
  for (let i = 0; i < parts.length; i += INSERT_CHUNK) {
    await db
      .insertInto('parts')
      .values(
        parts.slice(i, i + INSERT_CHUNK).map((p) => ({
          id: p.id,
          sku: p.sku,
          sku_key: skuKey(p.sku),
          name: p.name,
          unit: p.unit,
          active: p.active ? 1 : 0,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
}

export async function updatePart(db: Tx, part: PartFields, at: string): Promise<void> {
  await db
    .updateTable('parts')
    .set({
      sku: part.sku,
      sku_key: skuKey(part.sku),
      name: part.name,
      unit: part.unit,
      active: part.active ? 1 : 0,
      updated_at: at,
    })
    .where('id', '=', part.id)
    .execute();
}
