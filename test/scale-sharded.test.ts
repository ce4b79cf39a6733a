/**
 * `start:sharded` end to end: discord.js's ShardingManager spawns two shard
 * processes running the real entry (src/main.ts) against the fake Discord, sharing
 * a private Redis. The fake delivers every interaction to every gateway connection,
 * so both shards see each one; each must still be answered exactly once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startSharded, type Sharded } from '../src/discord/sharded.js';
import { silentLogger } from '../src/log.js';
import { startFakeDiscord, type FakeDiscord } from './e2e/fake-discord.js';
import { haveRedisServer, ownRedis, type OwnRedis } from './helpers/redis-server.js';

const canRun = !!process.env.REDIS_URL && (await haveRedisServer());
if (!canRun) console.warn('[scale-sharded] REDIS_URL is not set (or redis-server is missing): skipping the sharding test');

const ROOT = path.resolve(import.meta.dirname, '..');

describe.skipIf(!canRun)('start:sharded with two shards', () => {
  let discord: FakeDiscord;
  let redis: OwnRedis;
  let sharded: Sharded | undefined;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    discord = await startFakeDiscord();
    // A private Redis: the shards use the default namespace, which must not touch the shared server's data.
    redis = await ownRedis();
    await redis.start();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'dispatch-sharded-'));
    // The shard processes inherit this environment (ShardingManager copies process.env).
    Object.assign(process.env, {
      SEEDS_DIR: path.join(ROOT, 'seeds'),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      COOLDOWN_SECONDS: '0',
      REDIS_URL: redis.url,
      DISCORD_TOKEN: 'fake-token',
      DISCORD_API_URL: discord.apiUrl,
    });
    const config = loadConfig(process.env, ROOT);
    sharded = await startSharded({ config, log: silentLogger, shards: 2, spawnDelayMs: 200, respawn: false });
  }, 180_000);

  afterAll(async () => {
    await sharded?.stop();
    await discord?.close();
    await redis?.stop();
    await rm(dataDir, { recursive: true, force: true });
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }, 60_000);

  it('runs two shard processes, each on the gateway', async () => {
    expect(sharded!.manager.shards.size).toBe(2);
    const identifies = await discord.waitForRequests((r) => r.method === 'GET' && r.path === '/gateway/bot', 2, 5000).catch(() => []);
    expect(identifies.length).toBeGreaterThanOrEqual(2);
    const pids = sharded!.manager.shards.map((s) => s.process?.pid);
    expect(new Set(pids).size).toBe(2);
  });

  it('answers each interaction exactly once across the shards', async () => {
    const sent = Array.from({ length: 40 }, (_, i) =>
      discord.sendInteraction(discord.command(i % 4 === 3 ? 'sources' : 'ask', i % 4 === 3 ? [] : [{ name: 'question', type: 3, value: 'What did Rubio say?' }], { userId: discord.snowflake() })),
    );
    const initial = (token: string) => discord.requests.filter((r) => r.path.endsWith(`/${token}/callback`) && [4, 5].includes(r.body?.type));
    const until = Date.now() + 60_000;
    while (!sent.every((s) => initial(s.token).length >= 1)) {
      if (Date.now() > until) throw new Error('not every interaction was answered');
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(sent.map((s) => initial(s.token).length).filter((n) => n !== 1)).toEqual([]);
  }, 90_000);

  it('stops every shard on request (SIGTERM, graceful)', async () => {
    const procs = sharded!.manager.shards.map((s) => s.process!);
    await sharded!.stop();
    sharded = undefined;
    // Exit code 0: each shard (src/main.ts) handled SIGTERM and shut down cleanly rather than being killed.
    for (const p of procs) expect(p.exitCode).toBe(0);
  }, 60_000);
});
