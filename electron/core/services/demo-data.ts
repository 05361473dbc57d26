import { randomUUID } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles';
import type { BusinessCalendar } from '../../../shared/domain/sla';
import type { Channel, Priority } from '../../../shared/domain/ticket';
import { DEMO_KEY, SETUP_DONE_KEY } from '../handlers/auth.handlers';
import type { DatabaseHandle } from '../db/connect';
import { inTransaction } from '../db/transaction';
import { insertClient, insertContact, insertSite } from '../repositories/directory.repository';
import { insertParts } from '../repositories/part.repository';
import { insertSetting } from '../repositories/settings.repository';
import { upsertCalendar } from '../repositories/sla-config.repository';
import { countUsers, insertUser } from '../repositories/user.repository';
import type { Clock } from './clock';
import { hashPassword } from './password.service';
import { phoneDigits } from './phone';
import { insertNewTicket } from './ticket-intake.service';

export const demoUsers: { username: string; displayName: string; role: Role }[] = [
  { username: 'desk', displayName: 'Dana Desk', role: 'support_desk' },
  { username: 'dispatcher', displayName: 'Dev Dispatcher', role: 'dispatcher' },
  { username: 'technician', displayName: 'Toni Technician', role: 'technician' },
  { username: 'manager', displayName: 'Morgan Manager', role: 'service_manager' },
  { username: 'supervisor', displayName: 'Sam Supervisor', role: 'supervisor' },
  { username: 'admin', displayName: 'Alex Admin', role: 'admin' },
];

const demoClients = [
  {
    name: 'Northwind Logistics',
    phone: '+1 212 555 0100',
    contacts: [
      { name: 'Maria Anders', phone: '+1 212 555 0142', email: 'maria.anders@northwind.example' },
      { name: 'Thomas Hardy', phone: '+1 212 555 0177', email: 'thomas.hardy@northwind.example' },
    ],
    sites: [
      {
        name: 'Head office',
        address: '350 5th Ave, New York, NY 10118',
        lat: 40.7484,
        lon: -73.9857,
        access: 'Badge at reception; escort to floor 21',
      },
      {
        name: 'Warehouse Newark',
        address: '1 Port St, Newark, NJ 07114',
        lat: 40.6895,
        lon: -74.1745,
        access: 'Safety shoes; gate opens 07:00–18:00',
      },
    ],
  },
  {
    name: 'Contoso Clinics',
    phone: '+1 718 555 0190',
    contacts: [{ name: 'Priya Raman', phone: '+1 718 555 0123', email: 'priya.raman@contoso.example' }],
    sites: [
      {
        name: 'Brooklyn clinic',
        address: '200 Eastern Pkwy, Brooklyn, NY 11238',
        lat: 40.6712,
        lon: -73.9636,
        access: 'Patient areas: escort required',
      },
    ],
  },
  {
    name: 'Fabrikam Retail',
    phone: '+1 201 555 0111',
    contacts: [{ name: 'Luis Ortega', phone: '+1 201 555 0166', email: 'luis.ortega@fabrikam.example' }],
    sites: [
      {
        name: 'Store 14 Jersey City',
        address: '30 Mall Dr W, Jersey City, NJ 07310',
        lat: 40.7282,
        lon: -74.0776,
        access: 'Opening hours 09:00–21:00',
      },
    ],
  },
];

const weekday: [string, string][] = [['08:00', '18:00']];
const demoCalendar: BusinessCalendar = {
  timeZone: 'America/New_York',
  hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  holidays: { country: 'US', state: 'NY' },
};

const demoTickets: {
  client: number;
  contact: number;
  site: number;
  channel: Channel;
  priority: Priority;
  hoursAgo: number;
  description: string;
}[] = [
  {
    client: 0,
    contact: 0,
    site: 0,
    channel: 'phone',
    priority: 'critical',
    hoursAgo: 0.5,
    description: 'Core switch down on floor 21: nobody on the floor can reach the network.',
  },
  {
    client: 1,
    contact: 0,
    site: 0,
    channel: 'email',
    priority: 'high',
    hoursAgo: 3,
    description: 'Reception PC does not boot; front desk cannot check patients in.',
  },
  {
    client: 0,
    contact: 1,
    site: 1,
    channel: 'portal',
    priority: 'medium',
    hoursAgo: 20,
    description: 'Label printer jams intermittently; hand labelling works as a workaround.',
  },
  {
    client: 2,
    contact: 0,
    site: 0,
    channel: 'phone',
    priority: 'low',
    hoursAgo: 48,
    description: 'Request to move the back-office printer to the stock room.',
  },
];

