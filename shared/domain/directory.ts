import type { Role } from './roles';
import type { WeeklyHours } from './sla';

export interface ClientDto {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  timeZone: string | null;
  /** A fingerprint of the fields above; an update must send the one it read (optimistic concurrency). */
  revision: string;
}

export interface ContactDto {
  id: string;
  clientId: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** What the person does for the client (e.g. "Office manager"). */
  role: string | null;
  /** False once retired: still named on old tickets and in history, no longer offered at intake. */
  active: boolean;
  /** True when the contact asked to receive no messages from the console (contacts.setMessagesOptOut). */
  messagesOptOut: boolean;
  /** A fingerprint of the fields above; an update must send the one it read (optimistic concurrency). */
  revision: string;
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
  /** A fingerprint of the fields above; an update must send the one it read (optimistic concurrency). */
  revision: string;
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
  /** Set by an admin's password reset: nothing but a new password until it is chosen. */
  mustChangePassword: boolean;
  lastSignInAt: string | null;
}

/** An API token as the admin's list shows it; the token itself is shown once, when made. */
export interface ApiTokenDto {
  /** A short prefix of the token's hash: names it in the list and the audit log, opens nothing. */
  id: string;
  name: string;
  owner: { id: string; username: string; displayName: string; active: boolean };
  createdAt: string;
  /** Null until first used; afterwards updated at most every five minutes. */
  lastUsedAt: string | null;
}

/** A row of the admin's client directory. */
export interface ClientListItem extends ClientDto {
  siteCount: number;
  /** Active contacts only: the retired ones are kept for history, not offered. */
  contactCount: number;
}

/** One page of the client directory, and how many clients match in all. */
export interface ClientPage {
  clients: ClientListItem[];
  total: number;
}
