import { describe, expect, it } from 'vitest';
import { access, roleIn } from '../../shared/api/access';
import { roles, type Role } from '../../shared/domain/roles';
import { routeNames } from '../../renderer/src/app/router';
import { commandsFor, isDenseNavigation, navigationFor } from '../../renderer/src/features/shell/navigation';

const labels = (role: Role) => navigationFor(role).map((s) => [s.name, s.views.map((v) => v.label)]);

describe('the top bar, by role', () => {
  it.each([
    ['technician', ['Field', ['My day', 'Schedule']]],
    ['dispatcher', ['Dispatch', ['Queue', 'Board', 'Map', 'Technicians', 'Messages']]],
    ['support_desk', ['Desk', ['New request', 'Clients', 'Parts']]],
    ['service_manager', ['Management', ['Escalations', 'Reviews', 'Reports']]],
    ['supervisor', ['Field', ['My day', 'Schedule']]],
    ['admin', ['Admin', ['Settings', 'Users', 'E-mail', 'Templates', 'Audit', 'Backup']]],
  ] as const)("puts a %s's own work first: %j", (role, first) => {
    expect(labels(role)[0]).toEqual(first);
  });

  it.each(roles)('gives a %s every view it may open, each once, and none it may not', (role) => {
    const shown = navigationFor(role).flatMap((s) => s.views.map((v) => v.route));
    expect(new Set(shown).size).toBe(shown.length);
    const allowed = navigationFor('admin')
      .flatMap((s) => s.views)
      .filter((v) => roleIn(v.group, role))
      .map((v) => v.route);
    expect(shown.sort()).toEqual(allowed.sort());
  });

  it('has a place for every route of the console (the admin sees them all)', () => {
    const shown = navigationFor('admin').flatMap((s) => s.views.map((v) => v.route));
    expect(shown.sort()).toEqual([...routeNames].sort());
  });

  it("gives a technician the day, the queue and the parts, but not the dispatcher's board", () => {
    expect(labels('technician')).toEqual([
      ['Field', ['My day', 'Schedule']],
      ['Dispatch', ['Queue']],
      ['Desk', ['Parts']],
    ]);
  });

  it('packs the bar only for the roles that see more views than fit roomily: the dispatcher and the admin', () => {
    expect(roles.filter((role) => isDenseNavigation(navigationFor(role)))).toEqual(['dispatcher', 'admin']);
  });

  it('gives the printed schedule to supervisors, dispatchers, managers, admins and technicians (their own day)', () => {
    const hasSchedule = (role: Role) => navigationFor(role).some((s) => s.views.some((v) => v.route === 'schedule'));
    expect(roles.filter(hasSchedule).sort()).toEqual([
      'admin',
      'dispatcher',
      'service_manager',
      'supervisor',
      'technician',
    ]);
  });

  it('gives Reports to those who watch adherence and plan the work, not the desk or technicians', () => {
    const hasReports = (role: Role) => navigationFor(role).some((s) => s.views.some((v) => v.route === 'reports'));
    expect(roles.filter(hasReports).sort()).toEqual(['admin', 'dispatcher', 'service_manager', 'supervisor']);
  });

  it('gives those who talk to clients the Messages view, and technicians and supervisors not', () => {
    const hasMessages = (role: Role) => navigationFor(role).some((s) => s.views.some((v) => v.route === 'messages'));
    expect(roles.filter(hasMessages).sort()).toEqual(['admin', 'dispatcher', 'service_manager', 'support_desk']);
  });
});

describe('the command palette, by role', () => {
  it('lists the views in the top bar order, then New ticket and Log out', () => {
    const commands = commandsFor('dispatcher');
    const views = navigationFor('dispatcher').flatMap((s) => s.views.map((v) => v.label));
    expect(commands.filter((c) => c.kind === 'Go to').map((c) => c.label)).toEqual(views);
    expect(commands.filter((c) => c.kind === 'Do').map((c) => c.label)).toEqual(['New ticket', 'Log out']);
  });

  it.each(roles)('offers a %s New ticket only when it may log requests', (role) => {
    const offered = commandsFor(role).some((c) => c.id === 'new-ticket');
    expect(offered).toBe(roleIn(access.intake, role));
  });
});
