import { z } from 'zod';
import { geocoderServices } from './geocoder';

export const geocoderSettings = z.strictObject({
  enabled: z.boolean(),
  service: z.enum(geocoderServices),
  url: z.url({ protocol: /^https?$/, error: 'An http:// or https:// address' }).max(300),
  timeoutMs: z.int().min(500, 'At least 500 ms').max(30_000, 'At most 30,000 ms'),
});

export const geocodeInput = z.strictObject({
  address: z.string().trim().min(3, 'At least 3 characters').max(300, 'At most 300 characters'),
});
