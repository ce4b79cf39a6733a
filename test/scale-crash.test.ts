/**
 * `kill -9` of an instance mid-digest: another instance sharing Redis takes the
 * slot over once the dead holder's lease runs out, and the digest is in the
 * channel exactly once — whether the dead one had sent nothing yet, or had sent
 * the messages but not recorded them (the re-send reuses the slot's nonce, which
 * Discord — here the nonce-enforcing fake — de-duplicates).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { startDiscord, type DiscordBot } from '../src/discord/client.js';
import { silentLogger } from '../src/log.js';
import { createDiscordPoster } from '../src/schedule/discord-poster.js';
import { startScheduler, type Scheduler, type SlotResult } from '../src/schedule/scheduler.js';
import { getState } from '../src/schedule/subscriptions.js';
import { createStore, type Store } from '../src/store/index.js';
import { startFakeDiscord, type FakeDiscord } from './e2e/fake-discord.js';
import { enforceNonces, type NonceLedger } from './helpers/nonce-dedup.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('[scale-crash] REDIS_URL is not set: skipping the kill -9 tests');

const ROOT = path.resolve(import.meta.dirname, '..');
// The instance runs in the spawned process itself (node with tsx's loader), not under the tsx CLI: SIGKILL of the CLI
// would leave its node child — the instance — running, uncrashed, after the test (found: instances left from CI runs).
const NODE_ARGS = ['--import', 'tsx', 'test/helpers/scale-instance.ts'];
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Short lease so the survivor can take over within the test; production uses minutes. */
const LEASE_MS = 10_000;

