import type { WeeklyHours } from './sla';

export const skillLevels = [1, 2, 3, 4, 5] as const;

export interface SkillDto {
  id: string;
  name: string;
  description: string | null;
}

export interface TechnicianSkillDto {
  skillId: string;
  name: string;
  level: number;
  certifiedUntil: string | null;
}

export interface TechnicianDto {
  id: string;
  userId: string | null;
  /** The login linked by userId, so staff who may not list users still see whose record it is. */
  login: { username: string; displayName: string } | null;
  name: string;
  phone: string | null;
  email: string | null;
  team: string | null;
  home: { address: string | null; latitude: number | null; longitude: number | null };
  lastPosition: { latitude: number; longitude: number; at: string } | null;
  timeZone: string | null;
  shiftPattern: WeeklyHours | null;
  maxVisitsPerDay: number | null;
  skills: TechnicianSkillDto[];
  certifications: { name: string; expiresOn: string | null }[];
  active: boolean;
}

export const availabilityKinds = ['time_off', 'sick', 'extra_shift'] as const;
export type AvailabilityKind = (typeof availabilityKinds)[number];

export interface AvailabilityDto {
  id: string;
  technicianId: string;
  kind: AvailabilityKind;
  startsAt: string;
  endsAt: string;
  note: string | null;
}

export interface RequiredSkill {
  skillId: string;
  minLevel: number;
}

export interface WorkTypeDto {
  id: string;
  name: string;
  category: string | null;
  durationMinutes: number;
  requiredSkills: RequiredSkill[];
  /** A ticket of this type cannot be closed without the client's sign-off (or a stated reason why not). */
  signOffRequired: boolean;
}
