/**
 * Postings over the timeline's events, so a filtered /timeline looks its events up
 * instead of reading every event's sentences again (issue 14). Built once per corpus
 * version from the merged events and persisted with them in the analysis file (building
 * is ~0.9 s CPU per thousand articles, nearly all tokenising; a warm start reads the
 * lists instead: `toJson` / `eventIndexFromJson`). Each posting list answers exactly one test of
 * the unfiltered scan it replaces — the result is the same set of events, in the
 * same order:
 *
 * - a sentence id → the events one of whose tellings quotes it (its quotation unit),
 *   for "the event's sentences mention this entity" and "describe it";
 * - a term (stemmed, accent-folded, as `terms()`) → the paragraphs of the tellings
 *   that hold it, for "every word of the filter in one telling's paragraph";
 * - a folded run of letters and digits → the events one of whose sentences has it,
 *   a necessary condition for a spelling to be found in the sentence as a whole word
 *   (the spelling's regex is then run on those events only).
 *
 * And per entity, the terms of its profile (spellings, roles, appositions,
 * descriptions) → the entities, for "the sentences naming an entity whose profile
 * holds every word".
 */
import type { EntityIndex } from '../index/entities.js';
import { STOPWORDS, fold, stem, words } from '../language/tokenize.js';
import { quoteUnit } from './quote-span.js';

/** What the postings need of an event: its tellings (article and sentence). */
interface IndexedEvent {
  members: { article: { id: string; paragraphs: { sentences: { id: string; text: string }[] }[] }; sentence: { id: string; text: string; paragraph: number } }[];
}

/** Postings over one corpus version's events (positions in the events array). */
export interface EventIndex {
  /** Number of events indexed. */
  readonly size: number;
  /** Calls `each` with the events whose tellings quote any of these sentences (in their quotation unit); an event may come more than once. */
  bySentences(ids: Iterable<string>, each: (event: number) => void): void;
  /**
   * Calls `each` with the events that have a telling whose paragraph holds every term (an event may
   * come more than once); false when there are no terms (every event).
   */
  byTerms(want: string[], each: (event: number) => void): boolean;
  /** Events one of whose sentences has this folded run of letters/digits (ascending). */
  byRun(run: string): readonly number[];
  /**
   * Events whose sentences have every one of these runs (ascending; null: no runs): a necessary
   * condition for a spelling of several runs to be in one sentence, intersected from the shortest list.
   */
  byRuns(runs: readonly string[]): readonly number[] | null;
  /** The postings as plain data (the analysis file's `eventIndex` part). */
  toJson(): EventIndexJson;
}

/** The persisted form: posting lists by key (own properties only), paragraphs' events by paragraph number. */
export interface EventIndexJson {
  size: number;
  bySentence: Record<string, number[]>;
  paraEvents: number[][];
  termParas: Record<string, number[]>;
  runEvents: Record<string, number[]>;
}

/** Posting lists by key: a Map when built, a parsed JSON object when loaded. */
interface Lists<L> {
  get(key: string): L | undefined;
}

/** A parsed JSON object as posting lists (own keys only: "constructor" is a word). */
function recordLists(r: Record<string, number[]>): Lists<number[]> {
  return { get: (k) => (Object.hasOwn(r, k) ? r[k] : undefined) };
}

const toRecord = (m: Map<string, ArrayLike<number>>): Record<string, number[]> => {
  const out = Object.create(null) as Record<string, number[]>; // a key may be "__proto__"
  for (const [k, v] of m) out[k] = Array.from(v);
  return out;
};

/** Check the persisted shape (a damaged file is rebuilt, never half-applied). */
function isLists(x: unknown): x is Record<string, number[]> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

