/**
 * The digest scheduler: posts each subscription's digest once per slot.
 *
 * Exactly-once, in layers:
 * - per-slot claim (`store.claim`, SET NX PX on Redis) so two instances never post the same slot;
 * - the last posted slot is persisted, and checked after claiming, so a restart never re-posts;
 * - a `pending` record (slot + nonce) is written before posting: after a crash mid-post the
 *   restart re-sends with the same nonce, which Discord de-duplicates (`enforce_nonce`);
 * - every message of a digest carries a marker naming its slot's nonce, and before sending a
 *   slot the store has no post for, the channel's messages since the slot are searched for
 *   it: a post the store forgot (Redis restarted empty) or one past Discord's nonce window is
 *   recorded, not sent again. Only when that history cannot be read (no Read Message History)
 *   does a pending post past the nonce window stay unsent (a missed digest is better than a
 *   duplicate), said in /digest status;
 * - at start-up (and every minute) the latest due slot is posted if it is within the grace
 *   window; older missed slots are never posted.
 *
 * Transport-free: posting goes through a `Poster`, so tests use a real poster against the
 * fake Discord or an in-memory one. node-cron fires each subscription in its own time zone;
 * a once-a-minute sweep catches what a tick missed (start-up, DST gaps, store blips).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import cron, { type ScheduledTask } from 'node-cron';
import type { Deps } from '../deps.js';
import { isQuietDay } from '../discord/render-digest.js';
import { channelDigestKey, digest, type ChannelDigestRecord } from '../engines/digest.js';
import { isStoreUnavailableError } from '../store/index.js';
import { isDigestPostError, type Poster } from './poster.js';
import { previousSlot, type Slot } from './slots.js';
import { DEFAULT_QUIET, envSubscriptionProblem, getState, listSubscriptions, pauseSubscription, setState, type Subscription, type SubscriptionState } from './subscriptions.js';

export interface SchedulerOptions {
  /** Start node-cron tasks (default true). Tests drive `runDue` with a fake clock instead. */
  cron?: boolean;
  /** Minutes after a slot within which a missed slot is still posted; default DIGEST_GRACE_MINUTES. */
  graceMinutes?: number;
  /** How long a slot claim lasts (ms); longer than a post with all its retries. */
  leaseMs?: number;
  /** Attempts per slot run and the first backoff delay (doubles each time). */
  attempts?: number;
  backoffMs?: number;
  /** Runs of the sweep that may retry a failed slot. */
  maxSlotFailures?: number;
  /** How long Discord de-duplicates a nonce; after that a pending post is not re-sent. */
  nonceWindowMs?: number;
  /** Where digest charts are written; default `<DATA_DIR>/charts`. */
  chartDir?: string;
  sleep?: (ms: number) => Promise<void>;
}

/** What one slot run did (for logs and tests). */
export type SlotOutcome =
  | 'posted'
  /** A day with no new articles and `quiet:skip`: nothing posted, the slot counts as done. */
  | 'skipped'
  | 'already-posted'
  | 'found-in-channel'
  | 'claimed-elsewhere'
  | 'missed'
  | 'paused'
  | 'failed'
  | 'gave-up'
  | 'uncertain'
  | 'store-unavailable'
  | 'not-due';

export interface SlotResult {
  subscription: string;
  slot: string | null;
  outcome: SlotOutcome;
  messageIds?: string[];
}

export interface Scheduler {
  /** Post every due slot (the cron tick and the start-up catch-up call this). */
  runDue(now?: Date): Promise<SlotResult[]>;
  /** Re-read subscriptions and (re)create their cron tasks. */
  reload(): Promise<void>;
  /** Stop all tasks and wait for posts in flight. */
  stop(): Promise<void>;
}

const active = new Set<Scheduler>();

/** Tell running schedulers that subscriptions changed (the /digest command calls this). */
export async function subscriptionsChanged(): Promise<void> {
  await Promise.all([...active].map((s) => s.reload().catch(() => {})));
}

/** A stable Discord nonce (≤ 25 chars) for one subscription slot. */
export function slotNonce(subId: string, slot: string): string {
  return createHash('sha256').update(`${subId}@${slot}`).digest('hex').slice(0, 20);
}

const errText = (e: unknown) => String((e as Error)?.message ?? e);

/** Posted digests whose buttons are to be disabled when their stashed answer expires. */
interface ExpiringButtons {
  channelId: string;
  messageId: string;
  at: number;
  components: unknown[];
}
const expiringKey = (subId: string) => `digest:buttons:${subId}`;

