// Keeps probing the API with generated bad input (issue 13, section 4): whatever arrives, every
// method answers with a Result below 500 and writes nothing when it refuses. The cases in
// invalid-input.test.ts pin the answers we chose; this file looks for the ones nobody thought of.
import { beforeAll, expect, it } from 'vitest';
import { type MethodName } from '../../shared/api/contract';
import { startApiFixture, validInputs, type ApiFixture } from '../support/api-fixture';
import { describeEachDatabase, rowCounter, useTestEnvironment, type Auth } from '../support/test-runtime';

describeEachDatabase('generated bad input over HTTP', (kind) => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let countRows: () => Promise<Record<string, number>>;
  let admin: Auth;

  beforeAll(async () => {
    // No SLA watch: escalations it raises in the background would look like writes of a refused call.
    f = await startApiFixture(env, { database: await env.database(kind), slaWatchIntervalMs: false });
    countRows = await rowCounter(f.server.runtime.database);
    admin = { cookie: f.cookies.admin };
  });

  // PostgreSQL cannot store U+0000 in text, so the first probes answered 500 there (and SQLite
  // stored it); the core now refuses it in any string, at any depth, on both databases.
  const nulCases: [label: string, method: MethodName, input: (f: ApiFixture) => unknown, path: (string | number)[]][] =
    [
      ['a client name', 'clients.create', () => ({ name: 'Tailspin\u0000Toys' }), ['name']],
      ['a search query', 'parts.list', () => ({ query: '\u0000' }), ['query']],
      [
        'a step of a work log',
        'workLogs.save',
        (f) => ({ ...validInputs['workLogs.save'](f), steps: ['a', 'b\u0000'] }),
        ['steps', 1],
      ],
      ['an unknown field', 'tickets.get', (f) => ({ id: f.ticketId, ['x\u0000']: 1 }), ['x\u0000']],
    ];

  it.each(nulCases)(
    'refuses a NUL character in %s as invalid input, naming it, writing nothing',
    async (_label, method, input, path) => {
      const before = await countRows();
      const reply = await f.server.call(method, input(f), admin);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const issues = reply.body.ok ? [] : (reply.body.error.issues ?? []);
      expect(issues.map((i) => i.path)).toContainEqual(path);
      expect(await countRows()).toEqual(before);
    },
  );

  it('refuses a NUL character in the login name before looking the user up', async () => {
    const reply = await f.server.call('auth.login', { username: 'desk\u0000', password: 'demo' });
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['username'] }] } });
  });
});
