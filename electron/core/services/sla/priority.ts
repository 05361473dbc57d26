import {
  defaultPriorityMatrix,
  type Impact,
  type PriorityCriteria,
  type PriorityMatrix,
  type Urgency,
} from '../../../../shared/domain/sla';
import type { Priority } from '../../../../shared/domain/ticket';

// How intake criteria become impact and urgency, and why.
//
// Impact is how much of the business is hurt; urgency is how soon that hurt grows. Keeping the two
// apart (the usual ITIL split) lets an installation re-weight its matrix without touching this code.
//
// Impact
// - high:   a service outage or security risk reaching several or many users. This is the SOP's
//           Critical line, "major system outage or security risk, multiple users impacted".
//           'several' and 'many' are treated alike because the SOP only says "multiple".
// - medium: a "minor" outage or a security risk confined to one user; one user unable to work;
//           or any issue reaching several or many users. Each stops or endangers real work but is
//           not organisation-wide.
// - low:    one user, nothing stopped: an intermittent fault, a query.
//
// Urgency
// - high:   an outage, a security risk or a user unable to work: the damage is happening now.
//           A security risk with a single user is therefore High, like a minor outage, not Critical.
// - low:    a general query and nothing more severe ticked.
// - medium: everything else: an intermittent fault with a workaround, and also a request with
//           nothing ticked at all, so an unclassified fault is not quietly parked as Low.
//
// When several criteria are ticked the most severe one wins (an outage ticked together with
// "general query" is still an outage), so a mis-tick can raise a priority but never lower it.
//
// With defaultPriorityMatrix this reproduces the SOP table:
//   outage/security risk, multiple users → high × high   → Critical
//   one user unable to work              → medium × high → High
//   minor outage (outage, one user)      → medium × high → High
//   intermittent, workaround available   → low|medium × medium → Medium
//   general query                        → low|medium × low    → Low

/** The impact of a request: how much of the client's business it touches. */
export function deriveImpact(criteria: PriorityCriteria): Impact {
  const multipleUsers = criteria.usersImpacted !== 'one';
  const outageOrRisk = criteria.serviceOutage || criteria.securityRisk;
  if (outageOrRisk && multipleUsers) return 'high';
  if (outageOrRisk || criteria.userUnableToWork || multipleUsers) return 'medium';
  return 'low';
}

/** The urgency of a request: how soon its damage grows. */
export function deriveUrgency(criteria: PriorityCriteria): Urgency {
  if (criteria.serviceOutage || criteria.securityRisk || criteria.userUnableToWork) return 'high';
  if (criteria.intermittentWithWorkaround) return 'medium';
  if (criteria.generalQuery) return 'low';
  return 'medium';
}

/** The matrix cell for an impact and urgency. */
export function priorityFor(
  impact: Impact,
  urgency: Urgency,
  matrix: PriorityMatrix = defaultPriorityMatrix,
): Priority {
  return matrix[impact][urgency];
}

/** Impact, urgency and the resulting priority for the intake criteria, under a matrix. */
export function assessPriority(
  criteria: PriorityCriteria,
  matrix: PriorityMatrix = defaultPriorityMatrix,
): { impact: Impact; urgency: Urgency; priority: Priority } {
  const impact = deriveImpact(criteria);
  const urgency = deriveUrgency(criteria);
  return { impact, urgency, priority: priorityFor(impact, urgency, matrix) };
}
