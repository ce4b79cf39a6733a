/**
 * A phrase read by its preposition alone is tied to a "where" question only by the verb it follows (issue #12).
 * "Where was the wreckage brought?" must not be answered with "on the families of the crew" from a quote whose
 * neighbour says "bring": without a sentence that states where it was brought, the question is refused; with
 * one ("The wreckage was brought to Halden Quay on Friday"), that place answers. Story written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const BASE = [
  'The trawler Grey Finch sank off Cape Morrow on Tuesday night after striking a reef.',
  'Divers found the wreckage of the Grey Finch on the seabed on Wednesday.',
  '"We are doing everything we can to bring the crew home," the harbour master said. "Our whole focus is on the families of the crew."',
  'Investigators from the maritime board will examine the wreckage.',
  'The owner of the Grey Finch, Cobb Fisheries, said it would cooperate with the inquiry.',
];

function story(extra: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (let a = 0; a < 2; a++) {
    files[`0${a + 1}_morrow-gazette.txt`] = `${14 + a} March 2031\n\nTrawler lost off Cape Morrow, day ${a + 1}\n\n${[...BASE, ...(a === 1 ? extra : [])].join('\n\n')}\n`;
  }
  return files;
}

let without: Deps;
let withPlace: Deps;
beforeAll(async () => {
  without = await testDeps(writeCorpus(story([])));
  withPlace = await testDeps(writeCorpus(story(['The wreckage was brought to Halden Quay on Friday for the inquiry.'])));
}, 120_000);
afterAll(() => cleanupTempDirs());

describe('a place read by its preposition alone', () => {
  it('does not answer from a sentence that never states the verb', async () => {
    const a = await ask(without, 'where was the wreckage brought?');
    const text = a.blocks.map((b) => b.text).join('\n');
    expect(a.short?.text ?? '').not.toMatch(/families/);
    expect(a.answered, text).toBe(false);
    expect(text).toMatch(/never say where/);
  }, 60_000);

  it('answers with the place the sentence stating the verb gives', async () => {
    const a = await ask(withPlace, 'where was the wreckage brought?');
    expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(true);
    expect(a.short?.text).toMatch(/Halden Quay/);
  }, 60_000);
});
