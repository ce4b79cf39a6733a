/**
 * Date expressions in article sentences. chrono-node finds and parses them; the
 * resolution against a reference (publication) date is ours, because news prose
 * has conventions chrono does not assume: a bare weekday or month in past-tense
 * reporting means the most recent one, "last July" is the July before, dotted
 * numeric dates are day-first, and bare years ("in 1983") are background.
 */
import { parseDates, type FoundDate } from '../language/dates.js';
import {
  AHEAD_WORDS, BACKWARD_DATE_PREPOSITIONS, CLAUSE_BREAK_WORDS, CLAUSE_VERBS, DATE_PREPOSITIONS, DAY_PARTS, DEICTIC_WORDS, EVENT_RELATIVE_WORDS, MONTH_ABBREVIATIONS, MONTH_CUES,
  MONTH_MODIFIERS, MONTHS, NOW_WORDS, NUMBER_UNITS, RELATIVE_DATE_WORDS, RELATIVE_DAYS, SPAN_WORDS, TENURE_WORDS, TIME_UNITS, VAGUE_TIME_AMOUNTS,
  WEEK_SPAN_WORDS, WEEKDAYS, YEAR_CUES, alternation, monthNumber, wordRe,
} from '../language/lexicon/index.js';
import { FUTURE_CUE_RE, PROSPECTIVE_VERBS, verbPhrases, type VerbPhrase } from '../language/tense.js';
import { lexTags } from '../language/word-tags.js';
import type { DatePrecision } from '../types.js';

/** A calendar day as numbers (month 1-12). */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export type MentionKind =
  | 'full' // year, month and day given
  | 'month-day' // "Oct. 24", "November 2"
  | 'month' // "In August", "last July"
  | 'month-year' // "August 2024"
  | 'year' // "in 1983", "2018–2023"
  | 'weekday' // "on Friday"
  | 'relative'; // "yesterday", "this month", "three days ago"

/** One date expression found in a text. */
export interface DateMention {
  /** Offset of the expression inside the text it was found in. */
  index: number;
  text: string;
  kind: MentionKind;
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday?: number;
  /** For a year range "2018–2023", the last year. */
  yearTo?: number;
  /**
   * The range describes someone's role or tenure ("the diplomat for X from
   * 2018–2023", "who served as … 2010 to 2014"): background, not the date of the
   * sentence's main event.
   */
  tenure?: boolean;
  /** "last July", "last Friday": strictly before the reference. */
  last?: boolean;
  /** The clause holding the date speaks of the future ("will meet on Friday"): resolve forwards. */
  future?: boolean;
  /**
   * Which way the date points from the article's own date, by the tense of the verb it belongs to:
   * reported past ("said on Thursday") looks back, future ("will meet on Friday") ahead, and a
   * present or conditional ("reopens Monday", "would resume Thursday") to the nearest such day.
   */
  direction?: Direction;
  /** Precision a relative expression resolves to. */
  relPrecision?: DatePrecision;
}

export type Direction = 'past' | 'future' | 'near';

/** A resolved date. */
export interface ResolvedDate {
  date: string;
  precision: Exclude<DatePrecision, 'unknown'>;
}

const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
/** Capitalised month abbreviations ("Oct", "Sept"): a lower-case "mar" or "may" is a word. */
const MONTH_ABBR = alternation(Object.keys(MONTH_ABBREVIATIONS).map(capital));
const MONTH_ABBR_DOT = new RegExp(`\\b(${MONTH_ABBR})\\.(?=\\s*\\d)`, 'g');
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/g;
const YEAR_RE = /(?<![\d$£€.,:/-])\b((?:1\d|20)\d{2})(?:\s*(?:[–—-]|\bto\b|\buntil\b|\bthrough\b)\s*((?:1\d|20)\d{2}))?\b(?![\d,.]?\d)(?!\s*(?:km|miles?|tons?|troops|people|%|percent|dollars))/g;
/** A length of time, not a point in it: "three months", "for two weeks", "several days". */
const TIME_AMOUNT = alternation([...Object.keys(NUMBER_UNITS), ...VAGUE_TIME_AMOUNTS]);
const DURATION_RE = new RegExp(`^(?:for\\s+)?(?:a|an|\\d+|${TIME_AMOUNT})\\s+(?:more\\s+)?(?:${alternation(TIME_UNITS)})s?$`, 'i');
/** Relative phrases counted from another event or spanning time, not from the article's date. */
const RELATIVE_TO_EVENT_RE = new RegExp(`\\b(?:${alternation(EVENT_RELATIVE_WORDS)})\\b(?!\\s+(?:this|${alternation(RELATIVE_DAYS)}|on\\s+\\w+day))`, 'i');
/** A bare year counts only after words that make it a date, not a quantity. */
const YEAR_CUE = new RegExp(`\\b(?:${alternation(YEAR_CUES)})\\s*$`, 'i');
/** Vague spans that are not points in time ("the past two weeks", "for weeks", "at the moment"). */
const SPAN = alternation(SPAN_WORDS);
const VAGUE_RE = new RegExp(
  `^(?:(?:the\\s+)?(?:${SPAN})\\s+(?:\\d+|${TIME_AMOUNT})\\s+\\w+|(?:the\\s+)?past\\s+(?:${alternation(TIME_UNITS)})|(?:${SPAN})\\s+(?:${alternation(TIME_UNITS)})s|this\\s+week|(?:at\\s+)?(?:${alternation(NOW_WORDS)})|this\\s+(?:${alternation(DAY_PARTS)}))$`,
  'i',
);

