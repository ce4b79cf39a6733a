/**
 * Answers kept for their buttons (Quotes, follow-ups, ◀ ▶): custom_id holds only a
 * short key (≤ 100 chars), the answer lives here. The store (Redis when scaled out)
 * is the shared copy; a small in-process LRU keeps buttons working on this instance
 * when the store is down, and saves a round-trip on the common path.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { Answer } from '../types.js';

/** What a button needs to act on an earlier answer. */
export interface StashEntry {
  answer: Answer;
  /** The conversation the answer belongs to (follow-ups continue it). */
  session: string;
}

export interface Stash {
  put(key: string, entry: StashEntry): Promise<void>;
  get(key: string): Promise<StashEntry | undefined>;
}

/** Buttons outlive interaction tokens; a day is long enough for a news story's chatter. */
export const STASH_TTL_MS = 24 * 60 * 60 * 1000;

/** custom_ids of the buttons that read a stashed answer (Quotes, Full answer, pages, suggested follow-ups). */
const STASHED_BUTTON = /^[qxtf]:/;
const readsStashButton = (b: APIButtonComponent | null | undefined) => !!b && typeof b === 'object' && b.style !== ButtonStyle.Link && 'custom_id' in b && STASHED_BUTTON.test(String(b.custom_id));

/**
 * A message's button rows once its stashed answer has expired: the buttons that read it are
 * disabled; link buttons and "Ask a follow-up" (which needs no stash) keep working.
 */
export function expiredRows(rows: readonly APIActionRowComponent<APIButtonComponent>[]): APIActionRowComponent<APIButtonComponent>[] {
  return rows
    .filter((r) => r?.type === ComponentType.ActionRow && Array.isArray(r.components))
    .map((r) => ({
      type: ComponentType.ActionRow,
      components: r.components
        .filter((b) => !!b && typeof b === 'object')
        .map((b) => (readsStashButton(b) ? { ...b, disabled: true } : b)),
    }));
}

/** True when some button of these rows reads a stashed answer (so the rows change when it expires). */
export function readsStash(rows: readonly APIActionRowComponent<APIButtonComponent>[]): boolean {
  return rows.some((r) => Array.isArray(r?.components) && r.components.some(readsStashButton));
}

export function createStash(store: Store, log: Logger, opts: { ttlMs?: number; lruSize?: number } = {}): Stash {
  const ttlMs = opts.ttlMs ?? STASH_TTL_MS;
  const lruSize = opts.lruSize ?? 1000;
  const lru = new Map<string, { entry: StashEntry; until: number }>();
  const remember = (key: string, entry: StashEntry) => {
    lru.delete(key);
    lru.set(key, { entry, until: Date.now() + ttlMs });
    while (lru.size > lruSize) lru.delete(lru.keys().next().value as string);
  };
  const storeKey = (key: string) => `discord:answer:${key}`;
  return {
    async put(key, entry) {
      remember(key, entry);
      try {
        await store.set(storeKey(key), entry, ttlMs);
      } catch (err) {
        log.warn({ err: (err as Error).message, key }, 'answer stash: store unavailable, keeping it in memory only');
      }
    },
    async get(key) {
      const hit = lru.get(key);
      if (hit && hit.until > Date.now()) return hit.entry;
      try {
        const entry = await store.get<StashEntry>(storeKey(key));
        if (entry) remember(key, entry);
        return entry;
      } catch (err) {
        log.warn({ err: (err as Error).message, key }, 'answer stash: store unavailable');
        return undefined;
      }
    },
  };
}
