/**
 * The timeline's events, built once per corpus version by src/analysis (index.ts) and
 * persisted: every sentence that carries a date expression becomes an event, dated
 * against its own article's publication date. Undated articles keep their relative
 * dates unresolved unless a date can be inferred soundly — from a copy of the same
 * sentence in a dated article, or from an event they share with a dated article (the
 * inference is spelled out in the event's note). The same event told by several
 * articles is one entry with several tellings. /timeline filters and shows them.
 */
import type { Article, Corpus, DatePrecision, Sentence } from '../types.js';
import {
  type DateMention,
  type ResolvedDate,
  type Ymd,
  addDays,
  describeUnresolved,
  direction,
  findDateMentions,
  formatDate,
  parseYmd,
  resolveMention,
  weekdayOf,
  ymdToIso,
  CLAUSE_BREAK,
} from '../index/dates.js';
import { CALENDAR_WORDS, MONTHS } from '../language/lexicon/index.js';
import { fold, stem, terms } from '../language/tokenize.js';
import { quoteUnit } from './quote-span.js';
import { type DateWindow, type SpanAfter, articleDateEvidence, boundWindow, selfWindow, spanAfter, statedWeekday, storyDates, storyMonthYear, storyYear, weekdayYear } from './article-dates.js';

/** A dated mention in one sentence, before merging. */
interface RawEvent {
  article: Article;
  sentence: Sentence;
  mention: DateMention;
  resolved: ResolvedDate | null;
  background: boolean;
  note?: string;
  /** Dated only through the inferred window of its (undated) article. */
  inferred?: boolean;
  /** Context terms (sentence and neighbours) for matching the same event across articles. */
  context: Set<string>;
  /** Terms of the sentence itself (widened to its whole quotation). */
  own: Set<string>;
  /** The sentence folded for comparing copies. */
  norm: string;
}

// Date words say nothing about *which* event a sentence tells.
const DATE_WORDS = new Set([...CALENDAR_WORDS].map(stem));

function contextTerms(article: Article, s: Sentence): Set<string> {
  const para = article.paragraphs[s.paragraph]?.sentences ?? [s];
  const i = para.findIndex((x) => x.id === s.id);
  const window = para.slice(Math.max(0, i - 2), i + 3);
  return new Set(terms(window.map((x) => x.text).join(' ')).filter((t) => !DATE_WORDS.has(t) && !/^\d+$/.test(t)));
}

