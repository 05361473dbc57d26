import type { SignOffDto, SignOffKind } from '../../../shared/domain/sign-off';
import type { Tx } from '../db/transaction';

export interface SignOffRecord {
  id: string;
  ticketId: string;
  visitId: string;
  kind: SignOffKind;
  recordedAt: string;
  recordedByName: string;
}

/** The visit's sign-off that nothing supersedes yet, if any. */
export async function findCurrentSignOff(db: Tx, visitId: string): Promise<SignOffRecord | undefined> {
  const row = await db
    .selectFrom('sign_offs as s')
    .innerJoin('users as u', 'u.id', 's.recorded_by')
    .select(['s.id', 's.ticket_id', 's.visit_id', 's.kind', 's.recorded_at', 'u.display_name'])
    .where('s.visit_id', '=', visitId)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('sign_offs as n').select('n.id').whereRef('n.supersedes_id', '=', 's.id'))),
    )
    .orderBy('s.recorded_at', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    ticketId: row.ticket_id,
    visitId: row.visit_id,
    kind: row.kind,
    recordedAt: row.recorded_at,
    recordedByName: row.display_name,
  };
}

export async function findSignOffVisit(db: Tx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('sign_offs').select('visit_id').where('id', '=', id).executeTakeFirst();
  return row?.visit_id;
}

export async function insertSignOff(
  db: Tx,
  row: {
    id: string;
    ticketId: string;
    visitId: string;
    kind: SignOffKind;
    signerName: string | null;
    signerRole: string | null;
    signatureSha256: string | null;
    signedAt: string | null;
    notRequiredReason: string | null;
    resolutionConfirmed: boolean;
    supersedesId: string | null;
    supersedeReason: string | null;
    recordedAt: string;
    recordedBy: string;
  },
): Promise<void> {
  await db
    .insertInto('sign_offs')
    .values({
      id: row.id,
      ticket_id: row.ticketId,
      visit_id: row.visitId,
      kind: row.kind,
      signer_name: row.signerName,
      signer_role: row.signerRole,
      signature_sha256: row.signatureSha256,
      signed_at: row.signedAt,
      not_required_reason: row.notRequiredReason,
      resolution_confirmed: row.resolutionConfirmed ? 1 : 0,
      supersedes_id: row.supersedesId,
      supersede_reason: row.supersedeReason,
      recorded_at: row.recordedAt,
      recorded_by: row.recordedBy,
    })
    .execute();
}

/** A ticket's sign-offs (or one), newest first, with the visit each covers and its signature inline. */
export async function listSignOffs(db: Tx, filter: { ticketId: string } | { id: string }): Promise<SignOffDto[]> {
  let query = db
    .selectFrom('sign_offs as s')
    .innerJoin('visits as v', 'v.id', 's.visit_id')
    .innerJoin('technicians as t', 't.id', 'v.technician_id')
    .innerJoin('users as u', 'u.id', 's.recorded_by')
    .leftJoin('attachment_blobs as b', 'b.sha256', 's.signature_sha256')
    .leftJoin('sign_offs as n', 'n.supersedes_id', 's.id')
    .select([
      's.id',
      's.ticket_id',
      's.visit_id',
      's.kind',
      's.signer_name',
      's.signer_role',
      's.signed_at',
      's.not_required_reason',
      's.resolution_confirmed',
      's.supersedes_id',
      's.supersede_reason',
      's.recorded_at',
      's.recorded_by',
      'u.display_name',
      'v.starts_at',
      'v.ends_at',
      't.name as technician_name',
      'b.content as signature',
      'n.id as superseded_by',
    ]);
  query = 'id' in filter ? query.where('s.id', '=', filter.id) : query.where('s.ticket_id', '=', filter.ticketId);
  const rows = await query.orderBy('s.recorded_at', 'desc').orderBy('s.id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    ticketId: row.ticket_id,
    visit: { id: row.visit_id, startsAt: row.starts_at, endsAt: row.ends_at, technicianName: row.technician_name },
    kind: row.kind,
    signerName: row.signer_name,
    signerRole: row.signer_role,
    signedAt: row.signed_at,
    signaturePngBase64: row.signature ? Buffer.from(row.signature).toString('base64') : null,
    notRequiredReason: row.not_required_reason,
    resolutionConfirmed: Number(row.resolution_confirmed) === 1,
    supersedesId: row.supersedes_id,
    supersedeReason: row.supersede_reason,
    supersededById: row.superseded_by,
    current: row.superseded_by === null,
    recordedAt: row.recorded_at,
    recordedBy: { id: row.recorded_by, displayName: row.display_name },
  }));
}
