/**
 * HTTP mode when the main thread answers too late: the worker has already sent a
 * deferred response of the right kind, and what the router sends afterwards must still
 * land where it belongs. Each request is sent from a client thread while this (the main)
 * thread is held in a busy loop for longer than `ackWithinMs`, so an interaction that waits
 * for the main thread (autocomplete, buttons, refusals) gets the worker's fallback.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.js';
import { startHttpInteractions, type HttpInteractionsServer } from '../../src/discord/http-interactions.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { customIds, expectSafeMessage, realDeps, textOf } from './discord-harness.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const der = publicKey.export({ format: 'der', type: 'spki' });

const ACK_MS = 300;
const HOLD_MS = 2000;
let discord: FakeDiscord;
let deps: Deps;
let http: HttpInteractionsServer;

beforeAll(async () => {
  discord = await startFakeDiscord();
  const base = await realDeps();
  deps = { ...base, config: { ...base.config, DISCORD_API_URL: discord.apiUrl, DISCORD_TOKEN: undefined } };
  http = await startHttpInteractions(deps, 0, { publicKey: der.subarray(der.length - 32).toString('hex'), host: '127.0.0.1', ackWithinMs: ACK_MS });
});
afterAll(async () => {
  await http?.close();
  await discord?.close();
});

/** POST from a client thread; this thread is held (a busy loop) from just before the request is sent. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
parentPort.once('message', () => {
  const req = http.request(workerData.url, { method: 'POST', agent: false, headers: { ...workerData.headers, 'content-length': String(Buffer.byteLength(workerData.body)) } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => parentPort.postMessage(Buffer.concat(chunks).toString('utf8')));
  });
  req.end(workerData.body);
});
`;

async function post(payload: Record<string, any>, holdMs = 0) {
  const body = JSON.stringify(payload);
  const ts = String(Math.floor(Date.now() / 1000));
  const headers = { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'), 'x-signature-timestamp': ts, 'content-type': 'application/json' };
  const client = new Worker(CLIENT, { eval: true, workerData: { url: `http://127.0.0.1:${http.port}/interactions`, body, headers } });
  await new Promise((r) => client.once('online', r));
  const text = new Promise<string>((resolve, reject) => {
    client.once('message', resolve);
    client.once('error', reject);
  });
  client.postMessage('go');
  const until = performance.now() + holdMs;
  while (performance.now() < until);
  const json = JSON.parse(await text);
  await client.terminate();
  discord.interactionResponse(payload, json);
  return json;
}

const original = (token: string) => `/webhooks/${discord.appId}/${token}/messages/@original`;
const followUps = (token: string) => discord.requests.filter((r) => r.method === 'POST' && r.path === `/webhooks/${discord.appId}/${token}`);

describe('HTTP mode: the worker acknowledged first (main thread too slow)', () => {
  it('an engine command is still deferred at once and edited; a button gets a deferred update and its private reply is a follow-up, never an edit of the card', async () => {
    const ask = discord.command('ask', [{ name: 'question', type: 3, value: 'How many troops did Trump deploy?' }]);
    expect(await post(ask)).toEqual({ type: 5 });
    const card = (await discord.waitForRequest((r) => r.method === 'PATCH' && r.path === original(ask.token))).body;
    expect(textOf(card)).toContain('4,500 troops');

    const key = customIds(card).find((c) => c.startsWith('f:'))!.split(':')[1]!;
    const click = discord.button(`q:${key}`, discord.message('', { embeds: card.embeds, components: card.components }));
    expect(await post(click, HOLD_MS)).toEqual({ type: 6 });
    await http.router.idle();
    const sent = discord.requestsFor(click.token);
    // the quotes went out privately as a follow-up; the message the button is on was not touched
    expect(sent.map((r) => r.method)).toEqual(['POST', 'POST']);
    const quotes = followUps(click.token);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.body.flags).toBe(64);
    expectSafeMessage(quotes[0]!);
    expect(textOf(quotes[0]!.body)).toMatch(/4,500/);
  });

  it('a refused command: a private deferred response, then the refusal in its place', async () => {
    const forged = discord.command('ask', [{ name: 'question', type: 3, value: 'x'.repeat(10_000) }]);
    expect(await post(forged, HOLD_MS)).toEqual({ type: 5, data: { flags: 64 } });
    await http.router.idle();
    const edit = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path === original(forged.token));
    expect(textOf(edit.body)).toMatch(/10,000 characters long/);
    expectSafeMessage(edit);
  });

  it('autocomplete: empty choices in time', async () => {
    const auto = discord.autocomplete('who', [{ name: 'name', type: 3, value: 'Ma', focused: true }]);
    expect(await post(auto, HOLD_MS)).toEqual({ type: 8, data: { choices: [] } });
    await http.router.idle();
    expect(discord.requestsFor(auto.token).filter((r) => r.method !== 'POST')).toEqual([]);
  });
});
