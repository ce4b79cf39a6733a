/**
 * The best `limit` hits of a MiniSearch OR query without scoring every passage that holds a
 * common word. MiniSearch scores, materialises and sorts every passage that matches any query
 * term; at 10,000 articles a question with a few words found in thousands of passages made one
 * search cost 100–800 ms of CPU while callers keep 5–40 hits.
 *
 * This is the max-score method of top-k retrieval, over MiniSearch's own queries: each query term
 * has an upper bound on what it can add to a passage's score (from its document frequency). The
 * rare terms are searched in full and give the candidate passages; every other term is scored only
 * on those candidates (`boostDocument` returns 0 elsewhere, so MiniSearch skips them). A term must
 * still be searched in full unless the passages holding only such terms cannot reach the
 * `limit`-th best candidate's score. The result is exactly MiniSearch's: the same passages with
 * the same scores, matched terms and order (per-term scores are added in query order, as
 * MiniSearch's OR combination adds them, and ties keep MiniSearch's insertion order).
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions as MsSearchOptions, SearchResult } from 'minisearch';

/** One query term as MiniSearch's `termToQuerySpec` makes it. */
export interface TermSpec {
  term: string;
  fuzzy: number | false;
  prefix: boolean;
  boost: number;
}

/**
 * The most a term can add to one passage's score (before MiniSearch multiplies by the number of
 * query terms matched) and the most passages it can match; Infinity when unknown (fuzzy or prefix
 * expansion): such a term is always searched in full.
 */
export type TermBound = (spec: TermSpec) => { score: number; passages: number };

/** MiniSearch's default BM25 parameters (the index does not override them). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * The most one term can add to a passage's score under MiniSearch's BM25: per field, its weight times the
 * term's inverse document frequency in that field times the largest term-frequency factor (`d + k + 1`,
 * approached by a term repeated in the shortest field).
 */
export function bm25Bound(documentCount: number, fields: { boost: number; df: number }[], termBoost = 1): number {
  const idf = (m: number) => Math.log(1 + (documentCount - m + 0.5) / (m + 0.5));
  let most = 0;
  for (const f of fields) if (f.df > 0) most += f.boost * idf(f.df) * (BM25.d + BM25.k + 1);
  // A hair above, so rounding never makes the bound fall below a real score.
  return termBoost * most * (1 + 1e-9);
}

interface Scored {
  score: number;
  match: SearchResult['match'];
}

/** A term's hits: passage id → score and match, and the order MiniSearch inserted them in. */
interface TermHits {
  hits: Map<string, Scored>;
  order: Map<string, number>;
  stored: Map<string, Record<string, unknown> | undefined>;
}

/**
 * The hits of `specs` combined with OR, best first, at most `limit` — equal to
 * `ms.search(<specs>, { filter: allowed }).slice(0, limit)` with the same term options.
 */
