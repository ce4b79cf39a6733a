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
  /** Whether the sentence postings are built (a scan of every mention is cheaper than building them for one call). */
  readonly sentencesBuilt: boolean;
  /** Build every posting now (a server at start-up), not on first use. */
  warm(): void;
}

const memo = new WeakMap<EntityIndex, EntityLookup>();

/** The lookup postings of `index` (built on first use, then kept with the index). */
export function entityLookupOf(index: EntityIndex): EntityLookup {
  let hit = memo.get(index);
  if (!hit) memo.set(index, (hit = buildEntityLookup(index)));
  return hit;
}

function buildEntityLookup(index: EntityIndex): EntityLookup {
  // Two halves, each built on first use: a name found by its exact key needs neither, and a
  // one-shot front door's first /who should not pay for postings it does not read.
  let names: ReturnType<typeof namePostings> | undefined;
  let sentences: Map<string, { entities: number[]; mentions: number[] }> | undefined;
  const ascending = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return {
    byWords(words) {
      names ??= namePostings(index);
      const lists = [...new Set(words)].map((w) => names!.byWord.get(w) ?? []).sort((a, b) => a.length - b.length);
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
      names ??= namePostings(index);
      const { byLength, holders, sorted } = names;
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
      names ??= namePostings(index);
      return names.bySurname.get(last) ?? [];
    },
    inSentence(id) {
      sentences ??= sentencePostings(index);
      return sentences.get(id);
    },
    get sentencesBuilt() {
      return sentences !== undefined;
    },
    warm() {
      names ??= namePostings(index);
      sentences ??= sentencePostings(index);
    },
  };
}

const add = (m: Map<string, number[]>, k: string, i: number) => {
  const list = m.get(k);
  if (!list) m.set(k, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
};

/** Key words, keys and key words (with their lengths, sorted), surnames → entity positions. */
function namePostings(index: EntityIndex) {
  const byWord = new Map<string, number[]>();
  const holders = new Map<string, number[]>();
  const bySurname = new Map<string, number[]>();
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
  });
  const byLength = new Map<number, string[]>();
  for (const s of holders.keys()) {
    const list = byLength.get(s.length);
    if (list) list.push(s);
    else byLength.set(s.length, [s]);
  }
  return { byWord, holders, bySurname, byLength, sorted: [...holders.keys()].sort() };
}

/** Sentence id → the entities it mentions and the mention's position in each entity's list. */
function sentencePostings(index: EntityIndex): Map<string, { entities: number[]; mentions: number[] }> {
  const sentence = new Map<string, { entities: number[]; mentions: number[] }>();
  index.entities.forEach((e, i) =>
    e.mentions.forEach((m, mi) => {
      let s = sentence.get(m.sentence.id);
      if (!s) sentence.set(m.sentence.id, (s = { entities: [], mentions: [] }));
      s.entities.push(i);
      s.mentions.push(mi);
    }),
  );
  return sentence;
}
