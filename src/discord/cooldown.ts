/**
 * The one per-user cooldown, kept in the store so every shard and every instance
 * shares it: a claim (`SET NX PX` on Redis; in-process and on disk for the embedded
 * store) per user and kind of use. Every way in takes it — slash commands, mentions,
 * buttons, forms and autocomplete — so no path lets one user make the bot work (or
 * post) faster than the cooldown allows.
 *
 * Kinds differ only in their interval: `run` (anything that runs an engine or changes
 * settings: COOLDOWN_SECONDS), `light` (buttons that only re-show an answer) and
 * `autocomplete` (a request per keystroke) are shorter, never longer than `run`, and
 * all off when COOLDOWN_SECONDS is 0.
 */
import { BadInputError } from '../errors.js';
import { isStoreUnavailableError, type Store } from '../store/index.js';

/** The user is going too fast; the message says how long to wait. */
export class CooldownError extends BadInputError {
  override name = 'CooldownError';
}
export const isCooldownError = (e: unknown): e is CooldownError => e instanceof CooldownError;

export type CooldownKind = 'run' | 'light' | 'autocomplete';

/** Quotes and page buttons: quick enough to page through a timeline. */
const LIGHT_MS = 500;
/** Autocomplete: Discord sends one per keystroke; faster than anyone types. */
const AUTOCOMPLETE_MS = 150;
const LOCAL_LIMIT = 50_000;
/** After a store failure, hold cooldowns in-process for this long before asking the store again (no timeout per interaction). */
const STORE_RETRY_MS = 5_000;

export interface Cooldown {
  /** Take the user's cooldown for this kind of use; throws CooldownError while it is held. */
  take(userId: string, kind: CooldownKind): Promise<void>;
  /**
   * Whether a refused user should be shown a notice now: once per cooldown window, so
   * that refusing a flood never turns into a flood of notices.
   */
  shouldNotify(userId: string): Promise<boolean>;
}

export interface CooldownOptions {
  /** The `run` interval (COOLDOWN_SECONDS); 0 turns every kind off. */
  seconds: number;
  now?: () => number;
  /** Told when the store cannot be reached (the cooldown then holds per process). */
  onStoreError?: (err: unknown) => void;
}

export function createCooldown(store: Store, opts: CooldownOptions): Cooldown {
  const now = opts.now ?? Date.now;
  const runMs = Math.max(0, opts.seconds * 1000);
  const intervals: Record<CooldownKind, number> = { run: runMs, light: Math.min(runMs, LIGHT_MS), autocomplete: Math.min(runMs, AUTOCOMPLETE_MS) };
  // When this process took each cooldown: the wait to show, and the fallback while the store is down.
  const local = new Map<string, number>();
  let storeDownUntil = 0;

  const prune = (t: number) => {
    if (local.size <= LOCAL_LIMIT) return;
    for (const [k, until] of local) if (until <= t) local.delete(k);
  };

  /** null when taken now; else the remaining ms, or undefined when another instance holds it. */
  async function hold(key: string, ms: number): Promise<number | null | undefined> {
    const t = now();
    let token: string | null | undefined; // undefined: the store could not say
    if (t >= storeDownUntil) {
      try {
        token = await store.claim(key, ms);
      } catch (err) {
        if (!isStoreUnavailableError(err)) throw err;
        storeDownUntil = now() + STORE_RETRY_MS;
        opts.onStoreError?.(err);
      }
    }
    if (token === undefined) {
      // The store is down: hold the cooldown in this process until it is back.
      const until = local.get(key);
      if (until !== undefined && until > t) return until - t;
      token = 'local';
    }
    if (token) {
      local.set(key, t + ms);
      prune(t);
      return null;
    }
    const until = local.get(key);
    return until !== undefined && until > t ? until - t : undefined;
  }

  return {
    async take(userId, kind) {
      const ms = intervals[kind];
      if (ms <= 0) return;
      const left = await hold(`cooldown:${kind}:${userId}`, ms);
      if (left === null) return;
      const wait = left !== undefined ? `${Math.max(0.1, left / 1000).toFixed(1)} s` : `a moment (at most ${Math.ceil(ms / 1000)} s)`;
      throw new CooldownError(`You're going a bit fast — try again in ${wait}.`);
    },
    async shouldNotify(userId) {
      if (runMs <= 0) return true;
      return (await hold(`cooldown:notice:${userId}`, runMs)) === null;
    },
  };
}
