/**
 * A Redis outage, for real: the test runs its own redis-server on a free loopback
 * port (the shared one is left alone), kills it mid-run and starts it again.
 * Answers must keep flowing (follow-up memory degrades with a visible note), no call
 * may hang, and everything must recover on its own. No clock is read: each store call
 * must end in the store's own give-up (its timeout, or the client's fast "offline"
 * failure), and a call that hung would run into the test's timeout instead.
 */
import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { silentLogger } from '../src/log.js';
import { claimInteraction } from '../src/scale/claim.js';
import { createStore, isStoreUnavailableError, type Store } from '../src/store/index.js';
import { haveRedisServer, ownRedis, type OwnRedis } from './helpers/redis-server.js';
import { startDiscord, type DiscordBot } from '../src/discord/client.js';
import { startScheduler, type Scheduler } from '../src/schedule/scheduler.js';
import { memoryChannel } from './digest-fixtures.js';
import { startFakeDiscord, type FakeDiscord } from './e2e/fake-discord.js';

const REDIS_URL = process.env.REDIS_URL;
const canRun = !!REDIS_URL && (await haveRedisServer());
if (!canRun) console.warn('[redis-outage] REDIS_URL is not set (or redis-server is missing): skipping the outage tests');

/** Per-call store timeout: the bound on how long an outage can delay an answer. */
const STORE_TIMEOUT_MS = 300;
/** How the store says it gave up on `op` while Redis is down. */
const gaveUp = (op: string) => new RegExp(`^store ${op} (timed out after ${STORE_TIMEOUT_MS} ms|failed: )`);

describe.skipIf(!canRun)('Redis outage (own redis-server, killed and restarted)', () => {
  let redis: OwnRedis;
  let store: Store;
  let deps: Deps;
  const root = path.resolve(import.meta.dirname, '..');

  beforeAll(async () => {
    redis = await ownRedis();
    await redis.start();
    store = createStore({ kind: 'redis', location: redis.url, timeoutMs: STORE_TIMEOUT_MS, namespace: 'outage' });
    const config = loadConfig({ SEEDS_DIR: 'seeds', DATA_DIR: 'tmp/test-redis-outage', LOG_LEVEL: 'silent', STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS) }, root);
    deps = await buildDeps(config, { log: silentLogger, store, llm: null, persistIndex: false });
  });
  afterAll(async () => {
    await store?.close();
    await redis?.stop();
  });

  const ask = (text: string, session: string) => runCommand(deps, { command: 'ask', text, session });

  it('answers, degrades with a note while Redis is down, and recovers', async () => {
    const session = `u-${randomUUID()}`;
    // Up: the follow-up is resolved from memory kept in Redis.
    const first = await ask('What did Maduro ask Russia for?', session);
    expect(first.answered).toBe(true);
    expect(first.notes ?? []).toEqual([]);

    await redis.stop();
    // Down: every answer still arrives (the store gave up on the memory), with the degraded-memory note.
    const down = [];
    for (const q of ['And China?', 'How many troops did Trump deploy?', 'What did Rubio say?']) down.push(await ask(q, session));
    for (const d of down) expect(d.notes?.join(' ')).toMatch(/memory is unavailable/i);
    expect(down[1]!.answered).toBe(true);
    expect(down[2]!.answered).toBe(true);
    // Claims give up and say so, so the router can still answer.
    expect(await claimInteraction(store, '1300000000000000001')).toBe('unavailable');
    // Raw calls reject with the store's own give-up rather than hang.
    const raw = await store.get('x').then(() => undefined, (e: unknown) => e);
    expect(raw).toSatisfy(isStoreUnavailableError);
    expect((raw as Error).message).toMatch(gaveUp('get'));

    await redis.start();
    // Recovery: the client reconnects by itself (capped backoff); memory works again.
    await waitFor(async () => {
      try {
        await store.set('probe', 1);
        return true;
      } catch {
        return false;
      }
    }, 10_000);
    const s2 = `u-${randomUUID()}`;
    const again = await ask('What did Maduro ask Russia for?', s2);
    expect(again.notes ?? []).toEqual([]);
    const follow = await ask('And China?', s2);
    expect(follow.notes ?? []).toEqual([]);
    expect(follow.meta?.resolvedQuestion).toMatch(/China/);
    expect(await claimInteraction(store, '1300000000000000002')).toBe('claimed');
  });

  it('a store created while Redis is down neither throws nor hangs, and connects once Redis is up', async () => {
    await redis.stop();
    const late = createStore({ kind: 'redis', location: redis.url, timeoutMs: STORE_TIMEOUT_MS, namespace: 'outage-late' });
    try {
      const err = await late.get('k').then(() => undefined, (e: unknown) => e);
      expect(err).toSatisfy(isStoreUnavailableError);
      expect((err as Error).message).toMatch(gaveUp('get'));
      await redis.start();
      await waitFor(async () => {
        try {
          await late.set('k', 'v');
          return (await late.get('k')) === 'v';
        } catch {
          return false;
        }
      }, 10_000);
    } finally {
      await late.close();
    }
  });

  it('a Redis that hangs (connection open, no replies): the store gives up by its timeout and the answer still arrives', async () => {
    // Killed, Redis fails fast ("offline"); hung, only the store's own per-call timeout can end a call. A loopback
    // proxy in front of our redis-server, frozen after the first answer, makes the hung case; the store is watched
    // so the test sees each give-up's message (no clock).
    const proxy = await freezableProxy(redis.port);
    const seen: string[] = [];
    const hung = createStore({ kind: 'redis', location: proxy.url, timeoutMs: STORE_TIMEOUT_MS, namespace: 'outage-hung' });
    const watched = { ...deps, store: watchGiveUps(hung, seen) };
    try {
      const session = `u-${randomUUID()}`;
      const first = await runCommand(watched, { command: 'ask', text: 'What did Maduro ask Russia for?', session });
      expect(first.notes ?? []).toEqual([]);
      expect(seen).toEqual([]);
      proxy.freeze();
      const next = await runCommand(watched, { command: 'ask', text: 'How many troops did Trump deploy?', session });
      expect(next.answered).toBe(true);
      expect(next.notes?.join(' ')).toMatch(/memory is unavailable/i);
      expect(seen).toContain(`store get timed out after ${STORE_TIMEOUT_MS} ms`); // the conversation memory it could not read
      for (const m of seen) expect(m).toMatch(new RegExp(`^store \\w+ timed out after ${STORE_TIMEOUT_MS} ms$`));
    } finally {
      proxy.close();
      await hung.close();
    }
  });
});

