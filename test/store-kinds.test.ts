/**
 * The store facade: memory and file stores (get/set/TTL/delete/claim/release),
 * Redis when REDIS_URL is set (round-trip, TTL, claims exclusive across instances,
 * compare-and-delete release, a Redis gone silent on a live connection given up on by
 * the store's own timeout), a dead Redis that fails with StoreUnavailableError, and
 * /ask over a dead store still answering with a note. No test reads a clock.
 */
import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { createStore, isStoreUnavailableError, StoreUnavailableError, type Store, type StoreKind } from '../src/store/index.js';
import { cleanupTempDirs, depsFor, nonVerbatim, SEEDS, tempDir } from './helpers/corpus-fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const open: Store[] = [];
const track = (s: Store) => (open.push(s), s);
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(cleanupTempDirs);

/** Behaviour every store kind must share. */
function sharedBehaviour(make: () => Store) {
  it('get of a missing key is undefined; set/get round-trips JSON values', async () => {
    const s = track(make());
    expect(await s.get('missing')).toBeUndefined();
    const value = { q: 'What did Peskov say?', n: [1, 2, 3], nested: { ok: true, none: null }, text: 'Velásquez “quoted” 🚀' };
    await s.set('k1', value);
    expect(await s.get('k1')).toEqual(value);
    await s.set('k1', 'overwritten');
    expect(await s.get('k1')).toBe('overwritten');
    await s.set('n', 0);
    expect(await s.get('n')).toBe(0);
  });

  it('a TTL expires the value; without a TTL it stays', async () => {
    const s = track(make());
    await s.set('short', 'gone soon', 150);
    await s.set('medium', 'still here', 60_000);
    await s.set('long', 'stays');
    await sleep(400);
    expect(await s.get('short')).toBeUndefined();
    expect(await s.get('medium')).toBe('still here'); // a TTL'd value is stored and readable
    expect(await s.get('long')).toBe('stays');
  });

  it('delete removes a key (and deleting a missing key is fine)', async () => {
    const s = track(make());
    await s.set('d', 1);
    await s.delete('d');
    expect(await s.get('d')).toBeUndefined();
    await expect(s.delete('never-set')).resolves.toBeUndefined();
  });

  it('claim is exclusive until released; release needs the holder’s token', async () => {
    const s = track(make());
    const key = `slot-${randomUUID()}`;
    const t1 = await s.claim(key, 5_000);
    expect(typeof t1).toBe('string');
    expect(await s.claim(key, 5_000)).toBeNull();
    expect(await s.release(key, 'not-the-token')).toBe(false);
    expect(await s.claim(key, 5_000)).toBeNull(); // a wrong release did not free it
    expect(await s.release(key, t1!)).toBe(true);
    expect(await s.release(key, t1!)).toBe(false); // already released
    const t2 = await s.claim(key, 5_000);
    expect(t2).not.toBeNull();
    expect(t2).not.toBe(t1);
    await s.release(key, t2!);
  });

  it('a claim lapses after its TTL; the stale token can no longer release the new claim', async () => {
    const s = track(make());
    const key = `lapse-${randomUUID()}`;
    const t1 = await s.claim(key, 150);
    expect(t1).not.toBeNull();
    await sleep(400);
    const t2 = await s.claim(key, 5_000);
    expect(t2).not.toBeNull();
    expect(await s.release(key, t1!)).toBe(false);
    expect(await s.claim(key, 5_000)).toBeNull();
    expect(await s.release(key, t2!)).toBe(true);
  });
}

describe.each<[StoreKind]>([['memory'], ['file']])('%s store', (kind) => {
  const make = () => createStore({ kind, location: kind === 'file' ? path.join(tempDir('dispatch-store-'), 'store.json') : undefined });
  it('reports its kind', () => {
    expect(track(make()).kind).toBe(kind);
  });
  sharedBehaviour(make);
});

describe('file store persistence', () => {
  it('a value written by one instance is read by the next one on the same file (a restart)', async () => {
    const file = path.join(tempDir('dispatch-store-'), 'nested', 'store.json');
    const a = createStore({ kind: 'file', location: file });
    await a.set('session:x', { turns: ['What did Maduro ask Russia for?'] }, 60_000);
    await a.set('expiring', 1, 100);
    await a.close();
    await sleep(300);
    const b = track(createStore({ kind: 'file', location: file }));
    expect(await b.get('session:x')).toEqual({ turns: ['What did Maduro ask Russia for?'] });
    expect(await b.get('expiring')).toBeUndefined();
  });

  it('a claim survives a restart until its TTL (an interaction answered just before is not answered again after)', async () => {
    const file = path.join(tempDir('dispatch-store-'), 'store.json');
    const a = createStore({ kind: 'file', location: file });
    expect(await a.claim('interaction:1', 60_000)).toEqual(expect.any(String));
    expect(await a.claim('interaction:2', 150)).toEqual(expect.any(String));
    await a.close();
    await sleep(300);
    const b = track(createStore({ kind: 'file', location: file }));
    expect(await b.claim('interaction:1', 60_000)).toBeNull();
    expect(await b.claim('interaction:2', 60_000)).toEqual(expect.any(String)); // that one had lapsed
    expect(await b.claim('interaction:3', 60_000)).toEqual(expect.any(String));
  });
});

