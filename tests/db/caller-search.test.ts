import { beforeAll, expect, it } from 'vitest';
import type { CallerMatch } from '../../shared/domain/directory';
import { setUpAdmin, type CoreCaller } from '../support/core-caller';
import { describeEachDatabase, useTestEnvironment } from '../support/test-runtime';

function names(matches: CallerMatch[]): string[] {
  return matches.map((m) => (m.kind === 'contact' ? `${m.contact?.name} (${m.client.name})` : m.client.name));
}

describeEachDatabase('caller search', (kind) => {
  const env = useTestEnvironment();
  let desk: CoreCaller;

  beforeAll(async () => {
    const runtime = await env.runtime({ database: await env.database(kind) });
    desk = await setUpAdmin(runtime);
    const northwind = await desk.call('clients.create', { name: 'Northwind Logistics', phone: '+1 212 555 0100' });
    await desk.call('contacts.create', { clientId: northwind.id, name: 'Maria Anders', phone: '+1 (212) 555-0142' });
    await desk.call('contacts.create', { clientId: northwind.id, name: 'Thomas Hardy', phone: '212.555.0177' });
    const contoso = await desk.call('clients.create', { name: 'Contoso Clinics', phone: '+1 718 555 0190' });
    await desk.call('contacts.create', { clientId: contoso.id, name: 'Priya Raman', phone: '+1 718 555 0123' });
    await desk.call('clients.create', { name: '100% Uptime Ltd' });
    await desk.call('clients.create', { name: 'Field_Service Partners' });
    await desk.call('clients.create', { name: 'Ärzte am Markt' });
  });

  const search = async (query: string, limit?: number) =>
    names(await desk.call('clients.search', limit === undefined ? { query } : { query, limit }));

  it.each([
    ['a whole phone number as typed', '+1 (212) 555-0142', ['Maria Anders (Northwind Logistics)']],
    ['the digits only', '2125550142', ['Maria Anders (Northwind Logistics)']],
    ['the last digits', '0177', ['Thomas Hardy (Northwind Logistics)']],
    ['a switchboard number', '718 555 0190', ['Contoso Clinics']],
    [
      'digits shared by a client and its contacts',
      '212 555',
      ['Maria Anders (Northwind Logistics)', 'Thomas Hardy (Northwind Logistics)', 'Northwind Logistics'],
    ],
  ])('finds callers by %s (%s)', async (_how, query, expected) => {
    expect(await search(query)).toEqual(expected);
  });

  it.each([
    ['lower case', 'northwind', ['Northwind Logistics']],
    ['upper case', 'MARIA', ['Maria Anders (Northwind Logistics)']],
    ['part of a word', 'clin', ['Contoso Clinics']],
    ['a name with an umlaut, typed in lower case', 'ärzte', ['Ärzte am Markt']],
  ])('finds callers by name in any case: %s (%s)', async (_how, query, expected) => {
    expect(await search(query)).toEqual(expected);
  });

  it.each([
    ['a percent sign', '%', ['100% Uptime Ltd']],
    ['an underscore', '_', ['Field_Service Partners']],
    ['a backslash', '\\', []],
    ['a quote', "'", []],
  ])('takes %s literally instead of as a wildcard', async (_what, query, expected) => {
    expect(await search(query)).toEqual(expected);
  });

  it('does not search phone numbers for one or two digits, which would match nearly everyone', async () => {
    expect(await search('55')).toEqual([]);
  });

  it('returns no more matches than asked for, contacts first', async () => {
    expect(await search('a', 2)).toEqual(['Maria Anders (Northwind Logistics)', 'Priya Raman (Contoso Clinics)']);
  });
});
