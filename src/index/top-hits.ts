/**
 * The best `limit` hits of a MiniSearch OR query, scored straight from MiniSearch's postings.
 *
 * MiniSearch builds a result object (score, terms, match) for every passage that matches any query
 * term, merges them term by term in Maps, materialises every one and sorts them all; callers keep
 * 5–40. At 10,000 articles a retrieval query that holds every name of every entity a shared name
 * matches (~200 names, each in hundreds of passages) cost hundreds of ms of CPU that way, and a
 * max-score cut cannot help it (terms of like weight). Here each exact term's postings are read
 * once into flat arrays indexed by MiniSearch's short document id, the per-passage totals are kept
 * as MiniSearch sums them, and only the `limit` best are made into results.
 *
 * The result is exactly MiniSearch's `search(query).filter(allowed).slice(0, limit)`: the same
 * passages, scores (the same floating-point operations in the same order), matched terms, match
 * fields and order, ties included (MiniSearch's sort is stable over the order its OR combination
 * inserted passages, which is kept as a sequence number). A term searched with fuzzy or prefix
 * expansion (a word the index lacks) is left to MiniSearch itself and merged in the same way. When
 * MiniSearch's internals are not as expected, or a discarded passage is still in a posting (which
 * MiniSearch cleans up as it scores), MiniSearch's own query runs instead.
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions as MsSearchOptions, SearchResult } from 'minisearch';
import { StoredPosting } from './stored-index.js';

/** One query term as MiniSearch's `termToQuerySpec` makes it. */
export interface TermSpec {
  term: string;
  fuzzy: number | false;
  prefix: boolean;
  boost: number;
}

/** Work counters (summed over calls; a test or benchmark resets them). */
export const topHitsStats = { queries: 0, postings: 0, results: 0, fallbacks: 0 };

/** The parts of a MiniSearch instance read here (version 7: no public call gives a term's postings). */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _idToShortId: Map<string, number>;
  _nextId: number;
  _dirtCount: number;
  _options: { fields: string[]; searchOptions: { boost?: Record<string, number>; bm25?: { k: number; b: number; d: number } } };
}

function internalsOf(ms: MiniSearch<unknown>): Internals | undefined {
  const x = ms as unknown as Partial<Internals>;
  const ok =
    typeof x._index?.get === 'function' &&
    x._documentIds instanceof Map &&
    x._fieldLength instanceof Map &&
    x._storedFields instanceof Map &&
    x._idToShortId instanceof Map &&
    Array.isArray(x._avgFieldLength) &&
    typeof x._nextId === 'number' &&
    typeof x._documentCount === 'number' &&
    !!x._fieldIds &&
    !!x._options?.searchOptions?.bm25 &&
    Array.isArray(x._options.fields);
  return ok ? (x as Internals) : undefined;
}

/** Per-document scratch arrays, kept between calls (reset through the list of documents a call touched). */
let scratch: { total: Float64Array; seq: Int32Array; count: Uint16Array; term: Float64Array; mark: Int32Array } | undefined;
function scratchFor(n: number) {
  if (!scratch || scratch.total.length < n) {
    const size = Math.max(n, 1024);
    scratch = { total: new Float64Array(size), seq: new Int32Array(size).fill(-1), count: new Uint16Array(size), term: new Float64Array(size), mark: new Int32Array(size).fill(-1) };
  }
  return scratch;
}

/**
 * A passage's length in a field (MiniSearch's `_fieldLength`, a Map read once per posting), by short id from arrays kept
 * with that Map: a passage's lengths never change once added, and short ids are never reused. NaN: not read yet.
 */
const lengthMemo = new WeakMap<object, Float64Array[]>();
function fieldLengths(I: Internals): (doc: number, field: number) => number {
  let arrays = lengthMemo.get(I._fieldLength);
  if (!arrays) lengthMemo.set(I._fieldLength, (arrays = []));
  const kept = arrays;
  return (doc, field) => {
    let a = kept[field];
    if (!a || doc >= a.length) {
      const grown = new Float64Array(Math.max(I._nextId, doc + 1, 1024)).fill(NaN);
      if (a) grown.set(a);
      kept[field] = a = grown;
    }
    let n = a[doc]!;
    if (n !== n) a[doc] = n = I._fieldLength.get(doc)![field]!;
    return n;
  };
}

