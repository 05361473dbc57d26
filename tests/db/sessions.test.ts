import { beforeAll, expect, it } from 'vitest';
import type { Runtime } from '../../electron/core/runtime';
import { callerFor, setUpAdmin, withApiToken, type CoreCaller } from '../support/core-caller';
import { describeEachDatabase, manualClock, useTestEnvironment } from '../support/test-runtime';

const HOUR = 3_600_000;

describeEachDatabase('sessions and tokens over time', (kind) => {
  const env = useTestEnvironment();
  const clock = manualClock('2031-05-01T08:00:00Z');
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await env.runtime({ database: await env.database(kind), clock });
    await setUpAdmin(runtime);
  });

  async function login(): Promise<CoreCaller> {
    const { session } = await runtime.core.invoke('auth.login', { username: 'admin', password: 'correct-horse' }, {});
    if (!session || session === 'ended') throw new Error('auth.login started no session');
    return callerFor(runtime, { sessionToken: session.token });
  }

  it('keeps a session while the desk works and ends it after 12 idle hours', async () => {
    const desk = await login();
    clock.advance(11 * HOUR);
    expect((await desk.invoke('tickets.queue', {})).ok).toBe(true);
    clock.advance(11 * HOUR); // 22 hours after login, 11 after the last call
    expect((await desk.invoke('tickets.queue', {})).ok).toBe(true);
    clock.advance(12 * HOUR + 1000);
    expect(await desk.invoke('tickets.queue', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('keeps an API token valid however long it is idle', async () => {
    const integration = await withApiToken(runtime, await login());
    clock.advance(400 * 24 * HOUR);
    expect((await integration.invoke('tickets.queue', {})).ok).toBe(true);
  });
});
