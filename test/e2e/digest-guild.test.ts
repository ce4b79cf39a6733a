/**
 * Digest subscriptions belong to a server. The bot is in two servers on the fake
 * Discord; a manager of the second names the first server's channel in /digest
 * status, subscribe and unsubscribe — through the real discord.js client and through
 * the HTTP interactions endpoint with real signatures — and is refused every time,
 * with the victim's subscription intact and still posted by the scheduler. Records
 * from before subscriptions were keyed by server stay readable (migrated with their state).
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { Deps } from '../../src/deps.js';
import { startDiscord, type DiscordBot } from '../../src/discord/client.js';
import { startHttpInteractions, type HttpInteractionsServer } from '../../src/discord/http-interactions.js';
import { createDiscordPoster } from '../../src/schedule/discord-poster.js';
import { startScheduler } from '../../src/schedule/scheduler.js';
import {
  getState,
  getSubscription,
  listSubscriptions,
  ownSubscription,
  saveSubscription,
  setState,
  subscriptionId,
  validateSubscription,
  type Subscription,
} from '../../src/schedule/subscriptions.js';
import { createStore, type Store } from '../../src/store/index.js';
import { SEEDS, makeDeps, removeDir } from '../digest-fixtures.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fake-discord.js';

const MANAGE_GUILD = String(1n << 5n);
const OTHER_GUILD = '881234567890123456';
const OTHER_CHANNEL = '881234567890123457';
/** A second text channel of the victim's server. */
const SECOND = '555555555555555555';

let discord: FakeDiscord;
let bot: DiscordBot;
let deps: Deps;
let now = new Date('2026-06-01T08:00:00Z');
let inner: Store = createStore({ kind: 'memory' });
/** One stable store object (the bot keeps the deps it started with), fresh contents per test. */
const store: Store = {
  kind: 'memory',
  get: (k) => inner.get(k),
  set: (k, v, t) => inner.set(k, v, t),
  delete: (k) => inner.delete(k),
  claim: (k, t) => inner.claim(k, t),
  release: (k, t) => inner.release(k, t),
  close: () => inner.close(),
};

const victimAdmin = '301234567890123456';
const attacker = '401234567890123456';

beforeAll(async () => {
  discord = await startFakeDiscord({ channels: [SECOND], otherGuilds: [{ id: OTHER_GUILD, channels: [OTHER_CHANNEL] }] });
  const base = await makeDeps(SEEDS, { clock: () => now, store, env: { COOLDOWN_SECONDS: '0' } });
  deps = { ...base, config: { ...base.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } };
  bot = await startDiscord(deps, { commands, rest: { retries: 0 } });
  await discord.ready();
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
  if (deps) removeDir(deps.config.dataDir);
});

beforeEach(() => {
  inner = createStore({ kind: 'memory' });
  discord.requests.length = 0;
  now = new Date('2026-06-01T08:00:00Z');
});

/** A channel option as Discord sends it: the id, plus the channel in `data.resolved` (partial: no guild_id). */
const channelOpt = (id: string) => ({ name: 'channel', type: 7, value: id });
function withResolved(payload: Record<string, any>, channels: Record<string, Record<string, unknown>>) {
  payload.data.resolved = { channels };
  return payload;
}
const partialChannel = (id: string) => ({ id, name: `news-${id.slice(-4)}`, type: 0, permissions: '1071698660929' });

type Who = { userId: string; guildId: string; channelId: string };
const victim: () => Who = () => ({ userId: victimAdmin, guildId: discord.guildId, channelId: discord.channelId });
const intruder: Who = { userId: attacker, guildId: OTHER_GUILD, channelId: OTHER_CHANNEL };

function digestPayload(sub: string, options: Record<string, unknown>[], who: Who) {
  const payload = discord.command('digest', [{ name: sub, type: 1, options }], { ...who, permissions: MANAGE_GUILD });
  const named = options.find((o) => o.name === 'channel')?.value as string | undefined;
  return named ? withResolved(payload, { [named]: partialChannel(named) }) : payload;
}

/** Send a /digest subcommand through the gateway; the text of the (ephemeral) reply. */
async function gateway(sub: string, options: Record<string, unknown>[], who: Who): Promise<string> {
  const { token } = discord.sendInteraction(digestPayload(sub, options, who));
  const r = await discord.waitForRequest((q) => q.path.includes(token) && (q.method === 'PATCH' || q.body?.type === 4));
  await bot.router.idle();
  return replyText(r);
}

function replyText(r: RecordedRequest | { body: any; path: string }): string {
  const data = r.path.endsWith('/callback') ? r.body.data : r.body;
  expect(data.flags & 64).toBe(64); // every /digest setup reply is private
  expect(data.allowed_mentions).toEqual({ parse: [] });
  return [data.content ?? '', ...(data.embeds ?? []).map((e: { description?: string }) => e.description ?? '')].join('\n');
}

const channelPosts = (channel: string) => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);

