/**
 * Storage: keyv behind a small typed facade. The embedded default persists to a
 * file under DATA_DIR (keyv-file); REDIS_URL switches to @keyv/redis; tests may use
 * memory. Keyv swallows adapter errors by default, so every call here is bounded
 * by a timeout and failures surface as StoreUnavailableError, which callers turn
 * into a degraded-but-answering path (never a crash or a hang).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Keyv from 'keyv';
import type KeyvRedis from '@keyv/redis';
import { createRequire } from 'node:module';
import { KeyvFile } from 'keyv-file';
import { UpstreamError } from '../errors.js';

/**
 * keyv-file, with one fix: its `save()` hands a `set` that arrives while the file is being
 * written the promise of that write, which took its snapshot before the change, so an awaited
 * `set` could resolve without ever reaching the disk (until some later write). Here a change
 * made after a write's snapshot always gets a write of its own, queued behind the current one.
 */
function durable(store: KeyvFile): KeyvFile {
  const f = store as unknown as { save(): Promise<void>; clearExpire(): void; saveToDisk(): Promise<void>; opts: { writeDelay: number } };
  let queued: Promise<void> | undefined;
  let writing: Promise<void> = Promise.resolve();
  f.save = () => {
    f.clearExpire();
    if (queued) return queued; // not yet snapshotted: it will include this change
    const next = writing
      .catch(() => {})
      .then(() => new Promise<void>((r) => setTimeout(r, f.opts.writeDelay)))
      .then(() => {
        queued = undefined; // the snapshot is taken synchronously as saveToDisk starts
        writing = f.saveToDisk();
        return writing;
      });
    queued = next;
    return next;
  };
  return store;
}

/** The store failed or did not answer in time. */
export class StoreUnavailableError extends UpstreamError {
  override name = 'StoreUnavailableError';
}
export const isStoreUnavailableError = (e: unknown): e is StoreUnavailableError => e instanceof StoreUnavailableError;

export type StoreKind = 'memory' | 'file' | 'redis';

/** The typed key-value store every layer uses. Keys are plain strings; values are JSON-able. */
export interface Store {
  readonly kind: StoreKind;
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Claim `key` for `ttlMs` if nobody holds it (SET NX PX on Redis). Returns the
   * claim token, or null when someone else holds it.
   */
  claim(key: string, ttlMs: number): Promise<string | null>;
  /** Release a claim only if `token` still holds it (compare-and-delete). */
  release(key: string, token: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  kind: StoreKind;
  /** File path for `file`, URL for `redis`. */
  location?: string;
  /** Milliseconds one call may take. */
  timeoutMs?: number;
  namespace?: string;
  onError?: (err: unknown) => void;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    // If the event loop was blocked past the deadline, the reply may already sit in the
    // socket: let pending I/O run first (setImmediate follows the poll phase), so a busy
    // instance does not mistake a served claim for an outage and answer a duplicate.
    // When the timer itself fires late (the loop was blocked), allow one more short wait with I/O
    // running, so the reply that arrived meanwhile is seen before calling it a timeout.
    const started = Date.now();
    const fail = () => reject(new StoreUnavailableError(`store ${what} timed out after ${ms} ms`));
    timer = setTimeout(() => {
      const late = Date.now() - started - ms > Math.max(20, ms / 4);
      if (late) timer = setTimeout(() => setImmediate(fail), Math.min(ms, 100));
      else setImmediate(fail);
    }, ms);
    timer.unref?.();
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer)) as Promise<T>;
}

