/**
 * A digest slot is posted exactly once even when the scheduler's memory of it is
 * gone: every digest message carries a marker naming its slot, and before sending
 * a slot the store has no post for, the bot reads the channel's recent messages
 * (GET /channels/:id/messages through discord.js) and records a post it finds
 * instead of sending it again. The fake Discord here keeps no nonces, as Discord
 * after its nonce window: any second send would be a second message.
 *
 * - the store emptied (a memory store replaced; Redis restarted empty) 301 s after the post;
 * - a post interrupted before it was recorded, resumed past the nonce window;
 * - a private redis-server killed and restarted empty (runs when REDIS_URL is set).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.js';
import { startDiscord, type DiscordBot } from '../../src/discord/client.js';
import { createDiscordPoster, digestMarker } from '../../src/schedule/discord-poster.js';
import { slotNonce, startScheduler, type Scheduler } from '../../src/schedule/scheduler.js';
import { getState, setState } from '../../src/schedule/subscriptions.js';
import { createStore, type Store } from '../../src/store/index.js';
import { SEEDS, makeDeps, removeDir } from '../digest-fixtures.js';
import { haveRedisServer, ownRedis } from '../helpers/redis-server.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';

let discord: FakeDiscord;
let bot: DiscordBot;
let deps: Deps;
let now = new Date('2026-06-01T09:00:05Z');
let inner: Store = createStore({ kind: 'memory' });
/** One stable store object (the bot keeps the deps it started with); swapping `inner` empties it. */
const store: Store = {
  kind: 'memory',
  get: (k) => inner.get(k),
  set: (k, v, t) => inner.set(k, v, t),
  delete: (k) => inner.delete(k),
  claim: (k, t) => inner.claim(k, t),
  release: (k, t) => inner.release(k, t),
  close: () => inner.close(),
};
const schedulers: Scheduler[] = [];
const SUB = () => `env:${discord.channelId}`;

beforeAll(async () => {
  discord = await startFakeDiscord();
  // The environment's default digest: it survives a store that loses its data (a stored subscription would not).
  const env = { COOLDOWN_SECONDS: '0', DIGEST_CHANNEL_ID: discord.channelId, DIGEST_CRON: '0 9 * * *', DIGEST_TZ: 'UTC' };
  const base = await makeDeps(SEEDS, { clock: () => now, store, env });
  deps = { ...base, config: { ...base.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } };
  bot = await startDiscord(deps, { rest: { retries: 0 } });
  await discord.ready();
});
afterAll(async () => {
  for (const s of schedulers) await s.stop();
  await bot?.stop();
  await discord?.close();
  removeDir(deps.config.dataDir);
});
beforeEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  inner = createStore({ kind: 'memory' });
});

