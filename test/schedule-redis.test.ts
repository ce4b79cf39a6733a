/**
 * Several instances sharing one Redis: the per-slot claim (SET NX PX) and the
 * persisted last post make exactly one of them post each slot, including after a
 * restart. Runs against a private redis-server on a loopback port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduler } from '../src/schedule/scheduler.js';
import { saveSubscription, validateSubscription } from '../src/schedule/subscriptions.js';
import { createStore, type Store } from '../src/store/index.js';
import { SEEDS, makeDeps, memoryChannel, removeDir } from './digest-fixtures.js';
import { haveRedisServer, ownRedis, type OwnRedis } from './helpers/redis-server.js';

const hasRedis = await haveRedisServer();
let redis: OwnRedis;
const stores: Store[] = [];

beforeAll(async () => {
  if (!hasRedis) return;
  redis = await ownRedis();
  await redis.start();
});
afterAll(async () => {
  for (const s of stores) await s.close();
  if (hasRedis) await redis.stop();
});

describe.skipIf(!hasRedis)('digest on a shared Redis', () => {
  it('three instances, one slot: exactly one post; a restarted instance does not post it again', async () => {
    const ch = memoryChannel();
    const at = new Date('2026-06-01T09:00:00Z');
    const instance = async () => {
      const store = createStore({ kind: 'redis', location: redis.url, namespace: `digest-test-${process.pid}`, timeoutMs: 2000 });
      stores.push(store);
      const deps = await makeDeps(SEEDS, { store, clock: () => at });
      // Posting takes a moment, so the instances really overlap.
      const poster = { post: async (...a: Parameters<typeof ch.poster.post>) => (await new Promise((r) => setTimeout(r, 100)), ch.poster.post(...a)) };
      return { deps, poster };
    };
    const insts = await Promise.all([instance(), instance(), instance()]);
    const v = validateSubscription({ channelId: '123456789012345678', time: '09:00', timezone: 'UTC', frequency: 'daily' });
    await saveSubscription(insts[0]!.deps.store, { id: v.channelId, ...v, guildId: null, source: 'command', createdBy: null, createdAt: 0, paused: null });

    const schedulers = await Promise.all(insts.map((i) => startScheduler(i.deps, i.poster, { cron: false })));
    expect(ch.messages).toHaveLength(1);

    const again = await instance();
    const restarted = await startScheduler(again.deps, again.poster, { cron: false });
    expect(ch.messages).toHaveLength(1);
    for (const s of [...schedulers, restarted]) await s.stop();
    for (const i of [...insts, again]) removeDir(i.deps.config.dataDir);
  });
});
