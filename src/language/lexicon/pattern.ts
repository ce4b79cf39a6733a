/** Turning lexicon word lists into regular-expression alternations (longest first, escaped). */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "said|says|told": an alternation of words and phrases, longest first so "according to" wins over "according". */
export function alternation(words: Iterable<string>): string {
  const list = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return list.map((w) => escape(w).replace(/ /g, '\\s+')).join('|');
}

/** A case-insensitive whole-word matcher for a list of words or phrases. */
export function wordRe(words: Iterable<string>, flags = 'i'): RegExp {
  return new RegExp(`\\b(?:${alternation(words)})\\b`, flags);
}
