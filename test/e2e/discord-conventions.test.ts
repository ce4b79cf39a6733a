/**
 * Issue 13, parts 3 and 5, end to end: the real discord.js client against the fake Discord.
 * - a button whose answer has expired: its message's stash-backed buttons are disabled
 *   (links and "Ask a follow-up" keep working) and the clicker is told privately;
 * - a scheduled digest's Quotes button is disabled by editing the message when its answer expires;
 * - the digest on a day with nothing new, per subscription: skip posts nothing, note posts
 *   one line, full posts the digest;
 * - /help: every command with an example, ephemeral;
 * - `npm run deploy-commands` reads `.env` from its working directory (a child process).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions, commands } from '../../commands/index.js';
import type { Deps } from '../../src/deps.js';
import { startDiscord, type DiscordBot } from '../../src/discord/client.js';
import { createDiscordPoster } from '../../src/schedule/discord-poster.js';
import { startScheduler, type Scheduler } from '../../src/schedule/scheduler.js';
import { saveSubscription, subscriptionId, validateSubscription, type QuietMode } from '../../src/schedule/subscriptions.js';
import { createStore } from '../../src/store/index.js';
import { removeDir, tempDir } from '../digest-fixtures.js';
import { answerOf, expectSafeMessage, payloadOf, realDeps, ROOT, textOf } from './discord-harness.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fake-discord.js';

const QUIET = { skip: '511111111111111111', note: '522222222222222222', full: '533333333333333333' } as const;
const EXPIRY = '544444444444444444';
const DAY_MS = 86_400_000;

let discord: FakeDiscord;
let bot: DiscordBot;
let deps: Deps;
let now = new Date('2026-06-01T09:00:00Z');
const schedulers: Scheduler[] = [];

beforeAll(async () => {
  discord = await startFakeDiscord({ channels: [...Object.values(QUIET), EXPIRY] });
  const base = await realDeps({ DATA_DIR: tempDir() }, createStore({ kind: 'memory' }));
  deps = { ...base, clock: () => now, config: { ...base.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } };
  bot = await startDiscord(deps, { commands, rest: { retries: 0 } });
  await discord.ready();
});

afterAll(async () => {
  for (const s of schedulers) await s.stop();
  await bot?.stop(); // destroy the client first, or the shard reconnects
  await discord?.close(); // also checks every body sent against Discord's OpenAPI spec
  removeDir(deps.config.dataDir);
});

const botMessage = (p: ReturnType<typeof payloadOf>) =>
  discord.message('', { id: discord.snowflake(), author: { id: discord.botId, username: 'Dispatch', discriminator: '0000', bot: true }, embeds: p.embeds, components: p.components });

const buttons = (rows: { components: Record<string, unknown>[] }[]) => rows.flatMap((r) => r.components);

describe('a button whose answer has expired', () => {
  it('disables the message’s buttons that need the answer and says so privately; links and “Ask a follow-up” stay', async () => {
    const { id, token } = discord.sendInteraction(discord.command('ask', [{ name: 'question', type: 3, value: 'How many troops has the US sent to the Caribbean?' }]));
    const answered = payloadOf(await answerOf(discord, token, 20_000));
    await bot.router.idle();
    const stashBacked = buttons(answered.components as never).map((b) => String(b.custom_id ?? '')).filter((c) => /^[qxtf]:/.test(c));
    expect(stashBacked.length, textOf(answered)).toBeGreaterThan(0);
    expect(stashBacked.every((c) => c.includes(id))).toBe(true);
    // The same message a day later: its stashed answer is gone (a key the stash no longer holds).
    const gone = discord.snowflake(Date.now() - 2 * DAY_MS);
    const old = JSON.parse(JSON.stringify(answered).split(id).join(gone)) as typeof answered;
    const click = discord.sendInteraction(discord.button(stashBacked[0]!.split(id).join(gone), botMessage(old)));
    const update = await discord.waitForRequest((r) => r.path.includes(click.token) && r.path.endsWith('/callback'));
    expect(update.body.type).toBe(7); // UPDATE_MESSAGE: the message the button is on
    expect(update.body.data.embeds).toBeUndefined(); // only its buttons change
    const before = buttons(old.components as never);
    const after = buttons(update.body.data.components);
    expect(after).toHaveLength(before.length);
    for (const [i, b] of after.entries()) {
      const stashBacked = /^[qxtf]:/.test(String(b.custom_id ?? ''));
      expect(b.disabled ?? false).toBe(stashBacked);
      if (!stashBacked) expect(b).toEqual(before[i]); // link buttons and "Ask a follow-up" untouched
    }
    expect(after.some((b) => b.style === 5 && !b.disabled)).toBe(true);
    const note = await discord.waitForRequest((r) => r.path.includes(click.token) && r.method === 'POST' && !r.path.endsWith('/callback'));
    expectSafeMessage(note);
    expect(note.body.flags & 64).toBe(64);
    expect(note.body.content).toMatch(/expired — run the command again/);
  });
});

async function subscribe(channelId: string, quiet: QuietMode | undefined) {
  const v = validateSubscription({ channelId, time: '09:00', timezone: 'UTC', frequency: 'daily', ...(quiet ? { quiet } : {}) });
  await saveSubscription(deps.store, { id: subscriptionId(discord.guildId, channelId), ...v, guildId: discord.guildId, source: 'command', createdBy: null, createdAt: 0, paused: null });
}

const channelPosts = (channelId: string) => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);

describe('a scheduled digest', () => {
  let s: Scheduler;
  beforeAll(async () => {
    now = new Date('2026-06-01T09:00:00Z');
    await subscribe(QUIET.skip, 'skip');
    await subscribe(QUIET.note, 'note');
    await subscribe(QUIET.full, 'full');
    await subscribe(EXPIRY, undefined);
    // Quotes answers expire after an hour here (a day in production)
    s = await startScheduler(deps, createDiscordPoster(bot.client, { stash: bot.router.stash, ttlMs: 3_600_000 }), { cron: false, backoffMs: 10 });
    schedulers.push(s);
  });

  it('is one message within ~2,500 characters, with the chart, a Quotes button and link buttons, on its first day everywhere', () => {
    for (const c of [...Object.values(QUIET), EXPIRY]) {
      const posts = channelPosts(c);
      expect(posts).toHaveLength(1);
      expectSafeMessage(posts[0]!);
      const p = payloadOf(posts[0]!);
      expect(p.embeds).toHaveLength(1);
      expect(textOf(p).length).toBeLessThanOrEqual(2600); // title + description + the marker line
      expect(p.embeds[0]!.image).toEqual({ url: 'attachment://digest-chart.png' });
      expect(p.content).toMatch(/^-# Scheduled digest · ref [0-9a-f]{20}$/);
      expect(buttons(p.components as never)[0]).toMatchObject({ style: 2, custom_id: expect.stringMatching(/^q:\d+$/) });
      expect(buttons(p.components as never).some((b) => b.style === 5)).toBe(true);
    }
  });

  it('its Quotes button brings the quotes behind exactly what the message shows', async () => {
    const p = payloadOf(channelPosts(EXPIRY)[0]!);
    const q = buttons(p.components as never)[0]!;
    const shown = new Set([...p.embeds[0]!.description!.matchAll(/\\\[\[?(\d+)/g)].map((m) => Number(m[1])));
    const { token } = discord.sendInteraction(discord.button(String(q.custom_id), botMessage(p), { channelId: EXPIRY }));
    const r = await answerOf(discord, token);
    expect(r.body.data.flags).toBe(64);
    const numbers = new Set([...textOf(payloadOf(r)).matchAll(/\*\*\[(\d+)\]\*\*/g)].map((m) => Number(m[1])));
    expect([...numbers].sort((a, b) => a - b)).toEqual([...shown].sort((a, b) => a - b));
    expect(String(q.label)).toBe(`Quotes (${shown.size})`);
  });

  it('on a day with no new articles: skip posts nothing, note posts one line, full posts the digest', async () => {
    now = new Date('2026-06-02T09:00:00Z');
    const results = await s.runDue(now);
    const outcome = (c: string) => results.find((x) => x.subscription === subscriptionId(discord.guildId, c))?.outcome;
    expect(outcome(QUIET.skip)).toBe('skipped');
    expect(channelPosts(QUIET.skip)).toHaveLength(1); // still only yesterday's

    const note = channelPosts(QUIET.note);
    expect(note).toHaveLength(2);
    expectSafeMessage(note[1]!);
    const since = Math.floor(Date.parse('2026-06-01T09:00:00Z') / 1000);
    const [line, marker, ...more] = String(note[1]!.body.content).split('\n');
    expect(line).toMatch(new RegExp(`^No new articles since the last digest <t:(${since}|${since + 1}|${since + 2}):R>\\.$`));
    expect(marker).toMatch(/^-# Scheduled digest · ref [0-9a-f]{20}$/);
    expect(more).toEqual([]);
    expect(note[1]!.body.embeds ?? []).toEqual([]);
    expect(note[1]!.body.attachments ?? []).toEqual([]);

    const full = channelPosts(QUIET.full);
    expect(full).toHaveLength(2);
    expectSafeMessage(full[1]!);
    expect(payloadOf(full[1]!).embeds[0]!.description).toMatch(/^\*\*No new articles\*\* since the last digest <t:\d+:R>/);
    expect(payloadOf(full[1]!).embeds[0]!.description).toContain('What matters');

    // the note did not count as a digest: the next quiet day still says "since" the last real one
    now = new Date('2026-06-03T09:00:00Z');
    await s.runDue(now);
    expect(String(channelPosts(QUIET.note)[2]!.body.content)).toMatch(new RegExp(`<t:(${since}|${since + 1}|${since + 2}):R>`));
  });

  it('its stash-backed buttons are disabled by editing the message once the answer expires', async () => {
    const posted = channelPosts(EXPIRY);
    const first = discord.requests.find((r) => r.method === 'POST' && r.path === `/channels/${EXPIRY}/messages`)!;
    const edits = () => discord.requests.filter((r: RecordedRequest) => r.method === 'PATCH' && r.path.startsWith(`/channels/${EXPIRY}/messages/`));
    expect(posted.length).toBeGreaterThan(0);
    // the sweeps above ran a day later: the first digest's buttons were disabled then
    const edit = edits()[0]!;
    expect(edit).toBeDefined();
    expectSafeMessage({ ...edit, body: { ...edit.body, embeds: [{ description: 'x' }] } } as RecordedRequest);
    const rows = buttons(edit.body.components);
    expect(rows[0]).toMatchObject({ style: 2, disabled: true, custom_id: buttons(payloadOf(first).components as never)[0]!.custom_id });
    expect(rows.filter((b) => b.style === 5).every((b) => !b.disabled)).toBe(true);
    expect(edit.body.embeds).toBeUndefined(); // the digest itself stays as posted
  });
});