// A small field-service parts catalog: what technicians carry or order for network, PC and
// printer jobs. Cables are sold by the metre; everything else is counted.
const demoParts: { sku: string; name: string; unit: string; active?: boolean }[] = [
  { sku: 'SW-C9200-24P', name: 'Access switch, 24 × 1G PoE+, 4 × 10G uplinks', unit: 'each' },
  { sku: 'SW-C9300-48U', name: 'Core switch, 48 × mGig UPoE', unit: 'each' },
  { sku: 'SFP-10G-SR', name: 'SFP+ module 10GBASE-SR, multimode, 300 m', unit: 'each' },
  { sku: 'SFP-10G-LR', name: 'SFP+ module 10GBASE-LR, single-mode, 10 km', unit: 'each' },
  { sku: 'GLC-TE', name: 'SFP module 1000BASE-T, copper RJ-45', unit: 'each' },
  { sku: 'CAB-CAT6-UTP', name: 'Patch cable Cat6 U/UTP, grey (cut to length)', unit: 'm' },
  { sku: 'CAB-OM4-LCLC', name: 'Fibre patch cable OM4 LC–LC duplex (cut to length)', unit: 'm' },
  { sku: 'CAB-PWR-C13', name: 'Power cord C13 to Schuko, 1.8 m', unit: 'each' },
  { sku: 'PSU-350W-AC', name: 'Switch power supply 350 W AC, hot-swap', unit: 'each' },
  { sku: 'PSU-ATX-550', name: 'PC power supply ATX 550 W, 80 PLUS Gold', unit: 'each' },
  { sku: 'FAN-C9300', name: 'Fan module for core switch, hot-swap', unit: 'each' },
  { sku: 'FAN-80MM', name: 'Case fan 80 mm, 3-pin', unit: 'each' },
  { sku: 'SSD-500-SATA', name: 'SSD 500 GB SATA 2.5"', unit: 'each' },
  { sku: 'HDD-2T-SAS', name: 'Server disk 2 TB SAS 7.2k, hot-plug', unit: 'each' },
  { sku: 'RAM-16G-DDR4', name: 'Memory module 16 GB DDR4-3200 SO-DIMM', unit: 'each' },
  { sku: 'TON-M404-BK', name: 'Toner cartridge black, laser printer M404', unit: 'each' },
  { sku: 'FUS-M404', name: 'Fuser kit 220 V, laser printer M404', unit: 'each' },
  { sku: 'ROL-PICKUP', name: 'Pickup roller kit, label printer', unit: 'set' },
  { sku: 'LBL-102X76', name: 'Thermal labels 102 × 76 mm', unit: 'roll' },
  { sku: 'UPS-BAT-12V9', name: 'UPS battery 12 V 9 Ah', unit: 'each' },
  { sku: 'CON-RJ45-C6', name: 'RJ-45 connectors Cat6, pack of 50', unit: 'pack' },
  { sku: 'SW-2960-24', name: 'Access switch 24 ports, end of sale', unit: 'each', active: false },
];

/** What loadDemoData created that the demo world builds on. */
export interface DemoBasics {
  /** The demo tickets, in the order of demoTickets (critical, high, medium, low). */
  ticketIds: string[];
}

/**
 * Loads demo users (password "demo"), clients, sites and a few tickets into an empty database.
 * Returns null, changing nothing, when the database already has users.
 */
export async function loadDemoData(database: DatabaseHandle, clock: Clock): Promise<DemoBasics | null> {
  if ((await countUsers(database.db)) > 0) return null;
  const passwordHash = await hashPassword('demo');
  return inTransaction(database, async (tx) => {
    if ((await countUsers(tx)) > 0) return null;
    const now = clock.now();
    const at = now.toISOString();
    await insertSetting(tx, SETUP_DONE_KEY, at);
    await insertSetting(tx, DEMO_KEY, 'true');
    const userIds: string[] = [];
    for (const user of demoUsers) {
      const created = await insertUser(tx, { id: randomUUID(), ...user, passwordHash, createdAt: at });
      userIds.push(created.id);
    }
    const clients = [];
    for (const c of demoClients) {
      const client = await insertClient(tx, {
        id: randomUUID(),
        name: c.name,
        phone: c.phone,
        phone_digits: phoneDigits(c.phone),
        email: null,
        time_zone: 'America/New_York',
        created_at: at,
      });
      const contacts = [];
      for (const p of c.contacts) {
        contacts.push(
          await insertContact(tx, {
            id: randomUUID(),
            client_id: client.id,
            name: p.name,
            phone: p.phone,
            phone_digits: phoneDigits(p.phone),
            email: p.email,
            role: null,
            active: 1,
            messages_opt_out: 0,
            created_at: at,
          }),
        );
      }
      const sites = [];
      for (const s of c.sites) {
        sites.push(
          await insertSite(tx, {
            id: randomUUID(),
            client_id: client.id,
            name: s.name,
            address: s.address,
            latitude: s.lat,
            longitude: s.lon,
            access_requirements: s.access,
            access_hours: null,
            time_zone: 'America/New_York',
            created_at: at,
          }),
        );
      }
      clients.push({ client, contacts, sites });
    }
    await upsertCalendar(tx, {
      scope: 'default',
      name: 'New York office hours',
      definition: demoCalendar,
      updatedAt: at,
      updatedBy: null,
    });
    await insertParts(
      tx,
      demoParts.map((p) => ({ id: randomUUID(), ...p, active: p.active ?? true })),
      at,
    );
    const ticketIds: string[] = [];
    for (const t of demoTickets) {
      const target = clients[t.client];
      if (!target) continue;
      const received = new Date(now.getTime() - t.hoursAgo * 3_600_000).toISOString();
      const ticket = await insertNewTicket(
        tx,
        {
          channel: t.channel,
          externalRef: null,
          receivedAt: received,
          clientId: target.client.id,
          contactId: target.contacts[t.contact]?.id ?? null,
          siteId: target.sites[t.site]?.id ?? null,
          category: null,
          asset: null,
          description: t.description,
          criteria: null,
          priority: t.priority,
          needs: { workTypeId: null, estimatedMinutes: null, requiredSkills: null },
        },
        { now: received, loggedBy: userIds[0] ?? '' },
      );
      ticketIds.push(ticket.id);
    }
    return { ticketIds };
  });
}
