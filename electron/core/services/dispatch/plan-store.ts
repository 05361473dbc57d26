// Proposed plans wait here between dispatch.optimize and the dispatcher's accept or discard, and
// running optimizations wait here to be cancelled. Both live in the process that computed them:
// a plan is a preview, and accepting it re-checks everything against the database anyway.
import type { DispatchPlanDto } from '../../../../shared/domain/dispatch-plan';
import type { DatabaseHandle } from '../../db/connect';

/** What accepting needs beyond the preview: the version of every visit the plan moves. */
export interface StoredPlan {
  plan: DispatchPlanDto;
  database: DatabaseHandle;
  userId: string;
  /** Version of each existing visit as it was when the plan was made. */
  visitVersions: ReadonlyMap<string, number>;
}

/** Plans older than this are dropped: the schedule has surely moved on. */
const PLAN_LIFETIME_MS = 60 * 60 * 1000;
const MAX_PLANS = 50;

const plans = new Map<string, StoredPlan & { storedAt: number }>();
const runs = new Map<string, { cancel: () => void; userId: string }>();

/** Keeps a proposed plan; `now` is the core clock's, so expiry follows the same time as everything else. */
export function storePlan(id: string, plan: StoredPlan, now: Date): void {
  const nowMs = now.getTime();
  for (const [key, stored] of plans) if (expired(stored, nowMs)) plans.delete(key);
  while (plans.size >= MAX_PLANS) {
    const oldest = plans.keys().next();
    if (oldest.done) break;
    plans.delete(oldest.value);
  }
  plans.set(id, { ...plan, storedAt: nowMs });
}

function expired(stored: { storedAt: number }, nowMs: number): boolean {
  return nowMs - stored.storedAt > PLAN_LIFETIME_MS;
}

/** The plan, if this process made it for this database and it has not expired. */
export function findPlan(id: string, database: DatabaseHandle, now: Date): StoredPlan | undefined {
  const stored = plans.get(id);
  if (!stored || stored.database !== database || expired(stored, now.getTime())) return undefined;
  return stored;
}

export function dropPlan(id: string): boolean {
  return plans.delete(id);
}

export function registerRun(runId: string, run: { cancel: () => void; userId: string }): boolean {
  if (runs.has(runId)) return false;
  runs.set(runId, run);
  return true;
}

export function endRun(runId: string): void {
  runs.delete(runId);
}

/** Cancels a running optimization; false when there is none by that id (it may have finished). */
export function cancelRun(runId: string): boolean {
  const run = runs.get(runId);
  if (!run) return false;
  run.cancel();
  return true;
}