/** The postings of a persisted `EventIndexJson` for `size` events (throws when it is not one for them). */
export function eventIndexFromJson(json: EventIndexJson, size: number): EventIndex {
  if (!json || json.size !== size || !Array.isArray(json.paraEvents) || !isLists(json.bySentence) || !isLists(json.termParas) || !isLists(json.runEvents)) {
    throw new Error('event postings do not fit the events');
  }
  // Held compact (the JSON's own objects were ~80 MB at 10,000 articles): a list of one event (nearly every
  // sentence's and paragraph's) is one shared array per event, a paragraph list of a term a typed array.
  // Since: a sentence's events (one, nearly always) and a run's are shared the same way, in place (the same values: the
  // file is written from them), and every term's paragraphs are views of one buffer (a typed array each with its own
  // buffer took ~200 bytes beside its numbers).
  const single: (readonly number[])[] = [];
  const isSingle = (list: unknown): list is [number] => Array.isArray(list) && list.length === 1 && Number.isInteger(list[0]) && list[0] >= 0 && list[0] < size;
  const compact = (list: number[]): readonly number[] => (isSingle(list) ? (single[list[0]] ??= [list[0]]) : list);
  const bySentence = json.bySentence;
  for (const k of Object.keys(bySentence)) if (isSingle(bySentence[k])) bySentence[k] = compact(bySentence[k]!) as number[];
  const paraEvents = json.paraEvents.map(compact);
  const termParas = new Map<string, Uint32Array>();
  const terms = Object.keys(json.termParas);
  let total = 0;
  for (const k of terms) if (Array.isArray(json.termParas[k])) total += json.termParas[k]!.length;
  const all = new Uint32Array(total);
  let at = 0;
  for (const k of terms) {
    const list = json.termParas[k]!;
    // Not a list (a damaged file): read as before.
    if (!Array.isArray(list)) {
      termParas.set(k, Uint32Array.from(list));
      continue;
    }
    const view = all.subarray(at, at + list.length);
    view.set(list);
    at += list.length;
    termParas.set(k, view);
  }
  const runEvents = json.runEvents;
  for (const k of Object.keys(runEvents)) if (isSingle(runEvents[k])) runEvents[k] = compact(runEvents[k]!) as number[];
  return eventIndexOf(size, recordLists(bySentence), paraEvents, termParas, recordLists(runEvents), () => ({
    size,
    bySentence,
    paraEvents: paraEvents.map((l) => [...l]),
    termParas: toRecord(termParas),
    runEvents,
  }));
}

const RUN_RE = /[\p{L}\p{N}]+/gu;

/** The folded runs of letters and digits of a text. */
export function runsOf(folded: string): string[] {
  return folded.match(RUN_RE) ?? [];
}

/**
 * `terms(text)`, with each distinct word's stem worked out once: the postings tokenise nearly
 * every paragraph of the corpus, where the same few thousand words recur (a third of the build).
 */
function cachedTerms(): (text: string) => string[] {
  const memo = new Map<string, string | null>();
  return (text) => {
    const out: string[] = [];
    for (const w of words(text)) {
      let t = memo.get(w);
      if (t === undefined) memo.set(w, (t = STOPWORDS.has(w) ? null : stem(w)));
      if (t !== null) out.push(t);
    }
    return out;
  };
}

/** Postings of `events` (positions as in the array). */
export function buildEventIndex(events: readonly IndexedEvent[]): EventIndex {
  const termsOf = cachedTerms();
  const bySentence = new Map<string, number[]>();
  const paraIds = new Map<string, number>();
  const paraEvents: number[][] = [];
  const termParas = new Map<string, number[]>();
  const runEvents = new Map<string, number[]>();
  const push = <K>(m: Map<K, number[]>, k: K, v: number) => {
    const list = m.get(k);
    if (!list) m.set(k, [v]);
    else if (list[list.length - 1] !== v) list.push(v);
  };
  events.forEach((e, i) => {
    for (const m of e.members) {
      for (const s of quoteUnit(m.article as never, m.sentence as never)) push(bySentence, s.id, i);
      for (const r of new Set(runsOf(fold(m.sentence.text)))) push(runEvents, r, i);
      // The quotation unit stays inside the paragraph: the paragraph's terms are the unit's and its own
      // (a sentence its paragraph does not list is its own unit: it counts with it).
      const para = m.article.paragraphs[m.sentence.paragraph]?.sentences ?? [];
      const inPara = para.some((s) => s.id === m.sentence.id);
      const key = `${m.article.id}\u0000${m.sentence.paragraph}${inPara ? '' : `\u0000${m.sentence.id}`}`;
      let p = paraIds.get(key);
      if (p === undefined) {
        p = paraEvents.length;
        paraIds.set(key, p);
        paraEvents.push([]);
        const texts = para.map((s) => s.text);
        if (!inPara) texts.unshift(m.sentence.text);
        for (const t of new Set(termsOf(texts.join(' ')))) push(termParas, t, p);
      }
      const list = paraEvents[p]!;
      if (list[list.length - 1] !== i) list.push(i);
    }
  });
  // Compact: the posting lists never change once built.
  const packed = new Map<string, Uint32Array>();
  for (const [t, ps] of termParas) packed.set(t, Uint32Array.from(ps));
  termParas.clear();
  return eventIndexOf(events.length, bySentence, paraEvents, packed, runEvents, () => ({
    size: events.length,
    bySentence: toRecord(bySentence),
    paraEvents,
    termParas: toRecord(packed),
    runEvents: toRecord(runEvents),
  }));
}

