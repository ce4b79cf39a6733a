/**
 * Near-duplicate detection by word shingles: the share of article A's 6-word
 * shingles that also occur in article B. Syndicated copies and "second half
 * repeated" posts score high; articles on the same story that merely share names
 * score near zero. Uses an inverted index, so it stays near-linear in corpus size.
 */
import type { Article, Overlap } from '../types.js';

const SHINGLE = 6;
/** Overlaps below this share are not recorded. */
export const MIN_OVERLAP_SHARE = 0.2;
/** At or above this share, A is treated as a near-duplicate of B (not independent corroboration). */
export const NEAR_DUPLICATE_SHARE = 0.5;

function normWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
}

function shingles(a: Article): Set<string> {
  const out = new Set<string>();
  for (const p of a.paragraphs) {
    const w = normWords(p.text);
    for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
    if (w.length > 0 && w.length < SHINGLE) out.add(w.join(' '));
  }
  return out;
}

export function findOverlaps(articles: Article[]): Overlap[] {
  const sets = articles.map(shingles);
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = postings.get(s);
      if (list) {
        if (list.length < 50) list.push(i); // a shingle in 50+ articles is boilerplate, not evidence
      } else postings.set(s, [i]);
    }
  });
  const out: Overlap[] = [];
  sets.forEach((set, i) => {
    if (set.size === 0) return;
    const counts = new Map<number, number>();
    for (const s of set) for (const j of postings.get(s)!) if (j !== i) counts.set(j, (counts.get(j) ?? 0) + 1);
    for (const [j, c] of counts) {
      const share = c / set.size;
      if (share >= MIN_OVERLAP_SHARE) {
        out.push({ source: articles[i]!.id, within: articles[j]!.id, share: Math.round(share * 100) / 100 });
      }
    }
  });
  return out.sort((a, b) => b.share - a.share);
}

/**
 * Group articles into independent "voices": an article that is a near-duplicate of
 * another counts once. Returns articleId → representative id.
 */
export function independenceGroups(articles: Article[], overlaps: Overlap[]): Map<string, string> {
  // Not cached here: engines read the groups of the corpus from its analysis (src/analysis), built once per version.
  const parent = new Map(articles.map((a) => [a.id, a.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const o of overlaps) {
    if (o.share < NEAR_DUPLICATE_SHARE) continue;
    const a = find(o.source);
    const b = find(o.within);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  return new Map(articles.map((a) => [a.id, find(a.id)]));
}
