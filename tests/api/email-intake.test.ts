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

  describe('replies, noise and bad input', () => {
    async function timelineOf(ticketId: string) {
      return valueOf(await f.server.call('tickets.timeline', { ticketId }, desk()));
    }

    async function firstTicket(subject: string) {
      const messageId = newMessageId();
      await imap.append(
        await composeMessage({ messageId, from: 'nancy.davolio@northwind.example', subject, text: 'First report.' }),
      );
      expect(await poll()).toMatchObject({ tickets: 1 });
      return { messageId, ticket: await ticketFor(messageId) };
    }

    it("adds a reply naming the ticket's number in its subject to that ticket's timeline, not a new ticket", async () => {
      const { ticket } = await firstTicket('Scanner offline');
      const replyId = newMessageId();
      await imap.append(
        await composeMessage({
          messageId: replyId,
          from: 'nancy.davolio@northwind.example',
          subject: `RE: [${ticket.number}] Scanner offline`,
          text: 'It is offline again this morning.',
        }),
      );
      expect(await poll()).toMatchObject({ tickets: 0, replies: 1 });
      expect(await inbound(replyId)).toMatchObject([{ outcome: 'reply', ticket_id: ticket.id }]);
      const events = await timelineOf(ticket.id);
      const reply = events.find((e) => e.kind === 'email');
      expect(reply?.title).toContain('nancy.davolio@northwind.example');
      expect(reply?.detail).toContain('It is offline again this morning.');
    });

    it('adds a reply whose In-Reply-To names a message of the ticket: the first message, or one the outbox sent', async () => {
      const { messageId, ticket } = await firstTicket('Door sensor');
      const toFirst = newMessageId();
      await imap.append(
        await composeMessage({
          messageId: toFirst,
          from: 'nancy.davolio@northwind.example',
          subject: 'Re: Door sensor',
          inReplyTo: messageId,
          references: [messageId],
          text: 'Adding a photo.',
          attachments: [{ filename: 'door.png', content: pngBytes(6, 6, 11) }],
        }),
      );
      // The acknowledgement as the outbox sender records it once the SMTP server took it.
      const sentId = newMessageId();
      await db()
        .updateTable('outbox')
        .set({ status: 'sent', delivery: JSON.stringify({ messageId: sentId, response: '250 OK' }) })
        .where('ticket_id', '=', ticket.id)
        .where('kind', '=', 'request-acknowledgement')
        .execute();
      const toSent = newMessageId();
      await imap.append(
        await composeMessage({
          messageId: toSent,
          from: 'facilities@northwind.example',
          subject: 'Re: We have your request',
          inReplyTo: sentId,
          text: 'Thanks, the door is at the back entrance.',
        }),
      );
      expect(await poll()).toMatchObject({ tickets: 0, replies: 2, needsMatching: 0 });
      expect(await inbound(toFirst)).toMatchObject([{ outcome: 'reply', ticket_id: ticket.id }]);
      expect(await inbound(toSent)).toMatchObject([{ outcome: 'reply', ticket_id: ticket.id }]);
      const attachments = valueOf(await f.server.call('attachments.list', { ticketId: ticket.id }, desk()));
      expect(attachments.map((a) => a.fileName)).toContain('door.png');
    });

    it('makes no ticket of auto-replies, bulk mail or our own messages, and lists each as ignored with why', async () => {
      valueOf(
        await f.server.call(
          'mail.saveSettings',
          { host: '127.0.0.1', port: 1, tls: 'none', user: null, fromAddress: 'dispatch@ourdesk.example' },
          admin(),
        ),
      );
      const autoReply = newMessageId();
      const bulk = newMessageId();
      const ours = newMessageId();
      await imap.append(
        await composeMessage({
          messageId: autoReply,
          from: 'nancy.davolio@northwind.example',
          subject: 'Out of office',
          text: 'I am away until Monday.',
          headers: { 'Auto-Submitted': 'auto-replied' },
        }),
      );
      await imap.append(
        await composeMessage({
          messageId: bulk,
          from: 'news@northwind.example',
          subject: 'Newsletter',
          text: 'News.',
          headers: { Precedence: 'bulk' },
        }),
      );
      await imap.append(
        await composeMessage({
          messageId: ours,
          from: 'Dispatch@OurDesk.example',
          subject: 'Your visit',
          text: 'Booked.',
        }),
      );
      expect(await poll()).toMatchObject({ tickets: 0, replies: 0, ignored: 3 });
      expect((await inbound(autoReply))[0]?.reason).toContain('Auto-Submitted: auto-replied');
      expect((await inbound(bulk))[0]?.reason).toContain('Precedence: bulk');
      expect((await inbound(ours))[0]?.reason).toContain('the console itself');
    });

    it('reads past bad messages: broken MIME, an unknown charset, 200 attachments, an odd sender, 50 MB', async () => {
      const unknownCharset = newMessageId();
      const many = newMessageId();
      const oddSender = newMessageId();
      const broken = newMessageId();
      const huge = newMessageId();
      await imap.append(
        [
          'From: nancy.davolio@northwind.example',
          'Subject: Charset',
          `Message-ID: ${unknownCharset}`,
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=x-no-such-charset',
          '',
          'The heater makes a noise.',
          '',
        ].join('\n'),
      );
      await imap.append(
        await composeMessage({
          messageId: many,
          from: 'nancy.davolio@northwind.example',
          subject: 'All the photos',
          text: 'Two hundred of them.',
          attachments: Array.from({ length: 200 }, (_, i) => ({
            filename: `p${i}.png`,
            content: pngBytes(4, 4, 100 + i),
          })),
        }),
      );
      await imap.append(
        Buffer.from(
          [
            'From: =?utf-8?B?w5FhbmTDug==?= <\u00f1and\u00fa\u200b@b\u00fccher.example>',
            'Subject: Unicode',
            `Message-ID: ${oddSender}`,
            'Content-Type: text/plain; charset=utf-8',
            '',
            'Hola.',
            '',
          ].join('\r\n'),
        ),
      );
      await imap.append(
        [
          'From: nancy.davolio@northwind.example',
          'Subject: Broken',
          `Message-ID: ${broken}`,
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="never-closed"',
          '',
          '--never-closed',
          'Content-Type: text/plain',
          'Content-Transfer-Encoding: base64',
          '',
          '!!!not base64 at all!!!',
          '--never-closed',
          'Content-Type: application/pdf; name="cut.pdf"',
          'Content-Disposition: attachment; filename="cut.pdf"',
          'Content-Transfer-Encoding: base64',
          '',
          'JVBERi0xLjQK',
          '',
        ].join('\n'),
      );
      const filler = 'A'.repeat(76);
      const lines = Math.ceil((50 * 1024 * 1024) / 78);
      await imap.append(
        Buffer.concat([
          Buffer.from(`From: nancy.davolio@northwind.example\r\nSubject: Huge\r\nMessage-ID: ${huge}\r\n\r\n`),
          Buffer.from(`${filler}\r\n`.repeat(lines)),
        ]),
      );

      const report = await poll();
      expect(report).toMatchObject({ failed: 0, tickets: 3, ignored: 1, needsMatching: 1 });
      expect((await ticketFor(unknownCharset)).description).toContain('heater makes a noise');
      const manyTicket = await ticketFor(many);
      const attachments = valueOf(await f.server.call('attachments.list', { ticketId: manyTicket.id }, desk()));
      expect(attachments).toHaveLength(50);
      expect(manyTicket.description).toContain('p199.png: not attached, a message adds at most 50 files.');
      expect(await inbound(oddSender)).toMatchObject([{ outcome: 'needs-matching' }]);
      expect((await ticketFor(broken)).description).toContain('Broken');
      const [hugeRow] = await inbound(huge);
      expect(hugeRow).toMatchObject({ outcome: 'ignored' });
      expect(hugeRow?.reason).toMatch(/Too large to read: 50 MB/);
    });
  });
});
