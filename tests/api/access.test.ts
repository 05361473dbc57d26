import { beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames, type MethodName } from '../../shared/api/contract';
import { roles, type Role } from '../../shared/domain/roles';
import { startApiFixture, validInputs, type ApiFixture } from '../support/api-fixture';
import { countRows, roleUsernames, useTestEnvironment } from '../support/test-runtime';

type Caller = Role | 'nobody';
type Expected = 'allowed' | 'forbidden' | 'unauthenticated';

function expectedFor(method: MethodName, caller: Caller): Expected {
  const { access } = api[method];
  if (access === 'public') return 'allowed';
  if (caller === 'nobody') return 'unauthenticated';
  if (access === 'authenticated') return 'allowed';
  return access.includes(caller) ? 'allowed' : 'forbidden';
}

const callers: Caller[] = [...roles, 'nobody'];
const table = methodNames.flatMap((method) =>
  callers.map((caller) => ({ method, caller, expected: expectedFor(method, caller) })),
);

describe('who may call which method, over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;

  beforeAll(async () => {
    f = await startApiFixture(env);
  });

  async function cookieFor(method: MethodName, caller: Caller): Promise<string | undefined> {
    if (caller === 'nobody') return undefined;
    // Logging out ends the session it is called with: give it one of its own.
    if (method === 'auth.logout') return f.server.login(roleUsernames[caller]);
    return f.cookies[caller];
  }

  it('covers every method of the contract for every role and for a caller without a session', () => {
    expect(new Set(table.map((row) => row.method))).toEqual(new Set(methodNames));
    expect(table).toHaveLength(methodNames.length * (roles.length + 1));
  });

  it.each(table.filter((row) => row.expected === 'allowed'))(
    '$method lets $caller through',
    async ({ method, caller }) => {
      const cookie = await cookieFor(method, caller);
      const reply = await f.server.call(method, validInputs[method](f), cookie ? { cookie } : {});
      const code = reply.body.ok ? null : reply.body.error.code;
      expect([401, 403], JSON.stringify(reply.body)).not.toContain(reply.status);
      expect(['unauthenticated', 'forbidden']).not.toContain(code);
    },
  );

  it.each(table.filter((row) => row.expected === 'forbidden'))(
    '$method refuses $caller with 403 forbidden and writes nothing',
    async ({ method, caller }) => {
      const before = await countRows(f.server.runtime.database);
      const reply = await f.server.call(method, validInputs[method](f), { cookie: await cookieFor(method, caller) });
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await countRows(f.server.runtime.database)).toEqual(before);
    },
  );

  it.each(table.filter((row) => row.expected === 'unauthenticated'))(
    '$method refuses a caller without a session with 401 unauthenticated and writes nothing',
    async ({ method }) => {
      const before = await countRows(f.server.runtime.database);
      const reply = await f.server.call(method, validInputs[method](f));
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await countRows(f.server.runtime.database)).toEqual(before);
    },
  );
});
