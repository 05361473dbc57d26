import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import {
  AUDIT_EXPORT_LIMIT,
  changedFields,
  type AuditDetailDto,
  type AuditEntryDto,
} from '../../../shared/domain/audit';
import { ApiFailure } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { readJsonOrUndefined } from '../db/json-column';
import {
  findAuditRow,
  listAuditEntities,
  listAuditForExport,
  listAuditPage,
  ticketIdByNumber,
  type AuditFilter,
  type AuditListRow,
} from '../repositories/audit-log.repository';
import type { Handlers } from './handler-types';

const anyJson = z.unknown();
const TICKET_NUMBER = /^T-\d{4}-\d{6}$/i;

function parsed(json: string | null, where: string): unknown {
  return json === null ? null : (readJsonOrUndefined(anyJson, json, where) ?? null);
}

function entryOf(row: AuditListRow, before: unknown, after: unknown): AuditEntryDto {
  return {
    id: row.id,
    at: row.at,
    user:
      row.user_id && row.display_name && row.username
        ? { id: row.user_id, displayName: row.display_name, username: row.username }
        : null,
    method: row.method,
    entity: row.entity,
    entityId: row.entity_id,
    ticket: row.ticket_id && row.ticket_number ? { id: row.ticket_id, number: row.ticket_number } : null,
    fields: changedFields(before, after),
  };
}

function entry(row: AuditListRow): AuditEntryDto {
  return entryOf(
    row,
    parsed(row.before, `audit_log.before of ${row.id}`),
    parsed(row.after, `audit_log.after of ${row.id}`),
  );
}

/** A ticket's number stands for the ticket's id, so "T-2026-000123" finds every row about it. */
async function resolved(ctx: HandlerContext, filter: AuditFilter): Promise<AuditFilter> {
  if (!filter.record || !TICKET_NUMBER.test(filter.record)) return filter;
  const ticketId = await ticketIdByNumber(ctx.database.db, filter.record.toUpperCase());
  return ticketId ? { ...filter, record: ticketId } : filter;
}

const cell = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export const auditHandlers = {
  'audit.list': async (input, ctx) => {
    const filter = await resolved(ctx, input.filter);
    // One row more than asked says whether there is a next page without counting the rest.
    const rows = await listAuditPage(ctx.database.db, filter, input.after, input.limit + 1);
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      entries: page.map(entry),
      next: rows.length > input.limit && last ? { at: last.at, id: last.id } : null,
    };
  },

  'audit.get': async (input, ctx): Promise<AuditDetailDto> => {
    const row = await findAuditRow(ctx.database.db, input.id);
    if (!row) throw new ApiFailure('not_found', 'No such audit entry.', [{ path: ['id'], message: 'No such entry' }]);
    const before = parsed(row.before, `audit_log.before of ${row.id}`);
    const after = parsed(row.after, `audit_log.after of ${row.id}`);
    const side = (v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    const changes = changedFields(before, after).map((field) => ({
      field,
      ...(field in side(before) ? { before: side(before)[field] } : {}),
      ...(field in side(after) ? { after: side(after)[field] } : {}),
    }));
    return { ...entryOf(row, before, after), before, after, changes };
  },

  'audit.kinds': async (_input, ctx) => listAuditEntities(ctx.database.db),

  'audit.export': async (input, ctx) => {
    const filter = await resolved(ctx, input.filter);
    const rows = await listAuditForExport(ctx.database.db, filter, AUDIT_EXPORT_LIMIT + 1);
    const kept = rows.slice(0, AUDIT_EXPORT_LIMIT);
    const csv = stringify(
      kept.map((row) => [
        row.at,
        row.username ?? '',
        row.display_name ?? '',
        row.method,
        row.entity,
        row.entity_id,
        row.ticket_number ?? '',
        cell(parsed(row.before, `audit_log.before of ${row.id}`)),
        cell(parsed(row.after, `audit_log.after of ${row.id}`)),
      ]),
      {
        header: true,
        columns: ['at (UTC)', 'username', 'name', 'method', 'kind', 'record', 'ticket', 'before', 'after'],
      },
    );
    const stamp = ctx.now().slice(0, 16).replace(':', '');
    return {
      fileName: `audit-log-${stamp}.csv`,
      csv,
      rows: kept.length,
      truncated: rows.length > AUDIT_EXPORT_LIMIT,
    };
  },
} satisfies Partial<Handlers>;
