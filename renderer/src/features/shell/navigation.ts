import { access, roleIn } from '../../../../shared/api/access';
import type { Role } from '../../../../shared/domain/roles';
import type { Route } from '../../app/router';

export interface NavView {
  route: Route['name'];
  label: string;
  group: readonly Role[];
}

export interface NavSection {
  name: string;
  views: NavView[];
}

const view = (route: Route['name'], label: string, group: readonly Role[]): NavView => ({ route, label, group });

/**
 * The views by the role whose work they are: the dispatcher's queue, board, map and technicians;
 * the desk's intake and records; the technician's day; the manager's escalations and reviews; the
 * admin's settings. Each view is in exactly one section.
 */
const sections: readonly (NavSection & { owner: readonly Role[] })[] = [
  {
    name: 'Dispatch',
    owner: ['dispatcher'],
    views: [
      view('queue', 'Queue', access.staff),
      view('board', 'Board', access.escalationReaders),
      view('map', 'Map', access.escalationReaders),
      view('technicians', 'Technicians', access.escalationReaders),
      view('messages', 'Messages', access.messageReaders),
    ],
  },
  {
    name: 'Desk',
    owner: ['support_desk'],
    views: [
      view('intake', 'New request', access.intake),
      view('clients', 'Clients', access.directoryEditors),
      view('parts', 'Parts', access.staff),
    ],
  },
  {
    name: 'Field',
    owner: ['technician', 'supervisor'],
    views: [view('my-day', 'My day', access.technicianDay), view('schedule', 'Schedule', access.scheduleReaders)],
  },
  {
    name: 'Management',
    owner: ['service_manager'],
    views: [
      view('escalations', 'Escalations', access.escalationReaders),
      view('reviews', 'Reviews', access.reviewReaders),
      view('reports', 'Reports', access.reportReaders),
    ],
  },
  {
    name: 'Admin',
    owner: ['admin'],
    views: [
      view('sla-admin', 'Settings', access.admin),
      view('users', 'Users', access.admin),
      view('mail-admin', 'E-mail', access.admin),
      view('message-templates', 'Templates', access.admin),
      // "Audit", not "Audit log": with Users added the admin's bar must still fit 1440 px (the page's heading says "Audit log").
      view('audit', 'Audit', access.admin),
      view('backup', 'Backup', access.admin),
    ],
  },
];

/**
 * The sections a role sees, its own work first, each with only the views the role may open (a
 * section with none is left out). Every one of them is a tab in the top bar: one click away.
 */
export function navigationFor(role: Role): NavSection[] {
  const visible = sections
    .map((s) => ({ name: s.name, own: roleIn(s.owner, role), views: s.views.filter((v) => roleIn(v.group, role)) }))
    .filter((s) => s.views.length > 0);
  return [...visible.filter((s) => s.own), ...visible.filter((s) => !s.own)].map(({ name, views }) => ({
    name,
    views,
  }));
}

/** Up to this many views, the top bar has room for the product's name and roomy tabs at 1280 px. */
export const ROOMY_TAB_COUNT = 11;

/** A bar with more views than that (the dispatcher's, the admin's) drops the name and packs its tabs. */
export function isDenseNavigation(sections: readonly NavSection[]): boolean {
  return sections.reduce((n, s) => n + s.views.length, 0) > ROOMY_TAB_COUNT;
}

/** Above this many views (the admin's), the user menu shows only its icon: the views need the width. */
export const CROWDED_TAB_COUNT = 16;

export function isCrowdedNavigation(sections: readonly NavSection[]): boolean {
  return sections.reduce((n, s) => n + s.views.length, 0) > CROWDED_TAB_COUNT;
}

/** Something the command palette offers: go to a view, or do something. */
export interface Command {
  id: string;
  label: string;
  kind: 'Go to' | 'Do';
  /** Other words it is found by. */
  keywords: string;
  action: { kind: 'navigate'; route: Route['name'] } | { kind: 'logout' };
}

/** The palette's list for a role: its views in the top bar's order, then the actions it may take. */
export function commandsFor(role: Role): Command[] {
  const goTo = navigationFor(role).flatMap((s) =>
    s.views.map<Command>((v) => ({
      id: `view:${v.route}`,
      label: v.label,
      kind: 'Go to',
      keywords: s.name,
      action: { kind: 'navigate', route: v.route },
    })),
  );
  const actions: Command[] = [];
  if (roleIn(access.intake, role))
    actions.push({
      id: 'new-ticket',
      label: 'New ticket',
      kind: 'Do',
      keywords: 'request call log intake',
      action: { kind: 'navigate', route: 'intake' },
    });
  actions.push({ id: 'logout', label: 'Log out', kind: 'Do', keywords: 'sign out leave', action: { kind: 'logout' } });
  return [...goTo, ...actions];
}
