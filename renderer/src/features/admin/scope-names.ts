import { useCallback, useState } from 'react';
import type { CalendarScope } from '../../../../shared/domain/sla-settings';
import { scopeKey } from './calendar-form';

// calendars.list names a client or site scope by its id only, and there is no method that looks a
// client up by id. The names the admin picked in this screen are therefore remembered on this
// workstation; a scope picked elsewhere shows the tail of its id until it is picked here once.
const storageKey = 'dispatch.slaAdmin.scopeNames';

type Names = Record<string, string>;

function load(): Names {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Names) : {};
  } catch {
    return {};
  }
}

function idTail(id: string): string {
  return `…${id.slice(-6)}`;
}

export const scopeKindLabels: Record<CalendarScope['kind'], string> = {
  default: 'Organization default',
  client: 'Client',
  site: 'Site',
};

/** Who a scope is, as well as this workstation knows: "Northwind Logistics", or "…4f2a9c". */
export function useScopeNames() {
  const [names, setNames] = useState<Names>(load);

  const remember = useCallback((scope: CalendarScope, name: string) => {
    setNames((current) => {
      const next = { ...current, [scopeKey(scope)]: name };
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // A full or disabled storage only costs the names after a reload.
      }
      return next;
    });
  }, []);

  const whoFor = useCallback(
    (scope: CalendarScope): string => {
      if (scope.kind === 'default') return 'Everyone without their own calendar';
      const known = names[scopeKey(scope)];
      return known ?? idTail(scope.kind === 'client' ? scope.clientId : scope.siteId);
    },
    [names],
  );

  /** "Client · Northwind Logistics", "Site · Head office (Northwind Logistics)", "Organization default". */
  const describe = useCallback(
    (scope: CalendarScope): string =>
      scope.kind === 'default' ? scopeKindLabels.default : `${scopeKindLabels[scope.kind]} · ${whoFor(scope)}`,
    [whoFor],
  );

  return { remember, whoFor, describe };
}
