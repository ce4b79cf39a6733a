/**
 * The digest end to end: the real discord.js client against the fake Discord on
 * 127.0.0.1 — a scheduled post (embeds + PNG attachment, no pings, nonce), a 500
 * then success posting once, a restart re-sending with the same nonce, a deleted
 * channel pausing the subscription, and the /digest subcommands.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.js';
import { startDiscord, type DiscordBot } from '../../src/discord/client.js';
import { payloadViolations } from '../../src/discord/render.js';
import { commands } from '../../commands/index.js';
import { CHART_FILE, createDiscordPoster } from '../../src/schedule/discord-poster.js';
import { startScheduler, type Scheduler } from '../../src/schedule/scheduler.js';
import { getState, getSubscription, saveSubscription, subscriptionId, validateSubscription, type Subscription } from '../../src/schedule/subscriptions.js';
import { createStore, type Store } from '../../src/store/index.js';
import { SEEDS, makeDeps, removeDir } from '../digest-fixtures.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fake-discord.js';

const MANAGE_GUILD = String(1n << 5n);

let discord: FakeDiscord;
let bot: DiscordBot;
let deps: Deps;
let now = new Date('2026-06-01T09:00:00Z');
/** The bot keeps the deps it started with, so each test gets a fresh store behind one stable object. */
let inner: Store = createStore({ kind: 'memory' });
const store: Store = {
  kind: 'memory',
  get: (k) => inner.get(k),
  set: (k, v, t) => inner.set(k, v, t),
  delete: (k) => inner.delete(k),
  claim: (k, t) => inner.claim(k, t),
  release: (k, t) => inner.release(k, t),
  close: () => inner.close(),
};
const schedulers: Scheduler[] = [];

/** Discord's enforce_nonce: a repeated nonce returns the message created first. */
const created = new Map<string, Record<string, unknown>>();
let failNextPosts = 0;
let forbidden = false;
function installOverrides() {
  discord.override((r) => {
    const m = /^\/channels\/(\d+)\/messages$/.exec(r.path);
    // Each test starts with a fresh store, so its channel's history is only what this test posted.
    if (r.method === 'GET' && m) return { status: 200, body: [...created.values()].filter((msg) => msg.channel_id === m[1]).reverse() };
    if (r.method !== 'POST' || !m) return undefined;
    if (forbidden) return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
    if (failNextPosts > 0) {
      failNextPosts--;
      return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
    }
    const key = r.body?.enforce_nonce && r.body?.nonce ? `${m[1]}:${r.body.nonce}` : null;
    if (key && created.has(key)) return { status: 200, body: created.get(key) };
    const msg = discord.newBotMessage(m[1]!, r.body, {
      attachments: (r.body?.attachments ?? []).map((a: { id: string; filename: string }) => ({ id: discord.snowflake(), filename: a.filename, size: 1, url: 'http://127.0.0.1/x', proxy_url: 'http://127.0.0.1/x' })),
      components: [],
      type: 0,
      flags: 0,
      nonce: r.body?.nonce,
    });
    if (key) created.set(key, msg);
    return { status: 200, body: msg };
  });
}

const posts = () => discord.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
const okPosts = () => [...created.values()];

async function subscribeStored(channelId: string, time = '09:00', timezone = 'UTC', guildId = discord.guildId) {
  const v = validateSubscription({ channelId, time, timezone, frequency: 'daily' });
  const sub: Subscription = { id: subscriptionId(guildId, channelId), ...v, guildId, source: 'command', createdBy: null, createdAt: 0, paused: null };
  await saveSubscription(deps.store, sub);
}

async function scheduler(): Promise<Scheduler> {
  const s = await startScheduler(deps, createDiscordPoster(bot.client, { stash: bot.router.stash }), { cron: false, backoffMs: 10 });
  schedulers.push(s);
  return s;
}

beforeAll(async () => {
  discord = await startFakeDiscord({ channels: ['555555555555555555'] });
  const base = await makeDeps(SEEDS, { clock: () => now, store, env: { COOLDOWN_SECONDS: '0' } });
  deps = { ...base, config: { ...base.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } };
  bot = await startDiscord(deps, { commands, rest: { retries: 0 } });
  await discord.ready();
  installOverrides();
});

afterAll(async () => {
  for (const s of schedulers) await s.stop();
  await bot?.stop(); // destroy the client first, or the shard reconnects
  await discord?.close();
  removeDir(deps.config.dataDir);
});

beforeEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  inner = createStore({ kind: 'memory' });
  discord.requests.length = 0;
  created.clear();
  failNextPosts = 0;
  forbidden = false;
  now = new Date('2026-06-01T09:00:00Z');
});

function multipartPng(r: RecordedRequest): boolean {
  return r.raw.includes(`filename="${CHART_FILE}"`) && r.raw.includes('Content-Type: image/png') && r.raw.includes('PNG\r\n\u001a\n');
}

