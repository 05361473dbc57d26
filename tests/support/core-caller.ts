// Calls the core directly, the way a shell does, for the database suites (no HTTP in between).
import type { ApiInput, ApiOutput, MethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/errors';
import type { Credentials } from '../../electron/core/core';
import type { Runtime } from '../../electron/core/runtime';

export interface CoreCaller {
  credentials: Credentials;
  /** The Result, whatever it is. */
  invoke<K extends MethodName>(method: K, input: ApiInput<K>): Promise<Result<ApiOutput<K>>>;
  /** The value; throws with the error when the call fails. */
  call<K extends MethodName>(method: K, input: ApiInput<K>): Promise<ApiOutput<K>>;
}

export function callerFor(runtime: Runtime, credentials: Credentials): CoreCaller {
  const invoke = async <K extends MethodName>(method: K, input: ApiInput<K>) =>
    (await runtime.core.invoke(method, input, credentials)).result as Result<ApiOutput<K>>;
  return {
    credentials,
    invoke,
    async call(method, input) {
      const result = await invoke(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
  };
}

/** First start on an empty database: auth.setup creates the admin; returns the admin's caller. */
export async function setUpAdmin(runtime: Runtime): Promise<CoreCaller> {
  const outcome = await runtime.core.invoke(
    'auth.setup',
    { username: 'admin', displayName: 'Ada Admin', password: 'correct-horse' },
    {},
  );
  if (!outcome.result.ok || !outcome.session || outcome.session === 'ended') {
    throw new Error(`auth.setup failed: ${JSON.stringify(outcome.result)}`);
  }
  return callerFor(runtime, { sessionToken: outcome.session.token });
}

/**
 * The same user through an API token, which does not expire: for tests that move the clock by
 * more than a session's 12 idle hours.
 */
export async function withApiToken(runtime: Runtime, caller: CoreCaller): Promise<CoreCaller> {
  const me = (await caller.call('auth.status', {})).user;
  if (!me) throw new Error('the caller is not logged in');
  const { token } = await caller.call('auth.createApiToken', { userId: me.id, name: 'test token' });
  return callerFor(runtime, { apiToken: token });
}

export interface IntakeFixture {
  admin: CoreCaller;
  clientId: string;
  contactId: string;
  siteId: string;
  otherClientId: string;
}

/** An admin, a client with one contact and one site, and a second client. */
export async function setUpIntake(runtime: Runtime): Promise<IntakeFixture> {
  const admin = await setUpAdmin(runtime);
  const client = await admin.call('clients.create', { name: 'Northwind Logistics', phone: '+1 212 555 0100' });
  const contact = await admin.call('contacts.create', {
    clientId: client.id,
    name: 'Maria Anders',
    phone: '+1 (212) 555-0142',
    email: 'maria@northwind.example',
  });
  const site = await admin.call('sites.create', {
    clientId: client.id,
    name: 'Head office',
    address: '350 5th Ave, New York',
    latitude: 40.7484,
    longitude: -73.9857,
  });
  const other = await admin.call('clients.create', { name: 'Contoso Clinics' });
  return { admin, clientId: client.id, contactId: contact.id, siteId: site.id, otherClientId: other.id };
}

/** A complete, valid tickets.create input for the fixture's client. */
export function ticketInput(
  fixture: IntakeFixture,
  overrides: Partial<ApiInput<'tickets.create'>> = {},
): ApiInput<'tickets.create'> {
  return {
    channel: 'phone',
    receivedAt: '2024-03-02T08:30:00Z',
    clientId: fixture.clientId,
    contactId: fixture.contactId,
    siteId: fixture.siteId,
    description: 'Core switch down on floor 21',
    priority: 'high',
    ...overrides,
  };
}