const digestPosts = () => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${discord.channelId}/messages`);
const historyReads = () => discord.requests.filter((r) => r.method === 'GET' && r.path === `/channels/${discord.channelId}/messages`);
const postsFor = (slot: string) => digestPosts().filter((r) => String(r.body?.nonce ?? '').startsWith(slotNonce(SUB(), slot)));

async function scheduler(d: Deps = deps): Promise<Scheduler> {
  const s = await startScheduler(d, createDiscordPoster(bot.client), { cron: false, backoffMs: 10 });
  schedulers.push(s);
  return s;
}

describe('digest exactly once without the store’s memory', () => {
  it('each posted message carries its slot’s marker', async () => {
    now = new Date('2026-06-01T09:00:05Z');
    await scheduler();
    const posts = postsFor('2026-06-01T09:00');
    expect(posts.length).toBeGreaterThan(0);
    posts.forEach((p, i) => expect(p.body.content).toBe(digestMarker(slotNonce(SUB(), '2026-06-01T09:00'), i)));
    expect(posts[0]!.body.content).toMatch(/^-# Scheduled digest · ref [0-9a-f]{20}$/);
  });

  it('a store emptied 301 s after the post (past the nonce window): the restart finds the post and sends nothing', async () => {
    now = new Date('2026-06-02T09:00:05Z');
    const first = await scheduler();
    const posted = postsFor('2026-06-02T09:00');
    expect(posted.length).toBeGreaterThan(0);
    const ids = (await getState(deps.store, SUB())).lastMessageIds;
    await first.stop();

    inner = createStore({ kind: 'memory' }); // the store restarts empty
    now = new Date('2026-06-02T09:05:06Z');
    const reads = historyReads().length;
    const [r] = await (await scheduler()).runDue(now);
    expect(postsFor('2026-06-02T09:00')).toHaveLength(posted.length); // no second digest
    expect(historyReads().length).toBeGreaterThan(reads);
    expect(r).toMatchObject({ outcome: 'already-posted' }); // the start-up catch-up already recorded it
    const state = await getState(deps.store, SUB());
    expect(state.lastSlot).toBe('2026-06-02T09:00');
    expect(state.lastMessageIds).toEqual(ids);
  });

  it('the next slot is still posted (another slot’s marker is not mistaken for it)', async () => {
    now = new Date('2026-06-03T09:00:05Z');
    await scheduler();
    inner = createStore({ kind: 'memory' });
    now = new Date('2026-06-04T09:00:05Z');
    await scheduler();
    expect(postsFor('2026-06-03T09:00').length).toBeGreaterThan(0);
    expect(postsFor('2026-06-04T09:00')).toHaveLength(postsFor('2026-06-03T09:00').length);
  });

  it('a post interrupted before it was recorded, resumed past the nonce window: recorded once it is found, else sent once', async () => {
    // Landed, but the instance died before recording it (the pending record is all that is left).
    now = new Date('2026-06-05T09:00:05Z');
    const a = await scheduler();
    const landed = postsFor('2026-06-05T09:00').length;
    await a.stop();
    const nonce = slotNonce(SUB(), '2026-06-05T09:00');
    await setState(deps.store, SUB(), { pending: { slot: '2026-06-05T09:00', slotAt: Date.parse('2026-06-05T09:00:00Z'), nonce, startedAt: now.getTime() } });
    now = new Date('2026-06-05T09:06:00Z');
    const [found] = await (await scheduler()).runDue(now);
    expect(postsFor('2026-06-05T09:00')).toHaveLength(landed);
    expect((await getState(deps.store, SUB())).lastSlot).toBe('2026-06-05T09:00');
    expect(['already-posted', 'found-in-channel']).toContain(found!.outcome);
    expect((await getState(deps.store, SUB())).uncertain).toBeUndefined();

    // Never landed (died before sending): past the window the channel shows it is missing, so it is sent, once.
    inner = createStore({ kind: 'memory' });
    const nonce6 = slotNonce(SUB(), '2026-06-06T09:00');
    now = new Date('2026-06-06T09:00:05Z');
    await setState(deps.store, SUB(), { pending: { slot: '2026-06-06T09:00', slotAt: Date.parse('2026-06-06T09:00:00Z'), nonce: nonce6, startedAt: now.getTime() } });
    now = new Date('2026-06-06T09:06:00Z');
    await scheduler();
    expect(postsFor('2026-06-06T09:00').length).toBeGreaterThan(0);
    expect(postsFor('2026-06-06T09:00')[0]!.body.nonce).toBe(nonce6);
    const n = postsFor('2026-06-06T09:00').length;
    await (await scheduler()).runDue(new Date('2026-06-06T09:07:00Z'));
    expect(postsFor('2026-06-06T09:00')).toHaveLength(n);
  });
});

const canRedis = !!process.env.REDIS_URL && (await haveRedisServer());
describe.skipIf(!canRedis)('a private Redis killed and restarted empty', () => {
  it('posts no second digest for the slot', async () => {
    const redis = await ownRedis();
    await redis.start();
    const stores: Store[] = [];
    const redisDeps = () => {
      const s = createStore({ kind: 'redis', location: redis.url, namespace: 'exactly-once', timeoutMs: 2000 });
      stores.push(s);
      return { ...deps, store: s };
    };
    try {
      now = new Date('2026-06-08T09:00:05Z');
      const d1 = redisDeps();
      const first = await scheduler(d1);
      const posted = postsFor('2026-06-08T09:00').length;
      expect(posted).toBeGreaterThan(0);
      expect((await getState(d1.store, SUB())).lastSlot).toBe('2026-06-08T09:00');
      await first.stop();

      await redis.stop();
      await redis.start(); // back, with nothing in it
      const d2 = redisDeps();
      expect(await getState(d2.store, SUB())).toEqual({});
      now = new Date('2026-06-08T09:05:06Z'); // 301 s after the post
      const s = await scheduler(d2);
      await s.runDue(new Date('2026-06-08T09:06:00Z'));
      expect(postsFor('2026-06-08T09:00')).toHaveLength(posted);
      expect((await getState(d2.store, SUB())).lastSlot).toBe('2026-06-08T09:00');
    } finally {
      for (const s of schedulers.splice(0)) await s.stop();
      for (const s of stores) await s.close();
      await redis.stop();
    }
  });
});