describe('a manager of another server cannot reach this server\'s digest (gateway)', () => {
  it('status, subscribe and unsubscribe naming our channel are refused 3/3; our subscription is intact and still posts', async () => {
    const X = discord.channelId;
    expect(await gateway('subscribe', [{ name: 'time', type: 3, value: '09:00' }, { name: 'timezone', type: 3, value: 'UTC' }], victim())).toMatch(
      new RegExp(`Digest scheduled for <#${X}>: daily at 09:00 \\(UTC\\)`),
    );
    const before = await getSubscription(deps.store, deps.config, X, discord.guildId);
    expect(before).toMatchObject({ id: subscriptionId(discord.guildId, X), guildId: discord.guildId, time: '09:00', createdBy: victimAdmin, paused: null });

    const refused = [
      await gateway('status', [channelOpt(X)], intruder),
      await gateway('subscribe', [{ name: 'time', type: 3, value: '23:59' }, { name: 'timezone', type: 3, value: 'Pacific/Kiritimati' }, channelOpt(X)], intruder),
      await gateway('unsubscribe', [channelOpt(X)], intruder),
    ];
    for (const text of refused) {
      expect(text).toMatch(/That channel is not in this server/);
      expect(text).not.toMatch(/09:00|Next run|cancelled|scheduled for/);
    }
    expect(refused).toHaveLength(3);

    // The victim's record is exactly as it was; the intruder's server has none for the channel.
    expect(await getSubscription(deps.store, deps.config, X, discord.guildId)).toEqual(before);
    expect(await ownSubscription(deps.store, OTHER_GUILD, X)).toBeNull();
    expect((await listSubscriptions(deps.store, deps.config)).map((s) => s.id)).toEqual([subscriptionId(discord.guildId, X)]);
    // The intruder's own /digest status lists nothing of ours.
    const own = await gateway('status', [], intruder);
    expect(own).toMatch(/No digest is scheduled for this channel/);
    expect(own).not.toContain(X);

    // The scheduler still posts our digest, once, to our channel.
    const s = await startScheduler(deps, createDiscordPoster(bot.client), { cron: false, backoffMs: 10 });
    try {
      const results = await s.runDue(new Date('2026-06-01T09:00:30Z'));
      expect(results).toEqual([expect.objectContaining({ subscription: subscriptionId(discord.guildId, X), outcome: 'posted' })]);
      expect(channelPosts(X).length).toBeGreaterThan(0);
      expect(channelPosts(OTHER_CHANNEL)).toHaveLength(0);
    } finally {
      await s.stop();
    }
  });

  it('our own manager can name our channels; status lists only this server\'s other digests', async () => {
    expect(await gateway('subscribe', [{ name: 'time', type: 3, value: '18:00' }, { name: 'timezone', type: 3, value: 'Europe/Paris' }, channelOpt(SECOND)], victim())).toMatch(
      new RegExp(`Digest scheduled for <#${SECOND}>: daily at 18:00`),
    );
    expect(await ownSubscription(deps.store, discord.guildId, SECOND)).toMatchObject({ channelId: SECOND, guildId: discord.guildId });
    expect(await gateway('status', [channelOpt(SECOND)], victim())).toMatch(/Digest: daily at 18:00 \(Europe\/Paris\)/);
    // From the other channel: its own status, then this server's other digests.
    expect(await gateway('status', [], victim())).toMatch(new RegExp(`No digest is scheduled for this channel[\\s\\S]*Other digests in this server: <#${SECOND}> daily at 18:00`));
    // A channel of another server, even one the bot is in, is refused for our manager too.
    expect(await gateway('subscribe', [{ name: 'time', type: 3, value: '07:00' }, { name: 'timezone', type: 3, value: 'UTC' }, channelOpt(OTHER_CHANNEL)], victim())).toMatch(/not in this server/);
    expect(await ownSubscription(deps.store, discord.guildId, OTHER_CHANNEL)).toBeNull();
    expect(await gateway('unsubscribe', [channelOpt(SECOND)], victim())).toMatch(/cancelled/);
    expect(await ownSubscription(deps.store, discord.guildId, SECOND)).toBeNull();
  });
});

