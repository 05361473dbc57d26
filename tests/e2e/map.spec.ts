import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { MapPage } from './pages/map-page';
import { invoke } from './pages/api';
import { everyDay } from './pages/records';

// The test's own corner of the map (Boston), far from the demo data in New York, so its markers
// never fall into a cluster with anyone else's.
const home = { latitude: 42.3736, longitude: -71.1097 };
const sites = [
  { name: 'Back Bay office', latitude: 42.3503, longitude: -71.081 },
  { name: 'Providence lab', latitude: 41.824, longitude: -71.4128 },
  { name: 'Springfield depot', latitude: 42.1015, longitude: -72.5898 },
];

test('the map shows technicians and tickets, the selected route, and a booking made elsewhere', async ({ browser }) => {
  test.setTimeout(60_000);
  const stamp = Date.now().toString(36);
  const name = `Morgan Map ${stamp}`;

  const admin = await openConsoleAs(browser, 'admin');
  // A skill nobody else has, so the third ticket's ranking has exactly one technician in it.
  const skill = await invoke<{ id: string }>(admin, 'skills.create', { name: `Map skill ${stamp}` });
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', {
    name,
    timeZone: 'UTC',
    shiftPattern: everyDay,
    homeAddress: '1 Kendall Sq, Cambridge',
    homeLatitude: home.latitude,
    homeLongitude: home.longitude,
    skills: [{ skillId: skill.id, level: 3 }],
    certifications: [],
  });
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Harbor Labs ${stamp}` });
  const tickets: { id: string; number: string }[] = [];
  for (const [index, site] of sites.entries()) {
    const created = await invoke<{ id: string }>(admin, 'sites.create', {
      clientId: client.id,
      name: site.name,
      address: `${index + 1} Harbor St, Boston`,
      latitude: site.latitude,
      longitude: site.longitude,
    });
    tickets.push(
      await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
        channel: 'phone',
        receivedAt: new Date().toISOString(),
        clientId: client.id,
        siteId: created.id,
        description: `Map test ${stamp}: lab printer offline`,
        priority: (['critical', 'medium', 'high'] as const)[index],
        requiredSkills: index === 2 ? [{ skillId: skill.id, minLevel: 2 }] : [],
      }),
    );
  }
  const [first, second, third] = tickets;
  if (!first || !second || !third) throw new Error('three tickets were made');

  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  // The map shows the browser's day: book at fixed hours of it, so the test passes at any time of day.
  const { day, midnight } = await dispatcher.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
      midnight: new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(),
    };
  });
  const book = (ticketId: string, hour: number) =>
    invoke(admin, 'visits.create', {
      ticketId,
      technicianId: technician.id,
      startsAt: new Date(midnight + hour * 3_600_000).toISOString(),
      durationMinutes: 30,
    });
  await book(first.id, 9);

  const map = new MapPage(dispatcher);
  await map.open();
  await map.showDay(day);

  // No position has been reported (there is no method for it yet): the home base stands in, and says so.
  const marker = map.technician(name);
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAccessibleName(/no position reported, shown at home base/);
  await expect(map.ticket(first.number)).toBeVisible();
  await expect(map.ticket(first.number)).toHaveAccessibleName(
    new RegExp(`Critical, Harbor Labs ${stamp}, Back Bay office`),
  );
  await expect(map.ticket(second.number)).toBeVisible();
  await expect(map.routeLine).toHaveCount(0);
  await screenshot(dispatcher, 'map-overview');

  await marker.click();
  await expect(map.selectedTechnician).toContainText(name);
  await expect(map.selectedTechnician.getByRole('list', { name: 'Route for the day' })).toContainText(first.number);
  await expect(map.routeLine).toHaveCount(1);
  await expect(marker).toHaveClass(/is-selected/);

  // Booked at another console: the open map's route gains the stop without a reload.
  await book(second.id, 13);
  const route = map.selectedTechnician.getByRole('list', { name: 'Route for the day' });
  await expect(route).toContainText(second.number, { timeout: 2_000 });
  await expect(route.getByRole('listitem')).toHaveCount(3);
  // The view stayed put for the live update; selecting again frames the whole day.
  await map.selectedTechnician.getByRole('button', { name: 'Clear' }).click();
  await expect(map.routeLine).toHaveCount(0);
  await marker.click();
  await expect(map.routeLine).toHaveCount(1);
  await screenshot(dispatcher, 'map-route');

  // Keyboard: a focused ticket marker is selected with Enter.
  await map.ticket(first.number).focus();
  await dispatcher.keyboard.press('Enter');
  await expect(map.selectedTicket).toContainText(first.number);
  await expect(map.selectedTicket).toContainText('Already scheduled');
  await expect(map.ticket(first.number)).toHaveClass(/is-selected/);

  // An unscheduled ticket: the ranked technicians are highlighted with their travel time.
  const ranking = await invoke<{ ranked: { technicianId: string; parts: { travelMinutes: number } }[] }>(
    dispatcher,
    'dispatch.recommend',
    { ticketId: third.id, day },
  );
  expect(ranking.ranked.map((r) => r.technicianId)).toEqual([technician.id]);
  const travel = Math.round(ranking.ranked[0]?.parts.travelMinutes ?? NaN);
  // The view is framed on the route (Boston to Providence); Springfield is just west of it.
  await map.zoomOut();
  await map.ticket(third.number).click();
  await expect(map.selectedTicket).toContainText(third.number);
  await expect(map.bestTechnicians).toContainText(`1. ${name} — ${travel} min`);
  await expect(marker).toHaveAccessibleName(new RegExp(`ranked 1, ${travel} min away`));
  await expect(marker).toHaveClass(/is-ranked/);
  await expect(marker).toContainText(`${travel} min`);
  await screenshot(dispatcher, 'map-ranked');
  // The technician's marker now covers the Back Bay ticket: the keyboard reaches it all the same.
  await map.ticket(first.number).focus();
  await dispatcher.keyboard.press('Enter');
  await expect(marker).not.toHaveClass(/is-ranked/);

  // The selection is shared, not the map's own: it outlives the view and is there when it returns.
  await dispatcher.getByRole('tab', { name: 'Queue' }).click();
  await map.open();
  await expect(map.selectedTicket).toContainText(first.number);
  await expect(map.selectedTechnician).toContainText(name);
  await expect(map.ticket(first.number)).toHaveClass(/is-selected/);
  await expect(map.routeLine).toHaveCount(1);
  await screenshot(dispatcher, 'map-selected-ticket');
});
