import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import type { DispatchEvent } from '../../shared/api/events';
import type { Role } from '../../shared/domain/roles';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { elfBytes, pngBase64, pngBytes } from '../support/images';
import { countRows, useTestEnvironment, valueOf, type Auth, type Reply } from '../support/test-runtime';
import { testNowMs } from '../support/test-clock';

/** The first bytes of a JPEG (JFIF) file: a photo, not a drawn PNG signature. */
const jpegStart = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(200),
]);

describe('client sign-off over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: Auth;
  let ownTechnicianId: string;
  let day = 0;
  const events: DispatchEvent[] = [];

  /** A new visit of the demo technician on the fixture's ticket, on a day of its own. */
  async function ownVisit(): Promise<string> {
    const startsAt = new Date(Date.parse('2027-02-01T10:00:00Z') + ++day * 86_400_000 * 7).toISOString();
    const visit = valueOf(
      await f.server.call(
        'visits.create',
        {
          ticketId: f.ticketId,
          technicianId: ownTechnicianId,
          startsAt,
          durationMinutes: 60,
          override: { reason: 'Test visits fall outside any shift' },
        },
        admin,
      ),
    );
    return visit.id;
  }

  const signed = (visitId: string, changes: Partial<ApiInput<'signOffs.record'>> = {}) =>
    ({
      visitId,
      kind: 'signed',
      signerName: 'Kim Abercrombie',
      signerRole: 'Plant manager',
      signaturePngBase64: pngBase64(++day),
      resolutionConfirmed: true,
      ...changes,
    }) as ApiInput<'signOffs.record'>;

  const record = (input: ApiInput<'signOffs.record'>, auth: Auth = admin) =>
    f.server.call('signOffs.record', input, auth);

  /** A refusal leaves every table as it was. */
  async function refused(call: () => Promise<Reply<unknown>>): Promise<Reply<unknown>> {
    const before = await countRows(f.server.runtime.database);
    const reply = await call();
    expect(reply.body.ok, JSON.stringify(reply.body)).toBe(false);
    expect(await countRows(f.server.runtime.database), 'rows after the refusal').toEqual(before);
    return reply;
  }

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    f.server.recordEvents(events);
    ownTechnicianId = f.ownTechnicianId;
  });

  describe('who may record a sign-off', () => {
    it.each(['technician', 'dispatcher', 'admin'] as Role[])('lets %s record one', async (role) => {
      const reply = await record(signed(await ownVisit()), { cookie: f.cookies[role] });
      expect(valueOf(reply)).toMatchObject({ kind: 'signed', current: true });
    });

    it.each(['support_desk', 'service_manager', 'supervisor'] as Role[])(
      'refuses %s with forbidden, writing nothing',
      async (role) => {
        const visitId = await ownVisit();
        const reply = await refused(() => record(signed(visitId), { cookie: f.cookies[role] }));
        expect(reply.status).toBe(403);
      },
    );

    it('refuses a technician who is not on the visit’s crew, writing nothing', async () => {
      const reply = await refused(() => record(signed(f.visitId), { cookie: f.cookies.technician }));
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  });

  it('records a drawn signature: signer, time, what it covers, the PNG stored by its SHA-256', async () => {
    const visitId = await ownVisit();
    const png = pngBytes(30, 10, 3);
    const dto = valueOf(
      await record(
        signed(visitId, { signaturePngBase64: png.toString('base64'), signedAt: '2026-11-20T15:04:00+01:00' }),
        { cookie: f.cookies.technician },
      ),
    );
    expect(dto).toMatchObject({
      ticketId: f.ticketId,
      visit: { id: visitId, technicianName: 'Toni Field' },
      kind: 'signed',
      signerName: 'Kim Abercrombie',
      signerRole: 'Plant manager',
      signedAt: '2026-11-20T14:04:00.000Z',
      signaturePngBase64: png.toString('base64'),
      resolutionConfirmed: true,
      supersedesId: null,
      supersededById: null,
      current: true,
      recordedBy: { displayName: 'Toni Technician' },
    });
    const row = await f.server.runtime.database.db
      .selectFrom('sign_offs as s')
      .innerJoin('attachment_blobs as b', 'b.sha256', 's.signature_sha256')
      .select(['b.mime_type', 'b.size', 's.signature_sha256'])
      .where('s.id', '=', dto.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ mime_type: 'image/png', size: png.length });
    expect(row.signature_sha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await f.server.runtime.database.db
      .selectFrom('audit_log')
      .select(['ticket_id', 'entity'])
      .where('entity_id', '=', dto.id)
      .execute();
    expect(audit).toEqual([{ ticket_id: f.ticketId, entity: 'sign_off' }]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'ticket.documented', ticketId: f.ticketId, visitId, part: 'sign_off' }),
    );
  });

  it('signs at the moment of recording when no time is given', async () => {
    const before = testNowMs();
    const dto = valueOf(await record(signed(await ownVisit())));
    expect(Date.parse(dto.signedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(dto.signedAt ?? '')).toBeLessThanOrEqual(testNowMs() + 1000);
  });

  it('records "not required" with its reason, and no signature', async () => {
    const dto = valueOf(
      await record({
        visitId: await ownVisit(),
        kind: 'not_required',
        reason: 'Unattended site; client agreed by phone',
      }),
    );
    expect(dto).toMatchObject({
      kind: 'not_required',
      notRequiredReason: 'Unattended site; client agreed by phone',
      signerName: null,
      signaturePngBase64: null,
      resolutionConfirmed: false,
      current: true,
    });
  });

  describe('one current sign-off per visit; superseding keeps both', () => {
    it('answers conflict, naming the current sign-off, when another is recorded without superseding it', async () => {
      const visitId = await ownVisit();
      const first = valueOf(await record(signed(visitId)));
      const reply = await refused(() => record(signed(visitId, { signerName: 'Someone Else' })));
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          issues: [{ path: ['supersedesId'], message: `The current sign-off is ${first.id}` }],
        },
      });
    });

    it('supersedes with a reason: both kept, newest first, the old one marked as superseded by the new', async () => {
      const visitId = await ownVisit();
      const first = valueOf(await record(signed(visitId, { signerName: 'Wrong Person' })));
      const second = valueOf(
        await record(
          signed(visitId, { supersedesId: first.id, supersedeReason: 'Signed by a visitor, not the client' }),
          { cookie: f.cookies.technician },
        ),
      );
      expect(second).toMatchObject({
        supersedesId: first.id,
        supersedeReason: 'Signed by a visitor, not the client',
        current: true,
      });
      const list = valueOf(
        await f.server.call('signOffs.list', { ticketId: f.ticketId }, { cookie: f.cookies.support_desk }),
      );
      const ofVisit = list.filter((s) => s.visit.id === visitId);
      expect(ofVisit.map((s) => [s.id, s.current, s.supersededById])).toEqual([
        [second.id, true, null],
        [first.id, false, second.id],
      ]);
      expect(ofVisit[1]).toMatchObject({ signerName: 'Wrong Person', signaturePngBase64: first.signaturePngBase64 });
    });

    it('answers conflict when superseding a sign-off that was already superseded, writing nothing', async () => {
      const visitId = await ownVisit();
      const first = valueOf(await record(signed(visitId)));
      valueOf(await record(signed(visitId, { supersedesId: first.id, supersedeReason: 'Typo in the name' })));
      const reply = await refused(() =>
        record(signed(visitId, { supersedesId: first.id, supersedeReason: 'Typo in the name, again' })),
      );
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });

    it('refuses superseding a sign-off of another visit, writing nothing', async () => {
      const other = valueOf(await record(signed(await ownVisit())));
      const visitId = await ownVisit();
      const reply = await refused(() =>
        record(signed(visitId, { supersedesId: other.id, supersedeReason: 'Wrong visit' })),
      );
      expect(reply.body).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: ['supersedesId'] }] },
      });
    });

    it('replaces a signature with "not required" and back, each with its reason', async () => {
      const visitId = await ownVisit();
      const first = valueOf(await record(signed(visitId)));
      const second = valueOf(
        await record({
          visitId,
          kind: 'not_required',
          reason: 'Service contract waives sign-off',
          supersedesId: first.id,
          supersedeReason: 'Client asked us not to collect signatures',
        }),
      );
      expect(second).toMatchObject({ kind: 'not_required', supersedesId: first.id, current: true });
    });
  });

  describe('refusals, each writing nothing', () => {
    it.each([
      ['a JPEG instead of a PNG', jpegStart, /JPEG/],
      ['an executable', elfBytes(), /ELF/],
    ])('refuses %s as the signature', async (_label, bytes, what) => {
      const visitId = await ownVisit();
      const reply = await refused(() => record(signed(visitId, { signaturePngBase64: bytes.toString('base64') })));
      expect(reply.status).toBe(400);
      if (reply.body.ok) throw new Error('accepted');
      expect(reply.body.error.issues?.[0]).toEqual({ path: ['signaturePngBase64'], message: 'Not a PNG image' });
      expect(reply.body.error.message).toMatch(what);
    });

    it('refuses a signature larger than 256 KB', async () => {
      const visitId = await ownVisit();
      const huge = Buffer.concat([pngBytes(), Buffer.alloc(300 * 1024)]).toString('base64');
      const reply = await refused(() => record(signed(visitId, { signaturePngBase64: huge })));
      expect(reply.body).toMatchObject({ ok: false, error: { issues: [{ path: ['signaturePngBase64'] }] } });
    });

    it('refuses "not required" without a reason', async () => {
      const visitId = await ownVisit();
      const reply = await refused(() => record({ visitId, kind: 'not_required', reason: '' }));
      expect(reply.body).toMatchObject({ ok: false, error: { issues: [{ path: ['reason'] }] } });
    });

    it('refuses signing off a cancelled visit', async () => {
      const visitId = await ownVisit();
      valueOf(await f.server.call('visits.cancel', { id: visitId, expectedVersion: 1, reason: 'Client away' }, admin));
      const reply = await refused(() => record(signed(visitId)));
      expect(reply.body).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: ['visitId'] }] },
      });
      expect(reply.body.ok ? '' : reply.body.error.message).toContain('cancelled');
    });

    it('refuses a visit that does not exist', async () => {
      const reply = await refused(() => record(signed(randomUUID())));
      expect(reply.body).toMatchObject({ ok: false, error: { issues: [{ path: ['visitId'] }] } });
    });
  });

  it('answers not_found for the sign-offs of a ticket that does not exist', async () => {
    const reply = await f.server.call('signOffs.list', { ticketId: randomUUID() }, admin);
    expect(reply.status).toBe(404);
  });
});