describe.skipIf(!REDIS_URL)('kill -9 of an instance mid-digest', () => {
  let discord: FakeDiscord;
  let ledger: NonceLedger;
  let chartDir: string;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    discord = await startFakeDiscord();
    ledger = enforceNonces(discord);
    chartDir = await mkdtemp(path.join(os.tmpdir(), 'dispatch-crash-charts-'));
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await discord?.close();
    if (chartDir) await rm(chartDir, { recursive: true, force: true });
  });

  /** Start the survivor: an in-process instance on the same Redis namespace. */
  async function survivor(namespace: string): Promise<{ store: Store; bot: DiscordBot; scheduler: Scheduler; close(): Promise<void> }> {
    const config = loadConfig(
      {
        SEEDS_DIR: 'seeds',
        LOG_LEVEL: 'silent',
        REDIS_URL,
        DISCORD_TOKEN: 'fake-token',
        DISCORD_API_URL: discord.apiUrl,
        DIGEST_CHANNEL_ID: discord.channelId,
        DIGEST_CRON: '0 9 * * *',
        DIGEST_TZ: 'UTC',
      },
      ROOT,
    );
    const store = createStore({ kind: 'redis', location: REDIS_URL, namespace, timeoutMs: 1000 });
    const deps = await buildDeps(config, { log: silentLogger, store, llm: null, persistIndex: false, clock: () => new Date('2026-03-02T00:00:00Z') });
    const bot = await startDiscord(deps, { cooldownSeconds: 0 });
    const scheduler = await startScheduler(deps, createDiscordPoster(bot.client), { cron: false, leaseMs: LEASE_MS, chartDir });
    return {
      store,
      bot,
      scheduler,
      async close() {
        await scheduler.stop();
        await bot.stop();
        await store.close();
      },
    };
  }

  /** Run the victim until its crash point, then SIGKILL it. */
  async function crashVictim(namespace: string, slotNow: string, crashAt: 'before-post' | 'after-post'): Promise<void> {
    const child = spawn(process.execPath, NODE_ARGS, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        REDIS_URL,
        NAMESPACE: namespace,
        DISCORD_API_URL: discord.apiUrl,
        DIGEST_CHANNEL_ID: discord.channelId,
        SLOT_NOW: slotNow,
        LEASE_MS: String(LEASE_MS),
        CHART_DIR: chartDir,
        CRASH_AT: crashAt,
      },
    });
    children.add(child);
    let pid = 0;
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const lines = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`victim never reached its crash point\n${stderr.slice(-2000)}`)), 60_000);
      lines.on('line', (l) => {
        if (l.startsWith('PID ')) pid = Number(l.slice(4));
        if (l === 'CRASH-POINT') {
          clearTimeout(timer);
          resolve();
        }
        if (l === 'UNEXPECTED-END') reject(new Error('victim finished the slot instead of crashing'));
      });
      child.once('exit', (code) => reject(new Error(`victim exited early (${code})\n${stderr.slice(-2000)}`)));
    });
    const dead = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await dead;
    // The instance itself is dead, not only a wrapper around it.
    expect(pid).toBe(child.pid);
    expect(alive(pid)).toBe(false);
  }

  /** Let the survivor's sweep run (each minute in production) until the slot is settled. */
  async function sweepUntilSettled(s: Scheduler, slotNow: string): Promise<SlotResult[]> {
    const seen: SlotResult[] = [];
    const start = new Date(slotNow).getTime();
    const until = Date.now() + LEASE_MS + 30_000;
    for (let i = 1; Date.now() < until; i++) {
      const [r] = await s.runDue(new Date(start + i * 500));
      if (r) seen.push(r);
      if (r && ['posted', 'already-posted', 'uncertain'].includes(r.outcome)) return seen;
      await new Promise((res) => setTimeout(res, 250));
    }
    return seen;
  }

  const digestPosts = () => ledger.created.filter((c) => c.channelId === discord.channelId && c.request.body?.enforce_nonce);

  for (const crashAt of ['before-post', 'after-post'] as const) {
    it(`posts the slot exactly once when the holder dies ${crashAt === 'before-post' ? 'before sending' : 'after sending, before recording it'}`, async () => {
      const namespace = `dispatch-crash-${randomUUID().slice(0, 8)}`;
      const slotNow = crashAt === 'before-post' ? '2026-03-10T09:00:10Z' : '2026-03-11T09:00:10Z';
      const before = digestPosts().length;
      const dedupBefore = ledger.deduplicated.length;
      // The survivor is up first, as in a real deployment; its start-up catch-up finds nothing due.
      const s = await survivor(namespace);
      try {
        await crashVictim(namespace, slotNow, crashAt);
        const sentByVictim = digestPosts().length - before;
        if (crashAt === 'before-post') expect(sentByVictim).toBe(0);
        else expect(sentByVictim).toBeGreaterThan(0);

        // While the dead holder's lease lasts, the survivor must not post. No clock: the lease itself is asked
        // whether it still holds after that sweep (a lease only runs out, so it held during the sweep too).
        const [early] = await s.scheduler.runDue(new Date(new Date(slotNow).getTime() + 100));
        expect(early).toBeDefined();
        const lease = `digest:slot:${early!.subscription}:${early!.slot}`;
        const probe = await s.store.claim(lease, 1);
        if (probe) await s.store.release(lease, probe);
        else expect(early!.outcome).toBe('claimed-elsewhere');
        const results = await sweepUntilSettled(s.scheduler, slotNow);
        expect(results.at(-1)?.outcome).toBe('posted');
        const state = await getState(s.store, `env:${discord.channelId}`);
        expect(state.lastSlot).toBe(slotNow.slice(0, 16));
        expect(state.pending).toBeUndefined();
        // Exactly one digest in the channel for this slot.
        const created = digestPosts().slice(before);
        const firsts = created.filter((c) => !/-\d+$/.test(c.nonce ?? ''));
        expect(firsts).toHaveLength(1);
        expect(new Set(created.map((c) => c.nonce)).size).toBe(created.length);
        if (crashAt === 'after-post') {
          // The survivor re-sent with the same nonce and Discord returned the existing messages.
          expect(created).toHaveLength(sentByVictim);
          expect(ledger.deduplicated.length - dedupBefore).toBe(sentByVictim);
        }
        // And later ticks do nothing.
        const [after] = await s.scheduler.runDue(new Date(new Date(slotNow).getTime() + 120_000));
        expect(after?.outcome).toBe('already-posted');
      } finally {
        await s.close();
      }
    }, 120_000);
  }
});
