import type { Role } from './roles';
import type { WeeklyHours } from './sla';

export interface ClientDto {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  timeZone: string | null;
}

export interface ContactDto {
  id: string;
  clientId: string;
  name: string;
  phone: string | null;
  email: string | null;
}

export interface SiteDto {
  id: string;
  clientId: string;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  accessRequirements: string | null;
  /** When technicians may work there, in the site's zone; null when unrestricted. */
  accessHours: WeeklyHours | null;
  timeZone: string | null;
}

/** What the caller search finds while the agent types a name or a phone number. */
export interface CallerMatch {
  kind: 'client' | 'contact';
  client: ClientDto;
  contact: ContactDto | null;
}

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
}
