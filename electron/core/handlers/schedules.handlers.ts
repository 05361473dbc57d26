import { DateTime } from 'luxon';
import type { DayScheduleDto, ScheduleScope } from '../../../shared/domain/schedule';
import type { ScheduleDayInput } from '../../../shared/domain/schedule.schema';
import { ApiFailure } from '../../../shared/errors';
import { requireCaller, type HandlerContext } from '../context';
import { teamExists } from '../repositories/schedule.repository';
import { technicianIdsOfUser } from '../repositories/visit.repository';
import { loadDispatchSettings } from '../services/dispatch/dispatch-settings.service';
import { daySchedule } from '../services/schedules/day-schedule.service';
import {
  loadScheduleMailSettings,
  saveScheduleMailSettings,
  SCHEDULE_MAIL_SETTINGS_KEY,
} from '../services/schedules/schedule-mail-settings.service';
import { renderSchedulePdf } from '../services/schedules/schedule-pdf';
import { defaultCalendar } from '../services/sla/sla-config.service';
import { findTechnicianPlaces } from '../services/visit-status/travel-eta';
import type { Handlers } from './handler-types';

/** Further than this from today no schedule is planned or worth reprinting: almost surely a typo. */
const MAX_DAYS_FROM_TODAY = 400;

function refuse(field: string, message: string): never {
  throw new ApiFailure('invalid_input', message, [{ path: [field], message }]);
}

/** The scope as asked, checked against the caller and the data, with its words for the page. */
async function resolveScope(
  ctx: HandlerContext,
  input: ScheduleDayInput,
): Promise<{ scope: ScheduleScope; label: string }> {
  const caller = requireCaller(ctx);
  const db = ctx.database.db;
  if (caller.role === 'technician') {
    const mine = await technicianIdsOfUser(db, caller.id);
    if (input.technicianId === undefined || !mine.includes(input.technicianId)) {
      throw new ApiFailure('forbidden', 'A technician can print only their own day.');
    }
  }
  if (input.technicianId !== undefined) {
    const [technician] = await findTechnicianPlaces(db, [input.technicianId]);
    if (!technician) refuse('technicianId', 'No such technician');
    return { scope: { technicianId: technician.id }, label: technician.name };
  }
  if (input.team !== undefined) {
    if (!(await teamExists(db, input.team))) refuse('team', `No technician is on a team called "${input.team}"`);
    return { scope: { team: input.team }, label: `Team ${input.team}` };
  }
  return { scope: { everyone: true }, label: 'Everyone' };
}

async function loadSchedule(ctx: HandlerContext, input: ScheduleDayInput): Promise<DayScheduleDto> {
  const db = ctx.database.db;
  const calendar = await defaultCalendar(db);
  const today = DateTime.fromISO(ctx.now(), { zone: calendar.timeZone }).startOf('day');
  const offset = Math.round(DateTime.fromISO(input.date, { zone: calendar.timeZone }).diff(today, 'days').days);
  if (Math.abs(offset) > MAX_DAYS_FROM_TODAY) {
    refuse(
      'date',
      `${input.date} is ${Math.abs(offset)} days ${offset > 0 ? 'after' : 'before'} today (${today.toISODate() ?? ''}): ` +
        `a schedule covers a day at most ${MAX_DAYS_FROM_TODAY} days before or after today.`,
    );
  }
  const { scope, label } = await resolveScope(ctx, input);
  const settings = await loadDispatchSettings(db);
  return daySchedule(db, {
    date: input.date,
    scope,
    scopeLabel: label,
    calendar,
    travel: settings.travel,
    now: ctx.now(),
  });
}

function fileNameOf(schedule: DayScheduleDto): string {
  const slug = schedule.scopeLabel
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `schedule-${schedule.date}-${slug || 'day'}.pdf`;
}

export const scheduleHandlers = {
  'schedules.day': (input, ctx) => loadSchedule(ctx, input),

  'schedules.pdf': async (input, ctx) => {
    const schedule = await loadSchedule(ctx, input);
    const zone = (await defaultCalendar(ctx.database.db)).timeZone;
    const pdf = await renderSchedulePdf(schedule, { printedAt: ctx.now(), zone, paper: input.paper });
    return {
      fileName: fileNameOf(schedule),
      mimeType: 'application/pdf',
      pages: pdf.pages,
      contentBase64: pdf.bytes.toString('base64'),
    };
  },

  'schedules.mailSettings': async (_input, ctx) => loadScheduleMailSettings(ctx.database.db),

  'schedules.saveMailSettings': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const before = await loadScheduleMailSettings(tx);
      await saveScheduleMailSettings(tx, input);
      await audit({ entity: 'schedule_mail_settings', entityId: SCHEDULE_MAIL_SETTINGS_KEY, before, after: input });
      await publish({ type: 'settings.changed' });
      return input;
    }),
} satisfies Partial<Handlers>;
