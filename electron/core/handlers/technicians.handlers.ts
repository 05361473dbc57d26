import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/errors';
import { isUniqueViolationOf } from '../db/errors';
import type { Tx } from '../db/transaction';
import {
  deleteAvailability,
  findSkillIds,
  findTechnicianOfLogin,
  insertAvailability,
  insertSkill,
  listAvailability,
  listSkills,
  listTechnicians,
  listWorkTypes,
  saveTechnician,
  saveWorkType,
} from '../repositories/technician.repository';
import { findUserById } from '../repositories/user.repository';
import type { Handlers } from './handler-types';

/** Every skill a record names must exist; the issue names the first unknown one by its index. */
async function requireSkills(tx: Tx, field: string, skillIds: string[]): Promise<void> {
  const known = await findSkillIds(tx, skillIds);
  const missing = skillIds.findIndex((s) => !known.has(s));
  if (missing >= 0) {
    throw new ApiFailure('invalid_input', 'No such skill.', [
      { path: [field, missing, 'skillId'], message: 'No such skill' },
    ]);
  }
}

/** The index of 0012-technician-login-unique. */
const loginIndex = { name: 'technicians_user_id_unique', columns: 'technicians.user_id' };

function loginTaken(holder: string): ApiFailure {
  return new ApiFailure('conflict', `This login is already linked to ${holder}.`, [
    { path: ['userId'], message: `Linked to ${holder}; unlink it there first` },
  ]);
}

/** A login belongs to one technician record: its "my day" and documentation rights follow the link. */
async function requireFreeLogin(tx: Tx, userId: string, technicianId: string | undefined): Promise<void> {
  const holder = await findTechnicianOfLogin(tx, userId);
  if (holder && holder.id !== technicianId) throw loginTaken(holder.name);
}

async function requireTechnician(tx: Tx, id: string, path: string) {
  const [technician] = await listTechnicians(tx, id);
  if (!technician)
    throw new ApiFailure('invalid_input', 'No such technician.', [{ path: [path], message: 'No such technician' }]);
  return technician;
}

export const technicianHandlers = {
  'skills.list': async (_input, ctx) => listSkills(ctx.database.db),

  'skills.create': async (input, ctx) =>
    ctx.write(async ({ tx, audit }) => {
      const existing = (await listSkills(tx)).find((s) => s.name.toLowerCase() === input.name.toLowerCase());
      if (existing) {
        throw new ApiFailure('conflict', `The skill ${existing.name} exists already.`, [
          { path: ['name'], message: 'Exists already' },
        ]);
      }
      const skill = { id: randomUUID(), name: input.name, description: input.description };
      await insertSkill(tx, skill);
      await audit({ entity: 'skill', entityId: skill.id, after: skill });
      return skill;
    }),

  'technicians.list': async (_input, ctx) => listTechnicians(ctx.database.db),

  'technicians.save': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      if ((input.homeLatitude === null) !== (input.homeLongitude === null)) {
        throw new ApiFailure('invalid_input', 'Give both coordinates of the home base, or neither.', [
          {
            path: [input.homeLatitude === null ? 'homeLatitude' : 'homeLongitude'],
            message: 'Give both coordinates or neither',
          },
        ]);
      }
      if (input.userId && !(await findUserById(tx, input.userId))) {
        throw new ApiFailure('invalid_input', 'No such user.', [{ path: ['userId'], message: 'No such user' }]);
      }
      if (input.userId) await requireFreeLogin(tx, input.userId, input.id);
      await requireSkills(
        tx,
        'skills',
        input.skills.map((s) => s.skillId),
      );
      const before = input.id ? await requireTechnician(tx, input.id, 'id') : null;
      const id = input.id ?? randomUUID();
      const record = {
        id,
        userId: input.userId,
        name: input.name,
        phone: input.phone,
        email: input.email,
        team: input.team,
        home: { address: input.homeAddress, latitude: input.homeLatitude, longitude: input.homeLongitude },
        timeZone: input.timeZone,
        shiftPattern: input.shiftPattern,
        maxVisitsPerDay: input.maxVisitsPerDay,
        skills: input.skills,
        certifications: input.certifications,
        active: input.active,
      };
      try {
        await saveTechnician(tx, record, ctx.now());
      } catch (error) {
        // The unique index has the last word: a save racing another that links the same login.
        if (isUniqueViolationOf(error, loginIndex)) throw loginTaken('another technician');
        throw error;
      }
      const [saved] = await listTechnicians(tx, id);
      if (!saved) throw new Error(`technician ${id} vanished inside its own transaction`);
      await audit({ entity: 'technician', entityId: id, before, after: saved });
      // The board, the map and open rankings show the technician; other consoles refetch.
      await publish({ type: 'technician.changed', technicianId: id });
      return saved;
    }),

  'technicians.availability': async (input, ctx) =>
    listAvailability(ctx.database.db, { technicianId: input.technicianId, from: input.from, to: input.to }),

  'technicians.addAvailability': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      await requireTechnician(tx, input.technicianId, 'technicianId');
      const entry = { id: randomUUID(), ...input };
      await insertAvailability(tx, entry);
      await audit({ entity: 'technician_availability', entityId: entry.id, after: entry });
      // Time off changes who is free: open rankings and the time-off list refetch.
      await publish({ type: 'technician.changed', technicianId: entry.technicianId });
      return entry;
    }),

  'technicians.removeAvailability': async (input, ctx) =>
    ctx.write(async ({ tx, audit, publish }) => {
      const removed = await deleteAvailability(tx, input.id);
      if (!removed) throw new ApiFailure('not_found', 'No such time off or extra shift.');
      await audit({ entity: 'technician_availability', entityId: input.id, before: removed, after: null });
      await publish({ type: 'technician.changed', technicianId: removed.technicianId });
      return null;
    }),

  'workTypes.list': async (_input, ctx) => listWorkTypes(ctx.database.db),

  'workTypes.save': async (input, ctx) =>
    ctx.write(async ({ tx, audit }) => {
      await requireSkills(
        tx,
        'requiredSkills',
        input.requiredSkills.map((s) => s.skillId),
      );
      const all = await listWorkTypes(tx);
      const before = input.id ? all.find((w) => w.id === input.id) : undefined;
      if (input.id && !before) throw new ApiFailure('not_found', 'No such work type.');
      if (all.some((w) => w.name.toLowerCase() === input.name.toLowerCase() && w.id !== input.id)) {
        throw new ApiFailure('conflict', `A work type named ${input.name} exists already.`, [
          { path: ['name'], message: 'Exists already' },
        ]);
      }
      const workType = { ...input, id: input.id ?? randomUUID() };
      await saveWorkType(tx, workType);
      await audit({ entity: 'work_type', entityId: workType.id, before: before ?? null, after: workType });
      return workType;
    }),
} satisfies Partial<Handlers>;
