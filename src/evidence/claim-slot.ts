/**
 * A claim read as the question it answers: its figure, date or place is the slot, and the rest
 * is what is asked about ("The Titan lost contact about an hour and 45 minutes into the dive" →
 * "How long did the Titan lose contact … into the dive?", slot: 1 h 45 min). /verify asks the
 * evidence core that question the way /ask does and compares the answer it states with the
 * claim's value, so a fact has one answer in both commands, worded however the articles word it.
 */
import { inBaseUnit, LINEAR_KINDS, readFigures, type FigureKind, type FigureReading } from '../analysis/figures.js';
import { CIRCUMSTANCE_PREPOSITIONS, DIMENSION_ADJECTIVES, QUALIFIER_RANGES, SLOT_QUESTION_WORDS, SLOT_PLACE_PREPOSITIONS, SLOT_SHARE_QUESTION } from '../language/lexicon/index.js';
import { parseDates, type DateParts } from '../language/dates.js';
import { fold, lemma } from '../language/tokenize.js';
import { partsOfSpeech, placeWithin } from '../language/wordnet.js';
import { tagWords, type TaggedWord } from '../language/word-tags.js';
import { pastIsBase } from '../language/tense.js';

/** A span of values in a kind's base unit (seconds, metres, …; counts as counted). */
export interface SlotValue {
  kind: FigureKind;
  /** What is counted, for counts ("troops"). */
  noun: string | null;
  lo: number;
  hi: number;
}

interface SlotBase {
  question: string;
  /**
   * The question without the claim's circumstances — phrases after a preposition that name nothing ("into its trip
   * across the strait") — or null when it has none. A claim words more than a reader asks: this may confirm its
   * value, never contradict it.
   */
  core: string | null;
  text: string;
}

export type ClaimSlot =
  | (SlotBase & { kind: 'figure'; value: SlotValue })
  | (SlotBase & { kind: 'date'; date: DateParts })
  | (SlotBase & { kind: 'place'; name: string });

const QUALIFIERS = Object.keys(QUALIFIER_RANGES).sort((a, b) => b.length - a.length);
const QUALIFIER_BEFORE_RE = new RegExp(`\\b(?:${QUALIFIERS.map((q) => q.replace(/ /g, '\\s+')).join('|')})\\s+$`, 'i');
/** "an hour", "a day": a span of one unit written with an article. */
const ONE_UNIT_RE = /\b(?:an?|one)\s+(second|minute|hour|day|week|month|year|decade)\b/gi;
const UNIT_OF: Readonly<Record<string, string>> = { second: 'seconds', minute: 'minutes', hour: 'hours', day: 'days', week: 'weeks', month: 'months', year: 'years', decade: 'decades' };
const DATE_PREPOSITION_BEFORE_RE = /\b(?:on|in|at|during|since|by|from|until|before|after)\s+$/i;
const PLACE_RE = new RegExp(`\\b(${SLOT_PLACE_PREPOSITIONS.join('|')})\\s+((?:the\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:of\\s+)?\\p{Lu}[\\p{L}'’.-]*)*)`, 'gu');

/** The claim's slots, most telling first: a figure, a date, then a place after a preposition. */
export function claimSlots(claim: string, ref: Date): ClaimSlot[] {
  const text = claim.trim().replace(/[.!]+$/, '');
  const out: ClaimSlot[] = [];
  const figures = readFigures(text);
  const fig = figureSlot(text, figures);
  if (fig) out.push(fig);
  const date = dateSlot(text, ref, figures);
  if (date) out.push(date);
  out.push(...placeSlots(text));
  return out.map((slot) => {
    const core = slot.question.replace(CIRCUMSTANCE_RE, '').replace(/\s+\?$/, '?').replace(/\s{2,}/g, ' ');
    return { ...slot, core: core !== slot.question && /\p{L}{3,}/u.test(core.replace(/^How \w+|^When|^Where/, '')) ? core : null };
  });
}

/** A phrase after a preposition naming nothing: lower-case words only, up to four, optionally chained ("into its trip across the strait"). */
const PREP = `(?:${CIRCUMSTANCE_PREPOSITIONS.join('|')})`;
const CIRCUMSTANCE_RE = new RegExp(
  `(?:\\s+${PREP}\\s+(?:(?:the|its|their|his|her|a|an|this|that)\\s+)?(?!(?:${PREP}|they|he|she|it|we|i|you)\\b)[a-z][a-z'’-]*(?:\\s+(?!${PREP}\\b)[a-z][a-z'’-]*){0,2}(?=\\s|\\?|$))+`,
  'g',
);

