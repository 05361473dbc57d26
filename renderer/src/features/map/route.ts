import type { TechnicianDto } from '../../../../shared/domain/technician';
import type { VisitDto } from '../../../../shared/domain/visit';

export interface RouteStop {
  latitude: number;
  longitude: number;
  /** The visit at this stop; null for the base the day starts from. */
  visit: VisitDto | null;
}

export interface Route {
  stops: RouteStop[];
  /** The technician's visits that day whose site has no coordinates: listed, not drawn. */
  unmapped: VisitDto[];
}

/** The technician's day in order: their base (when it has coordinates), then each visit's site by start. */
export function routeFor(technician: TechnicianDto, visits: readonly VisitDto[]): Route {
  const theirs = visits
    .filter((v) => v.crew.some((m) => m.technicianId === technician.id))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const stops: RouteStop[] = [];
  const { latitude, longitude } = technician.home;
  if (latitude !== null && longitude !== null) stops.push({ latitude, longitude, visit: null });
  const unmapped: VisitDto[] = [];
  for (const visit of theirs) {
    const site = visit.site;
    if (site && site.latitude !== null && site.longitude !== null)
      stops.push({ latitude: site.latitude, longitude: site.longitude, visit });
    else unmapped.push(visit);
  }
  return { stops, unmapped };
}
