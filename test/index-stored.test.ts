/**
 * The search index file (src/index/stored-index.ts): what a start builds from it is what MiniSearch's
 * own JSON round trip builds — the same terms in the same tree order, the same maps in the same key
 * order, the same postings — so every search (exact, fuzzy, prefix, filtered, through topHits) answers
 * the same; a list changed at run time becomes a real Map and the file written afterwards is again the
 * JSON round trip of the changed index. A damaged or stale file is said in the log and rebuilt.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeIndex, encodeIndex, StoredIndexError, StoredPosting } from '../src/index/stored-index.js';
import { buildIndex } from '../src/index/build.js';
import { topHits, type TermSpec } from '../src/index/top-hits.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Logger } from '../src/log.js';
import type { Corpus } from '../src/types.js';
import { cleanupTempDirs, SEEDS, tempDir } from './helpers/corpus-fixtures.js';

interface Doc {
  id: string;
  articleId: string;
  text: string;
  title: string;
}

/** A small seeded generator, so the written docs are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VOCAB = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}x`).concat(['harbour', 'harbours', 'harbor', 'dispute', 'disputed', 'levy']);
function docs(n: number, from = 0): Doc[] {
  const r = rng(7 + from);
  const out: Doc[] = [];
  for (let i = from; i < from + n; i++) {
    const len = 3 + Math.floor(r() * 25);
    // Zipf-like: low positions most of the time; some words written twice in one passage.
    const text = Array.from({ length: len }, () => VOCAB[Math.floor(VOCAB.length * r() ** 3)]!).join(' ');
    out.push({ id: `a${Math.floor(i / 6)}:p${i % 6}`, articleId: `a${Math.floor(i / 6)}`, title: `dispute ${VOCAB[i % 40]}`, text });
  }
  return out;
}

const OPTIONS = { fields: ['text', 'title'], storeFields: ['articleId'], searchOptions: { boost: { text: 1, title: 0.3 } } };
const QUERIES = ['w1x', 'w2x w3x harbour', 'harbor', 'harbr', 'dispute levy', 'w1x w1x w5x', 'zzz', 'w2', 'disput'];
const search = (ms: MiniSearch<Doc>) =>
  QUERIES.flatMap((q) => [
    ms.search(q),
    ms.search(q, { fuzzy: 0.2, prefix: true }),
    ms.search(q, { filter: (r) => (r.articleId as string) < 'a3' }),
  ]);
const top = (ms: MiniSearch<Doc>) => {
  const spec = (term: string, fuzzy: number | false = false, prefix = false): TermSpec => ({ term, fuzzy, prefix, boost: 1 });
  return [[spec('w1x'), spec('harbour')], [spec('w2x'), spec('harbr', 0.2)], [spec('disput', false, true), spec('w1x'), spec('w1x')]].map((s) => topHits(ms, s, 7));
};

type I = {
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, unknown>;
  _idToShortId: Map<string, number>;
};
/** Everything MiniSearch keeps, in iteration order. */
function dump(ms: MiniSearch<Doc>): unknown {
  const x = ms as unknown as I & Record<string, unknown>;
  return {
    docs: [...x._documentIds],
    lengths: [...x._fieldLength],
    stored: [...x._storedFields],
    ids: [...x._idToShortId],
    scalars: ['_documentCount', '_nextId', '_fieldIds', '_avgFieldLength', '_dirtCount'].map((k) => x[k]),
    index: [...x._index].map(([t, data]) => [t, [...data].map(([f, list]) => [f, [...list]])]),
  };
}

const viaJson = (ms: MiniSearch<Doc>) => MiniSearch.loadJS<Doc>(JSON.parse(JSON.stringify(ms)), OPTIONS);
const viaFile = (ms: MiniSearch<Doc>) => decodeIndex<Doc>(encodeIndex(ms as MiniSearch<unknown>, { note: 'x' }), OPTIONS);

describe('the stored search index', () => {
  it('loads as MiniSearch JSON round trip does: same structure, same order, same searches', () => {
    const built = new MiniSearch<Doc>(OPTIONS);
    built.addAll(docs(600));
    const json = viaJson(built);
    const { ms, extra } = viaFile(built);
    expect(extra).toEqual({ note: 'x' });
    expect(dump(ms)).toEqual(dump(json));
    expect(JSON.stringify(search(ms))).toBe(JSON.stringify(search(json)));
    expect(JSON.stringify(top(ms))).toBe(JSON.stringify(top(json)));
    // Searching read the stored lists in place: none became a Map.
    const lists = [...(ms as unknown as I)._index].flatMap(([, data]) => [...data.values()]);
    expect(lists.every((l) => l instanceof StoredPosting && l.stored)).toBe(true);
    // And stored again, it is the same file.
    expect(encodeIndex(ms as MiniSearch<unknown>, { note: 'x' }).equals(encodeIndex(json as MiniSearch<unknown>, { note: 'x' }))).toBe(true);
  });

  it('answers as the JSON round trip after articles are added and removed, and stores what the round trip would', () => {
    const built = new MiniSearch<Doc>(OPTIONS);
    built.addAll(docs(300));
    const json = viaJson(built);
    const { ms } = viaFile(built);
    for (const m of [json, ms]) {
      for (const d of docs(6, 12)) m.discard(d.id); // an article removed (left in the postings until searched or vacuumed)
      m.addAll(docs(12, 300)); // two articles added: new passages in old and new terms
      m.addAll(docs(6, 12).map((d) => ({ ...d, text: `${d.text} harbour w1x` }))); // the removed one back, changed
    }
    expect(JSON.stringify(search(ms))).toBe(JSON.stringify(search(json)));
    expect(JSON.stringify(top(ms))).toBe(JSON.stringify(top(json)));
    expect(dump(ms)).toEqual(dump(json));
    // Changed lists are Maps now; the rest are still stored.
    const lists = [...(ms as unknown as I)._index].flatMap(([, data]) => [...data.values()]);
    expect(lists.some((l) => !(l instanceof StoredPosting))).toBe(true);
    expect(lists.some((l) => l instanceof StoredPosting)).toBe(true);
    // Written now and read back, it is what MiniSearch's JSON of the changed index reads back as.
    expect(dump(viaFile(ms).ms)).toEqual(dump(viaJson(json)));
    expect(JSON.stringify(search(viaFile(ms).ms))).toBe(JSON.stringify(search(viaJson(json))));
  });

  it('refuses a damaged file with a reason', () => {
    const built = new MiniSearch<Doc>(OPTIONS);
    built.addAll(docs(50));
    const good = encodeIndex(built as MiniSearch<unknown>, null);
    const bad = [Buffer.alloc(0), good.subarray(0, 3), good.subarray(0, good.length - 8), Buffer.from('{"format":"x"}'), Buffer.concat([Buffer.from([9, 0, 0, 0]), Buffer.from('{"format":')])];
    for (const b of bad) expect(() => decodeIndex(b, OPTIONS)).toThrow(StoredIndexError);
  });
});

