import type { Priority } from './ticket';

/**
 * at_risk and breached are raised by the SLA watcher (levels 1 and 2); manual by a person;
 * low_feedback (level 1) when the client scores a closed ticket 1 or 2.
 */
export const escalationKinds = ['at_risk', 'breached', 'manual', 'low_feedback'] as const;
export type EscalationKind = (typeof escalationKinds)[number];

export const escalationKindLabels: Record<EscalationKind, string> = {
  at_risk: 'At risk',
  breached: 'Breached',
  manual: 'By hand',
  low_feedback: 'Low feedback score',
};

export const escalationLevels: Record<Exclude<EscalationKind, 'manual'>, number> = {
  at_risk: 1,
  breached: 2,
  low_feedback: 1,
};

export interface EscalationDto {
  id: string;
  ticketId: string;
  ticketNumber: string;
  clientName: string;
  priority: Priority;
  slaDueAt: string | null;
  level: number;
  kind: EscalationKind;
  reason: string;
  createdAt: string;
  /** Display name of who escalated by hand; null for the watcher. */
  createdBy: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgementNote: string | null;
}
