import { expect as baseExpect, test, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { invoke } from './pages/api';
import { BoardPage } from './pages/board-page';
import { openConsoleAs, screenshot } from './pages/console';
import { IntakePage } from './pages/intake-page';
import { MyDayPage } from './pages/my-day-page';
import { QueuePage } from './pages/queue-page';
import { createTechnicianLogin, everyDay, mondayAhead } from './pages/records';
import { ReviewsPage } from './pages/reviews-page';
import { TicketPanel } from './pages/ticket-panel';

// Six consoles one after another, and pushed updates between them: on a loaded two-core machine a
// refetch can take longer than the default.
const expect = baseExpect.configure({ timeout: 15_000 });

// The browser runs on this machine: the technician's shift and the board's hours share its zone.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const sizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/** Logs out of a role's console once its step is done, so no console keeps refetching behind the walk. */
async function done(page: Page): Promise<void> {
  await page.context().close();
}

for (const size of sizes) {
  test.describe(`at ${size.width} × ${size.height}`, () => {
    test.use({ viewport: size });

    test('one ticket walks through every role: desk call, board booking by drag and keyboard, the technician’s day, confirmation, closure, review', async ({
      browser,
    }) => {
      // Six logins and every step typed or dragged as a person would: far more than one view's spec.
      test.setTimeout(240_000);
      const shot = (page: Page, step: string) => screenshot(page, `walk-${size.width}-${step}`);
      const stamp = Date.now().toString(36);
      const team = `Walk ${stamp}`;
      const name = `Walker ${stamp}`;
      const day = mondayAhead(zone, 2);
      const description = `Walk ${stamp}: the reception label printer jams on every second label`;

      // Beforehand, through the API: the technician's own login and record, in a team of their own.
      const admin = await openConsoleAs(browser, 'admin');
      const login = await createTechnicianLogin(admin);
      const record = {
        name,
        team,
        timeZone: zone,
        homeLatitude: 40.7128,
        homeLongitude: -74.006,
        shiftPattern: everyDay,
        skills: [],
        certifications: [],
      };
      const technician = await invoke<{ id: string }>(admin, 'technicians.save', { ...record, userId: login.id });
      try {
        // 1. The desk takes the call: caller by phone, the first site, what is wrong, the priority.
        const desk = await openConsoleAs(browser, 'desk');
        const intake = new IntakePage(desk);
        await intake.open();
        await intake.findCaller('212 555 0142', 'Maria Anders');
        await intake.takeFirstSite('Head office');
        await desk.keyboard.type(description);
        await intake.answerYes('Is someone unable to work?');
        await expect(intake.priority).toHaveText('High');
        await shot(desk, '01-desk-call');
        await intake.description.press('Control+Enter');
        const number = await intake.savedTicketNumber();
        await shot(desk, '02-desk-logged');
        await done(desk);

        // 2. The dispatcher finds it in the queue.
        const dispatcher = await openConsoleAs(browser, 'dispatcher');
        const queue = new QueuePage(dispatcher);
        await queue.open();
        const row = await queue.find(number);
        await expect(row).toContainText('Northwind Logistics');
        await expect(row).toContainText('Head office');
        await expect(row).toContainText('High');
        await shot(dispatcher, '03-queue-found');

        // 3. On the board, a day ahead, they drag it onto the technician's row at 10:00.
        const board = new BoardPage(dispatcher);
        await board.open(day);
        await board.showTeam(team);
        await expect(board.lane(technician.id)).toBeVisible();
        await expect(board.ticket(number)).toBeVisible();
        await board.book(number, technician.id, day, '10:00');
        await expect(board.visit(number)).toHaveAttribute('aria-label', new RegExp(`${name}, Scheduled`));
        await expect(board.ticket(number)).toHaveCount(0);
        await shot(dispatcher, '04-board-dragged');

        // 4. The client asks for the afternoon: moved from the keyboard, in the booking dialog.
        const dialog = await board.editVisitByKeyboard(number);
        await dialog.getByLabel('Start').fill(`${day}T14:00`);
        await shot(dispatcher, '05-board-dialog');
        const updated = dispatcher.waitForResponse((r) => r.url().endsWith('/api/visits.update'));
        await dialog.getByLabel('Start').press('Enter');
        expect((await (await updated).json()) as { ok: boolean }).toMatchObject({ ok: true });
        await expect(dialog).toBeHidden();
        const [visit, ...others] = await invoke<{ startsAt: string; technicianId: string }[]>(
          dispatcher,
          'visits.list',
          {
            from: DateTime.fromISO(day).toUTC().toISO(),
            to: DateTime.fromISO(day).plus({ days: 1 }).toUTC().toISO(),
            technicianIds: [technician.id],
          },
        );
        expect(others).toHaveLength(0);
        expect(visit?.startsAt).toBe(DateTime.fromISO(`${day}T14:00`).toUTC().toISO());
        // Drawn where the dialog put it: its left edge on the 14:00 line of the technician's row.
        const at = await board.pointAt(technician.id, day, '14:00');
        await expect
          .poll(async () => Math.abs(((await board.visit(number).boundingBox())?.x ?? 0) - at.x) < 6)
          .toBe(true);
        // The notice fully shown, not caught sliding in empty.
        await expect(board.notice).toContainText(`Saved ${number}`);
        await shot(dispatcher, '06-board-moved');
        await done(dispatcher);

        // 5. The technician, on their own login, works the visit on their day.
        const tech = await openConsoleAs(browser, { username: login.username, password: login.password });
        const myDay = new MyDayPage(tech);
        await myDay.open(day);
        await expect(myDay.visit(number)).toContainText('Head office');
        await expect(myDay.visit(number)).toContainText(description);
        await myDay.setOff(number);
        await shot(tech, '07-technician-en-route');
        await myDay.arrive(number);
        await shot(tech, '08-technician-on-site');
        const docs = await myDay.openDocumentation(number);
        await myDay.writeWorkLog(docs, 'Cleaned the feed path and replaced the worn label guide; printed 50 labels.');
        await docs.getByRole('region', { name: 'Work log', exact: true }).scrollIntoViewIfNeeded();
        await shot(tech, '09-technician-work-log');
        await myDay.captureSignature(docs, { name: 'Maria Anders', role: 'Office manager' });
        await shot(tech, '10-technician-sign-off');
        await myDay.complete(number);
        await myDay.visit(number).scrollIntoViewIfNeeded();
        await shot(tech, '11-technician-completed');
        await done(tech);

        // 6. The desk calls the client back, who confirms it is fixed.
        const deskAgain = await openConsoleAs(browser, 'desk');
        const deskQueue = new QueuePage(deskAgain);
        await deskQueue.open();
        await deskQueue.openTicket(number);
        const deskPanel = new TicketPanel(deskAgain, number);
        await expect(deskPanel.checklist).toContainText('Missing: Resolution confirmed by the client');
        await deskPanel.recordConfirmation('Printed a full roll without a jam');
        await expect(deskPanel.checklist.locator('[data-met="false"]')).toHaveCount(0);
        // The desk confirms but does not close: closing is the dispatcher's.
        await expect(deskPanel.closure.getByRole('button', { name: 'Close ticket' })).toHaveCount(0);
        // Fixed on site: there is no remote resolution to record.
        await expect(deskPanel.closure.getByRole('button', { name: 'Resolved without a visit…' })).toHaveCount(0);
        await deskPanel.closure.scrollIntoViewIfNeeded();
        await shot(deskAgain, '12-desk-confirmed');
        await done(deskAgain);

        // 7. The dispatcher closes it, the checklist complete.
        const closer = await openConsoleAs(browser, 'dispatcher');
        const closerQueue = new QueuePage(closer);
        await closerQueue.open();
        await closerQueue.openTicket(number);
        const closerPanel = new TicketPanel(closer, number);
        await expect(closerPanel.checklist).toContainText('Done: Steps taken (work log)');
        await expect(closerPanel.checklist).toContainText('Done: Parts used');
        await expect(closerPanel.checklist.locator('[data-met="false"]')).toHaveCount(0);
        await closerPanel.close('Label guide replaced');
        await expect(closerPanel.region.getByRole('region', { name: 'Closed' })).toContainText('by Dev Dispatcher');
        await expect(closerPanel.closure).toContainText('Awaiting review.');
        await closerPanel.closure.scrollIntoViewIfNeeded();
        await shot(closer, '13-dispatcher-closed');
        await done(closer);

        // 8. The manager finds it awaiting review and reviews it; the timeline tells the walk.
        const manager = await openConsoleAs(browser, 'manager');
        const reviews = new ReviewsPage(manager);
        await reviews.open();
        const pending = reviews.pendingRow(number);
        await expect(pending).toContainText('Northwind Logistics');
        await expect(pending).toContainText('Dev Dispatcher');
        await shot(manager, '14-manager-awaiting-review');
        await pending.click();
        const managerPanel = new TicketPanel(manager, number);
        await managerPanel.review('Booked, worked and confirmed the same day; signed off on site');
        await expect(managerPanel.region.getByRole('alert', { name: 'Review' })).toContainText('SOP followed.');
        // Every role's step, in order, among the client messages the walk queued.
        const steps = [
          /^Logged/,
          /^Visit booked/,
          /^Visit changed/,
          /^Visit en route/,
          /^Visit on site/,
          /^Work log recorded/,
          /^Client signed off/,
          /^Visit completed/,
          /^Resolution confirmed by the client.*Printed a full roll/,
          /^Closed.*Label guide replaced/,
          /^Reviewed: SOP followed/,
        ];
        const entries = managerPanel.timeline.locator('li').filter({ hasNotText: /· Outbox/ });
        await expect
          .poll(async () => {
            const texts = await entries.evaluateAll((items) =>
              items.map((li) => Array.from(li.querySelectorAll('p'), (p) => p.textContent).join(' ')),
            );
            return texts.flatMap((text) => steps.filter((step) => step.test(text)).map((step) => step.source));
          })
          .toEqual(steps.map((step) => step.source));
        // The end of the timeline: the closing and the review just written.
        await entries.last().scrollIntoViewIfNeeded();
        await shot(manager, '15-manager-reviewed');
        await done(manager);
      } finally {
        // Unlink the login again, so later specs' bookings do not notify it.
        await invoke(admin, 'technicians.save', { ...record, id: technician.id, userId: null });
        await done(admin);
      }
    });
  });
}