describe('file store on a damaged file', () => {
  it('a corrupt store file is treated as empty and then rewritten', async () => {
    const dir = tempDir('dispatch-store-');
    const file = path.join(dir, 'store.json');
    (await import('node:fs')).writeFileSync(file, '{garbage');
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // keyv-file reports the parse error itself
    try {
      const s = track(createStore({ kind: 'file', location: file }));
      expect(await s.get('anything')).toBeUndefined();
      await s.set('k', 'v', 60_000);
      expect(await s.get('k')).toBe('v');
    } finally {
      quiet.mockRestore();
    }
  });

  it('a directory where the store file should be: calls fail with StoreUnavailableError, and /ask still answers with a note', async () => {
    const dir = tempDir('dispatch-store-');
    const file = path.join(dir, 'store.json');
    (await import('node:fs')).mkdirSync(file);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const store = track(createStore({ kind: 'file', location: file, timeoutMs: 300 }));
      const err = await store.set('k', 'v').then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(StoreUnavailableError);
      const deps = await depsFor(SEEDS, { store });
      const a = await runCommand(deps, { command: 'ask', text: 'What did Peskov say?', session: 'dir-store' });
      expect(a.answered).toBe(true);
      expect(a.citations.some((c) => c.quote.includes('Peskov'))).toBe(true);
      expect(a.notes?.join(' ') ?? '').toMatch(/memory|follow-?up|conversation/i);
    } finally {
      quiet.mockRestore();
    }
  });
});

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('Redis tests skipped: set REDIS_URL');

