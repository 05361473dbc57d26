import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server';
import { testIso } from '../support/test-clock';
import { countRows, useTestEnvironment, valueOf } from '../support/test-runtime';

describe('updates written from the ticket panel, and calls logged', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let smtp: SmtpTestServer;
  let clientId: string;
  let contact: { id: string; revision: string };
  const admin = () => ({ cookie: f.cookies.admin });
  const desk = () => ({ cookie: f.cookies.support_desk });
  const contactMail = 'ann@northwind.example';

  async function deliver(): Promise<ReceivedMail[]> {
    const before = smtp.received.length;
    await f.server.runtime.outboxSender.drainOnce();
    return smtp.received.slice(before);
  }

  async function newTicket(contactId = contact.id) {
    return valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'phone',
          receivedAt: testIso(-60_000),
          clientId,
          contactId,
          description: 'Label printer jams on every second label',
          priority: 'medium',
        },
        admin(),
      ),
    );
  }

  beforeAll(async () => {
    f = await startApiFixture(env, { outboxIntervalMs: false });
    smtp = await startSmtpTestServer(env);
    valueOf(await f.server.call('mail.saveSettings', smtp.settings(), admin()));
    clientId = valueOf(await f.server.call('clients.create', { name: 'Northwind Traders' }, admin())).id;
    contact = valueOf(
      await f.server.call(
        'contacts.create',
        { clientId, name: 'Ann Dodsworth', phone: '+1 212 555 0100', email: contactMail },
        admin(),
      ),
    );
    await deliver();
  });

  it('starts an update from a template with the ticket filled in, and sends the edited text as written', async () => {
    const ticket = await newTicket();
    await deliver();
    const draft = valueOf(await f.server.call('messages.draftUpdate', { ticketId: ticket.id }, desk()));
    expect(draft).toMatchObject({
      kind: 'client-update',
      subject: `Update on your request ${ticket.number}`,
      to: { name: 'Ann Dodsworth', email: contactMail },
      blocked: null,
    });
    expect(draft.text).toContain('[Write the update here.]');
    const fromAck = valueOf(
      await f.server.call('messages.draftUpdate', { ticketId: ticket.id, kind: 'request-acknowledgement' }, desk()),
    );
    expect(fromAck.subject).toBe(`We have your request ${ticket.number}`);

    // Braces in the text are the writer's words, not placeholders.
    const body = draft.text.replace(
      '[Write the update here.]',
      'The new print head arrives on Tuesday; {{eta}} is when we will call you to book the visit.',
    );
    const requestId = randomUUID();
    const input = { ticketId: ticket.id, subject: `${draft.subject}: part ordered`, body, requestId };
    const sent = valueOf(await f.server.call('messages.sendUpdate', input, desk()));
    expect(sent.messageIds).toHaveLength(1);
    // A double click, or a retry after a lost answer: the same update, queued once.
    const again = valueOf(await f.server.call('messages.sendUpdate', input, desk()));
    expect(again.messageIds).toEqual(sent.messageIds);

    const mails = await deliver();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: contactMail,
      subject: `Update on your request ${ticket.number}: part ordered`,
    });
    expect(mails[0]?.text.trim()).toBe(body.trim());
    expect(mails[0]?.parsed.html).toContain('{{eta}} is when we will call you');

    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: ticket.id }, desk()));
    const written = timeline.find((e) => e.kind === 'update_sent');
    expect(written).toMatchObject({ title: 'Update written to Ann Dodsworth', by: 'Dana Desk' });
    expect(timeline.find((e) => e.outboxMessageId === sent.messageIds[0])?.title).toBe(
      `E-mail to ${contactMail}: Update on your request ${ticket.number}: part ordered`,
    );
  });

  it('refuses an update to a contact who opted out, saying so, and writes nothing', async () => {
    const optedOut = valueOf(
      await f.server.call('contacts.create', { clientId, name: 'Otto Out', email: 'otto@northwind.example' }, admin()),
    );
    valueOf(
      await f.server.call(
        'contacts.setMessagesOptOut',
        { id: optedOut.id, expectedRevision: optedOut.revision, optOut: true },
        admin(),
      ),
    );
    const ticket = await newTicket(optedOut.id);
    const draft = valueOf(await f.server.call('messages.draftUpdate', { ticketId: ticket.id }, desk()));
    expect(draft.blocked).toBe('Otto Out asked for no messages; call them instead.');
    const before = await countRows(f.server.runtime.database);
    const reply = await f.server.call(
      'messages.sendUpdate',
      { ticketId: ticket.id, subject: 'Update', body: 'The part is on its way.' },
      desk(),
    );
    expect(reply.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['ticketId'], message: draft.blocked }] },
    });
    expect(await countRows(f.server.runtime.database)).toEqual(before);
  });

  it('logs who was called, when and what was said, lists it and puts it on the timeline', async () => {
    const ticket = await newTicket();
    const calledAt = testIso(-15 * 60_000);
    const call = valueOf(
      await f.server.call(
        'calls.log',
        {
          ticketId: ticket.id,
          calledName: 'Ann Dodsworth',
          phone: '+1 212 555 0100',
          calledAt,
          summary: 'Told Ann the part arrives Tuesday; she will keep the printer room open.',
        },
        desk(),
      ),
    );
    expect(call).toMatchObject({ calledAt, loggedBy: { name: 'Dana Desk' } });
    valueOf(
      await f.server.call(
        'calls.log',
        { ticketId: ticket.id, calledName: 'Front desk', calledAt: testIso(-5 * 60_000), summary: 'No answer.' },
        desk(),
      ),
    );
    const calls = valueOf(await f.server.call('calls.forTicket', { ticketId: ticket.id }, admin()));
    expect(calls.map((c) => [c.calledName, c.phone, c.summary])).toEqual([
      ['Front desk', null, 'No answer.'],
      ['Ann Dodsworth', '+1 212 555 0100', 'Told Ann the part arrives Tuesday; she will keep the printer room open.'],
    ]);
    const timeline = valueOf(await f.server.call('tickets.timeline', { ticketId: ticket.id }, admin()));
    expect(timeline.filter((e) => e.kind === 'call')).toMatchObject([
      {
        title: 'Call with Ann Dodsworth (+1 212 555 0100)',
        detail: expect.stringContaining('she will keep the printer room open') as unknown,
        by: 'Dana Desk',
      },
      { title: 'Call with Front desk', by: 'Dana Desk' },
    ]);
  });

  it('lets a technician log calls only on tickets they have a visit on', async () => {
    const ticket = await newTicket();
    const before = await countRows(f.server.runtime.database);
    const input = { ticketId: ticket.id, calledName: 'Ann', calledAt: testIso(-60_000), summary: 'On my way.' };
    const reply = await f.server.call('calls.log', input, { cookie: f.cookies.technician });
    expect(reply.status).toBe(403);
    expect(await countRows(f.server.runtime.database)).toEqual(before);
    const own = await f.server.call(
      'calls.log',
      { ...input, ticketId: f.ownTicketId },
      { cookie: f.cookies.technician },
    );
    expect(own.body).toMatchObject({ ok: true, value: { ticketId: f.ownTicketId } });
  });
});
