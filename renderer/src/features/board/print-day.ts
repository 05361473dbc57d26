import type { Route } from '../../app/router';
import { allTeams } from '../../components/team-filter';
import { noTeam } from './board-data';

/** What "Print day" prints: the schedule route for the board's day and scope, and its words. */
export interface PrintDay {
  route: Route;
  /** Whose day, as the button's tooltip says it: "Zoë Łukasiewicz", "Team North", "everyone". */
  whose: string;
}

/**
 * The board's day as a printed schedule: the selected technician when their row is on screen
 * (a dispatcher who clicked a name means that person), else the team filtered to, else everyone.
 * "No team" is no team the schedule can ask for, so it prints everyone.
 */
export function printDayOf(
  day: string,
  team: string,
  selectedTechnicianId: string | null,
  shown: readonly { id: string; name: string }[],
): PrintDay {
  const technician = shown.find((t) => t.id === selectedTechnicianId);
  if (technician)
    return { route: { name: 'schedule', params: { date: day, technician: technician.id } }, whose: technician.name };
  if (team !== allTeams && team !== noTeam)
    return { route: { name: 'schedule', params: { date: day, team } }, whose: `Team ${team}` };
  return { route: { name: 'schedule', params: { date: day } }, whose: 'everyone' };
}
