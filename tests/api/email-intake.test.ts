import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { mailboxInputFor, startTestMailServer, type TestMailServer } from '../support/dovecot';
import { elfBytes, pdfBytes, pngBytes } from '../support/images';
import { composeMessage, newMessageId } from '../support/mime-messages';
import { testIso } from '../support/test-clock';
import { useTestEnvironment, valueOf } from '../support/test-runtime';

describe('e-mail intake from a support mailbox over IMAP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let imap: TestMailServer;
  let clientId: string;
  let contactId: string;
  let siteId: string;
  const admin = () => ({ cookie: f.cookies.admin });
  const desk = () => ({ cookie: f.cookies.support_desk });
  const poll = () => f.server.runtime.mailPoller.pollOnce();
  const db = () => f.server.runtime.database.db;

  async function inbound(messageId: string) {
    return db().selectFrom('inbound_emails').selectAll().where('message_id', '=', messageId).execute();
  }

  async function ticketFor(messageId: string) {
    const rows = await db().selectFrom('tickets').select('id').where('external_ref', '=', messageId).execute();
    expect(rows).toHaveLength(1);
    return valueOf(await f.server.call('tickets.get', { id: rows[0]?.id }, desk()));
  }

  beforeAll(async () => {
    f = await startApiFixture(env);
    imap = await startTestMailServer();
    // A client of its own with one site and a contact whose address the messages come from.
    const client = valueOf(await f.server.call('clients.create', { name: 'Northwind Traders' }, admin()));
    clientId = client.id;
    contactId = valueOf(
      await f.server.call(
        'contacts.create',
        { clientId, name: 'Nancy Davolio', email: 'Nancy.Davolio@Northwind.example' },
        admin(),
      ),
    ).id;
    siteId = valueOf(
      await f.server.call('sites.create', { clientId, name: 'Head office', address: '1 Market St' }, admin()),
    ).id;
    valueOf(await f.server.call('mailboxes.save', mailboxInputFor(imap), admin()));
  });

  afterAll(async () => {
    await imap.stop();
  });

  describe('the mailbox settings', () => {
    it('never returns the password, keeps it when a save leaves it out, and audits none of it', async () => {
      const saved = valueOf(
        await f.server.call(
          'mailboxes.save',
          { ...mailboxInputFor(imap, { name: 'Billing' }), enabled: false },
          admin(),
        ),
      );
      expect(saved).toMatchObject({ name: 'Billing', passwordSet: true, enabled: false, user: 'support' });
      expect(JSON.stringify(saved)).not.toContain(imap.password);
      const { password: _typed, ...withoutPassword } = mailboxInputFor(imap, { name: 'Billing desk' });
      const renamed = valueOf(
        await f.server.call('mailboxes.save', { ...withoutPassword, id: saved.id, enabled: false }, admin()),
      );
      expect(renamed).toMatchObject({ name: 'Billing desk', passwordSet: true });
      // The stored password still logs in.
      const tested = valueOf(await f.server.call('mailboxes.test', { ...withoutPassword, id: saved.id }, admin()));
      expect(tested).toMatchObject({ connected: true, idle: true });
      const list = valueOf(await f.server.call('mailboxes.list', {}, admin()));
      expect(list.map((m) => m.name)).toContain('Billing desk');
      expect(JSON.stringify(list)).not.toContain(imap.password);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['before', 'after'])
        .where('entity', '=', 'mailbox')
        .execute();
      expect(audit.length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(audit)).not.toContain(imap.password);
    });

    it('refuses a new mailbox without a password', async () => {
      const { password: _typed, ...withoutPassword } = mailboxInputFor(imap);
      const { body } = await f.server.call('mailboxes.save', withoutPassword, admin());
      expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['password'] }] } });
    });

    it('tests a connection and says which stage failed: the password, the folder, the server', async () => {
      const good = valueOf(await f.server.call('mailboxes.test', mailboxInputFor(imap), admin()));
      expect(good.connected).toBe(true);
      const wrongPassword = valueOf(
        await f.server.call('mailboxes.test', { ...mailboxInputFor(imap), password: 'not-it' }, admin()),
      );
      expect(wrongPassword).toMatchObject({ connected: false, stage: 'authentication' });
      const noFolder = valueOf(
        await f.server.call('mailboxes.test', mailboxInputFor(imap, { folder: 'Nowhere' }), admin()),
      );
      expect(noFolder).toMatchObject({ connected: false, stage: 'folder' });
      expect(noFolder.message).toContain('Nowhere');
      const noServer = valueOf(await f.server.call('mailboxes.test', { ...mailboxInputFor(imap), port: 1 }, admin()));
      expect(noServer).toMatchObject({ connected: false, stage: 'connection' });
    });
  });

  describe('new messages', () => {
    it("makes a ticket on the email channel for a known sender, with the contact's client and only site, unassessed", async () => {
      const messageId = newMessageId();
      // A Date header names whole seconds.
      const sentAt = `${testIso(-30 * 60_000).slice(0, 19)}.000Z`;
      await imap.append(
        await composeMessage({
          messageId,
          // Another case than the contact's address: addresses match whatever their case.
          from: 'Nancy Davolio <nancy.davolio@NORTHWIND.example>',
          subject: 'Printer on floor 3 jams',
          text: 'Every second page jams since this morning.',
          date: new Date(sentAt),
        }),
      );
      const report = await poll();
      expect(report).toMatchObject({ read: 1, tickets: 1, failed: 0 });
      const ticket = await ticketFor(messageId);
      expect(ticket).toMatchObject({
        channel: 'email',
        externalRef: messageId,
        receivedAt: sentAt,
        client: { id: clientId },
        contact: { id: contactId },
        site: { id: siteId },
        criteria: null,
        // No SLA clock until the desk answers the priority questions.
        slaDueAt: null,
      });
      expect(ticket.description).toContain('Printer on floor 3 jams');
      expect(ticket.description).toContain('Every second page jams since this morning.');
      expect(await inbound(messageId)).toMatchObject([{ outcome: 'ticket', ticket_id: ticket.id }]);
      const row = await db()
        .selectFrom('tickets')
        .select('awaiting_assessment')
        .where('id', '=', ticket.id)
        .executeTakeFirst();
      expect(row?.awaiting_assessment).toBe(1);
    });

    it('turns an HTML-only body into text, without its markup or scripts', async () => {
      const messageId = newMessageId();
      await imap.append(
        await composeMessage({
          messageId,
          from: 'nancy.davolio@northwind.example',
          subject: 'Badge reader',
          html: '<html><body><p>The <b>badge reader</b> at the door is dead.</p><script>alert(1)</script></body></html>',
        }),
      );
      expect(await poll()).toMatchObject({ tickets: 1 });
      const ticket = await ticketFor(messageId);
      expect(ticket.description).toContain('badge reader');
      expect(ticket.description).not.toMatch(/<\/?(b|p|script)>/i);
      expect(ticket.description).not.toContain('alert(1)');
    });

    it('stores allowed attachments through the attachment checks and lists a refused one with why', async () => {
      const messageId = newMessageId();
      await imap.append(
        await composeMessage({
          messageId,
          from: 'nancy.davolio@northwind.example',
          subject: 'Photos of the fault',
          text: 'See attached.',
          attachments: [
            { filename: 'panel.png', content: pngBytes(8, 8, 7) },
            { filename: 'manual.pdf', content: pdfBytes() },
            // Named like a photo, but a program: the content decides.
            { filename: 'holiday.jpg', content: elfBytes() },
          ],
        }),
      );
      expect(await poll()).toMatchObject({ tickets: 1 });
      const ticket = await ticketFor(messageId);
      const attachments = valueOf(await f.server.call('attachments.list', { ticketId: ticket.id }, desk()));
      expect(attachments.map((a) => a.fileName).sort()).toEqual(['manual.pdf', 'panel.png']);
      expect(ticket.description).toMatch(/holiday\.jpg: not attached, it is .*allowed/);
    });

    it('keeps an unknown sender waiting for the desk to match it, with no ticket yet', async () => {
      const messageId = newMessageId();
      await imap.append(
        await composeMessage({
          messageId,
          from: 'Someone New <new.person@elsewhere.example>',
          subject: 'Help',
          text: 'Our lift is stuck.',
        }),
      );
      expect(await poll()).toMatchObject({ tickets: 0, needsMatching: 1 });
      const [row] = await inbound(messageId);
      expect(row).toMatchObject({
        outcome: 'needs-matching',
        ticket_id: null,
        from_address: 'new.person@elsewhere.example',
      });
      expect(row?.reason).toContain('new.person@elsewhere.example');
      const tickets = await db().selectFrom('tickets').select('id').where('external_ref', '=', messageId).execute();
      expect(tickets).toHaveLength(0);
    });

    it('never makes a second ticket of a message read again, from wherever reading restarts', async () => {
      const messageId = newMessageId();
      await imap.append(
        await composeMessage({
          messageId,
          from: 'nancy.davolio@northwind.example',
          subject: 'Once only',
          text: 'One ticket, please.',
        }),
      );
      expect(await poll()).toMatchObject({ tickets: 1 });
      expect(await poll()).toMatchObject({ tickets: 0, duplicates: 0 });
      // As after a crash between a ticket and the saved position, or a folder renumbered: read it all again.
      await db().updateTable('mailboxes').set({ last_uid: 0 }).execute();
      const again = await poll();
      expect(again.tickets).toBe(0);
      expect(again.duplicates).toBeGreaterThanOrEqual(1);
      await ticketFor(messageId);
      expect(await inbound(messageId)).toHaveLength(1);
    });
  });
});
