import { ApiFailure } from '../../../shared/errors';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LIST_FILE = 'common-passwords.txt';
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Where the list is: in a packaged app electron-builder copies resources/common-passwords to
 * `<resourcesPath>/common-passwords` (build/electron-builder.yml); from the repository (tests,
 * `npm run serve`) it is `resources/common-passwords` above this file or above dist/electron.
 */
function listFile(): string {
  const candidates: string[] = [];
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(path.join(packaged, 'common-passwords', LIST_FILE));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    candidates.push(path.join(dir, 'resources', 'common-passwords', LIST_FILE));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`The list of common passwords is missing; looked in ${candidates.join(', ')}`);
  return found;
}

let common: ReadonlySet<string> | null = null;

/** The shipped list, read once (about 10,000 entries, 80 kB). */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(listFile(), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
  return common;
}

/**
 * Why a new password is refused, in words for the field, or null when it may be used. Applied
 * whenever a password is set (setup, a new user, a change); passwords set earlier, and the demo
 * users' "demo" (seeded by code), are not checked again.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `At least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return 'One of the most common passwords: choose another';
  // "Password1234!" is "password" with the usual decorations: as easy to guess.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length >= 4 && list.has(core)) return 'A common password with digits or symbols added: choose another';
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'Must not contain the username';
  return null;
}

/** Refuses a new password the policy does not accept, naming the input field it came in. */
export function assertAcceptablePassword(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username);
  if (problem)
    throw new ApiFailure('invalid_input', `The password is not accepted: ${problem}.`, [
      { path: [field], message: problem },
    ]);
}
