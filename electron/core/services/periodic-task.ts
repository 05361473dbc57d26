/**
 * Work each workstation repeats on a timer (the SLA watcher, the outbox sender, the delay watcher,
 * the schedule mailer, the backup scheduler, the mail poller), one pass at a time. A caller of
 * `runNow` while a pass is under way waits for it and then runs its own, so whoever asks (a change
 * that wants its messages sent, a test) always gets a pass that started after it asked.
 */
export interface PeriodicTask<T> {
  runNow: () => Promise<T>;
  /** Stops the timer and waits for a pass under way. */
  stop: () => Promise<void>;
}

export interface PeriodicTaskOptions {
  intervalMs: number;
  /** false: no timer; passes run only when asked (tests tick by hand). */
  autoStart?: boolean;
  /**
   * What the timer does while a pass still runs: 'skip' (a long queue or a slow server is not
   * queued behind again) or 'queue' (the next pass follows it).
   */
  whileRunning?: 'skip' | 'queue';
}

export function startPeriodicTask<T>(
  name: string,
  pass: () => Promise<T>,
  options: PeriodicTaskOptions,
): PeriodicTask<T> {
  let running: Promise<T> | null = null;

  function runNow(): Promise<T> {
    const previous: Promise<unknown> = running ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => pass());
    running = next;
    const settle = () => {
      if (running === next) running = null;
    };
    // Both ways, so a failed pass leaves no unhandled rejection behind (its caller gets the error).
    void next.then(settle, settle);
    return next;
  }

  const timer =
    options.autoStart === false
      ? null
      : setInterval(() => {
          if (running && options.whileRunning !== 'queue') return;
          runNow().catch((error: unknown) => console.error(`${name} failed:`, error));
        }, options.intervalMs);
  timer?.unref();

  return {
    runNow,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
