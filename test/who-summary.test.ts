/**
 * The optional model summary on top of /who: it asks for task 'who-summary' with
 * verbatim passages, renumbers the model's citations after the profile's own,
 * and leaves the extractive profile alone when the model gives nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import type { Deps } from '../src/deps.js';
import { who } from '../src/engines/who.js';
import type { Llm, LlmAnswer, LlmRequest } from '../src/llm/types.js';
import { createStore } from '../src/store/index.js';

const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');
const HERALD = '001_080066696a52c0c3.txt';
const QUOTE = 'On Oct. 24, Defense Secretary Pete Hegseth ordered the Gerald R. Ford and its strike group';

describe('/who with a model', () => {
  let deps: Deps;
  const requests: LlmRequest[] = [];
  let reply: LlmAnswer | null = null;
  const llm: Llm = {
    async answer(req) {
      requests.push(req);
      return reply;
    },
  };
  beforeAll(async () => {
    const config = loadConfig({ SEEDS_DIR: SEEDS, LOG_LEVEL: 'silent' }, process.cwd());
    deps = await buildDeps(config, { store: createStore({ kind: 'memory' }), persistIndex: false, llm });
  });
  afterAll(async () => {
    await deps.store.close();
  });

  it('puts a verified one-line summary on top, with citations renumbered after the profile’s', async () => {
    reply = {
      blocks: [{ text: 'Pete Hegseth is the US Defense Secretary who sent the Ford carrier group to the Caribbean. [1]', cites: [1] }],
      citations: [{ n: 1, source: HERALD, quote: QUOTE, title: HERALD, outlet: null, date: null, url: null }],
      promptTokens: 100,
      completionTokens: 20,
      costUsd: 0,
      model: 'stub',
    };
    const a = await who(deps, 'Hegseth');
    const req = requests.at(-1)!;
    expect(req.task).toBe('who-summary');
    expect(req.question).toBe('Pete Hegseth');
    for (const p of req.passages) expect(isVerbatim(readFileSync(path.join(SEEDS, p.articleId), 'utf8'), p.text)).toBe(true);
    expect(a.blocks[0]!.heading).toBe('Summary');
    const n = a.blocks[0]!.cites[0]!;
    expect(n).toBe(a.citations.length);
    expect(a.blocks[0]!.text).toContain(`[${n}]`);
    const c = a.citations.find((x) => x.n === n)!;
    expect(c.outlet).toBe('Miami Herald');
    expect(isVerbatim(readFileSync(path.join(SEEDS, c.source), 'utf8'), c.quote)).toBe(true);
    expect(new Set(a.citations.map((x) => x.n)).size).toBe(a.citations.length);
  });

  it('serves the extractive profile when the model gives nothing or throws', async () => {
    reply = null;
    const a = await who(deps, 'Hegseth');
    expect(a.blocks[0]!.heading).toBe('Pete Hegseth');
    expect(a.entity!.description).toContain('Defense Secretary');
    const throwing: Llm = {
      async answer() {
        throw new Error('boom');
      },
    };
    const b = await who({ ...deps, llm: throwing }, 'Hegseth');
    expect(b.answered).toBe(true);
    expect(b.blocks[0]!.heading).toBe('Pete Hegseth');
  });
});
