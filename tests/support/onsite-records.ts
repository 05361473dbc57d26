// What a technician records on site (status, work log, parts, sign-off), written straight into the
// tables of migration 0006. The closure tests need these rows before the methods that write them
// exist on this branch; when they do, only the insides of these functions change to API calls.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../electron/core/db/schema';

type Db = Kysely<Database>;

/** The crew arrived on site: the visit is on site and the ticket's first arrival is set if still empty. */
export async function markArrived(db: Db, visit: { visitId: string; at: string }): Promise<void> {
  const row = await db
    .selectFrom('visits')
    .select(['ticket_id', 'version'])
    .where('id', '=', visit.visitId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('visits')
    .set({ status: 'on_site', arrived_at: visit.at, version: row.version + 1 })
    .where('id', '=', visit.visitId)
    .execute();
  await db
    .updateTable('tickets')
    .set({ first_arrival_at: visit.at, status: 'in_progress' })
    .where('id', '=', row.ticket_id)
    .where('first_arrival_at', 'is', null)
    .execute();
}

/** The visit ended: completed, or incomplete with a reason. */
export async function markFinished(
  db: Db,
  visit: { visitId: string; at: string; status?: 'completed' | 'incomplete'; reason?: string },
): Promise<void> {
  const row = await db.selectFrom('visits').select('version').where('id', '=', visit.visitId).executeTakeFirstOrThrow();
  await db
    .updateTable('visits')
    .set({
      status: visit.status ?? 'completed',
      finished_at: visit.at,
      incomplete_reason: visit.reason ?? null,
      version: row.version + 1,
    })
    .where('id', '=', visit.visitId)
    .execute();
}

/** The visit's work log: actions in words, ordered steps, and whether "no parts" was stated. */
export async function recordWorkLog(
  db: Db,
  log: { visitId: string; userId: string; actions?: string; steps?: string[]; noParts?: boolean; at?: string },
): Promise<void> {
  const visit = await db
    .selectFrom('visits')
    .select('ticket_id')
    .where('id', '=', log.visitId)
    .executeTakeFirstOrThrow();
  const values = {
    actions: log.actions ?? '',
    steps: JSON.stringify(log.steps ?? []),
    no_parts: log.noParts ? 1 : 0,
    updated_at: log.at ?? new Date().toISOString(),
    updated_by: log.userId,
  };
  await db
    .insertInto('visit_work_logs')
    .values({
      visit_id: log.visitId,
      ticket_id: visit.ticket_id,
      time_on_site_minutes: null,
      outcome: 'resolved',
      version: 1,
      ...values,
    })
    .onConflict((oc) => oc.column('visit_id').doUpdateSet(values))
    .execute();
}

/** A part used on the visit (the part is added to the catalog if its SKU is new). */
export async function recordPartUsed(
  db: Db,
  part: { visitId: string; sku: string; name?: string; quantity?: number },
): Promise<void> {
  const now = new Date().toISOString();
  const key = part.sku.toLowerCase();
  let partId = (await db.selectFrom('parts').select('id').where('sku_key', '=', key).executeTakeFirst())?.id;
  if (!partId) {
    partId = randomUUID();
    await db
      .insertInto('parts')
      .values({
        id: partId,
        sku: part.sku,
        sku_key: key,
        name: part.name ?? part.sku,
        unit: 'pcs',
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const count = await db
    .selectFrom('visit_parts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('visit_id', '=', part.visitId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('visit_parts')
    .values({
      id: randomUUID(),
      visit_id: part.visitId,
      part_id: partId,
      position: count.n,
      quantity: part.quantity ?? 1,
      serials_installed: '[]',
      serials_removed: '[]',
    })
    .execute();
}

/** The client's sign-off on a visit; `supersedes` names the sign-off it replaces. Returns its id. */
export async function recordSignOff(
  db: Db,
  signOff: {
    visitId: string;
    userId: string;
    kind?: 'signed' | 'not_required';
    resolutionConfirmed?: boolean;
    supersedes?: string;
    at?: string;
  },
): Promise<string> {
  const visit = await db
    .selectFrom('visits')
    .select('ticket_id')
    .where('id', '=', signOff.visitId)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const at = signOff.at ?? new Date().toISOString();
  const kind = signOff.kind ?? 'signed';
  await db
    .insertInto('sign_offs')
    .values({
      id,
      ticket_id: visit.ticket_id,
      visit_id: signOff.visitId,
      kind,
      signer_name: kind === 'signed' ? 'Kim Abercrombie' : null,
      signer_role: kind === 'signed' ? 'Plant manager' : null,
      signature_sha256: null,
      signed_at: kind === 'signed' ? at : null,
      not_required_reason: kind === 'not_required' ? 'Client not on site; remote confirmation agreed' : null,
      resolution_confirmed: signOff.resolutionConfirmed ? 1 : 0,
      supersedes_id: signOff.supersedes ?? null,
      supersede_reason: signOff.supersedes ? 'Signed by the wrong person' : null,
      recorded_at: at,
      recorded_by: signOff.userId,
    })
    .execute();
  return id;
}
