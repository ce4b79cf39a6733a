/**
 * The Redis-backed store against a real Redis (REDIS_URL): values shared between
 * two store instances (two bot processes), claims exclusive across them (SET NX
 * PX), expiring, and released only by their holder (compare-and-delete).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../src/store/index.js';
import { claimInteraction, shouldAnswer } from '../src/scale/claim.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('[redis-store] REDIS_URL is not set: skipping the real-Redis store tests');

describe.skipIf(!REDIS_URL)('Redis store shared by two instances', () => {
  // A fresh namespace per run, so parallel runs on the shared Redis never collide.
  const namespace = `dispatch-test-${randomUUID().slice(0, 8)}`;
  let a: Store;
  let b: Store;
  beforeAll(() => {
    a = createStore({ kind: 'redis', location: REDIS_URL, namespace, timeoutMs: 1000 });
    b = createStore({ kind: 'redis', location: REDIS_URL, namespace, timeoutMs: 1000 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('shares values and TTLs between instances', async () => {
    await a.set('session:u1', [{ q: 'first' }], 60_000);
    expect(await b.get('session:u1')).toEqual([{ q: 'first' }]);
    await b.set('short', 1, 150);
    expect(await a.get('short')).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await a.get('short')).toBeUndefined();
    await b.delete('session:u1');
    expect(await a.get('session:u1')).toBeUndefined();
  });

  it('gives a claim to exactly one of many concurrent claimants', async () => {
    const key = `slot:${randomUUID()}`;
    const tokens = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).claim(key, 10_000)));
    expect(tokens.filter(Boolean)).toHaveLength(1);
  });

  it('lets a claim expire, and only its holder release it', async () => {
    const key = `slot:${randomUUID()}`;
    const t1 = await a.claim(key, 200);
    expect(t1).toBeTruthy();
    expect(await b.claim(key, 200)).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    // The lease ran out: b takes over. a's stale token must not free b's claim.
    const t2 = await b.claim(key, 10_000);
    expect(t2).toBeTruthy();
    expect(await a.release(key, t1!)).toBe(false);
    expect(await a.claim(key, 10_000)).toBeNull();
    expect(await b.release(key, t2!)).toBe(true);
    expect(await a.claim(key, 10_000)).toBeTruthy();
  });

  it('claims each interaction once across instances', async () => {
    // Distinct ids (random ones could repeat within one run: both instances then see 'taken').
    const base = BigInt(Date.now()) * 4194304n + BigInt(Math.floor(Math.random() * 4096)) * 1024n;
    const ids = Array.from({ length: 100 }, (_, i) => String(base + BigInt(i)));
    const results = await Promise.all(ids.flatMap((id) => [claimInteraction(a, id), claimInteraction(b, id)]));
    for (let i = 0; i < ids.length; i++) {
      const pair = [results[2 * i], results[2 * i + 1]].sort();
      expect(pair).toEqual(['claimed', 'taken']);
    }
    expect(await shouldAnswer(a, ids[0]!)).toBe(false);
  });
});

describe.skipIf(!REDIS_URL)('Redis store under a blocked event loop', () => {
  it('does not report a timeout when the reply arrived while the loop was busy', async () => {
    // Under load an instance's loop can stall past the per-call timeout while Redis
    // has already answered; calling that a failure made both instances answer.
    const store = createStore({ kind: 'redis', location: REDIS_URL, namespace: `dispatch-test-${randomUUID().slice(0, 8)}`, timeoutMs: 100 });
    try {
      await store.set('warm', 1);
      const key = `slot:${randomUUID()}`;
      const pending = store.claim(key, 10_000);
      const until = Date.now() + 300;
      while (Date.now() < until) {
        /* busy: the reply lands in the socket, the timer expires, nothing runs */
      }
      expect(await pending).toBeTruthy();
    } finally {
      await store.close();
    }
  });
});
