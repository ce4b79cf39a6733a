/**
 * HTTP interactions mode with real Ed25519 keys: valid requests are handled (the
 * same handlers as the gateway), anything with a bad signature gets 401 before any
 * work — no engine run, no REST call, no store write.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.js';
import type { RunFn } from '../../src/discord/command.js';
import { startHttpInteractions, type HttpInteractionsServer } from '../../src/discord/http-interactions.js';
import { payloadViolations } from '../../src/discord/render.js';
import { runCommand, type CommandInput } from '../../src/engines/index.js';
import type { Answer } from '../../src/types.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { customIds, expectSafeMessage, realDeps, sleep, textOf } from './discord-harness.js';

function keyPair(): { privateKey: KeyObject; publicHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicHex: der.subarray(der.length - 32).toString('hex') };
}

const good = keyPair();
const other = keyPair();

let discord: FakeDiscord;
let deps: Deps;
let http: HttpInteractionsServer;
const runs: CommandInput[] = [];
/** While set, every engine run waits here: an engine that has not finished until the test says so. */
let engineGate: Promise<void> | undefined;
const run: RunFn = async (d, input) => {
  runs.push(input);
  if (engineGate) await engineGate;
  if (input.text === 'a huge answer') return HUGE;
  return runCommand(d, input);
};

/** An answer shown in full (as /sources of a large corpus is): too long for one message. */
const HUGE: Answer = {
  command: 'sources',
  answered: true,
  title: 'Long',
  blocks: [{ text: 'Word <@123456789012345678> '.repeat(400), cites: [1] }],
  citations: Array.from({ length: 50 }, (_, i) => ({
    n: i + 1,
    source: `${i}.txt`,
    quote: 'q',
    title: `Article ${i} `.repeat(20),
    outlet: null,
    date: null,
    url: `https://news.example/${i}`,
  })),
  followUps: [],
};

beforeAll(async () => {
  discord = await startFakeDiscord();
  const base = await realDeps();
  deps = { ...base, config: { ...base.config, DISCORD_API_URL: discord.apiUrl, DISCORD_TOKEN: undefined } };
  http = await startHttpInteractions(deps, 0, { publicKey: good.publicHex, host: '127.0.0.1', run });
});
afterAll(async () => {
  await http?.close();
  await discord?.close();
});

const url = () => `http://127.0.0.1:${http.port}/interactions`;
const nowTs = () => String(Math.floor(Date.now() / 1000));

function signed(body: string, key = good.privateKey, ts = nowTs()) {
  return { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), key).toString('hex'), 'x-signature-timestamp': ts, 'content-type': 'application/json' };
}

async function post(body: string, headers: Record<string, string>) {
  const r = await fetch(url(), { method: 'POST', body, headers });
  const text = await r.text();
  const json = r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  // Discord receives the HTTP response as the interaction's callback
  if (json && r.status === 200 && json.type !== 1) discord.interactionResponse(JSON.parse(body), json);
  return { status: r.status, text, json };
}

const askPayload = (question: string, userId = discord.snowflake()) =>
  discord.command('ask', [{ name: 'question', type: 3, value: question }], { userId });

/** The answer that replaced the deferred "thinking…" of this interaction. */
const editOf = (token: string) => discord.waitForRequest((x) => x.method === 'PATCH' && x.path === `/webhooks/${discord.appId}/${token}/messages/@original`);

/** What a response body needs to be: a message within limits that pings nobody. */
function expectSafeData(data: any) {
  expect(data.allowed_mentions).toEqual({ parse: [] });
  expect(payloadViolations({ content: data.content, embeds: data.embeds ?? [], components: data.components ?? [] })).toEqual([]);
}

