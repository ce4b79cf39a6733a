/**
 * Postings over the entity index, so a /who lookup and its "Related" list read the
 * entities a name or a sentence can concern instead of scanning every entity (issue 14).
 * Derived from one `EntityIndex` (built once per index object, not persisted). Each
 * posting list only narrows the candidates: the engine runs its own test on them, so
 * answers are those of the full scan.
 *
 * - a word of a key → the entities with a key holding that word ("every typed word
 *   is a word of the name");
 * - the distinct keys and key words, by length and in sorted order → their entities,
 *   for "within N typo edits" (only strings of a length within N are compared) and
 *   "starts with what was typed" (a binary search);
 * - the last word of a key of two or more words → the entities (a surname);
 * - a sentence id → the entities it mentions, with the position of that mention in
 *   the entity's list ("named together in n sentences").
 */
import type { EntityIndex } from '../index/entities.js';
import { typoDistance } from '../language/edit-distance.js';

/** Lookup postings of one entity index (entity positions are indexes into `index.entities`, ascending). */
export interface EntityLookup {
  /** Entities having a key whose words include every one of `words` (ascending positions). */
  byWords(words: string[]): number[];
  /**
   * Entities having a key or a key word within `max` typo edits of `key`, or (when `key` has three
   * letters or more) one that starts with `key`: a superset of what a fuzzy scan can keep.
   */
  fuzzy(key: string, max: number): number[];
  /** Entities with a key of two or more words whose last word is `last`. */
  bySurname(last: string): number[];
  /** Mentions in one sentence: parallel lists of entity positions and mention positions (in that entity's `mentions`). */
  inSentence(sentenceId: string): { entities: readonly number[]; mentions: readonly number[] } | undefined;
}

const memo = new WeakMap<EntityIndex, EntityLookup>();

/** The lookup postings of `index` (built on first use, then kept with the index). */
export function entityLookupOf(index: EntityIndex): EntityLookup {
  let hit = memo.get(index);
  if (!hit) memo.set(index, (hit = buildEntityLookup(index)));
  return hit;
}

function buildEntityLookup(index: EntityIndex): EntityLookup {
  const byWord = new Map<string, number[]>();
  const holders = new Map<string, number[]>();
  const bySurname = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, i: number) => {
    const list = m.get(k);
    if (!list) m.set(k, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  const sentence = new Map<string, { entities: number[]; mentions: number[] }>();
  index.entities.forEach((e, i) => {
    for (const k of e.keys) {
      add(holders, k, i);
      const ws = k.split(' ');
      for (const w of ws) {
        add(byWord, w, i);
        add(holders, w, i);
      }
      if (ws.length >= 2) add(bySurname, ws[ws.length - 1]!, i);
    }
    e.mentions.forEach((m, mi) => {
      let s = sentence.get(m.sentence.id);
      if (!s) sentence.set(m.sentence.id, (s = { entities: [], mentions: [] }));
      s.entities.push(i);
      s.mentions.push(mi);
    });
  });
  // Distinct strings by length (for the edit-distance window) and sorted (for prefixes).
  const byLength = new Map<number, string[]>();
  for (const s of holders.keys()) {
    const list = byLength.get(s.length);
    if (list) list.push(s);
    else byLength.set(s.length, [s]);
  }
  const sorted = [...holders.keys()].sort();
  const ascending = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return {
    byWords(words) {
      const lists = [...new Set(words)].map((w) => byWord.get(w) ?? []).sort((a, b) => a.length - b.length);
      if (!lists.length || !lists[0]!.length) return [];
      let out = lists[0]!;
      for (const l of lists.slice(1)) {
        const have = new Set(l);
        out = out.filter((i) => have.has(i));
      }
      // Every word in some key, but maybe not all in the same key: the engine checks that.
      return out;
    },
    fuzzy(key, max) {
      const out = new Set<number>();
      for (let len = Math.max(0, key.length - max); len <= key.length + max; len++) {
        for (const s of byLength.get(len) ?? []) if (typoDistance(key, s, max) <= max) for (const i of holders.get(s)!) out.add(i);
      }
      if (key.length >= 3) {
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (sorted[mid]! < key) lo = mid + 1;
          else hi = mid;
        }
        for (let j = lo; j < sorted.length && sorted[j]!.startsWith(key); j++) for (const i of holders.get(sorted[j]!)!) out.add(i);
      }
      return ascending(out);
    },
    bySurname(last) {
      return bySurname.get(last) ?? [];
    },
    inSentence(id) {
      return sentence.get(id);
    },
  };
}
