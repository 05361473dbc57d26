import {
  closureRequirementLabels,
  remoteChannelLabels,
  type ClosureCheckDto,
  type ClosureRequirement,
  type ClosureRequirementKey,
  type SlaOutcome,
} from '../../../shared/domain/closure';
import { liveVisitStatuses, visitStatusLabels, type VisitStatus } from '../../../shared/domain/visit';
import { utcWords } from '../../../shared/time/instant-words';
import type { ClosureFacts } from '../repositories/closure.repository';

const MINUTE = 60_000;
/**
 * Visits where work was done: the crew arrived (and may still be there) or recorded an outcome.
 * These are the ones the work log must cover; a crew still on site is its own requirement.
 */
const workedStatuses: readonly VisitStatus[] = ['on_site', 'completed', 'incomplete'];

// The core does not know the reader's zone, so details name UTC plainly.
const when = utcWords;

function visitName(v: { startsAt: string; technicianName: string }): string {
  return `the visit of ${when(v.startsAt)} with ${v.technicianName}`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * SOP section 6 as a checklist. Steps: at least one visit has a recorded outcome (completed or
 * incomplete) and every such visit has a work log with actions or at least one step. Parts: every
 * such visit lists a part or states "no parts". Sign-off: only when the work type asks for it; a
 * current (not superseded) sign-off, signed or "not required" with its reason. Resolution: a current
 * sign-off on which the client confirmed it, or the desk's record, made after the latest reopening.
 *
 * A remote resolution (recorded since the latest reopening) stands in for the visit: its steps are
 * the steps taken, its parts are "none", the sign-off is not required, and its confirmation is the
 * client's. Visits that were worked on site before it still need their own work log and parts.
 */
export function checkClosure(facts: ClosureFacts): ClosureCheckDto {
  const { ticket } = facts;
  // Every instant a detail can name; each requirement lists those its detail does, for the reader.
  const nameable = [
    ...facts.visits.map((v) => v.startsAt),
    ...facts.deskConfirmations.map((c) => c.confirmedAt),
    ...(facts.remoteResolution ? [facts.remoteResolution.confirmedAt] : []),
  ];
  const requirement = (key: ClosureRequirementKey, met: boolean, detail: string): ClosureRequirement => ({
    key,
    label: closureRequirementLabels[key],
    met,
    detail,
    times: [...new Set(nameable.filter((iso) => detail.includes(when(iso))))],
  });
  const finished = facts.visits.filter((v) => workedStatuses.includes(v.status));
  const documented = finished.filter(
    (v) => v.workLog && (v.workLog.actions.trim() !== '' || v.workLog.steps.some((s) => s.trim() !== '')),
  );
  const undocumented = finished.filter((v) => !documented.includes(v));
  const withoutParts = finished.filter((v) => v.partsCount === 0 && !v.workLog?.noParts);
  const live = facts.visits.filter((v) => liveVisitStatuses.includes(v.status));
  const after = (at: string) => facts.lastReopenedAt === null || at > facts.lastReopenedAt;
  const signOffs = facts.currentSignOffs;
  const confirmedOnSignOff = signOffs.find((s) => s.resolutionConfirmed && after(s.recordedAt));
  const confirmedByDesk = [...facts.deskConfirmations].reverse().find((c) => after(c.confirmedAt));
  const remote = facts.remoteResolution;
  const remotely = remote ? `resolved remotely (${remoteChannelLabels[remote.channel].toLowerCase()})` : '';

  const requirements: ClosureRequirement[] = [
    requirement(
      'identity',
      ticket.number !== '' && ticket.receivedAt !== '' && ticket.loggedAt !== '',
      // The times themselves are shown beside the checklist, in the reader's zone.
      `${ticket.number}, with the times it was received and logged.`,
    ),
    requirement(
      'description',
      ticket.description.trim() !== '',
      ticket.description.trim() !== '' ? 'Described at intake.' : 'The ticket has no description.',
    ),
    finished.length === 0
      ? remote
        ? requirement(
            'steps',
            remote.steps.length > 0,
            remote.steps.length > 0
              ? `${capital(remotely)}: ${remote.steps.length === 1 ? '1 step' : `${remote.steps.length} steps`} recorded.`
              : 'The remote resolution lists no steps: record it again with the steps taken.',
          )
        : requirement(
            'steps',
            false,
            'No technician has been on site yet: the work log of a visit records the steps taken (or record a remote resolution).',
          )
      : requirement(
          'steps',
          undocumented.length === 0,
          undocumented.length === 0
            ? `Work log recorded for ${finished.length === 1 ? 'the visit' : `all ${finished.length} visits`}.`
            : `${capital(list(undocumented.map(visitName)))} ${undocumented.length === 1 ? 'has' : 'have'} no actions or steps: record them in the visit's work log.`,
        ),
    finished.length === 0
      ? remote
        ? requirement('parts', true, `None: ${remotely}, without a visit.`)
        : requirement('parts', false, 'No technician has been on site yet, so no parts are recorded.')
      : requirement(
          'parts',
          withoutParts.length === 0,
          withoutParts.length === 0
            ? 'Parts used (or "no parts") recorded for every visit.'
            : `${capital(list(withoutParts.map(visitName)))} ${withoutParts.length === 1 ? 'lists' : 'list'} no parts: add the parts used or tick "No parts used" in the work log.`,
        ),
    !ticket.signOffRequired
      ? requirement(
          'sign_off',
          true,
          // A client who signed anyway has signed: "not required" alone read as if nobody had.
          signOffs.some((s) => s.kind === 'signed')
            ? 'Signed by the client (not required for this ticket).'
            : ticket.workTypeName
              ? `Not required for ${ticket.workTypeName}.`
              : 'Not required: the ticket has no work type that asks for it.',
        )
      : signOffs.length === 0 && remote
        ? requirement('sign_off', true, 'Not required (remote resolution).')
        : requirement(
            'sign_off',
            signOffs.length > 0,
            signOffs.length > 0
              ? signOffs.some((s) => s.kind === 'signed')
                ? 'Signed by the client.'
                : 'Recorded as not required, with a reason.'
              : `${ticket.workTypeName ?? 'This work type'} requires the client's sign-off: capture it on the visit (or record why it is not required).`,
          ),
    requirement(
      'resolution',
      confirmedOnSignOff !== undefined || confirmedByDesk !== undefined || remote !== null,
      confirmedOnSignOff
        ? 'Confirmed by the client on the sign-off.'
        : confirmedByDesk
          ? `Confirmed by ${confirmedByDesk.confirmedBy} (${confirmedByDesk.method.replace('_', ' ')}) at ${when(confirmedByDesk.confirmedAt)}.`
          : remote
            ? `Confirmed by ${remote.confirmedBy} at ${when(remote.confirmedAt)}, ${remotely}.`
            : facts.lastReopenedAt
              ? 'Not confirmed since the ticket was reopened: record the client confirmation again.'
              : 'Not confirmed: use "Record client confirmation" once the client says it is resolved, or have them confirm on the sign-off.',
    ),
    requirement(
      'visits_settled',
      live.length === 0,
      live.length === 0
        ? 'No visit is still open.'
        : `${capital(list(live.map((v) => `${visitName(v)} is ${visitStatusLabels[v.status].toLowerCase()}`)))}: record its outcome or cancel it.`,
    ),
  ];
  return { ready: requirements.every((r) => r.met), requirements };
}

/**
 * Whether the closing fixed the problem at the first attempt: on the ticket's first closing (a
 * reopening means the first fix did not hold), resolved remotely with no visit worked on site, or
 * by a single visit that was completed.
 */
export function isFirstTimeFix(facts: ClosureFacts): boolean {
  if (facts.lastReopenedAt !== null) return false;
  const worked = facts.visits.filter((v) => workedStatuses.includes(v.status));
  if (facts.remoteResolution) return worked.length === 0;
  return worked.length === 1 && worked[0]?.status === 'completed';
}

/**
 * SLA adherence at closing. The response target is met by the SLA response moment (the first
 * arrival on site, or the recorded start of remote work): met when it came at or before the due time
 * (minutes = whole minutes to spare, rounded down), missed when after (minutes = lateness, rounded
 * up, so a miss is never "0 minutes"). With no due time: no_target. With no response moment at all
 * (the client confirmed it resolved itself): closed after the due time it is missed by the time from
 * due to closing (the client waited at least that long); closed before it, it is met by the time left.
 */
export function slaAdherence(
  dueAt: string | null,
  firstArrivalAt: string | null,
  closedAt: string,
): { outcome: SlaOutcome; minutes: number | null } {
  if (!dueAt) return { outcome: 'no_target', minutes: null };
  const moment = Date.parse(firstArrivalAt ?? closedAt);
  const due = Date.parse(dueAt);
  if (moment <= due) return { outcome: 'met', minutes: Math.floor((due - moment) / MINUTE) };
  return { outcome: 'missed', minutes: Math.ceil((moment - due) / MINUTE) };
}
