/**
 * A stuck model through the real discord.js client and the fake Discord, with the
 * stub OpenAI server never answering and the DEFAULT model timeouts:
 * - /sources (no model) answers while four /ask still wait on the model —
 *   model calls do not hold the engine slots;
 * - each /ask then gets its offline answer, and says the model was too slow (12 s);
 * - /who answers without its model summary, and says so.
 * No clock is asserted: what is checked is the order of the replies and the notes that
 * only the model's timeout produces; a call that never gave up would hit the waits' caps.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createStore } from '../../src/store/index.js';
import { startStubOpenai, type StubOpenai } from '../helpers/stub-openai.js';
import { answerOf, expectSafeMessage, ROOT, startHarness, textOf, type Harness } from './discord-harness.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let stub: StubOpenai;
let h: Harness;

beforeAll(async () => {
  stub = await startStubOpenai({ hang: true });
  // the model layer as configured by default, except where the model lives
  const config = loadConfig({ SEEDS_DIR: 'seeds', LOG_LEVEL: 'silent', COOLDOWN_SECONDS: '0', OPENAI_API_KEY: 'x', OPENAI_BASE_URL: stub.baseURL }, ROOT);
  const deps = await buildDeps(config, { store: createStore({ kind: 'memory' }), persistIndex: false, log: silentLogger });
  expect(deps.llm).toBeDefined();
  h = await startHarness({ deps });
});
afterAll(async () => {
  await h?.close();
  await stub?.close();
});

const QUESTIONS = ['How many troops did Trump deploy?', 'What did Maduro ask Russia for?', 'What did China say?', 'Who is Pam Bondi?'];

describe('a stuck model', () => {
  it('/sources answers while four /ask wait on the model; each /ask then answers offline, saying the model was too slow', async () => {
    const { discord } = h;
    const asks = QUESTIONS.map((q) => discord.sendInteraction(discord.command('ask', [{ name: 'question', type: 3, value: q }], { userId: discord.snowflake() })));
    // all four are now waiting on the model
    const until = Date.now() + 20_000;
    while (stub.requests.length < 4 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(stub.requests.length).toBeGreaterThanOrEqual(4);

    const sources = discord.sendInteraction(discord.command('sources', [], { userId: discord.snowflake() }));
    const answer = await answerOf(discord, sources.token, 10_000);
    expectSafeMessage(answer);
    expect(textOf(answer.body?.data ?? answer.body)).toMatch(/articles in the corpus/);
    // Answered while every /ask still waits on the model: none has its answer yet, nor has the model been given up on.
    const sourcesAt = discord.requests.indexOf(answer); // the order Discord received things in
    expect(sourcesAt).toBeGreaterThanOrEqual(0);
    const askEdits = discord.requests.slice(0, sourcesAt).filter((r) => r.method === 'PATCH' && asks.some((a) => r.path.includes(`/${a.token}/messages/@original`)));
    expect(askEdits).toEqual([]);

    for (const a of asks) {
      const edit = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${a.token}/messages/@original`), 30_000);
      expectSafeMessage(edit);
      const text = [textOf(edit.body), ...(edit.body.embeds ?? []).map((e: { footer?: { text?: string } }) => e.footer?.text ?? '')].join('\n');
      expect(text).toMatch(/model was too slow \(no reply within 12 s\)/i); // it waited for the model, and gave up by its deadline
      expect(discord.requests.indexOf(edit)).toBeGreaterThan(sourcesAt); // after /sources, which did not wait behind it
    }
  });

  it('/who gives up on its model summary at the model deadline, then answers without one and says why', async () => {
    const { discord } = h;
    const who = discord.sendInteraction(discord.command('who', [{ name: 'name', type: 3, value: 'Pam Bondi' }], { userId: discord.snowflake() }));
    const edit = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${who.token}/messages/@original`), 30_000);
    expectSafeMessage(edit);
    expect(textOf(edit.body)).toMatch(/Bondi/);
    expect(textOf(edit.body)).toMatch(/model was too slow \(no reply within 12 s\), so there is no summary/i);
  });
});