const MONTH_NAME = `(?:${alternation([...MONTHS, ...Object.keys(MONTH_ABBREVIATIONS).map(capital)])})`;
/**
 * A number of one to three digits after a month-day ("April 2, 12 ships",
 * "2 April 12 ships") or after "Month," ("In April, 12 ships") is a quantity,
 * not a year: a year is four digits (or an explicit 'YY). chrono reads it as 2012.
 */
const NOT_A_YEAR = [
  new RegExp(`\\b${MONTH_NAME}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(\\s*,?\\s*\\d{1,3})\\b(?![.,:]?\\d|['’])`, 'g'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}\\b\\.?(\\s*,?\\s*\\d{1,3})\\b(?![.,:]?\\d|['’])`, 'g'),
  new RegExp(`\\b${MONTH_NAME}\\b\\.?(\\s*,\\s*\\d{1,3})\\b(?![.,:]?\\d|['’])`, 'g'),
  new RegExp(`\\b${MONTH_NAME}\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?\\d{4}(\\s*,\\s*\\d{1,3})\\b(?![.,:]?\\d|['’])`, 'g'),
];
/** An explicit two-digit year with its apostrophe: "April 2, '24", "March '19". */
const APOSTROPHE_YEAR = new RegExp(`\\b(${MONTH_NAME})\\.?\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?['’](\\d{2})\\b`, 'g');
/** A clause with a finite verb tells an event; one without ("the longtime diplomat for X from …") describes someone. */
const CLAUSE_VERB_RE = new RegExp(`\\b(?:${alternation(CLAUSE_VERBS)}|\\p{Ll}+ed)\\b`, 'u');
const TENURE_CUE_RE = new RegExp(`\\b(?:${alternation(TENURE_WORDS)}|as\\s+(?:the\\s+)?\\p{Ll}+)\\b`, 'u');

/** Words and marks that end one clause and open another between a verb and a date. */
/** Marks and words that end one clause and open another (global: read with matchAll, or reset lastIndex). */
export const CLAUSE_BREAK = new RegExp(`[;:()“”"]|[—–]|\\s-\\s|,|\\b(?:${alternation(CLAUSE_BREAK_WORDS)})\\b`, 'gi');
/** Words in the date's own clause that make it a coming day ("the next hearing", "the upcoming vote"). */
const AHEAD_RE = wordRe(AHEAD_WORDS);
/** "since Friday": a date only the past can hold. */
const BACKWARD_RE = new RegExp(`(?:^|\\s)(?:${alternation(BACKWARD_DATE_PREPOSITIONS)})\\s+(?:\\S+\\s*)?$|^(?:${alternation(BACKWARD_DATE_PREPOSITIONS)})\\s`, 'i');
const DATE_PREPOSITION_RE = new RegExp(`^(?:${alternation(DATE_PREPOSITIONS)})\\s+`, 'i');
const WEEK_SPAN_RE = new RegExp(`^(?:${alternation(WEEK_SPAN_WORDS)})\\s+week$`, 'i');
const RELATIVE_DATE_RE = wordRe(RELATIVE_DATE_WORDS);
const DEICTIC = alternation(DEICTIC_WORDS);
const THIS_MONTH_RE = new RegExp(`\\b(?:${DEICTIC})\\s+month\\b`, 'i');
const THIS_YEAR_RE = new RegExp(`\\b(?:${DEICTIC})\\s+year\\b`, 'i');
const MONTH_MODIFIER_RE = new RegExp(`^(?:${alternation(MONTH_MODIFIERS)})-?\\s*`, 'i');
const MONTH_CUE_RE = new RegExp(`\\b(?:${alternation(MONTH_CUES)})\\s*-?\\s*$`, 'i');

/**
 * Which way a date points, from the verb it belongs to: the nearest tensed verb, counting
 * a clause break between them as farther than any distance inside the clause. Infinitives
 * ("to sail") take their time from the verb they follow ("is expected to sail"), so they are skipped.
 */
function directionOf(text: string, start: number, end: number, verbs: VerbPhrase[]): Direction {
  let best: { v: VerbPhrase; cost: number } | null = null;
  for (const v of verbs) {
    if (v.infinitive || (v.start >= start && v.end <= end)) continue;
    // A phrasal verb may take the date's preposition ("were switched on" + "on Saturday"): no gap then.
    const gap = v.end <= start ? text.slice(v.end, start) : v.start >= end ? text.slice(end, v.start) : '';
    const breaks = gap.match(CLAUSE_BREAK)?.length ?? 0;
    const cost = breaks * 1000 + gap.length;
    if (!best || cost < best.cost) best = { v, cost };
  }
  if (!best) return 'past';
  const { v } = best;
  if (v.tense === 'future') return 'future';
  // "hoped to refloat it by Saturday", "was due to sail on Wednesday": a plan told in the past may be still to come.
  if (v.tense === 'past') return PROSPECTIVE_VERBS.has(v.lemma) ? 'near' : 'past';
  if (PROSPECTIVE_VERBS.has(v.lemma)) return v.conditional ? 'near' : 'future';
  // The date's own clause, from its last break before the verb or the date up to the date: "The next hearing is on Friday".
  const from = Math.min(v.start, start);
  let clauseStart = 0;
  for (const b of text.slice(0, from).matchAll(CLAUSE_BREAK)) clauseStart = b.index! + b[0].length;
  if (AHEAD_RE.test(text.slice(clauseStart, Math.max(v.end, end)))) return 'future';
  return 'near';
}

/**
 * The clause holding a date: between the clause breaks around it, widened by the next
 * clause when it holds little else ("On Thursday, the company said …", "By Saturday, officials hope …").
 */
function clauseAround(text: string, start: number, end: number): [number, number] {
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((b) => [b.index!, b.index! + b[0].length] as const);
  let from = 0;
  for (const [, e] of breaks) if (e <= start) from = e;
  const after = breaks.filter(([b]) => b >= end);
  let to = after[0]?.[0] ?? text.length;
  const words = `${text.slice(from, start)} ${text.slice(end, to)}`.trim().split(/\s+/).filter(Boolean).length;
  if (words < 3 && after.length) to = after[1]?.[0] ?? text.length;
  // "… urges the CEO to schedule a hearing with a subcommittee - the Subcommittee on … - by Wednesday.": a date
  // closing the sentence on its own, after a set-off phrase, belongs to the clause before that phrase.
  else if (words < 3) from = 0;
  return [from, to];
}

/** Blank a range of a string, keeping offsets. */
function mask(s: string, start: number, end: number): string {
  return s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);
}

const NOT_NOUN_TAGS = ['Verb', 'Conjunction', 'Preposition', 'Determiner', 'Adverb', 'Pronoun', 'QuestionWord'];
/** The text after a number opens with a lowercase noun (or a word the lexicon does not know, mostly nouns): the number counts it. */
function countedNoun(after: string): boolean {
  const w = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(after)?.[1];
  if (!w) return false;
  const tags = lexTags(w);
  return !NOT_NOUN_TAGS.some((t) => tags.has(t));
}

/** All date expressions in a sentence. Never throws; returns [] for text without dates. */
export function findDateMentions(text: string): DateMention[] {
  const out: DateMention[] = [];
  // The verb parse is the slow part: only the date's own clause is parsed, and only when it
  // could speak of the future ("said on Thursday that it will …" parses nothing for Thursday).
  const parsed = new Map<string, VerbPhrase[]>();
  const directionAt = (at: number, len: number): Direction => {
    const [from, to] = clauseAround(text, at, at + len);
    const region = text.slice(from, to);
    if (!FUTURE_CUE_RE.test(region)) return 'past';
    const key = `${from}:${to}`;
    let verbs = parsed.get(key);
    if (!verbs) {
      verbs = verbPhrases(region).map((v) => ({ ...v, start: v.start + from, end: v.end + from }));
      parsed.set(key, verbs);
    }
    return directionOf(text, at, at + len, verbs);
  };
  // chrono reads "Oct. 24" as October 2024; the dot is a period of abbreviation here.
  let work = text.replace(MONTH_ABBR_DOT, '$1 ');
  for (const re of NOT_A_YEAR) {
    for (const m of work.matchAll(re)) {
      const at = m.index! + m[0].length - m[1]!.length;
      work = mask(work, at, m.index! + m[0].length);
    }
  }
  for (const m of work.matchAll(APOSTROPHE_YEAR)) {
    const yy = Number(m[3]);
    // 'YY: the nearest century that keeps it out of the far future (news rarely says '49 for 2049).
    const year = yy <= 49 ? 2000 + yy : 1900 + yy;
    const month = monthNumber(m[1]!)!;
    const t = text.slice(m.index!, m.index! + m[0].length);
    if (m[2]) out.push({ index: m.index!, text: t, kind: 'full', year, month, day: Number(m[2]) });
    else out.push({ index: m.index!, text: t, kind: 'month-year', year, month });
    work = mask(work, m.index!, m.index! + m[0].length);
  }

  // Dotted numeric dates are day-first (European style): 5.11.2025 is 5 November.
  for (const m of work.matchAll(DOTTED)) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      out.push({ index: m.index!, text: text.slice(m.index!, m.index! + m[0].length), kind: 'full', year: Number(m[3]), month: mo, day: d });
    }
    work = mask(work, m.index!, m.index! + m[0].length);
  }

  // Fixed reference: only the components the text states are used, never chrono's implied ones.
  const results: FoundDate[] = parseDates(work, new Date(Date.UTC(2000, 0, 1, 12)), { timezone: 0 });
  for (const r of results) {
    // Masked quantities leave blanks inside chrono's match: the phrase ends at its last parsed character.
    const raw = text.slice(r.index, r.index + r.text.trimEnd().length);
    const phrase = raw.replace(/[,.;:]+$/, '').trim();
    const bare = phrase.replace(DATE_PREPOSITION_RE, '');
    if (VAGUE_RE.test(bare) || DURATION_RE.test(bare)) continue;
    // "Two hours later", "nine days after", "the next day", "earlier in the day", "within 24 hours": counted
    // from another event (or a span), not from when the article was written.
    if (r.relative && (RELATIVE_TO_EVENT_RE.test(phrase) || RELATIVE_TO_EVENT_RE.test(text.slice(Math.max(0, r.index - 10), r.index)))) continue;
    const s = r.stated;
    // A year is only stated by four digits (a 'YY was taken above); relative phrases carry theirs implicitly.
    const yearStated = /\b\d{4}\b/.test(raw) || !/\d/.test(raw) || r.relative;
    const known = (c: keyof typeof s) => s[c] !== undefined && (c !== 'year' || yearStated);
    const before = text.slice(Math.max(0, r.index - 12), r.index);
    const last = /\blast\s*$/i.test(before) || /^last\s/i.test(bare);
    const base = { index: r.index, text: phrase, future: false, last };
    // Only a date without its year or week needs a direction (the verb parse is the slow part).
    const directed = () => {
      const direction: Direction = last || BACKWARD_RE.test(before) || BACKWARD_RE.test(phrase) ? 'past' : directionAt(r.index, raw.length);
      return { ...base, future: direction === 'future', direction };
    };
    if (known('year') && known('month') && known('day')) {
      // "last week", "next week" are spans, not days: kept as events whose day the text does not give.
      if (WEEK_SPAN_RE.test(bare)) {
        out.push({ ...base, kind: 'relative', relPrecision: 'unknown' });
        work = mask(work, r.index, r.index + r.text.length);
        continue;
      }
      const rel = r.relative || RELATIVE_DATE_RE.test(bare);
      if (rel) out.push({ ...base, kind: 'relative', relPrecision: 'day' });
      else out.push({ ...base, kind: 'full', year: s.year!, month: s.month!, day: s.day! });
    } else if (known('month') && known('day')) {
      out.push({ ...directed(), kind: 'month-day', month: s.month!, day: s.day! });
    } else if (known('month') && known('year')) {
      if (r.relative || THIS_MONTH_RE.test(bare)) out.push({ ...base, kind: 'relative', relPrecision: 'month' });
      else out.push({ ...base, kind: 'month-year', year: s.year!, month: s.month! });
    } else if (known('month')) {
      // A lone month name must be capitalised and cued ("in May", "last March"), or it is the verb/modal.
      const name = bare.replace(MONTH_MODIFIER_RE, '');
      if (!/^\p{Lu}/u.test(name)) continue;
      const pre = text.slice(Math.max(0, r.index - 16), r.index) + phrase.slice(0, phrase.length - name.length);
      if (!last && !MONTH_CUE_RE.test(pre)) continue;
      out.push({ ...directed(), kind: 'month', month: s.month! });
    } else if (known('weekday') && !known('day')) {
      if (/weekend/i.test(bare)) continue;
      const wd = s.weekday!;
      if (!new RegExp(`\\b${WEEKDAYS[wd]}\\b`).test(raw)) continue; // capitalised weekday only
      out.push({ ...directed(), kind: 'weekday', weekday: wd });
    } else if (known('year') && !known('month')) {
      if (r.relative || THIS_YEAR_RE.test(bare)) out.push({ ...base, kind: 'relative', relPrecision: 'year' });
    }
    work = mask(work, r.index, r.index + r.text.length);
  }

  // Bare years chrono leaves alone: "was in 1983", "from 2018–2023".
  for (const m of work.matchAll(YEAR_RE)) {
    if (!YEAR_CUE.test(work.slice(Math.max(0, m.index! - 12), m.index!))) continue;
    const y = Number(m[1]);
    // Before 1500 a number like a year is more often a count ("to 1200 homes"): a year only when no noun follows it.
    if (y < 1500 && countedNoun(work.slice(m.index! + m[0].length))) continue;
    const y2 = m[2] ? Number(m[2]) : undefined;
    const range = y2 !== undefined && y2 > y;
    // The clause holding the range: from the last comma, dash, parenthesis or clause start.
    const parts = text.slice(0, m.index!).split(/[,;(—–]|\bwho\b/);
    const clause = parts.pop() ?? '';
    // An apposition describing someone ("…, the longtime diplomat for X from 2018–2023,"): set off by a
    // delimiter, with a noun phrase of its own and no finite verb. "In 2019–2020, prices rose" is not one.
    const described = parts.length > 0 && clause.replace(/\b(?:from|in|between|during|of)\s*$/i, '').trim().split(/\s+/).filter(Boolean).length >= 2 && !CLAUSE_VERB_RE.test(clause);
    const tenure = range && (TENURE_CUE_RE.test(clause) || described);
    out.push({ index: m.index!, text: m[0], kind: 'year', year: y, ...(range ? { yearTo: y2 } : {}), ...(tenure ? { tenure: true } : {}) });
  }
  return out.sort((a, b) => a.index - b.index);
}

