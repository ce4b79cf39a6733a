/**
 * The search keeps only the best hits of a MiniSearch query, scored from MiniSearch's postings
 * without a result object for every passage that matches (src/index/top-hits.ts). Its hits must be
 * MiniSearch's own: the same passages, scores, matched terms and order as a full query cut to the
 * same length.
 */
import { describe, expect, it } from 'vitest';
import MiniSearch, { type SearchResult } from 'minisearch';
import { topHits, topHitsStats, type TermSpec } from '../src/index/top-hits.js';
import { buildIndex } from '../src/index/build.js';
import type { Article, Corpus, Paragraph, Sentence } from '../src/types.js';

/** A small seeded generator, so the written corpus is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Words drawn with Zipf-like weights: a few in most passages, many in a handful.
const VOCAB = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}x`);
const TITLE_WORDS = ['harbour', 'dispute', 'levy', 'strike', 'budget'];

interface Doc {
  id: string;
  articleId: string;
  text: string;
  title: string;
}

function writtenDocs(n: number): Doc[] {
  const r = rng(14);
  const weights = VOCAB.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const draw = () => {
    let x = r() * total;
    for (let i = 0; i < VOCAB.length; i++) if ((x -= weights[i]!) <= 0) return VOCAB[i]!;
    return VOCAB.at(-1)!;
  };
  const docs: Doc[] = [];
  for (let i = 0; i < n; i++) {
    const article = Math.floor(i / 8);
    // Every title holds "dispute" (a story-wide word, as "row" in every bench title); others vary.
    const title = `dispute ${TITLE_WORDS[article % TITLE_WORDS.length]} ${VOCAB[(article * 7) % 60]}`;
    const len = 4 + Math.floor(r() * 30);
    docs.push({ id: `a${article}:p${i % 8}`, articleId: `a${article}`, title, text: Array.from({ length: len }, draw).join(' ') });
  }
  return docs;
}

const FIELD_BOOST = { text: 1, title: 0.3 };
const docs = writtenDocs(3000);
const ms = new MiniSearch<Doc>({ fields: ['text', 'title'], storeFields: ['articleId'], searchOptions: { boost: FIELD_BOOST } });
ms.addAll(docs);
/** The same query through MiniSearch in full, cut to `limit`. */
function fullSearch(specs: TermSpec[], limit: number, allowed?: Set<string>): SearchResult[] {
  return ms
    .search(specs.map((s) => s.term).join(' '), {
      fuzzy: (t, i) => specs[i]!.fuzzy,
      prefix: (t, i) => specs[i]!.prefix,
      boostTerm: (t, i) => specs[i]!.boost,
      ...(allowed ? { filter: (r) => allowed.has(r.articleId as string) } : {}),
    })
    .slice(0, limit);
}

const exact = (term: string, boost = 1): TermSpec => ({ term, fuzzy: false, prefix: false, boost });
const same = (a: SearchResult[], b: SearchResult[]) =>
  expect(a.map((h) => ({ id: h.id, score: h.score, queryTerms: h.queryTerms, match: h.match, articleId: h.articleId }))).toEqual(
    b.map((h) => ({ id: h.id, score: h.score, queryTerms: h.queryTerms, match: h.match, articleId: h.articleId })),
  );

