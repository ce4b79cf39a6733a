/**
 * Buttons that read a stashed answer are disabled when the answer expires, not only when
 * somebody clicks one afterwards (that stays as the fallback, see router `stashed`).
 *
 * Each public message delivered with such buttons is remembered in the store — its channel,
 * id, current button rows and the expiry time — so any instance can edit it and a restart
 * loses nothing. A sweeper (a timer started with the bot) edits every due message's
 * components to `expiredRows(...)` through the bot's REST (PATCH /channels/{c}/messages/{m}:
 * the interaction token is dead long before a day has passed).
 *
 * Store layout (the store has get/set/delete and claims, no lists):
 * - `discord:buttons:msg:<message>`: the record (channel, expiry, rows, failed tries);
 * - `discord:buttons:due:<minute>`: ids of the messages expiring in that minute, appended
 *   under a claim on the key (a lock), so instances appending at once lose nothing;
 * - `discord:buttons:cursor`: the oldest minute that may still hold messages;
 * - claim `discord:buttons:sweep`: one instance sweeps at a time, so each message is edited once.
 *
 * Ephemeral messages cannot be edited through the channel (Discord answers Unknown Message),
 * so they are never remembered; their buttons are disabled on click, as before.
 */
import { Routes, type APIActionRowComponent, type APIButtonComponent, type REST } from 'discord.js';
import type { Logger } from '../log.js';
import { StoreUnavailableError, type Store } from '../store/index.js';
import { expiredRows, readsStash } from './stash.js';

type Rows = APIActionRowComponent<APIButtonComponent>[];

/** A delivered message whose buttons read a stashed answer. */
export interface ExpiringMessage {
  channelId: string;
  messageId: string;
  /** The button rows the message shows now. */
  rows: Rows;
}

/** Replace a message's components (bot token, never the interaction token). Throws discord.js REST errors. */
export type EditComponents = (channelId: string, messageId: string, rows: Rows) => Promise<void>;

/** What one sweep did (for logs and tests). */
export interface SweepResult {
  /** Messages whose buttons were disabled. */
  edited: number;
  /** Messages dropped without an edit: deleted, no access, or refused. */
  dropped: number;
  /** Due messages left for a later sweep (a failure worth retrying, or the time budget ran out). */
  left: number;
  /** Why nothing was swept: another instance is sweeping, the store is down, or the sweeper is stopped. */
  skipped?: 'busy' | 'store-unavailable' | 'stopped';
}

export interface ButtonExpiry {
  /**
   * Remember messages whose buttons stop working at `at` (ms). A message already remembered
   * keeps its expiry and takes the new rows (a timeline page changes them). Never throws:
   * with the store down, the messages wait in memory for the next sweep.
   */
  track(messages: ExpiringMessage[], at: number): Promise<void>;
  /** One pass over the due messages (waits for a pass already running here, then runs its own). */
  sweep(): Promise<SweepResult>;
  /** Sweep now and then every `everyMs`. */
  start(): void;
  /** Stop the timer and wait for a pass in progress (it stops between edits). */
  stop(): Promise<void>;
}

export interface ButtonExpiryOptions {
  edit: EditComponents;
  /** Time between sweeps (default a minute). */
  everyMs?: number;
  now?: () => number;
  /** Longest a sweep keeps editing before leaving the rest to the next one (default 40 s). */
  budgetMs?: number;
  /** How long a sweep holds its claim (default 2 min: longer than the budget, shorter than a restart). */
  leaseMs?: number;
  /** Edits of one message that fail with a retryable error before it is given up (default 10). */
  maxTries?: number;
}

interface ExpiringRecord extends ExpiringMessage {
  at: number;
  tries?: number;
}

