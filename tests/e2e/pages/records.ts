import type { Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { invoke } from './api';

const allDay = [['00:00', '24:00']];
/** A shift pattern free all day every day, so no booking rule but the one under test applies. */
export const everyDay = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };

/** A technician of the test's own, free all day every day, in the given team or none. */
export async function createTechnician(admin: Page, name: string, team?: string): Promise<string> {
  const t = await invoke<{ id: string }>(admin, 'technicians.save', {
    name,
    team,
    timeZone: 'UTC',
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  });
  return t.id;
}

/** A technician login of the test's own (the demo's `technician` is linked to the demo's Toni). */
export async function createTechnicianLogin(admin: Page): Promise<{ id: string; username: string; password: string }> {
  const username = `tech${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const password = 'temporary-demo';
  const user = await invoke<{ id: string }>(admin, 'users.create', {
    username,
    displayName: 'Toni Technician',
    role: 'technician',
    password,
  });
  return { id: user.id, username, password };
}

/** A high-priority ticket for the demo client Northwind. */
export async function createTicket(page: Page, description: string, estimatedMinutes: number) {
  const [match] = await invoke<{ client: { id: string } }[]>(page, 'clients.search', { query: 'Northwind' });
  if (!match) throw new Error('the demo data has no Northwind client');
  return invoke<{ id: string; number: string }>(page, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date().toISOString(),
    clientId: match.client.id,
    description,
    priority: 'high',
    estimatedMinutes,
  });
}

/**
 * The Monday `weeks` weeks after this week's in `zone`, as yyyy-MM-dd: a working day always in the
 * future and free of today's bookings, whatever day the suite runs.
 */
export function mondayAhead(zone: string, weeks = 1): string {
  return DateTime.now().setZone(zone).startOf('week').plus({ weeks }).toISODate() ?? '';
}

/** A client of the test's own with one site and one contact who has an e-mail address. */
export async function createClientWithContact(page: Page, stamp: string) {
  const client = await invoke<{ id: string; name: string }>(page, 'clients.create', { name: `Adatum ${stamp}` });
  const email = `pat.${stamp}@adatum.example`;
  const contact = await invoke<{ id: string; name: string }>(page, 'contacts.create', {
    clientId: client.id,
    name: `Pat Kowalski ${stamp}`,
    phone: '+1 212 555 0150',
    email,
  });
  const site = await invoke<{ id: string }>(page, 'sites.create', {
    clientId: client.id,
    name: 'Head office',
    address: '1 Main St, New York, NY 10001',
    timeZone: 'America/New_York',
  });
  return { clientId: client.id, contactId: contact.id, siteId: site.id, contactName: contact.name, email };
}

/**
 * A high-priority ticket logged for a contact with an e-mail address: the console queues its
 * acknowledgement to that contact.
 */
export async function createTicketFor(
  page: Page,
  to: { clientId: string; contactId: string; siteId: string },
  description: string,
) {
  return invoke<{ id: string; number: string }>(page, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date().toISOString(),
    clientId: to.clientId,
    contactId: to.contactId,
    siteId: to.siteId,
    description,
    priority: 'high',
    estimatedMinutes: 60,
  });
}