// --- calendar arithmetic (UTC, no time zones: these are calendar days) -----------

export function parseYmd(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}
export function ymdToIso(x: Ymd): string {
  return `${String(x.y).padStart(4, '0')}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
}
function toUtc(x: Ymd): number {
  return Date.UTC(x.y, x.m - 1, x.d);
}
function fromUtc(ms: number): Ymd {
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
export function addDays(x: Ymd, n: number): Ymd {
  return fromUtc(toUtc(x) + n * 86_400_000);
}
export function weekdayOf(x: Ymd): number {
  return new Date(toUtc(x)).getUTCDay();
}
function validDay(y: number, m: number, d: number): boolean {
  const t = fromUtc(Date.UTC(y, m - 1, d));
  return t.y === y && t.m === m && t.d === d;
}

/** A mention's direction; mentions built by hand may give only `future`. */
export function direction(m: DateMention): Direction {
  return m.last ? 'past' : m.direction ?? (m.future ? 'future' : 'past');
}

/**
 * Resolve a mention against a reference day (the article's publication date), or
 * null when it cannot be resolved without one (or at all).
 */
export function resolveMention(m: DateMention, ref: Ymd | null): ResolvedDate | null {
  switch (m.kind) {
    case 'full':
      return validDay(m.year!, m.month!, m.day!) ? { date: ymdToIso({ y: m.year!, m: m.month!, d: m.day! }), precision: 'day' } : null;
    case 'month-year':
      return { date: `${m.year}-${String(m.month).padStart(2, '0')}`, precision: 'month' };
    case 'year':
      return { date: String(m.year), precision: 'year' };
    case 'month-day': {
      if (!ref) return null;
      // The article's year; the year before only when a past event would otherwise land well after
      // publication (a week's slack for "on Nov. 6" written late on the 5th), the year after only
      // for a future one that would land months before it.
      let y = ref.y;
      const cand = (yy: number) => ({ y: yy, m: m.month!, d: m.day! });
      const dir = direction(m);
      const at = toUtc(cand(y));
      if (dir === 'future' && at < toUtc(addDays(ref, -60))) y += 1;
      else if (dir === 'past' && at > toUtc(addDays(ref, 7))) y -= 1;
      else if (dir === 'near' && at > toUtc(addDays(ref, 183))) y -= 1;
      else if (dir === 'near' && at < toUtc(addDays(ref, -183))) y += 1;
      if (!validDay(y, m.month!, m.day!)) return null;
      // A sentence about the past does not tell of a day after its own article.
      if (dir === 'past' && toUtc(cand(y)) > toUtc(ref)) return null;
      return { date: ymdToIso(cand(y)), precision: 'day' };
    }
    case 'month': {
      if (!ref) return null;
      let y = ref.y;
      const dir = direction(m);
      if (dir === 'future') {
        if (m.month! < ref.m) y += 1;
      } else if (dir === 'past' && (m.last ? m.month! >= ref.m : m.month! > ref.m)) y -= 1;
      return { date: `${y}-${String(m.month).padStart(2, '0')}`, precision: 'month' };
    }
    case 'weekday': {
      if (!ref) return null;
      const diff = (weekdayOf(ref) - m.weekday! + 7) % 7;
      const dir = direction(m);
      if (dir === 'future') {
        // "is expected to arrive on Wednesday" in a Wednesday paper is that day; next week would say "next".
        const fwd = (m.weekday! - weekdayOf(ref) + 7) % 7;
        return { date: ymdToIso(addDays(ref, fwd)), precision: 'day' };
      }
      // "reopens Monday", "would resume Thursday": the nearest such day, up to three days either way.
      if (dir === 'near' && diff > 3) return { date: ymdToIso(addDays(ref, 7 - diff)), precision: 'day' };
      // "said on Thursday" in a Thursday paper is that day; "on Friday" in a Sunday paper two days back;
      // "last Sunday" in a Sunday paper a week back.
      const back = m.last && diff === 0 ? 7 : diff;
      return { date: ymdToIso(addDays(ref, -back)), precision: 'day' };
    }
    case 'relative': {
      if (!ref || m.relPrecision === 'unknown') return null;
      const s = parseDates(m.text, new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12)), { timezone: 0 })[0]?.resolved;
      if (!s) return null;
      if (m.relPrecision === 'year') return { date: String(s.year), precision: 'year' };
      if (m.relPrecision === 'month') return { date: `${s.year}-${String(s.month).padStart(2, '0')}`, precision: 'month' };
      return { date: ymdToIso({ y: s.year, m: s.month, d: s.day }), precision: 'day' };
    }
  }
}

/** A human phrase for a mention that could not be resolved: "a Tuesday, date not given". */
export function describeUnresolved(m: DateMention, ref: Ymd | null = null): string {
  switch (m.kind) {
    case 'weekday':
      return `a ${WEEKDAYS[m.weekday!]}, date not given`;
    case 'month-day':
      if (ref && direction(m) === 'past') return `${m.day} ${MONTHS[m.month! - 1]}: told in the past tense, yet after the article's own date (${formatDate(ymdToIso(ref), 'day')})`;
      return `${m.day} ${MONTHS[m.month! - 1]}, year not given`;
    case 'month':
      return `${m.last ? 'the previous ' : ''}${MONTHS[m.month! - 1]}, year not given`;
    case 'relative':
      if (m.relPrecision === 'unknown') return ref ? `${m.text}: the week ${/^(?:next|coming)/i.test(m.text) ? 'after' : 'before'} ${formatDate(ymdToIso(ref), 'day')}` : `${m.text}, date not given`;
      return `"${m.text}", and the article carries no date`;
    default:
      return `"${m.text}", date not given`;
  }
}

/** "2025-10-31" → "Friday 31 October 2025"; "2025-08" → "August 2025". */
export function formatDate(date: string, precision: DatePrecision): string {
  if (precision === 'day') {
    const x = parseYmd(date);
    if (x) return `${WEEKDAYS[weekdayOf(x)]} ${x.d} ${MONTHS[x.m - 1]} ${x.y}`;
  }
  if (precision === 'month') {
    const [y, mo] = date.split('-');
    return `${MONTHS[Number(mo) - 1]} ${y}`;
  }
  return date;
}

export { MONTHS, WEEKDAYS };
