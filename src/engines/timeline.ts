/**
 * /timeline: the corpus's dated events (built once per corpus version by
 * src/analysis/events.ts: every sentence with a date expression, dated against its
 * own article, the same event told by several articles merged into one), filtered
 * by what they are about and by date, paged, every telling cited.
 */
import type { Deps } from '../deps.js';
import { BadInputError } from '../errors.js';
import type { Answer, AnswerBlock, Citation, TimelineEvent } from '../types.js';
import { formatDate, ymdToIso } from '../index/dates.js';
import { fold, terms } from '../language/tokenize.js';
import { citationMeta, quoteSentences } from './cite.js';
import { quoteUnit } from '../analysis/quote-span.js';
import { aboutEntities, entitiesDescribedBy } from './who.js';
import type { Entity } from '../index/entities.js';
import type { Reference } from '../analysis/references.js';
import { analysisOf } from '../analysis/index.js';
import { runsOf, type EventIndex } from '../analysis/event-index.js';
import { formatSpan, type EventMember, type MergedEvent, type TimelineBuild } from '../analysis/events.js';

/** Events shown per page of the text/Discord rendering (JSON always has them all). */
export const TIMELINE_PAGE_SIZE = 10;

export interface TimelineOptions {
  /** An entity name or words: keep events whose sentences mention it. */
  about?: string;
  /** Inclusive bounds, YYYY[-MM[-DD]]. */
  from?: string;
  to?: string;
  /** 1-based page of the rendered blocks. */
  page?: number;
  pageSize?: number;
  /** Override how `about` resolves to an entity's spellings (default: the /who entity index). */
  aliasesOf?: (about: string) => string[] | null;
}

/** Does a date (any precision) fall within [from, to] (inclusive, any precision)? */
function inRange(date: string, from?: string, to?: string): boolean {
  // Compare on the shared prefix, so "2025-08" is within --from 2025-08-15 (the month overlaps).
  if (from && date.slice(0, from.length) < from.slice(0, date.length)) return false;
  if (to && date.slice(0, to.length) > to.slice(0, date.length)) return false;
  return true;
}

/**
 * Does an event concern `about`? An entity: its sentences or spellings. Plain words
 * (stemmed, accent-folded): all of them in the event's sentence (with its whole
 * quotation) or in the same paragraph, or in the profile of an entity the
 * sentence names (`describedIds`: "the Gerald R. Ford" is "the Navy's … aircraft carrier").
 */