describe('buildIndex with a cache folder', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(SEEDS);
  });
  afterAll(cleanupTempDirs);

  const logger = () => {
    const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
    const at = (level: string) => (obj: unknown, msg?: string) => void lines.push({ level, obj: (obj ?? {}) as Record<string, unknown>, msg: msg ?? '' });
    const log = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => log } as unknown as Logger;
    return { log, lines };
  };
  const answers = (ix: Awaited<ReturnType<typeof buildIndex>>) =>
    ['Peskov', 'Hegseth carrier', 'Velasquez', 'Maduro Russia', 'strikes Caribbean'].map((q) => ix.search(q, { limit: 10 }));

  it('a damaged or stale file is said in the log, rebuilt, and replaced by a good one', async () => {
    const cacheDir = tempDir('dispatch-index-');
    const first = await buildIndex(corpus, { cacheDir });
    const file = path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.bin'))!);
    const good = readFileSync(file);
    const damages: [string, Buffer][] = [
      ['truncated', good.subarray(0, good.length >> 1)],
      ['garbage', Buffer.from('\u0000{not an index')],
      ['a JSON index of an older schema', Buffer.from(JSON.stringify({ index: {}, df: [], structure: 'x' }))],
    ];
    for (const [what, bytes] of damages) {
      writeFileSync(file, bytes);
      const { log, lines } = logger();
      const ix = await buildIndex(corpus, { cacheDir, log });
      expect(ix.fromCache, what).toBe(false);
      expect(lines.filter((l) => l.level === 'warn' && /search index unusable; rebuilding/.test(l.msg)), what).toHaveLength(1);
      expect(JSON.stringify(answers(ix))).toBe(JSON.stringify(answers(first)));
      expect(readFileSync(file).equals(good), what).toBe(true);
    }
    // Passages cut otherwise from the same files (a parser change): stale, said, rebuilt.
    const { log, lines } = logger();
    const reparsed = { ...corpus, articles: corpus.articles.map((a) => ({ ...a, paragraphs: a.paragraphs.slice(1) })) };
    const ix = await buildIndex(reparsed, { cacheDir, log });
    expect(ix.fromCache).toBe(false);
    expect(lines.some((l) => l.level === 'warn' && /stale structure/.test(String(l.obj.err)))).toBe(true);
    // A missing file is a first start: built, nothing to warn about.
    const fresh = logger();
    expect((await buildIndex(corpus, { cacheDir: tempDir('dispatch-index-'), log: fresh.log })).fromCache).toBe(false);
    expect(fresh.lines.filter((l) => l.level === 'warn')).toHaveLength(0);
  });

  it('a loaded index answers, looks passages up and changes as the built one', async () => {
    const cacheDir = tempDir('dispatch-index-');
    const built = await buildIndex(corpus, { cacheDir });
    const loaded = await buildIndex(await loadCorpus(SEEDS), { cacheDir });
    expect(loaded.fromCache).toBe(true);
    expect(loaded.size).toBe(built.size);
    expect(JSON.stringify(answers(loaded))).toBe(JSON.stringify(answers(built)));
    const p = corpus.articles[1]!.paragraphs[0]!;
    expect(loaded.passage(p.id)?.id).toBe(p.id);
    expect(loaded.sentence(p.sentences[0]!.id)?.text).toBe(p.sentences[0]!.text);
    // Remove an article and add it back changed, in both: same answers, sizes, lookups.
    const a = corpus.articles[0]!;
    const changed = { ...a, paragraphs: a.paragraphs.slice(1) };
    for (const ix of [built, loaded]) {
      ix.remove(a.id);
      expect(ix.passage(a.paragraphs[0]!.id)).toBeUndefined();
      ix.add(changed);
    }
    expect(loaded.size).toBe(built.size);
    expect(loaded.passage(a.paragraphs[0]!.id)).toBeUndefined();
    expect(loaded.passage(a.paragraphs[1]!.id)?.id).toBe(a.paragraphs[1]!.id);
    expect(JSON.stringify(answers(loaded))).toBe(JSON.stringify(answers(built)));
  });
});
