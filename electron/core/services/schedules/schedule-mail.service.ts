import { DateTime } from 'luxon';
import { messagePlaceholderNames, type MessageValues } from '../../../../shared/domain/messages';
import type { DayScheduleDto, ScheduleTechnicianDay } from '../../../../shared/domain/schedule';
import type { DatabaseHandle } from '../../db/connect';
import { inTransaction } from '../../db/transaction';
import type { EventHub } from '../../events/event-hub';
import { findTechnicianContacts } from '../../repositories/message.repository';
import { enqueueMessage, existingEventKeys } from '../../repositories/outbox.repository';
import { loadDispatchSettings } from '../dispatch/dispatch-settings.service';
import { templateFor } from '../messages/message-queue.service';
import { renderTemplate } from '../messages/template-render';
import { defaultCalendar } from '../sla/sla-config.service';
import { daySchedule } from './day-schedule.service';
import { loadScheduleMailSettings } from './schedule-mail-settings.service';
import { renderSchedulePdf } from './schedule-pdf';

/** What one pass did: the day it mailed (null before the hour or when switched off) and how many it queued. */
export interface ScheduleMailPass {
  date: string | null;
  queued: number;
}

/** The outbox's dedupe key: one schedule per technician and day, whichever workstation queues it. */
export function scheduleEventKey(technicianId: string, date: string): string {
  return `technician-schedule:${technicianId}:${date}`;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function visitLines(day: ScheduleTechnicianDay): string {
  const hhmm = (iso: string) => DateTime.fromISO(iso, { zone: day.timeZone }).toFormat('HH:mm');
  return day.visits
    .map((v) => {
      const where = [v.clientName, v.siteName].filter(Boolean).join(', ');
      return `${hhmm(v.startsAt)}–${hhmm(v.endsAt)} ${v.ticketNumber} ${where}`;
    })
    .join('\n');
}

function scheduleValues(day: ScheduleTechnicianDay, date: string): MessageValues {
  const values = Object.fromEntries(messagePlaceholderNames.map((name) => [name, ''])) as MessageValues;
  return {
    ...values,
    technicianFirstName: firstName(day.name),
    technicianName: day.name,
    scheduleDay: DateTime.fromISO(date).setLocale('en-GB').toFormat('cccc d LLLL yyyy'),
    scheduleVisits: visitLines(day),
  };
}

/**
 * Queues tomorrow's schedule to every technician with visits tomorrow and an e-mail address, once
 * the admin's hour has come today in the organisation's zone (and until midnight, so a console
 * started late still sends). The PDF is the one schedules.pdf prints for that technician. Each
 * message is keyed `technician-schedule:<technician>:<day>`, so several workstations passing at
 * once queue it once; technicians already queued are skipped before their PDF is drawn.
 */
export async function queueNextDaySchedules(
  deps: { database: DatabaseHandle; events: EventHub },
  now: Date,
  /** A day this workstation has passed already: nothing is looked at again for it. */
  passed: string | null = null,
): Promise<ScheduleMailPass> {
  const { database, events } = deps;
  const db = database.db;
  const settings = await loadScheduleMailSettings(db);
  if (!settings.enabled) return { date: null, queued: 0 };
  const calendar = await defaultCalendar(db);
  const local = DateTime.fromJSDate(now, { zone: calendar.timeZone });
  if (local.hour < settings.hour) return { date: null, queued: 0 };
  const date = local.plus({ days: 1 }).toISODate();
  if (!date) throw new Error(`no date for ${now.toISOString()} in ${calendar.timeZone}`);
  if (date === passed) return { date, queued: 0 };

  const travel = (await loadDispatchSettings(db)).travel;
  const schedule = await daySchedule(db, {
    date,
    scope: { everyone: true },
    scopeLabel: 'Everyone',
    calendar,
    travel,
    now: now.toISOString(),
  });
  const ids = schedule.technicians.map((t) => t.technicianId);
  const emails = new Map((await findTechnicianContacts(db, ids)).map((c) => [c.technicianId, c.email]));
  const done = await existingEventKeys(
    db,
    ids.map((id) => scheduleEventKey(id, date)),
  );
  const text = await templateFor(db, 'technician-schedule');
  let queued = 0;
  for (const day of schedule.technicians) {
    const email = emails.get(day.technicianId);
    const eventKey = scheduleEventKey(day.technicianId, date);
    if (!email || done.has(eventKey)) continue;
    const own: DayScheduleDto = { date, scopeLabel: day.name, technicians: [day] };
    const pdf = await renderSchedulePdf(own, { printedAt: now.toISOString(), zone: calendar.timeZone, paper: 'A4' });
    const rendered = renderTemplate(text, scheduleValues(day, date));
    const created = await inTransaction(database, async (tx) => {
      const fresh = await enqueueMessage(tx, {
        eventKey,
        kind: 'technician-schedule',
        transport: 'email',
        recipient: email,
        subject: rendered.subject,
        bodyText: rendered.text,
        bodyHtml: rendered.html,
        attachments: [
          {
            name: `schedule-${date}.pdf`,
            contentType: 'application/pdf',
            content: pdf.bytes.toString('base64'),
            encoding: 'base64',
          },
        ],
        createdAt: now.toISOString(),
      });
      if (fresh) await events.publish(tx, { type: 'outbox.changed', ticketIds: [] });
      return fresh;
    });
    if (created) queued += 1;
  }
  if (queued > 0) events.afterCommit();
  return { date, queued };
}
