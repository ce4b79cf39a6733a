/**
 * Figures: every number a sentence states, read once, with what it measures.
 * "150 mph" is a speed, "10 p.m." a time of day, "2018" a year, "<Name>, 68," an
 * age that belongs to that person, "the crew of 25" a count of crew, and "power
 * outages" a different quantity from "water outages". Units, counted nouns and
 * qualifiers are data in `language/lexicon`; what is here is the reading order.
 *
 * `readFigures` reads one text (an article sentence, a user's claim or question);
 * `buildFigures` reads a corpus and ties each figure to its sentence, its date, who
 * says it and, for ages, the person it belongs to. The result is plain data, so the
 * analysis container can persist it with the corpus snapshot.
 */
import { keyOf, type Entity, type EntityIndex } from '../index/entities.js';
import { parseDates } from '../language/dates.js';
import {
  CLOCK_MARKS,
  CLOCK_MINUTE_MARKS,
  COLLECTIVE_NOUNS,
  CURRENCIES,
  DIMENSION_NAMES,
  DIMENSION_WORDS,
  FIGURE_NOUNS,
  FIGURE_NOUN_ADJECTIVES,
  HYPHEN_NOT_COUNTED,
  FRACTION_DENOMINATORS,
  IRREGULAR_PLURALS,
  MEASURE_NOUNS,
  PEOPLE_ADJECTIVES,
  MEASURE_UNITS,
  MONTH_PATTERN,
  NUMBER_TENS,
  NUMBER_UNITS,
  NAME_PARTICLES,
  ONE_UNIT_WORDS,
  QUALIFIER_RANGES,
  QUALIFIERS,
  SCALES,
  SCALE_LABELS,
  SOFT_COUNT_MODIFIERS,
  STOPWORDS,
  TREND_VERBS,
  UNIT_NOUNS,
  WEEKDAY_PATTERN,
  type FigureKind,
} from '../language/lexicon/index.js';
import { UPDATE_WORDS } from '../language/lexicon/figure-time.js';
import { lemma } from '../language/tokenize.js';
import type { Article, Corpus } from '../types.js';

export type { FigureKind } from '../language/lexicon/index.js';

/** One figure as a text writes it. Offsets are into the text read. */
export interface FigureReading {
  start: number;
  end: number;
  /** The figure as written, qualifier and unit included ("at least 61", "150 mph", "$916 million"). */
  text: string;
  /** The number (money in units of currency, a range's low end). */
  value: number;
  /** The high end of a range ("aged 11 to 16"), else null. */
  valueHi: number | null;
  /** Range of true values the qualifier allows, in the figure's own unit. */
  lo: number;
  hi: number;
  qualifier: string | null;
  /** Canonical unit from the units table ("mph", "km", "$", "%", "years"), or null for counts. */
  unit: string | null;
  kind: FigureKind;
  /** The counted noun phrase, lower case, without soft modifiers ("power outages", "crew"), or null. */
  noun: string | null;
  /** Dictionary form of the counted noun's head ("outage", "crew"), or null. */
  head: string | null;
  /** For ages: what the sentence ties the age to, a name ("Shahzada Dawood") or a noun ("coach"); null when only a reference ("the 79-year-old"). */
  holder: string | null;
  /** The holder is a name (capitalised), not a common noun. */
  holderIsName: boolean;
  /** The common noun the text gives the named holder ("his son Suleman, 19" → son; "the 25-year-old coach Ekkapol" → coach), or null. */
  holderRole: string | null;
}

/** A figure of the corpus: a reading tied to its article, sentence, date, source and entity. Plain data. */
export interface FigureFact extends FigureReading {
  id: string;
  articleId: string;
  sentenceId: string;
  /** The date the figure applies to: a date the sentence states, else its article's date (YYYY-MM-DD), or null. */
  when: string | null;
  /** Who the sentence attributes it to, or null. */
  who: string | null;
  /** The entity the figure belongs to (ages: the person), or null. */
  entityId: string | null;
  entityName: string | null;
  /**
   * The figure this one speaks of again ("That number has since grown to roughly 10,000": the count
   * of troops just before it), whose counted noun it takes; absent when it names its own noun.
   */
  refersTo?: string;
  /** It is a later value of the figure it refers to ("has since grown to", "now stands at"). */
  later?: boolean;
}

/** Every figure of a corpus, by article and sentence order. */
export interface FiguresAnalysis {
  version: 1;
  figures: FigureFact[];
}

// --- patterns built from the lexicon -------------------------------------------------------

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;

