/**
 * A figure asked of a name with nothing but a verb to say what it measures (issue #12): "how much was the
 * Marlow Star insured for?" names no noun ("how much fuel", "how many seats"), so only the verb says which
 * figure is meant. A window that never states the verb gives a figure of something else ("fuel for up to
 * 96 hours"): the question is refused, saying no figure is given, and answered once a sentence says it was
 * insured. A question whose cue says the figure's kind ("how much did … charge": money) is answered as before.
 * Story written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const BASE = [
  'The ferry Marlow Star lost power in the Kessel Strait on Monday with 40 passengers aboard.',
  'The Marlow Star carries fuel for up to 96 hours, according to its operator, Brindle Lines.',
  'Brindle Lines charged $85 for a crossing on the Marlow Star, its website said.',
  'Tugs from Portreath reached the Marlow Star on Tuesday morning.',
  'Passengers said the crew of the Marlow Star kept them calm through the night.',
  'The coastguard said the Marlow Star would be towed to Portreath.',
];

function story(extra: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (let a = 0; a < 3; a++) {
    const paras = [...BASE.slice(a, a + 4), ...(a === 2 ? extra : [])];
    files[`0${a + 1}_strait-news.txt`] = `${12 + a} May 2031\n\nFerry adrift in the Kessel Strait, day ${a + 1}\n\n${paras.join('\n\n')}\n`;
  }
  return files;
}

const WITH = story(['An insurer said the Marlow Star was insured for $12 million.']);
const WITHOUT = story([]);

let withCover: Deps;
let withoutCover: Deps;
beforeAll(async () => {
  withCover = await testDeps(writeCorpus(WITH));
  withoutCover = await testDeps(writeCorpus(WITHOUT));
}, 120_000);
afterAll(() => cleanupTempDirs());

describe('a figure asked by its verb alone', () => {
  it('is refused when no sentence states the verb, though a figure sits beside the name', async () => {
    const a = await ask(withoutCover, 'how much was the marlow star insured for?');
    const text = a.blocks.map((b) => b.text).join('\n');
    expect(a.answered, text).toBe(false);
    expect(text).toMatch(/give no figure for it/);
    expect(text).not.toMatch(/96 hours/);
  }, 60_000);

  it('is answered from the sentence that states it', async () => {
    const a = await ask(withCover, 'how much was the marlow star insured for?');
    expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(true);
    expect(a.short?.text).toMatch(/^\$12 million \[\d+\]$/);
    const cited = a.citations.find((c) => a.short!.text.endsWith(`[${c.n}]`))!;
    expect(isVerbatim(WITH[cited.source]!, cited.quote)).toBe(true);
  }, 60_000);

  it('keeps answering when the question’s cue says the kind of figure', async () => {
    const a = await ask(withoutCover, 'how much did brindle lines charge?');
    expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(true);
    expect(a.short?.text).toMatch(/^\$85 \[\d+\]$/);
  }, 60_000);
});
