import { expect, type Locator, type Page } from '@playwright/test';

/** The map view: markers are buttons named by their hidden labels, the side panel names what is selected. */
export class MapPage {
  readonly map: Locator;
  readonly details: Locator;
  readonly selectedTechnician: Locator;
  readonly selectedTicket: Locator;
  readonly routeLine: Locator;

  constructor(readonly page: Page) {
    this.map = page.getByRole('region', { name: 'Dispatch map' });
    this.details = page.getByRole('complementary', { name: 'Map details' });
    this.selectedTechnician = this.details.getByRole('region', { name: 'Selected technician' });
    this.selectedTicket = this.details.getByRole('region', { name: 'Selected ticket' });
    this.routeLine = this.map.locator('path.route-line');
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Map' }).click();
    await expect(this.map).toBeVisible();
    // The offline basemap is a canvas in its own pane: the map is drawn once it is there.
    await expect(this.map.locator('.leaflet-basemap-pane canvas')).toBeVisible();
  }

  technician(name: string): Locator {
    return this.map.getByRole('button', { name: `Technician ${name}:` });
  }

  ticket(number: string): Locator {
    return this.map.getByRole('button', { name: `Ticket ${number}:` });
  }

  async showDay(day: string): Promise<void> {
    await this.details.getByLabel('Day').fill(day);
  }
}
