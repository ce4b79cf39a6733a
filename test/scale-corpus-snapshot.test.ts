/**
 * The corpus snapshot file (schema 3, src/scale/corpus-cache.ts): a damaged, foreign or older file is
 * said in the log and the corpus parsed again (never half-read), then replaced by a good one; articles
 * of any shape round trip — ids and texts rebuilt from numbers, texts that are not slices of the raw
 * text, raw texts UTF-8 cannot carry, paragraphs of an unusual shape.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { loadCorpusCached, snapshotCodec } from '../src/scale/corpus-cache.js';
import type { Logger } from '../src/log.js';
import type { Corpus } from '../src/types.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Everything engines read from a Corpus, key order included. */
const shape = (c: Corpus) =>
  JSON.stringify({
    ...c,
    byId: [...c.byId].map(([k, a]) => [k, c.articles.indexOf(a)]),
    articles: c.articles.map(({ addedAt: _a, ...rest }) => ({ ...rest, keys: Object.keys(rest), sentencesShared: rest.sentences.every((s, i) => s === rest.paragraphs.flatMap((p) => p.sentences)[i]) })),
  });

function logger() {
  const lines: { level: string; msg: string }[] = [];
  const at = (level: string) => (_obj: unknown, msg?: string) => void lines.push({ level, msg: msg ?? '' });
  const log = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => log } as unknown as Logger;
  return { log, lines };
}

describe('corpus snapshot file', () => {
  let dir: string;
  let cache: string;
  let truth: Corpus;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dispatch-snap-'));
    cache = await mkdtemp(path.join(os.tmpdir(), 'dispatch-snap-cache-'));
    await cp(path.join(ROOT, 'seeds'), dir, { recursive: true });
    await writeFile(path.join(dir, '950_broken.txt'), Buffer.from([0, 1, 2]));
    await writeFile(
      path.join(dir, '951_page.html'),
      '<html><head><title>Port talks stall</title></head><body><article><h1>Port talks stall</h1><p>Published November 5, 2025</p>' +
        '<p>The <b>harbour</b> talks stalled on Wednesday, officials said. Negotiators will meet again <a href="/x">next week</a>.</p>' +
        '<p>Union leader Rosa Okafor said the offer was &ldquo;not serious&rdquo; and that 1,200 workers would strike.</p></article></body></html>',
    );
    truth = await loadCorpus(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  });

  it('a damaged, foreign or older snapshot is said in the log, the corpus parsed again and the file replaced', async () => {
    const first = await loadCorpusCached(dir, { cacheDir: cache });
    expect(first.parsed).toBeGreaterThan(0);
    const file = path.join(cache, 'corpus.snap');
    const good = await readFile(file);
    expect(shape((await loadCorpusCached(dir, { cacheDir: cache })).corpus)).toBe(shape(truth));

    const header = good.subarray(4, 4 + good.readUInt32LE(0)).toString('utf8');
    const withHeader = (h: string) => {
      const head = Buffer.from(h);
      const out = Buffer.alloc(good.length - (4 + good.readUInt32LE(0)) + 4 + head.length);
      out.writeUInt32LE(head.length, 0);
      head.copy(out, 4);
      good.copy(out, 4 + head.length, 4 + good.readUInt32LE(0));
      return out;
    };
    const cases: [string, Buffer, 'warn' | 'info'][] = [
      ['truncated', good.subarray(0, good.length - 100), 'warn'],
      ['garbage', Buffer.from('\u0000\u0001 not a snapshot at all'), 'warn'],
      ['empty', Buffer.alloc(0), 'warn'],
      ['an article more in the header than in the sections', withHeader(header.replace('"rawAt":[0,', '"rawAt":[0,0,')), 'warn'],
      ['other parsing code', withHeader(header.replace(/"parser":"[0-9a-f]+"/, '"parser":"0000000000000000"')), 'info'],
    ];
    for (const [what, bytes, level] of cases) {
      await writeFile(file, bytes);
      const { log, lines } = logger();
      const r = await loadCorpusCached(dir, { cacheDir: cache, log });
      expect(r.reused, what).toBe(0);
      expect(shape(r.corpus), what).toBe(shape(truth));
      expect(lines.filter((l) => l.level === level && /corpus snapshot/.test(l.msg)), what).toHaveLength(1);
      // Replaced by a good one: the next start reads it.
      const next = await loadCorpusCached(dir, { cacheDir: cache });
      expect(next.parsed, what).toBe(0);
      expect(shape(next.corpus), what).toBe(shape(truth));
    }
  });

  it('an older schema-2 file (corpus.v8) is not read, and removed once the new one is written', async () => {
    const own = await mkdtemp(path.join(os.tmpdir(), 'dispatch-snap-cache-'));
    try {
      await writeFile(path.join(own, 'corpus.v8'), Buffer.from([0xff, 0x0f, 0x6f, 0x22, 0x06]));
      const { log, lines } = logger();
      const r = await loadCorpusCached(dir, { cacheDir: own, log });
      expect(r.reused).toBe(0);
      expect(shape(r.corpus)).toBe(shape(truth));
      expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1); // the broken article only
      expect((await readdir(own)).sort()).toEqual(['corpus.snap']);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('round trips articles of shapes the parser does not make', () => {
    const a = truth.articles.find((x) => x.format === 'html')!;
    const b = truth.articles.find((x) => x.format === 'txt')!;
    // Unpaired surrogates in the raw text; a paragraph with an extra field; a sentence id of another form.
    const odd = { ...b, id: 'odd.txt', raw: `${b.raw}\ud800 tail` };
    odd.paragraphs = b.paragraphs.map((p, i) => ({ ...p, id: `odd.txt:p${p.index}`, articleId: 'odd.txt', ...(i === 1 ? { extra: [1, 'x'] } : {}), sentences: p.sentences.map((s) => ({ ...s, id: `odd.txt:p${s.paragraph}:s${s.index}`, articleId: 'odd.txt' })) }));
    odd.sentences = odd.paragraphs.flatMap((p) => p.sentences);
    const other = { ...b, id: 'other.txt' };
    other.paragraphs = b.paragraphs.map((p) => ({ ...p, id: `other.txt:p${p.index}`, articleId: 'other.txt', sentences: p.sentences.map((s) => ({ ...s, id: `x-${s.id}`, articleId: 'other.txt' })) }));
    other.sentences = other.paragraphs.flatMap((p) => p.sentences);
    const articles = [a, odd, other, b];
    const corpus: Corpus = { ...truth, articles, byId: new Map(articles.map((x) => [x.id, x])) };
    expect(shape(snapshotCodec.decode(snapshotCodec.encode(corpus)))).toBe(shape(corpus));
  });
});
