/**
 * Issue 13: buttons are disabled AT expiry, not only when clicked afterwards. The real
 * discord.js client against the fake Discord; the sweeper runs on a short timer with a
 * test clock (`skew` moves it past the answers' expiry), so tests wait for what Discord
 * receives, never for wall-clock time.
 *
 * - an answer's stash-backed buttons are disabled by one PATCH of its message (bot token,
 *   components only, no pings, valid per Discord's OpenAPI spec); links and "Ask a follow-up" stay;
 * - a timeline paged before expiry keeps its page's buttons when they are disabled;
 * - a deleted message (404) is dropped, not retried; a channel the bot cannot edit (403) is
 *   dropped and logged once;
 * - with the store down nothing crashes and nothing is lost: the edit happens once it returns;
 * - two instances on one Redis: each message is edited once; a dead Redis is survived;
 * - HTTP interactions mode does the same with the bot token.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { Deps } from '../../src/deps.js';
import { startDiscord, type DiscordBot } from '../../src/discord/client.js';
import { startHttpInteractions, type HttpInteractionsServer } from '../../src/discord/http-interactions.js';
import type { RunFn } from '../../src/discord/command.js';
import { runCommand } from '../../src/engines/index.js';
import { createStore, StoreUnavailableError, type Store } from '../../src/store/index.js';
import type { Answer } from '../../src/types.js';
import { specViolations } from '../helpers/discord-spec.js';
import { haveRedisServer, ownRedis, type OwnRedis } from '../helpers/redis-server.js';
import { answerOf, customIds, expectSafeMessage, payloadOf, realDeps, sleep } from './discord-harness.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fake-discord.js';

const TTL_MS = 60_000;
/** The sweeper's clock runs this far ahead of the wall clock (0: nothing has expired yet). */
let skew = 0;
const clock = () => Date.now() + skew;
const expireAll = () => (skew = TTL_MS + 5_000);
const EXPIRY = { now: clock, everyMs: 50 };

const STASHED = /^[qxtf]:/;

/** An answer with what every kind of button needs: quotes, cited articles with URLs (link buttons), suggested follow-ups. */
const FIXED_QUESTION = 'a fixed answer, please';
const FIXED: Answer = {
  command: 'ask',
  answered: true,
  title: 'How many troops were deployed?',
  blocks: [{ text: 'About 4,500 troops were deployed [1], officials said [2].', cites: [1, 2] }],
  citations: [1, 2].map((n) => ({ n, source: `${n}.txt`, quote: `Quote ${n}.`, title: `Article ${n}`, outlet: `Outlet ${n}`, date: '2026-01-0' + n, url: `https://news.example/${n}` })),
  followUps: ['What did China say?', 'Who is Nicolás Maduro?'],
};
const run: RunFn = (d, input) => (input.text === FIXED_QUESTION ? Promise.resolve(FIXED) : runCommand(d, input));

/** Real dependencies over the seeds, built once (each bot below gets its own store). */
const shared = await realDeps();
const str = (name: string, value: string) => ({ name, type: 3, value });
const buttonsOf = (rows: { components: Record<string, any>[] }[]) => rows.flatMap((r) => r.components);

/** A store that can be switched off (every call then fails as the real one does when Redis is gone). */
function switchable(inner: Store): Store & { down: boolean } {
  const s = {
    down: false,
    kind: inner.kind,
    get: <T>(k: string) => (s.down ? dead<T | undefined>() : inner.get<T>(k)),
    set: <T>(k: string, v: T, ttl?: number) => (s.down ? dead<void>() : inner.set(k, v, ttl)),
    delete: (k: string) => (s.down ? dead<void>() : inner.delete(k)),
    claim: (k: string, ttl: number) => (s.down ? dead<string | null>() : inner.claim(k, ttl)),
    release: (k: string, t: string) => (s.down ? dead<boolean>() : inner.release(k, t)),
    close: () => inner.close(),
  };
  return s;
}
const dead = <T>() => Promise.reject<T>(new StoreUnavailableError('store get failed: connection refused (test)'));

/** Log lines, parsed (pino writes one JSON object per line). */
function capturingLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'debug', base: undefined }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

