import { expect, type Locator, type Page } from '@playwright/test';

/** The dispatch board: a FullCalendar resource timeline and the unassigned tickets beside it. */
export class BoardPage {
  readonly board: Locator;
  readonly unassigned: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.board = page.getByRole('region', { name: 'Board' });
    this.unassigned = page.getByRole('region', { name: 'Unassigned tickets' });
    // The board's own notices, not the SLA watcher's escalation toasts (the demo has at-risk tickets).
    this.notice = page.getByRole('alert').filter({ hasNotText: /^Escalation level/ });
  }

  async open(day: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Board' }).click();
    // The board's code is loaded on first use: give a busy machine time for it.
    await expect(this.board).toBeVisible({ timeout: 15_000 });
    await this.page.getByLabel('Day').fill(day);
    await expect(this.board.locator(`.fc-timeline-slot-label[data-date^="${day}T"]`).first()).toBeVisible();
  }

  /** Narrows the rows to one team: the board draws only the rows in view. */
  async showTeam(team: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Team' }).click();
    await this.page.getByRole('option', { name: team, exact: true }).click();
  }

  ticket(number: string): Locator {
    return this.unassigned.getByRole('listitem', { name: new RegExp(`^${number} `) });
  }

  /** A technician's row of visits. */
  lane(technicianId: string): Locator {
    return this.board.locator(`td.fc-timeline-lane[data-resource-id="${technicianId}"]`);
  }

  visit(ticketNumber: string): Locator {
    return this.board.locator('.board-visit').filter({ hasText: ticketNumber });
  }

  /** The point on a technician's row where `time` (HH:mm, on a full or half hour) begins. */
  async pointAt(technicianId: string, day: string, time: string): Promise<{ x: number; y: number }> {
    const slot = await this.board.locator(`.fc-timeline-slot-lane[data-date="${day}T${time}:00"]`).boundingBox();
    const lane = await this.lane(technicianId).boundingBox();
    if (!slot || !lane) throw new Error(`no slot ${day} ${time} or no row for ${technicianId}`);
    return { x: slot.x + 3, y: lane.y + lane.height / 2 };
  }

  /** Drags with real mouse events, in steps, as a person would: FullCalendar watches the moves. */
  async drag(from: Locator, to: { x: number; y: number }): Promise<void> {
    // A long unassigned list puts the card below the fold: a person scrolls to it first.
    await from.scrollIntoViewIfNeeded();
    const box = await from.boundingBox();
    if (!box) throw new Error('nothing to drag');
    const mouse = this.page.mouse;
    await mouse.move(box.x + 40, box.y + 12);
    await mouse.down();
    await mouse.move(box.x + 20, box.y + 30, { steps: 5 });
    await mouse.move(to.x, to.y, { steps: 20 });
    await mouse.up();
  }

  /**
   * Drags an unassigned ticket onto a technician's row at `time` until its visit is on the row: on a
   * loaded machine a press can land while the unassigned list is redrawn and select text instead of
   * picking the card up, and a person would simply drag again.
   */
  async book(ticketNumber: string, technicianId: string, day: string, time: string): Promise<void> {
    await expect(async () => {
      if ((await this.visit(ticketNumber).count()) === 0)
        await this.drag(this.ticket(ticketNumber), await this.pointAt(technicianId, day, time));
      await expect(this.visit(ticketNumber)).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
  }

  /**
   * Drags a booked visit by its middle along its row so that it starts at `time` (its edges would
   * resize it), until its accessible name says `landed`: as with `book`, a press that lands while
   * the board redraws picks nothing up, and a person drags again.
   */
  async moveVisit(ticketNumber: string, technicianId: string, day: string, time: string, landed: RegExp) {
    const visit = this.visit(ticketNumber);
    await expect(async () => {
      if (!landed.test((await visit.getAttribute('aria-label')) ?? '')) {
        const box = await visit.boundingBox();
        if (!box) throw new Error('the visit is not on screen');
        const target = await this.pointAt(technicianId, day, time);
        const grab = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        await this.page.mouse.move(grab.x, grab.y);
        await this.page.mouse.down();
        await this.page.mouse.move(grab.x + (target.x - 3 - box.x), grab.y, { steps: 15 });
        await this.page.mouse.up();
      }
      await expect(visit).toHaveAttribute('aria-label', landed, { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
  }

  /**
   * Opens the booking dialog on a booked visit from the keyboard: the visit takes the focus like
   * any control, Enter selects it, and "Edit visit…" opens the dialog the drag stands in for.
   */
  async editVisitByKeyboard(ticketNumber: string): Promise<Locator> {
    await this.visit(ticketNumber).focus();
    await this.page.keyboard.press('Enter');
    const edit = this.page.getByRole('button', { name: 'Edit visit…' });
    await expect(edit).toBeEnabled();
    await edit.focus();
    await this.page.keyboard.press('Enter');
    const dialog = this.page.getByRole('form', { name: `Edit visit ${ticketNumber}` });
    await expect(dialog.getByRole('combobox', { name: 'Technician' })).toBeFocused();
    return dialog;
  }
}
