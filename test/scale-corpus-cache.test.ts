/**
 * The corpus snapshot gives the same Corpus as a full parse, reuses unchanged
 * files, and re-parses only what changed.
 */
import { cp, mkdtemp, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { loadCorpusCached } from '../src/scale/corpus-cache.js';
import type { Corpus } from '../src/types.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Everything engines read from a Corpus, in a comparable form. */
const shape = (c: Corpus) => ({
  version: c.version,
  ids: c.articles.map((a) => a.id),
  overlaps: c.overlaps,
  warnings: c.warnings,
  articles: c.articles.map(({ addedAt: _a, ...rest }) => rest),
});

describe('corpus snapshot', () => {
  let dir: string;
  let cache: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dispatch-cc-'));
    cache = await mkdtemp(path.join(os.tmpdir(), 'dispatch-cc-cache-'));
    await cp(path.join(ROOT, 'seeds'), dir, { recursive: true });
    await writeFile(path.join(dir, '950_broken.txt'), Buffer.from([0, 1, 2]));
    // HTML: paragraph and sentence texts are not plain slices of the raw file.
    await writeFile(
      path.join(dir, '951_page.html'),
      '<html><head><title>Port talks stall</title></head><body><article><h1>Port talks stall</h1><p>Published November 5, 2025</p>' +
        '<p>The <b>harbour</b> talks stalled on Wednesday, officials said. Negotiators will meet again <a href="/x">next week</a>.</p>' +
        '<p>Union leader Rosa Okafor said the offer was &ldquo;not serious&rdquo; and that 1,200 workers would strike.</p></article></body></html>',
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  });

  it('matches a full parse, cold and warm', async () => {
    const truth = await loadCorpus(dir);
    const cold = await loadCorpusCached(dir, { cacheDir: cache });
    expect(cold.reused).toBe(0);
    expect(shape(cold.corpus)).toEqual(shape(truth));
    const warm = await loadCorpusCached(dir, { cacheDir: cache });
    expect(warm.parsed).toBe(0);
    expect(warm.reused).toBe(truth.articles.length);
    expect(shape(warm.corpus)).toEqual(shape(truth));
    // Shared objects stay shared (sentences are the same objects in article and paragraph).
    const a = warm.corpus.articles[0]!;
    const t = truth.articles[0]!;
    expect(a.sentences[0] === a.paragraphs[0]!.sentences[0]).toBe(t.sentences[0] === t.paragraphs[0]!.sentences[0]);
    expect(warm.corpus.byId.get(a.id)).toBe(a);
  });

  it('re-parses only a changed file, adds new ones, drops deleted ones', async () => {
    const first = path.join(dir, '001_080066696a52c0c3.txt');
    await writeFile(path.join(dir, '960_new.txt'), 'Tuesday, November 4, 2025\n\nA new article arrives\n\nOfficials said the new article was filed on Tuesday in Caracas.\n');
    await utimes(first, new Date(), new Date(Date.now() + 5000));
    await unlink(path.join(dir, '004_beee981505867bb2.txt'));
    const r = await loadCorpusCached(dir, { cacheDir: cache });
    expect(r.parsed).toBe(2);
    expect(shape(r.corpus)).toEqual(shape(await loadCorpus(dir)));
  });
});
