/**
 * A stuck model through the real discord.js client and the fake Discord, with the
 * stub OpenAI server never answering and the DEFAULT model timeouts:
 * - /sources (no model) answers in under 1 s while four /ask wait on the model —
 *   model calls do not hold the engine slots;
 * - each /ask gets its offline answer after at most ~12 s, and says the model was too slow;
 * - /who answers without its model summary after at most ~12 s, and says so.
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
  it('/sources answers in under 1 s while four /ask wait on it; each /ask then answers offline within ~12 s, saying the model was too slow', async () => {
    const { discord } = h;
    const started = Date.now();
    const asks = QUESTIONS.map((q) => discord.sendInteraction(discord.command('ask', [{ name: 'question', type: 3, value: q }], { userId: discord.snowflake() })));
    // all four are now waiting on the model
    const until = Date.now() + 20_000;
    while (stub.requests.length < 4 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(stub.requests.length).toBeGreaterThanOrEqual(4);

    const t0 = Date.now();
    const sources = discord.sendInteraction(discord.command('sources', [], { userId: discord.snowflake() }));
    const answer = await answerOf(discord, sources.token, 10_000);
    const sourcesMs = Date.now() - t0;
    expectSafeMessage(answer);
    expect(textOf(answer.body?.data ?? answer.body)).toMatch(/articles in the corpus/);
    expect(sourcesMs).toBeLessThan(1000);

    for (const a of asks) {
      const edit = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${a.token}/messages/@original`), 30_000);
      const waited = edit.at - started;
      expectSafeMessage(edit);
      const text = [textOf(edit.body), ...(edit.body.embeds ?? []).map((e: { footer?: { text?: string } }) => e.footer?.text ?? '')].join('\n');
      expect(text).toMatch(/model was too slow/i);
      expect(waited).toBeGreaterThan(9_000); // it did wait for the model
      expect(waited).toBeLessThan(12_000 + 3_000); // ~12 s, with margin for a busy machine
    }
    expect(sourcesMs).toBeLessThan(1000);
  });

  it('/who waits at most ~12 s for its model summary, then answers without one and says why', async () => {
    const { discord } = h;
    const started = Date.now();
    const who = discord.sendInteraction(discord.command('who', [{ name: 'name', type: 3, value: 'Pam Bondi' }], { userId: discord.snowflake() }));
    const edit = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${who.token}/messages/@original`), 30_000);
    expectSafeMessage(edit);
    expect(textOf(edit.body)).toMatch(/Bondi/);
    expect(textOf(edit.body)).toMatch(/model was too slow \(no reply within 12 s\), so there is no summary/i);
    expect(edit.at - started).toBeLessThan(12_000 + 3_000);
  });
});
