import { api, isMethodName, type MethodName } from '../../shared/api/contract';
import type { DispatchEvent } from '../../shared/api/events';
import type { Role } from '../../shared/domain/roles';
import type { UserDto } from '../../shared/domain/directory';
import { ApiFailure, fail, ok, type InputIssue, type Result } from '../../shared/errors';
import type { CoreDeps, HandlerContext } from './context';
import { isUniqueViolation } from './db/errors';
import { inTransaction } from './db/transaction';
import { handlers } from './handlers/index';
import { zodIssues } from './zod-issues';
import { insertAudit } from './repositories/audit.repository';
import {
  deleteCredential,
  findCredentialUser,
  insertCredential,
  touchCredential,
  type CredentialKind,
} from './repositories/session.repository';
import { findUserById, recordSignIn } from './repositories/user.repository';
import { bodyLimitFor, DEFAULT_BODY_BYTES, type BodyLimit } from './services/attachments/upload-limits';
import { hashToken, newToken, SESSION_IDLE_MS } from './services/credentials';
import { createFeedbackPage, FEEDBACK_PAGE_METHOD, type FeedbackPage } from './services/feedback/feedback-page.service';
import { streetTileAnswer, type TileAnswer } from './services/street-map/street-map.service';

/** How the transport identified the caller: a session (cookie or window) or an integration token. */
export interface Credentials {
  sessionToken?: string | undefined;
  apiToken?: string | undefined;
  /** The caller's network address, for counting failed sign-ins per address (browser mode). */
  address?: string | undefined;
}

export interface InvokeOutcome {
  result: Result<unknown>;
  /** A session the transport must hand out (login, setup), or 'ended' after logout. */
  session?: { token: string; expiresAt: string } | 'ended';
}

export interface Core {
  invoke(method: string, input: unknown, credentials: Credentials): Promise<InvokeOutcome>;
  /** Resolves credentials to a user, for transports that gate their event streams on login. */
  authenticate(credentials: Credentials): Promise<UserDto | null>;
  subscribe(listener: (event: DispatchEvent) => void): () => void;
  /**
   * The largest request body a transport should read for a method and caller: uploads follow a
   * setting, but only for a caller who may call the method; anyone else gets the default limit,
   * and a failure saying who they are not (so a large body is refused before it is read).
   */
  bodyLimit(method: string, credentials: Credentials): Promise<BodyLimit>;
  /**
   * Browser mode: the address this server answers at, the default start of feedback links. The
   * first server to announce itself keeps it.
   */
  announceServedAt(url: string): void;
  /** The public feedback page (no login): its token is the only key. */
  feedbackPage: FeedbackPage;
  /**
   * A tile of the organisation's street file for GET /tiles/{z}/{x}/{y}?v=…; the transport checks
   * who asks (browser mode: a logged-in user) before it calls this.
   */
  streetTile(pathname: string, version: string | null): Promise<TileAnswer>;
}

interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.unshift(at.key);
  return path;
}

/**
 * PostgreSQL cannot store U+0000 in text (SQLite would), and no field has a use for it, so any
 * string or key holding one is refused before the schema runs, on both databases alike. The walk
 * keeps its own stack: a JSON body may nest far deeper than the call stack.
 */
function nulCharacterIssues(input: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  const pending: Visit[] = [{ value: input, key: null, parent: null }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) issues.push({ path: pathOf(visit), message: 'No NUL characters' });
    } else if (Array.isArray(value)) {
      value.forEach((item, key) => pending.push({ value: item, key, parent: visit }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const child = { value: item, key, parent: visit };
        if (key.includes('\u0000')) issues.push({ path: pathOf(child), message: 'No NUL characters' });
        else pending.push(child);
      }
    }
  }
  return issues;
}

/** How stale a credential's last-seen time may get before a call writes it again. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** What a session signed in with a temporary password may call: see who it is, change it, leave. */
const temporaryPasswordMethods: ReadonlySet<MethodName> = new Set([
  'auth.status',
  'auth.changePassword',
  'auth.logout',
]);

function allowed(access: (typeof api)[MethodName]['access'], role: Role): boolean {
  return access === 'authenticated' || access === 'public' || access.includes(role);
}