/** Article-level document frequencies, for weighting shared terms. */
function idfOf(corpus: Corpus): (t: string) => number {
  const df = new Map<string, number>();
  for (const a of corpus.articles) for (const t of new Set(terms(a.sentences.map((s) => s.text).join(' ')))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = corpus.articles.length;
  return (t) => Math.log((n + 1) / (df.get(t) ?? 1));
}

/** How strongly two contexts tell the same thing: summed weight of shared distinctive terms. */
function similarity(a: Set<string>, b: Set<string>, idf: (t: string) => number): number {
  let score = 0;
  let shared = 0;
  for (const t of a) {
    if (b.has(t)) {
      score += idf(t);
      shared++;
    }
  }
  return shared >= 3 ? score : 0;
}

/** Score above which two contexts are taken to tell the same event. */
const SAME_EVENT = 3;

/**
 * Two same-date mentions tell one event when their own sentences share enough
 * distinctive words; across articles, shared surroundings also count (one outlet
 * quotes the interview, the other paraphrases it). Within one article only the
 * sentences count: neighbouring paragraphs share a topic, not an event.
 */
function sameEvent(a: RawEvent, b: RawEvent, idf: (t: string) => number): boolean {
  let shared = 0;
  for (const t of a.own) if (b.own.has(t)) shared++;
  const ratio = shared / Math.max(1, Math.min(a.own.size, b.own.size));
  if (similarity(a.own, b.own, idf) >= SAME_EVENT && ratio >= 0.3) return true;
  return a.article.id !== b.article.id && similarity(a.context, b.context, idf) >= SAME_EVENT;
}

const normSentence = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** All events of a corpus, unfiltered (built once per corpus version by src/analysis). */
export interface TimelineBuild {
  events: MergedEvent[];
  /** Undated articles whose date window was inferred, with the reason. */
  inferred: Map<string, { lo: Ymd; hi: Ymd; reason: string }>;
}

/** One telling of an event: its sentence, and how its date was found. */
export interface EventMember {
  article: Article;
  sentence: Sentence;
  /** Dated only through the inferred window of its (undated) article. */
  inferred?: boolean;
  note?: string;
}

/** One event: every telling of the same thing on the same date. */
export interface MergedEvent {
  date: string | null;
  precision: DatePrecision;
  background: boolean;
  note?: string;
  members: EventMember[];
}

/** A date the timeline gives an event a sentence tells. */
export interface SentenceDate {
  date: string;
  precision: Exclude<DatePrecision, 'unknown'>;
  background: boolean;
}

/**
 * The dates the timeline gives each sentence's events, by sentence id (placed events only):
 * what "on Friday" or "this month" in that sentence means, read against its article's date —
 * so every command states the date the timeline states.
 */
export function datesBySentence(build: TimelineBuild): Map<string, SentenceDate[]> {
  const out = new Map<string, SentenceDate[]>();
  // One object per distinct date, precision and background, shared by the sentences that have it (readers
  // only read them): at 10,000 articles 227k sentences have a few thousand distinct ones.
  const same = new Map<string, SentenceDate>();
  for (const e of build.events) {
    if (!e.date || e.precision === 'unknown') continue;
    const key = `${e.date}\u0000${e.precision}\u0000${e.background}`;
    let d = same.get(key);
    if (!d) same.set(key, (d = { date: e.date, precision: e.precision, background: e.background }));
    for (const m of e.members) {
      const list = out.get(m.sentence.id);
      if (!list) out.set(m.sentence.id, [d]);
      else if (!list.some((x) => x.date === e.date)) list.push(d);
    }
  }
  return out;
}

/** The date expressions of one article's sentences (text only: the same for the same article text). */
export function dateMentionsOf(article: Article): { sentence: Sentence; mention: DateMention }[] {
  return article.sentences.flatMap((sentence) => findDateMentions(sentence.text).map((mention) => ({ sentence, mention })));
}

/** Days between an ISO day and a day. */
function daysApart(iso: string, d: Ymd): number {
  return Math.abs(Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${ymdToIso(d)}T00:00:00Z`)) / 86_400_000;
}

/**
 * The day a weekday names when its sentence says how long after an event it was ("Biden arrived on Monday, 13 days
 * after the wildfires ravaged the island"): the event is the earliest day the articles place an event on that shares
 * the most words with the phrase (what is told later is told after it), and the weekday must fall once, and only once,
 * in the span after it. The window it gives its article is the week the weekday is told in (told of the past).
 */
function dayAfter(after: SpanAfter, p: { article: Article; sentence: Sentence; mention: DateMention }, dayEvents: RawEvent[]): { lo: Ymd; hi: Ymd; day: string; reason: string } | null {
  if (direction(p.mention) === 'future') return null;
  const phrase = new Set(terms(after.phrase).filter((t) => !DATE_WORDS.has(t) && !/^\d+$/.test(t)));
  if (!phrase.size) return null;
  let best = 0;
  const scored: { e: RawEvent; n: number }[] = [];
  for (const e of dayEvents) {
    if (e.background || e.sentence.id === p.sentence.id) continue;
    let n = 0;
    for (const t of phrase) if (e.own.has(t)) n++;
    if (!n) continue;
    scored.push({ e, n });
    best = Math.max(best, n);
  }
  const anchor = scored.filter((x) => x.n === best).reduce<RawEvent | undefined>((a, x) => (!a || x.e.resolved!.date < a.resolved!.date ? x.e : a), undefined);
  if (!anchor) return null;
  const from = parseYmd(anchor.resolved!.date)!;
  const days: Ymd[] = [];
  for (let i = after.lo; i <= after.hi; i++) {
    const d = addDays(from, i);
    if (weekdayOf(d) === p.mention.weekday) days.push(d);
  }
  if (days.length !== 1) return null;
  const day = days[0]!;
  return {
    lo: day,
    hi: addDays(day, 6),
    day: ymdToIso(day),
    reason: `it tells of "${p.mention.text}" ${after.text} an event ${anchor.article.id} places on ${formatDate(anchor.resolved!.date, 'day')}`,
  };
}

/** A clause's terms that can tell which event it is (no date words, no bare numbers). */
const eventTerms = (text: string) => terms(text).filter((t) => !DATE_WORDS.has(t) && !/^\d+$/.test(t));

/** Words either side of a date phrase that can name what it dates. */
const NEAR_WORDS = 8;

/**
 * The terms that name what a date phrase dates: within its clause, the words either side of it ("the CrowdStrike
 * outage last week caused chaos"); after a possessive, the noun phrase it opens ("last month’s flood in Tarrow").
 * When the clause says little else ("State leaders said last month"), the clause after it counts too (what was said).
 */
function clauseTermsAround(text: string, start: number, end: number): Set<string> {
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((b) => [b.index!, b.index! + b[0].length] as const);
  let from = 0;
  for (const [, e] of breaks) if (e <= start) from = e;
  const after = breaks.filter(([b]) => b >= end).map(([b]) => b);
  const possessive = /^['’]s\b/.test(text.slice(end));
  const near = (to: number) => {
    const before = possessive ? [] : text.slice(from, start).split(/\s+/).filter(Boolean).slice(-NEAR_WORDS);
    const rest = text.slice(end, to).split(/\s+/).filter(Boolean).slice(0, NEAR_WORDS);
    return eventTerms([...before, ...rest].join(' '));
  };
  const own = near(after[0] ?? text.length);
  if (own.length >= 3 || !after.length) return new Set(own);
  return new Set(near(after[1] ?? text.length));
}

/** The window of days an article was written in, when it calls the period of a day "last week" or "last month". */
function writtenAfterPeriod(unit: 'week' | 'month', day: Ymd): { lo: Ymd; hi: Ymd } {
  if (unit === 'month') {
    const lo = day.m === 12 ? { y: day.y + 1, m: 1, d: 1 } : { y: day.y, m: day.m + 1, d: 1 };
    return { lo, hi: addDays(lo.m === 12 ? { y: lo.y + 1, m: 1, d: 1 } : { y: lo.y, m: lo.m + 1, d: 1 }, -1) };
  }
  // The week after the day's week, whether weeks are counted from Sunday or from Monday: both readings' days.
  const starts = [0, 1].map((first) => addDays(day, 7 - ((weekdayOf(day) - first + 7) % 7)));
  const [a, b] = starts.sort((x, y) => (ymdToIso(x) < ymdToIso(y) ? -1 : 1));
  return { lo: a!, hi: addDays(b!, 6) };
}

/**
 * The days an undated article was written in when it tells an event of "last week" or "last month" ("the outage
 * last week caused chaos", "the ship that blocked the canal last month") that other articles place on a day: the
 * period after that day's. The event is the earliest day event of another article sharing at least three of the
 * terms naming what the date dates (and a third of them).
 */
function lastPeriod(p: { article: Article; sentence: Sentence; mention: DateMention }, dayEvents: RawEvent[]): { lo: Ymd; hi: Ymd; reason: string } | null {
  const m = p.mention;
  // A sentence that gives its own full date ("… went missing last week, June 29, 2018") is dated by that.
  if (m.kind !== 'relative' || !m.last || findDateMentions(p.sentence.text).some((x) => x.kind === 'full')) return null;
  const unit = m.relPrecision === 'month' ? 'month' : m.relPrecision === 'unknown' && /\bweek\b/i.test(m.text) ? 'week' : null;
  if (!unit) return null;
  const clause = clauseTermsAround(p.sentence.text, m.index, m.index + m.text.length);
  for (const t of terms(m.text)) clause.delete(t);
  if (clause.size < 2) return null;
  // What is called "last week" is where the story of it starts: the earliest day another article tells it on.
  const need = Math.max(3, Math.ceil(clause.size / 3));
  let anchor: RawEvent | null = null;
  for (const e of dayEvents) {
    if (e.background || e.article.id === p.article.id) continue;
    let n = 0;
    for (const t of clause) if (e.own.has(t)) n++;
    if (n >= need && (!anchor || e.resolved!.date < anchor.resolved!.date)) anchor = e;
  }
  if (!anchor) return null;
  const e = anchor;
  const { lo, hi } = writtenAfterPeriod(unit, parseYmd(e.resolved!.date)!);
  return { lo, hi, reason: `it tells of "${m.text}" what ${e.article.id} places on ${formatDate(e.resolved!.date, 'day')}` };
}

/**
 * Every event of the corpus, merged across articles, unfiltered. Not cached here: see
 * src/analysis, which passes `mentionsOf` to reuse the date expressions of unchanged articles.
 */
export function buildEvents(corpus: Corpus, mentionsOf: (article: Article) => { sentence: Sentence; mention: DateMention }[] = dateMentionsOf): TimelineBuild {
  const idf = idfOf(corpus);
  const raw: RawEvent[] = [];
  const datedRefs = corpus.articles.map((a) => (a.date ? parseYmd(a.date) : null)).filter((x): x is Ymd => !!x);

  // 1. Dated articles first: their events anchor the undated ones.
  const pending: { article: Article; sentence: Sentence; mention: DateMention }[] = [];
  const mentionsByArticle = new Map(corpus.articles.map((a) => [a.id, mentionsOf(a)] as const));
  for (const article of corpus.articles) for (const { sentence, mention } of mentionsByArticle.get(article.id)!) pending.push({ article, sentence, mention });
  // What undated articles state about when they were written, and the dates that place the story.
  const undatedArticles = corpus.articles.filter((a) => !(a.date && parseYmd(a.date)));
  const bounds = undatedArticles.map((a) => articleDateEvidence(mentionsByArticle.get(a.id)!).notBefore?.date).filter((x): x is Ymd => !!x);
  const story = storyDates(datedRefs, bounds);
  const evidence = new Map(undatedArticles.map((a) => [a.id, articleDateEvidence(mentionsByArticle.get(a.id)!, story)] as const));
  const latestYear = story.length ? Math.max(...story.map((r) => r.y)) : null;
  const byText = new Map<string, { article: Article; ref: Ymd }[]>();
  for (const article of corpus.articles) {
    const ref = article.date ? parseYmd(article.date) : null;
    if (!ref) continue;
    for (const s of article.sentences) {
      const k = normSentence(s.text);
      if (k.length < 30) continue;
      const list = byText.get(k) ?? [];
      list.push({ article, ref });
      byText.set(k, list);
    }
  }

  const make = (p: (typeof pending)[number], resolved: ResolvedDate | null, note?: string, refYear?: number | null): RawEvent => {
    const yearRef = refYear ?? latestYear;
    // A year told before the story (or "ago", "last time") is background; so is a year counted back ("20 years ago").
    const background =
      (p.mention.kind === 'year' && (!!p.mention.tenure || yearRef === null || p.mention.year! < yearRef - 1 || /\blast time\b|\bago\b|\bhistory\b/i.test(p.sentence.text))) ||
      (p.mention.kind === 'relative' && resolved?.precision === 'year' && yearRef !== null && Number(resolved.date.slice(0, 4)) < yearRef - 1);
    let n = note;
    // A role's span ("the diplomat for X from 2018–2023") is background to the sentence, never the date of what it reports.
    if (p.mention.kind === 'year' && p.mention.yearTo) {
      const span = `${p.mention.year}–${p.mention.yearTo}`;
      n = [n, p.mention.tenure ? `tenure ${span}: background to the sentence, not the date of what it reports` : span].filter(Boolean).join('; ');
    }
    const own = new Set(terms(quoteUnit(p.article, p.sentence).map((x) => x.text).join(' ')).filter((t) => !DATE_WORDS.has(t) && !/^\d+$/.test(t)));
    return { ...p, resolved, background, ...(n ? { note: n } : {}), context: contextTerms(p.article, p.sentence), own, norm: normSentence(p.sentence.text) };
  };

  const storyNote = datedRefs.length ? 'year inferred from the dates of the other articles' : 'year inferred from the dates the articles give';
  /** A month-day's year from its stated weekday, else from the story's span (undated articles). */
  const ownYear = (p: (typeof pending)[number]): ResolvedDate | null => {
    if (p.mention.kind !== 'month-day') return null;
    const wd = statedWeekday(p.mention);
    const y = wd !== null ? weekdayYear(p.mention.month!, p.mention.day!, wd, story) : storyYear(p.mention.month!, p.mention.day!, story);
    return y === null ? null : resolveMention({ ...p.mention, kind: 'full', year: y }, null);
  };

  const inferred = new Map<string, { lo: Ymd; hi: Ymd; reason: string }>();
  const dated = pending.filter((p) => p.article.date && parseYmd(p.article.date));
  const undated = pending.filter((p) => !(p.article.date && parseYmd(p.article.date)));
  for (const p of dated) {
    const ref = parseYmd(p.article.date!)!;
    const r = resolveMention(p.mention, ref);
    const later = p.article.updated ? parseYmd(p.article.updated) : null;
    const u = later && r ? resolveMention(p.mention, later) : null;
    // Updated days later ("Published: Feb. 22 | Updated: Feb. 23"): the text may be of either day. A weekday told
    // reads as the nearer one to the day it was written on ("Thursday morning": that Thursday, not six days before).
    if (later && r && u && u.date !== r.date && u.precision === 'day' && r.precision === 'day' && daysApart(u.date, later) < daysApart(r.date, ref)) {
      raw.push(make(p, u, `read against its update of ${formatDate(p.article.updated!, 'day')}`, later.y));
      continue;
    }
    raw.push(make(p, r, r ? undefined : describeUnresolved(p.mention, ref), ref.y));
  }

  // 2. Windows for undated articles: a weekday event that a dated article pins to a
  // day with that same weekday fixes the article to within the following week (told in
  // the past), the week before (told as to come), or three days either side (present tense).
  // Undated articles' own explicit days (full dates, a month-day with its weekday or in the story's one year) anchor other undated articles too.
  const anchorsFromUndated = undated
    .filter((p) => p.mention.kind === 'full' || p.mention.kind === 'month-day')
    .map((p) => ({ p, r: resolveMention(p.mention, null) ?? ownYear(p) }))
    .filter((x): x is { p: (typeof undated)[number]; r: ResolvedDate } => x.r?.precision === 'day')
    .map(({ p, r }) => make(p, r));
  const dayEvents = [...raw.filter((e) => e.resolved?.precision === 'day'), ...anchorsFromUndated];
  const anchorsByArticle = new Map<string, { lo: Ymd; hi: Ymd; reason: string; mention: DateMention; day: string }[]>();
  const periodsByArticle = new Map<string, { lo: Ymd; hi: Ymd; reason: string }[]>();
  for (const p of undated) {
    const period = lastPeriod(p, dayEvents);
    if (period) periodsByArticle.set(p.article.id, [...(periodsByArticle.get(p.article.id) ?? []), period]);
  }
  for (const p of undated) {
    if (p.mention.kind !== 'weekday') continue;
    // "on Monday, 13 days after the wildfires ravaged the island": the one such weekday in the span after the event.
    const after = spanAfter(p.sentence.text);
    const pinned = after ? dayAfter(after, p, dayEvents) : null;
    if (pinned) {
      const list = anchorsByArticle.get(p.article.id) ?? [];
      list.push({ ...pinned, mention: p.mention });
      anchorsByArticle.set(p.article.id, list);
      continue;
    }
    const ctx = contextTerms(p.article, p.sentence);
    const pNorm = normSentence(p.sentence.text);
    // The best telling of each day: two tellings of one day do not compete, only another day does.
    const byDay = new Map<string, { e: RawEvent; score: number }>();
    for (const e of dayEvents) {
      const d = parseYmd(e.resolved!.date)!;
      if (weekdayOf(d) !== p.mention.weekday || e.article.id === p.article.id) continue;
      if (e.norm === pNorm) continue; // a copy is handled below
      const score = similarity(ctx, e.context, idf);
      const had = byDay.get(e.resolved!.date);
      if (!had || score > had.score) byDay.set(e.resolved!.date, { e, score });
    }
    let best: { e: RawEvent; score: number } | null = null;
    let second = 0;
    for (const x of byDay.values()) {
      if (!best || x.score > best.score) {
        second = best?.score ?? second;
        best = x;
      } else if (x.score > second) second = x.score;
    }
    if (best && best.score >= SAME_EVENT && best.score > second) {
      const d = parseYmd(best.e.resolved!.date)!;
      const list = anchorsByArticle.get(p.article.id) ?? [];
      const dir = direction(p.mention);
      const [from, to] = dir === 'future' ? [-7, -1] : dir === 'near' ? [-3, 3] : [0, 6];
      list.push({
        lo: addDays(d, from),
        hi: addDays(d, to),
        mention: p.mention,
        day: best.e.resolved!.date,
        reason: `it tells of an event "${p.mention.text}" that ${best.e.article.id} (${best.e.article.date ? `dated ${formatDate(best.e.article.date, 'day')}` : `"${best.e.mention.text}"`}) places on ${formatDate(best.e.resolved!.date, 'day')}`,
      });
      anchorsByArticle.set(p.article.id, list);
    }
  }
  for (const a of undatedArticles) {
    const ev = evidence.get(a.id)!;
    const anchors = [...(anchorsByArticle.get(a.id) ?? []), ...(periodsByArticle.get(a.id) ?? [])];
    let win: DateWindow | null = null;
    if (anchors.length) {
      const lo = anchors.reduce((m, x) => (ymdToIso(x.lo) > ymdToIso(m) ? x.lo : m), anchors[0]!.lo);
      const hi = anchors.reduce((m, x) => (ymdToIso(x.hi) < ymdToIso(m) ? x.hi : m), anchors[0]!.hi);
      if (ymdToIso(lo) <= ymdToIso(hi)) win = { lo, hi, reason: anchors[0]!.reason }; // else the anchors disagree
    }
    // The article's own weekday dates outrank another article's telling; both, when they agree.
    const self = selfWindow(a, ev);
    if (self) win = win && ymdToIso(win.lo) <= ymdToIso(self.hi) && ymdToIso(self.lo) <= ymdToIso(win.hi) ? { lo: ymdToIso(win.lo) > ymdToIso(self.lo) ? win.lo : self.lo, hi: ymdToIso(win.hi) < ymdToIso(self.hi) ? win.hi : self.hi, reason: self.reason } : self;
    // Never before the latest day the article itself tells of.
    win = win && boundWindow(win, ev.notBefore?.date ?? null);
    // A wire dateline ("WASHINGTON, July 22 (Reuters) -") says the day it was filed: that outranks any inference.
    if (ev.dateline) win = { lo: ev.dateline.date, hi: ev.dateline.date, reason: `its dateline reads "${ev.dateline.text}"` };
    if (win) inferred.set(a.id, win);
  }

  // Within an article's window, the reading of its bare weekdays that keeps the days it tells of closest together:
  // an article telling of "Friday's outage", a note sent "on Sunday" and the count "as of Saturday afternoon",
  // written in the week after that Friday, means the Saturday and Sunday after it, not those six days before it.
  // Only one reading may be closest; a tie leaves the days undecided.
  const writtenOn = new Map<string, Ymd | null>();
  const weekdaysOf = new Map<string, DateMention[]>();
  for (const p of undated) {
    if (p.mention.kind !== 'weekday') continue;
    const list = weekdaysOf.get(p.article.id);
    if (list) list.push(p.mention);
    else weekdaysOf.set(p.article.id, [p.mention]);
  }
  const nearestDay = (a: Article, win: DateWindow): Ymd | null => {
    if (writtenOn.has(a.id)) return writtenOn.get(a.id)!;
    const weekdays = weekdaysOf.get(a.id) ?? [];
    // A reading must keep the day another article fixed for one of them ("Thursday" = Thursday 25 July).
    const anchors = anchorsByArticle.get(a.id) ?? [];
    const readings = new Map<string, { d: Ymd; spread: number }>();
    for (let d = win.lo; ymdToIso(d) <= ymdToIso(win.hi); d = addDays(d, 1)) {
      const days = weekdays.map((m) => resolveMention(m, d)?.date ?? '');
      const key = days.join('|');
      if (readings.has(key) || days.includes('')) continue;
      if (anchors.some((x) => resolveMention(x.mention, d)?.date !== x.day)) continue;
      const sorted = [...days].sort();
      readings.set(key, { d, spread: sorted.length ? (Date.parse(sorted.at(-1)!) - Date.parse(sorted[0]!)) / 86_400_000 : 0 });
    }
    const ranked = [...readings.values()].sort((x, y) => x.spread - y.spread);
    const out = ranked.length && (ranked.length === 1 || ranked[0]!.spread < ranked[1]!.spread) ? ranked[0]!.d : null;
    writtenOn.set(a.id, out);
    return out;
  };

  // 3. Undated articles: a verbatim copy in a dated article, else the inferred window, else unresolved.
  for (const p of undated) {
    const fixed = resolveMention(p.mention, null);
    if (fixed) {
      raw.push(make(p, fixed));
      continue;
    }
    const copies = byText.get(normSentence(p.sentence.text));
    if (copies?.length) {
      const c = copies[0]!;
      const r = resolveMention(p.mention, c.ref);
      if (r) {
        raw.push(make(p, r, `${p.article.id} carries no date; the same sentence appears in ${c.article.id}, dated ${formatDate(ymdToIso(c.ref), 'day')}`, c.ref.y));
        continue;
      }
    }
    // "Monday, July 9": the year in which that day is a Monday.
    const own = p.mention.kind === 'month-day' && statedWeekday(p.mention) !== null ? ownYear(p) : null;
    if (own) {
      raw.push({ ...make(p, own, 'year inferred from its weekday', Number(own.date.slice(0, 4))), inferred: true });
      continue;
    }
    const win = inferred.get(p.article.id);
    if (win) {
      const results = new Set<string>();
      let last: ResolvedDate | null = null;
      for (let d = win.lo; ymdToIso(d) <= ymdToIso(win.hi); d = addDays(d, 1)) {
        const r = resolveMention(p.mention, d);
        results.add(r ? `${r.date}|${r.precision}` : 'none');
        last = r;
      }
      const span = formatSpan(win.lo, win.hi);
      if (results.size === 1 && last) {
        // The long explanation is said once (answer notes / meta.inferred); the event says only what was inferred.
        const what = p.mention.kind === 'month' || p.mention.kind === 'month-day' ? 'year inferred' : 'date inferred';
        raw.push({ ...make(p, last, what, win.lo.y), inferred: true });
        continue;
      }
      // (only within a week: a month or a year holds a closest reading of any weekdays in each of its weeks)
      const near = p.mention.kind === 'weekday' && daysApart(ymdToIso(win.lo), win.hi) <= 6 ? nearestDay(p.article, win) : null;
      const r = near ? resolveMention(p.mention, near) : null;
      if (r) {
        raw.push({ ...make(p, r, 'date inferred', win.lo.y), inferred: true });
        continue;
      }
      // "On 12 April" in an article of April: the reading the story's span allows, as without a window.
      const storyDay = p.mention.kind === 'month-day' ? storyYear(p.mention.month!, p.mention.day!, story) : null;
      if (storyDay !== null && results.has(`${ymdToIso({ y: storyDay, m: p.mention.month!, d: p.mention.day! })}|day`)) {
        raw.push({ ...make(p, { date: ymdToIso({ y: storyDay, m: p.mention.month!, d: p.mention.day! }), precision: 'day' }, storyNote, storyDay), inferred: true });
        continue;
      }
      // Every reading in one month: the day is not known, the month is ("Friday" in an article of September).
      const common = commonPeriod([...results]);
      if (common) {
        raw.push({ ...make(p, common, 'date inferred', win.lo.y), inferred: true });
        continue;
      }
      const options = [...results].filter((x) => x !== 'none').map((x) => formatDate(x.split('|')[0]!, x.split('|')[1] as DatePrecision));
      raw.push(make(p, null, `${describeUnresolved(p.mention)}${options.length ? ` (${options.join(' or ')}, depending on when in ${span} the article was written)` : ''}`));
      continue;
    }
    // "27 March" in an undated article of a story whose dated articles span a few months: the one
    // year that puts the day inside that span (half a year before the first, a month after the last).
    const year = p.mention.kind === 'month-day' ? storyYear(p.mention.month!, p.mention.day!, story) : null;
    if (year !== null) {
      raw.push({ ...make(p, { date: ymdToIso({ y: year, m: p.mention.month!, d: p.mention.day! }), precision: 'day' }, storyNote, year), inferred: true });
      continue;
    }
    // "In February" told of the past: the one year in which that month falls in the story's span (a plan's month may be a year on).
    const monthYear = p.mention.kind === 'month' && direction(p.mention) !== 'future' ? storyMonthYear(p.mention.month!, story) : null;
    if (monthYear !== null) {
      raw.push({ ...make(p, { date: `${monthYear}-${String(p.mention.month).padStart(2, '0')}`, precision: 'month' }, storyNote, monthYear), inferred: true });
      continue;
    }
    raw.push(make(p, null, describeUnresolved(p.mention)));
  }

  // 4. Merge: one event per (date, what happened). Several mentions in one sentence collapse too.
  const merged: (Omit<MergedEvent, 'members'> & { members: RawEvent[] })[] = [];
  // Buckets by date (and by sentence) keep merging near-linear on large corpora.
  const byDate = new Map<string, (typeof merged)[number][]>();
  const bySentence = new Map<string, (typeof merged)[number]>();
  const key = (e: RawEvent) => (e.resolved ? `${e.resolved.date}|${e.resolved.precision}` : 'unknown');
  for (const e of placedFirst(raw)) {
    // One sentence with two dates ("from 2018–2023", "on Nov. 1 and 2"): one event at its first date the
    // articles place; dates in other years ("a submarine in 2001, … the Costa Concordia in 2012") are events of their own,
    // and so are two days each told in a clause of its own ("…, which went missing on Sunday, …, Mauger said on Thursday").
    let target = bySentence.get(e.sentence.id);
    if (target && e.resolved && target.date && e.resolved.date.slice(0, 4) !== target.date.slice(0, 4)) target = undefined;
    else if (target && e.resolved?.precision === 'day' && target.precision === 'day' && target.date !== e.resolved.date && ownClause(e, target)) target = undefined;
    if (!target) {
      target = (byDate.get(key(e)) ?? []).find((m) =>
        m.members.some((x) => x.norm === e.norm || (e.resolved !== null && sameEvent(x, e, idf))),
      );
    }
    if (target) {
      target.members.push(e);
      // An unplaced mention beside a placed one ("last week … June 29, 2018") says nothing about the event's date.
      if (e.note && !target.note && !(e.inferred && target.members.some((x) => x.resolved && !x.note)) && !(target.date && !e.resolved)) target.note = e.note;
      // A dated article gives the date outright: an inference by another telling is moot.
      if (target.note && e.resolved && !e.note && target.members.some((x) => x.inferred && x.note === target!.note)) delete target.note;
      if (e.background) target.background = true;
    } else {
      target = { date: e.resolved?.date ?? null, precision: e.resolved?.precision ?? 'unknown', background: e.background, ...(e.note ? { note: e.note } : {}), members: [e] };
      merged.push(target);
      byDate.set(key(e), [...(byDate.get(key(e)) ?? []), target]);
    }
    bySentence.set(e.sentence.id, target);
  }
  // Only what answers read is kept: the term sets that decided the merging are dropped.
  const events: MergedEvent[] = merged.map((m) => ({
    ...m,
    members: m.members.map(({ article, sentence, inferred, note }) => ({ article, sentence, ...(inferred ? { inferred } : {}), ...(note !== undefined ? { note } : {}) })),
  }));
  return { events, inferred };
}

/**
 * The month that every reading of a date ("date|precision", or "none") falls in, when the readings are days or
 * months; null when one has none or they span months.
 */
function commonPeriod(readings: string[]): ResolvedDate | null {
  if (!readings.length || readings.some((x) => x === 'none')) return null;
  const parsed = readings.map((x) => x.split('|') as [string, DatePrecision]);
  if (parsed.some(([, pr]) => pr !== 'day' && pr !== 'month')) return null;
  const month = parsed[0]![0].slice(0, 7);
  return parsed.every(([d]) => d.slice(0, 7) === month) ? { date: month, precision: 'month' } : null;
}

/**
 * Is a day of a sentence told in a clause apart from the day its event already has there? Words
 * between the two date phrases (more than a conjunction: "on Nov. 1 and 2" is one telling).
 */
function ownClause(e: RawEvent, target: { date: string | null; members: RawEvent[] }): boolean {
  const other = target.members.find((x) => x.sentence.id === e.sentence.id && x.resolved?.date === target.date);
  if (!other) return false;
  const [a, b] = [other.mention, e.mention].sort((x, y) => x.index - y.index);
  const gap = e.sentence.text.slice(a!.index + a!.text.length, b!.index);
  return gap.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length > 3;
}

/**
 * Within each sentence, the mentions the articles place come before those they do not, so an
 * unplaced "last week" or "Tuesday" never hides the "June 29, 2018" or "(July 10)" beside it.
 * Otherwise the order is kept.
 */
function placedFirst(raw: RawEvent[]): RawEvent[] {
  const bySentence = new Map<string, RawEvent[]>();
  for (const e of raw) bySentence.set(e.sentence.id, [...(bySentence.get(e.sentence.id) ?? []), e]);
  const out: RawEvent[] = [];
  const done = new Set<string>();
  for (const e of raw) {
    if (done.has(e.sentence.id)) continue;
    done.add(e.sentence.id);
    const group = bySentence.get(e.sentence.id)!;
    out.push(...group.filter((x) => x.resolved), ...group.filter((x) => !x.resolved));
  }
  return out;
}

/** "2–8 November 2025", "30 October – 5 November 2025". */
export function formatSpan(lo: Ymd, hi: Ymd): string {
  const m = (x: Ymd) => MONTHS[x.m - 1];
  if (lo.y === hi.y && lo.m === hi.m && lo.d === hi.d) return `on ${lo.d} ${m(lo)} ${lo.y}`;
  if (lo.y === hi.y && lo.m === hi.m) return `${lo.d}–${hi.d} ${m(hi)} ${hi.y}`;
  if (lo.y === hi.y) return `${lo.d} ${m(lo)} – ${hi.d} ${m(hi)} ${hi.y}`;
  return `${lo.d} ${m(lo)} ${lo.y} – ${hi.d} ${m(hi)} ${hi.y}`;
}