/** Channel message edits whose buttons belong to the answer stashed under `key`. */
const editsFor = (discord: FakeDiscord, key: string) =>
  discord.requests.filter((r) => r.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(r.path) && customIds({ embeds: [], components: r.body?.components ?? [] }).some((c) => c.split(':')[1] === key));
const waitForEditOf = (discord: FakeDiscord, key: string, timeoutMs = 10_000) =>
  discord.waitForRequest((r) => r.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(r.path) && editsFor(discord, key).includes(r), timeoutMs);

/** Ask, wait for the answer and for the router to finish (its messages are then remembered). */
async function ask(discord: FakeDiscord, bot: { router: { idle(): Promise<void> } }, question = 'How many troops did Trump deploy?', who = {}) {
  const { id, token } = discord.sendInteraction(discord.command('ask', [str('question', question)], who));
  const answer = await answerOf(discord, token, 20_000);
  await bot.router.idle();
  const message = discord.originalMessage(token);
  expect(message, 'the answer message').toBeDefined();
  return { id, token, answer: payloadOf(answer), messageId: message!.id as string };
}

/** The edit at expiry: exactly the message's buttons, stash-backed ones disabled, the rest untouched. */
function expectExpiredEdit(edit: RecordedRequest, before: Record<string, any>[], channelId: string, messageId: string) {
  expect(edit.path).toBe(`/channels/${channelId}/messages/${messageId}`);
  expect(edit.headers.authorization).toBe('Bot fake-token'); // the bot token: the interaction token is long dead
  expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  expect(Object.keys(edit.body).sort()).toEqual(['allowed_mentions', 'components']); // the answer itself stays as sent
  expect(specViolations([edit])).toEqual([]);
  const after = buttonsOf(edit.body.components);
  expect(after).toHaveLength(before.length);
  expect(before.some((b) => STASHED.test(String(b.custom_id ?? '')))).toBe(true);
  for (const [i, b] of after.entries()) {
    const stashBacked = STASHED.test(String(b.custom_id ?? ''));
    if (stashBacked) expect(b).toEqual({ ...before[i], disabled: true });
    else expect(b).toEqual(before[i]); // link buttons and "Ask a follow-up" keep working
  }
}

