import { expect, type Locator, type Page } from '@playwright/test';

/** The map view: markers are buttons named by their hidden labels, the side panel names what is selected. */
export class MapPage {
  readonly map: Locator;
  readonly details: Locator;
  readonly selectedTechnician: Locator;
  readonly selectedTicket: Locator;
  readonly routeLine: Locator;
  readonly bestTechnicians: Locator;

  constructor(readonly page: Page) {
    this.map = page.getByRole('region', { name: 'Dispatch map' });
    this.details = page.getByRole('complementary', { name: 'Map details' });
    this.selectedTechnician = this.details.getByRole('region', { name: 'Selected technician' });
    this.selectedTicket = this.details.getByRole('region', { name: 'Selected ticket' });
    this.routeLine = this.map.locator('path.route-line');
    this.bestTechnicians = this.selectedTicket.getByRole('list', { name: 'Best technicians' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Map' }).click();
    // The first opening loads the map's chunk (Leaflet and the Natural Earth shapes, ~1 MB), which
    // can take more than the default 5 s on a busy build machine.
    await expect(this.map).toBeVisible({ timeout: 15_000 });
    // The offline basemap is a canvas in its own pane: the map is drawn once it is there.
    await expect(this.map.locator('.leaflet-basemap-pane canvas')).toBeVisible();
  }

  technician(name: string): Locator {
    return this.map.getByRole('button', { name: `Technician ${name}:` });
  }

  ticket(number: string): Locator {
    return this.map.getByRole('button', { name: `Ticket ${number}:` });
  }

  async zoomOut(): Promise<void> {
    await this.map.getByRole('button', { name: 'Zoom out', exact: true }).click();
  }

  async showDay(day: string): Promise<void> {
    await this.details.getByLabel('Day').fill(day);
  }
}