/** A fuzzy or prefix term's own results, as MiniSearch made them, and the order it inserted passages in. */
interface Expanded {
  hits: Map<number, { score: number; match: SearchResult['match'] }>;
  order: number[];
}

/**
 * The hits of `specs` combined with OR, best first, at most `limit` — equal to
 * `ms.search(<specs>, { filter: allowed }).slice(0, limit)` with the same term options.
 */
export function topHits<T>(
  ms: MiniSearch<T>,
  specs: TermSpec[],
  limit: number,
  allowed?: (storedFields: Record<string, unknown> | undefined) => boolean,
): SearchResult[] {
  topHitsStats.queries++;
  /** MiniSearch's own query over every term. */
  const plain = (): SearchResult[] => {
    topHitsStats.fallbacks++;
    return ms
      .search(
        { combineWith: 'OR', queries: specs.map((s) => ({ queries: [s.term], fuzzy: s.fuzzy, prefix: s.prefix, boostTerm: () => s.boost })) },
        { tokenize: (t: string) => [t], processTerm: (t: string) => t, ...(allowed ? { filter: (r: SearchResult) => allowed(r as Record<string, unknown>) } : {}) },
      )
      .slice(0, limit);
  };
  const I = internalsOf(ms as MiniSearch<unknown>);
  if (!I || !(limit > 0)) return plain();
  if (!specs.length) return [];
  const { k, b, d } = I._options.searchOptions.bm25!;
  // As MiniSearch's executeQuerySpec derives them: every field, in the index's order, at its boost (1 when unset).
  const fields = I._options.fields.map((f) => ({ id: I._fieldIds[f]!, boost: I._options.searchOptions.boost?.[f] || 1, name: f }));
  // Discarded passages stay in the postings until MiniSearch scores or vacuums them: then each posting is checked.
  const dirty = I._dirtCount > 0;
  const N = I._documentCount;
  const { total, seq, count, term, mark } = scratchFor(I._nextId);
  const touched: number[] = [];
  // This term's passages in the order MiniSearch inserts them into its results (each one's score for the term in `term`).
  const mine: number[] = [];
  try {
    // A term written twice in the query counts once towards the number of terms a passage matches.
    const seen = new Map<string, number>();
    for (const s of specs) seen.set(s.term, (seen.get(s.term) ?? 0) + 1);
    const counted = new Map<string, Set<number>>();
    for (const [t, n] of seen) if (n > 1) counted.set(t, new Set());
    const expanded: (Expanded | undefined)[] = specs.map(() => undefined);
    // Each exact term's postings as read for its score, read again for the match of the hits kept.
    const postings: (ReturnType<Internals['_index']['get']> | undefined)[] = specs.map(() => undefined);
    const lengthOf = fieldLengths(I);

    for (let i = 0; i < specs.length; i++) {
      const s = specs[i]!;
      mine.length = 0;
      if (s.fuzzy || s.prefix) {
        const x = expand(ms, s);
        expanded[i] = x;
        for (const doc of x.order) {
          mine.push(doc);
          term[doc] = x.hits.get(doc)!.score;
        }
      } else {
        const data = I._index.get(s.term);
        postings[i] = data;
        for (const f of data ? fields : []) {
          const freqs = data!.get(f.id);
          if (!freqs) continue;
          const matching = freqs.size;
          const avg = I._avgFieldLength[f.id]!;
          const idf = Math.log(1 + (N - matching + 0.5) / (matching + 0.5));
          topHitsStats.postings += matching;
          const score = (doc: number, tf: number): boolean => {
            // MiniSearch would drop the passage from the posting and count one passage fewer for the rest: its query does that.
            if (dirty && !I._documentIds.has(doc)) return false;
            const length = lengthOf(doc, f.id);
            // MiniSearch's calcBM25Score and weighting, operation for operation.
            const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
            const weighted = 1 * s.boost * f.boost * 1 * raw;
            if (mark[doc] !== i) {
              mark[doc] = i;
              term[doc] = weighted;
              mine.push(doc);
            } else term[doc] = term[doc]! + weighted;
            return true;
          };
          // A list as the index file stores it is read from its arrays (the same entries in the same order).
          const stored = freqs instanceof StoredPosting ? freqs.stored : undefined;
          if (stored) {
            const { ids, freqs: tfs } = stored;
            for (let j = 0; j < ids.length; j++) if (!score(ids[j]!, tfs[j]!)) return plain();
          } else for (const [doc, tf] of freqs) if (!score(doc, tf)) return plain();
        }
      }
      // MiniSearch's OR combination: a passage new to the results is appended, one already there adds this term's score.
      const twice = counted.get(s.term);
      for (const doc of mine) {
        mark[doc] = -1;
        if (seq[doc]! < 0) {
          seq[doc] = touched.length;
          touched.push(doc);
          total[doc] = term[doc]!;
          count[doc] = 1;
          twice?.add(doc);
        } else {
          total[doc] = total[doc]! + term[doc]!;
          if (!twice) count[doc]!++;
          else if (!twice.has(doc)) {
            twice.add(doc);
            count[doc]!++;
          }
        }
      }
      mine.length = 0;
    }

    // MiniSearch's score is the sum times the number of query terms matched; its sort is stable over insertion order
    // (`touched`), so a later passage with an equal score never comes before an earlier one.
    const finalOf = (doc: number) => total[doc]! * (count[doc]! || 1);
    const keep = allowed ? (doc: number) => allowed(I._storedFields.get(doc)) : () => true;
    let best: number[];
    if (limit >= 64) {
      best = touched.filter(keep).sort((x, y) => finalOf(y) - finalOf(x) || seq[x]! - seq[y]!).slice(0, limit);
    } else {
      best = [];
      for (const doc of touched) {
        const f = finalOf(doc);
        if (best.length === limit && !(f > finalOf(best[limit - 1]!))) continue;
        if (!keep(doc)) continue;
        let at = best.length;
        while (at > 0 && f > finalOf(best[at - 1]!)) at--;
        best.splice(at, 0, doc);
        if (best.length > limit) best.pop();
      }
    }
    topHitsStats.results += best.length;
    return best.map((doc): SearchResult => {
      // The match and matched terms as MiniSearch's OR combination assembles them (Object.assign, in query order).
      const match: SearchResult['match'] = {};
      const queryTerms: string[] = [];
      specs.forEach((s, i) => {
        let own: SearchResult['match'] | undefined;
        const x = expanded[i];
        if (x) own = x.hits.get(doc)?.match;
        else {
          const data = postings[i];
          const where = data ? fields.filter((f) => data.get(f.id)?.has(doc)).map((f) => f.name) : [];
          if (where.length) own = { [s.term]: where };
        }
        if (!own) return;
        Object.assign(match, own);
        if (!queryTerms.includes(s.term)) queryTerms.push(s.term);
      });
      return { id: I._documentIds.get(doc), score: finalOf(doc), terms: Object.keys(match), queryTerms, match, ...I._storedFields.get(doc) };
    });
  } finally {
    for (const doc of mine) mark[doc] = -1;
    for (const doc of touched) {
      seq[doc] = -1;
      count[doc] = 0;
    }
  }
}

/** One fuzzy or prefix term searched by MiniSearch alone: its passages (short ids), scores, matches and insertion order. */
function expand<T>(ms: MiniSearch<T>, s: TermSpec): Expanded {
  const I = ms as unknown as Internals;
  const order: number[] = [];
  const seenIds = new Set<string>();
  // MiniSearch inserts a passage into a term's results on the first posting it scores (where it calls boostDocument).
  const boostDocument = (id: string): number => {
    if (!seenIds.has(id)) {
      seenIds.add(id);
      order.push(I._idToShortId.get(id)!);
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
  const hits = new Map<number, { score: number; match: SearchResult['match'] }>();
  // One term: MiniSearch's score is the term's own (times 1 matched term).
  for (const r of ms.search(s.term, options)) hits.set(I._idToShortId.get(String(r.id))!, { score: r.score, match: r.match });
  return { hits, order: order.filter((doc) => hits.has(doc)) };
}