describe('HTTP interactions: valid requests', () => {
  it('PING → 200 {"type":1}', async () => {
    const body = JSON.stringify({ id: discord.snowflake(), application_id: discord.appId, type: 1, token: 'x', version: 1 });
    const r = await post(body, signed(body));
    expect(r.status).toBe(200);
    expect(r.text).toBe('{"type":1}');
  });

  it('/ask with a valid signature: {type:5} in the HTTP response before any engine work, then the answer as a webhook edit', async () => {
    const payload = askPayload('How many troops has the US sent to the Caribbean?'); // answered from the Miami Herald, which has a URL
    const body = JSON.stringify(payload);
    const r = await post(body, signed(body));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ type: 5 });
    const edit = await editOf(payload.token);
    expectSafeMessage(edit);
    expect(textOf(edit.body)).toContain('4,500 troops');
    expect(customIds(edit.body).some((c) => c.startsWith('f:'))).toBe(true);
    // a link button to the cited article that has a URL
    const links = edit.body.components.flatMap((r: any) => r.components).filter((b: any) => b.style === 5);
    expect(links.map((b: any) => b.url)).toContain(deps.corpus.articles.find((a) => a.outlet === 'Miami Herald')!.url);
  });

  it('a slow engine: 200 {type:5} while the engine is still running, then the answer as a webhook edit', async () => {
    // No clock: the engine is held until the HTTP response is in, so only a response that does not wait for the
    // engine can arrive (one that waited would hang into the test's timeout).
    let release!: () => void;
    engineGate = new Promise<void>((r) => (release = r));
    try {
      const payload = askPayload('What did Maduro ask Russia for?');
      const body = JSON.stringify(payload);
      const r = await post(body, signed(body));
      expect(r.json).toEqual({ type: 5 });
      expect(discord.requests.some((x) => x.path.includes(payload.token) && x.method === 'PATCH')).toBe(false); // no answer yet
      release();
      const edit = await discord.waitForRequest((x) => x.method === 'PATCH' && x.path === `/webhooks/${discord.appId}/${payload.token}/messages/@original`);
      expectSafeMessage(edit);
      expect(textOf(edit.body)).toMatch(/Russia/);
      expect(edit.headers.authorization).toBeUndefined(); // webhook routes need no bot token
      await http.router.idle();
    } finally {
      engineGate = undefined;
      release();
    }
  });

  it('buttons, modals and autocomplete use the same handlers', async () => {
    const ask = askPayload('How many troops did Trump deploy?');
    const askBody = JSON.stringify(ask);
    expect((await post(askBody, signed(askBody))).json).toEqual({ type: 5 });
    const answer = (await editOf(ask.token)).body;
    const ids = customIds(answer);
    const msg = discord.message('', { embeds: answer.embeds, components: answer.components });

    // the card shows every quote in full here, so no Quotes button; an older message's still works
    const key = ids.find((c) => c.startsWith('f:'))!.split(':')[1]!;
    const quotes = JSON.stringify(discord.button(`q:${key}`, msg));
    const q = await post(quotes, signed(quotes));
    expect(q.json.type).toBe(4);
    expect(q.json.data.flags).toBe(64);
    expectSafeData(q.json.data);

    const modalBtn = JSON.stringify(discord.button(ids.find((c) => c.startsWith('m:'))!, msg));
    const m = await post(modalBtn, signed(modalBtn));
    expect(m.json.type).toBe(9);
    expect(m.json.data.custom_id).toMatch(/^M(:\d+:\d+)?$/);

    const modal = discord.modalSubmit(m.json.data.custom_id, { question: 'What did China say?' });
    const submit = JSON.stringify(modal);
    const s = await post(submit, signed(submit));
    expect(s.json).toEqual({ type: 5 });
    expect(textOf((await editOf(modal.token)).body)).toMatch(/China/);

    const auto = JSON.stringify(discord.autocomplete('who', [{ name: 'name', type: 3, value: 'Ma', focused: true }]));
    const a = await post(auto, signed(auto));
    expect(a.json.type).toBe(8);
    expect(Array.isArray(a.json.data.choices)).toBe(true);
    await http.router.idle();
  });

  it('a button whose answer has expired: its message’s buttons are disabled in the response, the clicker told privately', async () => {
    const ask = askPayload('How many troops did Trump deploy?');
    const askBody = JSON.stringify(ask);
    await post(askBody, signed(askBody));
    const answer = (await editOf(ask.token)).body;
    const gone = discord.snowflake(Date.now() - 2 * 86_400_000); // a key the stash no longer holds
    const components = JSON.parse(JSON.stringify(answer.components).split(ask.id).join(gone));
    const click = discord.button(customIds({ ...answer, components }).find((c) => /^[qxtf]:/.test(c))!, discord.message('', { embeds: answer.embeds, components }));
    const body = JSON.stringify(click);
    const r = await post(body, signed(body));
    expect(r.json.type).toBe(7);
    expect(r.json.data.embeds).toBeUndefined();
    const buttons = r.json.data.components.flatMap((row: { components: Record<string, unknown>[] }) => row.components);
    for (const b of buttons) expect(b.disabled ?? false).toBe(/^[qxtf]:/.test(String(b.custom_id ?? '')));
    const note = await discord.waitForRequest((x) => x.method === 'POST' && x.path === `/webhooks/${discord.appId}/${click.token}`);
    expect(note.body.flags & 64).toBe(64);
    expect(note.body.content).toMatch(/expired/);
    expectSafeData(note.body);
    await http.router.idle();
  });

  it('a long answer: the first message as the @original edit, the rest as webhook follow-ups', async () => {
    const payload = askPayload('a huge answer');
    const body = JSON.stringify(payload);
    const r = await post(body, signed(body));
    expect(r.json).toEqual({ type: 5 });
    const first = await editOf(payload.token);
    expectSafeMessage(first);
    await http.router.idle();
    const follow = discord.requests.filter((x) => x.method === 'POST' && x.path === `/webhooks/${discord.appId}/${payload.token}`);
    expect(follow.length).toBeGreaterThan(0);
    for (const f of follow) {
      expectSafeMessage(f);
      expect(f.query.get('wait')).toBe('true');
    }
    const all = [textOf(first.body), ...follow.map((f) => textOf(f.body))].join('\n');
    for (let n = 1; n <= 50; n++) expect(all).toContain(`**[${n}]** [Article ${n - 1} `);
  });

  it('a forged command with a valid signature gets an ephemeral error', async () => {
    const body = JSON.stringify(discord.command('ask', [{ name: 'question', type: 3, value: 'x'.repeat(10_000) }]));
    const r = await post(body, signed(body));
    expect(r.json).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(r.json.data.content).toMatch(/10,000 characters long/);
    expectSafeData(r.json.data);
  });
});