const PREFIX = 'discord:buttons';
const recordKey = (messageId: string) => `${PREFIX}:msg:${messageId}`;
const dueKey = (bucket: number) => `${PREFIX}:due:${bucket}`;
const CURSOR_KEY = `${PREFIX}:cursor`;
const SWEEP_CLAIM = `${PREFIX}:sweep`;
const BUCKET_MS = 60_000;
/** Records and lists outlive their expiry by this much, then the store drops them (a sweeper that never ran). */
const RETAIN_MS = 7 * 24 * 60 * 60 * 1000;
const RETAIN_BUCKETS = RETAIN_MS / BUCKET_MS;
/**
 * Every sweep reads the last ten minutes' lists whatever the cursor says: an instance whose
 * clock runs ahead may have moved the cursor past a minute another instance still appends to.
 */
const RESCAN_BUCKETS = 10;
/** A lock on a due list is held for one read and one write. */
const LOCK_MS = 5_000;
const LOCK_ATTEMPTS = 50;
/** Messages waiting in memory for the store, at most (the oldest go first: their buttons still fail safe on click). */
const MAX_PENDING = 10_000;
/** Due lists read at once when the sweep scans many minutes (after a long stop). */
const SCAN_BATCH = 50;

const bucketOf = (ms: number) => Math.floor(ms / BUCKET_MS);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const errText = (e: unknown) => String((e as Error)?.message ?? e);

/** The REST edit both front doors use: components only, and no pings (every payload carries that). */
export function restEditor(rest: REST): EditComponents {
  return async (channelId, messageId, rows) => {
    await rest.patch(Routes.channelMessage(channelId, messageId), { body: { components: rows, allowed_mentions: { parse: [] } } });
  };
}

/** A message the bot sent: its id when known, and its button rows. */
export interface SentMessage {
  id: string | undefined;
  rows: Rows;
}

/** The messages of `sent` that show buttons reading the stash, as `track` takes them. */
export function expiringMessages(channelId: string, sent: SentMessage[]): ExpiringMessage[] {
  return sent.filter((s): s is { id: string; rows: Rows } => !!s.id && readsStash(s.rows)).map((s) => ({ channelId, messageId: s.id, rows: s.rows }));
}

type Failure = 'gone' | 'no-access' | 'refused' | 'unauthorized' | 'retry';

/** What an edit's failure means for the message (discord.js errors carry the HTTP status and Discord's code). */
function failureOf(err: unknown): Failure {
  const status = typeof (err as { status?: unknown })?.status === 'number' ? (err as { status: number }).status : undefined;
  if (status === 404) return 'gone'; // Unknown Message / Unknown Channel: deleted
  if (status === 403) return 'no-access'; // Missing Access / Permissions: the bot cannot see the channel (or a DM it is not in)
  if (status === 401) return 'unauthorized'; // the token itself: nothing to do with this message
  if (status === 429 || status === 408 || status === undefined || status >= 500) return 'retry';
  return 'refused'; // any other 4xx (an archived thread, a body Discord rejects): a retry gets the same answer
}

