/**
 * "mother ship", written "parent ship": whether the articles write one search key right before another used to be read
 * from every pair of the corpus (`bigramsOf`: every sentence tokenised once per corpus — 6.6 s and millions of strings at
 * 10,000 articles, paid by the first question that needed one pair). `writtenTogether` reads the sentences of the passages
 * whose postings hold both keys, per pair. It must say exactly what the whole set says, for pairs written together, pairs
 * in one sentence but apart, pairs in the other order, and keys the corpus lacks.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { buildIndex } from '../src/index/build.js';
import { bigramsOf, writtenTogether } from '../src/evidence/retrieve.js';
import { terms } from '../src/language/tokenize.js';
import { FLOOD, SEEDS, removeDir, tempDir, writeArticle } from './digest-fixtures.js';

async function check(dir: string) {
  const corpus = await loadCorpus(dir);
  const index = await buildIndex(corpus);
  const deps = { corpus, index };
  expect(index.numbered?.()).toBeTruthy();
  const all = bigramsOf(deps);
  const pairs: [string, string][] = [];
  for (const a of corpus.articles) {
    for (const s of a.sentences) {
      const ks = terms(s.text);
      for (let i = 0; i + 1 < ks.length; i++) pairs.push([ks[i]!, ks[i + 1]!], [ks[i + 1]!, ks[i]!]);
      for (let i = 0; i + 3 < ks.length; i += 3) pairs.push([ks[i]!, ks[i + 3]!]);
    }
  }
  pairs.push(['zzqx', 'ship'], ['ship', 'zzqx']);
  let together = 0;
  let apart = 0;
  for (const [a, b] of pairs) {
    const want = all.has(`${a} ${b}`);
    expect(writtenTogether(deps, a, b), `${a} ${b}`).toBe(want);
    if (want) together++;
    else apart++;
  }
  // Both answers are exercised, many times.
  expect(together).toBeGreaterThan(100);
  expect(apart).toBeGreaterThan(100);
}

describe('writtenTogether', () => {
  it('says what the corpus-wide pairs say, on the seeds', async () => {
    await check(SEEDS);
  });

  it('says what the corpus-wide pairs say, on a flood story', async () => {
    const dir = tempDir();
    for (const [name, text] of Object.entries(FLOOD)) writeArticle(dir, name, text, new Date('2024-03-05T12:00:00Z'));
    try {
      await check(dir);
    } finally {
      removeDir(dir);
    }
  });
});