describe.skipIf(!REDIS_URL)('redis store (REDIS_URL)', () => {
  const ns = `dispatch-test-${randomUUID()}`;
  const make = () => createStore({ kind: 'redis', location: REDIS_URL!, namespace: ns, timeoutMs: 2_000 });

  it('reports its kind', () => {
    expect(track(make()).kind).toBe('redis');
  });
  sharedBehaviour(make);

  it('two instances share values (a second process sees the first one’s writes)', async () => {
    const a = track(make());
    const b = track(make());
    await a.set('shared', { from: 'a' }, 10_000);
    expect(await b.get('shared')).toEqual({ from: 'a' });
    await b.delete('shared');
    expect(await a.get('shared')).toBeUndefined();
  });

  it('claim is exclusive across two instances; release is compare-and-delete', async () => {
    const a = track(make());
    const b = track(make());
    const key = `digest-slot-${randomUUID()}`;
    const [ra, rb] = await Promise.all([a.claim(key, 10_000), b.claim(key, 10_000)]);
    // Exactly one of two simultaneous claimers wins.
    expect([ra, rb].filter((t) => t !== null)).toHaveLength(1);
    const [winner, loser, token] = ra ? [a, b, ra] : [b, a, rb!];
    expect(await loser.claim(key, 10_000)).toBeNull();
    expect(await loser.release(key, 'forged-token')).toBe(false);
    expect(await winner.claim(key, 10_000)).toBeNull(); // not re-entrant either
    expect(await loser.release(key, token)).toBe(true); // whoever holds the token may release
    const next = await loser.claim(key, 10_000);
    expect(next).not.toBeNull();
    expect(await winner.release(key, token)).toBe(false); // the old token cannot delete the new claim
    expect(await winner.claim(key, 10_000)).toBeNull();
    expect(await loser.release(key, next!)).toBe(true);
  });

  it('namespaces isolate values and claims (two bots on one Redis)', async () => {
    const a = track(make());
    const other = track(createStore({ kind: 'redis', location: REDIS_URL!, namespace: `${ns}-other`, timeoutMs: 2_000 }));
    await a.set('same-key', 'mine', 10_000);
    expect(await other.get('same-key')).toBeUndefined();
    const key = `ns-claim-${randomUUID()}`;
    expect(await a.claim(key, 10_000)).not.toBeNull();
    expect(await other.claim(key, 10_000)).not.toBeNull();
  });

  it('many concurrent claimers across instances: exactly one wins', async () => {
    const stores = Array.from({ length: 4 }, () => track(make()));
    const key = `race-${randomUUID()}`;
    const tokens = await Promise.all(stores.flatMap((s) => [s.claim(key, 10_000), s.claim(key, 10_000)]));
    expect(tokens.filter((t) => t !== null)).toHaveLength(1);
  });

  it('a Redis that stops answering on a live connection: every call gives up by the store timeout', async () => {
    // A loopback proxy in front of the real Redis; "frozen" it keeps the connection open and drops what the client
    // sends. Nothing but the store's own per-call timeout can then end a call (no connect timeout is in play), so
    // the message names it, and without it the calls would hang into the test's timeout. No clock is read.
    const TIMEOUT = 200;
    const target = new URL(REDIS_URL!);
    let frozen = false;
    let closing = false;
    const sockets = new Set<Socket>();
    const proxy = createServer((c) => {
      if (closing) return void c.destroy(); // the client reconnecting while the test ends
      const up = connect(Number(target.port || 6379), target.hostname);
      for (const x of [c, up]) sockets.add(x.on('error', () => {}));
      c.on('data', (d) => void (frozen || up.write(d)));
      up.on('data', (d) => void c.write(d));
      c.on('close', () => up.destroy());
      up.on('close', () => c.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const { port } = proxy.address() as AddressInfo;
      const s = track(createStore({ kind: 'redis', location: `redis://127.0.0.1:${port}`, timeoutMs: TIMEOUT, namespace: `${ns}-frozen` }));
      await s.set('k', 'v'); // connected and answering through the proxy
      expect(await s.get('k')).toBe('v');
      frozen = true;
      const calls = await Promise.allSettled([s.get('k'), s.set('k', 'w'), s.claim(`frozen-${randomUUID()}`, 1000)]);
      expect(calls.map((r) => (r.status === 'rejected' ? r.reason : 'resolved'))).toEqual([
        new StoreUnavailableError(`store get timed out after ${TIMEOUT} ms`),
        new StoreUnavailableError(`store set timed out after ${TIMEOUT} ms`),
        new StoreUnavailableError(`store claim timed out after ${TIMEOUT} ms`),
      ]);
    } finally {
      closing = true;
      for (const x of sockets) x.destroy();
      await new Promise((r) => proxy.close(r));
    }
  });
});

describe('a dead Redis (127.0.0.1:1)', () => {
  const TIMEOUT = 200;
  const dead = () => track(createStore({ kind: 'redis', location: 'redis://127.0.0.1:1', timeoutMs: TIMEOUT, namespace: 'dead' }));
  /** How the store says it gave up on `op`: its own timeout, or the client's fast "offline" failure. */
  const gaveUp = (op: string) => new RegExp(`^store ${op} (timed out after ${TIMEOUT} ms|failed: )`);

  it('creating the store does not throw', () => {
    expect(() => dead()).not.toThrow();
  });

  // No wall-clock bound: a call that hangs is caught by the test's own timeout; what is asserted is how it ended.
  it.each([
    ['get', (s: Store) => s.get('k')],
    ['set', (s: Store) => s.set('k', 1, 1000)],
    ['delete', (s: Store) => s.delete('k')],
    ['claim', (s: Store) => s.claim('k', 1000)],
    ['release', (s: Store) => s.release('k', 'token')],
  ])('%s rejects with StoreUnavailableError, never hangs', async (op, call) => {
    const s = dead();
    const err = await call(s).then(
      () => new Error('resolved against a dead Redis'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(isStoreUnavailableError(err)).toBe(true);
    expect((err as Error).message).toMatch(gaveUp(op));
  });

  it('repeated calls all fail, none is left pending', async () => {
    const s = dead();
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => s.get(`k${i}`)));
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof StoreUnavailableError)).toBe(true);
    expect(results.every((r) => r.status === 'rejected' && gaveUp('get').test((r.reason as Error).message))).toBe(true);
  });

  it('close() on a dead store resolves', async () => {
    const s = createStore({ kind: 'redis', location: 'redis://127.0.0.1:1', timeoutMs: TIMEOUT });
    await expect(s.close()).resolves.toBeUndefined();
  });

  it('ask with a session over a dead store still answers, with a note about follow-ups', async () => {
    const store = track(createStore({ kind: 'redis', location: 'redis://127.0.0.1:1', timeoutMs: TIMEOUT }));
    const deps = await depsFor(SEEDS, { store });
    const a = await runCommand(deps, { command: 'ask', text: 'What did Peskov say?', session: 'dead-store-session' });
    expect(a.answered).toBe(true);
    expect(a.citations.some((c) => c.quote.includes('Peskov'))).toBe(true);
    expect(nonVerbatim(a.citations, SEEDS)).toEqual([]);
    expect(a.notes?.length ?? 0).toBeGreaterThan(0);
    expect(a.notes!.join(' ')).toMatch(/follow-?up|conversation|remember|memory|store/i);
    // A follow-up still answers (fresh, since nothing could be remembered).
    const b = await runCommand(deps, { command: 'ask', text: 'And China?', session: 'dead-store-session' });
    expect(b.answered).toBe(true);
    expect(b.notes?.length ?? 0).toBeGreaterThan(0);
  });
});
