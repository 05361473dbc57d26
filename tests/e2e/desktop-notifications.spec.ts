import { expect, test, type Page } from '@playwright/test';
import { invoke } from './pages/api';
import { openConsoleAs, screenshot } from './pages/console';
import { QueuePage } from './pages/queue-page';
import { createTechnicianLogin, everyDay, mondayAhead } from './pages/records';

/**
 * A console window with notifications allowed by the browser and every desktop notification the
 * page shows written down; `away` tells the page it has no focus, as a window behind others.
 */
function withNotificationsRecorded(away: boolean) {
  return async (page: Page): Promise<void> => {
    await page.context().grantPermissions(['notifications']);
    await page.addInitScript((unfocused: boolean) => {
      const shown: string[] = [];
      Object.assign(window, { desktopNotifications: shown });
      window.Notification = new Proxy(window.Notification, {
        construct(target, args: ConstructorParameters<typeof Notification>) {
          shown.push(args[0]);
          return Reflect.construct(target, args);
        },
      });
      if (unfocused) document.hasFocus = () => false;
    }, away);
  };
}
const unfocusedWithNotifications = withNotificationsRecorded(true);

const desktopNotifications = (page: Page) =>
  page.evaluate(() => (window as unknown as { desktopNotifications: string[] }).desktopNotifications);

test('a technician away from the console gets desktop notifications and a badge until the change is seen', async ({
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const login = await createTechnicianLogin(admin);
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', {
    name: `Nia ${stamp}`,
    userId: login.id,
    timeZone: 'UTC',
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  });
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Fabrikam ${stamp}` });
  const site = await invoke<{ id: string }>(admin, 'sites.create', {
    clientId: client.id,
    name: 'North depot',
    address: '4 Quay Road',
  });
  const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    clientId: client.id,
    siteId: site.id,
    description: 'Label printer jams on every roll',
    priority: 'medium',
  });

  const tech = await openConsoleAs(browser, login, unfocusedWithNotifications);
  const myDay = tech.getByRole('tab', { name: /^My day/ });
  await expect(myDay).toHaveAccessibleName('My day');
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  const monday = mondayAhead('UTC');
  const visit = await invoke<{ id: string; version: number }>(dispatcher, 'visits.create', {
    ticketId: ticket.id,
    technicianId: technician.id,
    startsAt: `${monday}T09:00:00.000Z`,
    durationMinutes: 60,
  });

  await expect(myDay).toHaveAccessibleName('My day, 1 unseen change');
  await expect.poll(() => desktopNotifications(tech)).toEqual([`New visit for you: ${ticket.number}`]);
  const changes = tech.getByRole('region', { name: 'Changes to your visits' });
  await expect(changes).toContainText(`New${ticket.number}`);

  // Moved before it was seen: one entry, still new to the technician, and a second notification.
  await invoke(dispatcher, 'visits.update', {
    id: visit.id,
    expectedVersion: visit.version,
    startsAt: `${monday}T11:00:00.000Z`,
  });
  await expect
    .poll(() => desktopNotifications(tech))
    .toEqual([`New visit for you: ${ticket.number}`, `Your visit changed: ${ticket.number}`]);
  await expect(myDay).toHaveAccessibleName('My day, 1 unseen change');
  await expect(changes).toContainText('11:00');

  await changes.getByRole('button', { name: 'Show day' }).click();
  const card = tech.getByRole('article', { name: `Visit ${ticket.number}` });
  await expect(card).toContainText('New');
  await screenshot(tech, 'notifications-unseen-visit');
  await card.getByRole('button', { name: `Mark ${ticket.number} as seen` }).click();
  await expect(myDay).toHaveAccessibleName('My day');
  await expect(changes).toHaveCount(0);

  // Turned off at this workstation: the day still says what changed, the desktop stays quiet.
  await tech.getByRole('button', { name: /^Logged in as/ }).click();
  await tech.getByRole('menuitem', { name: /Desktop notifications: on/ }).click();
  await tech.keyboard.press('Escape');
  await invoke(dispatcher, 'visits.cancel', {
    id: visit.id,
    expectedVersion: visit.version + 1,
    reason: 'Fixed by phone',
  });
  await expect(myDay).toHaveAccessibleName('My day, 1 unseen change');
  await expect(changes).toContainText(`Cancelled${ticket.number}`);
  expect(await desktopNotifications(tech)).toHaveLength(2);

  // Kept across a reload, until marked seen.
  await tech.reload();
  await expect(tech.getByRole('tab', { name: /^My day/ })).toHaveAccessibleName('My day, 1 unseen change');
  await tech.getByRole('button', { name: /^Logged in as/ }).click();
  await expect(tech.getByRole('menuitem', { name: /Desktop notifications: off/ })).toBeVisible();
  await tech.keyboard.press('Escape');
  await expect(changes).toContainText(`Cancelled${ticket.number}`);
  // Nothing to show on the day for a visit that is no longer there.
  await expect(changes.getByRole('button', { name: 'Show day' })).toHaveCount(0);
  await screenshot(tech, 'notifications-cancelled-visit');
  await changes.getByRole('button', { name: 'Mark all as seen' }).click();
  await expect(tech.getByRole('tab', { name: /^My day/ })).toHaveAccessibleName('My day');
});

test('a dispatcher away from the console is told of a newly logged request, and not while looking', async ({
  browser,
}) => {
  const away = await openConsoleAs(browser, 'dispatcher', unfocusedWithNotifications);
  const looking = await openConsoleAs(browser, 'dispatcher', withNotificationsRecorded(false));
  await expect(away.getByRole('grid', { name: 'Ticket queue' })).toBeVisible();
  await expect(looking.getByRole('grid', { name: 'Ticket queue' })).toBeVisible();
  const desk = await openConsoleAs(browser, 'desk');
  const [northwind] = await invoke<{ client: { id: string } }[]>(desk, 'clients.search', { query: 'Northwind' });
  const ticket = await invoke<{ number: string }>(desk, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    clientId: northwind?.client.id,
    description: 'Receipt printer offline at till 3',
    priority: 'high',
  });
  await expect
    .poll(async () =>
      (await desktopNotifications(away)).filter((title) => title.startsWith(`New request ${ticket.number}`)),
    )
    .toEqual([`New request ${ticket.number} · High priority`]);
  // The console in front shows the new row in its queue, and no desktop notification.
  await new QueuePage(looking).find(ticket.number);
  expect(await desktopNotifications(looking)).toEqual([]);
});
