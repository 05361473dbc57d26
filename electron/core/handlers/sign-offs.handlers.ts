import { randomUUID } from 'node:crypto';
import { formatBytes, SIGNATURE_MAX_BYTES } from '../../../shared/domain/attachment';
import type { SignOffDto, SignOffRecordInput } from '../../../shared/domain/sign-off';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller } from '../context';
import type { DatabaseHandle } from '../db/connect';
import type { Tx } from '../db/transaction';
import { putBlob } from '../repositories/attachment.repository';
import { findCurrentSignOff, findSignOffVisit, insertSignOff, listSignOffs } from '../repositories/sign-off.repository';
import { findTicketForBooking } from '../repositories/ticket.repository';
import { findVisitRecord } from '../repositories/visit.repository';
import { requireDocumentable } from '../services/attachments/documenter-access';
import { decodeBase64, describeContent, sha256Hex, sniffType } from '../services/attachments/file-content';
import type { Handlers } from './handler-types';

/** Clients sign on the technician's device; a clock a few minutes ahead is not a lie. */
const SIGNED_AT_TOLERANCE_MS = 5 * 60_000;

function invalid(field: string, message: string, detail = message): ApiFailure {
  return new ApiFailure('invalid_input', message, [{ path: [field], message: detail }]);
}

/** The drawn signature's bytes: a real PNG (by its signature bytes), within the size limit. */
async function readSignature(base64: string) {
  const bytes = decodeBase64(base64);
  if (bytes.length > SIGNATURE_MAX_BYTES) {
    throw invalid('signaturePngBase64', `A signature is at most ${formatBytes(SIGNATURE_MAX_BYTES)}.`);
  }
  const sniffed = await sniffType(bytes);
  if (sniffed?.mime !== 'image/png') {
    throw invalid(
      'signaturePngBase64',
      `The signature is ${describeContent(sniffed)}; send the drawing as a PNG image.`,
      'Not a PNG image',
    );
  }
  return { bytes, sha256: sha256Hex(bytes) };
}

/**
 * On PostgreSQL two first sign-offs of one visit could otherwise both find no current one and
 * both insert; locking the visit row serializes them. SQLite's write lock already does.
 */
async function lockVisit(database: DatabaseHandle, tx: Tx, visitId: string): Promise<void> {
  if (database.dialect !== 'postgres') return;
  await tx.selectFrom('visits').select('id').where('id', '=', visitId).forUpdate().execute();
}

/** One current sign-off per visit: a new one must name the current one it replaces. */
async function checkSupersession(tx: Tx, input: SignOffRecordInput): Promise<void> {
  const current = await findCurrentSignOff(tx, input.visitId);
  if (input.supersedesId === null) {
    if (!current) return;
    throw new ApiFailure(
      'conflict',
      `This visit already has a sign-off, recorded by ${current.recordedByName} at ${current.recordedAt.slice(0, 16).replace('T', ' ')} UTC. Supersede it with a reason to record a new one.`,
      [{ path: ['supersedesId'], message: `The current sign-off is ${current.id}` }],
    );
  }
  if (current?.id === input.supersedesId) return;
  const visitOfSuperseded = await findSignOffVisit(tx, input.supersedesId);
  if (visitOfSuperseded !== input.visitId) {
    throw invalid('supersedesId', 'That is not a sign-off of this visit.');
  }
  // A sign-off of this visit that something else replaced meanwhile.
  throw new ApiFailure(
    'conflict',
    'That sign-off was already superseded; reload the visit and supersede the current one.',
    [{ path: ['supersedesId'], message: current ? `The current sign-off is ${current.id}` : 'Already superseded' }],
  );
}

async function signOffDto(tx: Tx, id: string): Promise<SignOffDto> {
  const [dto] = await listSignOffs(tx, { id });
  if (!dto) throw new Error(`sign-off ${id} vanished inside its own transaction`);
  return dto;
}

export const signOffHandlers = {
  'signOffs.record': async (input, ctx) => {
    const caller = requireCaller(ctx);
    const now = ctx.now();
    const signature = input.kind === 'signed' ? await readSignature(input.signaturePngBase64) : null;
    const signedAt = input.kind === 'signed' ? (input.signedAt ?? now) : null;
    if (signedAt && Date.parse(signedAt) > Date.parse(now) + SIGNED_AT_TOLERANCE_MS) {
      throw invalid('signedAt', 'A sign-off cannot be signed in the future.');
    }

    return ctx.write(async ({ tx, audit, publish }) => {
      await lockVisit(ctx.database, tx, input.visitId);
      const visit = await findVisitRecord(tx, input.visitId);
      if (!visit) throw invalid('visitId', 'No such visit.');
      const ticket = await findTicketForBooking(tx, visit.ticketId);
      if (!ticket) throw new Error(`visit ${visit.id} has no ticket`);
      // The input names only the visit, so a closed ticket is answered at visitId too.
      await requireDocumentable(
        tx,
        caller,
        {
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          ticketStatus: ticket.status,
          visitId: visit.id,
          visitStatus: visit.status,
        },
        { visit: 'visitId', ticket: 'visitId' },
      );
      await checkSupersession(tx, input);

      if (signature) {
        await putBlob(tx, {
          sha256: signature.sha256,
          size: signature.bytes.length,
          mimeType: 'image/png',
          content: signature.bytes,
          thumbnail: null,
          createdAt: now,
        });
      }
      const id = randomUUID();
      await insertSignOff(tx, {
        id,
        ticketId: ticket.id,
        visitId: visit.id,
        kind: input.kind,
        signerName: input.kind === 'signed' ? input.signerName : null,
        signerRole: input.kind === 'signed' ? input.signerRole : null,
        signatureSha256: signature?.sha256 ?? null,
        signedAt,
        notRequiredReason: input.kind === 'not_required' ? input.reason : null,
        resolutionConfirmed: input.kind === 'signed' && input.resolutionConfirmed,
        supersedesId: input.supersedesId,
        supersedeReason: input.supersedeReason,
        recordedAt: now,
        recordedBy: caller.id,
      });
      const dto = await signOffDto(tx, id);
      const { signaturePngBase64: _png, ...after } = dto;
      await audit({
        entity: 'sign_off',
        entityId: id,
        ticketId: ticket.id,
        after: { ...after, signatureSha256: signature?.sha256 ?? null },
      });
      await publish({
        type: 'ticket.documented',
        ticketId: ticket.id,
        number: ticket.number,
        visitId: visit.id,
        part: 'sign_off',
      });
      return dto;
    });
  },

  'signOffs.list': async (input, ctx) => {
    const ticket = await findTicketForBooking(ctx.database.db, input.ticketId);
    if (!ticket) throw new ApiFailure('not_found', 'No such ticket.');
    return listSignOffs(ctx.database.db, { ticketId: input.ticketId });
  },
} satisfies Partial<Handlers>;
