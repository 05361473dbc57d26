import type { OutboxSettings } from '../../../../shared/domain/outbox';

/** The part of the outbox settings a retry needs. */
type RetrySettings = Pick<OutboxSettings, 'firstRetryMinutes' | 'maxRetryMinutes' | 'maxAttempts'>;

const MINUTE = 60_000;

/**
 * When a message that just failed its `attempts`-th attempt (1 for the first) is tried again: the
 * first retry after firstRetryMinutes, each next one twice as long, never more than
 * maxRetryMinutes; null once maxAttempts are used up (the message is then "not delivered").
 */
export function nextAttemptAt(failedAt: Date, attempts: number, settings: RetrySettings): string | null {
  if (attempts >= settings.maxAttempts) return null;
  const doubled = settings.firstRetryMinutes * 2 ** Math.min(attempts - 1, 30);
  const minutes = Math.min(doubled, settings.maxRetryMinutes);
  return new Date(failedAt.getTime() + minutes * MINUTE).toISOString();
}
