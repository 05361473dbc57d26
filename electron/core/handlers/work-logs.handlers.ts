import { access, roleIn } from '../../../shared/api/access';
import type { UserDto } from '../../../shared/domain/directory';
import { documentationRefusal, type DocumentationRefusal } from '../../../shared/domain/documentation';
import { isCountUnit, skuKey } from '../../../shared/domain/parts';
import type { WorkLogDto } from '../../../shared/domain/work-log';
import { ApiFailure, type InputIssue } from '../../../shared/errors';
import { requireCaller, type HandlerContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import type { Tx } from '../db/transaction';
import { findPartsBySkuKeys } from '../repositories/part.repository';
import { findTicketForBooking } from '../repositories/ticket.repository';
import {
  findDocumentedVisits,
  findWorkLogs,
  saveWorkLogIfVersion,
  type DocumentedVisit,
  type WorkLogRecord,
} from '../repositories/work-log.repository';
import type { Handlers } from './handler-types';

const MINUTE = 60_000;

/** Why this caller may not document this visit, or null when they may. */
function refusal(visit: DocumentedVisit, caller: UserDto): DocumentationRefusal | null {
  // workLogs.get is open to every role, so the documenting roles are checked here, not by the contract.
  if (!roleIn(access.documenters, caller.role))
    return {
      code: 'forbidden',
      subject: 'visit',
      message: 'Only the crew, dispatchers and admins document a visit.',
    };
  return documentationRefusal(
    { role: caller.role, onCrew: visit.crewUserIds.includes(caller.id) },
    { ticketNumber: visit.ticketNumber, ticketStatus: visit.ticketStatus, visitStatus: visit.status },
  );
}

/** Arrival to the end of the visit, or to now while the crew is still on site. */
function suggestedMinutes(visit: DocumentedVisit, now: string): number | null {
  if (!visit.arrivedAt) return null;
  const end = visit.finishedAt ?? (visit.status === 'on_site' ? now : null);
  if (!end) return null;
  return Math.max(0, Math.round((Date.parse(end) - Date.parse(visit.arrivedAt)) / MINUTE));
}

function toDto(visit: DocumentedVisit, log: WorkLogRecord | undefined, caller: UserDto, now: string): WorkLogDto {
  return {
    visitId: visit.visitId,
    ticketId: visit.ticketId,
    ticketNumber: visit.ticketNumber,
    visit: { startsAt: visit.startsAt, status: visit.status, technicianName: visit.technicianName },
    actions: log?.actions ?? '',
    steps: log?.steps ?? [],
    parts: log?.parts ?? [],
    noParts: log?.noParts ?? false,
    timeOnSiteMinutes: log?.timeOnSiteMinutes ?? null,
    suggestedTimeOnSiteMinutes: suggestedMinutes(visit, now),
    outcome: log?.outcome ?? null,
    version: log?.version ?? 0,
    updatedAt: log?.updatedAt ?? null,
    updatedBy: log?.updatedBy ?? null,
    canEdit: refusal(visit, caller) === null,
  };
}

async function requireVisit(db: Tx, visitId: string): Promise<DocumentedVisit> {
  const [visit] = await findDocumentedVisits(db, { visitId });
  if (!visit) throw new ApiFailure('not_found', 'No such visit.');
  return visit;
}

async function workLogDto(ctx: HandlerContext, visitId: string): Promise<WorkLogDto> {
  const visit = await requireVisit(ctx.database.db, visitId);
  const logs = await findWorkLogs(ctx.database.db, [visitId]);
  return toDto(visit, logs.get(visitId), requireCaller(ctx), ctx.now());
}

function staleLog(): ApiFailure {
  return new ApiFailure(
    'stale',
    'Someone else saved this work log since you opened it. Reload it, then make your changes again.',
    [{ path: ['expectedVersion'], message: 'Changed since' }],
  );
}

export const workLogHandlers = {
  'workLogs.get': async (input, ctx) => workLogDto(ctx, input.visitId),

  'workLogs.forTicket': async (input, ctx) => {
    const caller = requireCaller(ctx);
    if (!(await findTicketForBooking(ctx.database.db, input.ticketId)))
      throw new ApiFailure('not_found', 'No such ticket.');
    const visits = await findDocumentedVisits(ctx.database.db, { ticketId: input.ticketId });
    const logs = await findWorkLogs(
      ctx.database.db,
      visits.map((v) => v.visitId),
    );
    const now = ctx.now();
    // A cancelled visit shows only when something was recorded on it before it was cancelled.
    return visits
      .filter((v) => v.status !== 'cancelled' || logs.has(v.visitId))
      .map((v) => toDto(v, logs.get(v.visitId), caller, now));
  },

  'workLogs.save': async (input, ctx) => {
    const caller = requireCaller(ctx);
    try {
      await ctx.write(async ({ tx, audit, publish }) => {
        const visit = await requireVisit(tx, input.visitId);
        const refused = refusal(visit, caller);
        if (refused?.code === 'forbidden') throw new ApiFailure('forbidden', refused.message);
        if (refused)
          throw new ApiFailure('invalid_input', refused.message, [{ path: ['visitId'], message: refused.message }]);

        const before = (await findWorkLogs(tx, [visit.visitId])).get(visit.visitId);
        const catalog = await findPartsBySkuKeys(
          tx,
          input.parts.map((p) => skuKey(p.sku)),
        );
        // A part retired from the catalog after it was recorded stays valid on this log.
        const recorded = new Set(before?.parts.map((p) => p.partId));
        const issues: InputIssue[] = [];
        const parts = input.parts.flatMap((line, index) => {
          const part = catalog.get(skuKey(line.sku));
          if (!part) {
            issues.push({ path: ['parts', index, 'sku'], message: `No part ${line.sku} in the catalog` });
            return [];
          }
          if (!part.active && !recorded.has(part.id)) {
            issues.push({ path: ['parts', index, 'sku'], message: `${part.sku} is inactive in the catalog` });
            return [];
          }
          if (isCountUnit(part.unit) && !Number.isInteger(line.quantity)) {
            issues.push({
              path: ['parts', index, 'quantity'],
              message: `Whole numbers only: ${part.sku} is counted in ${part.unit}`,
            });
            return [];
          }
          return [
            {
              partId: part.id,
              quantity: line.quantity,
              serialsInstalled: line.serialsInstalled,
              serialsRemoved: line.serialsRemoved,
            },
          ];
        });
        if (issues.length > 0) throw new ApiFailure('invalid_input', 'Some parts lines cannot be saved.', issues);

        const saved = await saveWorkLogIfVersion(
          tx,
          {
            visitId: visit.visitId,
            ticketId: visit.ticketId,
            actions: input.actions,
            steps: input.steps,
            noParts: input.noParts,
            timeOnSiteMinutes: input.timeOnSiteMinutes,
            outcome: input.outcome,
            parts,
            at: ctx.now(),
            by: caller.id,
          },
          input.expectedVersion,
        );
        if (!saved) throw staleLog();
        const { visitId: _visitId, expectedVersion: _expected, ...after } = input;
        await audit({
          entity: 'work_log',
          entityId: visit.visitId,
          ticketId: visit.ticketId,
          before: before ?? null,
          after: { ...after, version: input.expectedVersion + 1 },
        });
        await publish({
          type: 'ticket.documented',
          ticketId: visit.ticketId,
          number: visit.ticketNumber,
          visitId: visit.visitId,
          part: 'work_log',
        });
      });
    } catch (error) {
      // Two first saves at once: the loser's insert hit the primary key.
      if (isUniqueViolation(error)) throw staleLog();
      throw error;
    }
    return workLogDto(ctx, input.visitId);
  },
} satisfies Partial<Handlers>;
