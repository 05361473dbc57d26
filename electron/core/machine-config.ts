// The machine-wide database setting an administrator writes once per workstation (see docs/INSTALL.md).
// Plain Node and no electron, so it is tested without the desktop shell.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DatabaseConfig } from './db/connect';
import { sqliteFileIn } from './runtime';

export const MACHINE_CONFIG_FILE_NAME = 'dispatch-console.json';
export const DATABASE_URL_ENV = 'DISPATCH_DATABASE_URL';

/** The machine-wide folder (not per user) that holds dispatch-console.json on this platform. */
export function machineConfigDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Dispatch Console');
  if (platform === 'darwin') return '/Library/Application Support/Dispatch Console';
  return '/etc/dispatch-console';
}

function isPostgresUrl(value: string): boolean {
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'postgres:' || protocol === 'postgresql:';
  } catch {
    return false;
  }
}

// Messages never echo the URL: it usually carries a password.
const URL_RULE = 'must be a postgres:// or postgresql:// URL';
const postgresUrl = z
  .string({
    error: (issue) => (issue.input === undefined ? 'is missing: set it to the shared database URL' : URL_RULE),
  })
  .trim()
  .refine(isPostgresUrl, URL_RULE);

// Strict, so a misspelt key ("databse") is an error rather than a silent fall back to a local database.
const machineConfigSchema = z.strictObject(
  { database: postgresUrl },
  { error: 'must be a JSON object like {"database": "postgres://…"}' },
);

export type MachineConfig = z.output<typeof machineConfigSchema>;

export type DatabaseChoice = { ok: true; database: DatabaseConfig; source: string } | { ok: false; message: string };

/** Validates the text of a machine config file; `file` only names it in error messages. */
export function parseMachineConfig(
  text: string,
  file: string,
): { ok: true; config: MachineConfig } | { ok: false; message: string } {
  let json: unknown;
  try {
    // Notepad saves UTF-8 with a byte-order mark, which JSON.parse rejects.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // V8 quotes a piece of the text around the mistake, which may be part of the password.
    const reason = (error as Error).message.replace(/(\.\.\.)?"[\s\S]*"(\.\.\.)?/, 'the text');
    return { ok: false, message: `${file} is not valid JSON (${reason}).` };
  }
  const parsed = machineConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}`
        : `${issue.path.length > 0 ? `"${issue.path.map(String).join('.')}"` : 'the file'} ${issue.message}`,
    );
    return { ok: false, message: `${file} is not a valid Dispatch Console setting: ${problems.join('; ')}.` };
  }
  return { ok: true, config: parsed.data };
}

export interface DatabaseChoiceOptions {
  /** Usually process.env; DISPATCH_DATABASE_URL wins over the file. */
  env: NodeJS.ProcessEnv;
  /** Full path of dispatch-console.json. */
  configFile: string;
  /** The per-user data folder; SQLite lives here when no shared database is set. */
  dataDir: string;
}

/**
 * Chooses the database: DISPATCH_DATABASE_URL, else the machine-wide file, else SQLite in the
 * user's data folder. A file that exists but is broken is an error, never a silent local database,
 * because that would split the team's data without anyone noticing.
 */
export function chooseDatabase(options: DatabaseChoiceOptions): DatabaseChoice {
  const fromEnv = options.env[DATABASE_URL_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const parsed = postgresUrl.safeParse(fromEnv);
    if (!parsed.success)
      return { ok: false, message: `${DATABASE_URL_ENV} must be a postgres:// or postgresql:// URL.` };
    return { ok: true, database: { kind: 'postgres', url: parsed.data }, source: DATABASE_URL_ENV };
  }

  let text: string;
  try {
    text = fs.readFileSync(options.configFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: true, database: { kind: 'sqlite', file: sqliteFileIn(options.dataDir) }, source: 'default' };
    }
    return { ok: false, message: `${options.configFile} could not be read (${code ?? (error as Error).message}).` };
  }
  const parsed = parseMachineConfig(text, options.configFile);
  if (!parsed.ok) return parsed;
  return { ok: true, database: { kind: 'postgres', url: parsed.config.database }, source: options.configFile };
}
