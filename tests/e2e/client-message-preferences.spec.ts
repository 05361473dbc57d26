import { expect, test, type Page } from '@playwright/test';
import type { ContactDto } from '../../shared/domain/directory';
import type { ClientMessagePreferencesDto } from '../../shared/domain/messages';
import { clientMessageKinds, messageKindLabels } from '../../shared/domain/messages';
import type { OutboxSummaryDto } from '../../shared/domain/outbox';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { createClientWithContact, createTechnician, createTicketFor, mondayAhead } from './pages/records';

test.use({ viewport: { width: 1440, height: 900 } });

async function openClient(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Clients' }).click();
  await page.getByLabel('Search clients').fill(name);
  await page.getByRole('list', { name: 'Clients' }).getByRole('button', { name }).click();
  await expect(page.getByRole('form', { name: `Client ${name}` })).toBeVisible();
}

/** A ticket for the contact with a visit booked: what the console queues for it, and its panel. */
async function ticketWithVisit(
  page: Page,
  to: Parameters<typeof createTicketFor>[1],
  technicianId: string,
  startsAt: string,
) {
  const ticket = await createTicketFor(page, to, 'Badge reader at the side door rejects every card');
  await invoke(page, 'visits.create', { ticketId: ticket.id, technicianId, startsAt, durationMinutes: 60 });
  const { messages } = await invoke<{ messages: OutboxSummaryDto[] }>(page, 'outbox.list', { ticketId: ticket.id });
  const queue = new QueuePage(page);
  await queue.open();
  await (await queue.find(ticket.number)).click();
  const panel = page.getByRole('region', { name: `Ticket ${ticket.number}` });
  return { ticket, kinds: messages.map((m) => m.kind), onTicket: panel.getByRole('region', { name: 'Messages' }) };
}

test('a client that turned the acknowledgement off gets none; a contact who opted out gets no message at all', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const to = await createClientWithContact(admin, stamp);
  const technicianId = await createTechnician(admin, `Terry ${stamp}`);
  const monday = mondayAhead('America/New_York', 3);

  // Every kind is on until someone turns it off.
  await openClient(admin, `Adatum ${stamp}`);
  const receives = admin.getByRole('region', { name: 'Messages the client receives' });
  for (const kind of clientMessageKinds)
    await expect(receives.getByRole('switch', { name: messageKindLabels[kind], exact: true })).toBeChecked();
  const acknowledgement = receives.getByRole('switch', { name: 'Acknowledgement of a new request' });
  await acknowledgement.click();
  await expect(acknowledgement).not.toBeChecked();
  await expect
    .poll(async () => {
      const saved = await invoke<ClientMessagePreferencesDto>(admin, 'clients.messagePreferences', {
        clientId: to.clientId,
      });
      return saved.receives;
    })
    .toMatchObject({ 'request-acknowledgement': false, 'booking-confirmation': true });
  await receives.scrollIntoViewIfNeeded();
  await screenshot(admin, 'client-message-preferences');

  // Still off when the client is opened again.
  await admin.reload();
  await openClient(admin, `Adatum ${stamp}`);
  await expect(receives.getByRole('switch', { name: 'Acknowledgement of a new request' })).not.toBeChecked();
  await expect(receives.getByRole('switch', { name: 'Booking confirmation' })).toBeChecked();

  // A new ticket: the booking is confirmed, the request is not acknowledged.
  const first = await ticketWithVisit(admin, to, technicianId, `${monday}T14:00:00.000Z`);
  // The reminder before the visit waits for its time, queued with the booking.
  expect([...first.kinds].sort()).toEqual(['booking-confirmation', 'visit-reminder']);
  await expect(first.onTicket.getByRole('listitem').filter({ hasText: 'Visit booked for' })).toHaveCount(1);
  await expect(first.onTicket.getByRole('listitem').filter({ hasText: 'We have your request' })).toHaveCount(0);
  await first.onTicket.scrollIntoViewIfNeeded();
  await screenshot(admin, 'ticket-messages-without-acknowledgement');
  // The ticket panel covers the tabs until it is closed.
  await admin.keyboard.press('Escape');
  await expect(first.onTicket).toHaveCount(0);

  // The contact asks for no messages at all.
  await openClient(admin, `Adatum ${stamp}`);
  const row = admin.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: `Contact ${to.contactName}` });
  await expect(row).not.toContainText('No messages');
  await row.getByRole('button', { name: `Edit contact ${to.contactName}` }).click();
  const form = admin.getByRole('form', { name: `Edit contact ${to.contactName}` });
  const optOut = form.getByRole('switch', { name: 'Opted out of messages' });
  await expect(optOut).not.toBeChecked();
  await optOut.click();
  await expect(optOut).toBeChecked();
  await screenshot(admin, 'contact-opted-out');
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect(form).toHaveCount(0);
  await expect(row).toContainText('No messages');
  const [saved] = await invoke<ContactDto[]>(admin, 'contacts.list', { clientId: to.clientId });
  expect(saved).toMatchObject({ id: to.contactId, messagesOptOut: true, email: to.email });
  await row.getByRole('button', { name: `Edit contact ${to.contactName}` }).click();
  await expect(form.getByRole('switch', { name: 'Opted out of messages' })).toBeChecked();
  await form.getByRole('button', { name: 'Cancel' }).click();

  const second = await ticketWithVisit(admin, to, technicianId, `${monday}T16:00:00.000Z`);
  expect(second.kinds).toEqual([]);
  await expect(second.onTicket).toContainText('Nothing has been sent about this ticket.');
});
