import { z } from 'zod';
import { weekdayKeys } from './sla';

export const organisationSettings = z.strictObject({
  firstDayOfWeek: z.enum(weekdayKeys, 'A day of the week: mon, tue, wed, thu, fri, sat or sun'),
});
