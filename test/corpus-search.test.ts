/**
 * Search over the corpus: accent-insensitive, typo-tolerant, persisted under a
 * cache folder so an unchanged corpus loads instead of rebuilding; a corrupt cache
 * is ignored and rebuilt.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { buildIndex } from '../src/index/build.js';
import { runCommand } from '../src/engines/index.js';
import type { Deps } from '../src/deps.js';
import type { Corpus } from '../src/types.js';
import { cleanupTempDirs, depsFor, nonVerbatim, SEEDS, tempDir } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);

let corpus: Corpus;
let deps: Deps;
beforeAll(async () => {
  corpus = await loadCorpus(SEEDS);
  deps = await depsFor(SEEDS);
});

const QUERIES = ['Velasquez', 'Peskov', 'Kremlin spokesman', 'aircraft carrier Gerald Ford', 'Cartel de los Soles', 'drug boat strike'];

describe('search', () => {
  it('is accent-insensitive: "Velasquez" (and "VELÁSQUEZ") find the Velásquez passage', async () => {
    const ix = await buildIndex(corpus);
    for (const q of ['Velasquez', 'velasquez', 'VELÁSQUEZ', 'Velásquez']) {
      const hits = ix.search(q, { limit: 5 });
      expect(hits.length, q).toBeGreaterThan(0);
      expect(ix.passage(hits[0]!.id)!.text).toContain('Ramón Celestino Velásquez');
    }
  });

  it('is typo-tolerant in search: "Peskv" finds Peskov passages', async () => {
    const ix = await buildIndex(corpus);
    const hits = ix.search('Peskv', { limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits.slice(0, 2)) expect(ix.passage(h.id)!.text).toContain('Peskov');
  });

  it('a nonsense word finds nothing; restricting to one article filters hits', async () => {
    const ix = await buildIndex(corpus);
    expect(ix.search('xyzzyqqq')).toEqual([]);
    const only = ix.search('Maduro', { articles: ['004_beee981505867bb2.txt'] });
    expect(only.length).toBeGreaterThan(0);
    expect(new Set(only.map((h) => h.articleId))).toEqual(new Set(['004_beee981505867bb2.txt']));
  });

  it('ask is typo-tolerant for a dropped letter: "What did Peskv say?" quotes Peskov', async () => {
    const a = await runCommand(deps, { command: 'ask', text: 'What did Peskv say?' });
    expect(a.answered).toBe(true);
    expect(a.citations.some((c) => c.quote.includes('Peskov'))).toBe(true);
    expect(nonVerbatim(a.citations, SEEDS)).toEqual([]);
  });

  it('ask is accent-insensitive: "Who is Velasquez?" cites the Velásquez sentence', async () => {
    const a = await runCommand(deps, { command: 'ask', text: 'Who is Velasquez?' });
    expect(a.answered).toBe(true);
    expect(a.citations.some((c) => c.quote.includes('Velásquez'))).toBe(true);
  });

  // BUG (reported): typo tolerance is plain Levenshtein with max distance 1 for words
  // under 8 letters, so a swapped pair of letters (the commonest typo: "Hegseht" for
  // "Hegseth", distance 2) is neither found by search nor corrected by /ask, which
  // refuses: “hegseht” does not appear in any of the 5 articles.
  it('is typo-tolerant for swapped letters: "Hegseht" finds Hegseth (search and ask)', async () => {
    const ix = await buildIndex(corpus);
    const hits = ix.search('Hegseht', { limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    expect(ix.passage(hits[0]!.id)!.text).toContain('Hegseth');
    const a = await runCommand(deps, { command: 'ask', text: 'What did Hegseht order?' });
    expect(a.answered).toBe(true);
    expect(a.citations.some((c) => c.quote.includes('Hegseth'))).toBe(true);
  });
});

describe('search index persistence', () => {
  const snapshot = (ix: Awaited<ReturnType<typeof buildIndex>>) =>
    QUERIES.map((q) => ix.search(q, { limit: 10 }).map((h) => [h.id, h.score.toFixed(6), [...h.terms].sort().join(',')]));

  it('a second build with the same cacheDir loads from the cache and gives identical results', async () => {
    const cacheDir = tempDir('dispatch-index-');
    const first = await buildIndex(corpus, { cacheDir });
    expect(first.fromCache).toBe(false);
    const files = readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
    expect(files).toHaveLength(1);
    expect(files[0]).toContain(corpus.version);

    const reloaded = await loadCorpus(SEEDS);
    const second = await buildIndex(reloaded, { cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.size).toBe(first.size);
    expect(second.version).toBe(first.version);
    expect(snapshot(second)).toEqual(snapshot(first));
    expect(snapshot(first).flat().length).toBeGreaterThan(QUERIES.length); // the queries do hit something
    for (const t of ['velasquez', 'peskov', 'carrier']) expect(second.docFreq(t)).toBe(first.docFreq(t));
    expect(second.docFreq('peskov')).toBeGreaterThan(0);
  });

  it('a changed corpus does not reuse the old cache', async () => {
    const cacheDir = tempDir('dispatch-index-');
    await buildIndex(corpus, { cacheDir });
    const fewer = await loadCorpus(SEEDS);
    const smaller = { ...fewer, articles: fewer.articles.slice(0, 2), version: 'different-version' };
    const ix = await buildIndex(smaller, { cacheDir });
    expect(ix.fromCache).toBe(false);
    expect(ix.search('Hegseth').every((h) => smaller.articles.some((a) => a.id === h.articleId))).toBe(true);
  });

  it.each([
    ['garbage bytes', '\u0000{not json at all'],
    ['truncated file', null],
    ['valid JSON of the wrong shape', '{"index": 42, "df": "nope"}'],
    ['empty file', ''],
  ])('a corrupt cache file (%s) is ignored and rebuilt', async (_what, body) => {
    const cacheDir = tempDir('dispatch-index-');
    const clean = await buildIndex(corpus, { cacheDir });
    const file = path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.bin'))!);
    const good = readFileSync(file);
    writeFileSync(file, body ?? good.subarray(0, Math.floor(good.length / 2)));

    const rebuilt = await buildIndex(corpus, { cacheDir });
    expect(rebuilt.fromCache).toBe(false);
    expect(snapshot(rebuilt)).toEqual(snapshot(clean));
    // The rebuild rewrote a good cache: the next start loads it.
    expect(readFileSync(file).equals(good)).toBe(true);
    const third = await buildIndex(corpus, { cacheDir });
    expect(third.fromCache).toBe(true);
    expect(snapshot(third)).toEqual(snapshot(clean));
  });

  // BUG (reported): the cache key is the corpus version (file names + raw hashes) and an
  // index schema number, not the parsed paragraphs. When the parser changes (a fix that
  // drops a boilerplate line, say) the same raw files give different paragraph ids, yet
  // the stale index is loaded: hits then point at missing or different passages until
  // someone deletes data/index. Simulated here by parsing the same files differently.
  it('a cache built from differently parsed paragraphs (same raw files) is not reused', async () => {
    const cacheDir = tempDir('dispatch-index-');
    await buildIndex(corpus, { cacheDir });
    const reparsed = { ...corpus, articles: corpus.articles.map((a) => ({ ...a, paragraphs: a.paragraphs.slice(2) })) };
    const ix = await buildIndex(reparsed, { cacheDir });
    expect(ix.fromCache).toBe(false);
    for (const h of ix.search('Peskov Velasquez Hegseth carrier')) expect(ix.passage(h.id), h.id).toBeDefined();
  });

  it('an unwritable cache folder is not fatal', async () => {
    const dir = tempDir('dispatch-index-');
    const blocker = path.join(dir, 'file-not-folder');
    writeFileSync(blocker, 'x');
    const ix = await buildIndex(corpus, { cacheDir: path.join(blocker, 'index') });
    expect(ix.fromCache).toBe(false);
    expect(ix.search('Peskov').length).toBeGreaterThan(0);
  });
});
