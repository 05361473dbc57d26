import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import { startApiFixture, type ApiFixture } from '../support/api-fixture';
import { useTestEnvironment, valueOf } from '../support/test-runtime';

// A technician without a shift pattern of their own works the organisation's calendar: its weekly
// hours, and not on its closure dates or its country's public holidays. 2027-03-05 is a closure of
// this calendar, 2027-04-27 King's Day (a Dutch public holiday), 2027-03-04 an ordinary Thursday.
const zone = 'Europe/Amsterdam';
const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO() ?? '';

describe('technicians on the organisation calendar', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: { cookie: string };
  let dispatcher: { cookie: string };
  let olga: string;

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    dispatcher = { cookie: f.cookies.dispatcher };
    const weekday = [['08:00', '17:00']] as [string, string][];
    valueOf(
      await f.server.call(
        'calendars.save',
        {
          scope: { kind: 'default' },
          name: 'Organisation',
          calendar: {
            timeZone: zone,
            hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
            holidays: { country: 'NL' },
            closures: ['2027-03-05'],
          },
        },
        admin,
      ),
    );
    const input: ApiInput<'technicians.save'> = {
      name: 'Olga Office',
      shiftPattern: null,
      skills: [],
      certifications: [],
    };
    olga = valueOf(await f.server.call('technicians.save', input, admin)).id;
  });

  const book = (date: string, override?: { reason: string }) =>
    f.server.call(
      'visits.create',
      { ticketId: f.ticketId, technicianId: olga, startsAt: at(date, '10:00'), durationMinutes: 60, override },
      dispatcher,
    );

  it('books them on an ordinary weekday of the calendar', async () => {
    const visit = valueOf(await book('2027-03-04'));
    expect(visit.override).toBeNull();
  });

  it('asks for an override on a closure date and on a public holiday, saying which', async () => {
    expect((await book('2027-03-05')).body).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [
          {
            path: ['override'],
            message: "Olga Office works the organization's hours, and Fri 5 Mar 2027 is a closure",
          },
        ],
      },
    });
    expect((await book('2027-04-27')).body).toMatchObject({
      ok: false,
      error: {
        issues: [
          {
            path: ['override'],
            message: "Olga Office works the organization's hours, and Tue 27 Apr 2027 is a public holiday",
          },
        ],
      },
    });
    const kept = valueOf(await book('2027-04-27', { reason: 'Client asked for the holiday' }));
    expect(kept.override?.rules).toEqual([
      "Olga Office works the organization's hours, and Tue 27 Apr 2027 is a public holiday",
    ]);
  });

  it('lets an extra shift on a holiday count as working time', async () => {
    valueOf(
      await f.server.call(
        'technicians.addAvailability',
        {
          technicianId: olga,
          kind: 'extra_shift',
          startsAt: at('2027-03-29', '09:00'),
          endsAt: at('2027-03-29', '13:00'),
        },
        admin,
      ),
    );
    expect(valueOf(await book('2027-03-29')).override).toBeNull();
  });

  it('leaves them out of the ranking on a closed day, and ranks them on an open one', async () => {
    const closed = valueOf(
      await f.server.call('dispatch.recommend', { ticketId: f.ticketId, day: '2027-03-05' }, dispatcher),
    );
    expect(closed.ranked.map((r) => r.technicianId)).not.toContain(olga);
    expect(closed.excluded.find((e) => e.technicianId === olga)?.reasons.map((r) => r.code)).toContain('not_on_shift');
    const open = valueOf(
      await f.server.call('dispatch.recommend', { ticketId: f.ticketId, day: '2027-03-11' }, dispatcher),
    );
    expect(open.ranked.map((r) => r.technicianId)).toContain(olga);
  });
});
