import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DaySchedulePdfDto } from '../../shared/domain/schedule';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { countRows, useTestEnvironment, valueOf, type Reply } from '../support/test-runtime';
import { testIso } from '../support/test-clock';

// The PDF is read back with Debian's poppler-utils, as a person checking a printout would.
function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: install poppler-utils (sudo apt-get install poppler-utils)`, {
        cause: error,
      });
    }
    throw error;
  }
}

const workDir = mkdtempSync(path.join(tmpdir(), 'schedule-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
let saved = 0;
function savePdf(pdf: DaySchedulePdfDto): string {
  const file = path.join(workDir, `${++saved}.pdf`);
  writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
  return file;
}
const pageText = (file: string, page: number) =>
  poppler('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [file]))?.[1]);

const DAY = '2027-03-02'; // a Tuesday
const EMPTY_DAY = '2027-03-03';
const TEAM = 'Night Owls';
const ZONE = 'Europe/Warsaw';
const at = (time: string) => DateTime.fromISO(`${DAY}T${time}`, { zone: ZONE }).toUTC().toISO() ?? '';

interface Stop {
  technician: 'zoe' | 'dmitry';
  time: string;
  site: string;
  address: string;
  contact: string;
  phone: string;
  lat: number;
  lng: number;
}

// Zoë's second stop is booked first, so the order on paper comes from the times, not the rows.
const stops: Stop[] = [
  {
    technician: 'zoe',
    time: '11:00',
    site: 'Wawel depot',
    address: 'Podzamcze 3, Kraków',
    contact: 'Ágnes Kovács',
    phone: '+48 12 000 11 22',
    lat: 50.054,
    lng: 19.935,
  },
  {
    technician: 'zoe',
    time: '08:30',
    site: 'Rynek office',
    address: 'Rynek Główny 1, Kraków',
    contact: 'Łucja Wójcik',
    phone: '+48 12 000 33 44',
    lat: 50.061,
    lng: 19.937,
  },
  {
    technician: 'dmitry',
    time: '09:00',
    site: 'Nowa Huta plant',
    address: 'Aleja Solidarności 5, Kraków',
    contact: 'Σοφία Παπαδοπούλου',
    phone: '+48 12 000 55 66',
    lat: 50.072,
    lng: 20.037,
  },
];

describe('printed daily schedules over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: { cookie: string };
  let supervisor: { cookie: string };
  const technicianIds: Record<Stop['technician'], string> = { zoe: '', dmitry: '' };
  const tickets: (Stop & { number: string })[] = [];

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    supervisor = { cookie: f.cookies.supervisor };
    const technician = async (name: string) =>
      valueOf(
        await f.server.call(
          'technicians.save',
          {
            name,
            team: TEAM,
            timeZone: ZONE,
            homeLatitude: 50.05,
            homeLongitude: 19.94,
            shiftPattern: { tue: [['07:30', '16:00']] },
            skills: [],
            certifications: [],
          },
          admin,
        ),
      ).id;
    technicianIds.zoe = await technician('Zoë Łukasiewicz');
    technicianIds.dmitry = await technician('Дмитрий Соколов');
    // On the team, but with nothing booked: no page of their own.
    await technician('Ana Idle');

    for (const stop of stops) {
      const site = valueOf(
        await f.server.call(
          'sites.create',
          {
            clientId: f.clientId,
            name: stop.site,
            address: stop.address,
            accessRequirements: 'Badge at reception',
            latitude: stop.lat,
            longitude: stop.lng,
          },
          admin,
        ),
      );
      const contact = valueOf(
        await f.server.call('contacts.create', { clientId: f.clientId, name: stop.contact, phone: stop.phone }, admin),
      );
      const ticket = valueOf(
        await f.server.call(
          'tickets.create',
          {
            channel: 'phone',
            receivedAt: testIso(-3_600_000),
            clientId: f.clientId,
            contactId: contact.id,
            siteId: site.id,
            description: `Receipt printer at ${stop.site} feeds paper crooked`,
            priority: 'critical',
          },
          admin,
        ),
      );
      valueOf(
        await f.server.call(
          'visits.create',
          {
            ticketId: ticket.id,
            technicianId: technicianIds[stop.technician],
            startsAt: at(stop.time),
            durationMinutes: 60,
          },
          admin,
        ),
      );
      tickets.push({ ...stop, number: ticket.number });
    }
  });

  const ticketsOf = (who: Stop['technician']) =>
    tickets.filter((t) => t.technician === who).sort((a, b) => a.time.localeCompare(b.time));

  it("lists a team's day per technician with visits, in visit order, with drive times from the travel estimate", async () => {
    const day = valueOf(await f.server.call('schedules.day', { date: DAY, team: TEAM }, supervisor));
    expect(day.scopeLabel).toBe(`Team ${TEAM}`);
    expect(day.technicians.map((t) => t.name)).toEqual(['Zoë Łukasiewicz', 'Дмитрий Соколов']);
    const [zoe] = day.technicians;
    expect(zoe?.shift).toEqual(['07:30–16:00']);
    expect(zoe?.visits.map((v) => v.ticketNumber)).toEqual(ticketsOf('zoe').map((t) => t.number));
    const [first, second] = zoe?.visits ?? [];
    expect(first).toMatchObject({
      priority: 'critical',
      siteAddress: 'Rynek Główny 1, Kraków',
      contact: { name: 'Łucja Wójcik', phone: '+48 12 000 33 44' },
      accessRequirements: 'Badge at reception',
      crew: [{ name: 'Zoë Łukasiewicz', role: 'lead' }],
    });
    expect(first?.driveMinutes).toBeGreaterThan(0);
    expect(second?.driveMinutes).toBeGreaterThan(0);
    expect(zoe?.firstDepartureAt).toBe(
      new Date(Date.parse(at('08:30')) - (first?.driveMinutes ?? 0) * 60_000).toISOString(),
    );
  });

  it('prints one page per technician with each visit on its technician’s page, fonts embedded', async () => {
    const pdf = valueOf(await f.server.call('schedules.pdf', { date: DAY, team: TEAM }, supervisor));
    expect(pdf.fileName).toBe('schedule-2027-03-02-team-night-owls.pdf');
    const file = savePdf(pdf);
    expect(pageCount(file)).toBe(2);
    expect(pdf.pages).toBe(2);
    const pages = [pageText(file, 1), pageText(file, 2)];
    expect(pages[0]).toContain('Zoë Łukasiewicz');
    expect(pages[1]).toContain('Дмитрий Соколов');
    for (const [page, who] of [
      [0, 'zoe'],
      [1, 'dmitry'],
    ] as const) {
      for (const t of ticketsOf(who)) {
        expect(pages[page], `${t.number} on page ${page + 1}`).toContain(t.number);
        expect(pages[page]).toContain(t.address);
        expect(pages[page]).toContain(t.contact);
        expect(pages[page]).toContain(t.phone);
        expect(pages[1 - page], `${t.number} only on its own page`).not.toContain(t.number);
      }
      expect(pages[page]).toMatch(new RegExp(`Page ${page + 1} of 2`));
      expect(pages[page]).toContain('Tuesday 2 March 2027');
      expect(pages[page]).toContain('CRITICAL');
      expect(pages[page]).toMatch(/Printed \d+ \w+ 20\d\d \d\d:\d\d/);
    }
    const fonts = poppler('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toContain('DejaVuSans');
      // Columns: name, type (two words), encoding, emb, sub, uni, object, generation.
      expect(line.split(/\s+/)[4], line).toBe('yes');
    }
  });

  it("draws each technician's stops in order on a small map over the offline basemap", async () => {
    const pdf = valueOf(
      await f.server.call('schedules.pdf', { date: DAY, technicianId: technicianIds.zoe }, supervisor),
    );
    const file = savePdf(pdf);
    const text = pageText(file, 1);
    // The legend beside the sketch: the stops numbered in visit order, the 08:30 one first.
    expect(text).toMatch(/■ +Base/);
    expect(text).toMatch(/1 +08:30 +Rynek office[^]*2 +11:00 +Wawel depot/);
    expect(text).toMatch(/not\s+the\s+roads/);
    // The page as an image (PPM, 72 dpi: one pixel a point): where the sketch sits, under the
    // header and left of the legend, the basemap's land colour fills it and the route is drawn dark.
    const image = execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-singlefile', file], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const [, w = '0', h = '0'] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(image.subarray(0, 20).toString('latin1')) ?? [];
    const pixels = image.subarray(image.length - Number(w) * Number(h) * 3);
    const counts = { land: 0, dark: 0 };
    for (let y = 70; y < 205; y++) {
      for (let x = 45; x < 335; x++) {
        const i = (y * Number(w) + x) * 3;
        const [r = 0, g = 0, b = 0] = pixels.subarray(i, i + 3);
        if (Math.abs(r - 0xf5) + Math.abs(g - 0xf3) + Math.abs(b - 0xee) < 12) counts.land += 1;
        if (r + g + b < 200) counts.dark += 1;
      }
    }
    expect(counts.land, 'land fills most of the sketch').toBeGreaterThan(290 * 135 * 0.8);
    expect(counts.dark, 'the route, the base and the stops').toBeGreaterThan(60);
    const fonts = poppler('pdffonts', [file]);
    expect(fonts).not.toMatch(/Helvetica|Times|Courier/);
  });

  it('gives a one-page "No visits" document for a day without visits', async () => {
    const pdf = valueOf(await f.server.call('schedules.pdf', { date: EMPTY_DAY, team: TEAM }, supervisor));
    const file = savePdf(pdf);
    expect(pageCount(file)).toBe(1);
    expect(pageText(file, 1)).toContain('No visits on Wednesday 3 March 2027');
    const day = valueOf(await f.server.call('schedules.day', { date: EMPTY_DAY, team: TEAM }, supervisor));
    expect(day.technicians).toEqual([]);
  });

  it('prints Letter paper when asked', async () => {
    const pdf = valueOf(
      await f.server.call(
        'schedules.pdf',
        { date: DAY, technicianId: technicianIds.dmitry, paper: 'LETTER' },
        supervisor,
      ),
    );
    expect(poppler('pdfinfo', [savePdf(pdf)])).toMatch(/Page size:\s+612 x 792/);
  });

  it("lets a technician print their own day and nobody else's", async () => {
    const own = { date: DAY, technicianId: f.ownTechnicianId };
    expect((await f.server.call('schedules.day', own, { cookie: f.cookies.technician })).body.ok).toBe(true);
    const team = await f.server.call('schedules.day', { date: DAY, team: TEAM }, { cookie: f.cookies.technician });
    expect(team.status).toBe(403);
    const other = await f.server.call(
      'schedules.pdf',
      { date: DAY, technicianId: technicianIds.zoe },
      { cookie: f.cookies.technician },
    );
    expect(other.status).toBe(403);
  });

  async function refused(reply: Promise<Reply<unknown>>, field: string) {
    const before = await countRows(f.server.runtime.database);
    const answer = await reply;
    expect(answer.status).toBe(400);
    expect(answer.body.ok).toBe(false);
    if (!answer.body.ok) expect(answer.body.error.issues?.map((i) => i.path)).toContainEqual([field]);
    expect(await countRows(f.server.runtime.database)).toEqual(before);
  }

  it('answers bad input with 400 naming the field, and writes nothing', async () => {
    await refused(f.server.call('schedules.pdf', { date: DAY, team: 'Atlantis' }, supervisor), 'team');
    await refused(
      f.server.call('schedules.pdf', { date: DAY, technicianId: crypto.randomUUID() }, supervisor),
      'technicianId',
    );
    await refused(f.server.call('schedules.pdf', { date: '2027-13-01', everyone: true }, supervisor), 'date');
    await refused(f.server.call('schedules.day', { date: '2035-03-02', everyone: true }, supervisor), 'date');
    // The refusal says what was wrong and what is allowed, in the words the page shows.
    const far = await f.server.call('schedules.pdf', { date: '2035-03-02', everyone: true }, supervisor);
    expect(far.body.ok ? null : far.body.error.issues?.[0]?.message).toMatch(
      new RegExp(
        `^2035-03-02 is \\d+ days after today \\(\\d{4}-\\d{2}-\\d{2}\\): a schedule covers a day at most 400 days before or after today\\.$`,
      ),
    );
    await refused(f.server.call('schedules.day', { date: DAY }, supervisor), 'technicianId');
  });
});
