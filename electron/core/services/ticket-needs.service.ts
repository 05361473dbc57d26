import { type RequiredSkill } from '../../../shared/domain/technician';
import { requiredSkillsInput } from '../../../shared/domain/technician.schema';
import type { TicketNeedsDto } from '../../../shared/domain/ticket';
import { ApiFailure } from '../../../shared/errors';
import { readJson } from '../db/json-column';
import type { Tx } from '../db/transaction';
import { findSkillIds, listWorkTypes } from '../repositories/technician.repository';

export interface NeedsInput {
  workTypeId: string | null;
  estimatedMinutes: number | null;
  requiredSkills: RequiredSkill[] | null;
}

/** The columns that store a ticket's needs. */
export interface NeedsColumns {
  work_type_id: string | null;
  estimated_minutes: number | null;
  required_skills: string | null;
}

/**
 * What a ticket needs, as stored: the work type presets duration and skills, and whatever the
 * caller states explicitly wins. Unknown work types and skills are refused by name.
 */
export async function resolveNeeds(tx: Tx, input: NeedsInput): Promise<NeedsColumns> {
  let preset: { durationMinutes: number; requiredSkills: RequiredSkill[] } | null = null;
  if (input.workTypeId !== null) {
    preset = (await listWorkTypes(tx)).find((w) => w.id === input.workTypeId) ?? null;
    if (!preset) {
      throw new ApiFailure('invalid_input', 'There is no such work type.', [
        { path: ['workTypeId'], message: 'Unknown work type' },
      ]);
    }
  }
  const skills = input.requiredSkills ?? preset?.requiredSkills ?? [];
  if (input.requiredSkills) {
    const known = await findSkillIds(
      tx,
      input.requiredSkills.map((s) => s.skillId),
    );
    const index = input.requiredSkills.findIndex((s) => !known.has(s.skillId));
    if (index !== -1) {
      throw new ApiFailure('invalid_input', 'There is no such skill.', [
        { path: ['requiredSkills', index, 'skillId'], message: 'Unknown skill' },
      ]);
    }
  }
  return {
    work_type_id: input.workTypeId,
    estimated_minutes: input.estimatedMinutes ?? preset?.durationMinutes ?? null,
    required_skills: skills.length > 0 ? JSON.stringify(skills) : null,
  };
}

/** The needs as the API shows them, with names. */
export function needsDto(
  row: NeedsColumns & { id: string },
  names: { workType: string | null; skills: ReadonlyMap<string, string> },
): TicketNeedsDto {
  const skills = row.required_skills
    ? readJson(requiredSkillsInput, row.required_skills, `tickets.required_skills of ticket ${row.id}`)
    : [];
  return {
    workType: row.work_type_id && names.workType ? { id: row.work_type_id, name: names.workType } : null,
    estimatedMinutes: row.estimated_minutes,
    requiredSkills: skills.map((s) => ({ ...s, name: names.skills.get(s.skillId) ?? s.skillId })),
  };
}
