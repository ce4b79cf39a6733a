/** The digest with the real model layer against the stub OpenAI server on 127.0.0.1. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../src/engines/digest.js';
import { createLlm } from '../src/llm/index.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { apiError, modelJson, passagesOf, startStubOpenai, type StubOpenai } from './helpers/stub-openai.js';
import { SEEDS, makeDeps, removeDir } from './digest-fixtures.js';

let stub: StubOpenai;
beforeAll(async () => {
  stub = await startStubOpenai(apiError(500, { message: 'unscripted' }));
});
afterAll(async () => {
  await stub.close();
});

function llm() {
  return createLlm(
    { OPENAI_API_KEY: 'x', OPENAI_BASE_URL: stub.baseURL, OPENAI_MODEL: 'gpt-4o-mini', OPENAI_TIMEOUT_MS: 2000, OPENAI_DEADLINE_MS: 5000, OPENAI_MAX_RETRIES: 0, OPENAI_PROMPT_TOKEN_BUDGET: 2500 },
    { store: createStore({ kind: 'memory' }), log: silentLogger, corpusVersion: `digest-${Math.random()}`, baseDelayMs: 5 },
  );
}

describe('digest with the model layer', () => {
  it('uses the verified model headline and developments, quotes still verbatim', async () => {
    stub.reset();
    stub.fallback = (req) => {
      const ps = passagesOf(req);
      const quoteOf = (i: number) => ps[i]!.text.split(/(?<=[.!?])\s/)[0]!;
      return modelJson({
        blocks: [
          { heading: 'Headline', sentences: [{ text: `Where things stand: ${quoteOf(0)}`, citations: [{ passage: ps[0]!.n, quote: quoteOf(0) }] }] },
          { heading: 'Military planning', sentences: [{ text: `Reported: ${quoteOf(1)}`, citations: [{ passage: ps[1]!.n, quote: quoteOf(1) }] }] },
        ],
      });
    };
    const deps = await makeDeps(SEEDS);
    const a = await digest({ ...deps, llm: llm() }, { chartDir: null });
    const head = a.sections!.find((s) => s.heading === 'Where the story stands')!;
    expect(head.text).toMatch(/^Where things stand: .+ \[1\]$/);
    expect(a.sections!.find((s) => s.heading === 'Key developments')!.text).toMatch(/^• Military planning: Reported: .+ \[2\]$/);
    for (const c of a.citations) {
      const raw = readFileSync(path.join(SEEDS, c.source), 'utf8');
      for (const part of c.quote.split(' … ')) expect(raw.includes(part)).toBe(true);
    }
    expect(a.notes).toBeUndefined();
    removeDir(deps.config.dataDir);
  });

  it('falls back to the extractive digest when the model fails', async () => {
    stub.reset();
    stub.fallback = apiError(500, { message: 'down' });
    const deps = await makeDeps(SEEDS);
    const a = await digest({ ...deps, llm: llm() }, { chartDir: null });
    expect(a.sections!.find((s) => s.heading === 'Where the story stands')!.text).toMatch(/^As of 5 Nov 2025 \(blue News\)/);
    expect(a.notes?.join(' ')).toMatch(/extractive/);
    removeDir(deps.config.dataDir);
  });
});