export function matchesAbout(e: MergedEvent, about: string, aliases: string[] | null, sentenceIds: Set<string> | null, describedIds: Set<string> | null): boolean {
  if (sentenceIds && e.members.some((m) => quoteUnit(m.article, m.sentence).some((s) => sentenceIds.has(s.id)))) return true;
  const texts = e.members.map((m) => fold(m.sentence.text));
  if (aliases?.length) return aliases.some((a) => texts.some((t) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(fold(a))}(?![\\p{L}\\p{N}])`, 'u').test(t)));
  const want = terms(about);
  if (!want.length) return true;
  for (const m of e.members) {
    const unit = quoteUnit(m.article, m.sentence);
    if (describedIds && unit.some((s) => describedIds.has(s.id))) return true;
    const para = m.article.paragraphs[m.sentence.paragraph]?.sentences ?? [];
    const have = new Set(terms([...unit, ...para].map((s) => s.text).join(' ')));
    if (want.every((t) => have.has(t))) return true;
  }
  return false;
}

/**
 * The events `matchesAbout` keeps, looked up in the event postings (src/analysis/event-index.ts)
 * instead of reading every event: `keep` is called with each of them (maybe more than once);
 * false when the filter keeps every event. A spelling is found as a whole word only where each of
 * its runs of letters and digits is a whole run of the sentence, so its regex is run only on the
 * events that have all of them (a surname alone names dozens of people at 10,000 articles, each
 * spelling sharing it: testing every spelling on every event with the surname was seconds a call),
 * and not on events already kept or that `wanted` (the date filter) drops; a spelling that is one
 * run is its postings list, exactly.
 */
function matchingEvents(
  index: EventIndex,
  all: readonly MergedEvent[],
  about: string,
  aliases: string[] | null,
  named: Entity[] | null,
  described: Entity[] | null,
  events: EntityEvents,
  keep: (i: number) => void,
  kept: (i: number) => boolean,
  wanted: (i: number) => boolean,
): boolean {
  // The entities' sentences (`aboutEntity`'s sentenceIds), as the events each entity's sentences are quoted by.
  if (named) for (const e of named) keepAll(events.named(e), keep);
  if (aliases?.length) {
    const spellings = spellingsOf(all);
    const several: Spelling[] = [];
    for (const a of aliases) {
      const sp = spellingOf(spellings, a);
      if (sp.oneRun) keepAll(index.byRun(sp.folded), keep);
      else several.push(sp);
    }
    // A run whose events are all kept already (or outside the dates) leaves its spellings nothing to test: a
    // first name or surname is shared by thousands of spellings, and most of its events are kept through the
    // entities' sentences. Worked out once per run and call, stopping at the first event still open.
    const closed = new Map<string, boolean>();
    const isClosed = (run: string) => {
      let hit = closed.get(run);
      if (hit === undefined) {
        const list = index.byRun(run);
        hit = true;
        for (let k = 0; k < list.length && hit; k++) if (!kept(list[k]!) && wanted(list[k]!)) hit = false;
        closed.set(run, hit);
      }
      return hit;
    };
    // candidate event → the spellings still to test on it (an event's tellings are read for all of them at once)
    const toTest = new Map<number, Spelling[]>();
    for (const sp of several) {
      if (sp.runs.some(isClosed)) continue;
      // The events with every run of the spelling (no letters or digits to look up: every event), once per corpus version.
      const candidates = (sp.candidates ??= sp.runs.length ? index.byRuns(sp.runs)! : [...all.keys()]);
      for (let k = 0; k < candidates.length; k++) {
        const i = candidates[k]!;
        if (kept(i) || !wanted(i)) continue;
        const known = sp.found?.get(i);
        if (known) keep(i);
        else if (known === undefined) {
          const list = toTest.get(i);
          if (list) list.push(sp);
          else toTest.set(i, [sp]);
        }
      }
    }
    for (const [i, list] of toTest) {
      if (kept(i)) continue;
      const e = all[i]!;
      const written = list.length > 1 && e.members.length > 1 ? writtenTextOf(e) : undefined;
      if (list.some((sp) => spelledIn(sp, i, e, written))) keep(i);
    }
    return true;
  }
  if (!index.byTerms(terms(about), keep)) return false;
  // The described entities' mentions (`sentencesDescribedBy`), as the events quoting them.
  if (described) for (const e of described) keepAll(events.mentioned(e), keep);
  return true;
}

function keepAll(list: ArrayLike<number>, keep: (i: number) => void): void {
  for (let k = 0; k < list.length; k++) keep(list[k]!);
}

/**
 * Per entity, the events whose tellings quote one of its sentences (within the quotation unit), as
 * the event postings' `bySentences` finds them: `named` for the sentences that mention it or refer
 * to it (a filter naming it: `aboutEntity`'s sentences), `mentioned` for those that mention it (a
 * filter describing it: `sentencesDescribedBy`'s). They depend on the corpus version only, so each
 * is worked out on an entity's first filter and kept: a shared name or an organisation has tens of
 * thousands of sentences at 10,000 articles, and collecting and looking them all up again was most
 * of each call.
 */
interface EntityEvents {
  named(e: Entity): Int32Array;
  mentioned(e: Entity): Int32Array;
}

/** Mentions' events by event postings and entity (one of each per corpus version, unless a part is rebuilt). */
const mentionedMemo = new WeakMap<EventIndex, WeakMap<Entity, Int32Array>>();
/** Named events by event postings, then by the references they were read with. */
const namedMemo = new WeakMap<EventIndex, WeakMap<readonly Reference[], { referring: Map<string, string[]>; named: WeakMap<Entity, Int32Array> }>>();

const ascending = (set: Set<number>) => Int32Array.from(set).sort();

function entityEventsOf(index: EventIndex, references: () => readonly Reference[]): EntityEvents {
  let mentioned = mentionedMemo.get(index);
  if (!mentioned) mentionedMemo.set(index, (mentioned = new WeakMap()));
  const mentionedOf = (e: Entity) => {
    let list = mentioned!.get(e);
    if (!list) {
      const out = new Set<number>();
      const add = (i: number) => void out.add(i);
      for (const m of e.mentions) index.bySentences([m.sentence.id], add);
      mentioned!.set(e, (list = ascending(out)));
    }
    return list;
  };
  return {
    mentioned: mentionedOf,
    named(e) {
      // (the references are read only when a filter names an entity, as `aboutEntity` reads them)
      const refs = references();
      let byRefs = namedMemo.get(index);
      if (!byRefs) namedMemo.set(index, (byRefs = new WeakMap()));
      let memo = byRefs.get(refs);
      if (!memo) {
        // entity id → the sentences that refer to it without naming it
        const referring = new Map<string, string[]>();
        for (const r of refs) {
          const list = referring.get(r.entity);
          if (list) list.push(r.sentenceId);
          else referring.set(r.entity, [r.sentenceId]);
        }
        byRefs.set(refs, (memo = { referring, named: new WeakMap() }));
      }
      let list = memo.named.get(e);
      if (!list) {
        const own = mentionedOf(e);
        const out = new Set<number>(own);
        const add = (i: number) => void out.add(i);
        index.bySentences(memo.referring.get(e.id) ?? [], add);
        memo.named.set(e, (list = out.size === own.length ? own : ascending(out)));
      }
      return list;
    },
  };
}

/** A spelling as the postings and the whole-word test read it (folded; its distinct runs of letters and digits). */
interface Spelling {
  folded: string;
  runs: string[];
  /** The spelling is one run: found exactly where its postings say. */
  oneRun: boolean;
  re?: RegExp;
  reAscii?: RegExp;
  /** Event → whether the spelling is in it, for the events tested so far. */
  found?: Map<number, boolean>;
  /** The events whose sentences have every run of the spelling (ascending), the only ones it can be in. */
  candidates?: readonly number[];
}

/** Spellings worked out once per corpus version (a name's spellings recur in every call that names it). */
const spellingMemo = new WeakMap<readonly MergedEvent[], Map<string, Spelling>>();

function spellingsOf(all: readonly MergedEvent[]): Map<string, Spelling> {
  let memo = spellingMemo.get(all);
  if (!memo) spellingMemo.set(all, (memo = new Map()));
  return memo;
}

function spellingOf(memo: Map<string, Spelling>, alias: string): Spelling {
  let sp = memo.get(alias);
  if (!sp) {
    const folded = fold(alias);
    const runs = runsOf(folded);
    memo.set(alias, (sp = { folded, runs: [...new Set(runs)], oneRun: runs.length === 1 && runs[0] === folded }));
  }
  return sp;
}

/** The whole-word test of a spelling, as `matchesAbout` runs it, on folded text. */
function regexOf(sp: Spelling): RegExp {
  return (sp.re ??= new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(sp.folded)}(?![\\p{L}\\p{N}])`, 'u'));
}

