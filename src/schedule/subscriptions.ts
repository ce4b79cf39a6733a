/**
 * Digest subscriptions and their persisted state, in the store (keyv). A
 * subscription belongs to a server: it is keyed by guild and channel
 * (`<guild>:<channel>`), so a manager of one server can neither read, replace nor
 * delete another server's, whatever channel id they name. The store has no key
 * listing, so an index key holds the ids. The environment's default subscription
 * (DIGEST_CHANNEL_ID + DIGEST_CRON) is derived from config on every read and never
 * stored; a subscription made with /digest subscribe for the same channel replaces it.
 *
 * Older versions keyed command subscriptions by channel id alone. Those records are
 * migrated on first read when they name their server (state, and so the last posted
 * slot, moves with them); one without a server stays under its old key, still
 * scheduled, and is adopted by the server that owns the channel the next time a
 * manager there subscribes or unsubscribes it.
 */
import type { Config } from '../config.js';
import { isValidTimeZone } from '../config.js';
import { BadInputError } from '../errors.js';
import type { Store } from '../store/index.js';
import { cronFor, FREQUENCIES, isValidCron, nextSlot, parseTime, type Frequency } from './slots.js';

/** What a subscription posts on a day with no new articles: nothing, a one-line note, or the full digest. */
export type QuietMode = 'skip' | 'note' | 'full';
export const QUIET_MODES: readonly QuietMode[] = ['skip', 'note', 'full'];
/** A channel gets a one-line note rather than the same summary again (records from before quiet modes too). */
export const DEFAULT_QUIET: QuietMode = 'note';

/** A channel's digest schedule. */
export interface Subscription {
  /** `<guild>:<channel>` for command subscriptions (see subscriptionId); `env:<channel>` for the environment default; a bare channel id for records from older versions. */
  id: string;
  channelId: string;
  guildId: string | null;
  /** `HH:MM` for command subscriptions, null for a raw cron (environment). */
  time: string | null;
  timezone: string;
  frequency: Frequency | null;
  /** The cron expression the scheduler runs (derived from time + frequency, or DIGEST_CRON). */
  cron: string;
  source: 'command' | 'env';
  createdBy: string | null;
  createdAt: number;
  /** Set when posting cannot succeed (channel gone, no permission); shown by /digest status. */
  paused: { reason: string; at: number } | null;
  /** On a day with no new articles (default DEFAULT_QUIET). */
  quiet?: QuietMode;
}

/** What happened last for a subscription (persisted across restarts). */
export interface SubscriptionState {
  /** Local wall time of the last slot posted (or given up on), e.g. `2026-03-08T09:00`. */
  lastSlot?: string;
  /** Instant of that slot, ms. */
  lastSlotAt?: number;
  /** When the last digest was actually posted, ms. */
  lastPostedAt?: number;
  lastMessageIds?: string[];
  /** A post in progress: survives a crash so the restart re-sends with the same nonce. */
  pending?: { slot: string; slotAt: number; nonce: string; startedAt: number };
  lastError?: { message: string; at: number; slot?: string };
  /** Failed attempts for one slot, so the catch-up sweep does not retry forever. */
  failures?: { slot: string; count: number };
  /** Set when a post could not be confirmed either way (see scheduler). */
  uncertain?: { slot: string; at: number };
}

const INDEX_KEY = 'digest:subs';
const subKey = (id: string) => `digest:sub:${id}`;
/** Store key of a subscription's state. */
export const stateKey = (id: string) => `digest:state:${id}`;
/** Id of a command subscription: the server and the channel it posts to. */
export const subscriptionId = (guildId: string, channelId: string) => `${guildId}:${channelId}`;
/** A record from before subscriptions were keyed by server (its id is the bare channel id). */
const isLegacy = (sub: Subscription) => sub.source === 'command' && sub.id === sub.channelId;

/** Parse and check `/digest subscribe` options; throws BadInputError with a user-facing reason. */
export function validateSubscription(input: { channelId: string; time: string; timezone: string; frequency: string; quiet?: string }): {
  channelId: string;
  time: string;
  timezone: string;
  frequency: Frequency;
  cron: string;
  quiet: QuietMode;
} {
  if (!/^\d{15,22}$/.test(input.channelId ?? '')) throw new BadInputError('That is not a channel I can post to. Pick a text channel.');
  const t = parseTime(input.time ?? '');
  if (!t) throw new BadInputError(`"${clipText(input.time, 20)}" is not a time of day. Use 24-hour HH:MM, for example 08:30 or 18:00.`);
  const timezone = (input.timezone ?? '').trim();
  if (!timezone || !isValidTimeZone(timezone)) {
    throw new BadInputError(`"${clipText(timezone, 40)}" is not a time zone I know. Use an IANA zone such as Europe/Paris, America/New_York or UTC.`);
  }
  const frequency = (input.frequency ?? 'daily').trim() as Frequency;
  if (!FREQUENCIES.includes(frequency)) throw new BadInputError(`Frequency must be one of: ${FREQUENCIES.join(', ')}.`);
  const quiet = (input.quiet ?? DEFAULT_QUIET).trim() as QuietMode;
  if (!QUIET_MODES.includes(quiet)) throw new BadInputError(`Quiet days must be one of: ${QUIET_MODES.join(', ')}.`);
  const time = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  // Normalise the zone's spelling (e.g. "europe/paris" → "Europe/Paris").
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: timezone }).resolvedOptions().timeZone;
  return { channelId: input.channelId, time, timezone: canonical, frequency, cron: cronFor(time, frequency), quiet };
}