/** How far before a slot's time its messages are looked for (our clock and Discord's may differ). */
const HISTORY_MARGIN_MS = 5 * 60_000;

/** Start the scheduler; runs the start-up catch-up before resolving. */
export async function startScheduler(deps: Deps, poster: Poster, opts: SchedulerOptions = {}): Promise<Scheduler> {
  const log = deps.log.child({ component: 'digest-scheduler' });
  const graceMs = (opts.graceMinutes ?? deps.config.DIGEST_GRACE_MINUTES) * 60_000;
  const attempts = opts.attempts ?? 4;
  const backoffMs = opts.backoffMs ?? 1000;
  // Shorter than the nonce window: a slot whose holder died before sending is re-claimed and sent while a re-send is still safe.
  const leaseMs = opts.leaseMs ?? 2 * 60_000;
  const maxSlotFailures = opts.maxSlotFailures ?? 3;
  const nonceWindowMs = opts.nonceWindowMs ?? 4 * 60_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.()));
  const tasks = new Map<string, ScheduledTask>();
  let sweep: ScheduledTask | undefined;
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    p.finally(() => inFlight.delete(p)).catch(() => {});
    return p;
  };

  async function runSlot(sub: Subscription, slot: Slot, now: Date): Promise<SlotResult> {
    const base = { subscription: sub.id, slot: slot.local };
    const claimKey = `digest:slot:${sub.id}:${slot.local}`;
    let token: string | null = null;
    try {
      token = await deps.store.claim(claimKey, leaseMs);
      if (!token) return { ...base, outcome: 'claimed-elsewhere' };
      let state = await getState(deps.store, sub.id);
      if ((state.lastSlotAt ?? -Infinity) >= slot.at.getTime()) return { ...base, outcome: 'already-posted' };
      if (state.failures?.slot === slot.local && state.failures.count >= maxSlotFailures) return { ...base, outcome: 'gave-up' };

      let nonce = slotNonce(sub.id, slot.local);
      const pending = state.pending?.slot === slot.local ? state.pending : undefined;
      const withinNonceWindow = !!pending && now.getTime() - pending.startedAt <= nonceWindowMs;
      // Exactly-once must rest neither on the store keeping its data nor on Discord's nonce window:
      // look for this slot's own messages in the channel before sending.
      const found = poster.findPosted ? await poster.findPosted(sub.channelId, pending?.nonce ?? nonce, slot.at.getTime() - HISTORY_MARGIN_MS) : null;
      if (poster.findPosted && !found) log.warn({ sub: sub.id, slot: slot.local }, "could not read the channel's recent messages to check for an earlier post of this slot (the bot needs Read Message History)");
      // (Within the nonce window a re-send is de-duplicated by Discord and completes a digest cut short between its messages.)
      if (found?.messageIds.length && !withinNonceWindow) {
        log.info({ sub: sub.id, slot: slot.local, messageIds: found.messageIds }, 'digest for this slot is already in the channel; recorded, not posted again');
        await setState(deps.store, sub.id, {
          ...state,
          pending: undefined,
          uncertain: undefined,
          lastSlot: slot.local,
          lastSlotAt: slot.at.getTime(),
          lastPostedAt: found.postedAt ?? state.lastPostedAt,
          lastMessageIds: found.messageIds,
        });
        return { ...base, outcome: 'found-in-channel', messageIds: found.messageIds };
      }
      if (pending) {
        if (!withinNonceWindow && !found) {
          // Past Discord's nonce window, and the channel could not be checked: a re-send could duplicate.
          log.warn({ sub: sub.id, slot: slot.local }, 'digest post was interrupted earlier; not re-sending outside the nonce window');
          await setState(deps.store, sub.id, {
            ...state,
            pending: undefined,
            lastSlot: slot.local,
            lastSlotAt: slot.at.getTime(),
            uncertain: { slot: slot.local, at: now.getTime() },
          });
          return { ...base, outcome: 'uncertain' };
        }
        nonce = pending.nonce;
      }
      // Build the digest before marking the post pending: a failure here sends nothing.
      let answer;
      try {
        answer = await digest(deps, { channel: sub.channelId, chartDir: opts.chartDir });
      } catch (err) {
        log.error({ sub: sub.id, slot: slot.local, err: errText(err) }, 'digest could not be built');
        const count = state.failures?.slot === slot.local ? state.failures.count + 1 : 1;
        await setState(deps.store, sub.id, { ...state, lastError: { message: `the digest could not be built: ${errText(err)}`, at: now.getTime(), slot: slot.local }, failures: { slot: slot.local, count } });
        return { ...base, outcome: 'failed' };
      }
      // A day with nothing new: post nothing (skip), one line (note), or the digest (full).
      const quietDay = isQuietDay(answer);
      const quiet = sub.quiet ?? DEFAULT_QUIET;
      if (quietDay && quiet === 'skip') {
        log.info({ sub: sub.id, slot: slot.local }, 'no new articles since the last digest; nothing posted (quiet: skip)');
        await setState(deps.store, sub.id, { ...state, pending: undefined, lastSlot: slot.local, lastSlotAt: slot.at.getTime(), lastError: undefined, failures: undefined });
        return { ...base, outcome: 'skipped' };
      }
      const variant = quietDay && quiet === 'note' ? 'note' : 'digest';
      const png = answer.image && variant === 'digest' ? await readFile(answer.image).catch(() => null) : null;
      // The nonce window counts from the latest send, on the same clock as `now` (the tick's time).
      state = { ...state, pending: { slot: slot.local, slotAt: slot.at.getTime(), nonce, startedAt: now.getTime() } };
      await setState(deps.store, sub.id, state);

      for (let attempt = 1; ; attempt++) {
        try {
          const { messageIds, expires } = await poster.post(sub.channelId, answer, png, nonce, { guildId: sub.guildId, variant });
          const postedAt = deps.clock().getTime();
          const articleIds = (answer.meta?.articleIds as string[] | undefined) ?? deps.corpus.articles.map((a) => a.id);
          await setState(deps.store, sub.id, {
            lastSlot: slot.local,
            lastSlotAt: slot.at.getTime(),
            lastPostedAt: postedAt,
            lastMessageIds: messageIds,
          });
          // A note is not a digest: "new since the last digest" still counts from the last real one.
          if (variant === 'digest') {
            const record: ChannelDigestRecord = { postedAt, articleIds };
            await deps.store.set(channelDigestKey(sub.channelId), record);
          }
          if (expires && messageIds[0]) {
            const list = (await deps.store.get<ExpiringButtons[]>(expiringKey(sub.id))) ?? [];
            list.push({ channelId: sub.channelId, messageId: messageIds[0], at: postedAt + expires.afterMs, components: expires.components });
            await deps.store.set(expiringKey(sub.id), list.slice(-20));
          }
          log.info({ sub: sub.id, slot: slot.local, messageIds, variant }, variant === 'note' ? 'no new articles; note posted' : 'digest posted');
          return { ...base, outcome: 'posted', messageIds };
        } catch (err) {
          const kind = isDigestPostError(err) ? err.kind : 'retryable';
          if (kind === 'gone') {
            log.warn({ sub: sub.id, err: errText(err) }, 'digest channel unusable; pausing subscription');
            await pauseSubscription(deps.store, sub, errText(err), now.getTime());
            await setState(deps.store, sub.id, { ...state, pending: undefined, lastError: { message: errText(err), at: now.getTime(), slot: slot.local } });
            return { ...base, outcome: 'paused' };
          }
          if (kind === 'retryable' && attempt < attempts && !stopped) {
            const delay = backoffMs * 2 ** (attempt - 1);
            log.warn({ sub: sub.id, attempt, delay, err: errText(err) }, 'digest post failed; retrying');
            await sleep(delay);
            continue;
          }
          log.error({ sub: sub.id, slot: slot.local, err: errText(err) }, 'digest post failed');
          const count = state.failures?.slot === slot.local ? state.failures.count + 1 : 1;
          // Keep `pending` so a later run re-sends with the same nonce (de-duplicated if the request did land).
          // The nonce window counts from the last send, so the next sweep (a minute later) may re-send safely.
          const pending = { ...state.pending!, startedAt: now.getTime() };
          await setState(deps.store, sub.id, { ...state, pending, lastError: { message: errText(err), at: now.getTime(), slot: slot.local }, failures: { slot: slot.local, count } });
          return { ...base, outcome: 'failed' };
        }
      }
    } catch (err) {
      if (isStoreUnavailableError(err)) {
        // Without the store we cannot know whether this slot was posted: skip rather than risk a duplicate.
        log.warn({ sub: sub.id, err: errText(err) }, 'store unavailable; digest slot deferred');
        return { ...base, outcome: 'store-unavailable' };
      }
      throw err;
    } finally {
      if (token) await deps.store.release(claimKey, token).catch(() => {});
    }
  }

  /** Disable the buttons of posted digests whose stashed answer has expired (edits the bot's own message). */
  async function expireButtons(subs: Subscription[], now: Date): Promise<void> {
    if (!poster.expireButtons) return;
    for (const sub of subs) {
      try {
        const list = (await deps.store.get<ExpiringButtons[]>(expiringKey(sub.id))) ?? [];
        const due = list.filter((e) => e.at <= now.getTime());
        if (!due.length) continue;
        for (const e of due) {
          await poster.expireButtons(e.channelId, e.messageId, e.components).catch((err) => log.info({ sub: sub.id, message: e.messageId, err: errText(err) }, 'could not disable an expired digest’s buttons'));
        }
        await deps.store.set(expiringKey(sub.id), list.filter((e) => e.at > now.getTime()));
      } catch (err) {
        log.warn({ sub: sub.id, err: errText(err) }, 'could not check digest buttons for expiry');
      }
    }
  }

  async function runDue(now: Date = deps.clock()): Promise<SlotResult[]> {
    if (stopped) return [];
    let subs: Subscription[];
    try {
      subs = await listSubscriptions(deps.store, deps.config);
    } catch (err) {
      log.warn({ err: errText(err) }, 'could not list digest subscriptions');
      return [];
    }
    await expireButtons(subs, now);
    const results: SlotResult[] = [];
    for (const sub of subs) {
      if (sub.paused) continue;
      const slot = previousSlot(sub.cron, sub.timezone, now, 40);
      if (!slot) continue;
      // A slot from before the subscription existed is not "missed": subscribing at 10:00 for 09:00 starts tomorrow.
      if (slot.at.getTime() < sub.createdAt) {
        results.push({ subscription: sub.id, slot: slot.local, outcome: 'not-due' });
        continue;
      }
      if (now.getTime() - slot.at.getTime() > graceMs) {
        // Too late for this slot; only note it once.
        const state: SubscriptionState = await getState(deps.store, sub.id).catch(() => ({}));
        if ((state.lastSlotAt ?? -Infinity) < slot.at.getTime() && state.lastError?.slot !== slot.local) {
          log.info({ sub: sub.id, slot: slot.local }, 'digest slot missed (outside grace window); not posting');
          await setState(deps.store, sub.id, { ...state, lastError: { message: `missed slot ${slot.local} (outside the ${graceMs / 60_000}-minute grace window)`, at: now.getTime(), slot: slot.local } }).catch(() => {});
        }
        results.push({ subscription: sub.id, slot: slot.local, outcome: 'missed' });
        continue;
      }
      results.push(await track(runSlot(sub, slot, now)));
    }
    return results;
  }

  async function reload(): Promise<void> {
    if (stopped || opts.cron === false) return;
    let subs: Subscription[];
    try {
      subs = await listSubscriptions(deps.store, deps.config);
    } catch (err) {
      log.warn({ err: errText(err) }, 'could not load digest subscriptions');
      return;
    }
    const want = new Map(subs.filter((s) => !s.paused).map((s) => [`${s.id}|${s.cron}|${s.timezone}`, s]));
    for (const [key, task] of tasks) {
      if (!want.has(key)) {
        await task.destroy();
        tasks.delete(key);
      }
    }
    for (const [key, sub] of want) {
      if (tasks.has(key)) continue;
      const task = cron.schedule(sub.cron, () => void track(runDue()).catch((err) => log.error({ err: errText(err) }, 'digest tick failed')), {
        timezone: sub.timezone,
        name: `digest:${sub.id}`,
        noOverlap: true,
      });
      tasks.set(key, task);
    }
  }

  const envProblem = envSubscriptionProblem(deps.config);
  if (envProblem) log.error(envProblem);

  const scheduler: Scheduler = {
    runDue,
    reload,
    async stop() {
      stopped = true;
      active.delete(scheduler);
      for (const t of tasks.values()) await t.destroy();
      tasks.clear();
      await sweep?.destroy();
      await Promise.allSettled([...inFlight]);
    },
  };
  active.add(scheduler);

  if (opts.cron !== false) {
    await reload();
    sweep = cron.schedule('* * * * *', () => void track(runDue()).catch((err) => log.error({ err: errText(err) }, 'digest sweep failed')), {
      name: 'digest:sweep',
      noOverlap: true,
    });
  }
  // Start-up catch-up: a slot missed while we were down is posted once, if within grace.
  await runDue().catch((err) => log.error({ err: errText(err) }, 'digest catch-up failed'));
  return scheduler;
}
