import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { SettingsPreviewDto } from '../../shared/domain/settings-transfer';
import { officeHours, smallSettingsFile, validInputs, type ApiFixture } from '../support/api-fixture';
import {
  countRows,
  describeEachDatabase,
  sessionCookieOf,
  useTestEnvironment,
  valueOf,
  type Auth,
  type TestServer,
} from '../support/test-runtime';

const SMTP_PASSWORD = 'smtp-password-never-exported';
const WEBHOOK_SECRET = 'webhook-secret-never-exported-0123456789';

/** The file an export answers, as text. */
async function exportText(server: TestServer, auth: Auth): Promise<string> {
  const file = valueOf(await server.call('settingsTransfer.export', {}, auth));
  expect(file.mimeType).toBe('application/json');
  expect(file.fileName).toMatch(/^dispatch-settings-\d{4}-\d\d-\d\d\.json$/);
  return Buffer.from(file.contentBase64, 'base64').toString('utf8');
}

function withoutTime(text: string): unknown {
  const { exportedAt, ...rest } = JSON.parse(text) as { exportedAt: string };
  expect(exportedAt).toMatch(/^\d{4}-/);
  return rest;
}

async function preview(server: TestServer, auth: Auth, file: string): Promise<SettingsPreviewDto> {
  return valueOf(await server.call('settingsTransfer.preview', { file }, auth));
}

async function importFile(server: TestServer, auth: Auth, file: string) {
  const { fingerprint } = await preview(server, auth, file);
  return valueOf(await server.call('settingsTransfer.import', { file, expectedPreview: fingerprint }, auth));
}

const section = (p: SettingsPreviewDto, name: string) => {
  const found = p.sections.find((s) => s.section === name);
  if (!found) throw new Error(`no section ${name} in the preview`);
  return found;
};

/** Every kind of set-up an admin keeps, set to something other than the defaults. */
async function richSetUp(server: TestServer, admin: Auth): Promise<void> {
  const call = async (method: Parameters<TestServer['call']>[0], input: unknown) =>
    valueOf(await server.call(method, input, admin));
  await call('organisation.saveSettings', { firstDayOfWeek: 'sun' });
  await call('calendars.save', {
    scope: { kind: 'default' },
    name: 'Head office hours',
    calendar: { ...officeHours, holidays: { country: 'NL' }, closures: ['2027-12-27'] },
  });
  await call('sla.saveSettings', validInputs['sla.saveSettings']({} as ApiFixture));
  await call('closure.saveSettings', { reopenWindowDays: 21 });
  await call('dispatch.saveSettings', validInputs['dispatch.saveSettings']({} as ApiFixture));
  await call('attachments.saveSettings', { maxUploadMegabytes: 20 });
  await call('outbox.saveSettings', {
    firstRetryMinutes: 2,
    maxRetryMinutes: 120,
    maxAttempts: 5,
    delayGraceMinutes: 20,
  });
  await call('reminders.saveSettings', { leadHours: 48 });
  await call('geocoder.saveSettings', validInputs['geocoder.saveSettings']({} as ApiFixture));
  await call('mail.saveSettings', {
    host: 'smtp.tailspin.example',
    port: 587,
    tls: 'starttls',
    user: 'dispatch',
    password: SMTP_PASSWORD,
    fromAddress: 'dispatch@tailspin.example',
    fromName: 'Tailspin Dispatch',
  });
  await call('webhook.saveSettings', {
    url: 'https://hooks.tailspin.example/dispatch',
    secret: WEBHOOK_SECRET,
    kinds: ['booking-confirmation'],
    enabled: false,
  });
  const network = valueOf(
    await server.call('skills.create', { name: 'Network', description: 'Switches, Wi-Fi' }, admin),
  );
  const printers = valueOf(await server.call('skills.create', { name: 'Printers' }, admin));
  await call('workTypes.save', {
    name: 'Switch replacement',
    category: 'Network',
    durationMinutes: 90,
    requiredSkills: [
      { skillId: network.id, minLevel: 2 },
      { skillId: printers.id, minLevel: 1 },
    ],
    signOffRequired: true,
  });
  await call('parts.save', { sku: 'FX-SFP-10G-LR', name: 'SFP+ 10G LR module', unit: 'each' });
  await call('templates.save', validInputs['templates.save']({} as ApiFixture));
}