/** The claim without [start, end) and the words glued to it, as a question opened by `wh`. */
function asQuestion(text: string, start: number, end: number, wh: string): string {
  const rest = `${text.slice(0, start)} ${text.slice(end)}`.replace(/\s+/g, ' ').replace(/\s+([,;:])/g, '$1').trim().replace(/^[,;:]\s*/, '').replace(/[,;:]$/, '');
  // The claim's opening article is now mid-question: "How long did the Titan lose contact?", not "… The Titan …".
  const q = rest.replace(/^(?:The|A|An)\b/, (w) => w.toLowerCase());
  // An auxiliary after a short subject goes before it, as a reader asks: "Where is CrowdStrike based?".
  const aux = AUX_AFTER_SUBJECT_RE.exec(q);
  if (aux) return `${wh} ${aux[2]} ${aux[1]}${aux[3] ? ` ${aux[3]}` : ''}?`;
  // A verb in the past after a short subject takes "did": "How long did the Titan lose contact?".
  const tagged = tagWords(q);
  let i = tagged.findIndex((t) => t.tags.has('Verb'));
  // "the outage cost Fortune 500 companies …", "the storm hit …": where no verb is read as past, a lower-case verb whose
  // past is written as its base, right after a singular subject, with no "-s", is the past — the tagger may read it as a
  // noun or a present.
  const samePast = tagged[i]?.tags.has('PastTense')
    ? -1
    : tagged.findIndex((t, k) => k >= 1 && k <= 5 && (k <= i || i < 0) && /^\p{Ll}/u.test(t.text) && !t.tags.has('Plural') && pastIsBase(t.text) && partsOfSpeech(t.text).has('verb') && singularSubject(tagged.slice(0, k)));
  if (samePast >= 0) i = samePast;
  const v = tagged[i];
  if (v && i >= 1 && i <= 5 && (v.tags.has('PastTense') || i === samePast) && !v.tags.has('Auxiliary') && !v.tags.has('Copula') && !tagged.slice(0, i).some((t) => t.tags.has('Conjunction') || t.tags.has('Preposition'))) {
    return `${wh} did ${q.slice(0, v.start).trim()} ${lemma(v.text.toLowerCase())}${q.slice(v.end)}?`;
  }
  return `${wh} ${q}?`;
}

/** Words that make a singular noun phrase: determiners, adjectives and nouns, the last a singular noun or a name. */
function singularSubject(words: TaggedWord[]): boolean {
  const last = words.at(-1)!;
  return (
    words.every((t) => t.tags.has('Determiner') || t.tags.has('Adjective') || t.tags.has('Noun') || t.tags.has('Possessive')) &&
    last.tags.has('Noun') && !last.tags.has('Plural') && !last.tags.has('Pronoun') && !/s$/i.test(last.text)
  );
}

