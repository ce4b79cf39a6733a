/**
 * Graceful shutdown on SIGTERM/SIGINT: stop taking new work, let in-flight answers
 * finish (bounded), then close things in order (scheduler releases its claims,
 * the Discord client disconnects, the store closes) and exit. A second signal, or
 * a drain that overruns, exits at once: an orchestrator's SIGKILL follows anyway.
 *
 *   const shutdown = installShutdown({ log, stopIntake: [() => scheduler.stop()],
 *     closers: [{ name: 'discord', close: () => client.destroy() }, { name: 'store', close: () => store.close() }] });
 *   // in the router: await shutdown.track(handle(interaction))
 */
import type { Logger } from '../log.js';

/** Something to close at shutdown; errors are logged, never block the others. */
export interface Closer {
  name: string;
  close: () => unknown | Promise<unknown>;
}

export interface ShutdownOptions {
  log: Logger;
  /** Run first: stop accepting work (e.g. stop the scheduler, stop the HTTP listener). */
  stopIntake?: (Closer | (() => unknown | Promise<unknown>))[];
  /** Run after in-flight work drained, in order. */
  closers?: Closer[];
  /** Longest wait for in-flight work (default 10 s; Kubernetes' default grace period is 30 s). */
  drainMs?: number;
  /** Longest wait for each closer (default 3 s). */
  closeMs?: number;
  /** Signals to handle (default SIGTERM and SIGINT); [] to install none (tests). */
  signals?: NodeJS.Signals[];
  /** How to end the process (tests pass a spy). */
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** Run `work` as in-flight: shutdown waits for it. Rejects new work once stopping. */
  track<T>(work: Promise<T> | (() => Promise<T>)): Promise<T>;
  readonly stopping: boolean;
  /** Number of in-flight tasks. */
  inFlight(): number;
  /** Shut down now (what a signal does). Idempotent: later calls return the same promise. */
  run(reason?: string): Promise<void>;
  /** Remove the signal handlers. */
  dispose(): void;
}

/** Raised by `track` once shutdown began; front doors answer "restarting, try again". */
export class ShuttingDownError extends Error {
  override name = 'ShuttingDownError';
}

function bounded(p: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.then(() => 'done' as const, () => 'done' as const),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
      timer.unref?.();
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Install signal handlers and return the shutdown controller. */
export function installShutdown(opts: ShutdownOptions): Shutdown {
  const { log } = opts;
  const drainMs = opts.drainMs ?? 10_000;
  const closeMs = opts.closeMs ?? 3_000;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const signals = opts.signals ?? (['SIGTERM', 'SIGINT'] as NodeJS.Signals[]);
  const inflight = new Set<Promise<unknown>>();
  let stopping = false;
  let done: Promise<void> | undefined;

  const closeOne = async (c: Closer, phase: string) => {
    const r = await bounded(Promise.resolve().then(c.close), closeMs).catch(() => 'done' as const);
    if (r === 'timeout') log.warn({ closer: c.name, phase }, `shutdown: ${c.name} did not close within ${closeMs} ms`);
  };

  const run = (reason = 'shutdown'): Promise<void> => {
    if (done) return done;
    stopping = true;
    done = (async () => {
      const t0 = Date.now();
      log.info({ reason, inFlight: inflight.size }, 'shutting down: no new work, finishing in-flight answers');
      for (const [i, s] of (opts.stopIntake ?? []).entries()) {
        await closeOne(typeof s === 'function' ? { name: `intake#${i}`, close: s } : s, 'intake');
      }
      if (inflight.size) {
        const r = await bounded(Promise.allSettled([...inflight]), drainMs);
        if (r === 'timeout') log.warn({ left: inflight.size }, `shutdown: ${inflight.size} answers still running after ${drainMs} ms; closing anyway`);
      }
      for (const c of opts.closers ?? []) await closeOne(c, 'close');
      log.info({ ms: Date.now() - t0 }, 'shut down cleanly');
    })().catch((err) => log.error({ err: String(err) }, 'shutdown failed'));
    return done;
  };

  const onSignal = (sig: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal: sig }, 'second signal: exiting now');
      exit(1);
      return;
    }
    void run(sig).then(() => exit(0));
  };
  for (const s of signals) process.on(s, onSignal);

  return {
    track<T>(work: Promise<T> | (() => Promise<T>)): Promise<T> {
      if (stopping) return Promise.reject(new ShuttingDownError('shutting down'));
      const p = typeof work === 'function' ? work() : work;
      inflight.add(p);
      const forget = () => void inflight.delete(p);
      p.then(forget, forget);
      return p;
    },
    get stopping() {
      return stopping;
    },
    inFlight: () => inflight.size,
    run,
    dispose() {
      for (const s of signals) process.off(s, onSignal);
    },
  };
}