export function topHits<T>(
  ms: MiniSearch<T>,
  specs: TermSpec[],
  limit: number,
  bound: TermBound,
  allowed?: (storedFields: Record<string, unknown> | undefined) => boolean,
): SearchResult[] {
  const cache = new Map<string, TermHits>();
  const runs: (TermHits | undefined)[] = specs.map(() => undefined);
  const keyOf = (s: TermSpec) => `${s.term}\u0000${s.fuzzy}\u0000${s.prefix}\u0000${s.boost}`;
  /** Search one term (all its passages, or only `only`'s). */
  const run = (s: TermSpec, only?: Set<string>): TermHits => {
    const order = new Map<string, number>();
    const stored = new Map<string, Record<string, unknown> | undefined>();
    const boostDocument = (id: string, _term: string, fields?: Record<string, unknown>): number => {
      if (only && !only.has(id)) return 0;
      if (allowed && !allowed(fields)) return 0;
      // MiniSearch inserts a passage into a term's results on the first posting it scores.
      if (!order.has(id)) {
        order.set(id, order.size);
        stored.set(id, fields);
      }
      return 1;
    };
    const options: MsSearchOptions = {
      tokenize: () => [s.term],
      processTerm: (t: string) => t,
      fuzzy: s.fuzzy,
      prefix: s.prefix,
      boostTerm: () => s.boost,
      boostDocument,
      combineWith: 'OR',
    };
    const hits = new Map<string, Scored>();
    // One term: MiniSearch's score is the term's own (times 1 matched term).
    for (const r of ms.search(s.term, options)) hits.set(String(r.id), { score: r.score, match: r.match });
    return { hits, order, stored };
  };
  const full = (i: number): TermHits => {
    const key = keyOf(specs[i]!);
    let h = cache.get(key);
    if (!h) cache.set(key, (h = run(specs[i]!)));
    return (runs[i] = h);
  };

  /** MiniSearch's own query over every term. */
  const plain = (): SearchResult[] =>
    ms
      .search(
        { combineWith: 'OR', queries: specs.map((s) => ({ queries: [s.term], fuzzy: s.fuzzy, prefix: s.prefix, boostTerm: () => s.boost })) },
        { tokenize: (t: string) => [t], processTerm: (t: string) => t, ...(allowed ? { filter: (r: SearchResult) => allowed(r as Record<string, unknown>) } : {}) },
      )
      .slice(0, limit);
  const bounds = specs.map((s) => bound(s));
  const candidates = new Set<string>();
  const addAll = (h: TermHits) => {
    for (const id of h.hits.keys()) candidates.add(id);
  };
  // Terms with no bound, then the rest from the highest bound (the rarest) down, until the candidates fill the limit.
  const byBound = specs.map((_, i) => i).sort((a, b) => (bounds[a]!.score === bounds[b]!.score ? a - b : bounds[b]!.score > bounds[a]!.score ? 1 : -1));
  let taken = 0;
  for (; taken < byBound.length; taken++) {
    const b = bounds[byBound[taken]!]!;
    if (Number.isFinite(b.score) && candidates.size >= limit) break;
    // Filling the limit takes a term found in many passages: scoring every passage cannot be avoided.
    if (b.passages > FILL_AT_MOST) return plain();
    addAll(full(byBound[taken]!));
  }
  const rest = byBound.slice(taken);
  if (!rest.length) return combine(specs, runs, candidates, limit);
  /**
   * Terms that cannot lift a passage holding none of the others to `threshold` need not be searched in full:
   * such a passage scores at most the sum of their bounds times the number of distinct terms among them.
   */
  const skippable = (threshold: number): Set<number> => {
    const out = new Set<number>();
    const distinct = new Set<string>();
    let sum = 0;
    for (const i of [...rest].reverse()) {
      distinct.add(specs[i]!.term);
      sum += bounds[i]!.score;
      if (!(sum * distinct.size < threshold)) break;
      out.add(i);
    }
    return out;
  };
  // The limit-th best score among the candidates with the terms searched so far: their final scores are no lower.
  let skipped = skippable(combine(specs, runs, candidates, limit)[limit - 1]!.score);
  let scoredOn = 0; // how many candidates the skipped terms' runs cover
  if (skipped.size < rest.length) {
    // Every term counted on the candidates (each scored on them only): the threshold they really set.
    const restricted = new Map<string, TermHits>();
    for (const i of rest) {
      const key = keyOf(specs[i]!);
      if (!restricted.has(key)) restricted.set(key, run(specs[i]!, candidates));
      runs[i] = restricted.get(key);
    }
    scoredOn = candidates.size;
    skipped = skippable(combine(specs, runs, candidates, limit)[limit - 1]!.score);
    // Nothing to skip (many terms of like weight): one MiniSearch query is cheaper than a query per term.
    if (!skipped.size) return plain();
  }
  for (const i of rest) if (!skipped.has(i)) addAll(full(i));
  // Every skipped term is scored on every candidate, those found since included.
  if (candidates.size !== scoredOn) {
    const again = new Map<string, TermHits>();
    for (const i of skipped) {
      const key = keyOf(specs[i]!);
      if (!again.has(key)) again.set(key, run(specs[i]!, candidates));
      runs[i] = again.get(key);
    }
  }
  return combine(specs, runs, candidates, limit);
}

/** A term that needs scoring in more passages than this to fill the limit: MiniSearch's own query is as cheap. */
const FILL_AT_MOST = 5000;

/**
 * MiniSearch's OR combination of the terms' hits on `candidates`, sorted as `search()` sorts, the
 * best `limit` made into results.
 */
function combine(specs: TermSpec[], runs: (TermHits | undefined)[], candidates: Set<string>, limit: number): SearchResult[] {
  const acc = new Map<string, { score: number; first: number; at: number; terms: string[] }>();
  specs.forEach((s, i) => {
    const h = runs[i];
    if (!h) return; // not searched yet
    for (const [id, hit] of h.hits) {
      if (!candidates.has(id)) continue;
      const x = acc.get(id);
      if (!x) acc.set(id, { score: hit.score, first: i, at: h.order.get(id)!, terms: [s.term] });
      else {
        x.score = x.score + hit.score;
        if (!x.terms.includes(s.term)) x.terms.push(s.term);
      }
    }
  });
  const ranked = [...acc].map(([id, x]) => ({ id, x, score: x.score * (x.terms.length || 1) }));
  // MiniSearch sorts by score only (a stable sort) over passages in the order its OR combination inserted them.
  ranked.sort((a, b) => b.score - a.score || a.x.first - b.x.first || a.x.at - b.x.at);
  return ranked.slice(0, limit).map(({ id, x, score }) => {
    const match: SearchResult['match'] = {};
    specs.forEach((_, i) => {
      const hit = runs[i]?.hits.get(id);
      if (hit) Object.assign(match, hit.match);
    });
    return { ...runs[x.first]!.stored.get(id), id, score, terms: Object.keys(match), queryTerms: x.terms, match };
  });
}
