import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { VisitDto } from '../../../../shared/domain/visit';
import { ApiCallError, call } from '../../transport/client';

/** What the dispatcher wants booked or changed; the drag handlers and the dialog both make one. */
export interface BookingDraft {
  ticketId: string;
  ticketNumber: string;
  /** Absent to book a new visit. */
  visit: VisitDto | null;
  technicianId: string;
  /** The crew's helpers (kept as they are unless a drag moved one). */
  helperIds: string[];
  startsAt: string;
  durationMinutes: number;
  pinned: boolean;
  /** The rules the server said this breaks; the dialog then asks for an override reason. */
  overrideRules: string[];
}

export type WriteFailure =
  { kind: 'conflict' | 'stale' | 'other'; message: string } | { kind: 'override'; message: string; rules: string[] };

export function failureOf(error: unknown): WriteFailure {
  if (!(error instanceof ApiCallError)) return { kind: 'other', message: String(error) };
  const { code, message, issues } = error.error;
  if (code === 'conflict') return { kind: 'conflict', message };
  if (code === 'stale')
    return { kind: 'stale', message: 'Someone else changed this visit; the board now shows the latest.' };
  const rules = (issues ?? []).filter((i) => i.path[0] === 'override').map((i) => i.message);
  if (code === 'invalid_input' && rules.length > 0) return { kind: 'override', message, rules };
  return { kind: 'other', message };
}

/**
 * Books or changes a visit and waits until the board has refetched, so a dragged event is never
 * replaced by an older copy. Answers the failure instead of throwing: every caller shows it.
 */
export function useBoardWrites() {
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['visits.list'] }),
        queryClient.invalidateQueries({ queryKey: ['tickets.queue'] }),
      ]),
    [queryClient],
  );

  const save = useCallback(
    async (draft: BookingDraft, overrideReason: string | null = null): Promise<WriteFailure | null> => {
      const override = overrideReason ? { reason: overrideReason } : null;
      try {
        if (draft.visit) {
          const v = draft.visit;
          const helpersChanged = draft.helperIds.join() !== v.helperIds.join();
          await call('visits.update', {
            id: v.id,
            expectedVersion: v.version,
            ...(draft.technicianId !== v.technicianId ? { technicianId: draft.technicianId } : {}),
            ...(helpersChanged ? { helperIds: draft.helperIds } : {}),
            startsAt: draft.startsAt,
            durationMinutes: draft.durationMinutes,
            pinned: draft.pinned,
            override,
          });
        } else {
          await call('visits.create', {
            ticketId: draft.ticketId,
            technicianId: draft.technicianId,
            helperIds: draft.helperIds,
            startsAt: draft.startsAt,
            durationMinutes: draft.durationMinutes,
            pinned: draft.pinned,
            resolveFrom: null,
            resolveBy: null,
            override,
          });
        }
        await refresh();
        return null;
      } catch (error) {
        const failure = failureOf(error);
        // A stale or clashing board is out of date: fetch what is there now.
        if (failure.kind === 'stale' || failure.kind === 'conflict') await refresh();
        return failure;
      }
    },
    [refresh],
  );

  return { save, refresh };
}

/** The expected minutes of a ticket's job, or an hour when nobody said. */
export async function ticketMinutes(ticketId: string): Promise<number> {
  const ticket = await call('tickets.get', { id: ticketId });
  return ticket.needs.estimatedMinutes ?? 60;
}