describe('gateway: buttons are disabled when their answer expires', () => {
  let discord: FakeDiscord;
  let bot: DiscordBot;
  let store: Store & { down: boolean };
  const logs = capturingLog();

  beforeAll(async () => {
    discord = await startFakeDiscord();
    store = switchable(createStore({ kind: 'memory' }));
    const deps: Deps = { ...shared, store, log: logs.log, config: { ...shared.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } };
    bot = await startDiscord(deps, { commands, run, rest: { retries: 0 }, stashTtlMs: TTL_MS, expiry: EXPIRY });
    await discord.ready();
  });
  afterAll(async () => {
    await bot?.stop(); // destroy the client first, or the shard reconnects
    await discord?.close(); // also checks every body sent against Discord's OpenAPI spec
  });
  beforeEach(() => {
    skew = 0;
    store.down = false;
    discord.override(null);
  });

  it('an answer’s message is edited once at expiry: stash-backed buttons disabled, links and “Ask a follow-up” enabled', async () => {
    const { id, answer, messageId } = await ask(discord, bot, FIXED_QUESTION);
    const before = buttonsOf(answer.components as never);
    expect(before.filter((b) => b.style === 5).map((b) => b.url)).toEqual(['https://news.example/1', 'https://news.example/2']); // links to the cited articles
    expect(before.some((b) => String(b.custom_id).startsWith('m:'))).toBe(true); // Ask a follow-up
    expect(before.some((b) => String(b.custom_id).startsWith(`f:${id}:`))).toBe(true); // suggested follow-ups
    // before its time: the sweeper runs, and leaves it alone
    await bot.expiry.sweep();
    await bot.expiry.sweep();
    expect(editsFor(discord, id)).toEqual([]);

    expireAll();
    const edit = await waitForEditOf(discord, id);
    expectExpiredEdit(edit, before, discord.channelId, messageId);
    // Discord's copy now shows the disabled buttons under the same answer
    expect(discord.botMessage(messageId)!.embeds).toEqual(answer.embeds);
    expect(buttonsOf(discord.botMessage(messageId)!.components).filter((b) => b.disabled && b.style !== 5).length).toBeGreaterThan(0);
    // done: later sweeps do not edit it again
    await bot.expiry.sweep();
    await bot.expiry.sweep();
    expect(editsFor(discord, id)).toHaveLength(1);
  });

  it('a timeline paged before expiry is disabled on the page it shows (its links and buttons, not page 1’s)', async () => {
    const { id, token } = discord.sendInteraction(discord.command('timeline'));
    const first = payloadOf(await answerOf(discord, token, 20_000));
    await bot.router.idle();
    const message = discord.originalMessage(token)!;
    expect(customIds(first)).toContain(`t:${id}:1`); // the seeds' timeline has several pages
    const click = discord.sendInteraction(discord.button(`t:${id}:1`, { ...message, components: first.components }));
    const page2 = await answerOf(discord, click.token);
    await bot.router.idle();
    expect(page2.body.type).toBe(7);

    expireAll();
    const edit = await waitForEditOf(discord, id);
    expectExpiredEdit(edit, buttonsOf(page2.body.data.components), discord.channelId, message.id);
    expect(customIds(edit.body)).toContain(`q:${id}:1`);
    expect(discord.botMessage(message.id)!.embeds[0].title).toMatch(/page 2\//);
  });

  it('an answer to a mention (a channel message) is edited the same way', async () => {
    const author = { id: discord.snowflake(), username: 'w', discriminator: '0' };
    const m = discord.message(`<@${discord.botId}> What did China say?`, { author, mentions: [{ id: discord.botId, username: 'Dispatch', discriminator: '0000', bot: true }] });
    discord.sendMessage(m);
    const post = await discord.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === m.id, 20_000);
    await bot.router.idle();
    expireAll();
    const edit = await waitForEditOf(discord, m.id);
    const messageId = edit.path.split('/').at(-1)!;
    expectExpiredEdit(edit, buttonsOf(post.body.components), discord.channelId, messageId);
    expect(discord.botMessage(messageId)!.embeds).toEqual(post.body.embeds);
  });

  it('a deleted message (404) is dropped, not retried', async () => {
    const { id, messageId } = await ask(discord, bot, 'What did Maduro ask Russia for?');
    discord.override((r) => (r.method === 'PATCH' && r.path.endsWith(`/messages/${messageId}`) ? { status: 404, body: { message: 'Unknown Message', code: 10008 } } : undefined));
    expireAll();
    await waitForEditOf(discord, id);
    for (let i = 0; i < 3; i++) await bot.expiry.sweep();
    expect(editsFor(discord, id)).toHaveLength(1);
  });

  it('a channel the bot cannot edit in (403): its messages are dropped, with one log line and one request', async () => {
    const a = await ask(discord, bot, 'What did China say?');
    const b = await ask(discord, bot, 'Who is Nicolás Maduro?');
    const attempts = () => discord.requests.filter((r) => r.method === 'PATCH' && [a.messageId, b.messageId].some((m) => r.path.endsWith(`/messages/${m}`)));
    discord.override((r) => (r.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(r.path) ? { status: 403, body: { message: 'Missing Access', code: 50001 } } : undefined));
    const logged = () => logs.lines.filter((l) => /cannot edit messages in this channel/.test(l.msg));
    const seen = logged().length;
    expireAll();
    await discord.waitForRequest((r) => attempts().includes(r));
    for (let i = 0; i < 3; i++) await bot.expiry.sweep();
    expect(attempts()).toHaveLength(1); // the other message in that channel was not tried
    expect(logged().length - seen).toBe(1);
  });

  it('with the store down: answers still arrive, sweeps do not crash, and the edit happens once the store is back', async () => {
    store.down = true;
    const warned = () => logs.lines.filter((l) => /expired buttons: store unavailable/.test(l.msg)).length;
    const { id, answer, messageId } = await ask(discord, bot, 'How many people were killed?');
    expireAll();
    const seen = warned();
    for (let i = 0; i < 3; i++) expect((await bot.expiry.sweep()).skipped).toBe('store-unavailable');
    expect(editsFor(discord, id)).toEqual([]);
    expect(warned() - seen).toBeLessThanOrEqual(1); // an outage is logged once, not every sweep
    store.down = false;
    const edit = await waitForEditOf(discord, id);
    expectExpiredEdit(edit, buttonsOf(answer.components as never), discord.channelId, messageId);
  });
});