/** "a million", "half a billion", "a half a billion": an article or "half" before a scale word is the number 1 or 0.5. */
const SCALE_LOOKAHEAD = '(?=\\s+(?:thousand|million|billion|trillion)\\b)';
/** "up to a mile", "about an acre": an article before a unit of length or area, written as a word, is one of it (not in "half a mile", "two-thirds of an acre": the fraction is the figure). */
const ONE_UNIT_LOOKAHEAD = `(?=\\s+(?:square\\s+|nautical\\s+)?(?:${ONE_UNIT_WORDS.join('|')})\\b)`;
const WORD_NUMBER = `(?:an?\\s+)?half\\s+an?${SCALE_LOOKAHEAD}|an?${SCALE_LOOKAHEAD}|(?<!\\b(?:of|half)\\s+)an?${ONE_UNIT_LOOKAHEAD}|(?:${Object.keys(NUMBER_TENS).join('|')})(?:[- ](?:${Object.keys(NUMBER_UNITS).slice(0, 9).join('|')}))?|${Object.keys(NUMBER_UNITS).sort(byLength).join('|')}|a\\s+dozen|dozen|a\\s+hundred`;
const DIGITS = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?`;
/** A number (digits or words), with what is glued to it ("400m", "10,432kg", "1st"). */
// "two-thirds of an acre", "three quarters": the number names a fraction's parts, not a count ("half" is read with a
// scale or a unit, not as parts: "a half" stays out of this lookahead as it was).
const FRACTION_AFTER = `(?![-\\s](?:${Object.keys(FRACTION_DENOMINATORS).filter((w) => w !== 'half').join('|')})\\b)`;
const NUMBER_RE = new RegExp(`(?<![\\p{L}\\p{N}.,:/-]|\\p{L}-)(${DIGITS}|\\b(?:${WORD_NUMBER})\\b${FRACTION_AFTER})([a-zA-Z%°²³]+)?`, 'giu');

const UNIT_FORMS = MEASURE_UNITS.flatMap((u) => u.forms.map((form) => ({ form, u }))).sort((a, b) => byLength(a.form, b.form));
const UNIT_BY_FORM = new Map(UNIT_FORMS.map((x) => [x.form.toLowerCase(), x.u]));
/** Every written unit form (longest first), as one alternation for the patterns below. */
const UNIT_ALTERNATION = UNIT_FORMS.map((x) => esc(x.form)).join('|');
const UNIT_AFTER_RE = new RegExp(`^(?:\\s|-)?(${UNIT_ALTERNATION})(?![\\p{L}\\p{N}])`, 'iu');
const CURRENCY_WORDS = Object.keys(CURRENCIES).filter((c) => /^[a-z]/i.test(c)).sort(byLength);
const CURRENCY_AFTER_RE = new RegExp(`^\\s+(${CURRENCY_WORDS.map(esc).join('|')})\\b`, 'i');
const CURRENCY_BEFORE_RE = /(US\$|E£|[$€£¥])\s?$/;
const SCALE_AFTER_RE = /^(?:\s|-)?(thousand|million|billion|trillion|mn|bn|m|k)(?![\p{L}\p{N}])/iu;
const QUALIFIER_RE = new RegExp(`\\b(${[...QUALIFIERS].sort(byLength).map(esc).join('|')})\\s+(?:of\\s+)?(?:US\\$|E£|[$€£¥])?\\s?$`, 'i');
const CLOCK_AFTER_RE = new RegExp(`^(?::\\d{2}(?:\\s?(?:${[...CLOCK_MARKS, ...CLOCK_MINUTE_MARKS].map(esc).join('|')}))?|\\s?(?:${CLOCK_MARKS.map(esc).join('|')}))(?![\\p{L}])`, 'iu');
const MONTH_BEFORE_RE = new RegExp(`\\b${MONTH_PATTERN}\\.?\\s*$`, 'i');
const MONTH_AFTER_RE = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_PATTERN}\\b`, 'i');
const WEEKDAY_BEFORE_RE = new RegExp(`\\b${WEEKDAY_PATTERN}\\.?,?\\s*$`, 'i');
/** An age after its number: "9 years old", "12-year-old", "4-month-old" (a baby's age is in months or weeks), "30 years of age". */
const AGE_AFTER_RE = /^(?:-|\s)(?:(years?)|(months?|weeks?))(?:-|\s)old\b|^\s+(years)\s+of\s+age\b/i;
const AGE_BEFORE_RE = /\b(?:aged|ages|age(?:\s+of)?)\s+$/i;
const PERCENT_AFTER_RE = /^\s?(?:%|percent\b|per\s+cent\b|percentage points?\b)/i;
const RANGE_AFTER_RE = new RegExp(`^\\s*(?:-|–|—|to|and)\\s*(${DIGITS}|\\b(?:${WORD_NUMBER})\\b)`, 'iu');
const DIMENSION_AFTER_RE = new RegExp(`^[\\s-]*(?:in\\s+)?(${Object.keys(DIMENSION_WORDS).join('|')})\\b`, 'i');
const DIMENSION_BEFORE_RE = new RegExp(`\\b(length|depth|depths|height|altitude|width|distance)\\s+(?:of\\s+)?(?:(?:${[...QUALIFIERS].sort(byLength).map(esc).join('|')})\\s+)?$`, 'i');
const NAME = `\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:(?:${NAME_PARTICLES.join('|')})\\s+)?\\p{Lu}[\\p{L}'’.-]*){0,3}`;
/** "Shahzada Dawood, 48," / "Prince Dipangkorn, 13." / "Ekkapol (25)". */
const NAME_COMMA_BEFORE_RE = new RegExp(`(${NAME})(?:,\\s*|\\s+\\()$`, 'u');
/** "Suleman is 19." / "Smith, who is 45," / "Smith turned 45". */
const NAME_IS_BEFORE_RE = new RegExp(`(${NAME})(?:,?\\s+who)?\\s+(?:is|was|is was|turned|turns)\\s+$`, 'u');
/** "Coach Ekkapol, the 25-year-old …" / "Peter Zeihan, a 52-year-old …". */
const NAME_APPOSITION_BEFORE_RE = new RegExp(`(${NAME}),\\s+(?:the|a|an)\\s+$`, 'u');
const NAME_AFTER_RE = new RegExp(`^\\s+(${NAME})`, 'u');

