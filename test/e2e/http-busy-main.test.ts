/**
 * The HTTP acknowledgement does not wait for the main thread. The endpoint runs as a
 * real process (src/main.ts) with DEBUG_BLOCK_ENGINE_MS, so every engine run first holds
 * the main thread in a busy loop, as a long synchronous engine chunk, a GC pause or a
 * whole-file store save does. While it is held:
 * - a new engine-backed command is still read, verified and acknowledged ({type:5}) by the
 *   worker at once, not by its fallback timer, and before the held run's answer goes out;
 * - an autocomplete (which needs the main thread's data) gets the worker's fallback — empty
 *   choices, logged as such — which also shows the main thread really was busy;
 * - both interactions are then answered once the main thread is free.
 * No clock is asserted: which path answered is told by the replies, the log and the order in
 * which the fake Discord received things.
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
  it('a command is acknowledged at once while an engine holds the main thread; autocomplete falls back', async () => {
    // A: its engine run holds the main thread for BLOCK_MS
    const a = discord.command('sources', [], { userId: discord.snowflake() });
    const ra = await bot.post(JSON.stringify(a));
    expect(ra.json).toEqual({ type: 5 });
    discord.interactionResponse(a, ra.json);
    await sleep(1500); // A's run has started: the main thread is in its busy loop

    const b = discord.command('who', [{ name: 'name', type: 3, value: 'Maduro' }], { userId: discord.snowflake() });
    const c = discord.autocomplete('who', [{ name: 'name', type: 3, value: 'Ma', focused: true }], { userId: discord.snowflake() });
    const pc = bot.post(JSON.stringify(c));
    const rb = await bot.post(JSON.stringify(b));
    // B: read, verified and acknowledged by the worker while the main thread is held: A's answer is not out yet
    const ackedB = discord.requests.length;
    expect(discord.requests.filter((r) => r.path === editPath(a.token))).toEqual([]);
    expect(rb.status).toBe(200);
    expect(rb.json).toEqual({ type: 5 });
    discord.interactionResponse(b, rb.json);
    const rc = await pc;

    // C: needs the main thread, which did not answer in time — so it was blocked — and still got a
    // valid answer, the worker's fallback (the main thread would have listed names for "Ma")
    expect(rc.status).toBe(200);
    expect(rc.json).toEqual({ type: 8, data: { choices: [] } });

    // A is answered only after its busy loop: B's ack did not wait for it
    const editA = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path === editPath(a.token), 60_000);
    expect(discord.requests.indexOf(editA)).toBeGreaterThanOrEqual(ackedB);
    expectSafeMessage(editA);
    expect(textOf(editA.body)).toMatch(/articles in the corpus/);

    // B is answered too (after its own busy loop), once
    const editB = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path === editPath(b.token), 60_000);
    expectSafeMessage(editB);
    expect(textOf(editB.body)).toMatch(/Maduro/);
    await sleep(500);
    expect(discord.requestsFor(b.token).map((r) => r.method)).toEqual(['POST', 'PATCH']);
    // The worker logs through the main thread, so only now: C was answered by the fallback that waits for the main
    // thread, B never was (the worker acknowledged it at once)
    const fallbacks = bot.output().match(/interaction \d+ acknowledged by the HTTP front: the main thread had not answered within 2500 ms/g) ?? [];
    expect(fallbacks.filter((l) => l.includes(c.id))).toHaveLength(1);
    expect(fallbacks.filter((l) => l.includes(b.id))).toEqual([]);
    expect(bot.output()).not.toMatch(/"level":50/);
  });
});