/** A console started empty (no demo data) and set up with one admin, as on a new installation. */
async function emptyConsole(env: ReturnType<typeof useTestEnvironment>, kind: 'sqlite' | 'postgres') {
  const runtime = await env.runtime({ database: await env.database(kind) });
  const server = await env.server(runtime);
  const setup = await server.call('auth.setup', {
    username: 'ada',
    displayName: 'Ada Admin',
    password: 'correct-horse',
  });
  const cookie = sessionCookieOf(setup.headers);
  if (!cookie) throw new Error('auth.setup set no session cookie');
  return { server, admin: { cookie } };
}

describeEachDatabase('settings transfer between two consoles', (kind) => {
  const env = useTestEnvironment();
  let source: { server: TestServer; admin: Auth; dispatcher: Auth };
  let target: { server: TestServer; admin: Auth };
  let file: string;

  beforeAll(async () => {
    const runtime = await env.runtime({ database: await env.database(kind), demo: 'basic' });
    const server = await env.server(runtime);
    const cookies = await server.loginDemoUsers();
    source = { server, admin: { cookie: cookies.admin }, dispatcher: { cookie: cookies.dispatcher } };
    await richSetUp(server, source.admin);
    file = await exportText(server, source.admin);
    target = await emptyConsole(env, kind);
  });

  it('exports a versioned file that names what it leaves out and holds no secret', () => {
    const document = JSON.parse(file) as Record<string, unknown> & { sections: Record<string, unknown> };
    expect(document).toMatchObject({ format: 'dispatch-console-settings', formatVersion: 1 });
    expect(document.schemaVersion).toMatch(/^\d{4}-/);
    expect(document.notice).toMatch(/SMTP password and the webhook signing secret/);
    expect(file).not.toContain(SMTP_PASSWORD);
    expect(file).not.toContain(WEBHOOK_SECRET);
    expect(Object.keys(document.sections)).not.toContain('backup');
    expect(document.sections.workTypes).toEqual([
      {
        name: 'Switch replacement',
        category: 'Network',
        durationMinutes: 90,
        requiredSkills: [
          { skill: 'Network', minLevel: 2 },
          { skill: 'Printers', minLevel: 1 },
        ],
        signOffRequired: true,
      },
    ]);
  });

  it('imports into an empty console, which then exports the same file apart from the time', async () => {
    const before = await preview(target.server, target.admin, file);
    expect(section(before, 'skills').added).toEqual(['Network', 'Printers']);
    expect(section(before, 'mail').added).toEqual(['E-mail server']);
    expect(section(before, 'mail').notes[0]).toMatch(/password is not in the file and none is saved here/);
    const result = valueOf(
      await target.server.call('settingsTransfer.import', { file, expectedPreview: before.fingerprint }, target.admin),
    );
    expect(result.changeCount).toBe(before.changeCount);
    expect(result.changeCount).toBeGreaterThan(10);

    expect(withoutTime(await exportText(target.server, target.admin))).toEqual(withoutTime(file));
    const again = await preview(target.server, target.admin, file);
    expect(again.changeCount).toBe(0);

    const audit = await target.server.runtime.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'method'])
      .where('entity', '=', 'settings_transfer')
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual(
      expect.arrayContaining(['import', 'organisation', 'skills', 'parts']),
    );
    expect(new Set(audit.map((a) => a.method))).toEqual(new Set(['settingsTransfer.import']));
  });

  it('previews in words what changed here since, and what stays because the file does not mention it', async () => {
    const { server, admin } = target;
    valueOf(await server.call('organisation.saveSettings', { firstDayOfWeek: 'wed' }, admin));
    valueOf(await server.call('reminders.saveSettings', { leadHours: 12 }, admin));
    valueOf(await server.call('skills.create', { name: 'Plumbing' }, admin));

    const p = await preview(server, admin, file);
    expect(section(p, 'organisation').changed).toEqual([
      { item: 'Organisation', changes: [{ field: 'First day of the week', before: 'Wednesday', after: 'Sunday' }] },
    ]);
    expect(section(p, 'reminders').changed).toEqual([
      { item: 'Visit reminders', changes: [{ field: 'Reminder before a visit (hours)', before: '12', after: '48' }] },
    ]);
    expect(section(p, 'skills')).toMatchObject({
      added: [],
      unchanged: ['Network', 'Printers'],
      staying: ['Plumbing'],
    });
    expect(section(p, 'sla').unchanged).toEqual(['SLA policy and priority matrix']);
    expect(p.changeCount).toBe(2);

    // A file of one section leaves every other as it is, and says so.
    const small = await preview(server, admin, smallSettingsFile({ reminders: { leadHours: 24 } }));
    expect(section(small, 'organisation')).toMatchObject({
      inFile: false,
      staying: ['Not in the file: stays as it is'],
    });
    expect(small.notTransferred.join(' ')).toMatch(/SMTP password/);

    await importFile(server, admin, file);
    expect(valueOf(await server.call('organisation.settings', {}, admin))).toEqual({ firstDayOfWeek: 'sun' });
    expect(valueOf(await server.call('skills.list', {}, admin)).map((s) => s.name)).toEqual([
      'Network',
      'Plumbing',
      'Printers',
    ]);
  });

  it('keeps this console’s own SMTP password and leaves a webhook without a secret off', async () => {
    const { server, admin } = target;
    valueOf(
      await server.call(
        'mail.saveSettings',
        {
          host: 'smtp.other.example',
          port: 25,
          tls: 'none',
          user: 'me',
          password: 'target-own-password',
          fromAddress: 'me@other.example',
        },
        admin,
      ),
    );
    const on = smallSettingsFile({ webhook: { url: 'https://hooks.example/x', kinds: [], enabled: true } });
    const p = await preview(server, admin, on);
    expect(section(p, 'webhook').notes[0]).toMatch(/stays off until one is entered/);
    await importFile(server, admin, on);
    expect(valueOf(await server.call('webhook.settings', {}, admin))).toMatchObject({
      enabled: false,
      secretSet: false,
    });

    await importFile(server, admin, file);
    const mail = await server.runtime.database.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'mail.settings')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(mail.value)).toMatchObject({ host: 'smtp.tailspin.example', password: 'target-own-password' });
  });

  it('refuses an import whose preview is stale, writing nothing', async () => {
    const { server, admin } = target;
    const changed = smallSettingsFile({ organisation: { firstDayOfWeek: 'sat' } });
    const { fingerprint } = await preview(server, admin, changed);
    valueOf(await server.call('closure.saveSettings', { reopenWindowDays: 30 }, admin));
    const rows = await countRows(server.runtime.database);
    const reply = await server.call('settingsTransfer.import', { file: changed, expectedPreview: fingerprint }, admin);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'stale', issues: [{ path: ['expectedPreview'] }] } });
    expect(await countRows(server.runtime.database)).toEqual(rows);
    expect(valueOf(await server.call('organisation.settings', {}, admin))).toEqual({ firstDayOfWeek: 'sun' });
  });

  it.each([
    ['a broken file', '{"format": "dispatch-console-settings", ', ['file']],
    [
      'a file of a newer format',
      JSON.stringify({ ...JSON.parse(smallSettingsFile()), formatVersion: 7, sections: { tomorrow: {} } }),
      ['file', 'formatVersion'],
    ],
    [
      'a work type naming a skill neither the file nor this console has',
      smallSettingsFile({
        workTypes: [
          {
            name: 'Fibre repair',
            category: null,
            durationMinutes: 60,
            requiredSkills: [{ skill: 'Fibre splicing', minLevel: 2 }],
            signOffRequired: false,
          },
        ],
      }),
      ['file', 'sections', 'workTypes', 0, 'requiredSkills', 0, 'skill'],
    ],
    [
      'a template naming a placeholder that does not exist',
      smallSettingsFile({ templates: [{ kind: 'booking-update', subject: 'About {{nonsense}}', body: 'Hello' }] }),
      ['file', 'sections', 'templates', 0, 'subject'],
    ],
    [
      'the same SKU twice',
      smallSettingsFile({
        parts: [
          { sku: 'AB-1', name: 'One', unit: 'each', active: true },
          { sku: 'ab-1', name: 'Two', unit: 'each', active: true },
        ],
      }),
      ['file', 'sections', 'parts', 1, 'sku'],
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_label, text, path) => {
    const { server, admin } = target;
    const rows = await countRows(server.runtime.database);
    for (const method of ['settingsTransfer.preview', 'settingsTransfer.import'] as const) {
      const input =
        method === 'settingsTransfer.import' ? { file: text, expectedPreview: '0'.repeat(64) } : { file: text };
      const reply = await server.call(method, input, admin);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const issues = reply.body.ok ? [] : (reply.body.error.issues ?? []);
      expect(issues.map((i) => i.path)).toContainEqual(path);
    }
    expect(await countRows(server.runtime.database)).toEqual(rows);
  });

  it('counts the skills the same file brings for its work types', async () => {
    const text = smallSettingsFile({
      skills: [{ name: 'Fibre splicing', description: null }],
      workTypes: [
        {
          name: 'Fibre repair',
          category: null,
          durationMinutes: 60,
          requiredSkills: [{ skill: 'fibre SPLICING', minLevel: 2 }],
          signOffRequired: false,
        },
      ],
    });
    await importFile(target.server, target.admin, text);
    const skills = valueOf(await target.server.call('skills.list', {}, target.admin));
    const fibre = skills.find((s) => s.name === 'Fibre splicing');
    const workTypes = valueOf(await target.server.call('workTypes.list', {}, target.admin));
    expect(workTypes.find((w) => w.name === 'Fibre repair')?.requiredSkills).toEqual([
      { skillId: fibre?.id, minLevel: 2 },
    ]);
  });

  it('writes nothing when the last section fails half-way in the database', async () => {
    const { server, admin } = target;
    const db = server.runtime.database.db;
    // A rule the file cannot know of, met only when the parts (applied last) are written.
    await sql`create unique index test_parts_name_once on parts (name)`.execute(db);
    try {
      const text = smallSettingsFile({
        organisation: { firstDayOfWeek: 'fri' },
        skills: [{ name: 'Half-way', description: null }],
        parts: [
          { sku: 'HW-1', name: 'Same name', unit: 'each', active: true },
          { sku: 'HW-2', name: 'Same name', unit: 'each', active: true },
        ],
      });
      const rows = await countRows(server.runtime.database);
      const { fingerprint } = await preview(server, admin, text);
      const reply = await server.call('settingsTransfer.import', { file: text, expectedPreview: fingerprint }, admin);
      // The unique index answers, as any unique violation does, with conflict.
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await countRows(server.runtime.database)).toEqual(rows);
      expect(valueOf(await server.call('organisation.settings', {}, admin))).toEqual({ firstDayOfWeek: 'sun' });
    } finally {
      await sql`drop index test_parts_name_once`.execute(db);
    }
  });

  it('is the admin’s alone', async () => {
    const attempts = [
      ['settingsTransfer.export', {}],
      ['settingsTransfer.preview', { file }],
      ['settingsTransfer.import', { file, expectedPreview: '0'.repeat(64) }],
    ] as const;
    for (const [method, input] of attempts) {
      const reply = await source.server.call(method, input, source.dispatcher);
      expect(reply.body, method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
