/**
 * Two bot instances on the same shard, sharing one Redis and one fake Discord:
 * both receive every interaction (the fake broadcasts each gateway event to every
 * connection, as Discord does to instances sharing a session's shard), and both
 * run the digest scheduler. Each interaction must be answered exactly once and
 * each digest slot posted exactly once.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { startDiscord, type DiscordBot } from '../src/discord/client.js';
import { silentLogger } from '../src/log.js';
import { createDiscordPoster } from '../src/schedule/discord-poster.js';
import { startScheduler, type Scheduler } from '../src/schedule/scheduler.js';
import { createStore, type Store } from '../src/store/index.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from './e2e/fake-discord.js';
import { enforceNonces } from './helpers/nonce-dedup.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('[scale-instances] REDIS_URL is not set: skipping the two-instance tests');

const ROOT = path.resolve(import.meta.dirname, '..');
/** A clock far from any real 09:00 UTC, so start-up catch-up never posts by itself. */
const CLOCK = () => new Date('2026-03-02T00:00:00Z');

interface Instance {
  name: string;
  deps: Deps;
  store: Store;
  bot: DiscordBot;
  scheduler: Scheduler;
  /** Engine runs this instance did (the router calls `run` only after winning the claim). */
  runs: number;
  /** Interaction claims it attempted (proves it received every interaction too). */
  claims: number;
}

