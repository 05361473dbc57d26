import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { nextFreeMonday, startApiFixture, validInputs, type ApiFixture } from '../support/api-fixture';
import { documentedTicket } from '../support/closure-scenario';
import { pngBase64 } from '../support/images';
import { countRows, manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

/**
 * A closed ticket's record is final until it is reopened, and a cancelled visit has no work to
 * document: photos and forms, work logs and sign-offs are refused there, naming the field, and
 * nothing is written.
 */
describe('documentation of closed tickets and cancelled visits over HTTP', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  const as = (role: Role) => ({ cookie: f.cookies[role] });
  let closed: { ticketId: string; number: string; visitId: string };
  let unique = 7000;

  beforeAll(async () => {
    f = await startApiFixture(env, { clock });
    const { ticket, visitId } = await documentedTicket(f, clock, { description: 'Jammed loading dock door' });
    valueOf(
      await f.server.call('tickets.close', { ticketId: ticket.id, expectedVersion: ticket.version }, as('dispatcher')),
    );
    closed = { ticketId: ticket.id, number: ticket.number, visitId };
  });

  const attach = (place: { ticketId: string; visitId: string | null }, role: Role = 'admin') =>
    f.server.call(
      'attachments.add',
      { ...validInputs['attachments.add'](f), ...place, contentBase64: pngBase64(++unique) },
      as(role),
    );
  const saveLog = (visitId: string, expectedVersion: number, role: Role = 'admin') =>
    f.server.call(
      'workLogs.save',
      { ...validInputs['workLogs.save'](f), visitId, expectedVersion, parts: [], noParts: true },
      as(role),
    );
  const signOff = (visitId: string, role: Role = 'admin') =>
    f.server.call(
      'signOffs.record',
      { visitId, kind: 'not_required', reason: 'Remote site, nobody present' } satisfies ApiInput<'signOffs.record'>,
      as(role),
    );

  /** Runs a write that must be refused at `field` with a message in words, and checks no row changed. */
  async function refusedAt(field: string, write: () => Promise<{ status: number; body: unknown }>, words: RegExp) {
    const before = await countRows(f.server.runtime.database);
    const reply = await write();
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: [field] }] } });
    const { error } = reply.body as { error: { message: string } };
    expect(error.message).toMatch(words);
    expect(await countRows(f.server.runtime.database)).toEqual(before);
  }

  describe('a closed ticket', () => {
    it.each(['admin', 'dispatcher', 'support_desk', 'service_manager'] as const)(
      'refuses %s attaching a photo to the ticket, at ticketId, writing nothing',
      async (role) => {
        await refusedAt(
          'ticketId',
          () => attach({ ticketId: closed.ticketId, visitId: null }, role),
          new RegExp(`${closed.number} is closed; reopen it`),
        );
      },
    );

    it('refuses a photo of one of its visits, at ticketId, writing nothing', async () => {
      await refusedAt('ticketId', () => attach({ ticketId: closed.ticketId, visitId: closed.visitId }), /is closed/);
    });

    it('refuses saving a work log of its visit, at visitId, and says the log cannot be edited', async () => {
      const log = valueOf(await f.server.call('workLogs.get', { visitId: closed.visitId }, as('dispatcher')));
      expect(log.canEdit).toBe(false);
      await refusedAt('visitId', () => saveLog(closed.visitId, log.version, 'dispatcher'), /reopen it/);
    });

    it('refuses recording a sign-off of its visit, at visitId, writing nothing', async () => {
      await refusedAt('visitId', () => signOff(closed.visitId), /is closed/);
    });

    it('still refuses a technician off the crew as forbidden, before anything about the ticket', async () => {
      const before = await countRows(f.server.runtime.database);
      const reply = await attach({ ticketId: closed.ticketId, visitId: closed.visitId }, 'technician');
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await countRows(f.server.runtime.database)).toEqual(before);
    });
  });

  describe('once reopened', () => {
    it('takes photos, the work log and the sign-off again', async () => {
      valueOf(
        await f.server.call(
          'tickets.reopen',
          { ticketId: closed.ticketId, reason: 'The door jams again' },
          as('admin'),
        ),
      );
      expect(valueOf(await attach({ ticketId: closed.ticketId, visitId: closed.visitId })).created).toBe(true);
      const log = valueOf(await f.server.call('workLogs.get', { visitId: closed.visitId }, as('admin')));
      expect(log.canEdit).toBe(true);
      expect(valueOf(await saveLog(closed.visitId, log.version)).version).toBe(log.version + 1);
      expect(valueOf(await signOff(closed.visitId))).toMatchObject({ kind: 'not_required', current: true });
    });
  });

  describe('a cancelled visit', () => {
    let cancelled: { ticketId: string; visitId: string };

    beforeAll(async () => {
      const ticket = valueOf(
        await f.server.call(
          'tickets.create',
          { ...validInputs['tickets.create'](f), description: 'Gate barrier stuck open' },
          as('admin'),
        ),
      );
      const visit = valueOf(
        await f.server.call(
          'visits.create',
          { ticketId: ticket.id, technicianId: f.technicianId, startsAt: nextFreeMonday(), durationMinutes: 60 },
          as('admin'),
        ),
      );
      valueOf(
        await f.server.call(
          'visits.cancel',
          { id: visit.id, expectedVersion: visit.version, reason: 'Client fixed it' },
          as('admin'),
        ),
      );
      cancelled = { ticketId: ticket.id, visitId: visit.id };
    });

    it('refuses a photo of it, at visitId, writing nothing', async () => {
      await refusedAt('visitId', () => attach(cancelled), /visit was cancelled/);
    });

    it('refuses its work log and its sign-off, at visitId, writing nothing', async () => {
      await refusedAt('visitId', () => saveLog(cancelled.visitId, 0), /visit was cancelled/);
      await refusedAt('visitId', () => signOff(cancelled.visitId), /visit was cancelled/);
    });

    it('still takes photos of the open ticket as a whole', async () => {
      const reply = valueOf(await attach({ ticketId: cancelled.ticketId, visitId: null }));
      expect(reply.attachment).toMatchObject({ ticketId: cancelled.ticketId, visitId: null });
    });
  });
});