/**
 * The same test on ASCII text as written: folding ASCII only lowercases it, and the spelling is
 * folded (lowercase, no character whose case folds to ASCII), so ignoring case is folding.
 */
function asciiRegexOf(sp: Spelling): RegExp {
  return (sp.reAscii ??= new RegExp(regexOf(sp).source, 'iu'));
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Is the spelling a whole word of one of the event's sentences (as `matchesAbout` tests it)? Kept per
 * event and spelling for the corpus version: a merged event can have tens of thousands of tellings, and
 * a common first name and surname are both in hundreds of such events at 10,000 articles.
 */
function spelledIn(sp: Spelling, i: number, e: MergedEvent, written?: WrittenText): boolean {
  const hit = (sp.found ??= new Map()).get(i);
  if (hit !== undefined) return hit;
  let found: boolean;
  if (written && ASCII.test(sp.folded) && !written.lower.includes(sp.folded.toLowerCase())) {
    // No ASCII telling can hold it (the whole-word test, ignoring case, finds the spelling lowercased in the
    // lowercased text): only the other tellings are read, in order, as the scan below would read them.
    found = written.others.some((m) => regexOf(sp).test(fold(m.sentence.text)));
  } else {
    found = e.members.some((m) => {
      const text = m.sentence.text;
      return ASCII.test(text) ? asciiRegexOf(sp).test(text) : regexOf(sp).test(fold(text));
    });
  }
  sp.found.set(i, found);
  return found;
}

/** An event's ASCII tellings as one lowercased text, and its other tellings (in member order). */
interface WrittenText {
  lower: string;
  others: MergedEvent['members'];
}

/**
 * Made for an event that several spellings are to be tested on in one call (a first call naming thousands of
 * spellings tests each on the big merged events, of up to tens of thousands of tellings): one substring search
 * per spelling rules out most of them before any regex runs on a telling. Not kept.
 */
function writtenTextOf(e: MergedEvent): WrittenText {
  const ascii: string[] = [];
  const others: MergedEvent['members'] = [];
  for (const m of e.members) {
    if (ASCII.test(m.sentence.text)) ascii.push(m.sentence.text);
    else others.push(m);
  }
  return { lower: ascii.join('\n').toLowerCase(), others };
}

/** A filter with no letters or digits ("", "   ", "?!") is no filter. */
function aboutFilter(about: string | undefined): string | undefined {
  if (about === undefined || !/[\p{L}\p{N}]/u.test(about)) return undefined;
  return about.trim();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A short heading: the date, or for an undated event what the text says of it ("A Tuesday, date not given"). */
function headingOf(e: TimelineEvent): string {
  if (!e.date) {
    const first = (e.note ?? 'date not given').split(' (')[0]!.split('. ')[0]!;
    return first.charAt(0).toUpperCase() + first.slice(1);
  }
  const when = formatDate(e.date, e.precision);
  return e.background ? `${when} (background)` : when;
}

/** The rest of the note, shown under the event. */
function noteBody(e: TimelineEvent): string | null {
  if (!e.note) return null;
  if (e.date) return e.note;
  const rest = e.note.slice(headingOf(e).length).replace(/^[\s.]+/, '').replace(/^\((.*)\)$/, '$1');
  return rest || null;
}

/** Every event's place in the timeline (dated in date order, then undated by article and position), once per build. */
interface Chronology {
  /** Place → position in the events array. */
  order: number[];
  /** Position → place. */
  rank: Int32Array;
  /** Places [0, dated) are the dated events. */
  dated: number;
  /** The date of each dated place (ascending). */
  dates: string[];
  /** Places (ascending) of the events whose note an inferred date wrote, and the undated articles it was inferred for. */
  inferredAt: number[];
  inferredIds: string[][];
}

const chronologies = new WeakMap<TimelineBuild, Chronology>();

/**
 * The events in timeline order. The sort is stable and its comparison a total preorder, so any
 * subset taken in place order is that subset sorted; dated events come first, by date (as strings).
 */
function chronologyOf(build: TimelineBuild): Chronology {
  const hit = chronologies.get(build);
  if (hit) return hit;
  const { events: all, inferred } = build;
  const first = (e: MergedEvent) => e.members[0]!;
  const order = all.map((_, i) => i).sort((i, j) => {
    const a = all[i]!;
    const b = all[j]!;
    if (a.date && b.date) return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
    if (a.date) return -1;
    if (b.date) return 1;
    const x = first(a);
    const y = first(b);
    return x.article.id === y.article.id ? x.sentence.start - y.sentence.start : x.article.id < y.article.id ? -1 : 1;
  });
  const rank = new Int32Array(all.length);
  order.forEach((i, k) => (rank[i] = k));
  const dates: string[] = [];
  for (const i of order) {
    const d = all[i]!.date;
    if (!d) break;
    dates.push(d);
  }
  const inferredAt: number[] = [];
  const inferredIds: string[][] = [];
  order.forEach((i, place) => {
    const e = all[i]!;
    if (!e.note || !e.members.some((m) => m.inferred && m.note === e.note)) return;
    const ids = e.members.filter((m) => m.inferred && inferred.has(m.article.id)).map((m) => m.article.id);
    if (!ids.length) return;
    inferredAt.push(place);
    inferredIds.push(ids);
  });
  const out = { order, rank, dated: dates.length, dates, inferredAt, inferredIds };
  chronologies.set(build, out);
  return out;
}

/** The first dated place whose date is ≥ `x` (> `x` when `after`), by binary search. */
function placeOfDate(c: Chronology, x: string, after = false): number {
  let lo = 0;
  let hi = c.dated;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = c.dates[mid]!;
    if (d < x || (after && d === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The places of the dated events `inRange` keeps, as ascending, disjoint [start, end) intervals.
 * A date passes "to" when it is before it or within it (starts with it), an interval from the first
 * place; it passes "from" when it is not before it or is a coarser date containing it ("2025-08" for
 * 2025-08-15): from's own place on, and the places dated exactly each shorter prefix of it.
 */
function dateIntervals(c: Chronology, from?: string, to?: string): [number, number][] {
  const end = to ? placeOfDate(c, `${to}\uffff`) : c.dated;
  if (!from) return end > 0 ? [[0, end]] : [];
  const out: [number, number][] = [];
  for (let n = 1; n < from.length; n++) {
    const prefix = from.slice(0, n);
    const a = placeOfDate(c, prefix);
    const b = Math.min(placeOfDate(c, prefix, true), end);
    if (a < b) out.push([a, b]);
  }
  const a = placeOfDate(c, from);
  if (a < end) out.push([a, end]);
  return out;
}

/** The events a call keeps, by place: how many, how many dated, and the first of them in timeline order. */
interface Kept {
  total: number;
  dated: number;
  /** The `k`-th kept place in timeline order (k < total; read in increasing k). */
  placeAt(k: number): number;
  has(place: number): boolean;
}

/** Every place within the intervals. */
function keptIntervals(c: Chronology, intervals: [number, number][] | null): Kept {
  const spans = intervals ?? [[0, c.order.length]];
  const total = spans.reduce((n, [a, b]) => n + b - a, 0);
  const dated = spans.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, c.dated) - a), 0);
  return {
    total,
    dated,
    placeAt(k) {
      for (const [a, b] of spans) {
        if (k < b - a) return a + k;
        k -= b - a;
      }
      throw new RangeError(`no kept event ${k}`);
    },
    has: (place) => spans.some(([a, b]) => place >= a && place < b),
  };
}

/**
 * The places marked by a filter's postings (one byte per event: no set of thousands of numbers, no
 * sort), within the intervals; read in timeline order by scanning the marks as far as a page needs.
 */
function keptMarks(c: Chronology, intervals: [number, number][] | null, fill: (keep: (i: number) => void, kept: (i: number) => boolean, wanted: (i: number) => boolean) => boolean): Kept {
  const n = c.order.length;
  const marks = new Uint8Array(n);
  const inDates = (place: number) => !intervals || intervals.some(([a, b]) => place >= a && place < b);
  let total = 0;
  let dated = 0;
  const keep = (i: number) => {
    const place = c.rank[i]!;
    if (marks[place]) return;
    marks[place] = 1;
    if (!inDates(place)) return;
    total++;
    if (place < c.dated) dated++;
  };
  if (!fill(keep, (i) => marks[c.rank[i]!] === 1, (i) => inDates(c.rank[i]!))) return keptIntervals(c, intervals);
  const found: number[] = [];
  let cursor = 0;
  const has = (place: number) => marks[place] === 1 && inDates(place);
  return {
    total,
    dated,
    placeAt(k) {
      while (found.length <= k && cursor < n) {
        if (has(cursor)) found.push(cursor);
        cursor++;
      }
      if (k >= found.length) throw new RangeError(`no kept event ${k}`);
      return found[k]!;
    },
    has,
  };
}

/** What an event shows whatever the filter: its tellings' citations (unnumbered), sources, text and note. */
interface Tellings {
  /** One citation per telling sentence (repeats of a sentence dropped), in the event's member order. */
  cites: Citation[];
  /** Each citation's identity as `Citer.adopt` keys it (article and quote), made once. */
  keys: string[];
  /** Each key as a number (one per distinct key of the corpus version's events): numbering reads these. */
  ids: Int32Array;
  /** The citations whose key no earlier telling of the event has: the event cites each key once (an event may have hundreds of tellings). */
  distinct: number[];
  reportedIn: readonly string[];
  /** The earliest-published telling, verbatim. */
  text: string;
  note: string;
}

/**
 * Each event's citations, text and note depend on the corpus version only, so they are made
 * once per event (on its first showing) and every later /timeline that keeps the event numbers
 * them: quoting a telling is most of a filtered timeline's cost otherwise, and a filter may keep
 * thousands of events.
 */
const tellingsMemo = new WeakMap<MergedEvent, Tellings>();

/** Key → its number among the keys made so far, per corpus version (the events' build). */
const keyIdsMemo = new WeakMap<TimelineBuild, Map<string, number>>();

function keyIdsOf(build: TimelineBuild): Map<string, number> {
  let ids = keyIdsMemo.get(build);
  if (!ids) keyIdsMemo.set(build, (ids = new Map()));
  return ids;
}

function tellingsOf(e: MergedEvent, groups: Map<string, string>, keyIds: Map<string, number>): Tellings {
  const hit = tellingsMemo.get(e);
  if (hit) return hit;
  const cites: Citation[] = [];
  const reportedIn: string[] = [];
  const seen = new Set<string>();
  for (const m of e.members) {
    if (seen.has(m.sentence.id)) continue;
    seen.add(m.sentence.id);
    const unit = [...quoteUnit(m.article, m.sentence)].sort((a, b) => a.start - b.start);
    // Exactly what `Citer.cite` would record for these sentences.
    cites.push({ ...citationMeta(m.article), n: 0, quote: quoteSentences(m.article, unit), sentenceIds: unit.map((x) => x.id) });
    if (!reportedIn.includes(m.article.id)) reportedIn.push(m.article.id);
  }
  const voices = new Set(reportedIn.map((id) => groups.get(id) ?? id)).size;
  const notes = [e.note];
  if (reportedIn.length > 1 && voices < reportedIn.length) notes.push(`${reportedIn.length} reports, ${voices} independent (near-duplicate articles count once)`);
  // The earliest-published telling is the event text; it is a verbatim sentence.
  // Among tellings published alike (undated articles), one that states the date itself leads one whose date was inferred:
  // a caption "on 9 September 2023" over "announced Saturday" read from another article's week.
  const rank = (m: EventMember) => `${m.article.date ?? '9999'}${m.inferred ? 1 : 0}`;
  const lead = [...e.members].sort((a, b) => (rank(a) < rank(b) ? -1 : 1))[0]!;
  const keys = cites.map((c) => `${c.source}\u0000${c.quote}`);
  const firstUse = new Set<string>();
  const distinct = keys.flatMap((k, j) => (firstUse.has(k) ? [] : (firstUse.add(k), [j])));
  const ids = Int32Array.from(keys, (k) => {
    let id = keyIds.get(k);
    if (id === undefined) keyIds.set(k, (id = keyIds.size));
    return id;
  });
  const told: Tellings = { cites, keys, ids, distinct, reportedIn, text: quoteSentences(lead.article, quoteUnit(lead.article, lead.sentence)).trim(), note: notes.filter(Boolean).join('. ') };
  tellingsMemo.set(e, told);
  return told;
}

/** The kept events, numbered in timeline order as far as something has read them, each made when read. */
interface Book {
  /** The events [from, to) (numbered with every event before them). */
  slice(from: number, to: number): TimelineEvent[];
  /** Every event, and every citation numbered. */
  all(): { events: TimelineEvent[]; cited: Citation[] };
  readonly total: number;
}

/**
 * Citation numbers go by first use over the events in timeline order (one number per article and
 * quote — `Citer.adopt`'s rule, keyed by the tellings' prepared keys), so the events of a page and
 * all before it fix that page's numbers; the events after it need not be numbered until read, and
 * the events before it (a deep page numbers thousands) are numbered without being made: an event
 * object, or a citation object, is made only when something reads it.
 */
function timelineBook(total: number, eventAt: (k: number) => MergedEvent, groups: Map<string, string>, keyIds: Map<string, number>): Book {
  const merged: MergedEvent[] = [];
  const told: Tellings[] = [];
  // key id → its citation number (0: not cited yet); the unnumbered citation of number n at n - 1
  let numberOf = new Int32Array(1024);
  const firstCites: Citation[] = [];
  const numberTo = (k: number) => {
    for (let i = told.length; i < Math.min(k, total); i++) {
      const e = eventAt(i);
      const t = tellingsOf(e, groups, keyIds);
      merged.push(e);
      told.push(t);
      // one number per key, so an event's distinct keys get distinct numbers, in telling order
      for (const j of t.distinct) {
        const id = t.ids[j]!;
        if (id >= numberOf.length) {
          const grown = new Int32Array(Math.max(id + 1, numberOf.length * 2));
          grown.set(numberOf);
          numberOf = grown;
        }
        if (numberOf[id] === 0) {
          firstCites.push(t.cites[j]!);
          numberOf[id] = firstCites.length;
        }
      }
    }
  };
  const made: TimelineEvent[] = [];
  const eventOf = (i: number): TimelineEvent => {
    let event = made[i];
    if (!event) {
      const e = merged[i]!;
      const t = told[i]!;
      made[i] = event = {
        date: e.date,
        precision: e.precision,
        text: t.text,
        citations: Array.from(t.distinct, (j) => numberOf[t.ids[j]!]!),
        reportedIn: [...t.reportedIn],
        ...(e.background ? { background: true } : {}),
        ...(t.note ? { note: t.note } : {}),
      };
    }
    return event;
  };
  return {
    total,
    slice(from, to) {
      numberTo(to);
      const out: TimelineEvent[] = [];
      for (let i = from; i < Math.min(to, told.length); i++) out.push(eventOf(i));
      return out;
    },
    all() {
      const events = this.slice(0, total);
      return { events, cited: firstCites.map((c, k) => ({ ...c, n: k + 1 })) };
    },
  };
}

/**
 * The answer with `events` and `citations` made on first read (then plain data, in place): a
 * Discord page needs its own events only, while `--json` reads every event with its citations,
 * exactly as if they had been made eagerly (same values, same key order).
 */
function withEvents(answer: Answer, book: Book): Answer {
  const settle = (key: 'events' | 'citations', value: unknown) => Object.defineProperty(answer, key, { value, writable: true, enumerable: true, configurable: true });
  const all = () => {
    const { events, cited } = book.all();
    settle('events', events);
    settle('citations', cited);
  };
  for (const key of ['citations', 'events'] as const) {
    Object.defineProperty(answer, key, {
      enumerable: true,
      configurable: true,
      get() {
        all();
        return answer[key];
      },
      set(value: unknown) {
        all();
        settle(key, value);
      },
    });
  }
  return answer;
}

/** The /timeline engine. */
export function timeline(deps: Deps, opts: TimelineOptions = {}): Answer {
  const { corpus } = deps;
  for (const [k, v] of [['from', opts.from], ['to', opts.to]] as const) {
    if (v !== undefined && !/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/.test(v)) throw new BadInputError(`"${k}" must be a date like 2025-11-02, 2025-11 or 2025.`);
  }
  if (opts.from && opts.to && opts.from.slice(0, opts.to.length) > opts.to.slice(0, opts.from.length)) throw new BadInputError(`"from" (${opts.from}) is after "to" (${opts.to}).`);
  const build = analysisOf(deps).events;
  const { events: all, inferred } = build;
  const groups = analysisOf(deps).groups;
  let aliases: string[] | null = null;
  let named: Entity[] | null = null;
  let described: Entity[] | null = null;
  const about = aboutFilter(opts.about);
  if (about) {
    if (opts.aliasesOf) aliases = opts.aliasesOf(about);
    else {
      const ent = aboutEntities(deps, about);
      aliases = ent?.aliases ?? null;
      named = ent?.entities ?? null;
      if (!ent) described = entitiesDescribedBy(deps, about);
    }
  }
  const chron = chronologyOf(build);
  const intervals = opts.from || opts.to ? dateIntervals(chron, opts.from, opts.to) : null;
  const kept = about
    ? keptMarks(chron, intervals, (keep, isKept, wanted) => {
        const index = analysisOf(deps).eventIndex;
        const events = entityEventsOf(index, () => analysisOf(deps).references);
        return matchingEvents(index, all, about, aliases, named, described, events, keep, isKept, wanted);
      })
    : keptIntervals(chron, intervals);

  const book = timelineBook(kept.total, (k) => all[chron.order[kept.placeAt(k)]!]!, groups, keyIdsOf(build));
  const inferredUsed = new Set<string>();
  chron.inferredAt.forEach((place, j) => {
    if (kept.has(place)) for (const id of chron.inferredIds[j]!) inferredUsed.add(id);
  });
  const total = kept.total;
  const pageSize = Math.max(1, opts.pageSize ?? TIMELINE_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pages);
  const filters = [about ? `about "${about}"` : null, opts.from ? `from ${opts.from}` : null, opts.to ? `to ${opts.to}` : null].filter(Boolean).join(', ');

  if (total === 0) {
    return {
      command: 'timeline',
      answered: false,
      title: 'Timeline',
      blocks: [{ text: `No dated events ${filters ? `${filters} ` : ''}were found in the ${corpus.articles.length} article${corpus.articles.length === 1 ? '' : 's'}.`, cites: [] }],
      citations: [],
      followUps: about || opts.from || opts.to ? ['/timeline without filters'] : [],
      events: [],
      meta: { page: 1, pages: 1, pageSize, total: 0 },
    };
  }
  // Only the page shown is numbered and materialised now (with the events before it: numbers go by first use).
  const shown = book.slice((page - 1) * pageSize, page * pageSize);
  const blocks: AnswerBlock[] = shown.map((e) => ({
    heading: headingOf(e),
    text: `${e.text} ${e.citations.map((n) => `[${n}]`).join('')}${noteBody(e) ? `\n(${noteBody(e)})` : ''}`,
    cites: e.citations,
  }));
  const dated = kept.dated;
  const notes: string[] = [];
  const inferredNotes = [...inferredUsed].sort().map((id) => {
    const w = inferred.get(id)!;
    return `Inferred: ${id} carries no date, but ${w.reason}, so it was written ${formatSpan(w.lo, w.hi)}; its events marked "year inferred" or "date inferred" are dated from that.`;
  });
  notes.push(...inferredNotes);
  if (pages > 1) notes.push(`Page ${page} of ${pages}; ${total} events in all.`);
  return withEvents({
    command: 'timeline',
    answered: true,
    title: `Timeline${filters ? ` (${filters})` : ''}: ${dated} dated event${dated === 1 ? '' : 's'}${total > dated ? `, ${total - dated} undated` : ''}`,
    blocks,
    citations: [],
    followUps: [],
    events: [],
    ...(notes.length ? { notes } : {}),
    meta: {
      page,
      pages,
      pageSize,
      total,
      ...(inferredUsed.size
        ? { inferred: Object.fromEntries([...inferredUsed].sort().map((id) => { const w = inferred.get(id)!; return [id, { from: ymdToIso(w.lo), to: ymdToIso(w.hi), reason: w.reason }]; })) }
        : {}),
    },
  }, book);
}

/** A dated event as the digest shows it: its quotes are unnumbered citations (the digest numbers what it shows). */
export interface DatedEvent {
  date: string;
  precision: 'day' | 'month' | 'year';
  text: string;
  quotes: Citation[];
  reportedIn: string[];
}

/**
 * The dated events of the corpus that are not background (and of a known precision), in timeline order: the date of
 * each (the digest's chart counts them) and the last `n` made with their tellings (its "Latest on the timeline"). The
 * same events and quotes as `timeline()`'s `events`, without numbering and quoting every event before the last few.
 */
export function latestDatedEvents(deps: Deps, n: number): { dates: string[]; latest: DatedEvent[] } {
  const build = analysisOf(deps).events;
  const chron = chronologyOf(build);
  const kept: MergedEvent[] = [];
  for (let place = 0; place < chron.dated; place++) {
    const e = build.events[chron.order[place]!]!;
    if (!e.background && e.precision !== 'unknown') kept.push(e);
  }
  const groups = analysisOf(deps).groups;
  const keyIds = keyIdsOf(build);
  const latest = kept.slice(Math.max(0, kept.length - n)).map((e): DatedEvent => {
    const t = tellingsOf(e, groups, keyIds);
    return { date: e.date!, precision: e.precision as DatedEvent['precision'], text: t.text, quotes: t.distinct.map((j) => t.cites[j]!), reportedIn: [...t.reportedIn] };
  });
  return { dates: kept.map((e) => e.date!), latest };
}
