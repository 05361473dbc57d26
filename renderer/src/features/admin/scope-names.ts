import { useCallback, useMemo, useState } from 'react';
import type { CalendarDto, CalendarScope } from '../../../../shared/domain/sla-settings';
import { scopeKey } from './calendar-form';

type Names = Record<string, string>;

function idTail(id: string): string {
  return `…${id.slice(-6)}`;
}

export const scopeKindLabels: Record<CalendarScope['kind'], string> = {
  default: 'Organization default',
  client: 'Client',
  site: 'Site',
};

/**
 * Who a scope is: the name the server gives each stored calendar's client or site, or, for an
 * override being created and not yet saved, the client or site the admin just picked.
 */
export function useScopeNames(calendars: CalendarDto[] | undefined) {
  const [picked, setPicked] = useState<Names>({});
  const stored = useMemo<Names>(
    () => Object.fromEntries((calendars ?? []).map((c) => [scopeKey(c.scope), c.scopeName])),
    [calendars],
  );

  const remember = useCallback((scope: CalendarScope, name: string) => {
    setPicked((current) => ({ ...current, [scopeKey(scope)]: name }));
  }, []);

  const whoFor = useCallback(
    (scope: CalendarScope): string => {
      if (scope.kind === 'default') return 'Everyone without their own calendar';
      const key = scopeKey(scope);
      return stored[key] ?? picked[key] ?? idTail(scope.kind === 'client' ? scope.clientId : scope.siteId);
    },
    [stored, picked],
  );

  /** "Client · Northwind Logistics", "Site · Head office (Northwind Logistics)", "Organization default". */
  const describe = useCallback(
    (scope: CalendarScope): string =>
      scope.kind === 'default' ? scopeKindLabels.default : `${scopeKindLabels[scope.kind]} · ${whoFor(scope)}`,
    [whoFor],
  );

  return { remember, whoFor, describe };
}