describe('/help', () => {
  it('answers privately with every command, what it does and an example', async () => {
    const { token } = discord.sendInteraction(discord.command('help'));
    const r = await answerOf(discord, token);
    expectSafeMessage(r);
    expect(r.body.type).toBe(4);
    expect(r.body.data.flags & 64).toBe(64);
    const text = textOf(payloadOf(r));
    for (const c of commandDefinitions()) {
      expect(text).toContain(`\`/${c.name}`);
      expect(text).toMatch(new RegExp(`e\\.g\\. \`/${c.name}`));
    }
  });
});

describe('npm run deploy-commands', () => {
  it('reads .env from its working directory, like start and the CLI', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dispatch-deploy-'));
    try {
      const guild = '987654321098765432';
      writeFileSync(
        path.join(dir, '.env'),
        [`DISCORD_TOKEN=token-from-dotenv`, `DISCORD_APPLICATION_ID=${discord.appId}`, `DISCORD_GUILD_ID=${guild}`, `DISCORD_API_URL=${discord.apiUrl}`, `SEEDS_DIR=${path.join(ROOT, 'seeds')}`, 'LOG_LEVEL=silent'].join('\n'),
      );
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|SEEDS_DIR|DATA_DIR|LOG_LEVEL)/.test(k)));
      const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/discord/deploy-commands.ts')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(out).toContain(`Registered ${commandDefinitions().length} commands (guild ${guild})`);
      expect(code).toBe(0);
      const put = await discord.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${discord.appId}/guilds/${guild}/commands`);
      expect(put.headers.authorization).toBe('Bot token-from-dotenv');
      expect(put.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions())));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