describe('scheduled digest to a channel', () => {
  it('posts ONE message of at most ~2,500 characters: embed, the PNG chart, a Quotes button, no pings, and a nonce', async () => {
    await subscribeStored(discord.channelId);
    const s = await scheduler();
    expect((await getState(deps.store, subscriptionId(discord.guildId, discord.channelId))).lastSlot).toBe('2026-06-01T09:00');
    expect(okPosts()).toHaveLength(posts().length);
    const first = posts()[0]!;
    const body = first.body;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.enforce_nonce).toBe(true);
    expect(typeof body.nonce).toBe('string');
    expect(body.nonce.length).toBeLessThanOrEqual(25);
    // discord.js names the file in its multipart part; payload_json lists it by id.
    expect(body.attachments).toEqual([expect.objectContaining({ id: '0', description: 'Digest chart' })]);
    expect(multipartPng(first)).toBe(true);
    expect(body.embeds.length).toBeGreaterThan(0);
    expect(body.embeds[0].image).toEqual({ url: `attachment://${CHART_FILE}` });
    for (const p of posts()) expect(payloadViolations({ embeds: p.body.embeds, components: p.body.components ?? [] })).toEqual([]);
    expect(posts()).toHaveLength(1);
    const embed = body.embeds[0];
    expect(embed.title.length + embed.description.length).toBeLessThanOrEqual(2500);
    expect(embed.description).toContain('What matters');
    expect(embed.description).toContain('Key figures');
    expect(embed.description).toMatch(/updated <t:\d+:R>/);
    expect(body.content).toMatch(/^-# Scheduled digest · ref [0-9a-f]{20}$/);
    const quotes = body.components[0].components[0];
    expect(quotes).toMatchObject({ type: 2, style: 2, custom_id: expect.stringMatching(/^q:\d{17,20}$/) });
    expect(quotes.label).toMatch(/^Quotes \(\d+\)$/);
    // A second tick in the same slot posts nothing more.
    await s.runDue(new Date('2026-06-01T09:01:00Z'));
    expect(okPosts().length).toBe(posts().length);
  });

  it('a 500 then success posts once', async () => {
    await subscribeStored(discord.channelId);
    failNextPosts = 1;
    await scheduler();
    const firstPosts = posts().filter((p) => p.body.attachments?.length);
    expect(firstPosts).toHaveLength(2); // the 500 and the retry
    expect(firstPosts[0]!.body.nonce).toBe(firstPosts[1]!.body.nonce);
    expect(okPosts().filter((m) => (m.attachments as unknown[]).length)).toHaveLength(1);
    expect((await getState(deps.store, subscriptionId(discord.guildId, discord.channelId))).lastSlot).toBe('2026-06-01T09:00');
  });

  it('a restart across the slot never posts twice', async () => {
    await subscribeStored(discord.channelId);
    const a = await scheduler();
    const n = okPosts().length;
    await a.stop();
    now = new Date('2026-06-01T09:05:00Z');
    await scheduler(); // start-up catch-up sees the persisted last post
    expect(okPosts().length).toBe(n);
  });

  it('a deleted channel pauses the subscription; status says so', async () => {
    const gone = '666666666666666666';
    await subscribeStored(gone);
    await scheduler();
    expect(okPosts()).toHaveLength(0);
    const sub = await getSubscription(deps.store, deps.config, gone);
    expect(sub?.paused?.reason).toMatch(/no longer exists/);

    const { token } = discord.sendInteraction(discord.command('digest', [{ name: 'status', type: 1, options: [{ name: 'channel', type: 7, value: gone }] }], { permissions: MANAGE_GUILD }));
    const reply = await discord.waitForRequest((r) => r.path.includes(token));
    const data = reply.body?.data ?? reply.body;
    expect(data.embeds[0].description).toMatch(/Paused: the channel no longer exists/);
    expect(data.flags & 64).toBe(64); // ephemeral
  });
});

describe('a channel in another server', () => {
  it('is refused: the subscription is paused, nothing posted', async () => {
    await subscribeStored(discord.channelId, '09:00', 'UTC', '777777777777777777');
    await scheduler();
    expect(posts()).toHaveLength(0);
    expect((await getSubscription(deps.store, deps.config, discord.channelId))?.paused?.reason).toMatch(/not in the server where the digest was set up/);
  });
});

describe('missing permission', () => {
  it('403 Missing Permissions pauses the subscription after one attempt (no blind retries)', async () => {
    await subscribeStored(discord.channelId);
    forbidden = true;
    await scheduler();
    expect(posts()).toHaveLength(1);
    const sub = await getSubscription(deps.store, deps.config, discord.channelId);
    expect(sub?.paused?.reason).toMatch(/lacks permission to post here/);
  });
});