function eventIndexOf(
  size: number,
  bySentence: Lists<readonly number[]>,
  paraEvents: readonly (readonly number[])[],
  termParas: Lists<ArrayLike<number> & Iterable<number>>,
  runEvents: Lists<readonly number[]>,
  toJson: () => EventIndexJson,
): EventIndex {
  return {
    size,
    bySentences(ids, each) {
      for (const id of ids) {
        const list = bySentence.get(id);
        if (list) for (let e = 0; e < list.length; e++) each(list[e]!);
      }
    },
    byTerms(want, each) {
      if (!want.length) return false;
      // Posting lists are ascending: intersect from the shortest, looking each paragraph up in the others
      // (plain loops: a common word's list has tens of thousands of paragraphs, and garbage per call is GC later).
      const lists = [...new Set(want)].map((t) => termParas.get(t));
      if (lists.some((l) => !l)) return true;
      lists.sort((a, b) => a!.length - b!.length);
      const first = lists[0]!;
      for (let k = 0; k < first.length; k++) {
        const p = first[k]!;
        let inAll = true;
        for (let j = 1; j < lists.length && inAll; j++) inAll = hasSorted(lists[j]!, p);
        if (!inAll) continue;
        const events = paraEvents[p];
        if (events) for (let e = 0; e < events.length; e++) each(events[e]!);
      }
      return true;
    },
    byRun(run) {
      return runEvents.get(run) ?? [];
    },
    byRuns(runs) {
      return runs.length ? intersectAscending([...new Set(runs)].map((r) => runEvents.get(r) ?? [])) : null;
    },
    toJson,
  };
}

/** The numbers in every one of these ascending lists (ascending), from the shortest, by binary search in the others. */
export function intersectAscending(lists: readonly (readonly number[])[]): readonly number[] {
  if (!lists.length) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let out: readonly number[] = sorted[0]!;
  for (const l of sorted.slice(1)) {
    if (!out.length) break;
    out = out.filter((i) => hasSorted(l, i));
  }
  return out;
}

/** Is `x` in the ascending list `xs` (binary search)? */
function hasSorted(xs: ArrayLike<number>, x: number): boolean {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = xs[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Profile terms of every entity → entities, for "an entity described by these words". */
export interface ProfileIndex {
  /** Entities whose profile holds every term (null: no terms). */
  describedBy(want: string[]): number[] | null;
  /** The postings as plain data (the analysis file's `profileIndex` part). */
  toJson(): ProfileIndexJson;
}

/** The persisted form: entity count and term → entity positions. */
export interface ProfileIndexJson {
  size: number;
  postings: Record<string, number[]>;
}

/** The profile postings of a persisted `ProfileIndexJson` for `size` entities (throws when it is not one for them). */
export function profileIndexFromJson(json: ProfileIndexJson, size: number): ProfileIndex {
  if (!json || json.size !== size || !isLists(json.postings)) throw new Error('profile postings do not fit the entities');
  return profileIndexOf(recordLists(json.postings), () => json);
}

/** Postings of each entity's profile terms (positions in `index.entities`). */
export function buildProfileIndex(index: EntityIndex): ProfileIndex {
  const postings = new Map<string, number[]>();
  const termsOf = cachedTerms();
  index.entities.forEach((e, i) => {
    const profile = new Set(termsOf([...e.aliases, ...e.mentions.flatMap((m) => [m.role ?? '', m.apposition ?? '', m.descriptor ?? '', m.descriptive ? m.surface : ''])].join(' ')));
    for (const t of profile) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  return profileIndexOf(postings, () => ({ size: index.entities.length, postings: toRecord(postings) }));
}

function profileIndexOf(postings: Lists<number[]>, toJson: () => ProfileIndexJson): ProfileIndex {
  return {
    toJson,
    describedBy(want) {
      if (!want.length) return null;
      const lists = [...new Set(want)].map((t) => postings.get(t) ?? []).sort((a, b) => a.length - b.length);
      let out = lists[0]!;
      for (const l of lists.slice(1)) {
        const have = new Set(l);
        out = out.filter((i) => have.has(i));
      }
      return out;
    },
  };
}