export function createButtonExpiry(store: Store, log: Logger, opts: ButtonExpiryOptions): ButtonExpiry {
  const now = opts.now ?? Date.now;
  const everyMs = opts.everyMs ?? 60_000;
  const budgetMs = opts.budgetMs ?? 40_000;
  const leaseMs = opts.leaseMs ?? 2 * 60_000;
  const maxTries = opts.maxTries ?? 10;
  const pending: { messages: ExpiringMessage[]; at: number }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<SweepResult> | undefined;
  let stopped = false;
  let storeDown = false;

  const retain = (at: number) => Math.max(at - now(), 0) + RETAIN_MS;

  /** One read-modify-write of a due list at a time, here (a queue) and across instances (a claim). */
  const queues = new Map<string, Promise<unknown>>();
  function locked<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const run = async () => {
      for (let i = 0; ; i++) {
        const token = await store.claim(key, LOCK_MS);
        if (token) {
          try {
            return await fn();
          } finally {
            await store.release(key, token).catch(() => {});
          }
        }
        if (i >= LOCK_ATTEMPTS) throw new StoreUnavailableError(`${key} stayed locked`);
        await sleep(10 + Math.random() * 40);
      }
    };
    const prev = queues.get(key) ?? Promise.resolve();
    const next = prev.then(run, run);
    queues.set(key, next);
    void next.finally(() => queues.get(key) === next && queues.delete(key)).catch(() => {});
    return next;
  }

  async function remember(messages: ExpiringMessage[], at: number): Promise<void> {
    const added: string[] = [];
    for (const m of messages) {
      const before = await store.get<ExpiringRecord>(recordKey(m.messageId));
      const record: ExpiringRecord = { ...m, at: before?.at ?? at };
      await store.set(recordKey(m.messageId), record, retain(record.at));
      if (!before) added.push(m.messageId);
    }
    if (!added.length) return;
    const key = dueKey(bucketOf(at));
    await locked(key, async () => {
      const ids = (await store.get<string[]>(key)) ?? [];
      await store.set(key, [...ids, ...added], retain(at));
    });
  }

  function keepForLater(messages: ExpiringMessage[], at: number): void {
    pending.push({ messages, at });
    let n = pending.reduce((s, p) => s + p.messages.length, 0);
    while (n > MAX_PENDING && pending.length > 1) n -= pending.shift()!.messages.length;
  }

  async function track(messages: ExpiringMessage[], at: number): Promise<void> {
    const list = messages.filter((m) => readsStash(m.rows));
    if (!list.length) return;
    try {
      await remember(list, at);
    } catch (err) {
      keepForLater(list, at);
      log.warn({ err: errText(err), messages: list.map((m) => m.messageId) }, 'store unavailable: expiring buttons kept in memory until the next sweep');
    }
  }

  /** Messages that could not be stored earlier, stored now; what still fails waits again. */
  async function flushPending(): Promise<void> {
    while (pending.length) {
      const p = pending[0]!;
      await remember(p.messages, p.at); // throws while the store is down: the rest stays queued
      pending.shift();
    }
  }

  /** Remove handled ids from a due list (ids appended meanwhile stay). */
  async function removeFromDue(bucket: number, done: Set<string>): Promise<boolean> {
    const key = dueKey(bucket);
    return locked(key, async () => {
      const ids = (await store.get<string[]>(key)) ?? [];
      const rest = ids.filter((id) => !done.has(id));
      if (rest.length === ids.length) return rest.length === 0;
      if (rest.length) await store.set(key, rest, RETAIN_MS);
      else await store.delete(key);
      return rest.length === 0;
    });
  }

  async function pass(): Promise<SweepResult> {
    const result: SweepResult = { edited: 0, dropped: 0, left: 0 };
    const started = now();
    const nowBucket = bucketOf(started);
    // Store trouble in here ends the pass (caught by the caller); Discord trouble is per message.
    await flushPending();
    const stored = await store.get<number>(CURSOR_KEY);
    // No cursor yet (a new store): nothing older than the rescan window can be waiting.
    const from = Math.min(typeof stored === 'number' ? Math.max(stored, nowBucket - RETAIN_BUCKETS) : nowBucket, nowBucket - RESCAN_BUCKETS);
    /** The first minute that may still hold messages once this pass is done. */
    let cursor = from;
    let drained = true;
    /** Channels the bot cannot edit in (this pass): their other messages are dropped without asking again. */
    const closed = new Map<string, number>();
    let unauthorized = false;
    let outOfTime = false;

    for (let b0 = from; b0 <= nowBucket && !outOfTime && !unauthorized && !stopped; b0 += SCAN_BATCH) {
      const buckets = Array.from({ length: Math.min(SCAN_BATCH, nowBucket - b0 + 1) }, (_, i) => b0 + i);
      const lists = await Promise.all(buckets.map((b) => store.get<string[]>(dueKey(b))));
      for (const [i, b] of buckets.entries()) {
        const ids = [...new Set(lists[i] ?? [])];
        const done = new Set<string>();
        let kept = 0;
        for (const id of ids) {
          if (stopped || unauthorized || (outOfTime ||= now() - started > budgetMs)) {
            kept++;
            continue;
          }
          const rec = await store.get<ExpiringRecord>(recordKey(id));
          if (!rec) {
            done.add(id); // forgotten, or expired from the store
            continue;
          }
          if (rec.at > now()) {
            kept++;
            continue;
          }
          const forget = async () => {
            await store.delete(recordKey(id));
            done.add(id);
            result.dropped++;
          };
          if (closed.has(rec.channelId)) {
            closed.set(rec.channelId, closed.get(rec.channelId)! + 1);
            await forget();
            continue;
          }
          const rows = expiredRows(rec.rows);
          try {
            await opts.edit(rec.channelId, rec.messageId, rows);
            await store.delete(recordKey(id));
            done.add(id);
            result.edited++;
          } catch (err) {
            if (err instanceof StoreUnavailableError) throw err;
            const kind = failureOf(err);
            const ctx = { channel: rec.channelId, message: rec.messageId, err: errText(err) };
            switch (kind) {
              case 'gone':
                log.debug(ctx, 'expired buttons: the message is gone; forgetting it');
                await forget();
                break;
              case 'no-access':
                // once per channel and pass, and each message is forgotten: never logged again for it
                log.info(ctx, 'expired buttons: the bot cannot edit messages in this channel; they are disabled when clicked instead');
                closed.set(rec.channelId, 0);
                await forget();
                break;
              case 'refused':
                log.warn(ctx, 'expired buttons: Discord refused the edit; forgetting the message');
                await forget();
                break;
              case 'unauthorized':
                log.error(ctx, 'expired buttons: Discord refused the bot token; trying again next sweep');
                unauthorized = true;
                kept++;
                break;
              case 'retry': {
                const tries = (rec.tries ?? 0) + 1;
                if (tries >= maxTries) {
                  log.warn({ ...ctx, tries }, 'expired buttons: giving up on a message after repeated failures');
                  await forget();
                } else {
                  log.info({ ...ctx, tries }, 'expired buttons: edit failed; trying again next sweep');
                  await store.set(recordKey(id), { ...rec, tries }, retain(rec.at));
                  kept++;
                }
                break;
              }
            }
          }
        }
        result.left += kept;
        const empty = done.size ? await removeFromDue(b, done) : ids.length === 0;
        // Appends land at or after the current minute (give or take clock skew, see RESCAN_BUCKETS).
        if (drained && empty && b < nowBucket - 1) cursor = b + 1;
        else drained = false;
      }
    }
    for (const [channel, more] of closed) if (more) log.debug({ channel, messages: more }, 'expired buttons: more messages in a channel the bot cannot edit; forgotten');
    if (typeof stored !== 'number' || cursor > stored) await store.set(CURSOR_KEY, cursor, RETAIN_MS);
    return result;
  }

  async function sweepOnce(): Promise<SweepResult> {
    if (stopped) return { edited: 0, dropped: 0, left: 0, skipped: 'stopped' };
    let token: string | null = null;
    try {
      token = await store.claim(SWEEP_CLAIM, leaseMs);
      if (!token) return { edited: 0, dropped: 0, left: 0, skipped: 'busy' };
      const r = await pass();
      if (storeDown) log.info('expired buttons: store reachable again; sweeping');
      storeDown = false;
      if (r.edited || r.dropped) log.debug(r, 'expired buttons swept');
      return r;
    } catch (err) {
      // A dead store: nothing is lost (records stay, new ones wait in memory); the next sweep tries again.
      if (!storeDown) log.warn({ err: errText(err) }, 'expired buttons: store unavailable; sweeping again later');
      storeDown = true;
      return { edited: 0, dropped: 0, left: 0, skipped: 'store-unavailable' };
    } finally {
      if (token) await store.release(SWEEP_CLAIM, token).catch(() => {});
    }
  }

  async function sweep(): Promise<SweepResult> {
    while (running) await running.catch(() => {});
    const p = sweepOnce();
    running = p;
    try {
      return await p;
    } finally {
      if (running === p) running = undefined;
    }
  }

  return {
    track,
    sweep,
    start() {
      if (timer || stopped) return;
      const tick = () => void (running ? undefined : sweep().catch((err) => log.error({ err: errText(err) }, 'expired buttons: sweep failed')));
      timer = setInterval(tick, everyMs);
      timer.unref();
      setImmediate(tick);
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => {});
    },
  };
}