describe('top hits of a MiniSearch query (ask search at scale)', () => {
  const common = VOCAB.slice(0, 6);
  const middle = VOCAB.slice(20, 40);
  const rare = VOCAB.slice(300, 330);
  const queries: TermSpec[][] = [
    [exact(rare[0]!), exact(common[0]!), exact(common[1]!)],
    [exact(common[2]!), exact(rare[1]!), exact('dispute'), exact(middle[0]!), exact(common[0]!)],
    [exact(rare[2]!), exact(rare[3]!), exact(middle[1]!), exact(middle[2]!), ...common.map((t) => exact(t))],
    // A word written twice and a related word weighted below 1, as /ask's queries have them.
    [exact(rare[4]!), exact(rare[4]!), exact(common[3]!, 0.4), exact(middle[3]!, 0.7), exact('dispute')],
    // Many words of like weight (a list of names): nothing can be skipped.
    middle.map((t) => exact(t)),
    // A word the index lacks, searched with prefix and fuzzy expansion, beside common ones.
    [{ term: VOCAB[301]!.slice(0, -1), fuzzy: 0.2, prefix: true, boost: 1 }, exact(common[0]!), exact(common[4]!)],
    // Only story-wide words.
    [exact('dispute'), exact(common[0]!)],
    ...rare.slice(5, 25).map((r, i) => [exact(r), exact(middle[i % middle.length]!), exact(common[i % common.length]!), exact('dispute')]),
  ];

  it('returns exactly what a full MiniSearch query returns, for every limit', () => {
    for (const q of queries) for (const limit of [1, 5, 16, 40]) same(topHits(ms, q, limit), fullSearch(q, limit));
  });

  it('keeps to the articles asked for, as a full query filtered to them', () => {
    const allowed = new Set(['a3', 'a17', 'a40', 'a41', 'a99', 'a200']);
    for (const q of queries) same(topHits(ms, q, 12, (f) => allowed.has(f?.articleId as string)), fullSearch(q, 12, allowed));
  });

  /** `ms` with its `search` counting the results MiniSearch materialises. */
  const counting = () => {
    const c = { materialised: 0, index: Object.create(ms) as MiniSearch<Doc> };
    c.index.search = ((query: Parameters<MiniSearch['search']>[0], o?: Parameters<MiniSearch['search']>[1]) => {
      const out = ms.search(query, o);
      c.materialised += out.length;
      return out;
    }) as MiniSearch['search'];
    return c;
  };

  it('makes results of the kept hits only, for a query of many words of like weight (a list of names)', () => {
    // Nothing can be skipped by an upper bound here (each word could lift a passage into the top 40); MiniSearch's own query
    // would materialise and sort every passage holding any of the 20 words.
    const q = middle.map((t) => exact(t));
    const full = fullSearch(q, Infinity);
    expect(full.length).toBeGreaterThan(1000);
    const c = counting();
    Object.assign(topHitsStats, { results: 0, fallbacks: 0 });
    const hits = topHits(c.index, q, 40);
    same(hits, full.slice(0, 40));
    expect(c.materialised).toBe(0);
    expect(topHitsStats.results).toBe(40);
    expect(topHitsStats.fallbacks).toBe(0);
  });

  it('leaves a fuzzy or prefix word to MiniSearch, merged as its OR combination merges it', () => {
    const q = [{ term: VOCAB[301]!.slice(0, -1), fuzzy: 0.2, prefix: true, boost: 1 }, exact(common[0]!), exact(common[4]!)];
    const full = fullSearch(q, Infinity);
    for (const limit of [1, 16, 40]) same(topHits(ms, q, limit), full.slice(0, limit));
  });

  it('gives MiniSearch\'s answer when a discarded passage is still in the postings', () => {
    // MiniSearch drops a discarded passage from a posting as it scores it, and counts one passage fewer for the rest of that
    // posting: a query on a dirty index scores differently from one on a clean one. Two indexes in the same state, one queried
    // by MiniSearch and one by topHits, must agree on both.
    const make = () => {
      const x = new MiniSearch<Doc>({ fields: ['text', 'title'], storeFields: ['articleId'], searchOptions: { boost: FIELD_BOOST }, autoVacuum: false });
      x.addAll(docs.slice(0, 800));
      for (const i of [3, 10, 57]) x.discard(docs[i]!.id);
      return x;
    };
    const [theirs, ours] = [make(), make()];
    const q = [exact(common[0]!), exact(middle[0]!), exact(middle[1]!), exact('dispute')];
    const full = () => theirs.search(q.map((s) => s.term).join(' '), { fuzzy: false, prefix: false }).slice(0, 16);
    const fallbacks = topHitsStats.fallbacks;
    same(topHits(ours, q, 16), full());
    expect(topHitsStats.fallbacks).toBe(fallbacks + 1);
    // (A passage that held a word twice stays in its posting once more: MiniSearch removes one occurrence per query.)
    same(topHits(ours, q, 16), full());
    same(topHits(ours, q, 16), full());
  });
});

