import { beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { testIso } from '../support/test-clock';
import { useTestEnvironment, valueOf } from '../support/test-runtime';

describe('message templates and who receives messages', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  const admin = () => ({ cookie: f.cookies.admin });

  beforeAll(async () => {
    f = await startApiFixture(env, { outboxIntervalMs: false });
  });

  it('ships a default for every kind, each naming only known placeholders, until an admin saves one', async () => {
    const list = valueOf(await f.server.call('templates.list', {}, admin()));
    expect(list.templates.map((t) => t.kind)).toContain('booking-confirmation');
    expect(list.placeholders.map((p) => p.name)).toEqual(
      expect.arrayContaining(['ticketNumber', 'visitWindow', 'eta', 'responseTarget', 'feedbackLink']),
    );
    for (const template of list.templates) {
      expect(template, template.kind).toMatchObject({ custom: false, ...template.defaultText });
      // The shipped wording passes the same check an admin's does.
      const preview = await f.server.call(
        'templates.preview',
        { kind: template.kind, ticketId: f.ticketId, draft: template.defaultText },
        admin(),
      );
      expect(preview.status, template.kind).toBe(200);
    }
  });

  it('saves an admin’s wording, uses it in previews, and resets to the default', async () => {
    const saved = valueOf(
      await f.server.call(
        'templates.save',
        { kind: 'booking-update', subject: 'Moved: {{ticketNumber}}', body: 'New time {{visitWindow}}.' },
        admin(),
      ),
    );
    expect(saved).toMatchObject({ custom: true, subject: 'Moved: {{ticketNumber}}' });
    expect(saved.updatedBy).toBeTruthy();
    const ticket = valueOf(await f.server.call('tickets.get', { id: f.ticketId }, admin()));
    const preview = valueOf(
      await f.server.call('templates.preview', { kind: 'booking-update', ticketId: f.ticketId }, admin()),
    );
    expect(preview.subject).toBe(`Moved: ${ticket.number}`);
    // The fixture's visit: 2027-01-04 17:00–18:00 UTC at a site with no zone, in the default calendar's.
    expect(preview.text).toMatch(/^New time Mon 4 Jan 2027, \d\d:00–\d\d:00 \S+\.$/);

    const reset = valueOf(await f.server.call('templates.reset', { kind: 'booking-update' }, admin()));
    expect(reset).toMatchObject({ custom: false, updatedAt: null, subject: reset.defaultText.subject });
    const audit = valueOf(
      await f.server.call('audit.list', { filter: { entity: 'message_template', record: 'booking-update' } }, admin()),
    );
    expect(audit.entries.map((e) => e.method).sort()).toEqual(['templates.reset', 'templates.save']);
  });

  it('refuses a template naming {{unknownThing}} at save and at preview, naming it, and keeps the old one', async () => {
    const text = { subject: 'About {{ticketNumber}}', body: 'Dear {{contactName}}, {{unknownThing}}' };
    const saved = await f.server.call('templates.save', { kind: 'on-the-way', ...text }, admin());
    expect(saved.status).toBe(400);
    expect(saved.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['body'], message: 'Unknown placeholder {{unknownThing}}' }] },
    });
    const previewed = await f.server.call(
      'templates.preview',
      { kind: 'on-the-way', ticketId: f.ticketId, draft: text },
      admin(),
    );
    expect(previewed.body).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['draft', 'body'], message: 'Unknown placeholder {{unknownThing}}' }] },
    });
    expect(valueOf(await f.server.call('templates.get', { kind: 'on-the-way' }, admin())).custom).toBe(false);
  });

  it('renders a real ticket: plain text unescaped, HTML escaped with paragraphs and line breaks', async () => {
    const client = valueOf(await f.server.call('clients.create', { name: 'Smith & Sons <Ltd>' }, admin()));
    const contact = valueOf(
      await f.server.call(
        'contacts.create',
        { clientId: client.id, name: 'Ann "Annie" O’Neil', email: 'ann@smith.example' },
        admin(),
      ),
    );
    const ticket = valueOf(
      await f.server.call(
        'tickets.create',
        {
          channel: 'email',
          receivedAt: testIso(-60_000),
          clientId: client.id,
          contactId: contact.id,
          description: 'Printer says "paper jam" & stops',
          priority: 'critical',
        },
        admin(),
      ),
    );
    const preview = valueOf(
      await f.server.call(
        'templates.preview',
        {
          kind: 'request-acknowledgement',
          ticketId: ticket.id,
          draft: {
            subject: '{{ticketNumber}} for {{clientName}}',
            body: 'Dear {{contactName}},\n\n{{description}}\nPriority {{priority}}{{#eta}}, ETA {{eta}}{{/eta}}.',
          },
        },
        admin(),
      ),
    );
    expect(preview.subject).toBe(`${ticket.number} for Smith & Sons <Ltd>`);
    expect(preview.text).toBe('Dear Ann "Annie" O’Neil,\n\nPrinter says "paper jam" & stops\nPriority Critical.');
    expect(preview.html).toBe(
      '<p>Dear Ann &quot;Annie&quot; O’Neil,</p>\n<p>Printer says &quot;paper jam&quot; &amp; stops<br>\nPriority Critical.</p>',
    );
  });

  it('keeps every message kind on for a client until turned off, one kind at a time', async () => {
    const before = valueOf(await f.server.call('clients.messagePreferences', { clientId: f.otherClientId }, admin()));
    expect(Object.values(before.receives).every(Boolean)).toBe(true);
    const saved = valueOf(
      await f.server.call(
        'clients.saveMessagePreferences',
        { clientId: f.otherClientId, receives: { 'on-the-way': false } },
        { cookie: f.cookies.support_desk },
      ),
    );
    expect(saved.receives).toEqual({ ...before.receives, 'on-the-way': false });
    const again = valueOf(
      await f.server.call(
        'clients.saveMessagePreferences',
        { clientId: f.otherClientId, receives: { 'completion-summary': false } },
        admin(),
      ),
    );
    expect(again.receives).toEqual({ ...before.receives, 'on-the-way': false, 'completion-summary': false });
  });

  it('records a contact’s opt-out, refuses a stale one, and refuses an invalid e-mail naming the field', async () => {
    const contact = valueOf(
      await f.server.call(
        'contacts.create',
        { clientId: f.otherClientId, name: 'Opt Out', email: 'o@w.example' },
        admin(),
      ),
    );
    expect(contact.messagesOptOut).toBe(false);
    const out = valueOf(
      await f.server.call(
        'contacts.setMessagesOptOut',
        { id: contact.id, expectedRevision: contact.revision, optOut: true },
        admin(),
      ),
    );
    expect(out.messagesOptOut).toBe(true);
    expect(out.revision).not.toBe(contact.revision);
    const stale = await f.server.call(
      'contacts.setMessagesOptOut',
      { id: contact.id, expectedRevision: contact.revision, optOut: false },
      admin(),
    );
    expect(stale.body).toMatchObject({ ok: false, error: { code: 'stale' } });

    const invalid = await f.server.call(
      'contacts.create',
      { clientId: f.otherClientId, name: 'Bad Mail', email: 'bad.mail.example' },
      admin(),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['email'] }] } });
  });
});
