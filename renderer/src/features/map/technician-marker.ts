import type { TechnicianDto } from '../../../../shared/domain/technician';
import type { VisitDto } from '../../../../shared/domain/visit';
import { escapeHtml } from './html';
import type { MarkerSpec } from './marker-set';

export type FieldStatus = 'on_site' | 'en_route' | 'idle';

export const fieldStatusLabels: Record<FieldStatus, string> = {
  on_site: 'On site',
  en_route: 'En route',
  idle: 'Idle',
};

/** Positions older than this are drawn faded: the technician may be far from there by now. */
export const STALE_AFTER_MS = 60 * 60_000;

/** Where to draw a technician: the last reported position, else the home base, else nowhere. */
export interface PlacedTechnician {
  technician: TechnicianDto;
  latitude: number;
  longitude: number;
  /** When the position was reported; null when it is the home base. */
  at: string | null;
}

export function placeTechnician(technician: TechnicianDto): PlacedTechnician | null {
  const last = technician.lastPosition;
  if (last) return { technician, latitude: last.latitude, longitude: last.longitude, at: last.at };
  const { latitude, longitude } = technician.home;
  if (latitude === null || longitude === null) return null;
  return { technician, latitude, longitude, at: null };
}

/** Today's status from the visits they lead or help on: on site beats en route beats idle. */
export function fieldStatus(technicianId: string, visits: readonly VisitDto[]): FieldStatus {
  let status: FieldStatus = 'idle';
  for (const visit of visits) {
    if (!visit.crew.some((m) => m.technicianId === technicianId)) continue;
    if (visit.status === 'on_site') return 'on_site';
    if (visit.status === 'en_route') status = 'en_route';
  }
  return status;
}

/** "just now", "12 min ago", "3 h ago", "2 days ago". */
export function ageInWords(at: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(at)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export interface TechnicianLook {
  status: FieldStatus;
  selected: boolean;
  /** Travel time to the selected ticket when the technician is among those ranked for it. */
  rank: { position: number; travelMinutes: number } | null;
}

/** The marker's accessible name, also what a screen reader hears on focus. */
export function technicianLabel(placed: PlacedTechnician, look: TechnicianLook, now: number): string {
  const where = placed.at ? `position ${ageInWords(placed.at, now)}` : 'no position reported, shown at home base';
  const rank = look.rank ? `, ranked ${look.rank.position}, ${look.rank.travelMinutes} min away` : '';
  return `Technician ${placed.technician.name}: ${fieldStatusLabels[look.status]}, ${where}${rank}`;
}

export function technicianMarker(placed: PlacedTechnician, look: TechnicianLook, now: number): MarkerSpec {
  const stale = placed.at === null || now - Date.parse(placed.at) > STALE_AFTER_MS;
  const age = placed.at ? ageInWords(placed.at, now) : 'home base';
  const classes = [
    'tech-marker',
    `tech-${look.status.replace('_', '-')}`,
    stale ? 'tech-stale' : '',
    look.selected ? 'is-selected' : '',
    look.rank ? 'is-ranked' : '',
  ];
  const badge = look.rank ? `<span class="tech-travel">${look.rank.travelMinutes} min</span>` : '';
  return {
    id: placed.technician.id,
    latitude: placed.latitude,
    longitude: placed.longitude,
    className: classes.filter(Boolean).join(' '),
    size: [34, 34],
    highlighted: look.selected || look.rank !== null,
    label: technicianLabel(placed, look, now),
    html:
      `<span class="tech-dot">${escapeHtml(initials(placed.technician.name))}</span>` +
      `<span class="tech-age">${escapeHtml(age)}</span>${badge}`,
  };
}