describe.skipIf(!REDIS_URL)('two instances, one Redis, one fake Discord', () => {
  const namespace = `dispatch-scale-${randomUUID().slice(0, 8)}`;
  let discord: FakeDiscord;
  let chartDir: string;
  const instances: Instance[] = [];

  beforeAll(async () => {
    discord = await startFakeDiscord();
    enforceNonces(discord);
    chartDir = await mkdtemp(path.join(os.tmpdir(), 'dispatch-scale-charts-'));
    for (const name of ['a', 'b']) {
      const config = loadConfig(
        {
          SEEDS_DIR: 'seeds',
          LOG_LEVEL: 'silent',
          COOLDOWN_SECONDS: '0',
          REDIS_URL,
          DISCORD_TOKEN: 'fake-token',
          DISCORD_API_URL: discord.apiUrl,
          DIGEST_CHANNEL_ID: discord.channelId,
          DIGEST_CRON: '0 9 * * *',
          DIGEST_TZ: 'UTC',
        },
        ROOT,
      );
      const store = withJitter(createStore({ kind: 'redis', location: REDIS_URL, namespace, timeoutMs: 1000 }));
      const deps = await buildDeps(config, { log: silentLogger, store, llm: null, persistIndex: false, clock: CLOCK });
      const inst = { name, deps, store, runs: 0, claims: 0 } as Instance;
      const claim = store.claim.bind(store);
      store.claim = (key, ttl) => {
        if (key.includes('interaction')) inst.claims++;
        return claim(key, ttl);
      };
      inst.bot = await startDiscord(deps, {
        cooldownSeconds: 0,
        rest: { globalRequestsPerSecond: 10_000 },
        run: (d, input) => {
          inst.runs++;
          return runCommand(d, input);
        },
      });
      inst.scheduler = await startScheduler(deps, createDiscordPoster(inst.bot.client), { cron: false, chartDir, leaseMs: 60_000 });
      instances.push(inst);
    }
    await discord.ready();
  }, 60_000);

  afterAll(async () => {
    for (const i of instances) {
      await i.scheduler.stop();
      await i.bot.stop();
      await i.store.close();
    }
    await discord?.close();
    if (chartDir) await rm(chartDir, { recursive: true, force: true });
  });

  const initialResponses = (token: string) =>
    discord.requests.filter((r) => r.path.endsWith(`/${token}/callback`) && [4, 5, 9].includes(r.body?.type));

  it('answers each of 200 interactions exactly once', async () => {
    const questions = ['What did Maduro ask Russia for?', 'What did Rubio say?', 'How many troops did Trump deploy?'];
    const sent = Array.from({ length: 200 }, (_, i) =>
      discord.sendInteraction(
        i % 10 === 9
          ? discord.command('sources')
          : discord.command('ask', [{ name: 'question', type: 3, value: questions[i % questions.length] }], { userId: discord.snowflake() }),
      ),
    );
    // Every interaction gets its initial response… (the wait is patience on a loaded 2-core machine, not a speed
    // check: a fresh-clone run under load took over 30 s here; speed is measured by the bench)
    await waitUntil(() => sent.every((s) => initialResponses(s.token).length >= 1), 150_000);
    // …and after both instances had every chance to answer, none got two.
    await Promise.all(instances.map((i) => i.bot.router.idle()));
    await new Promise((r) => setTimeout(r, 300));
    const counts = sent.map((s) => initialResponses(s.token).length);
    expect(counts.filter((c) => c !== 1)).toEqual([]);
    expect(instances.reduce((n, i) => n + i.runs, 0)).toBe(200);
    // Both instances saw (and tried to claim) every interaction: the test is not trivially passing.
    for (const i of instances) expect(i.claims).toBeGreaterThanOrEqual(200);
    console.info(`[scale-instances] answers per instance: ${instances.map((i) => `${i.name}=${i.runs}`).join(', ')}`);
  }, 180_000);

  it('answers a mention exactly once', async () => {
    const before = channelPosts().length;
    discord.sendMessage(discord.message(`<@${discord.botId}> What did Rubio say?`, { mentions: [{ id: discord.botId, username: 'Dispatch', discriminator: '0000', bot: true }] }));
    await waitUntil(() => channelPosts().length > before, 10_000);
    await Promise.all(instances.map((i) => i.bot.router.idle()));
    await new Promise((r) => setTimeout(r, 300));
    const replies = channelPosts().slice(before).filter((r) => r.body?.message_reference);
    expect(replies).toHaveLength(1);
  });

  it('posts each digest slot exactly once when both instances fire together', async () => {
    const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
    for (const day of days) {
      const now = new Date(`${day}T09:00:05Z`);
      const results = await Promise.all(instances.map((i) => i.scheduler.runDue(now)));
      const outcomes = results.flat().map((r) => r.outcome).sort();
      expect(outcomes.filter((o) => o === 'posted')).toHaveLength(1);
      expect(outcomes.every((o) => ['posted', 'claimed-elsewhere', 'already-posted'].includes(o))).toBe(true);
      // A late tick from either instance changes nothing.
      const late = await Promise.all(instances.map((i) => i.scheduler.runDue(new Date(`${day}T09:01:00Z`))));
      for (const o of late.flat().map((r) => r.outcome)) expect(['already-posted', 'claimed-elsewhere']).toContain(o);
    }
    // One digest (one message, or a few continued ones) per day, nothing more.
    const digestPosts = digestMessages();
    const firsts = digestPosts.filter((r) => !/-\d+$/.test(r.body?.nonce ?? ''));
    expect(firsts).toHaveLength(days.length);
    expect(new Set(digestPosts.map((r) => r.body?.nonce)).size).toBe(digestPosts.length);
  }, 60_000);

  function channelPosts(): RecordedRequest[] {
    return discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${discord.channelId}/messages`);
  }
  function digestMessages(): RecordedRequest[] {
    return channelPosts().filter((r) => r.body?.enforce_nonce && !r.body?.message_reference);
  }
});

/**
 * Real instances sit on different hosts, so which one reaches Redis first varies.
 * On one machine the first-connected client always wins; a 0–3 ms jitter before
 * each claim restores the race that exactly-once has to survive.
 */
function withJitter(store: Store): Store {
  const claim = store.claim.bind(store);
  return Object.assign(store, {
    claim: async (key: string, ttl: number) => {
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      return claim(key, ttl);
    },
  });
}

async function waitUntil(cond: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
