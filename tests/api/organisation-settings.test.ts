import { beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { useTestEnvironment, valueOf } from '../support/test-runtime';

describe("the organisation's first day of the week", () => {
  const env = useTestEnvironment();
  let f: ApiFixture;

  beforeAll(async () => {
    f = await startApiFixture(env);
  });

  it('is Monday until an admin chooses another day, which every role then reads', async () => {
    const admin = { cookie: f.cookies.admin };
    const technician = { cookie: f.cookies.technician };
    expect(valueOf(await f.server.call('organisation.settings', {}, technician))).toEqual({ firstDayOfWeek: 'mon' });

    valueOf(await f.server.call('organisation.saveSettings', { firstDayOfWeek: 'sun' }, admin));
    expect(valueOf(await f.server.call('organisation.settings', {}, technician))).toEqual({ firstDayOfWeek: 'sun' });

    valueOf(await f.server.call('organisation.saveSettings', { firstDayOfWeek: 'mon' }, admin));
    expect(valueOf(await f.server.call('organisation.settings', {}, technician))).toEqual({ firstDayOfWeek: 'mon' });
  });

  it('is refused to a dispatcher, and stays as it was', async () => {
    const reply = await f.server.call(
      'organisation.saveSettings',
      { firstDayOfWeek: 'sat' },
      {
        cookie: f.cookies.dispatcher,
      },
    );
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(valueOf(await f.server.call('organisation.settings', {}, { cookie: f.cookies.admin }))).toEqual({
      firstDayOfWeek: 'mon',
    });
  });
});
