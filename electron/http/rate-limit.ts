/** Whether a request may go ahead now, and if not, in how many seconds it may. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

/**
 * A token bucket per key (a remote address): `burst` requests at once, refilled at `perMinute`.
 * In memory and per process: enough to slow a guesser of the public pages down to nothing useful,
 * without a store. Full buckets are forgotten when the table grows, so it cannot fill memory.
 */
export function tokenBucketLimiter(options: {
  burst: number;
  perMinute: number;
  /** Milliseconds on a monotonic clock. */
  now?: () => number;
  maxKeys?: number;
}): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const maxKeys = options.maxKeys ?? 10_000;
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function level(bucket: { tokens: number; at: number }, at: number): number {
    return Math.min(options.burst, bucket.tokens + (at - bucket.at) * perMs);
  }

  function forgetFull(at: number) {
    for (const [key, bucket] of buckets) if (level(bucket, at) >= options.burst) buckets.delete(key);
  }

  return {
    take(key) {
      const at = now();
      if (!buckets.has(key) && buckets.size >= maxKeys) forgetFull(at);
      const bucket = buckets.get(key) ?? { tokens: options.burst, at };
      const tokens = level(bucket, at);
      if (tokens < 1) {
        buckets.set(key, { tokens, at });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
      }
      buckets.set(key, { tokens: tokens - 1, at });
      return { allowed: true };
    },
  };
}
