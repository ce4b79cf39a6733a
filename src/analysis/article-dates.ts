/**
 * When an article that carries no date line was written, from what its own text
 * states, and the span of the story the corpus tells (for dates given without a year).
 *
 * - The latest full date an article states about the past ("refloated on May 20, 2024")
 *   is a lower bound: it was written on or after that day. It is only a bound — a photo
 *   caption may be weeks older than the text around it — so it never dates a bare
 *   weekday by itself; it rules out windows that end before it, and it places the story
 *   in time when no article carries a date line.
 * - A date the article gives together with its weekday ("Monday, May 20, 2024",
 *   "on Sunday, June 18"), when the article also names that weekday on its own ("said
 *   Monday"), fixes the article to the six days after it: news calls a day by its bare
 *   weekday only within the week after it.
 * - A month-day written with its weekday ("Monday, July 9") takes the year, near the
 *   story, in which that day is that weekday.
 */
import type { Article, Sentence } from '../types.js';
import { type DateMention, type Ymd, addDays, parseYmd, weekdayOf, ymdToIso } from '../index/dates.js';
import { FUTURE_CUE_RE } from '../language/tense.js';
import { NUMBER_WORDS, QUALIFIER_RANGES, QUALIFIERS, WEEKDAYS } from '../language/lexicon/index.js';

/** A dated mention of one sentence. */
export interface SentenceMention {
  sentence: Sentence;
  mention: DateMention;
}

/** A date an article states with its weekday. */
export interface WeekdayDate {
  date: Ymd;
  sentence: Sentence;
  text: string;
}

/** What an undated article's own text says about when it was written. */
export interface ArticleDateEvidence {
  /** The latest full date it states about the past: it was written on or after it. */
  notBefore: { date: Ymd; text: string } | null;
  /** Dates it states with their weekday, in a clause about the past. */
  weekdayDates: WeekdayDate[];
  /** Weekdays it names on their own ("on Monday"), 0 = Sunday. */
  bareWeekdays: Set<number>;
  /** The day its wire dateline gives ("WASHINGTON, July 22 (Reuters) -"): the day it was filed. */
  dateline: { date: Ymd; text: string } | null;
}

