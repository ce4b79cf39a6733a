/**
 * The HTTP interactions endpoint as a real process (src/main.ts, embedded store,
 * no Redis) against the fake Discord:
 * - an engine-backed command is acknowledged with {type:5} as the HTTP response, before
 *   any engine work (never a direct answer after running the engine);
 * - a burst of 350 signed interactions at once: every one acknowledged with the deferred
 *   {type:5}, none lost, each answered exactly once. How fast (p50/p99, count past
 *   Discord's 3 s) is printed here and measured over rounds by bench/http-burst.ts
 *   (bench/README.md): on a shared, oversubscribed machine a wall-clock bound would be a coin toss;
 * - a replayed signed request is refused (409) and answered nowhere a second time;
 * - an over-limit body gets 413 while the client is still sending (read no further).
 */
import http from 'node:http';
import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { burstPayloads, fireBurst, percentile, startHttpProcess, type HttpProcess } from '../helpers/http-process.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { expectSafeMessage, sleep, textOf } from './discord-harness.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let discord: FakeDiscord;
let bot: HttpProcess;

beforeAll(async () => {
  discord = await startFakeDiscord();
  bot = await startHttpProcess({ discordApiUrl: discord.apiUrl });
});
afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

const editPath = (token: string) => `/webhooks/${discord.appId}/${token}/messages/@original`;

describe('HTTP interactions as a real process', () => {
  it('an engine-backed command on an idle endpoint: {type:5} is the HTTP response, before any engine work; the answer is the @original edit', async () => {
    const payload = discord.command('sources', [], { userId: discord.snowflake() });
    const r = await bot.post(JSON.stringify(payload));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ type: 5 }); // not a direct {type:4} answer after running the engine
    discord.interactionResponse(payload, r.json);
    const edit = await discord.waitForRequest((x) => x.method === 'PATCH' && x.path === editPath(payload.token), 30_000);
    expect(textOf(edit.body)).toMatch(/articles in the corpus/);
  });

  it('a burst of 350: every one acknowledged with {type:5} in its HTTP response, then answered exactly once', async () => {
    const payloads = burstPayloads(discord, 350);
    // Discord receives each HTTP response as that interaction's callback
    const responses = await fireBurst(bot, payloads, (p, r) => r.status === 200 && discord.interactionResponse(p, r.json));

    expect(responses.map((r) => r.status)).toEqual(payloads.map(() => 200));
    // the ack is the deferred response, sent before any engine work (never a late direct answer)
    expect(responses.filter((r) => JSON.stringify(r.json) !== '{"type":5}')).toEqual([]);
    const ms = responses.map((r) => r.ms).sort((a, b) => a - b);
    const late = ms.filter((x) => x > 3000).length;
    console.log(`[burst] n=350 ack p50=${percentile(ms, 50).toFixed(0)} ms p99=${percentile(ms, 99).toFixed(0)} ms max=${ms.at(-1)!.toFixed(0)} ms past 3 s: ${late} (load ${loadavg()[0]!.toFixed(1)})`);

    // none lost: each interaction's "thinking…" is replaced by its answer, once
    const burstEdits = new Set(payloads.map((p) => editPath(p.token)));
    const edits = await discord.waitForRequests((r) => r.method === 'PATCH' && burstEdits.has(r.path), 350, 120_000);
    for (const p of payloads) {
      const mine = edits.filter((e) => e.path === editPath(p.token));
      expect(mine, p.data.name).toHaveLength(1);
      expectSafeMessage(mine[0]!);
      expect(textOf(mine[0]!.body).length).toBeGreaterThan(20);
    }
    expect(bot.output()).not.toMatch(/"level":50/);
  });

  it('a replayed signed request is refused (409) with no side effect; the original was answered once', async () => {
    const payload = discord.command('ask', [{ name: 'question', type: 3, value: 'What did Maduro ask Russia for?' }], { userId: discord.snowflake() });
    const body = JSON.stringify(payload);
    const headers = bot.signed(body);
    const first = await bot.post(body, headers);
    expect(first.json).toEqual({ type: 5 });
    discord.interactionResponse(payload, first.json);
    const edit = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path === editPath(payload.token), 30_000);
    expect(textOf(edit.body)).toMatch(/Russia/);

    for (let i = 0; i < 5; i++) {
      const again = await bot.post(body, headers);
      expect(again.status).toBe(409);
      expect(again.text).toBe('interaction already received');
    }
    await sleep(1000);
    expect(discord.requestsFor(payload.token).map((r) => `${r.method} ${r.path.replace(payload.token, 'TOKEN')}`)).toEqual([
      'POST /interactions/' + payload.id + '/TOKEN/callback',
      `PATCH /webhooks/${discord.appId}/TOKEN/messages/@original`,
    ]);
  });

  it('an over-limit body gets 413 while it is still being sent: the endpoint reads no further than the limit', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const limitBytes = 1024 * 1024;
    const result = await new Promise<{ status: number; sentBytes: number; finished: boolean }>((resolve, reject) => {
      let sentBytes = 0;
      let done = false;
      // chunked upload with no content-length: the server cannot know the size in advance
      const req = http.request(bot.url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
      req.on('response', (res) => {
        done = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sentBytes, finished: sentBytes >= 64 * limitBytes });
        req.destroy();
      });
      req.on('error', (err) => (done ? undefined : reject(err)));
      const pump = () => {
        // keep sending up to 64 MB; a server that reads to the end answers only after all of it
        while (!done && sentBytes < 64 * limitBytes) {
          sentBytes += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!done) req.end();
      };
      pump();
    });
    expect(result.status).toBe(413);
    expect(result.finished).toBe(false);
    // the 413 came after at most the limit plus what socket buffers hold, not after 64 MB
    expect(result.sentBytes).toBeLessThan(16 * limitBytes);

    // a declared over-limit length is refused before any of the body is read
    const declared = await new Promise<number>((resolve, reject) => {
      const req = http.request(bot.url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(500 * limitBytes) } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(declared).toBe(413);
    // and the endpoint still serves the next request
    const ping = JSON.stringify({ id: discord.snowflake(), application_id: discord.appId, type: 1, token: 'x', version: 1 });
    expect((await bot.post(ping)).text).toBe('{"type":1}');
  });
});
