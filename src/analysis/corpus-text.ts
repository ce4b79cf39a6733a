/**
 * Small helpers over the corpus's own text that the analysis and the engines share:
 * an article's short label, near-duplicate pairs, a sentence's terms computed once, a
 * search query of a text's most distinctive terms, clipping for display.
 */
import { NEAR_DUPLICATE_SHARE } from '../corpus/overlap.js';
import { terms } from '../language/tokenize.js';
import type { SearchIndex } from '../index/search.js';
import type { Article, Corpus, Sentence } from '../types.js';

/** A short human label for an article: its outlet, else the start of its title. */
export function articleLabel(a: Article): string {
  if (a.outlet) return a.outlet;
  const w = a.title.split(/\s+/).filter(Boolean);
  if (!w.length) return a.id;
  return `“${w.slice(0, 6).join(' ')}${w.length > 6 ? '…' : ''}”`;
}

/** Near-duplicate pairs (share ≥ NEAR_DUPLICATE_SHARE): `source` is largely contained in `within`. */
export function nearDuplicates(corpus: Corpus): { source: string; within: string; share: number }[] {
  return corpus.overlaps.filter((o) => o.share >= NEAR_DUPLICATE_SHARE);
}

const termCache = new WeakMap<Sentence, string[]>();

/** terms(sentence.text), computed once per sentence: /compare looks at every sentence several times. */
export function sentenceTerms(s: Sentence): string[] {
  let t = termCache.get(s);
  if (!t) {
    t = terms(s.text);
    termCache.set(s, t);
  }
  return t;
}

/** A search query of a text's most distinctive terms (long queries make the index slow and vague). */
export function distinctiveQuery(deps: { index: Pick<SearchIndex, 'docFreq'> }, ts: Iterable<string>, max = 10): string {
  const uniq = [...new Set(ts)].filter((t) => t.length > 1);
  return uniq
    .sort((a, b) => deps.index.docFreq(a) - deps.index.docFreq(b))
    .slice(0, max)
    .join(' ');
}

/** Clip for display, on a word boundary. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`;
}
