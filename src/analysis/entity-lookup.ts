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
import type { Entity, EntityIndex, EntityMention } from '../index/entities.js';
import { mentionAt, mentionCount } from './persist.js';
import { typoDistance } from '../language/edit-distance.js';
import { eachInSlices, type Slicer } from './sliced-json.js';

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
  /** Build the name postings now (a server at start-up), not on first use. */
  warm(): void;
  /** `warm()`, `slicer.itemsPerTurn` entities per turn of the event loop. */
  warmInSlices(slicer: Slicer): Promise<void>;
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
      // The sentence postings are built when first asked for (related entities are kept with the
      // analysis): warming them would read every entity's mentions.
      names ??= namePostings(index);
    },
    async warmInSlices(slicer) {
      if (names) return;
      const built = namePostingsBuilder();
      await eachInSlices(index.entities, slicer, built.add);
      names ??= built.done();
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
  const built = namePostingsBuilder();
  index.entities.forEach(built.add);
  return built.done();
}

/** `namePostings`, an entity at a time (in order). */
function namePostingsBuilder() {
  const byWord = new Map<string, number[]>();
  const holders = new Map<string, number[]>();
  const bySurname = new Map<string, number[]>();
  const add1 = (e: Entity, i: number) => {
    for (const k of e.keys) {
      add(holders, k, i);
      const ws = k.split(' ');
      for (const w of ws) {
        add(byWord, w, i);
        add(holders, w, i);
      }
      if (ws.length >= 2) add(bySurname, ws[ws.length - 1]!, i);
    }
  };
  const done = () => {
    const byLength = new Map<number, string[]>();
    for (const s of holders.keys()) {
      const list = byLength.get(s.length);
      if (list) list.push(s);
      else byLength.set(s.length, [s]);
    }
    return { byWord, holders, bySurname, byLength, sorted: [...holders.keys()].sort() };
  };
  return { add: add1, done };
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

// --- related entities ------------------------------------------------------------------------

/** How many related entities /who lists (and the analysis keeps per entity). */
export const MAX_RELATED = 6;

/** An entity named in the same sentences as another: how many sentences they share, and its first mention in one of them. */
export interface Related {
  other: Entity;
  n: number;
  m: EntityMention;
}

/** One entity's related entities by position: other entity, shared sentences, position of its first mention there. */
type RelatedAt = [other: number, n: number, mention: number];

/** How often `relatedTo` ran in this process without the sentence postings: the third such call builds them (one /who calls it twice). */
let scans = 0;

/**
 * The entities named in the same sentences as `e`: how many sentences each shares with it, and
 * its first mention (in its own order) in one of them, most shared first. Read from the sentence
 * postings (built once), so it costs `e`'s mentions, not every mention in the corpus; a process
 * that has not built them (a one-shot front door) scans for its first calls, which is cheaper than
 * building them for one answer.
 */
export function relatedTo(e: Entity, index: EntityIndex, via: 'auto' | 'scan' | 'postings' = 'auto'): Related[] {
  const postings = entityLookupOf(index);
  const at = via === 'scan' || (via === 'auto' && !postings.sentencesBuilt && scans++ < 2) ? relatedByScan(e, index) : relatedByPostings(e, index);
  return at.map(([o, n, mi]) => ({ other: index.entities[o]!, n, m: index.entities[o]!.mentions[mi]! }));
}

function ranked(index: EntityIndex, list: RelatedAt[]): RelatedAt[] {
  return list.sort((a, b) => b[1] - a[1] || mentionCount(index.entities[b[0]]!) - mentionCount(index.entities[a[0]]!)).slice(0, MAX_RELATED);
}

function relatedByPostings(e: Entity, index: EntityIndex): RelatedAt[] {
  const postings = entityLookupOf(index);
  const shared = new Map<number, { n: number; first: number }>();
  const seen = new Set<string>();
  for (const mine of e.mentions) {
    const id = mine.sentence.id;
    if (seen.has(id)) continue;
    seen.add(id);
    const here = postings.inSentence(id);
    if (!here) continue;
    // Each other entity counts a sentence once, however often it is named there.
    const counted = new Set<number>();
    for (let k = 0; k < here.entities.length; k++) {
      const o = here.entities[k]!;
      if (index.entities[o] === e) continue;
      const mi = here.mentions[k]!;
      const cur = shared.get(o);
      if (!cur) shared.set(o, { n: 1, first: mi });
      else {
        if (!counted.has(o)) cur.n++;
        if (mi < cur.first) cur.first = mi;
      }
      counted.add(o);
    }
  }
  return ranked(index, [...shared.entries()].sort((a, b) => a[0] - b[0]).map(([o, { n, first }]) => [o, n, first]));
}

/** `relatedTo` by reading every mention in the corpus. */
function relatedByScan(e: Entity, index: EntityIndex): RelatedAt[] {
  const mine = new Map(e.mentions.map((m) => [m.sentence.id, m]));
  const out: RelatedAt[] = [];
  index.entities.forEach((o, oi) => {
    if (o === e) return;
    const shared = new Set<string>();
    let first = -1;
    o.mentions.forEach((m, mi) => {
      if (mine.has(m.sentence.id) && !shared.has(m.sentence.id)) {
        shared.add(m.sentence.id);
        if (first < 0) first = mi;
      }
    });
    if (shared.size) out.push([oi, shared.size, first]);
  });
  return ranked(index, out);
}

/** Every entity's related entities, kept with the analysis (so a /who reads no other entity's mentions to list them). */
export interface RelatedPostings {
  /** `e`'s related entities, or undefined when `e` is not an entity of the index these were made for. */
  of(e: Entity): Related[] | undefined;
  toJson(): RelatedJson;
}

/** Per entity position, its related entities as flat triples (other, shared sentences, mention position). */
export type RelatedJson = number[][];

/** Every entity's related entities, from the sentence postings. */
export function buildRelated(index: EntityIndex): RelatedPostings {
  return relatedFromJson(index.entities.map((e) => relatedByPostings(e, index).flat()), index);
}

export function relatedFromJson(json: RelatedJson, index: EntityIndex): RelatedPostings {
  const n = index.entities.length;
  if (!Array.isArray(json) || json.length !== n) throw new Error(`related entities for ${Array.isArray(json) ? json.length : 'no'} entities, not ${n}`);
  for (const list of json) {
    if (!Array.isArray(list) || list.length % 3) throw new Error('related entities are malformed');
    for (let k = 0; k < list.length; k += 3) if (!(list[k]! >= 0 && list[k]! < n && list[k + 1]! > 0 && list[k + 2]! >= 0)) throw new Error('related entities are malformed');
  }
  let position: Map<Entity, number> | undefined;
  return {
    of(e) {
      position ??= new Map(index.entities.map((x, i) => [x, i]));
      const i = position.get(e);
      if (i === undefined) return undefined;
      const list = json[i]!;
      const out: Related[] = [];
      for (let k = 0; k < list.length; k += 3) {
        const other = index.entities[list[k]!]!;
        // One mention resolved, not every mention of the other entity (when they are still in the file).
        out.push({ other, n: list[k + 1]!, m: mentionAt(other, list[k + 2]!)! });
      }
      return out;
    },
    toJson: () => json,
  };
}
