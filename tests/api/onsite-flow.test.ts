import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { pngBase64 } from '../support/images';
import { manualClock, useTestEnvironment, valueOf } from '../support/test-runtime';
import { TEST_EPOCH } from '../support/test-clock';

const MINUTE = 60_000;

/**
 * The onsite pass through the real methods only (the closure tests build their documentation
 * straight in the tables): every piece a technician records must count for the closure gate and
 * show in the ticket's timeline under its own words.
 */
describe('from arrival to closure through the API', () => {
  const env = useTestEnvironment();
  const clock = manualClock(TEST_EPOCH);
  let f: ApiFixture;
  const as = (role: Role) => ({ cookie: f.cookies[role] });

  beforeAll(async () => {
    f = await startApiFixture(env, { clock });
  });

  async function visitVersion(): Promise<number> {
    const visits = valueOf(await f.server.call('visits.forTicket', { ticketId: f.ownTicketId }, as('admin')));
    const visit = visits.find((v) => v.id === f.ownVisitId);
    if (!visit) throw new Error('the fixture visit is gone');
    return visit.version;
  }

  async function missing(): Promise<string[]> {
    const check = valueOf(await f.server.call('tickets.closureCheck', { ticketId: f.ownTicketId }, as('dispatcher')));
    return check.requirements.filter((r) => !r.met).map((r) => r.key);
  }

  it('counts each documented piece for the gate, closes with the SLA kept, and tells the story in order', async () => {
    const technician = as('technician');
    const setStatus = async (status: 'on_site' | 'completed') => {
      valueOf(
        await f.server.call(
          'visits.setStatus',
          { id: f.ownVisitId, expectedVersion: await visitVersion(), status },
          technician,
        ),
      );
      clock.advance(MINUTE);
    };

    await setStatus('on_site');
    expect(await missing()).toEqual(expect.arrayContaining(['steps', 'parts', 'resolution', 'visits_settled']));

    valueOf(
      await f.server.call(
        'workLogs.save',
        {
          visitId: f.ownVisitId,
          expectedVersion: 0,
          actions: 'Reseated the reader and replaced its power supply.',
          steps: ['Measured 0 V at the reader', 'Replaced the power supply'],
          parts: [{ sku: f.partSku, quantity: 1, serialsInstalled: ['PSU-0042'] }],
          noParts: false,
          outcome: 'resolved',
        },
        technician,
      ),
    );
    clock.advance(MINUTE);
    valueOf(
      await f.server.call(
        'attachments.add',
        { ticketId: f.ownTicketId, visitId: f.ownVisitId, fileName: 'reader.png', contentBase64: pngBase64(9001) },
        technician,
      ),
    );
    clock.advance(MINUTE);
    valueOf(
      await f.server.call(
        'signOffs.record',
        {
          visitId: f.ownVisitId,
          kind: 'signed',
          signerName: 'Kim Abercrombie',
          signerRole: 'Office manager',
          signaturePngBase64: pngBase64(9002),
          resolutionConfirmed: true,
        },
        technician,
      ),
    );
    clock.advance(MINUTE);
    // Documented and signed, but the crew is still on site: only that is missing now.
    expect(await missing()).toEqual(['visits_settled']);

    await setStatus('completed');
    expect(await missing()).toEqual([]);

    const ticket = valueOf(await f.server.call('tickets.get', { id: f.ownTicketId }, as('dispatcher')));
    expect(ticket.firstArrivalAt).not.toBeNull();
    // The support desk may not close; the dispatcher may.
    const refused = await f.server.call(
      'tickets.close',
      { ticketId: ticket.id, expectedVersion: ticket.version },
      as('support_desk'),
    );
    expect(refused.status).toBe(403);
    const closed = valueOf(
      await f.server.call('tickets.close', { ticketId: ticket.id, expectedVersion: ticket.version }, as('dispatcher')),
    );
    expect(closed.status).toBe('closed');
    // Arrived within minutes of being logged: the target is met, by the time left to the due time.
    const due = Date.parse(ticket.slaDueAt ?? '');
    const arrived = Date.parse(ticket.firstArrivalAt ?? '');
    expect(closed.closure).toMatchObject({ slaOutcome: 'met', slaMinutes: Math.floor((due - arrived) / MINUTE) });

    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: ticket.id }, as('technician')));
    const kinds = timeline.map((e) => e.kind);
    const order = ['visit_booked', 'visit_status', 'work_log', 'attachment', 'sign_off', 'closed'];
    const positions = order.map((kind) => kinds.indexOf(kind));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(timeline.map((e) => e.title)).toEqual(
      expect.arrayContaining(['Visit on site', 'Work log recorded', 'Attachment added', 'Client signed off', 'Closed']),
    );
    expect(timeline.find((e) => e.kind === 'sign_off')?.by).toBe('Toni Technician');
  });
});
