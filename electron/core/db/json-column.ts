import { z } from 'zod';

// JSON columns are written by the core from values that passed their schema, so one that no longer
// matches is a bug or a hand edit of the database, never user input: it must not be trusted as is.

/** A stored JSON column that does not hold what its schema describes. */
export class StoredJsonError extends Error {
  constructor(
    /** The table and column, and the row when known: `tickets.criteria of ticket <id>`. */
    readonly where: string,
    detail: string,
  ) {
    super(`${where} does not hold what it should: ${detail}`);
    this.name = 'StoredJsonError';
  }
}

function check<S extends z.ZodType>(schema: S, text: string, where: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the text, which may hold a client's details; it is not logged.
    throw new StoredJsonError(where, 'it is not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredJsonError(where, z.prettifyError(parsed.error));
  return parsed.data;
}

/** Reads a stored JSON column with the schema of its value; throws StoredJsonError when it does not match. */
export function readJson<S extends z.ZodType>(schema: S, text: string, where: string): z.output<S> {
  return check(schema, text, where);
}

/**
 * Reads a stored JSON column that has a safe fallback (settings, calendars): a value that does not
 * match is logged and read as undefined, so the caller's default applies.
 */
export function readJsonOrUndefined<S extends z.ZodType>(
  schema: S,
  text: string,
  where: string,
): z.output<S> | undefined {
  try {
    return check(schema, text, where);
  } catch (error) {
    if (!(error instanceof StoredJsonError)) throw error;
    console.error(`${error.message}; ignored`);
    return undefined;
  }
}

/** A JSON list of free text (work steps, serial numbers, the rules an override set aside). */
export const textList = z.array(z.string());