describe('top hits as an index grows and changes', () => {
  it('reads each passage\'s length as MiniSearch holds it, for passages added and replaced after a search', () => {
    // topHits keeps each passage's field lengths by short id: passages added after a search have ids past those kept, and a
    // passage replaced (discarded, added again) a new id with another length. Two indexes in the same state must agree.
    const make = () => {
      const x = new MiniSearch<Doc>({ fields: ['text', 'title'], storeFields: ['articleId'], searchOptions: { boost: FIELD_BOOST } });
      x.addAll(docs.slice(0, 1200));
      return x;
    };
    const [theirs, ours] = [make(), make()];
    const q = [exact(VOCAB[0]!), exact(VOCAB[21]!), exact(VOCAB[22]!), exact('dispute')];
    const full = () => theirs.search(q.map((s) => s.term).join(' '), { fuzzy: false, prefix: false }).slice(0, 40);
    same(topHits(ours, q, 40), full());
    for (const x of [theirs, ours]) {
      x.addAll(docs.slice(1200, 2600));
      // The same passage written longer: every common word of the query, many times.
      for (const i of [5, 9, 700]) {
        x.discard(docs[i]!.id);
        x.add({ ...docs[i]!, text: `${docs[i]!.text} ${Array.from({ length: 40 }, (_, k) => VOCAB[k % 3]).join(' ')}` });
      }
      x.vacuum();
    }
    same(topHits(ours, q, 40), full());
    same(topHits(ours, [exact(VOCAB[1]!), exact(VOCAB[2]!)], 40), theirs.search(`${VOCAB[1]} ${VOCAB[2]}`, { fuzzy: false, prefix: false }).slice(0, 40));
  });
});

describe('the corpus index search (buildIndex) keeps the best hits of the whole ranking', () => {
  it('cuts the same ranking at every limit', async () => {
    const written = writtenDocs(2400);
    const byArticle = new Map<string, Doc[]>();
    for (const d of written) byArticle.set(d.articleId, [...(byArticle.get(d.articleId) ?? []), d]);
    const articles: Article[] = [...byArticle].map(([id, ds]) => {
      let at = 0;
      const paragraphs: Paragraph[] = ds.map((d, index) => {
        const sentence = { id: `${d.id}:s0`, articleId: id, paragraph: index, index: 0, text: `${d.text}.`, start: at, end: at + d.text.length + 1 } as unknown as Sentence;
        const p = { id: d.id, articleId: id, index, text: `${d.text}.`, start: at, end: at + d.text.length + 1, sentences: [sentence] } as unknown as Paragraph;
        at += d.text.length + 3;
        return p;
      });
      return { id, title: ds[0]!.title, paragraphs, sentences: paragraphs.flatMap((p) => p.sentences) } as unknown as Article;
    });
    const corpus = { articles, byId: new Map(articles.map((a) => [a.id, a])), version: 'top-hits-test' } as unknown as Corpus;
    const index = await buildIndex(corpus);
    // Words in fewer than one passage in twenty (the index drops commoner ones from a query on a large corpus).
    const queries = [
      `${VOCAB[310]} ${VOCAB[60]} ${VOCAB[61]} ${VOCAB[62]} dispute`,
      `${VOCAB[65]} ${VOCAB[66]} ${VOCAB[67]} ${VOCAB[68]} harbour`,
      `${VOCAB[350]} ${VOCAB[351]} ${VOCAB[70]} ${VOCAB[80]} ${VOCAB[90]} ${VOCAB[100]}`,
    ];
    for (const q of queries) {
      const whole = index.search(q, { limit: 100_000 });
      expect(whole.length).toBeGreaterThan(40);
      for (const limit of [3, 16, 40]) expect(index.search(q, { limit })).toEqual(whole.slice(0, limit));
    }
  });
});
