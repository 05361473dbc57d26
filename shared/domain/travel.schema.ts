import { z } from 'zod';

/** How travel is estimated: offline by default; a road-routing server (OSRM) when switched on. */
export const travelSettings = z.strictObject({
  /** Roads are longer than the great circle: the straight-line distance is multiplied by this. */
  detourFactor: z.number().min(1, 'At least 1').max(3, 'At most 3'),
  averageSpeedKmh: z.number().min(5, 'At least 5 km/h').max(130, 'At most 130 km/h'),
  /** Parking and walking in, added to every trip between two different places. */
  parkingMinutes: z.number().min(0).max(60, 'At most 60 minutes'),
  osrm: z.strictObject({
    enabled: z.boolean(),
    /** e.g. http://osrm.internal:5000; the table service is asked at /table/v1/<profile>/… */
    url: z.url({ protocol: /^https?$/, error: 'An http:// or https:// address' }).max(300),
    profile: z.string().regex(/^[a-z0-9_-]{1,30}$/, 'Letters, digits, - and _ only'),
    timeoutMs: z.int().min(200).max(30_000),
  }),
});
export type TravelSettings = z.output<typeof travelSettings>;