const redis = (await haveRedisServer()) ? await ownRedis() : undefined;

describe.skipIf(!redis)('two instances on one Redis', () => {
  let discord: FakeDiscord;
  const bots: DiscordBot[] = [];
  const stores: Store[] = [];
  let server: OwnRedis;

  beforeAll(async () => {
    server = redis!;
    await server.start();
    discord = await startFakeDiscord();
    const base = shared;
    for (let i = 0; i < 2; i++) {
      const store = createStore({ kind: 'redis', location: server.url, timeoutMs: 300, namespace: `expiry-${process.pid}` });
      stores.push(store);
      const deps: Deps = { ...base, store, config: { ...base.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } };
      bots.push(await startDiscord(deps, { commands, rest: { retries: 0 }, stashTtlMs: TTL_MS, expiry: { now: clock, everyMs: 50 } }));
    }
    await discord.ready();
  }, 30_000);
  afterAll(async () => {
    for (const b of bots) await b.stop();
    await discord?.close();
    for (const s of stores) await s.close();
    await server?.stop();
  });

  it('each expired message is edited by one instance only; a dead Redis is logged and survived', async () => {
    skew = 0;
    const asked = [];
    const idle = { router: { idle: () => Promise.all(bots.map((b) => b.router.idle())).then(() => undefined) } };
    for (const q of ['How many troops did Trump deploy?', 'What did China say?', 'What did Maduro ask Russia for?']) asked.push(await ask(discord, idle, q));
    expireAll();
    for (const a of asked) await waitForEditOf(discord, a.id);
    // both sweepers keep running, at once and on their timers
    for (let i = 0; i < 3; i++) await Promise.all(bots.map((b) => b.expiry.sweep()));
    await sleep(100);
    for (const a of asked) {
      expect(editsFor(discord, a.id), a.id).toHaveLength(1);
      expect(editsFor(discord, a.id)[0]!.path).toBe(`/channels/${discord.channelId}/messages/${a.messageId}`);
    }

    await server.stop();
    const results = await Promise.all(bots.map((b) => b.expiry.sweep()));
    expect(results.map((r) => r.skipped)).toEqual(['store-unavailable', 'store-unavailable']);
    await server.start();
    skew = 0;
  }, 60_000);
});

describe('HTTP interactions mode', () => {
  let discord: FakeDiscord;
  let http: HttpInteractionsServer;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });

  beforeAll(async () => {
    discord = await startFakeDiscord();
    const deps: Deps = { ...shared, store: createStore({ kind: 'memory' }), config: { ...shared.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } };
    http = await startHttpInteractions(deps, 0, { publicKey: der.subarray(der.length - 32).toString('hex'), host: '127.0.0.1', rest: { retries: 0 }, stashTtlMs: TTL_MS, expiry: EXPIRY });
  });
  afterAll(async () => {
    await http?.close();
    await discord?.close();
  });

  it('edits the answer’s message with the bot token when it expires', async () => {
    skew = 0;
    const payload = discord.command('ask', [str('question', 'How many troops did Trump deploy?')]);
    const body = JSON.stringify(payload);
    const ts = String(Math.floor(Date.now() / 1000));
    const headers = { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'), 'x-signature-timestamp': ts, 'content-type': 'application/json' };
    const res = await fetch(`http://127.0.0.1:${http.port}/interactions`, { method: 'POST', body, headers });
    discord.interactionResponse(payload, await res.json()); // Discord receives the HTTP response
    const answer = await answerOf(discord, payload.token, 20_000);
    expectSafeMessage(answer);
    await http.router.idle();
    expect(http.expiry).toBeDefined();
    expireAll();
    const edit = await waitForEditOf(discord, payload.id);
    expectExpiredEdit(edit, buttonsOf(payloadOf(answer).components as never), discord.channelId, discord.originalMessage(payload.token)!.id);
    skew = 0;
  });
});
