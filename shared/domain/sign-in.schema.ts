import { z } from 'zod';

export const signInSettings = z
  .strictObject({
    delayAfterFailures: z.int('Whole failures').min(1, 'At least 1').max(50, 'At most 50'),
    lockAfterFailures: z.int('Whole failures').min(2, 'At least 2').max(100, 'At most 100'),
    lockMinutes: z.int('Whole minutes').min(1, 'At least 1 minute').max(1440, 'At most a day (1440 minutes)'),
  })
  .refine((s) => s.lockAfterFailures > s.delayAfterFailures, {
    path: ['lockAfterFailures'],
    error: 'More failures than the delay starts at',
  });

export const signInUnlockInput = z.strictObject({
  kind: z.enum(['user', 'address']),
  name: z.string().trim().min(1, 'Required').max(100, 'At most 100 characters'),
});
