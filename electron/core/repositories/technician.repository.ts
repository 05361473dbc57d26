import {
  type AvailabilityDto,
  type SkillDto,
  type TechnicianDto,
  type WorkTypeDto,
} from '../../../shared/domain/technician';
import { requiredSkillsInput } from '../../../shared/domain/technician.schema';
import { weeklyHours } from '../../../shared/domain/sla.schema';
import type { Selectable } from 'kysely';
import { readJson } from '../db/json-column';
import type { TechniciansTable, WorkTypesTable } from '../db/schema';
import type { Tx } from '../db/transaction';

export async function listSkills(db: Tx): Promise<SkillDto[]> {
  const rows = await db.selectFrom('skills').selectAll().orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, description: r.description }));
}

export async function findSkillIds(db: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('skills').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertSkill(db: Tx, skill: SkillDto): Promise<void> {
  await db.insertInto('skills').values(skill).execute();
}

/** Renames a skill or rewrites its description; technicians and work types hold it by id and keep it. */
export async function updateSkill(db: Tx, skill: SkillDto): Promise<void> {
  await db
    .updateTable('skills')
    .set({ name: skill.name, description: skill.description })
    .where('id', '=', skill.id)
    .execute();
}

/** Every technician (or one) with skills and certifications, in two queries rather than one per row. */
export async function listTechnicians(db: Tx, only?: string): Promise<TechnicianDto[]> {
  let query = db
    .selectFrom('technicians')
    .leftJoin('users', 'users.id', 'technicians.user_id')
    .selectAll('technicians')
    .select(['users.username as login_username', 'users.display_name as login_display_name']);
  if (only) query = query.where('technicians.id', '=', only);
  const rows = await query.orderBy('technicians.name').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const skills = await db
    .selectFrom('technician_skills as ts')
    .innerJoin('skills as s', 's.id', 'ts.skill_id')
    .select(['ts.technician_id', 'ts.skill_id', 's.name', 'ts.level', 'ts.certified_until'])
    .where('ts.technician_id', 'in', ids)
    .orderBy('s.name')
    .execute();
  const certifications = await db
    .selectFrom('technician_certifications')
    .selectAll()
    .where('technician_id', 'in', ids)
    .orderBy('name')
    .execute();
  return rows.map((r) => toDto(r, skills, certifications));
}

function toDto(
  r: TechniciansTable & { login_username: string | null; login_display_name: string | null },
  skills: { technician_id: string; skill_id: string; name: string; level: number; certified_until: string | null }[],
  certifications: { technician_id: string; name: string; expires_on: string | null }[],
): TechnicianDto {
  return {
    id: r.id,
    userId: r.user_id,
    login:
      r.login_username !== null && r.login_display_name !== null
        ? { username: r.login_username, displayName: r.login_display_name }
        : null,
    name: r.name,
    phone: r.phone,
    email: r.email,
    team: r.team,
    home: { address: r.home_address, latitude: r.home_latitude, longitude: r.home_longitude },
    lastPosition:
      r.last_latitude !== null && r.last_longitude !== null && r.last_position_at !== null
        ? { latitude: r.last_latitude, longitude: r.last_longitude, at: r.last_position_at }
        : null,
    timeZone: r.time_zone,
    shiftPattern: r.shift_pattern
      ? readJson(weeklyHours, r.shift_pattern, `technicians.shift_pattern of technician ${r.id}`)
      : null,
    maxVisitsPerDay: r.max_visits_per_day,
    skills: skills
      .filter((s) => s.technician_id === r.id)
      .map((s) => ({ skillId: s.skill_id, name: s.name, level: Number(s.level), certifiedUntil: s.certified_until })),
    certifications: certifications
      .filter((c) => c.technician_id === r.id)
      .map((c) => ({ name: c.name, expiresOn: c.expires_on })),
    active: r.active === 1,
  };
}

/** The technician record a login is linked to, if any (at most one: a unique index). */
export async function findTechnicianOfLogin(db: Tx, userId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('technicians').select(['id', 'name']).where('user_id', '=', userId).executeTakeFirst();
}

export type TechnicianRecord = Omit<TechnicianDto, 'skills' | 'lastPosition' | 'login'> & {
  skills: { skillId: string; level: number; certifiedUntil: string | null }[];
};

/** Inserts or replaces a technician; their skills and certifications are replaced as a whole. */
export async function saveTechnician(db: Tx, t: TechnicianRecord, createdAt: string): Promise<void> {
  const values = {
    user_id: t.userId,
    name: t.name,
    phone: t.phone,
    email: t.email,
    team: t.team,
    home_address: t.home.address,
    home_latitude: t.home.latitude,
    home_longitude: t.home.longitude,
    time_zone: t.timeZone,
    shift_pattern: t.shiftPattern ? JSON.stringify(t.shiftPattern) : null,
    max_visits_per_day: t.maxVisitsPerDay,
    active: t.active ? 1 : 0,
  };
  await db
    .insertInto('technicians')
    .values({
      id: t.id,
      ...values,
      last_latitude: null,
      last_longitude: null,
      last_position_at: null,
      created_at: createdAt,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  await db.deleteFrom('technician_skills').where('technician_id', '=', t.id).execute();
  if (t.skills.length > 0) {
    await db
      .insertInto('technician_skills')
      .values(
        t.skills.map((s) => ({
          technician_id: t.id,
          skill_id: s.skillId,
          level: s.level,
          certified_until: s.certifiedUntil,
        })),
      )
      .execute();
  }
  await db.deleteFrom('technician_certifications').where('technician_id', '=', t.id).execute();
  if (t.certifications.length > 0) {
    await db
      .insertInto('technician_certifications')
      .values(t.certifications.map((c) => ({ technician_id: t.id, name: c.name, expires_on: c.expiresOn })))
      .execute();
  }
}

export async function insertAvailability(db: Tx, a: AvailabilityDto): Promise<void> {
  await db
    .insertInto('technician_availability')
    .values({
      id: a.id,
      technician_id: a.technicianId,
      kind: a.kind,
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      note: a.note,
    })
    .execute();
}

export async function deleteAvailability(db: Tx, id: string): Promise<AvailabilityDto | undefined> {
  const found = await listAvailability(db, { id });
  if (found[0]) await db.deleteFrom('technician_availability').where('id', '=', id).execute();
  return found[0];
}

/** Exceptions that overlap [from, to) for one technician, or one exception by id. */
export async function listAvailability(
  db: Tx,
  filter: { id: string } | { technicianId: string; from: string; to: string },
): Promise<AvailabilityDto[]> {
  let query = db.selectFrom('technician_availability').selectAll();
  if ('id' in filter) query = query.where('id', '=', filter.id);
  else {
    query = query
      .where('technician_id', '=', filter.technicianId)
      .where('starts_at', '<', filter.to)
      .where('ends_at', '>', filter.from);
  }
  const rows = await query.orderBy('starts_at').execute();
  return rows.map((r) => ({
    id: r.id,
    technicianId: r.technician_id,
    kind: r.kind,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    note: r.note,
  }));
}

function workTypeDto(r: Selectable<WorkTypesTable>): WorkTypeDto {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    durationMinutes: Number(r.duration_minutes),
    requiredSkills: readJson(requiredSkillsInput, r.required_skills, `work_types.required_skills of work type ${r.id}`),
    signOffRequired: Number(r.sign_off_required) === 1,
  };
}

export async function listWorkTypes(db: Tx): Promise<WorkTypeDto[]> {
  const rows = await db.selectFrom('work_types').selectAll().orderBy('name').execute();
  return rows.map(workTypeDto);
}

export async function saveWorkType(db: Tx, w: WorkTypeDto): Promise<void> {
  const values = {
    name: w.name,
    category: w.category,
    duration_minutes: w.durationMinutes,
    required_skills: JSON.stringify(w.requiredSkills),
    sign_off_required: w.signOffRequired ? 1 : 0,
  };
  await db
    .insertInto('work_types')
    .values({ id: w.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
