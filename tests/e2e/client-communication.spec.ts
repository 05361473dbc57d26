import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server';
import { invoke } from './pages/api';
import { BoardPage } from './pages/board-page';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { createTechnicianLogin, everyDay } from './pages/records';
import { drawSignature } from './pages/signature';

// The board, My day and the ETA dialog speak the browser's zone: pin it so the test's own
// arithmetic agrees with them whatever the machine is set to.
test.use({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC' });

let disposers: (() => unknown)[] = [];
const env = { defer: (dispose: () => unknown) => disposers.push(dispose) };
test.afterEach(async () => {
  for (const dispose of disposers.reverse()) await dispose();
  disposers = [];
});

/** The one e-mail of `kind` about `ticketNumber` (other specs' queued messages arrive here too). */
async function arrival(smtp: SmtpTestServer, kind: string, ticketNumber: string): Promise<ReceivedMail> {
  const match = (m: ReceivedMail) => m.eventKey.startsWith(`${kind}:`) && m.subject.includes(ticketNumber);
  await expect
    .poll(() => smtp.received.filter(match).length, { timeout: 30_000, message: `${kind} for ${ticketNumber}` })
    .toBe(1);
  const mail = smtp.received.find(match);
  if (!mail) throw new Error(`no ${kind} for ${ticketNumber}`);
  return mail;
}

/** The calendar attached to a received mail, read back with a real iCalendar parser (ical.js). */
function invitationOf(mail: ReceivedMail) {
  const attachment = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!attachment) throw new Error(`no .ics in "${mail.subject}"`);
  const raw = attachment.content.toString('utf8');
  // ical.js declares its parse result as any: a jCal array.
  const calendar = new ICAL.Component(ICAL.parse(raw) as unknown[]);
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  const end = event.getFirstPropertyValue('dtend') as ICAL.Time;
  return {
    filename: attachment.filename,
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    start: { zone: start.zone.tzid, iso: start.toJSDate().toISOString() },
    end: { zone: end.zone.tzid, iso: end.toJSDate().toISOString() },
  };
}

/** Today's next half-hour slot on the board (the current one late in the evening), as HH:mm. */
function nextSlotToday(): string {
  const now = DateTime.utc();
  const next = now.startOf('hour').plus({ minutes: now.minute < 30 ? 30 : 60 });
  const slot = next.hasSame(now, 'day') ? next : now.startOf('hour').plus({ minutes: now.minute < 30 ? 0 : 30 });
  return slot.toFormat('HH:mm');
}

test('book on the board, set off, close: the client gets the invitation, the ETA and a feedback link whose score shows on the ticket', async ({
  browser,
}) => {
  // Four consoles, a real SMTP server and a dozen round trips.
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const smtp = await startSmtpTestServer(env);
  const admin = await openConsoleAs(browser, 'admin');
  await invoke(admin, 'mail.saveSettings', smtp.settings());

  // Records of the test's own: a client with a site in New York and a contact with an e-mail
  // address, and a technician (in a team of one) linked to a login of the test's own.
  const technicianUser = await createTechnicianLogin(admin);
  const team = `Comms ${stamp}`;
  const record = {
    name: `Terry Field ${stamp}`,
    team,
    timeZone: 'UTC',
    homeLatitude: 40.7128,
    homeLongitude: -74.006,
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  };
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', { ...record, userId: technicianUser.id });
  const consoles: Page[] = [admin];
  try {
    const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Northwind ${stamp}` });
    const email = `ann.${stamp}@northwind.example`;
    const contact = await invoke<{ id: string }>(admin, 'contacts.create', {
      clientId: client.id,
      name: 'Ann Dodsworth',
      phone: '+1 212 555 0147',
      email,
    });
    const site = await invoke<{ id: string }>(admin, 'sites.create', {
      clientId: client.id,
      name: 'Midtown office',
      address: '350 5th Ave, New York',
      latitude: 40.7484,
      longitude: -73.9857,
      timeZone: 'America/New_York',
    });
    const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
      channel: 'phone',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      clientId: client.id,
      contactId: contact.id,
      siteId: site.id,
      description: `Reception printer jams on every page (${stamp})`,
      priority: 'high',
      estimatedMinutes: 60,
    });

    // 1. The dispatcher drags the ticket onto the technician's row today.
    const dispatcher = await openConsoleAs(browser, 'dispatcher');
    consoles.push(dispatcher);
    const day = DateTime.utc().toISODate();
    const time = nextSlotToday();
    const board = new BoardPage(dispatcher);
    await board.open(day);
    await dispatcher.getByRole('combobox', { name: 'Team' }).click();
    await dispatcher.getByRole('option', { name: team, exact: true }).click();
    await expect(board.lane(technician.id)).toBeVisible();
    await board.ticket(ticket.number).scrollIntoViewIfNeeded();
    await board.book(ticket.number, technician.id, day, time);
    const [booked] = await invoke<{ id: string; startsAt: string }[]>(dispatcher, 'visits.forTicket', {
      ticketId: ticket.id,
    });
    if (!booked) throw new Error('the drag booked no visit');
    const visitId = booked.id;
    const startsAt = DateTime.fromISO(`${day}T${time}`, { zone: 'utc' });
    expect(booked.startsAt).toBe(startsAt.toISO({ suppressMilliseconds: false }));

    // The booking confirmation reaches the contact with its invitation.
    const confirmation = await arrival(smtp, 'booking-confirmation', ticket.number);
    expect(confirmation.to).toBe(email);
    const invitation = invitationOf(confirmation);
    expect(invitation).toMatchObject({
      method: 'REQUEST',
      uid: `visit-${visitId}@dispatch-console`,
      sequence: 0,
      start: { zone: 'UTC', iso: startsAt.toISO() },
      end: { zone: 'UTC', iso: startsAt.plus({ minutes: 60 }).toISO() },
    });
    expect(confirmation.text).toContain(startsAt.setZone('America/New_York').toFormat('HH:mm'));

    // 2. The technician sets off from My day with the ETA the travel model offers.
    const tech = await openConsoleAs(browser, technicianUser);
    consoles.push(tech);
    const card = tech.getByRole('article', { name: `Visit ${ticket.number}` });
    await card.getByRole('button', { name: 'En route' }).click();
    const setOff = tech.getByRole('dialog', { name: `En route: ${ticket.number}` });
    const etaField = setOff.getByLabel('Expected arrival (ETA)');
    await expect(etaField).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    const eta = DateTime.fromISO(await etaField.inputValue(), { zone: 'utc' });
    await setOff.getByRole('button', { name: 'Record en route' }).click();
    await expect(setOff).toBeHidden();

    const onTheWay = await arrival(smtp, 'on-the-way', ticket.number);
    expect(onTheWay.to).toBe(email);
    expect(onTheWay.subject).toBe(`Terry is on the way for ${ticket.number}`);
    // In the site's zone, with its abbreviation (EST or EDT).
    expect(onTheWay.text).toContain(`Expected arrival: ${eta.setZone('America/New_York').toFormat('HH:mm')} E`);

    // 3. On site: the technician documents the visit, the client signs, and it is completed.
    await card.getByRole('button', { name: 'On site' }).click();
    await expect(card.locator('[data-visit-status]')).toHaveAttribute('data-visit-status', 'on_site');
    await invoke(tech, 'workLogs.save', {
      visitId,
      expectedVersion: 0,
      actions: 'Cleared the paper path and replaced the worn pickup roller.',
      steps: ['Printed a test page: jams at the pickup roller', 'Replaced the pickup roller; 50 pages clean'],
      parts: [],
      noParts: true,
      outcome: 'resolved',
    });
    await card.getByRole('button', { name: 'Documentation' }).click();
    const signOff = card.getByRole('region', { name: 'Client sign-off' });
    await signOff.getByLabel("Signer's name").fill('Ann Dodsworth');
    await signOff.getByLabel('Role at the client').fill('Office manager');
    await drawSignature(tech, signOff.getByLabel('Signature pad'));
    await signOff.getByLabel('Client confirms the problem is resolved').check();
    await signOff.getByRole('button', { name: 'Save sign-off' }).click();
    await expect(signOff.getByRole('group', { name: 'Current sign-off' })).toContainText('Signed by Ann Dodsworth');
    await card.getByRole('button', { name: 'Completed' }).click();
    await expect(card.locator('[data-visit-status]')).toHaveAttribute('data-visit-status', 'completed');
    await arrival(smtp, 'completion-summary', ticket.number);

    // 4. The dispatcher closes the ticket; the feedback request arrives with its link.
    await dispatcher.getByRole('tab', { name: 'Queue' }).click();
    const queue = new QueuePage(dispatcher);
    await expect(queue.grid).toBeVisible();
    await queue.openTicket(ticket.number);
    const panel = dispatcher.getByRole('region', { name: `Ticket ${ticket.number}` });
    const closure = panel.getByRole('region', { name: 'Closure' });
    await expect(closure.getByRole('list', { name: 'Closure checklist' }).locator('[data-met="false"]')).toHaveCount(0);
    await closure.getByRole('button', { name: 'Close ticket' }).click();
    const closeForm = dispatcher.getByRole('form', { name: `Close ${ticket.number}` });
    await closeForm.getByLabel('Resolution summary (optional)').fill('Pickup roller replaced');
    await closeForm.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByRole('region', { name: 'Closed' })).toContainText('by Dev Dispatcher');

    const request = await arrival(smtp, 'feedback-request', ticket.number);
    expect(request.to).toBe(email);
    const link = /http:\/\/\S+\/feedback\/[A-Za-z0-9_-]{43}/.exec(request.text)?.[0];
    expect(link, request.text).toBeDefined();

    // The ticket's messages: each of them sent.
    const messages = panel.getByRole('region', { name: 'Messages' });
    for (const subject of [confirmation.subject, onTheWay.subject, request.subject])
      await expect(messages.getByRole('listitem').filter({ hasText: subject })).toContainText('Sent');
    await messages.scrollIntoViewIfNeeded();
    await screenshot(dispatcher, 'client-communication-ticket-messages');

    // 5. The client opens the link with no login and scores the visit.
    const clientContext = await browser.newContext();
    env.defer(() => clientContext.close());
    const clientPage = await clientContext.newPage();
    const opened = await clientPage.goto(link ?? '');
    expect(opened?.status()).toBe(200);
    await expect(clientPage.getByText(ticket.number)).toBeVisible();
    const form = clientPage.getByRole('form', { name: 'Your feedback' });
    await form.getByRole('radio', { name: /^5/ }).check();
    await form.getByLabel('Anything you would like to tell us?').fill(`Fixed within the hour ${stamp}`);
    await screenshot(clientPage, 'client-communication-feedback-page');
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await expect(clientPage.getByRole('heading', { name: 'Thank you for your feedback' })).toBeVisible();

    // 6. It shows on the dispatcher's open ticket panel.
    const feedback = panel.getByRole('region', { name: 'Client feedback' });
    await expect(feedback.getByRole('listitem', { name: 'Feedback 5 out of 5' })).toContainText(
      `Fixed within the hour ${stamp}`,
    );
    await expect(feedback).toContainText('Feedback page');
    await feedback.scrollIntoViewIfNeeded();
    await screenshot(dispatcher, 'client-communication-ticket-feedback');
  } finally {
    // Unlink the login again, so no later spec's booking lands in this technician's day.
    await invoke(admin, 'technicians.save', { ...record, id: technician.id, userId: null });
    for (const page of consoles) await page.context().close();
  }
});