function parseNumberText(t: string): number {
  const s = t.toLowerCase().replace(/\s+/g, ' ');
  if (/^[\d,.]+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (s === 'dozen' || s === 'a dozen') return 12;
  if (s === 'a hundred') return 100;
  if (/^(?:an? )?half an?$/.test(s)) return 0.5;
  if (s === 'a' || s === 'an') return 1;
  const [tens, unit] = s.split(/[- ]/);
  return (NUMBER_TENS[tens!] ?? NUMBER_UNITS[tens!] ?? NaN) + (unit ? (NUMBER_UNITS[unit] ?? 0) : 0);
}

const isPluralWord = (w: string) =>
  IRREGULAR_PLURALS.has(w) || COLLECTIVE_NOUNS.has(w) || (/^[a-z][a-z-]*[^su']s$/.test(w) && w.length > 3) || /^[a-z]+ies$/.test(w);
/** Plurals of names with a digit or hyphen: "C-17s", "F-35s". */
const isNamedPlural = (raw: string) => /^[A-Z][\w]*-?\d+\w*s$/.test(raw);

/** The counted noun after a number: ordinary words up to the first plural ("five significant pieces", "power outages"). */
function countedNounAfter(after: string): { noun: string; head: string } | null {
  const ws = after.trim().split(/\s+/).slice(0, 6);
  const np: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const raw = ws[i]!.replace(/^[“"(]/, '');
    const w = raw.toLowerCase().replace(/[’'.,;:!?)"”]+$/g, '');
    if (isNamedPlural(raw.replace(/[.,;:!?)"”]+$/, ''))) return { noun: [...np, w].join(' '), head: w.replace(/s$/, '') };
    // "three C-17 Globemaster III aircraft", "two Royal Navy ships": names before the counted noun describe it.
    if (/^\p{Lu}[\p{L}\d-]*$/u.test(raw) && !np.some((x) => !/^[a-z\d-]+$/.test(x)) && i < 3 && !/[,.;:!?)]$/.test(raw) && ws.slice(i + 1, 4).some((x) => /^[a-z]/.test(x))) {
      np.push(w);
      continue;
    }
    if (!/^[a-z][a-z-]*$/.test(w) || !/^[a-z]/.test(raw) || (STOPWORDS.has(w) && !isPluralWord(w))) return null;
    if (np.length && /ed$/.test(w) && !isPluralWord(w)) return null;
    np.push(w);
    if (isPluralWord(w)) {
      // "23 reports of burns": the burns are counted.
      if (MEASURE_NOUNS.has(w) && ws[i + 1]?.toLowerCase() === 'of' && ws[i + 2]) {
        const inner = countedNounAfter(ws.slice(i + 2).join(' '));
        if (inner) return inner;
      }
      if (UNIT_NOUNS.has(w) && !COLLECTIVE_NOUNS.has(w)) return null;
      // "25 crew members": the group is what is counted, its members' noun part of the phrase.
      const next = ws[i + 1]?.toLowerCase().replace(/[’'.,;:!?)"”]+$/g, '');
      if (COLLECTIVE_NOUNS.has(w) && next && /^(?:members|personnel)$/.test(next)) np.push(next);
      const kept = np.filter((x) => !SOFT_COUNT_MODIFIERS.has(x));
      return { noun: kept.join(' ') || w, head: lemma(w) };
    }
    if (/[,.;:!?)]$/.test(raw) || np.length >= 4) return null;
  }
  return null;
}

/** "the crew of 25", "a population of 5,000", "a convoy of 15 ships": the group before "of". */
function collectiveBefore(before: string): string | null {
  const m = /\b([a-z][a-z-]*)\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|more than\s+|at least\s+|up to\s+|just over\s+)?$/i.exec(before);
  return m && COLLECTIVE_NOUNS.has(m[1]!.toLowerCase()) ? m[1]!.toLowerCase() : null;
}

/** "the number of evacuees rose to 26,000", "the number of dead has reached 61": what the number counts. */
function numberOfBefore(before: string): { noun: string; head: string } | null {
  const m = /\bnumber\s+of\s+((?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*)\s+(?:[a-z]+\s+){0,4}?(?:rose|climbed|fell|dropped|reached|grew|jumped|increased|decreased|stood|stands|was|is|hit|topped|exceeded|risen|reached)\s+(?:at\s+|to\s+)?(?:[a-z]+\s+){0,2}$/i.exec(before);
  if (!m) return null;
  const ws = m[1]!.toLowerCase().split(/\s+/);
  const last = ws[ws.length - 1]!;
  return isPluralWord(last) || IRREGULAR_PLURALS.has(last) ? { noun: ws.filter((w) => !SOFT_COUNT_MODIFIERS.has(w)).join(' '), head: lemma(last) } : null;
}

/** "four of the boys", "13 of them": what the number is a part of. */
function partitiveAfter(after: string): { noun: string; head: string } | null {
  const m = /^\s+of\s+(?:the|those|these|their|its|his|her|our)\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)/.exec(after);
  if (!m) return null;
  const ws = m[1]!.split(/\s+/);
  const i = ws.findIndex((w) => isPluralWord(w));
  // "74 of the deceased have been identified": an adjective naming people stands as the plural noun itself.
  // Not where a noun follows it ("three of the injured workers": the workers are counted).
  if (i !== 1 && PEOPLE_ADJECTIVES.has(ws[0]!)) return { noun: ws[0]!, head: ws[0]! };
  if (i < 0 || UNIT_NOUNS.has(ws[i]!)) return null;
  return { noun: ws.slice(0, i + 1).filter((w) => !SOFT_COUNT_MODIFIERS.has(w)).join(' '), head: lemma(ws[i]!) };
}

/** The common noun an age is written before ("the 25-year-old coach" → coach). */
function nounAfterAge(after: string): string | null {
  const m = /^\s+((?:[a-z][a-z-]*\s+){0,2}?)([a-z][a-z-]*)(?=[\s,.;:!?)]|$)/.exec(after);
  if (!m) return null;
  const head = m[2]!;
  if (STOPWORDS.has(head) || /(?:ed|ly)$/.test(head) || /^(?:is|was|has|had|who|said|says|and|but)$/.test(head)) return null;
  return head;
}

/** A noun hyphened to a number and closing the word ("-story" in "14-story", not "-year-old"). */
const HYPHEN_NOUN_RE = /^-(\p{L}+)(?![\p{L}\d'’-])/u;

/** "other" right after a number ("five other people"). */
const OTHER_AFTER_RE = /^\s+other\s+(?=\p{L})/u;

/** The names listed before "and" that a count of others follows ("Scott and", "Smith, Jones and"): how many, 0 if none. */
function namesListedBefore(before: string): number {
  const m = /((?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*\s*,\s*)*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)\s*,?\s+and\s+$/u.exec(before);
  return m ? m[1]!.split(',').length : 0;
}

/** A figure written as an adjective: number and unit joined by a hyphen ("six-mile", "two-hour", "400-metre"). */
const ADJECTIVE_FIGURE_RE = /^[\p{L}\d.,]+-[\p{L}]+$/u;

/**
 * The noun a figure written as an adjective is glued to, which it measures ("the six-mile cave" → "cave", "a two-hour
 * descent" → "descent"); null for a figure written otherwise ("10 km long", "nine hours"). `text` is the figure's sentence.
 */
export function adjectiveFigureNoun(text: string, f: Pick<FigureReading, 'start' | 'end' | 'noun'>): string | null {
  if (!ADJECTIVE_FIGURE_RE.test(text.slice(f.start, f.end).trim())) return null;
  return f.noun ?? /^\s+([\p{L}-]+)/u.exec(text.slice(f.end))?.[1] ?? null;
}

/** A capitalised word right before a number, that names something: not a sentence's first word, a function word, a qualifier, a month or a weekday. */
const CAPITAL_BEFORE_RE = /(^|[.!?:;]["”’]?\s+|\s)(\p{Lu}[\p{L}-]*)\s$/u;
const QUALIFIER_WORDS: ReadonlySet<string> = new Set(QUALIFIERS.flatMap((q) => q.split(' ')));
function nameBeforeNumber(before: string): boolean {
  const m = CAPITAL_BEFORE_RE.exec(before);
  if (!m || m.index + m[1]!.length === 0 || /[.!?:;]/.test(m[1]!)) return false;
  const w = m[2]!.toLowerCase();
  return !STOPWORDS.has(w) && !QUALIFIER_WORDS.has(w) && !MONTH_BEFORE_RE.test(m[2]!) && !WEEKDAY_BEFORE_RE.test(m[2]!);
}

/** A headline set in title case ("Delta Cancels 3,500 Flights"): most of its words capitalised. */
function titleCase(text: string): boolean {
  const ws = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return ws.length >= 3 && ws.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.7 * ws.length;
}

/**
 * Every figure in a text: value, qualifier, unit, kind, counted noun and (ages) the
 * name or noun it belongs to. Bare numbers the text gives no noun for are kind "number".
 */
const FRACTION_RE = new RegExp(`\\b(an?|${Object.keys(NUMBER_UNITS).slice(0, 9).join('|')})[-\\s](${Object.keys(FRACTION_DENOMINATORS).join('|')})\\b`, 'giu');

/** Kinds of a measure along one line: which one a figure is, its dimension says ("60m wide", "rises 60 feet"). */
export const LINEAR_KINDS: ReadonlySet<string> = new Set(['length', 'distance', 'depth', 'height']);

/**
 * The dimension written with a measure: after it ("60m wide", "long (400m)"), or before it ("a width of", "rises 60
 * feet") — the words /ask's slot and the figure slot read, so both read one dimension.
 */
export function dimensionSaid(text: string, f: Pick<FigureReading, 'start' | 'end'>): 'long' | 'wide' | 'deep' | 'high' | null {
  const after = /^[\s-]*(?:\([^)]*\)\s*)?([\p{L}]+)/u.exec(text.slice(f.end))?.[1]?.toLowerCase();
  const before = /\b([\p{L}]+)\s+(?:of\s+)?\(?(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|more than\s+|almost\s+)?\(?$/u.exec(text.slice(Math.max(0, f.start - 30), f.start))?.[1]?.toLowerCase();
  return (after && DIMENSION_NAMES[after]) || (before && DIMENSION_NAMES[before]) || null;
}

/** How much less a measure in words fits than its restatement in digits right after it. */
export const RESTATED = 0.95;

/** A figure written in words and restated in digits right after it ("nearly a quarter of a mile long (350m)"). */
export function restatedInDigits(text: string, f: Pick<FigureReading, 'text' | 'end'>): boolean {
  return /^\p{L}/u.test(f.text) && /^[\s-]*(?:[\p{L}]+\s*)?\(\s*\d/u.test(text.slice(f.end));
}

/** " of a mile", " of an acre": the unit a fraction is of. */
const FRACTION_OF_UNIT_RE = new RegExp(`^\\s+of\\s+(?:an?\\s+)?(${UNIT_ALTERNATION})(?![\\p{L}\\p{N}])`, 'iu');

/** "half a mile", "half an acre": half of one unit. */
const HALF_UNIT_RE = new RegExp(`\\bhalf\\s+an?\\s+(${UNIT_ALTERNATION})(?![\\p{L}\\p{N}])`, 'giu');

/** Units read with "and a half": durations, lengths, weights ("a day and a half", "two and a half hours", "three miles and a half"). */
const HALF_MORE_NUMBER = `\\d+|${Object.keys(NUMBER_UNITS).sort(byLength).join('|')}`;
/** "a day and a half", "one hour and a half", "three miles and a half": a whole unit and half of one more. */
const UNIT_AND_HALF_RE = new RegExp(`\\b(an?|${HALF_MORE_NUMBER})\\s+(${UNIT_ALTERNATION})\\s+and\\s+a\\s+half\\b`, 'giu');
/** "two and a half hours", "an hour and a half" is above: a number, "and a half", the unit. */
const AND_HALF_UNIT_RE = new RegExp(`\\b(${HALF_MORE_NUMBER})\\s+and\\s+a\\s+half\\s+(${UNIT_ALTERNATION})(?![\\p{L}\\p{N}])`, 'giu');

/** A fraction's reading, from `at` to `end`, with the qualifier written before it ("nearly two-thirds"). */
function fractionReading(text: string, at: number, end: number, value: number, unit: { unit: string; kind: FigureKind } | undefined): FigureReading {
  const q = QUALIFIER_RE.exec(text.slice(0, at));
  const qualifier = q ? q[1]!.toLowerCase() : null;
  const start = q ? q.index : at;
  const [fLo, fHi] = qualifier ? (QUALIFIER_RANGES[qualifier] ?? [1, 1]) : [1, 1];
  return { start, end, text: text.slice(start, end), value, valueHi: null, lo: value * fLo, hi: value * fHi, qualifier, unit: unit?.unit ?? '%', kind: unit?.kind ?? 'percent', noun: null, head: null, holder: null, holderIsName: false, holderRole: null };
}

/** A fraction written in words ("lost two-thirds of its roof"): a share, in percent; of a unit ("a quarter of a mile", "half an acre"), a measure. */
function readFractions(text: string): FigureReading[] {
  const out: FigureReading[] = [];
  for (const m of text.matchAll(HALF_UNIT_RE)) {
    const unit = UNIT_BY_FORM.get(m[1]!.toLowerCase());
    if (unit) out.push(fractionReading(text, m.index!, m.index! + m[0].length, 0.5, unit));
  }
  // "a day and a half", "two and a half hours": the whole number of units and a half more.
  for (const re of [UNIT_AND_HALF_RE, AND_HALF_UNIT_RE]) {
    for (const m of text.matchAll(re)) {
      const num = m[1]!;
      const form = m[2]!;
      const unit = UNIT_BY_FORM.get(form.toLowerCase());
      const whole = /^an?$/i.test(num) ? 1 : parseNumberText(num);
      if (unit && Number.isFinite(whole)) out.push(fractionReading(text, m.index!, m.index! + m[0].length, whole + 0.5, unit));
    }
  }
  for (const m of text.matchAll(FRACTION_RE)) {
    // "a third engine", "one quarter past": one part is a fraction only written so ("one-third") or of something ("a third of").
    const one = /^(?:an?|one)$/i.test(m[1]!);
    if (one && !/-/.test(m[0]) && !/^\s+of\b/i.test(text.slice(m.index! + m[0].length))) continue;
    const parts = /^an?$/i.test(m[1]!) ? 1 : parseNumberText(m[1]!);
    const whole = FRACTION_DENOMINATORS[m[2]!.toLowerCase()]!;
    if (!Number.isFinite(parts) || parts >= whole) continue;
    let end = m.index! + m[0].length;
    // "a quarter of a mile", "two-thirds of an acre": a measure in that unit; else a share.
    const of = FRACTION_OF_UNIT_RE.exec(text.slice(end));
    const unit = of ? UNIT_BY_FORM.get(of[1]!.toLowerCase()) : undefined;
    if (unit) end += of![0].length;
    out.push(fractionReading(text, m.index!, end, unit ? Math.round((1000 * parts) / whole) / 1000 : Math.round((1000 * parts) / whole) / 10, unit));
  }
  return out;
}

/** A figure noun with what it counts: a noun before it ("death toll", "vote count") or after "of" ("number of dead"). */
const FIGURE_NOUN_PHRASE_RE = new RegExp(`(?:([\\p{L}-]+)\\s+)?\\b(${FIGURE_NOUNS.join('|')})(?:\\s+of\\s+(?:the\\s+)?([\\p{L}-]+))?`, 'giu');
/** Between a figure noun (its clause's subject) and its value: a verb of being or change, then "to" or "at" ("has climbed to", "stands at", "is now"). */
const FIGURE_VALUE_LINK_RE = new RegExp(
  // "the death toll from the quarry blast was 14": a phrase saying what it is the toll of may come first.
  `^(?:\\s+(?:from|in|after|since|across)\\s+[\\p{L}\\d'’ -]{1,60}?)?\\s+(?:(?:is|was|are|were|has|have|had|now|since|already|officially|also|further|stood|stands|been|remained|remains|reached|hit|topped|${TREND_VERBS.flatMap(([base, ...rest]) => [base, `${base}s`, ...rest]).map(esc).join('|')})\\s+)+(?:(?:to|at)\\s+)?$`,
  'iu',
);

/**
 * What a bare number counts when it is the value of a figure noun that names its counted thing: "The death toll has climbed
 * to 2,862" counts deaths, "the number of dead stands at 64" the dead, "the vote tally reached 52" votes. The figure noun is
 * the subject of its clause, linked to the number by a verb of being or change; "the toll rose to 61", naming nothing,
 * speaks of a count before it (figureAnaphor), and "fell by 300" is a change, not the value.
 */
export function figureNounCount(before: string): { noun: string; head: string } | null {
  const q = QUALIFIER_RE.exec(before);
  const text = (q ? before.slice(0, q.index) : before).slice(-100);
  const m = [...text.matchAll(FIGURE_NOUN_PHRASE_RE)].at(-1);
  if (!m || !FIGURE_VALUE_LINK_RE.test(text.slice(m.index! + m[0].length))) return null;
  const of = m[3]?.toLowerCase();
  const mod = m[1]?.toLowerCase();
  const word = of && !STOPWORDS.has(of) ? of : mod && !STOPWORDS.has(mod) && !FIGURE_NOUN_ADJECTIVES.has(mod) && !FIGURE_NOUNS.includes(mod) && !/['’]s$/.test(mod) ? mod : null;
  return word ? { noun: word, head: lemma(word) } : null;
}

export function readFigures(text: string): FigureReading[] {
  const out: FigureReading[] = readFractions(text);
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
    const numText = m[1]!;
    let glued = m[2] ?? '';
    let start = m.index;
    let end = m.index + numText.length;
    const before = text.slice(0, start);
    // A number read with "and a half" above ("two and a half hours") is read.
    const halved = out.find((f) => f.value % 1 === 0.5 && f.start <= m!.index && m!.index < f.end && / and a half\b/i.test(f.text));
    if (halved) {
      NUMBER_RE.lastIndex = Math.max(NUMBER_RE.lastIndex, halved.end);
      continue;
    }
    const isWord = /^[a-z]/i.test(numText);
    let value = parseNumberText(numText);
    if (!Number.isFinite(value)) continue;
    // "one" is a pronoun as often as a number: only with a unit or a counted noun after it.
    let kind: FigureKind | null = null;
    let unit: string | null = null;
    let valueHi: number | null = null;
    let noun: { noun: string; head: string } | null = null;
    let holder: string | null = null;
    let holderIsName = false;
    let holderRole: string | null = null;
    // Names listed before "and N other …": the whole counts them too (hi).
    let namedBesides = 0;

    // Glued suffixes: "1st" (ordinal), "1980s" (a decade), "400m", "10,432kg", "250k", "12%".
    if (glued) {
      const g = glued.toLowerCase();
      if (/^(?:st|nd|rd|th)$/.test(g)) {
        kind = MONTH_AFTER_RE.test(text.slice(end)) || MONTH_BEFORE_RE.test(before) ? 'date' : 'ordinal';
        end += glued.length;
      } else if (g === 's' && /^\d{4}$/.test(numText)) {
        kind = 'year';
        end += 1;
      } else if (g === '%') {
        kind = 'percent';
        unit = '%';
        end += 1;
      } else if (SCALES[g] || g === 'k' || g === 'mn') {
        // handled below with the currency
      } else if (UNIT_BY_FORM.has(g)) {
        // handled below as a unit
      } else if (/^(?:am|pm)$/.test(g)) {
        kind = 'clock';
        end += glued.length;
      } else continue; // "F35", "A380": a name, not a figure
      if (kind) glued = '';
    }
    const afterNum = glued ? text.slice(m.index + numText.length) : text.slice(end);

    // A time of day, a date, a year: never counts of anything.
    if (!kind && !isWord && CLOCK_AFTER_RE.test(afterNum) && value <= 24) {
      kind = 'clock';
      end += CLOCK_AFTER_RE.exec(afterNum)![0].length;
    } else if (!kind && !isWord && /^\/\d/.test(afterNum)) {
      continue; // "6/22/2023"
    } else if (!kind && !isWord && value >= 1 && value <= 31 && Number.isInteger(value) && (MONTH_BEFORE_RE.test(before) || MONTH_AFTER_RE.test(afterNum))) {
      kind = 'date';
    } else if (!kind && !isWord && /^\d{4}$/.test(numText) && value >= 1800 && value <= 2100 && !CURRENCY_BEFORE_RE.test(before) && !countedNounAfter(afterNum)) {
      kind = 'year';
    }

    // "Fortune 500 companies", "Windows 11 users", "Flight 1282": digits right after a capitalised word are part of a name,
    // not a count of what follows. Not in a title-case headline ("Delta Cancels 3,500 Flights"), where the next word is
    // capitalised too, nor after a sentence's first word, a qualifier, a month or a weekday ("About 300", "Over 20").
    if (!kind && !isWord && !glued && nameBeforeNumber(before) && !/^\s+\p{Lu}/u.test(afterNum) && !CURRENCY_BEFORE_RE.test(before)) continue;

    let currency: string | null = null;
    let scale = 1;
    if (!kind) {
      currency = CURRENCY_BEFORE_RE.exec(before)?.[1] ?? null;
      if (currency) start = before.length - CURRENCY_BEFORE_RE.exec(before)![0].length;
      const sc = SCALE_AFTER_RE.exec(glued || afterNum);
      const scWord = sc?.[1]?.toLowerCase();
      // "400m" is metres unless it is money ("$400m"); "m"/"k" scale only money.
      if (sc && scWord && (!/^(?:m|k|mn)$/.test(scWord) || currency)) {
        scale = scWord === 'k' ? 1e3 : scWord === 'mn' ? 1e6 : SCALES[scWord]!;
        end = (glued ? m.index + numText.length : end) + sc[0].length;
        glued = '';
      }
      const cw = CURRENCY_AFTER_RE.exec(text.slice(end));
      if (!currency && cw && (scale > 1 || !/^pounds?$/i.test(cw[1]!))) {
        currency = CURRENCIES[cw[1]!.toLowerCase()]!;
        end += cw[0].length;
      }
      if (currency) {
        kind = 'money';
        unit = CURRENCIES[currency.toLowerCase()] ?? currency;
      }
    }
    value *= scale;

    if (!kind) {
      const rest = glued ? glued + text.slice(m.index + numText.length + glued.length) : text.slice(end);
      if (PERCENT_AFTER_RE.test(rest)) {
        kind = 'percent';
        unit = '%';
        end += PERCENT_AFTER_RE.exec(rest)![0].length;
      } else if (AGE_AFTER_RE.test(rest)) {
        const a = AGE_AFTER_RE.exec(rest)!;
        kind = 'age';
        unit = a[2] ? `${a[2].toLowerCase().replace(/s$/, '')}s` : 'years';
        end += a[0].length;
      } else if (AGE_BEFORE_RE.test(before)) {
        kind = 'age';
        unit = 'years';
        // "The boys, ages 11-16", "Smith, aged 45": the age is of what is named just before.
        const owner = new RegExp(`(?:(${NAME})|\\b([a-z][a-z-]*))[\\s,—–-]*(?:aged|ages|age(?:\\s+of)?)\\s+$`, 'u').exec(before);
        if (owner?.[1] && !/^(?:The|A|An|He|She|They|It)$/.test(owner[1])) {
          holder = owner[1];
          holderIsName = true;
        } else if (owner?.[2] && !STOPWORDS.has(owner[2]) && !/ed$/.test(owner[2])) holder = owner[2];
      } else {
        const u = UNIT_AFTER_RE.exec(glued ? glued + text.slice(m.index + numText.length + glued.length) : rest);
        // A bare "m" or "t" after a space is too often a word or initial; glued ("400m") it is a unit.
        if (u && !(u[1]!.length <= 2 && /^\s/.test(u[0]) && /^(?:m|t|mi|nm|kn)$/i.test(u[1]!))) {
          const mu = UNIT_BY_FORM.get(u[1]!.toLowerCase())!;
          kind = mu.kind;
          unit = mu.unit;
          end = (glued ? m.index + numText.length : end) + u[0].length;
          glued = '';
          if (kind === 'distance') {
            const dim = DIMENSION_AFTER_RE.exec(text.slice(end))?.[1]?.toLowerCase();
            const dimBefore = DIMENSION_BEFORE_RE.exec(before)?.[1]?.toLowerCase();
            const k = dim ? DIMENSION_WORDS[dim] : dimBefore ? DIMENSION_WORDS[dimBefore.replace(/s$/, '')] ?? (dimBefore === 'altitude' ? 'height' : 'distance') : undefined;
            if (k) kind = k;
            // "6,000 meters (19,685 feet)": the second figure measures what the first does.
            const prev = out[out.length - 1];
            if (!k && prev && /\(\s*$/.test(text.slice(prev.end, start))) kind = prev.kind;
            // "a six-mile (10-km) cave", "the 400-metre ship": a measure written as an adjective is the length of the noun after it.
            const adj = /^-/.test(u[0]) ? /^(?:-(?:long|deep|high|tall|wide))?\)?(?:\s*\([^)]{1,30}\))?\s+([a-z][a-z-]+)/.exec(text.slice(end)) : null;
            if ((!k || k === 'length' || k === 'depth' || k === 'height') && adj && !STOPWORDS.has(adj[1]!) && !/(?:ed|ly|ing)$/.test(adj[1]!)) {
              kind = k ?? 'length';
              noun = { noun: adj[1]!, head: lemma(adj[1]!) };
            }
          }
          // "a 20-minute delay", "96 hours of oxygen" are spans of time; "30 years" old is an age (above).
        }
      }
      if (glued) continue; // glued letters that are no unit: a model name
    }

    if (!kind) {
      // "a 14-story tower", "a five-bedroom house": a number hyphened to a noun that is no unit counts that noun.
      const glue = !glued && Number.isInteger(value) ? HYPHEN_NOUN_RE.exec(text.slice(end)) : null;
      const gw = glue?.[1]!.toLowerCase();
      if (glue && gw && !STOPWORDS.has(gw) && !HYPHEN_NOT_COUNTED.has(gw) && !/(?:ed|ing|ly|er|est)$/.test(gw) && !(isWord && value === 1)) {
        noun = { noun: gw, head: lemma(gw) };
        end += glue[0].length;
      }
      // "Scott and five other people": the others are counted as what follows "other"; with the names listed before them
      // they make the whole ("six people, including Scott").
      const other = OTHER_AFTER_RE.exec(text.slice(end));
      const others = other ? countedNounAfter(text.slice(end + other[0].length)) : null;
      if (others) {
        noun ??= others;
        namedBesides = namesListedBefore(before);
      }
      noun ??= countedNounAfter(text.slice(end)) ?? partitiveAfter(text.slice(end)) ?? numberOfBefore(before);
      const group = collectiveBefore(before);
      if (group && (!noun || noun.head === 'member' || noun.head === 'people')) noun = { noun: group, head: lemma(group) };
      if (noun) kind = 'count';
      else if (isWord && value === 1) continue;
      else kind = 'number';
    }
    if (kind === 'count' && isWord && value === 1) continue;

    // A range: "aged 11 to 16", "11-16", "between 10 and 12".
    if (kind !== 'clock' && kind !== 'date' && kind !== 'year') {
      const r = RANGE_AFTER_RE.exec(text.slice(m.index + numText.length));
      if (r && (kind === 'age' || kind === 'number' || /^\s*(?:-|–|to)/.test(r[0]) || /\bbetween\s+$/i.test(before))) {
        const hi = parseNumberText(r[1]!) * scale;
        if (Number.isFinite(hi) && hi > value) {
          valueHi = hi;
          end = Math.max(end, m.index + numText.length + r[0].length);
          // "aged 11 to 16" / "11-16-year-olds": the unit after the second number is the range's.
          const after2 = text.slice(m.index + numText.length + r[0].length);
          if (AGE_AFTER_RE.test(after2)) {
            kind = 'age';
            unit = 'years';
          }
          if (kind === 'number') {
            const n2 = countedNounAfter(after2);
            if (n2) {
              noun = n2;
              kind = 'count';
            } else {
              // "between 170 and 200 degrees", "5 to 10 miles": the unit after the second number is the range's too.
              const u2 = UNIT_AFTER_RE.exec(after2);
              if (u2 && !(u2[1]!.length <= 2 && /^\s/.test(u2[0]) && /^(?:m|t|mi|nm|kn)$/i.test(u2[1]!))) {
                const mu = UNIT_BY_FORM.get(u2[1]!.toLowerCase())!;
                kind = mu.kind;
                unit = mu.unit;
                end = m.index + numText.length + r[0].length + u2[0].length;
                const dim = kind === 'distance' ? DIMENSION_AFTER_RE.exec(text.slice(end))?.[1]?.toLowerCase() : undefined;
                if (dim && DIMENSION_WORDS[dim]) kind = DIMENSION_WORDS[dim]!;
              }
            }
          }
        }
      }
    }

    // Ages belong to someone: the name or noun the sentence ties them to.
    if (kind === 'age' && !holder) {
      const after = text.slice(end);
      const named = NAME_AFTER_RE.exec(after);
      const appos = NAME_APPOSITION_BEFORE_RE.exec(before);
      const roleThenName = /^\s+([a-z][a-z-]+)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/u.exec(after);
      if (named && !/^(?:The|A|An|He|She|It|They|I|We|On|In|At)$/.test(named[1]!)) {
        holder = named[1]!;
        holderIsName = true;
      } else if (roleThenName && !STOPWORDS.has(roleThenName[1]!)) {
        // "the 25-year-old coach Ekkapol"
        holder = roleThenName[2]!;
        holderIsName = true;
        holderRole = roleThenName[1]!;
      } else if (appos) {
        holder = appos[1]!;
        holderIsName = true;
      } else {
        holder = nounAfterAge(after);
      }
    } else if ((kind === 'number' || kind === 'count') && !isWord && value >= 1 && value <= 110 && Number.isInteger(value) && !noun) {
      // "Shahzada Dawood, 48, is …", "Suleman is 19.": a bare small number right after a name, closed by punctuation.
      const after = text.slice(end);
      const closes = /^\s*(?:[,)]|\.(?:\s|$)|;|$)/.test(after) || /^\s+(?:and|when|at the time)\b/.test(after);
      const comma = NAME_COMMA_BEFORE_RE.exec(before);
      const is = NAME_IS_BEFORE_RE.exec(before);
      const who = comma ?? is;
      if (closes && who && !MONTH_BEFORE_RE.test(`${who[1]} `) && !WEEKDAY_BEFORE_RE.test(`${who[1]} `) && !/\b(?:No|Number|Flight|Route|Highway|Article|Section|Chapter|Page)\s*$/i.test(who[1]!)) {
        kind = 'age';
        unit = 'years';
        holder = who[1]!;
        holderIsName = true;
        // "his son Suleman, 19": the noun before the name says who they are.
        holderRole = /\b(?:his|her|their|its|the|a|an|our|my)\s+([a-z][a-z-]+)\s+$/.exec(before.slice(0, before.length - who[0].length))?.[1] ?? null;
      }
    }

    // "Boeing 737", "Flight 1282", "Max 9": a bare number right after a capitalised word that does not open the sentence
    // is part of a name, no figure (a scale's label, "Category 4", stays a value).
    if (kind === 'number' && !noun && !glued && valueHi === null && /^\d/.test(numText) && !titleCase(text)) {
      const prev = /(?:^|\s)(\p{Lu}[\p{L}\d-]*)\s+$/u.exec(before);
      if (prev && before.slice(0, prev.index).trim() !== '' && !/[.!?:"“]\s*$/.test(before.slice(0, prev.index + 1)) && !SCALE_LABELS.includes(prev[1]!.toLowerCase())) {
        NUMBER_RE.lastIndex = Math.max(NUMBER_RE.lastIndex, end);
        continue;
      }
    }
    // "The death toll has climbed to 2,862": the value of a figure noun counts what the noun names.
    if (kind === 'number' && !noun && valueHi === null) {
      const named = figureNounCount(before);
      if (named) {
        kind = 'count';
        noun = named;
      }
    }
    const q = QUALIFIER_RE.exec(before);
    const qualifier = q ? q[1]!.toLowerCase() : null;
    if (q && kind !== 'clock' && kind !== 'date' && kind !== 'year') start = Math.min(start, q.index);
    const [fLo, fHi] = qualifier ? (QUALIFIER_RANGES[qualifier] ?? [1, 1]) : [1, 1];
    const lo = valueHi !== null ? value : value * fLo;
    const hi = (valueHi !== null ? valueHi : value * fHi) + namedBesides;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      value,
      valueHi,
      lo,
      hi,
      qualifier,
      unit,
      kind,
      noun: noun?.noun ?? null,
      head: noun?.head ?? null,
      holder,
      holderIsName,
      holderRole,
    });
    NUMBER_RE.lastIndex = Math.max(NUMBER_RE.lastIndex, valueHi !== null ? end : m.index + numText.length);
  }
  return out.sort((a, b) => a.start - b.start);
}

// --- the corpus -------------------------------------------------------------------------------

export interface BuildFiguresOptions {
  /** The entity index, to tie ages to people (names, "the 79-year-old", "the coach"). */
  entities?: EntityIndex;
  /** Who a sentence attributes its content to; figures carry null without it. */
  attribution?: (text: string) => string | null;
}

const MS_DAY = 86_400_000;
const DATE_HINT_RE = new RegExp(`\\b(?:${MONTH_PATTERN}|${WEEKDAY_PATTERN}|yesterday|today|tonight|ago|last|earlier)\\b`, 'i');

/**
 * The date a sentence's figures apply to: a date it states (not after its article), else the article's date.
 * An undated article's stated dates ("In August") are read against `ref`, the corpus's latest date.
 */
function sentenceDate(text: string, articleDate: string | null, refDate: string | null = articleDate): string | null {
  const refIso = articleDate ?? refDate;
  if (!refIso) return null;
  if (!DATE_HINT_RE.test(text)) return articleDate;
  const ref = new Date(`${refIso}T12:00:00Z`);
  // chrono is slow on long sentences: read only the words around the first date word.
  const hint = DATE_HINT_RE.exec(text)!;
  const window = text.slice(Math.max(0, hint.index - 24), hint.index + 40);
  for (const d of parseDates(window, ref)) {
    if (d.stated.hour !== undefined && d.stated.day === undefined && d.stated.weekday === undefined) continue;
    if (d.stated.month === undefined && d.stated.weekday === undefined && !d.relative) continue;
    // Without the article's own date, only a date that names its month can be placed.
    if (!articleDate && d.stated.month === undefined) continue;
    if (d.date.getTime() > ref.getTime() + MS_DAY) continue;
    return d.date.toISOString().slice(0, 10);
  }
  return articleDate;
}

/** Person entities by folded name key (full name and each word of it). */
function personLookup(index: EntityIndex | undefined): (name: string) => Entity | null {
  if (!index) return () => null;
  return (name: string) => {
    const k = keyOf(name.replace(/^(?:Mr|Mrs|Ms|Dr|Coach|Captain|Capt|Prince|Princess|King|Queen)\.?\s+/u, ''));
    const hits = (index.byKey.get(k) ?? index.byKey.get(keyOf(name)) ?? []).filter((e) => e.kind === 'person');
    if (hits.length === 1) return hits[0]!;
    const last = k.split(' ').pop()!;
    const bySurname = (index.byKey.get(last) ?? []).filter((e) => e.kind === 'person');
    return hits[0] ?? (bySurname.length === 1 ? bySurname[0]! : null);
  };
}

/** The person a role noun stands for in an article ("the coach" → the person the article calls a coach), if exactly one. */
function personByRole(index: EntityIndex | undefined, article: Article, noun: string): Entity | null {
  if (!index) return null;
  const found = new Set<Entity>();
  for (const e of index.entities) {
    if (e.kind !== 'person') continue;
    for (const x of e.mentions) {
      const role = `${x.role ?? ''} ${x.apposition ?? ''} ${x.surface}`.toLowerCase();
      if (x.article.id === article.id && new RegExp(`\\b${esc(noun)}\\b`).test(role)) found.add(e);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** The person a reference ("the 79-year-old") stands for: the entity index's own link, else the one person named just before. */
function personReferredTo(index: EntityIndex | undefined, article: Article, sentenceIndex: number, at: number): Entity | null {
  if (!index) return null;
  const s = article.sentences[sentenceIndex]!;
  let best: { e: Entity; pos: number } | null = null;
  for (const e of index.entities) {
    if (e.kind !== 'person') continue;
    for (const x of e.mentions) {
      if (x.article.id !== article.id) continue;
      // The index ties "the 79-year-old" to its person by a descriptive mention at that very place.
      if (x.descriptive && x.sentence.id === s.id && Math.abs(x.start - at) <= 4) return e;
      if (x.descriptive || x.inQuote) continue;
      const si = article.sentences.findIndex((q) => q.id === x.sentence.id);
      const pos = x.sentence.start + x.start;
      if (si >= 0 && si <= sentenceIndex && sentenceIndex - si <= 3 && pos < s.start + at && (!best || pos > best.pos)) best = { e, pos };
    }
  }
  return best?.e ?? null;
}

/** "That number", "the total", "the toll": a figure named by the one before it. */
const FIGURE_ANAPHORA_RE = new RegExp(`\\b(?:that|this|the)\\s+(?:${FIGURE_NOUNS.join('|')})\\b`, 'gi');
/** Words saying the figure is a later value ("has since grown to", "now stands at"). */
const UPDATE_RE = new RegExp(`\\b(?:${[...UPDATE_WORDS, ...TREND_VERBS.flat()].map(esc).join('|')})\\b`, 'i');
const ANAPHOR_VERB_RE = new RegExp(`^\\s+(?:is|was|are|were|has|have|had|stood|stands|will|would|could|may|might|${[...UPDATE_WORDS, ...TREND_VERBS.flat()].map(esc).join('|')})\\b`, 'i');

/**
 * Whether the figure at `start` is named by an anaphor ("That number has since grown to roughly
 * 10,000", "the toll rose to 61"): the anaphor is its clause's subject, before it with no other
 * number between. `later` when the words between make it a later value ("since", "grown").
 */
export function figureAnaphor(text: string, start: number): { later: boolean } | null {
  const before = text.slice(0, start);
  const anaphor = [...before.matchAll(FIGURE_ANAPHORA_RE)].at(-1);
  if (!anaphor) return null;
  const between = before.slice(anaphor.index! + anaphor[0].length);
  // The anaphor is the clause's subject ("that number has …", "the toll rose …"), not a modifier ("the total cost").
  if (between.length > 60 || /[;:.!?]|\d/.test(between) || !ANAPHOR_VERB_RE.test(between)) return null;
  return { later: UPDATE_RE.test(between) };
}

/**
 * The count a figure without a noun speaks of again: "That number has since grown to roughly 10,000"
 * after "… carrying 4,500 troops" counts troops. The count is the last one of the sentence or the two before.
 */
function referredCount(text: string, r: FigureReading, earlier: FigureFact[]): { to: FigureFact; later: boolean } | null {
  if (r.kind !== 'number') return null;
  const anaphor = figureAnaphor(text, r.start);
  if (!anaphor) return null;
  const to = [...earlier].reverse().find((f) => f.kind === 'count' && f.noun);
  return to ? { to, later: anaphor.later } : null;
}

/** Read every figure of one article. `refDate` reads the stated dates of an undated article. */
export function articleFigures(article: Article, opts: BuildFiguresOptions = {}, refDate: string | null = article.date): FigureFact[] {
  const out: FigureFact[] = [];
  const person = personLookup(opts.entities);
  article.sentences.forEach((s, si) => {
    const readings = readFigures(s.text);
    if (!readings.length) return;
    const when = sentenceDate(s.text, article.date, refDate);
    // The counts an anaphor in this sentence may speak of: this sentence's and the two before it.
    const near = new Set(article.sentences.slice(Math.max(0, si - 2), si).map((x) => x.id));
    const recent = (at: number) => out.filter((f) => near.has(f.sentenceId) || (f.sentenceId === s.id && f.end <= at));
    const who = opts.attribution?.(s.text) ?? null;
    for (const r of readings) {
      let entity: Entity | null = null;
      let reading = r;
      if (r.kind === 'age') {
        if (r.holder && r.holderIsName) entity = person(r.holder);
        else if (r.holder) entity = personByRole(opts.entities, article, r.holder);
        // Only a bare "the 79-year-old" refers back to a person named before; "ages 11-16" is of many.
        if (!r.holder && r.valueHi === null) entity = personReferredTo(opts.entities, article, si, r.start);
        // "March, 12" or "Thailand, 13": a name that is no person gives no age — an age written out ("71-year-old",
        // "4-month-old", "6 years old") is one whoever the entity index takes the name for.
        if (r.holderIsName && !entity && opts.entities && !/(?:year|month|week)/i.test(r.text) && !/aged?/i.test(s.text.slice(Math.max(0, r.start - 6), r.start))) {
          reading = { ...r, kind: 'number', unit: null, holder: null, holderIsName: false, holderRole: null };
        }
      }
      const ref = referredCount(s.text, reading, recent(r.start));
      if (ref) reading = { ...reading, kind: 'count', noun: ref.to.noun, head: ref.to.head };
      out.push({
        ...reading,
        ...(ref ? { refersTo: ref.to.id, later: ref.later } : {}),
        id: `${s.id}@${r.start}`,
        articleId: article.id,
        sentenceId: s.id,
        when,
        who,
        entityId: entity?.id ?? null,
        entityName: entity?.name ?? null,
      });
    }
  });
  return out;
}

/** Every figure of a corpus: plain data for the persisted analysis. */
export function buildFigures(corpus: Corpus, opts: BuildFiguresOptions = {}): FiguresAnalysis {
  const latest = corpus.articles.reduce<string | null>((m, a) => (a.date && (!m || a.date > m) ? a.date : m), null);
  return { version: 1, figures: corpus.articles.flatMap((a) => articleFigures(a, opts, a.date ?? latest)) };
}

// --- questions engines ask of the figures ------------------------------------------------------

/** The figures of a kind held by an entity (by id) or a holder noun ("coach"). */
export function figuresHeldBy(analysis: FiguresAnalysis, kind: FigureKind, who: { entityId?: string | null; noun?: string | null }): FigureFact[] {
  const noun = who.noun ? lemma(who.noun.toLowerCase()) : null;
  return (holdersOf(analysis).get(kind) ?? [])
    .filter((h) => (who.entityId && h.f.entityId === who.entityId) || (noun && ((!h.f.holderIsName && h.holder === noun) || h.role === noun)))
    .map((h) => h.f);
}

/** Each kind's figures in corpus order with their holder's and role's dictionary forms, made once per figures analysis (a /who asks for ages on every call). */
const holderMemo = new WeakMap<FigureFact[], Map<FigureKind, { f: FigureFact; holder: string | null; role: string | null }[]>>();
function holdersOf(analysis: FiguresAnalysis): Map<FigureKind, { f: FigureFact; holder: string | null; role: string | null }[]> {
  let byKind = holderMemo.get(analysis.figures);
  if (!byKind) {
    byKind = new Map();
    const lemmaOf = (w: string | null) => (w ? lemma(w.toLowerCase()) : null);
    for (const f of analysis.figures) {
      const list = byKind.get(f.kind) ?? [];
      list.push({ f, holder: lemmaOf(f.holder), role: lemmaOf(f.holderRole) });
      byKind.set(f.kind, list);
    }
    holderMemo.set(analysis.figures, byKind);
  }
  return byKind;
}

/** Counts of a noun: figures whose counted noun's head is `head` (its dictionary form), optionally with a modifier ("power"). */
export function countsOf(analysis: FiguresAnalysis, head: string, modifiers: string[] = []): FigureFact[] {
  const h = lemma(head.toLowerCase());
  return analysis.figures.filter((f) => f.kind === 'count' && f.head === h && modifiers.every((m) => f.noun?.split(' ').includes(m)));
}

/** A figure's value as written for a reply ("25", "11 to 16", "$916 million"). */
export function figureValueText(f: FigureReading): string {
  const n = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en-US') : String(v));
  return f.valueHi !== null ? `${n(f.value)} to ${n(f.valueHi)}` : n(f.value);
}

const TO_BASE: Readonly<Record<string, number>> = {
  km: 1000, miles: 1609.344, 'nautical miles': 1852, m: 1, cm: 0.01, feet: 0.3048, yards: 0.9144, inches: 0.0254,
  mph: 0.44704, 'km/h': 1 / 3.6, knots: 0.514444, tonnes: 1000, kg: 1, lb: 0.45359237,
  seconds: 1, minutes: 60, hours: 3600, days: 86400, weeks: 604800, months: 2_629_800, years: 31_557_600, decades: 315_576_000,
};

/** The value in its kind's base unit (metres, kilograms, seconds, metres per second), so "5 miles" and "1,600 feet" compare. */
export function inBaseUnit(f: Pick<FigureReading, 'unit' | 'lo' | 'hi' | 'value'>): { value: number; lo: number; hi: number } {
  const k = (f.unit && TO_BASE[f.unit]) || 1;
  return { value: f.value * k, lo: f.lo * k, hi: f.hi * k };
}
