import type { z } from 'zod';
import type { InputIssue } from '../../shared/errors';

/** A zod error as the issues that cross the transport, each under `prefix` (e.g. ['file']). */
export function zodIssues(error: z.ZodError, prefix: (string | number)[] = []): InputIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    // Name each unknown field by its own path, so a client can point at it.
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: [...path, key], message: 'Unknown field' }));
    return [{ path, message: issue.message }];
  });
}
