import { beforeAll, expect, it } from 'vitest';
import type { Runtime } from '../../electron/core/runtime';
import { setUpAdmin, type CoreCaller } from '../support/core-caller';
import { countRows, describeEachDatabase, useTestEnvironment } from '../support/test-runtime';

describeEachDatabase('technicians, skills and work types', (kind) => {
  const env = useTestEnvironment();
  let runtime: Runtime;
  let admin: CoreCaller;

  beforeAll(async () => {
    runtime = await env.runtime({ database: await env.database(kind) });
    admin = await setUpAdmin(runtime);
  });

  it('keeps a technician with skills and levels, certifications, shift pattern, team and home base', async () => {
    const network = await admin.call('skills.create', { name: 'Network' });
    const printers = await admin.call('skills.create', { name: 'Printers', description: 'Laser and label printers' });
    const created = await admin.call('technicians.save', {
      name: 'Ines Ortiz',
      phone: '+1 212 555 0199',
      team: 'Manhattan',
      homeAddress: '1 Centre St, New York',
      homeLatitude: 40.7128,
      homeLongitude: -74.006,
      timeZone: 'America/New_York',
      shiftPattern: {
        mon: [
          ['08:00', '12:00'],
          ['13:00', '17:00'],
        ],
        sat: [['09:00', '13:00']],
      },
      maxVisitsPerDay: 6,
      skills: [
        { skillId: network.id, level: 3, certifiedUntil: '2027-03-31' },
        { skillId: printers.id, level: 1 },
      ],
      certifications: [{ name: 'Working at heights', expiresOn: '2026-12-31' }],
    });
    expect(created).toMatchObject({
      name: 'Ines Ortiz',
      team: 'Manhattan',
      home: { latitude: 40.7128, longitude: -74.006 },
      shiftPattern: {
        mon: [
          ['08:00', '12:00'],
          ['13:00', '17:00'],
        ],
        sat: [['09:00', '13:00']],
      },
      maxVisitsPerDay: 6,
      skills: [
        { name: 'Network', level: 3, certifiedUntil: '2027-03-31' },
        { name: 'Printers', level: 1, certifiedUntil: null },
      ],
      certifications: [{ name: 'Working at heights', expiresOn: '2026-12-31' }],
      lastPosition: null,
      active: true,
    });

    // Saving again replaces the skills and certifications as a whole.
    const updated = await admin.call('technicians.save', {
      id: created.id,
      name: 'Ines Ortiz',
      skills: [{ skillId: printers.id, level: 4 }],
      certifications: [],
    });
    expect(updated.skills.map((s) => [s.name, s.level])).toEqual([['Printers', 4]]);
    expect(updated.certifications).toEqual([]);
    expect((await admin.call('technicians.list', {})).map((t) => t.id)).toEqual([created.id]);
  });

  it('refuses a second skill of the same name, in any case, and writes nothing', async () => {
    const before = await countRows(runtime.database);
    const again = await admin.invoke('skills.create', { name: 'NETWORK' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: ['name'] }] } });
    expect(await countRows(runtime.database)).toEqual(before);
  });

  it('records time off and extra shifts, and finds those that overlap a period', async () => {
    const [technician] = await admin.call('technicians.list', {});
    const technicianId = technician?.id ?? '';
    const christmas = await admin.call('technicians.addAvailability', {
      technicianId,
      kind: 'time_off',
      startsAt: '2026-12-24T00:00:00-05:00',
      endsAt: '2026-12-28T00:00:00-05:00',
    });
    await admin.call('technicians.addAvailability', {
      technicianId,
      kind: 'extra_shift',
      startsAt: '2027-01-09T14:00:00Z',
      endsAt: '2027-01-09T18:00:00Z',
      note: 'Stocktaking',
    });
    const december = await admin.call('technicians.availability', {
      technicianId,
      from: '2026-12-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
    });
    expect(december.map((a) => [a.kind, a.startsAt, a.endsAt])).toEqual([
      ['time_off', '2026-12-24T05:00:00.000Z', '2026-12-28T05:00:00.000Z'],
    ]);
    // Touching the end of the absence is not overlapping it.
    const after = await admin.call('technicians.availability', {
      technicianId,
      from: '2026-12-28T05:00:00Z',
      to: '2027-01-31T00:00:00Z',
    });
    expect(after.map((a) => a.kind)).toEqual(['extra_shift']);

    await admin.call('technicians.removeAvailability', { id: christmas.id });
    expect(await admin.invoke('technicians.removeAvailability', { id: christmas.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('links a login to one technician only, naming the technician who has it, and writes nothing', async () => {
    const login = await admin.call('users.create', {
      username: 'jo.field',
      displayName: 'Jo Field',
      role: 'technician',
      password: 'long-enough-1',
    });
    const record = { timeZone: 'America/New_York', skills: [], certifications: [] };
    const jo = await admin.call('technicians.save', { ...record, name: 'Jo Field', userId: login.id });
    const other = await admin.call('technicians.save', { ...record, name: 'Sam Other' });
    const before = await countRows(runtime.database);

    const newcomer = await admin.invoke('technicians.save', { ...record, name: 'Jo Again', userId: login.id });
    expect(newcomer).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This login is already linked to Jo Field.', issues: [{ path: ['userId'] }] },
    });
    const edited = await admin.invoke('technicians.save', {
      ...record,
      id: other.id,
      name: 'Sam Other',
      userId: login.id,
    });
    expect(edited).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: ['userId'] }] } });
    expect(await countRows(runtime.database)).toEqual(before);

    // Saving the holder again keeps its link; once it lets go, another may take the login.
    await admin.call('technicians.save', {
      ...record,
      id: jo.id,
      name: 'Jo Field',
      userId: login.id,
      phone: '+1 212 555 0100',
    });
    await admin.call('technicians.save', { ...record, id: jo.id, name: 'Jo Field', userId: null });
    const taken = await admin.call('technicians.save', {
      ...record,
      id: other.id,
      name: 'Sam Other',
      userId: login.id,
    });
    expect(taken.login).toEqual({ username: 'jo.field', displayName: 'Jo Field' });
  });

  it('keeps work types as templates of skills and duration, with unique names', async () => {
    const [network] = (await admin.call('skills.list', {})).filter((s) => s.name === 'Network');
    const saved = await admin.call('workTypes.save', {
      name: 'Switch replacement',
      category: 'Network',
      durationMinutes: 90,
      requiredSkills: [{ skillId: network?.id ?? '', minLevel: 2 }],
    });
    expect(saved).toMatchObject({ durationMinutes: 90, requiredSkills: [{ minLevel: 2 }] });
    const renamed = await admin.call('workTypes.save', { ...saved, durationMinutes: 120, category: null });
    expect(await admin.call('workTypes.list', {})).toEqual([renamed]);
    const duplicate = await admin.invoke('workTypes.save', { ...saved, id: undefined, name: 'switch REPLACEMENT' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: ['name'] }] } });
  });
});