const RELEASE_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/** Create a store. Never throws for an unreachable Redis: calls fail (bounded) until it returns. */
export function createStore(opts: StoreOptions): Store {
  const timeoutMs = opts.timeoutMs ?? 500;
  const namespace = opts.namespace ?? 'dispatch';
  const onError = opts.onError ?? (() => {});
  let redis: KeyvRedis<unknown> | undefined;
  let keyv: Keyv;
  if (opts.kind === 'redis') {
    if (!opts.location) throw new Error('redis store needs a URL');
    // Loaded only when Redis is configured: the client costs ~250 ms of start-up otherwise.
    const { default: KeyvRedisImpl } = createRequire(import.meta.url)('@keyv/redis') as { default: typeof KeyvRedis };
    redis = new KeyvRedisImpl(
      {
        url: opts.location,
        socket: {
          connectTimeout: Math.max(timeoutMs, 1000),
          // Keep trying forever, with a capped backoff: the store recovers when Redis returns.
          reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 6), 2000),
        },
        // Fail fast while disconnected instead of queueing commands that would hang.
        disableOfflineQueue: true,
      },
      { throwOnConnectError: false, throwOnErrors: true, connectionTimeout: Math.max(timeoutMs, 1000) },
    );
    keyv = new Keyv({ store: redis, namespace, throwOnErrors: true, useKeyPrefix: false });
  } else if (opts.kind === 'file') {
    const file = opts.location ?? path.resolve('data', 'store.json');
    mkdirSync(path.dirname(file), { recursive: true });
    keyv = new Keyv({ store: durable(new KeyvFile({ filename: file, writeDelay: 50 })), namespace, throwOnErrors: true });
  } else {
    keyv = new Keyv({ namespace, throwOnErrors: true });
  }
  keyv.on('error', onError);
  redis?.on('error', onError);

  // In-process claims for single-instance stores (the file store also keeps them on disk, so
  // an interaction claimed just before a restart is not answered again after it).
  const localClaims = new Map<string, { token: string; until: number }>();
  let claimsSinceSweep = 0;
  const sweepClaims = (now: number) => {
    if (++claimsSinceSweep < 1000) return;
    claimsSinceSweep = 0;
    for (const [k, v] of localClaims) if (v.until <= now) localClaims.delete(k);
  };
  const persistedClaim = (key: string) => `claim:${key}`;

  // Concurrent first calls must share one connect: a second caller would otherwise get the
  // still-connecting client and, with the offline queue disabled, fail with "client is offline".
  let connecting: Promise<unknown> | undefined;
  const connected = () => (connecting ??= redis!.getClient().finally(() => (connecting = undefined)));

  const wrap = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await withTimeout(redis ? connected().then(fn) : fn(), timeoutMs, what);
    } catch (err) {
      if (err instanceof StoreUnavailableError) throw err;
      throw new StoreUnavailableError(`store ${what} failed: ${(err as Error)?.message ?? String(err)}`);
    }
  };

  const redisClient = async () => {
    const client = (await redis!.getClient()) as unknown as {
      set(k: string, v: string, o: { NX: true; PX: number }): Promise<string | null>;
      eval(script: string, o: { keys: string[]; arguments: string[] }): Promise<number>;
    };
    return client;
  };

  return {
    kind: opts.kind,
    get: <T>(key: string) => wrap('get', async () => (await keyv.get<T>(key)) as T | undefined),
    set: (key, value, ttlMs) => wrap('set', async () => void (await keyv.set(key, value, ttlMs))),
    delete: (key) => wrap('delete', async () => void (await keyv.delete(key))),
    async claim(key, ttlMs) {
      const token = randomUUID();
      if (redis) {
        return wrap('claim', async () => {
          const ok = await (await redisClient()).set(`${namespace}:claim:${key}`, token, { NX: true, PX: ttlMs });
          return ok === 'OK' ? token : null;
        });
      }
      const now = Date.now();
      sweepClaims(now);
      const held = localClaims.get(key);
      if (held && held.until > now) return null;
      localClaims.set(key, { token, until: now + ttlMs });
      if (opts.kind === 'file') {
        const before = await wrap('claim', async () => (await keyv.get<{ until: number }>(persistedClaim(key))) ?? undefined).catch(() => undefined);
        if (before && before.until > now) {
          localClaims.set(key, { token: randomUUID(), until: before.until });
          return null;
        }
        // not awaited: keyv-file delays its writes, and a claim must not wait for the disk
        keyv.set(persistedClaim(key), { until: now + ttlMs }, ttlMs).catch(onError);
      }
      return token;
    },
    async release(key, token) {
      if (redis) {
        return wrap('release', async () => {
          const n = await (await redisClient()).eval(RELEASE_SCRIPT, { keys: [`${namespace}:claim:${key}`], arguments: [token] });
          return n === 1;
        });
      }
      const held = localClaims.get(key);
      if (held?.token !== token) return false;
      localClaims.delete(key);
      if (opts.kind === 'file') await keyv.delete(persistedClaim(key)).catch(onError);
      return true;
    },
    async close() {
      try {
        await withTimeout(keyv.disconnect(), 2000, 'close');
      } catch {
        /* closing a dead store is not an error worth surfacing */
      }
    },
  };
}
