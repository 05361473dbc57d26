import { randomUUID } from 'node:crypto';
import type { ApiParsedInput } from '../../../shared/api/contract';
import type { PartDto, PartsImportSummary } from '../../../shared/domain/parts';
import { ApiFailure } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import {
  findPart,
  findPartBySku,
  insertParts,
  listParts,
  partsBySkuKey,
  updatePart,
} from '../repositories/part.repository';
import { parsePartsCsv, planPartsImport } from '../services/parts/parts-csv';
import type { Handlers } from './handler-types';

function skuTaken(sku: string): ApiFailure {
  return new ApiFailure('conflict', `The SKU ${sku} is in the catalog already.`, [
    { path: ['sku'], message: `${sku} exists already (SKUs are unique regardless of case)` },
  ]);
}

/** The database's unique SKU key has the last word: a save racing another one with the same SKU. */
async function refuseTakenSku<T>(sku: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw skuTaken(sku);
    throw error;
  }
}

function saveOne(input: ApiParsedInput<'parts.save'>, ctx: HandlerContext): Promise<PartDto> {
  return ctx.write(async ({ tx, audit, publish }) => {
    const before = input.id ? await findPart(tx, input.id) : undefined;
    if (input.id && !before) throw new ApiFailure('not_found', 'No such part.');
    const holder = await findPartBySku(tx, input.sku);
    if (holder && holder.id !== input.id) throw skuTaken(holder.sku);
    const now = ctx.now();
    const fields = {
      id: input.id ?? randomUUID(),
      sku: input.sku,
      name: input.name,
      unit: input.unit,
      active: input.active,
    };
    if (before) await updatePart(tx, fields, now);
    else await insertParts(tx, [fields], now);
    const saved = await findPart(tx, fields.id);
    if (!saved) throw new Error(`part ${fields.id} vanished inside its own transaction`);
    await audit({ entity: 'part', entityId: saved.id, before: before ?? null, after: saved });
    await publish({ type: 'parts.changed' });
    return saved;
  });
}

export const partHandlers = {
  'parts.list': async (input, ctx) => listParts(ctx.database.db, input),

  'parts.save': async (input, ctx) => refuseTakenSku(input.sku, () => saveOne(input, ctx)),

  'parts.importCsv': async (input, ctx) => {
    const parsed = parsePartsCsv(input.csv);
    if (!parsed.ok) {
      const count = parsed.issues.length;
      throw new ApiFailure(
        'invalid_input',
        `${count} line${count === 1 ? '' : 's'} of the file cannot be imported; nothing was imported.`,
        parsed.issues,
      );
    }
    const summarize = (plan: ReturnType<typeof planPartsImport>, dryRun: boolean): PartsImportSummary => ({
      rows: parsed.parts.length,
      created: plan.create.length,
      updated: plan.update.length,
      unchanged: plan.unchanged,
      dryRun,
    });
    if (input.dryRun) return summarize(planPartsImport(parsed.parts, await partsBySkuKey(ctx.database.db)), true);
    return ctx.write(async ({ tx, audit, publish }) => {
      // Planned again inside the write: the catalog may have changed since a preview.
      const plan = planPartsImport(parsed.parts, await partsBySkuKey(tx));
      const now = ctx.now();
      const created = plan.create.map((p) => ({
        id: randomUUID(),
        sku: p.sku,
        name: p.name,
        unit: p.unit,
        active: p.active ?? true,
      }));
      await insertParts(tx, created, now);
      for (const { before, after } of plan.update) {
        await updatePart(tx, { ...after, id: before.id }, now);
      }
      for (const part of created) await audit({ entity: 'part', entityId: part.id, before: null, after: part });
      for (const { before, after } of plan.update) {
        const { line: _line, ...fields } = after;
        await audit({ entity: 'part', entityId: before.id, before, after: { ...fields, id: before.id } });
      }
      if (created.length + plan.update.length > 0) await publish({ type: 'parts.changed' });
      return summarize(plan, false);
    });
  },
} satisfies Partial<Handlers>;
