import { defaultPriorityMatrix, defaultSlaPolicy, type BusinessCalendar } from './sla';
import type { CalendarScope, SlaSettings } from './sla-settings.schema';

export type { CalendarScope, SlaSettings } from './sla-settings.schema';

export const defaultSlaSettings: SlaSettings = {
  policy: { ...defaultSlaPolicy },
  matrix: defaultPriorityMatrix,
  atRiskFraction: 0.75,
};

export interface CalendarDto {
  scope: CalendarScope;
  /** Whose calendar, for people: "Northwind Logistics", "Head office (Northwind Logistics)". */
  scopeName: string;
  name: string;
  calendar: BusinessCalendar;
  updatedAt: string;
}
