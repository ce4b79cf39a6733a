/**
 * A digest slot holder that stalls past its lease (a long GC pause, a frozen VM)
 * must not make the slot post twice: another instance takes the slot over after
 * the lease, and when the stalled one wakes up and sends, it sends with the same
 * per-slot nonce, which Discord de-duplicates. (The poster here behaves like
 * Discord with `enforce_nonce`: a repeated nonce returns the existing message.)
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import type { Poster } from '../src/schedule/poster.js';
import { startScheduler, type Scheduler } from '../src/schedule/scheduler.js';
import { createStore, type Store } from '../src/store/index.js';
import { memoryChannel } from './digest-fixtures.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('[scale-stall] REDIS_URL is not set: skipping the stalled-holder test');

const ROOT = path.resolve(import.meta.dirname, '..');
// Longer than a digest build under load: A must still hold its lease when it stalls (a fresh-clone run at load 10+
// built the digest in more than 1.5 s, so B found the lease expired before A ever stalled).
const LEASE_MS = 6000;

describe.skipIf(!REDIS_URL)('a digest holder that stalls past its lease', () => {
  const namespace = `dispatch-stall-${randomUUID().slice(0, 8)}`;
  const cleanup: (() => Promise<void>)[] = [];
  // A stalled holder is released before the schedulers stop: a failed test must not leave A frozen and stop() waiting on it.
  let release = () => {};
  afterAll(async () => {
    release();
    for (const c of cleanup.reverse()) await c();
  });

  async function instance(poster: Poster): Promise<{ scheduler: Scheduler; store: Store }> {
    const config = loadConfig(
      { SEEDS_DIR: 'seeds', LOG_LEVEL: 'silent', REDIS_URL, DIGEST_CHANNEL_ID: '123456789012345678', DIGEST_CRON: '0 9 * * *', DIGEST_TZ: 'UTC' },
      ROOT,
    );
    const store = createStore({ kind: 'redis', location: REDIS_URL, namespace, timeoutMs: 1000 });
    const deps = await buildDeps(config, { log: silentLogger, store, llm: null, persistIndex: false, clock: () => new Date('2026-03-02T00:00:00Z') });
    const scheduler = await startScheduler(deps, poster, { cron: false, leaseMs: LEASE_MS, chartDir: 'tmp/test-scale-stall' });
    cleanup.push(async () => {
      await scheduler.stop();
      await store.close();
    });
    return { scheduler, store };
  }

  it('posts the slot once', async () => {
    const discord = memoryChannel();
    let wake!: () => void;
    const woke = new Promise<void>((r) => (wake = r));
    release = () => wake();
    let stalled!: () => void;
    const isStalled = new Promise<void>((r) => (stalled = r));
    // A: freezes just before sending, for longer than its lease.
    const a = await instance({
      async post(...args) {
        stalled();
        await woke;
        return discord.poster.post(...args);
      },
    });
    const b = await instance(discord.poster);
    const slot = new Date('2026-03-09T09:00:00Z').getTime();

    const aRun = a.scheduler.runDue(new Date(slot + 1000));
    await isStalled;
    expect((await b.scheduler.runDue(new Date(slot + 2000)))[0]?.outcome).toBe('claimed-elsewhere');
    await new Promise((r) => setTimeout(r, LEASE_MS + 300));
    // The lease ran out: B takes over and posts.
    expect((await b.scheduler.runDue(new Date(slot + 60_000)))[0]?.outcome).toBe('posted');
    expect(discord.messages).toHaveLength(1);
    // A wakes up and sends late — with the slot's nonce, so nothing new appears.
    wake();
    await aRun;
    expect(discord.messages).toHaveLength(1);
    expect((await b.scheduler.runDue(new Date(slot + 120_000)))[0]?.outcome).toBe('already-posted');
  }, 60_000);
});
