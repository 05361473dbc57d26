import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { OptimizeProgressEvent } from '../../../../shared/api/events';
import type { DispatchPlanDto } from '../../../../shared/domain/dispatch-plan';
import { call, subscribe } from '../../transport/client';
import { failureOf } from './use-board-writes';

export type OptimizerState =
  | { kind: 'idle' }
  | { kind: 'running'; runId: string; progress: OptimizeProgressEvent | null }
  | { kind: 'preview'; plan: DispatchPlanDto }
  | { kind: 'failed'; message: string };

/**
 * The day optimizer from the board: run (with live progress and cancel), preview the proposed
 * plan, then accept it in one transaction or discard it. Nothing is written before accept.
 */
export function useOptimizer() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<OptimizerState>({ kind: 'idle' });
  const runId = state.kind === 'running' ? state.runId : null;

  // Progress events reach every console of this process; only this run's are ours.
  useEffect(() => {
    if (!runId) return;
    return subscribe('dispatch.progress', (event) => {
      if (event.type !== 'dispatch.progress' || event.runId !== runId) return;
      setState((s) => (s.kind === 'running' && s.runId === runId ? { ...s, progress: event } : s));
    });
  }, [runId]);

  const run = useCallback(async (from: string, to: string, timeLimitSeconds: number) => {
    const id = crypto.randomUUID();
    setState({ kind: 'running', runId: id, progress: null });
    try {
      const plan = await call('dispatch.optimize', { runId: id, from, to, timeLimitSeconds });
      setState({ kind: 'preview', plan });
    } catch (error) {
      setState({ kind: 'failed', message: failureOf(error).message });
    }
  }, []);

  const cancel = useCallback(async () => {
    if (runId) await call('dispatch.cancel', { runId }).catch(() => undefined);
  }, [runId]);

  const accept = useCallback(
    async (plan: DispatchPlanDto): Promise<string> => {
      try {
        const result = await call('dispatch.acceptPlan', { planId: plan.id });
        setState({ kind: 'idle' });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ['visits.list'] }),
          queryClient.invalidateQueries({ queryKey: ['tickets.queue'] }),
        ]);
        return `Plan accepted: ${result.created} booked, ${result.moved} moved.`;
      } catch (error) {
        const failure = failureOf(error);
        // A stale or clashing plan cannot be accepted any more; the dispatcher runs it again.
        if (failure.kind === 'stale' || failure.kind === 'conflict') setState({ kind: 'idle' });
        throw new Error(failure.message, { cause: error });
      }
    },
    [queryClient],
  );

  const discard = useCallback(async (plan: DispatchPlanDto) => {
    setState({ kind: 'idle' });
    await call('dispatch.discardPlan', { planId: plan.id }).catch(() => undefined);
  }, []);

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);

  return { state, run, cancel, accept, discard, dismiss };
}