describe('HTTP interactions: the channel must be one Discord resolved in the caller\'s server', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  let http: HttpInteractionsServer;
  beforeAll(async () => {
    http = await startHttpInteractions({ ...deps, config: { ...deps.config, DISCORD_TOKEN: undefined } }, 0, { publicKey: der.subarray(der.length - 32).toString('hex'), host: '127.0.0.1' });
  });
  afterAll(async () => http?.close());

  async function signedPost(payload: Record<string, any>): Promise<string> {
    const body = JSON.stringify(payload);
    const ts = String(Math.floor(Date.now() / 1000));
    const r = await fetch(`http://127.0.0.1:${http.port}/interactions`, {
      method: 'POST',
      body,
      headers: { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'), 'x-signature-timestamp': ts, 'content-type': 'application/json' },
    });
    const json = (await r.json()) as { type: number; data: unknown };
    expect(json.type).toBe(4);
    await http.router.idle();
    return replyText({ path: '/callback', body: json });
  }

  it('a channel id Discord did not resolve, or resolved in another server, is refused; our subscription is untouched', async () => {
    const X = discord.channelId;
    const mine: Subscription = { id: subscriptionId(discord.guildId, X), ...validateSubscription({ channelId: X, time: '09:00', timezone: 'UTC', frequency: 'daily' }), guildId: discord.guildId, source: 'command', createdBy: victimAdmin, createdAt: 0, paused: null };
    await saveSubscription(deps.store, mine);
    const sub = (options: Record<string, unknown>[]) => discord.command('digest', [{ name: 'subscribe', type: 1, options: [{ name: 'time', type: 3, value: '23:59' }, { name: 'timezone', type: 3, value: 'UTC' }, ...options] }], { ...intruder, permissions: MANAGE_GUILD });
    const unsub = () => discord.command('digest', [{ name: 'unsubscribe', type: 1, options: [channelOpt(X)] }], { ...intruder, permissions: MANAGE_GUILD });
    const status = () => discord.command('digest', [{ name: 'status', type: 1, options: [channelOpt(X)] }], { ...intruder, permissions: MANAGE_GUILD });
    const texts = [
      await signedPost(sub([channelOpt(X)])), // not in resolved
      await signedPost(withResolved(sub([channelOpt(X)]), { [X]: { ...partialChannel(X), guild_id: discord.guildId } })), // resolved elsewhere
      await signedPost(withResolved(unsub(), { [X]: { ...partialChannel(X), guild_id: discord.guildId } })),
      await signedPost(status()),
    ];
    for (const t of texts) expect(t).toMatch(/That channel is not in this server/);
    expect(await ownSubscription(deps.store, discord.guildId, X)).toEqual(mine);
    expect(await ownSubscription(deps.store, OTHER_GUILD, X)).toBeNull();

    // The control: our manager names our channel as Discord resolves it (partial, no guild_id).
    const ok = discord.command('digest', [{ name: 'subscribe', type: 1, options: [{ name: 'time', type: 3, value: '06:15' }, { name: 'timezone', type: 3, value: 'UTC' }, channelOpt(SECOND)] }], { ...victim(), permissions: MANAGE_GUILD });
    expect(await signedPost(withResolved(ok, { [SECOND]: partialChannel(SECOND) }))).toMatch(new RegExp(`Digest scheduled for <#${SECOND}>: daily at 06:15`));
    expect(await ownSubscription(deps.store, discord.guildId, SECOND)).toMatchObject({ guildId: discord.guildId, time: '06:15' });
  });
});

describe('subscriptions stored by channel alone (before this change) stay readable', () => {
  it('one that names its server moves to <guild>:<channel> with its state, and is not posted again', async () => {
    const X = discord.channelId;
    const v = validateSubscription({ channelId: X, time: '09:00', timezone: 'UTC', frequency: 'daily' });
    await saveSubscription(deps.store, { id: X, ...v, guildId: discord.guildId, source: 'command', createdBy: victimAdmin, createdAt: 0, paused: null });
    await setState(deps.store, X, { lastSlot: '2026-06-01T09:00', lastSlotAt: Date.parse('2026-06-01T09:00:00Z'), lastPostedAt: Date.parse('2026-06-01T09:00:05Z') });

    const s = await startScheduler(deps, createDiscordPoster(bot.client), { cron: false, backoffMs: 10 });
    try {
      const results = await s.runDue(new Date('2026-06-01T09:10:00Z'));
      expect(results).toEqual([expect.objectContaining({ subscription: subscriptionId(discord.guildId, X), outcome: 'already-posted' })]);
    } finally {
      await s.stop();
    }
    expect(channelPosts(X)).toHaveLength(0);
    expect(await ownSubscription(deps.store, discord.guildId, X)).toMatchObject({ id: subscriptionId(discord.guildId, X), time: '09:00', createdBy: victimAdmin });
    expect((await getState(deps.store, subscriptionId(discord.guildId, X))).lastSlot).toBe('2026-06-01T09:00');
    expect(await deps.store.get(`digest:sub:${X}`)).toBeUndefined();
    expect((await listSubscriptions(deps.store, deps.config)).map((x) => x.id)).toEqual([subscriptionId(discord.guildId, X)]);
    // Another server still cannot see it.
    expect(await gateway('status', [channelOpt(X)], intruder)).toMatch(/not in this server/);
    expect(await gateway('status', [], victim())).toMatch(/Digest: daily at 09:00 \(UTC\)/);
  });

  it('one without a server keeps posting under its old key, and the channel\'s own server can unsubscribe it', async () => {
    const X = discord.channelId;
    const v = validateSubscription({ channelId: X, time: '09:00', timezone: 'UTC', frequency: 'daily' });
    await saveSubscription(deps.store, { id: X, ...v, guildId: null, source: 'command', createdBy: null, createdAt: 0, paused: null });
    expect((await listSubscriptions(deps.store, deps.config)).map((x) => x.id)).toEqual([X]);
    expect(await gateway('status', [], victim())).toMatch(/Digest: daily at 09:00 \(UTC\)/);
    expect(await gateway('unsubscribe', [], victim())).toMatch(/cancelled/);
    expect(await listSubscriptions(deps.store, deps.config)).toEqual([]);
  });
});