describe('/digest commands', () => {
  const run = async (options: Record<string, unknown>[], permissions = MANAGE_GUILD) => {
    const { token } = discord.sendInteraction(discord.command('digest', options, { permissions }));
    return discord.waitForRequest((r) => r.path.includes(token) && (r.method === 'PATCH' || r.body?.type === 4));
  };
  const descr = (r: RecordedRequest) => {
    const data = r.path.endsWith('/callback') ? r.body.data : r.body;
    return [data.content ?? '', ...(data.embeds ?? []).map((e: { description?: string; title?: string }) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n');
  };

  it('subscribe stores the schedule and replies privately with the next run', async () => {
    const r = await run([
      {
        name: 'subscribe',
        type: 1,
        options: [
          { name: 'time', type: 3, value: '18:45' },
          { name: 'timezone', type: 3, value: 'Europe/Paris' },
          { name: 'frequency', type: 3, value: 'twice-daily' },
        ],
      },
    ]);
    expect(r.body.data.flags & 64).toBe(64);
    const next = Date.parse('2026-06-01T16:45:00Z') / 1000; // 18:45 in Paris, shown in each reader's own zone
    expect(descr(r)).toContain(`Digest scheduled for <#${discord.channelId}>: twice daily at 18:45 and 06:45 (Europe/Paris).\nNext run: <t:${next}:F> (<t:${next}:R>).`);
    expect(descr(r)).toContain('On a day with no new articles: a one-line “no new articles” note.');
    expect(r.body.data.allowed_mentions).toEqual({ parse: [] });
    const sub = await getSubscription(deps.store, deps.config, discord.channelId);
    expect(sub).toMatchObject({ time: '18:45', timezone: 'Europe/Paris', frequency: 'twice-daily', cron: '45 6,18 * * *' });
  });

  it('invalid time, zone or channel → a clear ephemeral error, nothing stored', async () => {
    const cases: [Record<string, unknown>[], RegExp][] = [
      [[{ name: 'time', type: 3, value: '25:99' }, { name: 'timezone', type: 3, value: 'UTC' }], /not a time of day/],
      [[{ name: 'time', type: 3, value: '08:00' }, { name: 'timezone', type: 3, value: 'Moon/Base' }], /not a time zone I know/],
      [[{ name: 'time', type: 3, value: '08:00' }, { name: 'timezone', type: 3, value: 'UTC' }, { name: 'channel', type: 3, value: 'general' }], /not a channel/],
    ];
    for (const [options, msg] of cases) {
      const r = await run([{ name: 'subscribe', type: 1, options }]);
      expect(descr(r)).toMatch(msg);
      expect(r.body.data.flags & 64).toBe(64);
    }
    expect(await getSubscription(deps.store, deps.config, discord.channelId)).toBeNull();
  });

  it('without Manage Server the command is refused server-side', async () => {
    const r = await run([{ name: 'subscribe', type: 1, options: [{ name: 'time', type: 3, value: '08:00' }, { name: 'timezone', type: 3, value: 'UTC' }] }], '0');
    expect(descr(r)).toMatch(/Manage Server/);
    expect(await getSubscription(deps.store, deps.config, discord.channelId)).toBeNull();
  });

  it('now: an ephemeral, cited preview within every limit, with the chart uploaded and shown', async () => {
    const { token } = discord.sendInteraction(discord.command('digest', [{ name: 'now', type: 1 }], { permissions: MANAGE_GUILD }));
    const defer = await discord.waitForRequest((r) => r.path.includes(token) && r.path.endsWith('/callback'));
    expect(defer.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = await discord.waitForRequest((r) => r.path.includes(token) && r.method === 'PATCH');
    expect(payloadViolations({ embeds: edit.body.embeds, components: edit.body.components ?? [] })).toEqual([]);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(descr(edit)).toContain('Where it stands');
    expect(edit.body.components[0].components[0]).toMatchObject({ custom_id: expect.stringMatching(/^q:\d+$/), label: expect.stringMatching(/^Quotes/) });
    // The PNG goes up as a multipart part, and the first embed shows it.
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(multipartPng(edit)).toBe(true);
    expect(edit.body.attachments).toEqual([expect.objectContaining({ id: '0' })]);
    expect(edit.body.embeds[0].image).toEqual({ url: `attachment://${CHART_FILE}` });
    // Any further messages of the preview are ephemeral follow-ups, never pinging.
    await new Promise((r) => setTimeout(r, 200));
    for (const f of discord.requests.filter((r) => r.path.includes(token) && r.method === 'POST' && !r.path.endsWith('/callback'))) {
      expect(f.body.flags & 64).toBe(64);
      expect(f.body.allowed_mentions).toEqual({ parse: [] });
      expect(f.body.embeds.every((e: { image?: unknown }) => !e.image)).toBe(true);
    }
    expect(okPosts()).toHaveLength(0); // a preview posts nothing to the channel
  });

  it('unsubscribe removes it; status then says none is scheduled', async () => {
    await subscribeStored(discord.channelId);
    expect(descr(await run([{ name: 'unsubscribe', type: 1 }]))).toMatch(/cancelled/);
    expect(descr(await run([{ name: 'status', type: 1 }]))).toMatch(/No digest is scheduled for this channel/);
  });
});
