import { z } from 'zod';

export const streetMapSettings = z.strictObject({
  /** An MBTiles file on the machine that runs the console, or on a share it has mounted; null: none. */
  file: z.string().trim().min(1, 'Give the full path of the file').max(1000, 'At most 1,000 characters').nullable(),
});
