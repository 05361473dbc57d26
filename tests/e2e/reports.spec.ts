import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { openConsoleAs, screenshot } from './pages/console';
import { invoke } from './pages/api';
import { closedTicket, documentedTicket } from './pages/documented-visit';

const localDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('a service manager reads SLA adherence by priority, opens the tickets behind a figure and downloads the XLSX', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Adatum ${stamp}` });
  const contact = await invoke<{ id: string }>(admin, 'contacts.create', { clientId: client.id, name: 'Kim Yoshida' });
  const first = await closedTicket(admin, {
    clientId: client.id,
    contactId: contact.id,
    description: 'Scanner offline',
    stamp,
  });
  const second = await closedTicket(admin, {
    clientId: client.id,
    contactId: contact.id,
    description: 'Badge reader dead',
    stamp: `${stamp}b`,
  });

  // A third, Critical: due two hours after it was logged, reached after 2 h 20 min.
  const late = await documentedTicket(admin, {
    clientId: client.id,
    contactId: contact.id,
    description: 'Line controller down',
    stamp: `${stamp}c`,
    priority: 'critical',
  });
  const confirmed = await invoke<{ version: number }>(admin, 'tickets.confirmResolution', {
    ticketId: late.id,
    confirmedBy: 'Kim Yoshida',
    method: 'phone',
  });
  await invoke(admin, 'tickets.close', { ticketId: late.id, expectedVersion: confirmed.version });

  const manager = await openConsoleAs(browser, 'manager');
  await manager.getByRole('tab', { name: 'Reports' }).click();
  await expect(manager.getByRole('heading', { name: 'SLA adherence' })).toBeVisible();
  const filters = manager.getByRole('form', { name: 'Report filters' });
  // Yesterday to tomorrow: the organisation's zone may be a day apart from the browser's.
  await filters.getByLabel('From').fill(localDate(Date.now() - 86_400_000));
  await filters.getByLabel('To').fill(localDate(Date.now() + 86_400_000));
  await filters.getByLabel('Client').click();
  await manager.getByRole('option', { name: `Adatum ${stamp}` }).click();
  await filters.getByLabel('Group by').click();
  await manager.getByRole('option', { name: 'Priority' }).click();
  await expect(manager.getByRole('listbox')).toBeHidden();

  // Both tickets were logged High three hours ago: the table says it in numbers and words.
  const table = manager.getByRole('table', { name: 'SLA adherence figures' });
  const high = table.getByRole('row', { name: /^High/ });
  await expect(high.getByRole('cell').nth(0)).toHaveText('2');
  await expect(table.getByRole('row', { name: /^Critical/ })).toContainText('0 of 1 met (0.0%)');
  await expect(table.getByRole('row', { name: /^All tickets/ })).toContainText('2 of 3 met (66.7%)');
  const chart = manager.getByRole('figure', { name: 'Met and missed per group' });
  await expect(chart.locator('svg').first()).toBeVisible();
  // Each bar says what it counts in words, not only by its colour.
  await expect(chart).toContainText('2 met');
  await expect(chart).toContainText('1 missed');
  await screenshot(manager, 'reports-sla-by-priority');

  await high.getByRole('button', { name: /2 closed: High/ }).click();
  const list = manager.getByRole('table', { name: 'Tickets behind the figure' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(list).toContainText(first.number);
  await expect(list).toContainText(second.number);
  await screenshot(manager, 'reports-drill-down');

  const [download] = await Promise.all([
    manager.waitForEvent('download'),
    manager.getByRole('button', { name: 'Export XLSX', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sla-adherence-by-priority-.*\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  // Critical: closed 1, met 0, missed 1, no target 0, 0% met; reached 140 min after it was logged.
  const critical = sheet?.getRow(3).values as unknown[];
  expect(critical.slice(1, 9)).toEqual(['Critical', 1, 0, 1, 0, 0, 140, 140]);
  // Closed about three hours after it was logged (the seconds of this test's own writes on top).
  expect(critical[9]).toBeGreaterThanOrEqual(180);
  expect(sheet?.getRow(4).getCell(1).value).toBe('High');
  expect(sheet?.getRow(4).getCell(2).value).toBe(2);
});

test('a supervisor switches to volumes and first-time fix, the address keeping the report, and opens the tickets behind a figure', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Fabrikam ${stamp}` });
  const contact = await invoke<{ id: string }>(admin, 'contacts.create', { clientId: client.id, name: 'Ola Berg' });
  // One ticket fixed on its first visit and closed; one received by email and still open.
  const fixed = await closedTicket(admin, {
    clientId: client.id,
    contactId: contact.id,
    description: 'Printer jam',
    stamp,
  });
  const open = await invoke<{ number: string }>(admin, 'tickets.create', {
    channel: 'email',
    receivedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    clientId: client.id,
    description: 'Monitor flickers',
    priority: 'low',
  });

  const supervisor = await openConsoleAs(browser, 'supervisor');
  await supervisor.getByRole('tab', { name: 'Reports' }).click();
  await supervisor.getByRole('tab', { name: 'Volumes and backlog' }).click();
  await expect(supervisor.getByRole('heading', { name: 'Volumes and backlog', level: 1 })).toBeVisible();
  expect(supervisor.url()).toContain('report=volumes');
  const filters = supervisor.getByRole('form', { name: 'Report filters' });
  await filters.getByLabel('From').fill(localDate(Date.now() - 86_400_000));
  await filters.getByLabel('To').fill(localDate(Date.now() + 86_400_000));
  await filters.getByLabel('Client').click();
  await supervisor.getByRole('option', { name: `Fabrikam ${stamp}` }).click();
  await expect(supervisor.getByRole('listbox')).toBeHidden();

  // Two received (one by phone, one by email); the email one is still open, under a day old.
  const received = supervisor.getByRole('table', { name: 'Tickets received figures' });
  await expect(received.getByRole('row', { name: /^Total/ })).toContainText('2');
  const backlog = supervisor.getByRole('table', { name: 'Open at the end of the period figures' });
  const young = backlog.getByRole('row', { name: /^Under 1 day/ });
  await expect(young.getByRole('cell').nth(0)).toHaveText('1');
  // The chart's bars name what they count, not only by colour.
  await expect(supervisor.getByRole('figure', { name: 'Tickets received: chart' })).toContainText('1 email');
  await screenshot(supervisor, 'reports-volumes');

  await young.getByRole('button', { name: /1 Open: Under 1 day/ }).click();
  const list = supervisor.getByRole('table', { name: 'Tickets behind the figure' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText(open.number);
  await expect(list).toContainText('New');

  await supervisor.getByRole('tab', { name: 'First-time fix' }).click();
  expect(supervisor.url()).toContain('report=first_time_fix');
  // The filter bar is shared: still this client and period.
  await expect(filters.getByLabel('Client')).toHaveText(`Fabrikam ${stamp}`);
  const fix = supervisor.getByRole('table', { name: 'First-time fix figures' });
  await expect(fix.getByRole('row', { name: /^Total/ })).toContainText('100.0%');
  await screenshot(supervisor, 'reports-first-time-fix');
  await fix
    .getByRole('row', { name: /^High/ })
    .getByRole('button', { name: /100.0% First-time fix rate/ })
    .click();
  await expect(list).toContainText(fixed.number);
  await screenshot(supervisor, 'reports-first-time-fix-drill');

  const [download] = await Promise.all([
    supervisor.waitForEvent('download'),
    supervisor.getByRole('button', { name: 'Export XLSX', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^first-time-fix-by-priority-.*\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(['First-time fix', 'Incomplete visits by reason']);
  expect(book.worksheets[0]?.getRow(3).values).toEqual([undefined, 'High', 1, 1, 0, 0, 100, 1, 0]);

  // The address keeps the report across a reload.
  await supervisor.reload();
  await expect(supervisor.getByRole('heading', { name: 'First-time fix', level: 1 })).toBeVisible();
});

test('a dispatcher reads the escalations report: by kind, the minutes to acknowledge, and the tickets behind a count', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Litware ${stamp}` });
  const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    clientId: client.id,
    description: 'Kiosk frozen',
    priority: 'low',
  });
  // Two by hand: one at level 2 taken at once by the manager, one at level 1 left open.
  const urgent = await invoke<{ id: string }>(admin, 'escalations.create', {
    ticketId: ticket.id,
    level: 2,
    reason: 'Client called twice',
  });
  await invoke(admin, 'escalations.acknowledge', { id: urgent.id, note: 'Calling them back' });
  await invoke(admin, 'escalations.create', { ticketId: ticket.id, level: 1, reason: 'Still waiting' });

  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  await dispatcher.getByRole('tab', { name: 'Reports' }).click();
  // The top bar has an Escalations view too: this is the report's tab.
  await dispatcher.getByRole('tablist', { name: 'Report' }).getByRole('tab', { name: 'Escalations' }).click();
  await expect(dispatcher.getByRole('heading', { name: 'Escalations', level: 1 })).toBeVisible();
  expect(dispatcher.url()).toContain('report=escalations');
  const filters = dispatcher.getByRole('form', { name: 'Report filters' });
  await filters.getByLabel('From').fill(localDate(Date.now() - 86_400_000));
  await filters.getByLabel('To').fill(localDate(Date.now() + 86_400_000));
  await filters.getByLabel('Client').click();
  await dispatcher.getByRole('option', { name: `Litware ${stamp}` }).click();
  await expect(dispatcher.getByRole('listbox')).toBeHidden();

  const raised = dispatcher.getByRole('table', { name: 'Escalations raised figures' });
  // Raised 2: level 1 and level 2 one each, both by hand; one acknowledged within the minute.
  await expect(
    raised
      .getByRole('row', { name: /^Total/ })
      .getByRole('cell')
      .nth(0),
  ).toHaveText('2');
  const kinds = dispatcher.getByRole('table', { name: 'Escalations by kind figures' });
  const byHand = kinds.getByRole('row', { name: /^By hand/ });
  await expect(byHand.getByRole('cell')).toHaveText(['2', '1', '1', '1', '1', '0', '0']);
  await expect(
    kinds
      .getByRole('row', { name: /^At risk/ })
      .getByRole('cell')
      .nth(0),
  ).toHaveText('0');
  await expect(dispatcher.getByRole('figure', { name: 'Escalations raised: chart' })).toContainText('1 level 2');
  await screenshot(dispatcher, 'reports-escalations');

  await byHand.getByRole('button', { name: /1 Not yet acknowledged: By hand/ }).click();
  const list = dispatcher.getByRole('table', { name: 'Tickets behind the figure' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText(ticket.number);
  await list.scrollIntoViewIfNeeded();
  await screenshot(dispatcher, 'reports-escalations-drill');

  const [download] = await Promise.all([
    dispatcher.waitForEvent('download'),
    dispatcher.getByRole('button', { name: 'Export XLSX', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^escalations-by-priority-.*\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(['Escalations raised', 'Escalations by kind']);
  expect(book.worksheets[1]?.getRow(5).values).toEqual([undefined, 'By hand', 2, 1, 1, 1, 1, 0, 0]);
});

test('a service manager reads reviews and feedback: SOP share, tags and scores, and opens the tickets behind a low score; a dispatcher has no such tab', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Proseware ${stamp}` });
  const contact = await invoke<{ id: string }>(admin, 'contacts.create', { clientId: client.id, name: 'Lee Park' });
  // Two closed tickets: one reviewed with parts missing (SOP not followed) and scored 2 by the
  // client; the other reviewed clean and scored 5.
  const poor = await closedTicket(admin, {
    clientId: client.id,
    contactId: contact.id,
    description: 'Till dead',
    stamp,
  });
  const good = await closedTicket(admin, {
    clientId: client.id,
    contactId: contact.id,
    description: 'Scale drifts',
    stamp: `${stamp}b`,
  });
  await invoke(admin, 'reviews.record', {
    ticketId: poor.id,
    note: 'Came without the PSU',
    tags: ['parts_missing'],
    sopFollowed: false,
  });
  await invoke(admin, 'reviews.record', { ticketId: good.id, note: 'Fine', tags: [], sopFollowed: true });
  await invoke(admin, 'feedback.record', { ticketId: poor.id, score: 2 });
  await invoke(admin, 'feedback.record', { ticketId: good.id, score: 5 });

  const manager = await openConsoleAs(browser, 'manager');
  await manager.getByRole('tab', { name: 'Reports' }).click();
  await manager.getByRole('tablist', { name: 'Report' }).getByRole('tab', { name: 'Review and feedback' }).click();
  await expect(manager.getByRole('heading', { name: 'Review and feedback', level: 1 })).toBeVisible();
  expect(manager.url()).toContain('report=review');
  const filters = manager.getByRole('form', { name: 'Report filters' });
  await filters.getByLabel('From').fill(localDate(Date.now() - 86_400_000));
  await filters.getByLabel('To').fill(localDate(Date.now() + 86_400_000));
  await filters.getByLabel('Client').click();
  await manager.getByRole('option', { name: `Proseware ${stamp}` }).click();
  await expect(manager.getByRole('listbox')).toBeHidden();

  const reviews = manager.getByRole('table', { name: 'Reviews figures' });
  // Reviewed 2, SOP followed 1, not 1, 50.0%, Parts missing 1 (second of the eight tags).
  await expect(
    reviews
      .getByRole('row', { name: /^Total/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('50.0%');
  await expect(
    reviews
      .getByRole('row', { name: /^Total/ })
      .getByRole('cell')
      .nth(5),
  ).toHaveText('1');
  const feedback = manager.getByRole('table', { name: 'Client feedback figures' });
  const total = feedback.getByRole('row', { name: /^Total/ });
  // Scores 2, average 3.50, one each of 2 and 5, one low: 50.0%.
  await expect(total.getByRole('cell')).toHaveText(['2', '3.50', '0', '1', '0', '0', '1', '1', '50.0%']);
  await expect(manager.getByRole('figure', { name: 'Client feedback: chart' })).toContainText('1 score 5');
  // Bar labels read as words in a sentence, acronyms kept.
  await expect(manager.getByRole('figure', { name: 'Reviews: chart' })).toContainText('1 SOP followed');
  await screenshot(manager, 'reports-review');

  await feedback
    .getByRole('row')
    .nth(1)
    .getByRole('button', { name: /1 Low scores/ })
    .click();
  const list = manager.getByRole('table', { name: 'Tickets behind the figure' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText(poor.number);
  await list.scrollIntoViewIfNeeded();
  await screenshot(manager, 'reports-review-drill');

  const [download] = await Promise.all([
    manager.waitForEvent('download'),
    manager.getByRole('button', { name: 'Export CSV', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^review-and-feedback-by-priority-.*\.csv$/);
  expect(fs.readFileSync(await download.path(), 'utf8')).toContain('SOP followed share (%)');

  // Reviews are not the dispatcher's to read: no tab, though the other reports are there.
  const dispatcher = await openConsoleAs(browser, 'dispatcher');
  await dispatcher.getByRole('tab', { name: 'Reports' }).click();
  const tabs = dispatcher.getByRole('tablist', { name: 'Report' });
  await expect(tabs.getByRole('tab', { name: 'Escalations' })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Review and feedback' })).toHaveCount(0);
});

test('a service manager reads technician utilization by technician for a team: shift, booked and drive minutes and shares, the visit behind them, and the XLSX', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const admin = await openConsoleAs(browser, 'admin');
  const team = `Crew ${stamp}`;
  // 08:00–16:00 every day in the organisation's zone: 3 days of the period are 3 × 480 = 1440 min.
  const everyDay = Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['08:00', '16:00']]]),
  );
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', {
    name: `Tess ${stamp}`,
    team,
    homeLatitude: 40.7,
    homeLongitude: -74,
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  });
  const client = await invoke<{ id: string }>(admin, 'clients.create', { name: `Woodgrove ${stamp}` });
  // 0.1° of latitude north of her base: 11.12 km × 1.3 at 40 km/h is 21.7 min, + 5 parking → 27 min.
  const site = await invoke<{ id: string }>(admin, 'sites.create', {
    clientId: client.id,
    name: 'Depot',
    address: '1 Depot Road',
    latitude: 40.8,
    longitude: -74,
  });
  const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    clientId: client.id,
    siteId: site.id,
    description: 'Forklift charger faulty',
    priority: 'medium',
  });
  await invoke(admin, 'visits.create', {
    ticketId: ticket.id,
    technicianId: technician.id,
    startsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    durationMinutes: 90,
    override: { reason: 'Booked by hand for the test' },
  });

  const manager = await openConsoleAs(browser, 'manager');
  await manager.getByRole('tab', { name: 'Reports' }).click();
  await manager.getByRole('tablist', { name: 'Report' }).getByRole('tab', { name: 'Technician utilization' }).click();
  await expect(manager.getByRole('heading', { name: 'Technician utilization', level: 1 })).toBeVisible();
  const filters = manager.getByRole('form', { name: 'Report filters' });
  // Grouped by technician (priority has no meaning for shifts), and no client to choose.
  await expect(filters.getByLabel('Group by')).toHaveText('Technician');
  await expect(filters.getByLabel('Client')).toHaveAttribute('aria-disabled', 'true');
  await filters.getByLabel('From').fill(localDate(Date.now() - 86_400_000));
  await filters.getByLabel('To').fill(localDate(Date.now() + 86_400_000));
  await filters.getByLabel('Team').click();
  await manager.getByRole('option', { name: team }).click();
  await expect(manager.getByRole('listbox')).toBeHidden();

  const table = manager.getByRole('table', { name: 'Technician utilization figures' });
  const row = table.getByRole('row', { name: new RegExp(`^Tess ${stamp}`) });
  // Shift 1440, 1 visit, booked 90, on site 0 (not reached), driving 27; 6.3%, 0.0%, 1.9%.
  await expect(row.getByRole('cell')).toHaveText(['1440', '1', '90', '0', '27', '6.3%', '0.0%', '1.9%']);
  await expect(manager.getByRole('figure', { name: 'Technician utilization: chart' })).toContainText('1440 shift');
  await screenshot(manager, 'reports-utilization');

  await row.getByRole('button', { name: /27 Driving/ }).click();
  const list = manager.getByRole('table', { name: 'Tickets behind the figure' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText(ticket.number);
  await list.scrollIntoViewIfNeeded();
  await screenshot(manager, 'reports-utilization-drill');

  const [download] = await Promise.all([
    manager.waitForEvent('download'),
    manager.getByRole('button', { name: 'Export XLSX', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^technician-utilization-by-technician-.*\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  expect(book.worksheets[0]?.getRow(3).values).toEqual([undefined, `Tess ${stamp}`, 1440, 1, 90, 0, 27, 6.3, 0, 1.9]);
});
