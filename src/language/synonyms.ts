/**
 * Word relations over search terms (the keys `terms()` makes): everyday synonyms,
 * one-way query expansions and opposites, from the lexicon's tables.
 */
import { ANTONYM_PAIRS, QUERY_EXPANSIONS, SYNONYM_GROUPS } from './lexicon/index.js';
import { stem, terms } from './tokenize.js';

/** A question term → the terms it should also find ("ask" → "request", "sought"). Keys and values are search terms. */
export const QUERY_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(QUERY_EXPANSIONS).map(([k, vs]) => [stem(k), [...new Set(vs.map(stem))]]),
);

const SYNONYMS = new Map<string, Set<string>>();
for (const g of SYNONYM_GROUPS) {
  const set = new Set(g.split(' ').flatMap((w) => terms(w)));
  for (const t of set) SYNONYMS.set(t, new Set([...(SYNONYMS.get(t) ?? []), ...set]));
}

/** One representative term for a synonym group, so differently worded sentences compare as the same. */
export function canonical(t: string): string {
  const g = SYNONYMS.get(t);
  return g ? [...g].sort()[0]! : t;
}

/** The term and its everyday synonyms (search terms). */
export function synonymsOf(t: string): Set<string> {
  return SYNONYMS.get(t) ?? new Set([t]);
}

const ANTONYMS = new Map<string, Set<string>>();
for (const [a, b] of ANTONYM_PAIRS) {
  const sa = new Set(a.split(' ').flatMap((w) => terms(w)));
  const sb = new Set(b.split(' ').flatMap((w) => terms(w)));
  for (const t of sa) ANTONYMS.set(t, new Set([...(ANTONYMS.get(t) ?? []), ...sb]));
  for (const t of sb) ANTONYMS.set(t, new Set([...(ANTONYMS.get(t) ?? []), ...sa]));
}

/** A term's opposites (search terms), if it has any. */
export function antonymsOf(t: string): Set<string> {
  return ANTONYMS.get(t) ?? new Set();
}
