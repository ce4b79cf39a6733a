/** The generic grounding check: every citation of an answer is verbatim in its file. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { isVerbatim } from '../../src/corpus/verbatim.js';
import type { Answer } from '../../src/types.js';

const cache = new Map<string, string>();

export function expectGrounded(answer: Answer, corpusDir: string): void {
  for (const c of answer.citations) {
    const file = path.join(corpusDir, c.source);
    let text = cache.get(file);
    if (text === undefined) {
      text = readFileSync(file, 'utf8');
      cache.set(file, text);
    }
    expect(isVerbatim(text, c.quote), `citation [${c.n}] is not verbatim in ${c.source}: ${c.quote}`).toBe(true);
  }
  // Every [n] marker in the text refers to a citation that exists.
  const ns = new Set(answer.citations.map((c) => c.n));
  for (const b of answer.blocks) for (const m of b.text.matchAll(/\[(\d+)\]/g)) expect(ns.has(Number(m[1]))).toBe(true);
  if (!answer.answered) expect(answer.citations).toEqual([]);
}