describe.skipIf(!canRun)('Redis outage seen from Discord and the digest scheduler', () => {
  let redis: OwnRedis;
  let store: Store;
  let deps: Deps;
  let discord: FakeDiscord;
  let bot: DiscordBot;
  let scheduler: Scheduler;
  const channel = memoryChannel();
  const root = path.resolve(import.meta.dirname, '..');

  beforeAll(async () => {
    redis = await ownRedis();
    await redis.start();
    discord = await startFakeDiscord();
    store = createStore({ kind: 'redis', location: redis.url, timeoutMs: STORE_TIMEOUT_MS, namespace: 'outage-discord' });
    const config = loadConfig(
      {
        SEEDS_DIR: 'seeds',
        DATA_DIR: 'tmp/test-redis-outage',
        LOG_LEVEL: 'silent',
        STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS),
        COOLDOWN_SECONDS: '0',
        DISCORD_TOKEN: 'fake-token',
        DISCORD_API_URL: discord.apiUrl,
        // The environment's subscription lives in config, not in Redis: a Redis that restarts empty keeps it.
        DIGEST_CHANNEL_ID: '123456789012345678',
        DIGEST_CRON: '0 9 * * *',
        DIGEST_TZ: 'UTC',
      },
      root,
    );
    deps = await buildDeps(config, { log: silentLogger, store, llm: null, persistIndex: false, clock: () => new Date('2026-03-02T00:00:00Z') });
    bot = await startDiscord(deps, { cooldownSeconds: 0 });
    await discord.ready();
    scheduler = await startScheduler(deps, channel.poster, { cron: false, chartDir: 'tmp/test-redis-outage/charts' });
  }, 60_000);
  afterAll(async () => {
    await scheduler?.stop();
    await bot?.stop();
    await discord?.close();
    await store?.close();
    await redis?.stop();
  });

  /** Send /ask and return the text of its answer and the type of its first response. */
  async function askViaDiscord(question: string, userId: string) {
    const { token } = discord.sendInteraction(discord.command('ask', [{ name: 'question', type: 3, value: question }], { userId }));
    // The first response (reply, or defer when slow) is what Discord's 3-second rule is about; the wait is only a hang catcher.
    const ack = await discord.waitForRequest((x) => x.path.endsWith(`/${token}/callback`) && [4, 5].includes(x.body?.type), 10_000);
    const r = await discord.waitForRequest(
      (x) => x.path.includes(`/${token}`) && ((x.path.endsWith('/callback') && x.body?.type === 4) || (x.method === 'PATCH' && x.path.endsWith('/messages/@original'))),
      10_000,
    );
    const data = r.path.endsWith('/callback') ? r.body.data : r.body;
    const text = [data.content ?? '', ...(data.embeds ?? []).map((e: { description?: string }) => e.description ?? '')].join('\n');
    return { text, ack: ack.body.type as number };
  }

  it('keeps answering interactions (with a note), and recovers', async () => {
    const user = discord.snowflake();
    const up = await askViaDiscord('What did Maduro ask Russia for?', user);
    expect(up.text).not.toMatch(/memory is unavailable/i);

    await redis.stop();
    const down = await Promise.all(['And China?', 'What did Rubio say?', 'How many troops did Trump deploy?'].map((q) => askViaDiscord(q, user)));
    for (const d of down) {
      expect([4, 5]).toContain(d.ack); // acknowledged (answered, or deferred and then edited)
      expect(d.text).toMatch(/memory is unavailable/i);
    }

    await redis.start();
    await waitFor(async () => (await askViaDiscord('What did Rubio say?', discord.snowflake())).text.search(/memory is unavailable/i) < 0, 15_000);
  }, 60_000);

  it('loses no digest slot: a slot due during the outage is posted once after recovery', async () => {
    const slot = new Date('2026-03-05T09:00:00Z').getTime();
    await redis.stop();
    const during = await scheduler.runDue(new Date(slot + 5_000)); // ends (a hang would hit the test's timeout)
    expect(during.filter((r) => r.outcome === 'posted')).toEqual([]);
    expect(channel.messages).toHaveLength(0);

    await redis.start();
    // The next sweep (each minute in production) after Redis returns claims and posts the slot.
    let posted = false;
    for (let minute = 1; minute <= 20 && !posted; minute++) {
      const r = await scheduler.runDue(new Date(slot + minute * 60_000));
      posted = r.some((x) => x.outcome === 'posted');
      if (!posted) await new Promise((res) => setTimeout(res, 300));
    }
    expect(posted).toBe(true);
    expect(channel.messages).toHaveLength(1);
    const again = await scheduler.runDue(new Date(slot + 30 * 60_000));
    expect(again.map((r) => r.outcome)).toEqual(['already-posted']);
    expect(channel.messages).toHaveLength(1);
  }, 60_000);
});