const AUX_AFTER_SUBJECT_RE = /^((?:[\p{L}\p{N}'’.&-]+\s+){0,4}?[\p{L}\p{N}'’.&-]+)\s+(is|are|was|were|has|have|had|will|would|can|could)(?:\s+(\S.*))?$/u;

/** A dimension word right after a measure of one of the linear kinds ("700 feet long", "500 feet tall"). */
const DIMENSION_AFTER_RE = new RegExp(`^\\s+(?:${DIMENSION_ADJECTIVES.join('|')}|tall)\\b`, 'i');

function figureSlot(text: string, figures: FigureReading[]): ClaimSlot | null {
  for (const f of figures) {
    const wh = SLOT_QUESTION_WORDS[f.kind];
    if (!wh) continue;
    let start = f.start;
    let end = f.end;
    let { lo, hi } = inBaseUnit(f);
    // "an hour and 45 minutes": one span written in two units.
    if (f.kind === 'duration') {
      for (const m of text.slice(0, start).matchAll(ONE_UNIT_RE)) {
        const glue = text.slice(m.index! + m[0].length, start);
        if (!/^\s*,?\s+and\s+$/.test(glue)) continue;
        const one = inBaseUnit({ unit: UNIT_OF[m[1]!.toLowerCase()]!, lo: 1, hi: 1, value: 1 });
        lo += one.lo;
        hi += one.hi;
        start = m.index!;
      }
      const next = figures.find((g) => g.kind === 'duration' && g.start >= end && /^\s*,?\s+and\s+$/.test(text.slice(end, g.start)));
      if (next) {
        const b = inBaseUnit(next);
        lo += b.lo;
        hi += b.hi;
        end = next.end;
      }
    }
    const q = QUALIFIER_BEFORE_RE.exec(text.slice(0, start));
    if (q) {
      const [a, b] = QUALIFIER_RANGES[q[0].trim().toLowerCase().replace(/\s+/g, ' ')] ?? [1, 1];
      if (!f.qualifier) [lo, hi] = [lo * a, hi * b];
      start = q.index;
    }
    // "for six days", "by 20%": the preposition goes with the figure.
    const prep = /\b(?:for|by|of|at)\s+$/i.exec(text.slice(0, start));
    if (prep && f.kind !== 'count') start = prep.index;
    // "700 feet long", "500 feet tall": the dimension written after a measure is the question word's ("How long …").
    const dimension = LINEAR_KINDS.has(f.kind) ? DIMENSION_AFTER_RE.exec(text.slice(end)) : null;
    if (dimension) end += dimension[0].length;
    let opener = wh;
    // "About 15% of world shipping passes through the canal": a share of what follows "of", asked "What share of …".
    if (f.kind === 'percent' && /^\s+of\s/i.test(text.slice(end)) && !/\S\s+\S/.test(text.slice(0, start).trim())) opener = SLOT_SHARE_QUESTION;
    if (f.kind === 'count' && f.noun) {
      // "10,000 troops": the counted noun goes with the question word ("How many troops …").
      const after = text.slice(end);
      const noun = new RegExp(`^\\s+(?:[\\p{L}-]+\\s+){0,2}?${f.noun.split(/\s+/).pop()!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'iu').exec(after);
      if (noun) {
        opener = `${wh} ${noun[0].trim()}`;
        end += noun[0].length;
      }
    }
    return { kind: 'figure', core: null, question: asQuestion(text, start, end, opener), value: { kind: f.kind, noun: f.noun, lo: Math.min(lo, hi), hi: Math.max(lo, hi) }, text: text.slice(start, end).trim() };
  }
  return null;
}

function dateSlot(text: string, ref: Date, figures: FigureReading[]): ClaimSlot | null {
  for (const d of parseDates(text, ref)) {
    const end = d.index + d.text.length;
    // A span of time chrono reads as a date ("for six days") is a figure.
    if (figures.some((f) => f.kind === 'duration' && f.start < end && f.end > d.index)) continue;
    const stated: DateParts = d.stated;
    if (stated.year === undefined && stated.month === undefined && stated.day === undefined && stated.weekday === undefined) continue;
    let start = d.index;
    const prep = DATE_PREPOSITION_BEFORE_RE.exec(text.slice(0, start));
    if (prep && !/^(?:on|in|at|during)\b/i.test(d.text)) start = prep.index;
    return { kind: 'date', core: null, question: asQuestion(text, start, end, 'When'), date: stated, text: text.slice(start, end).trim() };
  }
  return null;
}

function placeSlots(text: string): ClaimSlot[] {
  const out: ClaimSlot[] = [];
  for (const m of text.matchAll(PLACE_RE)) {
    // The sentence's own first word is no place.
    if (m.index === 0) continue;
    const name = m[2]!.replace(/^the\s+/i, '');
    out.push({ kind: 'place', core: null, question: asQuestion(text, m.index!, m.index! + m[0].length, 'Where'), name, text: m[0] });
  }
  return out;
}

/** How an answer's filler stands to a claim's slot: the same value, another value of the same kind, or not comparable. */
export type SlotRelation = 'same' | 'other' | null;

/** A filler the evidence core chose, with what /verify needs to read it. */
export interface SlotFiller {
  text: string;
  figure?: Pick<FigureReading, 'kind' | 'unit' | 'lo' | 'hi' | 'value' | 'noun'>;
  /** The filler's date: what its own words state, read against its article's date, else the date the timeline gives its sentence. */
  date?: DateParts | null;
  /** For names: the entity's name and aliases. */
  names?: string[];
  loose?: boolean;
}

/** A name folded for comparison: the tokenizer's fold, lower case, punctuation as spaces. */
const nameKey = (s: string) => fold(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The value a filler's words give, in base units: "one hour and 45 minutes" is one span. */
function fillerSpan(f: SlotFiller): { lo: number; hi: number } | null {
  if (!f.figure) return null;
  if (f.figure.kind === 'duration') {
    const parts = readFigures(f.text).filter((g) => g.kind === 'duration');
    // "an hour and 20 minutes": the figure reader reads "20 minutes" only; "one hour" it reads itself.
    const one = [...f.text.matchAll(ONE_UNIT_RE)].filter(
      (m) => /^\s*,?\s+and\s+/.test(f.text.slice(m.index! + m[0].length)) && !parts.some((p) => p.start < m.index! + m[0].length && p.end > m.index!),
    );
    if (parts.length + one.length >= 2) {
      let lo = 0;
      let hi = 0;
      for (const p of parts) {
        const b = inBaseUnit(p);
        lo += b.lo;
        hi += b.hi;
      }
      for (const m of one) {
        const b = inBaseUnit({ unit: UNIT_OF[m[1]!.toLowerCase()]!, lo: 1, hi: 1, value: 1 });
        lo += b.lo;
        hi += b.hi;
      }
      return { lo, hi };
    }
  }
  const b = inBaseUnit(f.figure);
  return { lo: Math.min(b.lo, b.hi), hi: Math.max(b.lo, b.hi) };
}

/** Kinds that compare as one: a bare number answers a count. */
const sameKind = (a: FigureKind, b: FigureKind) => a === b || ((a === 'count' || a === 'number') && (b === 'count' || b === 'number'));

/** Capitalised words and nothing else: a proper name as written. */
const WRITTEN_NAME_RE = /^(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*$/u;

/** Compare the evidence core's filler with the claim's slot. */
export function relateSlot(slot: ClaimSlot, f: SlotFiller): SlotRelation {
  switch (slot.kind) {
    case 'figure': {
      if (!f.figure || !sameKind(slot.value.kind, f.figure.kind)) return null;
      const span = fillerSpan(f);
      if (!span) return null;
      // Ranges that meet are the same value ("about 1,600 feet" / "approximately 1,600 feet"); a rounding tolerance of 2%.
      // Of the finite bounds: "more than $10 billion" has no upper one, and an infinite slack would meet anything.
      const slack = 0.02 * Math.max(0, ...[slot.value.lo, slot.value.hi, span.lo, span.hi].filter(Number.isFinite).map(Math.abs));
      const meets = span.lo <= slot.value.hi + slack && slot.value.lo <= span.hi + slack;
      // A bound open on one side ("at least 12 people") is no value of its own: it confirms a value near it or a bound the
      // same way, never one far past it ("About 9,000 people"), and does not rule that out either.
      const openAbove = !Number.isFinite(span.hi) && Number.isFinite(slot.value.hi);
      const openBelow = !Number.isFinite(span.lo) && Number.isFinite(slot.value.lo);
      if (meets && ((openAbove && slot.value.lo > span.lo + slack) || (openBelow && slot.value.hi < span.hi - slack))) return null;
      return meets ? 'same' : 'other';
    }
    case 'date': {
      const d = f.date;
      if (!d) return null;
      let compared = 0;
      for (const k of ['year', 'month', 'day', 'weekday'] as const) {
        if (slot.date[k] === undefined || d[k] === undefined) continue;
        compared++;
        if (slot.date[k] !== d[k]) return 'other';
      }
      // Only a day or month both state decides: a year alone beside a full date is no match.
      return compared && (slot.date.day === undefined || d.day !== undefined) ? 'same' : null;
    }
    case 'place': {
      if (f.loose) return null;
      const want = nameKey(slot.name);
      const names = [f.text, ...(f.names ?? [])].map(nameKey).filter(Boolean);
      if (names.some((n) => n === want || n.includes(want) || want.includes(n))) return 'same';
      // One holds the other ("Texas" in "the US"): no other place, and not the same either.
      if ([f.text, ...(f.names ?? [])].some((n) => placeWithin(n, slot.name))) return null;
      // A name as written ("Texas" of "Texas-based") is a place though no entity was made of it.
      return f.names?.length || WRITTEN_NAME_RE.test(f.text) ? 'other' : null;
    }
  }
}
