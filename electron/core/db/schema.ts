import type { Generated } from 'kysely';

// Row types live here and in repositories only; everything above the repositories speaks DTOs.
// Instants are ISO 8601 strings in UTC on both databases (pg is told to parse timestamptz so).

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  active: number;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  kind: string; // 'session' | 'api_token'
  name: string | null;
  created_at: string;
  expires_at: string | null;
  last_seen_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface ClientsTable {
  id: string;
  name: string;
  phone: string | null;
  phone_digits: string | null;
  email: string | null;
  time_zone: string | null;
  created_at: string;
}

export interface ContactsTable {
  id: string;
  client_id: string;
  name: string;
  phone: string | null;
  phone_digits: string | null;
  email: string | null;
  created_at: string;
}

export interface SitesTable {
  id: string;
  client_id: string;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  access_requirements: string | null;
  /** JSON weeklyHours, or null for no restriction. */
  access_hours: string | null;
  time_zone: string | null;
  created_at: string;
}

export interface SkillsTable {
  id: string;
  name: string;
  description: string | null;
}

export interface TechniciansTable {
  id: string;
  user_id: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  home_address: string | null;
  home_latitude: number | null;
  home_longitude: number | null;
  last_latitude: number | null;
  last_longitude: number | null;
  last_position_at: string | null;
  active: number;
  created_at: string;
  team: string | null;
  max_visits_per_day: number | null;
  time_zone: string | null;
  shift_pattern: string | null;
}

export interface TechnicianCertificationsTable {
  technician_id: string;
  name: string;
  expires_on: string | null;
}

export interface TechnicianAvailabilityTable {
  id: string;
  technician_id: string;
  kind: string;
  starts_at: string;
  ends_at: string;
  note: string | null;
}

export interface WorkTypesTable {
  id: string;
  name: string;
  category: string | null;
  duration_minutes: number;
  required_skills: string;
}

export interface TechnicianSkillsTable {
  technician_id: string;
  skill_id: string;
  level: number;
  certified_until: string | null;
}

export interface TicketCountersTable {
  year: number;
  last: number;
}

export interface TicketsTable {
  id: string;
  number: string;
  channel: string;
  external_ref: string | null;
  received_at: string;
  logged_at: string;
  logged_by: string;
  client_id: string;
  contact_id: string | null;
  site_id: string | null;
  category: string | null;
  asset: string | null;
  description: string;
  impact: string | null;
  urgency: string | null;
  priority: string;
  status: string;
  sla_due_at: string | null;
  updated_at: string;
  criteria: string | null;
  priority_override_reason: string | null;
  priority_overridden_by: string | null;
  priority_overridden_at: string | null;
  sla_at_risk_at: string | null;
  first_contact_at: string | null;
  first_arrival_at: string | null;
  work_type_id: string | null;
  estimated_minutes: number | null;
  required_skills: string | null;
  version: Generated<number>;
}

export interface VisitsTable {
  id: string;
  ticket_id: string;
  /** The lead technician; the whole crew is in visit_crew. */
  technician_id: string;
  starts_at: string;
  ends_at: string;
  resolve_from: string | null;
  resolve_by: string | null;
  status: string;
  pinned: number;
  contact_confirmed: number;
  contact_name: string | null;
  contact_method: string | null;
  location_confirmed: number;
  access_badge: number;
  access_escort: number;
  access_parking: number;
  access_hours: number;
  access_notes: string | null;
  override_reason: string | null;
  /** JSON list of the rules the override set aside. */
  override_rules: string | null;
  cancel_reason: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface VisitCrewTable {
  visit_id: string;
  technician_id: string;
  role: string; // 'lead' | 'helper'
  starts_at: string;
  ends_at: string;
  /** 1 while the visit holds the technician's time; only these rows take part in the no-overlap rule. */
  active: number;
}

export interface CalendarsTable {
  scope: string;
  name: string;
  definition: string;
  updated_at: string;
  updated_by: string | null;
}

export interface EscalationsTable {
  id: string;
  ticket_id: string;
  level: number;
  kind: string;
  reason: string;
  auto_key: string | null;
  created_at: string;
  created_by: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledgement_note: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  method: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

export interface ChangeEventsTable {
  id: Generated<number>;
  at: string;
  payload: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  clients: ClientsTable;
  contacts: ContactsTable;
  sites: SitesTable;
  skills: SkillsTable;
  technicians: TechniciansTable;
  technician_skills: TechnicianSkillsTable;
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  audit_log: AuditLogTable;
  change_events: ChangeEventsTable;
  calendars: CalendarsTable;
  escalations: EscalationsTable;
  technician_certifications: TechnicianCertificationsTable;
  technician_availability: TechnicianAvailabilityTable;
  work_types: WorkTypesTable;
  visits: VisitsTable;
  visit_crew: VisitCrewTable;
}
