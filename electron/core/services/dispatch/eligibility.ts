import { DateTime } from 'luxon';
import type { TechnicianSchedule, TicketNeeds } from './day-model';

export type IneligibleCode = 'missing_skill' | 'skill_level' | 'certification_expired';

export interface Ineligible {
  code: IneligibleCode;
  message: string;
}

/**
 * Why a technician may not take a ticket on the day starting at `dayStart`, whatever their
 * schedule: each required skill must be held at the minimum level, with its certification (if it
 * has an end) valid on that day in the technician's zone. Empty when they qualify.
 */
export function eligibility(technician: TechnicianSchedule, ticket: TicketNeeds, dayStart: number): Ineligible[] {
  const reasons: Ineligible[] = [];
  if (ticket.requiredSkills.length === 0) return reasons;
  const date = DateTime.fromMillis(dayStart, { zone: technician.timeZone }).toISODate() ?? '';
  for (const need of ticket.requiredSkills) {
    const held = technician.skills.find((s) => s.skillId === need.skillId);
    if (!held) {
      reasons.push({ code: 'missing_skill', message: `lacks ${need.name}` });
    } else if (held.level < need.minLevel) {
      reasons.push({ code: 'skill_level', message: `${need.name} L${held.level} < L${need.minLevel}` });
    } else if (held.certifiedUntil !== null && held.certifiedUntil < date) {
      reasons.push({
        code: 'certification_expired',
        message: `${need.name} certification expired ${held.certifiedUntil}`,
      });
    }
  }
  return reasons;
}