export function createCore(deps: CoreDeps): Core {
  const { database, clock, events } = deps;
  let servedAt: string | null = null;

  /** One transaction with its audit rows (by `userId`, null for the public) and its events. */
  function writerFor(method: string, userId: string | null): HandlerContext['write'] {
    return async (work) => {
      const result = await inTransaction(database, (tx) =>
        work({
          tx,
          audit: (entry) =>
            insertAudit(tx, {
              at: clock.now().toISOString(),
              userId,
              method,
              entity: entry.entity,
              entityId: entry.entityId,
              before: entry.before,
              after: entry.after,
              ticketId: entry.ticketId,
            }),
          publish: (event) => events.publish(tx, event),
        }),
      );
      events.afterCommit();
      return result;
    };
  }

  async function resolve(
    credentials: Credentials,
  ): Promise<{ user: UserDto; tokenHash: string; kind: CredentialKind } | null> {
    const token = credentials.apiToken ?? credentials.sessionToken;
    const kind: CredentialKind = credentials.apiToken ? 'api_token' : 'session';
    if (!token || token.length > 200) return null;
    const tokenHash = hashToken(token);
    const now = clock.now();
    const found = await findCredentialUser(database.db, tokenHash, kind, now.toISOString());
    if (!found) return null;
    const user = await findUserById(database.db, found.userId);
    if (!user) return null;
    if (kind === 'api_token') {
      // "Last used" for the admin's token list: the first use, then at most every few minutes.
      // A token never used still has its creation time there (the column cannot be empty).
      const neverUsed = found.lastSeenAt === found.createdAt;
      if (neverUsed || now.getTime() - new Date(found.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
        await touchCredential(database.db, tokenHash, now.toISOString(), null);
      }
    } else {
      // Sliding expiry, written at most every few minutes rather than on every call.
      const renewed = new Date(now.getTime() + SESSION_IDLE_MS);
      if (!found.expiresAt || renewed.getTime() - new Date(found.expiresAt).getTime() > TOUCH_EVERY_MS) {
        await touchCredential(database.db, tokenHash, now.toISOString(), renewed.toISOString());
      }
    }
    return { user, tokenHash, kind };
  }

  async function invoke(method: string, rawInput: unknown, credentials: Credentials): Promise<InvokeOutcome> {
    if (!isMethodName(method)) return { result: fail('unknown_method', `There is no method ${method}.`) };
    const spec = api[method];
    const outcome: InvokeOutcome = { result: fail('internal', 'not run') };
    try {
      const caller = await resolve(credentials);
      if (spec.access !== 'public') {
        if (!caller) {
          outcome.result = fail('unauthenticated', 'Log in first.');
          return outcome;
        }
        if (!allowed(spec.access, caller.user.role)) {
          outcome.result = fail('forbidden', `The role ${caller.user.role} may not call ${method}.`);
          return outcome;
        }
      }
      // After an admin's reset the temporary password opens nothing but the way to a new one.
      if (caller?.kind === 'session' && caller.user.mustChangePassword && !temporaryPasswordMethods.has(method)) {
        outcome.result = fail('forbidden', 'Choose a new password first: the one you signed in with was temporary.');
        return outcome;
      }
      const nulIssues = nulCharacterIssues(rawInput);
      if (nulIssues.length > 0) {
        outcome.result = fail('invalid_input', 'The input is not valid.', nulIssues);
        return outcome;
      }
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        outcome.result = fail('invalid_input', 'The input is not valid.', zodIssues(parsed.error));
        return outcome;
      }

      const ctx: HandlerContext = {
        ...deps,
        method,
        caller: caller?.user ?? null,
        credential: caller ? { kind: caller.kind, tokenHash: caller.tokenHash } : null,
        address: credentials.address,
        now: () => clock.now().toISOString(),
        servedAt: () => servedAt,
        write: writerFor(method, caller?.user.id ?? null),
        async startSession(tx, userId) {
          const { token, hash } = newToken('ds');
          const now = clock.now();
          const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
          await insertCredential(tx, {
            tokenHash: hash,
            userId,
            kind: 'session',
            name: null,
            createdAt: now.toISOString(),
            expiresAt,
          });
          await recordSignIn(tx, userId, now.toISOString());
          // Sessions are audited by a short prefix of their hash: enough to follow, useless to replay.
          await insertAudit(tx, {
            at: now.toISOString(),
            userId,
            method,
            entity: 'session',
            entityId: hash.slice(0, 12),
            before: null,
            after: { userId, expiresAt },
          });
          outcome.session = { token, expiresAt };
        },
        async endSession() {
          if (caller?.kind === 'session') {
            const { user, tokenHash } = caller;
            await inTransaction(database, async (tx) => {
              await deleteCredential(tx, tokenHash);
              await insertAudit(tx, {
                at: clock.now().toISOString(),
                userId: user.id,
                method,
                entity: 'session',
                entityId: tokenHash.slice(0, 12),
                before: { userId: user.id },
                after: null,
              });
            });
          }
          outcome.session = 'ended';
        },
      };
      // The handler table is keyed by the same names; TypeScript cannot correlate the two unions.
      const handler = handlers[method] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      outcome.result = ok(await handler(parsed.data, ctx));
      return outcome;
    } catch (error) {
      delete outcome.session;
      if (error instanceof ApiFailure) {
        outcome.result = fail(error.code, error.message, error.issues);
      } else if (isUniqueViolation(error)) {
        outcome.result = fail('conflict', 'Someone else saved the same thing at the same moment; try again.');
      } else {
        console.error(`${method} failed:`, error);
        outcome.result = fail('internal', 'Something went wrong; the change was not saved.');
      }
      return outcome;
    }
  }

  async function bodyLimit(method: string, credentials: Credentials): Promise<BodyLimit> {
    const limit = await bodyLimitFor(database.db, method);
    if (limit.bytes <= DEFAULT_BODY_BYTES || !isMethodName(method)) return limit;
    const access = api[method].access;
    if (access === 'public') return limit;
    const caller = await resolve(credentials);
    if (!caller) return { bytes: DEFAULT_BODY_BYTES, failure: { code: 'unauthenticated', message: 'Log in first.' } };
    if (!allowed(access, caller.user.role)) {
      const message = `The role ${caller.user.role} may not call ${method}.`;
      return { bytes: DEFAULT_BODY_BYTES, failure: { code: 'forbidden', message } };
    }
    return limit;
  }

  return {
    invoke,
    authenticate: async (credentials) => (await resolve(credentials))?.user ?? null,
    subscribe: (listener) => events.subscribe(listener),
    bodyLimit,
    announceServedAt(url) {
      servedAt ??= url.replace(/\/+$/, '');
    },
    streetTile: (pathname, version) => streetTileAnswer(database.db, pathname, version),
    feedbackPage: createFeedbackPage({
      database,
      now: () => clock.now().toISOString(),
      write: writerFor(FEEDBACK_PAGE_METHOD, null),
    }),
  };
}
