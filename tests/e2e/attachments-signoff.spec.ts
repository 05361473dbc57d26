import { expect, test, type Locator, type Page } from '@playwright/test';
import { drawSignature } from './pages/signature';
import { elfBytes, pngBytes } from '../support/images';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { invoke } from './pages/api';
import { createTechnicianLogin, everyDay } from './pages/records';

/** Opens the ticket from the queue and the documentation of its (only) visit. */
async function openVisitDocumentation(page: Page, ticketNumber: string): Promise<Locator> {
  const queue = new QueuePage(page);
  await queue.open();
  await queue.openTicket(ticketNumber);
  const drawer = page.getByRole('region', { name: `Ticket ${ticketNumber}` });
  await drawer.getByRole('button', { name: /^Documentation of the visit on/ }).click();
  return drawer.getByLabel(`Documentation of the visit for ${ticketNumber}`);
}

test('a technician attaches a photo and captures the client’s drawn signature; the dispatcher sees both', async ({
  browser,
}) => {
  // Three consoles and a long walk through the documentation: more than the default 30 s.
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  // A login of the test's own: the demo's `technician` login belongs to the demo's Toni Technician.
  const technicianUser = await createTechnicianLogin(admin);
  const technicianInput = {
    name: `Toni ${stamp}`,
    timeZone: 'UTC',
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  };
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', {
    ...technicianInput,
    userId: technicianUser.id,
  });
  try {
    const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Fabrikam ${stamp}` });
    const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
      channel: 'phone',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      clientId: client.id,
      description: `Boiler pressure drops overnight (${stamp})`,
      priority: 'high',
    });
    const dispatcher = await openConsoleAs(browser, 'dispatcher');
    await invoke(dispatcher, 'visits.create', {
      ticketId: ticket.id,
      technicianId: technician.id,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      durationMinutes: 60,
    });

    const tech = await openConsoleAs(browser, technicianUser);
    const docs = await openVisitDocumentation(tech, ticket.number);
    const photos = docs.getByRole('region', { name: 'Photos and forms' });
    await photos.getByLabel('Files to attach to photos and forms').setInputFiles({
      name: 'boiler gauge.png',
      mimeType: 'image/png',
      buffer: pngBytes(240, 160, 17),
    });
    const tile = photos.getByRole('button', { name: 'Open boiler gauge.png' });
    await expect(tile.getByRole('img', { name: 'boiler gauge.png' })).toBeVisible();
    // The thumbnail is the console's WebP, served back through a blob: URL.
    await expect(tile.getByRole('img')).toHaveAttribute('src', /^blob:/);

    // A program renamed to look like a photo is refused by its content, in words.
    await photos.getByLabel('Files to attach to photos and forms').setInputFiles({
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: elfBytes(),
    });
    await expect(photos.getByRole('alert')).toContainText('photo.jpg: The file is ELF content');
    await expect(photos.getByRole('listitem')).toHaveCount(1);
    await photos.scrollIntoViewIfNeeded();
    await photos.screenshot({ path: 'test-results/screenshots/attachments-panel.png' });

    const signOff = docs.getByRole('region', { name: 'Client sign-off' });
    await signOff.getByLabel("Signer's name").fill('Pat Kowalski');
    await signOff.getByLabel('Role at the client').fill('Facilities manager');
    // An empty signature is refused by the form before anything is sent.
    await signOff.getByRole('button', { name: 'Save sign-off' }).click();
    await expect(signOff).toContainText('Ask the client to sign in the box');
    await drawSignature(tech, signOff.getByLabel('Signature pad'));
    await signOff.getByLabel('Client confirms the problem is resolved').check();
    await signOff.scrollIntoViewIfNeeded();
    await signOff.screenshot({ path: 'test-results/screenshots/sign-off-form.png' });
    await signOff.getByRole('button', { name: 'Save sign-off' }).click();

    const current = signOff.getByRole('group', { name: 'Current sign-off' });
    await expect(current).toContainText('Signed by Pat Kowalski (Facilities manager)');
    await expect(current).toContainText('Client confirmed the problem is resolved');
    const signature = current.getByRole('img', { name: 'Signature of Pat Kowalski' });
    await expect(signature).toBeVisible();
    // The drawing arrived as a real PNG with strokes in it, not an empty canvas.
    expect(await signature.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await signOff.screenshot({ path: 'test-results/screenshots/sign-off-panel.png' });
    await screenshot(tech, 'technician-visit-documentation');

    // The dispatcher sees the photo and the sign-off on the same ticket.
    const dispatcherDocs = await openVisitDocumentation(dispatcher, ticket.number);
    await expect(
      dispatcherDocs.getByRole('region', { name: 'Photos and forms' }).getByRole('img', { name: 'boiler gauge.png' }),
    ).toBeVisible();
    await expect(dispatcherDocs.getByRole('group', { name: 'Current sign-off' })).toContainText(
      'Signed by Pat Kowalski',
    );
    await dispatcherDocs.getByRole('button', { name: 'Open boiler gauge.png' }).click();
    const viewer = dispatcher.getByRole('dialog', { name: 'boiler gauge.png' });
    await expect(viewer.getByRole('img', { name: 'boiler gauge.png' })).toBeVisible();
    await expect(viewer).toContainText('added by Toni Technician');
    await screenshot(dispatcher, 'dispatcher-attachment-viewer');
  } finally {
    // Unlink the shared demo login again, so other specs' bookings do not notify it.
    await invoke(admin, 'technicians.save', { id: technician.id, ...technicianInput, userId: null });
  }
});
