import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { defaultClosureSettings } from '../../shared/domain/closure';
import { StoredJsonError } from '../../electron/core/db/json-column';
import type { Runtime } from '../../electron/core/runtime';
import { findSite } from '../../electron/core/repositories/directory.repository';
import { findTicket } from '../../electron/core/repositories/ticket.repository';
import { setUpIntake, ticketInput, type IntakeFixture } from '../support/core-caller';
import { describeEachDatabase, useTestEnvironment } from '../support/test-runtime';

// Each test corrupts a JSON column with raw SQL, as a hand edit of the database would: the core
// never writes such a value, which is why reading one is a bug to report, not input to refuse.

const criteria = {
  serviceOutage: true,
  securityRisk: false,
  usersImpacted: 'many',
  userUnableToWork: true,
  intermittentWithWorkaround: false,
  generalQuery: false,
} as const;

describeEachDatabase('JSON columns read back from the database', (kind) => {
  const env = useTestEnvironment();
  let runtime: Runtime;
  let fixture: IntakeFixture;

  beforeAll(async () => {
    runtime = await env.runtime({ database: await env.database(kind), slaWatchIntervalMs: false });
    fixture = await setUpIntake(runtime);
  });

  it('names the table, column and ticket when stored criteria no longer match their schema', async () => {
    const ticket = await fixture.admin.call('tickets.create', ticketInput(fixture, { criteria, priority: null }));
    expect((await fixture.admin.call('tickets.get', { id: ticket.id })).criteria).toEqual(criteria);

    const corrupted = JSON.stringify({ ...criteria, usersImpacted: 'everyone' });
    await sql`update tickets set criteria = ${corrupted} where id = ${ticket.id}`.execute(runtime.database.db);

    const read = findTicket(runtime.database.db, ticket.id);
    await expect(read).rejects.toBeInstanceOf(StoredJsonError);
    await expect(read).rejects.toThrow(`tickets.criteria of ticket ${ticket.id} does not hold what it should`);
    await expect(read).rejects.toThrow(/usersImpacted/);
    const reply = await fixture.admin.invoke('tickets.get', { id: ticket.id });
    expect(reply.ok ? null : reply.error.code).toBe('internal');
  });

  it('says when a site’s stored access hours are not JSON at all', async () => {
    const site = await fixture.admin.call('sites.create', {
      clientId: fixture.clientId,
      name: 'Warehouse',
      address: '1 Dock Road',
      accessHours: { mon: [['08:00', '12:00']] },
    });
    await sql`update sites set access_hours = ${'mon 08-12'} where id = ${site.id}`.execute(runtime.database.db);

    await expect(findSite(runtime.database.db, site.id)).rejects.toThrow(
      `sites.access_hours of site ${site.id} does not hold what it should: it is not JSON`,
    );
  });

  it('falls back to the default closure settings when the stored ones are not JSON', async () => {
    await fixture.admin.call('closure.saveSettings', { reopenWindowDays: 30 });
    expect(await fixture.admin.call('closure.settings', {})).toEqual({ reopenWindowDays: 30 });

    await sql`update settings set value = ${'{"reopenWindowDays": 30'} where key = ${'closure.settings'}`.execute(
      runtime.database.db,
    );
    expect(await fixture.admin.call('closure.settings', {})).toEqual(defaultClosureSettings);
  });

  it('ignores a client calendar that is no longer JSON, leaving the others listed', async () => {
    const scope = { kind: 'client', clientId: fixture.clientId } as const;
    const calendar = { timeZone: 'America/New_York', hours: { mon: [['09:00', '17:00']] } } satisfies {
      timeZone: string;
      hours: { mon: [string, string][] };
    };
    await fixture.admin.call('calendars.save', { scope, name: 'Northwind hours', calendar });
    const scopesListed = async () => (await fixture.admin.call('calendars.list', {})).map((c) => c.scope.kind);
    expect(await scopesListed()).toEqual(['default', 'client']);

    await sql`update calendars set definition = ${'{"timeZone": '} where scope = ${`client:${fixture.clientId}`}`.execute(
      runtime.database.db,
    );
    expect(await scopesListed()).toEqual(['default']);
  });
});
