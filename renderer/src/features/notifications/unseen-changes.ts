import type { VisitChange } from '../../../../shared/api/events';

/**
 * What happened to one of a technician's visits that they have not looked at yet: the badge on
 * "My day" counts these, and the day shows each until it is marked seen. Kept per login in the
 * workstation's storage, so a reload or a restart does not lose news the technician has not read.
 */
export type UnseenKind = 'new' | 'changed' | 'cancelled' | 'removed';

export interface UnseenChange {
  visitId: string;
  ticketNumber: string;
  kind: UnseenKind;
  /** When the visit starts (its new time after a move); null when it could not be read. */
  startsAt: string | null;
}

export const unseenKindLabels: Record<UnseenKind, string> = {
  new: 'New',
  changed: 'Changed',
  cancelled: 'Cancelled',
  removed: 'Taken off',
};

/**
 * The kind of news a visit event is for a technician, or null for none: a visit they are no longer
 * on (taken off the crew) is "removed", whatever the event calls it.
 */
export function unseenKindOf(change: VisitChange, stillOnCrew: boolean): UnseenKind {
  if (change === 'cancelled') return 'cancelled';
  if (!stillOnCrew) return 'removed';
  return change === 'booked' ? 'new' : 'changed';
}

/**
 * Adds a change to what is unseen. A visit appears once: a new visit changed again before it was
 * seen is still new to the technician; a cancellation or removal overrides whatever came before.
 */
export function withChange(unseen: readonly UnseenChange[], change: UnseenChange): UnseenChange[] {
  const earlier = unseen.find((u) => u.visitId === change.visitId);
  const kind = earlier?.kind === 'new' && change.kind === 'changed' ? 'new' : change.kind;
  return [...unseen.filter((u) => u.visitId !== change.visitId), { ...change, kind }];
}

export function withoutVisits(unseen: readonly UnseenChange[], visitIds: readonly string[]): UnseenChange[] {
  return unseen.filter((u) => !visitIds.includes(u.visitId));
}

const kinds = new Set<string>(Object.keys(unseenKindLabels));

function isUnseenChange(value: unknown): value is UnseenChange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.visitId === 'string' &&
    typeof v.ticketNumber === 'string' &&
    typeof v.kind === 'string' &&
    kinds.has(v.kind) &&
    (v.startsAt === null || typeof v.startsAt === 'string')
  );
}

/** The stored list, tolerating a corrupt or hand-edited entry (it is dropped, never a crash). */
export function parseUnseen(raw: string | null): UnseenChange[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isUnseenChange) : [];
  } catch {
    return [];
  }
}
