/**
 * Graceful shutdown: stop intake, let in-flight answers finish (bounded), close in
 * order, exit 0; refuse new work meanwhile; a second signal exits at once.
 * Also a real process: SIGTERM to an instance mid-answer still delivers the answer.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../src/log.js';
import { installShutdown, ShuttingDownError } from '../src/scale/shutdown.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('installShutdown', () => {
  it('stops intake, drains in-flight work, then closes in order', async () => {
    const order: string[] = [];
    const codes: number[] = [];
    const s = installShutdown({
      log: silentLogger,
      signals: [],
      exit: (c) => codes.push(c),
      stopIntake: [() => void order.push('intake')],
      closers: [
        { name: 'discord', close: () => void order.push('discord') },
        { name: 'store', close: async () => void order.push('store') },
      ],
    });
    let finished = false;
    const answer = s.track(sleep(200).then(() => {
      finished = true;
      order.push('answer');
      return 42;
    }));
    expect(s.inFlight()).toBe(1);
    const done = s.run('test');
    expect(s.stopping).toBe(true);
    await expect(s.track(Promise.resolve(1))).rejects.toBeInstanceOf(ShuttingDownError);
    await done;
    expect(finished).toBe(true);
    expect(await answer).toBe(42);
    expect(order).toEqual(['intake', 'answer', 'discord', 'store']);
    expect(s.run('again')).toBe(done); // idempotent
  });

  it('does not wait forever for a stuck answer or a stuck closer', async () => {
    // Fake timers, no wall clock: shutdown ends exactly when its drain and close bounds pass, and says which it gave up on.
    vi.useFakeTimers();
    try {
      const lines: { level: number; msg: string }[] = [];
      const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l) as { level: number; msg: string }) });
      const s = installShutdown({
        log,
        signals: [],
        drainMs: 100,
        closeMs: 100,
        closers: [{ name: 'stuck', close: () => new Promise(() => {}) }],
      });
      void s.track(new Promise(() => {}));
      let finished = false;
      void s.run().then(() => (finished = true));
      await vi.advanceTimersByTimeAsync(99);
      expect(finished).toBe(false); // still waiting for the stuck answer
      await vi.advanceTimersByTimeAsync(1 + 100); // the drain bound, then the closer's
      expect(finished).toBe(true);
      const warned = lines.filter((l) => l.level === 40).map((l) => l.msg);
      expect(warned).toEqual(['shutdown: 1 answers still running after 100 ms; closing anyway', 'shutdown: stuck did not close within 100 ms']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('exits 0 on SIGTERM after closing, and 1 on a second signal', async () => {
    const codes: number[] = [];
    const s = installShutdown({ log: silentLogger, signals: ['SIGUSR2'], exit: (c) => codes.push(c), closers: [{ name: 'slow', close: () => sleep(100) }] });
    try {
      process.emit('SIGUSR2', 'SIGUSR2');
      process.emit('SIGUSR2', 'SIGUSR2');
      expect(codes).toEqual([1]);
      await s.run();
      await sleep(10);
      expect(codes).toEqual([1, 0]);
    } finally {
      s.dispose();
    }
  });
});

describe('SIGTERM to a running instance', () => {
  it('finishes the answer in flight, then exits 0', async () => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['-e', CHILD], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const until = Date.now() + 30_000;
    while (!lines.includes('WORKING') && Date.now() < until) await sleep(20);
    expect(lines).toContain('WORKING');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines).toEqual(['WORKING', 'ANSWERED', 'CLOSED store']);
  }, 40_000);
});

/** A tiny instance: one slow answer in flight when SIGTERM arrives. */
const CHILD = `
import { installShutdown } from './src/scale/shutdown.ts';
import { silentLogger } from './src/log.ts';
const s = installShutdown({ log: silentLogger, closers: [{ name: 'store', close: () => console.log('CLOSED store') }] });
void s.track(new Promise((r) => setTimeout(r, 500)).then(() => console.log('ANSWERED')));
console.log('WORKING');
setInterval(() => {}, 1000);
`;