describe('HTTP interactions: anything not properly signed → 401 and no side effect', () => {
  const userId = '1234567890123456789';
  let body: string;
  let headers: Record<string, string>;
  let before: { runs: number; requests: number };

  beforeEach(() => {
    body = JSON.stringify(askPayload('How many troops did Trump deploy?', userId));
    headers = signed(body);
    before = { runs: runs.length, requests: discord.requests.length };
  });

  async function expectRejected(b: string, h: Record<string, string>) {
    const r = await post(b, h);
    expect(r.status).toBe(401);
    expect(r.text).toBe('invalid request signature');
    await sleep(50);
    await http.router.idle();
    expect(runs.length).toBe(before.runs);
    expect(discord.requests.length).toBe(before.requests);
    expect(await deps.store.get(`session:discord:${discord.channelId}:${userId}`)).toBeUndefined();
  }

  const flip = (s: string, i: number) => s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ 1) + s.slice(i + 1);
  const flipHex = (s: string, i: number) => s.slice(0, i) + (s[i] === '0' ? '1' : '0') + s.slice(i + 1);

  it('a flipped byte in the body', () => expectRejected(flip(body, Math.floor(body.length / 2)), headers));
  it('a flipped byte in the signature', () => expectRejected(body, { ...headers, 'x-signature-ed25519': flipHex(headers['x-signature-ed25519']!, 10) }));
  it('a flipped byte in the timestamp', () => expectRejected(body, { ...headers, 'x-signature-timestamp': flipHex(headers['x-signature-timestamp']!, 9) }));
  it('a signature by another key', () => expectRejected(body, signed(body, other.privateKey)));
  it('a stale timestamp, even correctly signed', () => expectRejected(body, signed(body, good.privateKey, String(Math.floor(Date.now() / 1000) - 600))));
  it('a re-serialised body (same JSON, different bytes)', () => expectRejected(JSON.stringify(JSON.parse(body), null, 1), headers));
  it('missing headers', () => expectRejected(body, { 'content-type': 'application/json' }));
  it('a malformed signature', () => expectRejected(body, { ...headers, 'x-signature-ed25519': 'zz' }));

  it('the same request, properly signed, is handled (the control)', async () => {
    const r = await post(body, headers);
    expect(r.status).toBe(200);
    await http.router.idle(); // acknowledged first; the engine runs after
    expect(runs.length).toBe(before.runs + 1);
    expect(await deps.store.get(`session:discord:${discord.channelId}:${userId}`)).toHaveLength(1);
  });

  it('non-POST → 405; oversized body → 413', async () => {
    expect((await fetch(url())).status).toBe(405);
    const big = 'x'.repeat(2 * 1024 * 1024);
    const r = await fetch(url(), { method: 'POST', body: big, headers: signed(big) });
    expect(r.status).toBe(413);
    expect(runs.length).toBe(before.runs);
  });
});