/** The store, with every give-up's message recorded in `seen`. */
function watchGiveUps(s: Store, seen: string[]): Store {
  const note = <T>(p: Promise<T>) =>
    p.catch((e: unknown) => {
      seen.push((e as Error).message);
      throw e;
    });
  return {
    kind: s.kind,
    get: <T>(k: string) => note(s.get<T>(k)),
    set: (k, v, ttl) => note(s.set(k, v, ttl)),
    delete: (k) => note(s.delete(k)),
    claim: (k, ttl) => note(s.claim(k, ttl)),
    release: (k, t) => note(s.release(k, t)),
    close: () => s.close(),
  };
}

/** A loopback TCP proxy to 127.0.0.1:`port`; once frozen it keeps connections open and drops what clients send. */
async function freezableProxy(port: number) {
  let frozen = false;
  let closing = false;
  const sockets = new Set<Socket>();
  const server = createServer((c) => {
    if (closing) return void c.destroy();
    const up = connect(port, '127.0.0.1');
    for (const x of [c, up]) sockets.add(x.on('error', () => {}));
    c.on('data', (d) => void (frozen || up.write(d)));
    up.on('data', (d) => void c.write(d));
    c.on('close', () => up.destroy());
    up.on('close', () => c.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze: () => void (frozen = true),
    close() {
      closing = true;
      for (const x of sockets) x.destroy();
      server.close();
    },
  };
}

async function waitFor(fn: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
