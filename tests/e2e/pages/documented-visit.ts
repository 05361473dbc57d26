import type { Page } from '@playwright/test';
import { invoke } from './api';
import { everyDay } from './records';

/**
 * The technician's visit as the onsite screens record it, relayed by the admin: arrived 40 minutes
 * ago, finished 5 minutes ago, a work log with steps and a part from the catalog.
 */
async function documentVisit(admin: Page, visit: { id: string; version: number }, stamp: string): Promise<void> {
  const sku = `ROLLER-${stamp}`.toUpperCase();
  await invoke(admin, 'parts.save', { sku, name: 'Feed roller', unit: 'each' });
  const now = Date.now();
  const onSite = await invoke<{ version: number }>(admin, 'visits.setStatus', {
    id: visit.id,
    expectedVersion: visit.version,
    status: 'on_site',
    at: new Date(now - 40 * 60_000).toISOString(),
  });
  await invoke(admin, 'visits.setStatus', {
    id: visit.id,
    expectedVersion: onSite.version,
    status: 'completed',
    at: new Date(now - 5 * 60_000).toISOString(),
  });
  await invoke(admin, 'workLogs.save', {
    visitId: visit.id,
    expectedVersion: 0,
    actions: 'Replaced the jammed feed roller and printed 50 test labels',
    steps: ['Powered down', 'Replaced feed roller', 'Printed test labels'],
    parts: [{ sku, quantity: 1 }],
    noParts: false,
    outcome: 'resolved',
  });
}

/**
 * A ticket of `clientId` logged three hours ago, visited by a technician of its own and documented
 * (`documentVisit`), all through the API the consoles call: what is left is the client's
 * confirmation and the closing.
 */
export async function documentedTicket(
  admin: Page,
  options: { clientId: string; contactId: string; description: string; stamp: string; priority?: string },
): Promise<{ id: string; number: string }> {
  const technician = await invoke<{ id: string }>(admin, 'technicians.save', {
    name: `Riley ${options.stamp}`,
    timeZone: 'UTC',
    shiftPattern: everyDay,
    skills: [],
    certifications: [],
  });
  const ticket = await invoke<{ id: string; number: string }>(admin, 'tickets.create', {
    channel: 'phone',
    receivedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    clientId: options.clientId,
    contactId: options.contactId,
    description: options.description,
    priority: options.priority ?? 'high',
  });
  const visit = await invoke<{ id: string; version: number }>(admin, 'visits.create', {
    ticketId: ticket.id,
    technicianId: technician.id,
    startsAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    durationMinutes: 60,
  });
  await documentVisit(admin, visit, options.stamp);
  return ticket;
}

/** A documented ticket (`documentedTicket`), confirmed by the client and closed. */
export async function closedTicket(
  admin: Page,
  options: { clientId: string; contactId: string; description: string; stamp: string },
): Promise<{ id: string; number: string; closedAt: string }> {
  const ticket = await documentedTicket(admin, options);
  const confirmed = await invoke<{ version: number }>(admin, 'tickets.confirmResolution', {
    ticketId: ticket.id,
    confirmedBy: 'Kim Yoshida',
    method: 'phone',
  });
  const closed = await invoke<{ closedAt: string }>(admin, 'tickets.close', {
    ticketId: ticket.id,
    expectedVersion: confirmed.version,
    resolutionSummary: 'Feed roller replaced',
  });
  return { ...ticket, closedAt: closed.closedAt };
}