function clipText(s: string | undefined, n: number): string {
  const t = String(s ?? '').replace(/[\u0000-\u001f`]/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** Why the environment's default subscription cannot run, or null when it is fine or not configured. */
export function envSubscriptionProblem(config: Config): string | null {
  if (!config.DIGEST_CHANNEL_ID && !config.DIGEST_CRON) return null;
  if (!config.DIGEST_CHANNEL_ID) return 'DIGEST_CRON is set but DIGEST_CHANNEL_ID is not; no default digest will be posted';
  if (!config.DIGEST_CRON) return 'DIGEST_CHANNEL_ID is set but DIGEST_CRON is not; no default digest will be posted';
  if (!isValidCron(config.DIGEST_CRON)) return `DIGEST_CRON "${config.DIGEST_CRON}" is not a valid cron expression (minute hour day month weekday); no default digest will be posted`;
  return null;
}

/** The environment's default subscription, or null when not configured or invalid (see envSubscriptionProblem). */
export function envSubscription(config: Config): Subscription | null {
  if (!config.DIGEST_CHANNEL_ID || !config.DIGEST_CRON || !isValidCron(config.DIGEST_CRON)) return null;
  return {
    id: `env:${config.DIGEST_CHANNEL_ID}`,
    channelId: config.DIGEST_CHANNEL_ID,
    guildId: null,
    time: null,
    timezone: config.DIGEST_TZ,
    frequency: null,
    cron: config.DIGEST_CRON,
    source: 'env',
    createdBy: null,
    createdAt: 0,
    paused: null,
  };
}

/** All command subscriptions (from the store); channel-keyed records that name their server are migrated. */
export async function listStoredSubscriptions(store: Store): Promise<Subscription[]> {
  const ids = (await store.get<string[]>(INDEX_KEY)) ?? [];
  const subs = (await Promise.all(ids.map((id) => store.get<Subscription>(subKey(id))))).filter((s): s is Subscription => !!s);
  const out: Subscription[] = [];
  for (const sub of subs) out.push(isLegacy(sub) && sub.guildId ? await migrate(store, sub, sub.guildId) : sub);
  // Two records can meet under one id (a migrated one and one made meanwhile): list each once.
  return [...new Map(out.map((s) => [s.id, s])).values()];
}

/**
 * Move a channel-keyed record to its `<guild>:<channel>` key, with its state (the last
 * posted slot and any pending nonce), so the move neither re-posts nor loses a slot.
 * A record already at the new key (made by /digest subscribe meanwhile) wins.
 */
async function migrate(store: Store, old: Subscription, guildId: string): Promise<Subscription> {
  const id = subscriptionId(guildId, old.channelId);
  const current = await store.get<Subscription>(subKey(id));
  const sub = current ?? { ...old, id, guildId };
  if (!current) await store.set(subKey(id), sub);
  const oldState = await store.get<SubscriptionState>(stateKey(old.id));
  if (oldState && !(await store.get<SubscriptionState>(stateKey(id)))) await store.set(stateKey(id), oldState);
  await replaceInIndex(store, old.id, id);
  await store.delete(subKey(old.id));
  await store.delete(stateKey(old.id));
  return sub;
}

async function replaceInIndex(store: Store, remove: string, add: string | null): Promise<void> {
  const ids = (await store.get<string[]>(INDEX_KEY)) ?? [];
  const next = ids.filter((i) => i !== remove);
  if (add && !next.includes(add)) next.push(add);
  if (next.length !== ids.length || next.some((v, i) => v !== ids[i])) await store.set(INDEX_KEY, next);
}

/** Every active subscription: stored ones, plus the environment default unless a stored one covers its channel. */
export async function listSubscriptions(store: Store, config: Config): Promise<Subscription[]> {
  const stored = await listStoredSubscriptions(store);
  const env = envSubscription(config);
  if (env && !stored.some((s) => s.channelId === env.channelId)) {
    // The env subscription's pause flag lives in its state record (it is not stored itself).
    const paused = await store.get<{ reason: string; at: number }>(`digest:env-paused:${env.id}`);
    stored.push({ ...env, paused: paused ?? null });
  }
  return stored;
}

/**
 * The subscription for a channel as one server sees it: its own (`<guild>:<channel>`), an
 * older record for the channel that names no server, or the environment default for the
 * channel. Without `guildId` (the console, tests), any subscription for the channel.
 * Callers from Discord must pass the caller's server and a channel checked to be in it.
 */
export async function getSubscription(store: Store, config: Config, channelId: string, guildId?: string | null): Promise<Subscription | null> {
  const all = (await listSubscriptions(store, config)).filter((s) => s.channelId === channelId);
  if (guildId === undefined) return all[0] ?? null;
  return all.find((s) => s.guildId === guildId) ?? all.find((s) => s.guildId === null) ?? null;
}

/** A server's own stored subscription for a channel (not a serverless or environment one). */
export async function ownSubscription(store: Store, guildId: string, channelId: string): Promise<Subscription | null> {
  return (await store.get<Subscription>(subKey(subscriptionId(guildId, channelId)))) ?? null;
}

/** A server's command subscriptions (what its /digest status may list). */
export async function guildSubscriptions(store: Store, guildId: string): Promise<Subscription[]> {
  return (await listStoredSubscriptions(store)).filter((s) => s.guildId === guildId);
}

/** Create or replace the subscription for a channel (clears a pause); an older serverless record for the channel is replaced too. */
export async function saveSubscription(store: Store, sub: Subscription): Promise<void> {
  await store.set(subKey(sub.id), sub);
  const ids = (await store.get<string[]>(INDEX_KEY)) ?? [];
  if (!ids.includes(sub.id)) await store.set(INDEX_KEY, [...ids, sub.id]);
  if (sub.guildId && sub.id !== sub.channelId) await dropLegacy(store, sub.guildId, sub.channelId);
}

/** Remove one server's subscription for a channel. Returns false when there was none. */
export async function deleteSubscription(store: Store, guildId: string, channelId: string): Promise<boolean> {
  const id = subscriptionId(guildId, channelId);
  const existed = !!(await store.get<Subscription>(subKey(id)));
  await store.delete(subKey(id));
  await replaceInIndex(store, id, null);
  return (await dropLegacy(store, guildId, channelId)) || existed;
}

/** Delete the channel-keyed record of an older version when it is this server's (or names none). */
async function dropLegacy(store: Store, guildId: string, channelId: string): Promise<boolean> {
  const old = await store.get<Subscription>(subKey(channelId));
  if (!old || !isLegacy(old) || (old.guildId !== null && old.guildId !== guildId)) return false;
  await store.delete(subKey(channelId));
  await replaceInIndex(store, channelId, null);
  return true;
}

/** Pause a subscription with a note (shown in /digest status) instead of dropping it. */
export async function pauseSubscription(store: Store, sub: Subscription, reason: string, at: number): Promise<void> {
  const paused = { reason, at };
  if (sub.source === 'env') await store.set(`digest:env-paused:${sub.id}`, paused);
  else await store.set(subKey(sub.id), { ...sub, paused });
}

export async function getState(store: Store, id: string): Promise<SubscriptionState> {
  return (await store.get<SubscriptionState>(stateKey(id))) ?? {};
}

export async function setState(store: Store, id: string, state: SubscriptionState): Promise<void> {
  await store.set(stateKey(id), state);
}

/** Human description of a schedule, e.g. "daily at 08:30 (Europe/Paris)". */
export function describeSchedule(sub: Subscription): string {
  if (sub.frequency && sub.time) {
    const when = sub.frequency === 'weekly' ? `weekly on Mondays at ${sub.time}` : sub.frequency === 'twice-daily' ? `twice daily at ${sub.time} and ${twelveLater(sub.time)}` : `daily at ${sub.time}`;
    return `${when} (${sub.timezone})`;
  }
  return `cron \`${sub.cron}\` (${sub.timezone})`;
}

/** What a subscription does on a day with no new articles, for replies and /digest status. */
export function describeQuiet(sub: Subscription): string {
  const q = sub.quiet ?? DEFAULT_QUIET;
  return q === 'skip' ? 'nothing is posted' : q === 'note' ? 'a one-line “no new articles” note' : 'the full digest';
}

function twelveLater(time: string): string {
  const t = parseTime(time)!;
  return `${String((t.hour + 12) % 24).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** Next run of a subscription after `now`, or null when paused / never. */
export function nextRunOf(sub: Subscription, now: Date): Date | null {
  if (sub.paused) return null;
  return nextSlot(sub.cron, sub.timezone, now)?.at ?? null;
}
