import { randomUUID } from 'node:crypto';
import { escalationLevels } from '../../../../shared/domain/escalation';
import { openStatuses } from '../../../../shared/domain/ticket';
import type { DatabaseHandle } from '../../db/connect';
import { inTransaction } from '../../db/transaction';
import type { EventHub } from '../../events/event-hub';
import { insertAudit } from '../../repositories/audit.repository';
import { findDueForEscalation, insertAutoEscalation } from '../../repositories/escalation.repository';
import type { Clock } from '../clock';
import { startPeriodicTask } from '../periodic-task';

export interface SlaWatcher {
  /** Raises every escalation that is due now; answers how many were new. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

const reasons = {
  at_risk: (number: string, due: string) =>
    `${number} is at risk: most of its response window has passed (due ${due}).`,
  breached: (number: string, due: string) => `${number} breached its response target (due ${due}).`,
};

/**
 * Watches SLA clocks and escalates to the client service manager: level 1 when a ticket turns at
 * risk, level 2 when it breaches. Its state is the escalations table itself, whose unique key per
 * ticket and kind makes a tick idempotent: a restart, or several workstations watching the same
 * database, neither miss nor duplicate an escalation.
 */
export function startSlaWatcher(
  deps: { database: DatabaseHandle; events: EventHub; clock: Clock },
  options: { intervalMs?: number; autoStart?: boolean } = {},
): SlaWatcher {
  const { database, events, clock } = deps;

  async function runOnce(): Promise<number> {
    const now = clock.now().toISOString();
    let created = 0;
    // Breaches first: a ticket found past both points (the console was closed) gets both levels.
    for (const kind of ['breached', 'at_risk'] as const) {
      const candidates = await findDueForEscalation(database.db, kind, now, openStatuses);
      for (const ticket of candidates) {
        const isNew = await inTransaction(database, async (tx) => {
          const id = randomUUID();
          const level = escalationLevels[kind];
          const inserted = await insertAutoEscalation(tx, {
            id,
            ticketId: ticket.id,
            level,
            kind,
            reason: reasons[kind](ticket.number, ticket.dueAt),
            createdAt: now,
          });
          if (!inserted) return false;
          await insertAudit(tx, {
            at: now,
            userId: null,
            method: 'sla.watcher',
            entity: 'escalation',
            entityId: id,
            before: null,
            after: { ticketId: ticket.id, level, kind },
            ticketId: ticket.id,
          });
          await events.publish(tx, {
            type: 'escalation.created',
            escalationId: id,
            ticketId: ticket.id,
            number: ticket.number,
            level,
            kind,
          });
          return true;
        });
        if (isNew) created += 1;
      }
    }
    if (created > 0) events.afterCommit();
    return created;
  }

  const task = startPeriodicTask('SLA watcher', runOnce, {
    intervalMs: options.intervalMs ?? 15_000,
    autoStart: options.autoStart !== false,
    whileRunning: 'queue',
  });

  return {
    tick: task.runNow,
    async stop() {
      await task.stop();
    },
  };
}