/** Before a dateline's date, at the start of a paragraph: the place in capitals ("WASHINGTON, ", "CAIRO, Egypt, "). */
const DATELINE_PLACE_RE = /^\p{Lu}[\p{Lu}'’. -]{1,30}(?:,\s*\p{Lu}[\p{L}'’. -]{1,30})?,\s*$/u;
/** After it: the agency's credit and a dash, or the dash alone ("July 22 (Reuters) - ", "March 24 — "). */
const DATELINE_AFTER_RE = /^\s*(?:\(\p{Lu}[\p{L}.&'’ -]{0,30}\)\s*)?[-–—]+\s/u;

/** A date written as a wire dateline: at the start of one of the first paragraphs, after the place in capitals. */
export function isDateline(m: DateMention, s: Sentence): boolean {
  return s.index === 0 && s.paragraph <= 3 && DATELINE_PLACE_RE.test(s.text.slice(0, m.index)) && DATELINE_AFTER_RE.test(s.text.slice(m.index + m.text.length));
}

const WEEKDAY_FIRST_RE = new RegExp(`^(?:on\\s+)?(${WEEKDAYS.join('|')})\\b`);

/** The weekday a date phrase opens with ("Monday, May 20, 2024" → 1), or null. */
export function statedWeekday(m: DateMention): number | null {
  const w = WEEKDAY_FIRST_RE.exec(m.text)?.[1];
  return w ? WEEKDAYS.indexOf(w as (typeof WEEKDAYS)[number]) : null;
}

/** A clause that may speak of the future ("will reopen on June 3, 2024"): its date bounds nothing. */
const aboutFuture = (m: DateMention, s: Sentence) => m.future || m.direction === 'future' || FUTURE_CUE_RE.test(s.text);

/**
 * The year in which month/day falls on `weekday`, among the years of the story's dates
 * (and one either side); null when none or several fit.
 */
export function weekdayYear(month: number, day: number, weekday: number, story: Ymd[]): number | null {
  if (!story.length) return null;
  const years = story.map((r) => r.y);
  const fits: number[] = [];
  for (let y = Math.min(...years) - 1; y <= Math.max(...years) + 1; y++) {
    const d = { y, m: month, d: day };
    if (ymdToIso(d) === ymdToIso(addDays(d, 0)) && weekdayOf(d) === weekday) fits.push(y);
  }
  return fits.length === 1 ? fits[0]! : null;
}

/** What the article's own date mentions say about when it was written (`story`: for month-days with a weekday). */
export function articleDateEvidence(mentions: SentenceMention[], story: Ymd[] = []): ArticleDateEvidence {
  let notBefore: ArticleDateEvidence['notBefore'] = null;
  const weekdayDates: WeekdayDate[] = [];
  const bareWeekdays = new Set<number>();
  let dateline: ArticleDateEvidence['dateline'] = null;
  for (const { sentence, mention: m } of mentions) {
    if (m.kind === 'weekday' && !m.last) bareWeekdays.add(m.weekday!);
    if (m.kind !== 'full' && m.kind !== 'month-day') continue;
    if (!dateline && isDateline(m, sentence)) {
      const y = m.kind === 'full' ? m.year! : storyYear(m.month!, m.day!, story);
      const d = y === null ? null : parseYmd(ymdToIso({ y, m: m.month!, d: m.day! }));
      if (d && ymdToIso(addDays(d, 0)) === ymdToIso(d)) dateline = { date: d, text: m.text };
    }
    if (aboutFuture(m, sentence)) continue;
    const wd = statedWeekday(m);
    let date: Ymd | null = null;
    if (m.kind === 'full') date = parseYmd(ymdToIso({ y: m.year!, m: m.month!, d: m.day! }));
    else if (wd !== null) {
      const y = weekdayYear(m.month!, m.day!, wd, story);
      if (y !== null) date = { y, m: m.month!, d: m.day! };
    }
    if (!date || ymdToIso(addDays(date, 0)) !== ymdToIso(date)) continue;
    if (m.kind === 'full' && (!notBefore || ymdToIso(date) > ymdToIso(notBefore.date))) notBefore = { date, text: m.text };
    if (wd !== null && weekdayOf(date) === wd) weekdayDates.push({ date, sentence, text: m.text });
  }
  return { notBefore, weekdayDates, bareWeekdays, dateline };
}

/** A window of days an article was written in, and why. */
export interface DateWindow {
  lo: Ymd;
  hi: Ymd;
  reason: string;
}

/**
 * Windows from the article's own weekday dates: for each date whose weekday it also
 * names on its own, the six days after it. Intersected; null when there are none or they disagree.
 */
export function selfWindow(article: Article, ev: ArticleDateEvidence): DateWindow | null {
  const used = ev.weekdayDates.filter((w) => ev.bareWeekdays.has(weekdayOf(w.date)));
  if (!used.length) return null;
  const lo = used.map((w) => w.date).reduce((a, b) => (ymdToIso(b) > ymdToIso(a) ? b : a));
  const hi = used.map((w) => addDays(w.date, 6)).reduce((a, b) => (ymdToIso(b) < ymdToIso(a) ? b : a));
  if (ymdToIso(lo) > ymdToIso(hi)) return null;
  const w = used[0]!;
  return { lo, hi, reason: `it gives "${w.text}" and calls that day "${WEEKDAYS[weekdayOf(w.date)]}" on its own, which news does only within the week after it` };
}

/**
 * The dates that place the story in time: the dated articles' dates and, for undated
 * articles, the latest full date each states about the past — those far older than the
 * latest of them (a history, "opened on March 23, 1977") are left out.
 */
export function storyDates(dated: Ymd[], notBefore: Ymd[]): Ymd[] {
  const all = [...dated, ...notBefore];
  if (!all.length) return [];
  const latest = all.map(ymdToIso).sort().pop()!;
  const floor = ymdToIso(addDays(parseYmd(latest)!, -366));
  return [...dated, ...notBefore.filter((d) => ymdToIso(d) >= floor)];
}

/** The span a story's dates cover, widened (half a year before the first, a month after the last). */
function storySpan(refs: Ymd[]): [string, string, number[]] | null {
  if (!refs.length) return null;
  const iso = refs.map(ymdToIso).sort();
  const first = parseYmd(iso[0]!)!;
  const last = parseYmd(iso[iso.length - 1]!)!;
  return [ymdToIso(addDays(first, -183)), ymdToIso(addDays(last, 31)), [...new Set([first.y - 1, first.y, last.y, last.y + 1])]];
}

/** The only year in which month/day falls within the story's span (widened), or null. */
export function storyYear(month: number, day: number, refs: Ymd[]): number | null {
  const span = storySpan(refs);
  if (!span) return null;
  const [lo, hi, years] = span;
  const fits = years.filter((y) => {
    const d = ymdToIso({ y, m: month, d: day });
    return ymdToIso(addDays(parseYmd(d)!, 0)) === d && d >= lo && d <= hi;
  });
  return fits.length === 1 ? fits[0]! : null;
}

/** The only year in which a month (any of its days) overlaps the story's span (widened), or null. */
export function storyMonthYear(month: number, refs: Ymd[]): number | null {
  const span = storySpan(refs);
  if (!span) return null;
  const [lo, hi, years] = span;
  const fits = years.filter((y) => {
    const first = ymdToIso({ y, m: month, d: 1 });
    const last = ymdToIso(addDays({ y: month === 12 ? y + 1 : y, m: month === 12 ? 1 : month + 1, d: 1 }, -1));
    return last >= lo && first <= hi;
  });
  return fits.length === 1 ? fits[0]! : null;
}

/** A window narrowed to start no earlier than `notBefore`; null when it ends before it. */
export function boundWindow(w: DateWindow, notBefore: Ymd | null): DateWindow | null {
  if (!notBefore) return w;
  if (ymdToIso(w.hi) < ymdToIso(notBefore)) return null;
  return ymdToIso(w.lo) < ymdToIso(notBefore) ? { ...w, lo: notBefore } : w;
}

/** A span of time after an event a phrase names ("13 days after the wildfires …"): how many days after, and the phrase. */
export interface SpanAfter {
  /** The fewest and most days after the event the span allows. */
  lo: number;
  hi: number;
  /** What it is after ("the wildfires ravaged the western part of the island"). */
  phrase: string;
  /** The span as written ("13 days after"). */
  text: string;
}

/** Days in a unit; and how far news rounds a span in it when no qualifier says ("three weeks after" is 18–24 days). */
const SPAN_UNITS: Readonly<Record<string, { days: number; slack: number }>> = { day: { days: 1, slack: 0 }, week: { days: 7, slack: 3 }, month: { days: 30.44, slack: 4 } };

const SPAN_AFTER_RE = new RegExp(
  `\\b(?:(${QUALIFIERS.join('|')})\\s+)?(\\d{1,3}|an?|${Object.keys(NUMBER_WORDS).join('|')})\\s+(day|week|month)s?\\s+after\\s+([^,;:.!?()\\[\\]]{3,160})`,
  'i',
);

/**
 * "Biden arrived on Monday, 13 days after the wildfires ravaged the island", "visited on Thursday, nearly three weeks
 * after a disastrous train derailment": the days after the event the phrase names that the span allows (a qualifier's
 * range, lexicon QUALIFIER_RANGES; weeks and months rounded as news rounds them). Null when the sentence states none.
 */
export function spanAfter(text: string): SpanAfter | null {
  const m = SPAN_AFTER_RE.exec(text);
  if (!m) return null;
  const word = m[2]!.toLowerCase();
  const n = /^\d+$/.test(word) ? Number(word) : word === 'a' || word === 'an' ? 1 : NUMBER_WORDS[word]!;
  const unit = SPAN_UNITS[m[3]!.toLowerCase()]!;
  // A qualifier says how far from the figure ("nearly three weeks": 17–21 days); without one, news rounds.
  const [a, b] = m[1] ? QUALIFIER_RANGES[m[1].toLowerCase()]! : [1, 1];
  const slack = m[1] ? 0 : unit.slack;
  const days = n * unit.days;
  const lo = Math.max(0, Math.floor(days * a - slack));
  const hi = Math.ceil(Math.min(days * b, days + unit.days) + slack);
  return { lo, hi, phrase: m[4]!.trim(), text: m[0].slice(0, m[0].length - m[4]!.length).trim() };
}
