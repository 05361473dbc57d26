import { beforeAll, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import type { WeeklyHours } from '../../shared/domain/sla';
import type { Runtime } from '../../electron/core/runtime';
import { setUpIntake, ticketInput, type CoreCaller } from '../support/core-caller';
import { pngBase64 } from '../support/images';
import { describeEachDatabase, useTestEnvironment } from '../support/test-runtime';
import { testIso } from '../support/test-clock';

const allDay: [string, string][] = [['00:00', '24:00']];
const aroundTheClock: WeeklyHours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay };

describeEachDatabase('sign-offs in the database', (kind) => {
  const env = useTestEnvironment();
  let runtime: Runtime;
  let admin: CoreCaller;
  let ticketId: string;
  let technicianId: string;
  let week = 0;

  async function visit(): Promise<string> {
    const startsAt = new Date(Date.parse('2030-01-07T10:00:00Z') + ++week * 7 * 86_400_000).toISOString();
    return (await admin.call('visits.create', { ticketId, technicianId, startsAt, durationMinutes: 60 })).id;
  }

  const signed = (visitId: string): ApiInput<'signOffs.record'> => ({
    visitId,
    kind: 'signed',
    signerName: 'Maria Anders',
    signerRole: 'Office manager',
    signaturePngBase64: pngBase64(week),
    resolutionConfirmed: true,
  });

  beforeAll(async () => {
    runtime = await env.runtime({ database: await env.database(kind) });
    const intake = await setUpIntake(runtime);
    admin = intake.admin;
    ticketId = (await admin.call('tickets.create', ticketInput(intake, { receivedAt: testIso() }))).id;
    technicianId = (
      await admin.call('technicians.save', {
        name: 'Dana Scully',
        timeZone: 'UTC',
        shiftPattern: aroundTheClock,
        skills: [],
        certifications: [],
      })
    ).id;
  });

  it('refuses to update or delete a recorded sign-off, whoever asks (the database itself)', async () => {
    const signOff = await admin.call('signOffs.record', signed(await visit()));
    const { db } = runtime.database;
    await expect(
      db.updateTable('sign_offs').set({ signer_name: 'Someone Else' }).where('id', '=', signOff.id).execute(),
    ).rejects.toThrow(/cannot be changed/);
    await expect(db.deleteFrom('sign_offs').where('id', '=', signOff.id).execute()).rejects.toThrow(
      /cannot be changed/,
    );
    const row = await db.selectFrom('sign_offs').selectAll().where('id', '=', signOff.id).executeTakeFirstOrThrow();
    expect(row.signer_name).toBe('Maria Anders');
  });

  it('lets only one of two sign-offs recorded at the same moment for one visit become current', async () => {
    const visitId = await visit();
    const results = await Promise.all([
      admin.invoke('signOffs.record', signed(visitId)),
      admin.invoke('signOffs.record', { visitId, kind: 'not_required', reason: 'Nobody on site' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const rows = await runtime.database.db
      .selectFrom('sign_offs')
      .select('id')
      .where('visit_id', '=', visitId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('lets only one of two sign-offs superseding the same one win', async () => {
    const visitId = await visit();
    const first = await admin.call('signOffs.record', signed(visitId));
    const results = await Promise.all(
      ['Name misspelt', 'Wrong signer'].map((reason) =>
        admin.invoke('signOffs.record', { ...signed(visitId), supersedesId: first.id, supersedeReason: reason }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
