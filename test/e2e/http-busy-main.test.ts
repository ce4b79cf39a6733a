/**
 * The HTTP acknowledgement does not wait for the main thread. The endpoint runs as a
 * real process (src/main.ts) with DEBUG_BLOCK_ENGINE_MS, so every engine run first holds
 * the main thread in a busy loop, as a long synchronous engine chunk, a GC pause or a
 * whole-file store save does. While it is held:
 * - a new engine-backed command is still read, verified and acknowledged ({type:5}) within 1 s;
 * - an autocomplete (which needs the main thread's data) gets the worker's fallback — empty
 *   choices — before Discord's 3 s, which also shows the main thread really was busy;
 * - both interactions are then answered once the main thread is free.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHttpProcess, type HttpProcess } from '../helpers/http-process.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { expectSafeMessage, sleep, textOf } from './discord-harness.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const BLOCK_MS = 6000;
let discord: FakeDiscord;
let bot: HttpProcess;

beforeAll(async () => {
  discord = await startFakeDiscord();
  bot = await startHttpProcess({ discordApiUrl: discord.apiUrl, env: { DEBUG_BLOCK_ENGINE_MS: String(BLOCK_MS) } });
});
afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

const editPath = (token: string) => `/webhooks/${discord.appId}/${token}/messages/@original`;

describe('HTTP acknowledgements with the main thread blocked', () => {
  it('a command is acknowledged within 1 s while an engine holds the main thread; autocomplete falls back in time', async () => {
    // A: its engine run holds the main thread for BLOCK_MS
    const a = discord.command('sources', [], { userId: discord.snowflake() });
    const ra = await bot.post(JSON.stringify(a));
    expect(ra.json).toEqual({ type: 5 });
    discord.interactionResponse(a, ra.json);
    const sentA = Date.now();
    await sleep(1500); // A's run has started: the main thread is in its busy loop

    const b = discord.command('who', [{ name: 'name', type: 3, value: 'Maduro' }], { userId: discord.snowflake() });
    const c = discord.autocomplete('who', [{ name: 'name', type: 3, value: 'Ma', focused: true }], { userId: discord.snowflake() });
    const [rb, rc] = await Promise.all([bot.post(JSON.stringify(b)), bot.post(JSON.stringify(c))]);
    const ackedB = Date.now();

    // B: read, verified and acknowledged by the worker while the main thread is held
    expect(rb.status).toBe(200);
    expect(rb.json).toEqual({ type: 5 });
    expect(rb.ms).toBeLessThan(1000);
    discord.interactionResponse(b, rb.json);

    // C: needs the main thread, which did not answer within 2.5 s — so it was blocked —
    // and still got a valid answer before Discord's 3 s, from the worker
    expect(rc.status).toBe(200);
    expect(rc.json).toEqual({ type: 8, data: { choices: [] } });
    expect(rc.ms).toBeGreaterThanOrEqual(2000);
    expect(rc.ms).toBeLessThan(3000);

    // A is answered only after its busy loop: B's ack did not wait for it
    const editA = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path === editPath(a.token), 60_000);
    expect(editA.at - sentA).toBeGreaterThanOrEqual(BLOCK_MS - 1000);
    expect(editA.at).toBeGreaterThan(ackedB);
    expectSafeMessage(editA);
    expect(textOf(editA.body)).toMatch(/articles in the corpus/);

    // B is answered too (after its own busy loop), once
    const editB = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path === editPath(b.token), 60_000);
    expectSafeMessage(editB);
    expect(textOf(editB.body)).toMatch(/Maduro/);
    await sleep(500);
    expect(discord.requestsFor(b.token).map((r) => r.method)).toEqual(['POST', 'PATCH']);
    expect(bot.output()).toMatch(/acknowledged by the HTTP front: the main thread had not answered within 2500 ms/);
    expect(bot.output()).not.toMatch(/"level":50/);
  });
});
