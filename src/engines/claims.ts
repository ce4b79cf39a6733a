/**
 * Claim analysis for /verify (and, via `corroboration`, /ask): a user's claim cleaned,
 * its figures, years, dates and percentages, scoped negation, opposite words, and how
 * many independent articles say the same thing. The rules /compare and the digest share
 * with it (hedges, reports and denials; when two figures are the same quantity; article
 * labels) live on the analysis layer (src/analysis/stance.ts, figure-relations.ts,
 * corpus-text.ts) and are re-exported here.
 */
import type { Deps } from '../deps.js';
import { parseDates, type DateParts } from '../language/dates.js';
import {
  BOUND_DIRECTIONS,
  MONTH_PATTERN, NEGATION_CUES, NUMBER_TENS, NUMBER_UNITS, WEEKDAY_PATTERN, alternation, denialForms,
} from '../language/lexicon/index.js';
import { antonymsOf, canonical, synonymsOf } from '../language/synonyms.js';
import { STOPWORDS, fold, terms, words } from '../language/tokenize.js';
import type { Article, Corpus, Sentence } from '../types.js';
import { formatDate } from '../index/dates.js';
import type { SentenceDate } from '../analysis/events.js';
import { attributionOf, extractFigures, type Figure } from '../analysis/digest-figures.js';
import { analysisOf } from '../analysis/index.js';
import { sameQuantity } from '../analysis/figure-relations.js';

// Moved to the analysis layer (one detector of disagreements for /compare and the digest); re-exported for /verify.
export { denialOf, hedgeOf, isNonConfirmation, isReport, reportedHedgeOf, type Hedge } from '../analysis/stance.js';
export { differentTimes, figureGroup, sameQuantity } from '../analysis/figure-relations.js';
export { articleLabel, clip, distinctiveQuery, nearDuplicates, sentenceTerms } from '../analysis/corpus-text.js';


// ---------------------------------------------------------------------------
// Cleaning user input

/**
 * Strip what is chat furniture rather than claim: Discord mentions, markdown
 * emphasis, links, code fences, quote/heading markers. The words stay.
 */
export function cleanClaim(text: string): string {
  return text
    .replace(/<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>/g, ' ')
    .replace(/(^|\s)@(everyone|here)\b/gi, ' ')
    .replace(/(^|\s)@[\w.]{2,32}/g, ' ')
    .replace(/```[a-z]*\n?|```/gi, ' ')
    .replace(/\[([^\]]*)\]\((?:[^)]*)\)/g, '$1')
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/(\*\*|__|~~|\|\||`)/g, '')
    .replace(/(^|\s)[*_]+(?=\S)|(?<=\S)[*_]+(?=\s|$|[.,;:!?])/g, '$1')
    .replace(/(^|\n)\s*(?:>+|#{1,6}|-#)\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------
// Hedges, reports, denials, negation


const NEG_RE = new RegExp(
  `\\b(?:not(?! only\\b| (?:yet )?(?:known|clear|certain|sure)\\b)|${alternation([...NEGATION_CUES, ...denialForms({ strong: true, forms: ['base', 's', 'past'] })])})\\b|n['’]t\\b`,
  'gi',
);

/** True when a text contains any negation cue (used for short claims, where scope is the whole claim). */
export function hasNegation(text: string): boolean {
  NEG_RE.lastIndex = 0;
  return NEG_RE.test(text);
}

/** The terms each negation cue governs: the first `window` terms after it, up to a quotation or clause boundary. */
function negationScopes(text: string, window: number): string[][] {
  const out: string[][] = [];
  NEG_RE.lastIndex = 0;
  for (const m of text.matchAll(NEG_RE)) {
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 160);
    // A quotation or clause boundary ends the scope.
    const clause = after.split(/[.;:!?]|,\s*(?:but|and|while|though|although)\b/)[0] ?? '';
    out.push(terms(clause).slice(0, window));
  }
  return out;
}

/**
 * Content terms of `text` that fall under a negation cue: the next few content
 * words after "not", "denied", "yet to"… ("did not confirm the report" negates
 * confirm and report). Scope-limited so "Maduro is not waiting around" does not
 * negate everything else in the sentence.
 */
export function negatedTerms(text: string, window = 6): Set<string> {
  return new Set(negationScopes(text, window).flat());
}

/**
 * The terms a text writes only inside a negation's scope: "lambasted Biden for not yet visiting himself" negates
 * "visiting", but a sentence that also says "Trump's Wednesday visit" says the visit plainly — that word is not negated.
 */
export function negatedOnlyTerms(text: string, window = 6): Set<string> {
  const inScope = new Map<string, number>();
  for (const t of negationScopes(text, window).flat()) inScope.set(t, (inScope.get(t) ?? 0) + 1);
  const all = new Map<string, number>();
  for (const t of terms(text)) all.set(t, (all.get(t) ?? 0) + 1);
  return new Set([...inScope].filter(([t, n]) => n >= (all.get(t) ?? 0)).map(([t]) => t));
}

// ---------------------------------------------------------------------------
// Figures and years


function pseudoArticle(text: string): Article {
  const s: Sentence = { id: 'claim:p0:s0', articleId: 'claim', paragraph: 0, index: 0, text, start: 0, end: text.length };
  return {
    id: 'claim', path: '', raw: text, format: 'txt', title: '', date: null, author: null, outlet: null, url: null,
    paragraphs: [{ id: 'claim:p0', articleId: 'claim', index: 0, text, start: 0, end: text.length, sentences: [s] }],
    sentences: [s], words: words(text).length, hash: '', addedAt: 0,
  };
}

/** Figures in a free text (a user's claim), with the same rules as the articles'. */
export function figuresInText(text: string): Figure[] {
  return extractFigures(pseudoArticle(text), null);
}

const NUMBER_WORD_RE = new RegExp(`\\b(${Object.keys(NUMBER_TENS).join('|')})(?:[-\\s](${Object.keys(NUMBER_UNITS).slice(0, 9).join('|')}))?\\b|\\b(${Object.keys(NUMBER_UNITS).join('|')})\\b`, 'gi');

/** Spelled-out numbers as digits ("sixty-one" → "61"), for figure rules that read digits best. */
export function wordsToDigits(text: string): string {
  return text.replace(NUMBER_WORD_RE, (_, tens: string | undefined, unit: string | undefined, alone: string | undefined) =>
    tens ? String(NUMBER_TENS[tens.toLowerCase()]! + (unit ? NUMBER_UNITS[unit.toLowerCase()]! : 0)) : String(NUMBER_UNITS[alone!.toLowerCase()]!),
  );
}

/** The terms of the spelled-out numbers in a text (compared as numbers, not looked up as words). */
export function numberWordsIn(text: string): string[] {
  return [...text.matchAll(NUMBER_WORD_RE)].flatMap((m) => [...terms(m[0]), ...terms(m[0].replace(/-/g, ' '))]);
}

/** Four-digit years (1800–2100) written in a text, not amounts ("$2000") or counts ("2000 troops"). */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  // "2,025" is a number, "in 2022, according to …" a year.
  for (const m of text.matchAll(/(?<![\d$€£,.])\b(1[89]\d\d|20\d\d)\b(?!\d|,\d|\s+(?:troops|people|soldiers|ships|tons|km|miles))/g)) {
    out.push(Number(m[1]));
  }
  return out;
}

/** A date as a text writes it: only the parts it states (a year, a month, a day, a weekday). */
export interface DateMention extends Pick<DateParts, 'year' | 'month' | 'day' | 'weekday'> {
  text: string;
  /** The date the timeline reads it as ("Friday 31 October 2025" for "Friday" in a Sunday paper), when the text leaves it to the article's date. */
  resolved?: string;
  /** Not a date but compared the same way: a percentage as written ("8 percent", "12%"). */
  percent?: number;
}

/** Percentages written in a text ("8 percent", "12.5%"): figures the count rules leave out, compared like dates. */
export function percentsIn(text: string): DateMention[] {
  return [...text.matchAll(/(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)/gi)].map((m) => ({ text: m[0], percent: Number(m[1]) }));
}

const DATE_REF = new Date('2000-06-15T12:00:00Z');
const WRITTEN_DATE_RE = new RegExp(`\\d|\\b(?:${MONTH_PATTERN}|${WEEKDAY_PATTERN})\\.?\\b`, 'i');

/** Dates written in a text: years, months, days, weekdays. Relative words ("now", "this week") are not dates to compare. */
export function datesIn(text: string): DateMention[] {
  const out: DateMention[] = [];
  const spans: [number, number][] = [];
  for (const r of parseDates(text, DATE_REF)) {
    // Only dates written out (a month, a weekday, digits): "now", "this week", "days ago" depend on when it was written.
    if (!WRITTEN_DATE_RE.test(r.text)) continue;
    const s = r.stated;
    const d: DateMention = { text: r.text.trim().replace(/[,;:]+$/, '') };
    if (s.month !== undefined) d.month = s.month;
    if (s.day !== undefined) d.day = s.day;
    if (s.weekday !== undefined && s.day === undefined) d.weekday = s.weekday;
    if (s.year !== undefined) d.year = s.year;
    if (d.month === undefined && d.weekday === undefined) continue;
    out.push(d);
    spans.push([r.index, r.index + r.text.length]);
  }
  // A bare year, unless it is the year of a date already read ("November 2025" is one date, not also "2025").
  const years = [...text.matchAll(/\b(?:1[89]|20)\d\d\b/g)].filter((m) => !spans.some(([a, b]) => m.index! >= a && m.index! < b)).map((m) => Number(m[0]));
  const bare = yearsIn(text).filter((y) => years.includes(y));
  return [...bare.map((y) => ({ text: String(y), year: y })), ...out];
}

const DATE_KEYS = ['year', 'month', 'day', 'weekday'] as const;

/**
 * The dates of a passage as the timeline reads them: a date the text leaves to its article's
 * date ("on Friday", "in August", "this month") is the date the timeline gives the event its
 * sentences tell (`dated`), so "Friday" in a Sunday paper compares as that Friday's date.
 */
export function datesAsRead(text: string, dated: readonly SentenceDate[]): DateMention[] {
  const out = datesIn(text);
  for (const r of dated) {
    const [y, m, d] = r.date.split('-').map(Number) as [number, number?, number?];
    const full: DateMention = { text: '', year: y, ...(m ? { month: m } : {}), ...(m && d ? { day: d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() } : {}), resolved: formatDate(r.date, r.precision) };
    // A written date the timeline's date completes: every part it states agrees, and it leaves some part out.
    const completes = (x: DateMention) =>
      x.percent === undefined &&
      DATE_KEYS.every((k) => x[k] === undefined || x[k] === full[k]) &&
      DATE_KEYS.some((k) => x[k] !== undefined) &&
      DATE_KEYS.some((k) => x[k] === undefined && full[k] !== undefined);
    const states = (x: DateMention) => DATE_KEYS.every((k) => full[k] === undefined || x[k] === full[k]);
    if (out.some(states)) continue;
    let used = false;
    out.forEach((x, i) => {
      if (!completes(x)) return;
      out[i] = { ...full, text: x.text };
      used = true;
    });
    // Said only relatively ("this month", "yesterday"): the timeline's date stands for it.
    if (!used) out.push({ ...full, text: full.resolved! });
  }
  return out;
}

/** Two dates agree when every part both state is equal; they cannot be compared when they state no part in common. */
export function relateDates(a: DateMention, b: DateMention): 'match' | 'conflict' | 'incomparable' {
  // A day or month read through the article's date ("on Saturday") is not compared by its year alone: a bare
  // year ("built in 1975") dates something else in the sentence, not the event the weekday tells.
  const yearOnly = (x: DateMention) => x.year !== undefined && x.month === undefined && x.weekday === undefined;
  if ((a.resolved && a.month !== undefined && yearOnly(b)) || (b.resolved && b.month !== undefined && yearOnly(a))) return 'incomparable';
  const keys = (['year', 'month', 'day', 'weekday', 'percent'] as const).filter((k) => a[k] !== undefined && b[k] !== undefined);
  if (!keys.length) return 'incomparable';
  return keys.every((k) => a[k] === b[k]) ? 'match' : 'conflict';
}

/** The qualifier a figure is written with, when it bounds the figure from one side ("more than 1,000"). */
const BOUND_RE = new RegExp(`^(${Object.keys(BOUND_DIRECTIONS).sort((a, b) => b.length - a.length).map((q) => q.replace(/ /g, '\\s+')).join('|')})\\s`, 'i');

/** How a claim's figure compares with the articles' figure of the same quantity. */
export type FigureRelation = 'match' | 'close' | 'conflict';

/** Compare two figures of the same quantity by the ranges their qualifiers allow. */
export function relateFigures(claim: Figure, article: Figure): FigureRelation {
  if (claim.lo <= article.hi && article.lo <= claim.hi) {
    // Overlap is not support: the article must pin the claim's figure down. "At least 61" supports
    // "more than 50" and "61", but only fails to rule out "at least 100" (a near miss, not a match).
    // Counts are whole: "more than 60" is "at least 61".
    const aLo = Number.isInteger(article.value) && article.lo > article.value ? Math.ceil(article.lo) : article.lo;
    const cLo = Number.isInteger(claim.value) && claim.lo > claim.value ? Math.ceil(claim.lo) : claim.lo;
    if (aLo >= cLo && article.hi <= claim.hi) return 'match';
    if (Number.isFinite(article.hi) && cLo >= aLo && claim.hi <= article.hi) return 'match';
    if (claim.lo === claim.hi && claim.value === aLo) return 'match'; // "61 killed" vs "at least 61"
    return 'close';
  }
  // "fewer than 1,000" and "more than 1,000": bounded from opposite sides, they rule each other out.
  const side = (f: Figure) => BOUND_DIRECTIONS[BOUND_RE.exec(f.display)?.[1]?.toLowerCase().replace(/\s+/g, ' ') ?? ''];
  const [cs, as] = [side(claim), side(article)];
  if (cs && as && cs !== as) return 'conflict';
  const gap = claim.hi < article.lo ? article.lo - claim.hi : claim.lo - article.hi;
  const scale = Math.max(claim.value, article.value, 1);
  // "60" vs "more than 60", "4,000" vs "roughly 4,500"? Near misses are not contradictions.
  return gap / scale <= 0.1 ? 'close' : 'conflict';
}

// ---------------------------------------------------------------------------
// Independence and corroboration


/** Independent voices among some articles: near-duplicates collapse into one. */
export function countIndependent(corpus: Corpus, articleIds: Iterable<string>): { independent: number; articles: string[]; repeats: { source: string; of: string }[] } {
  const groups = analysisOf({ corpus }).groups;
  const ids = [...new Set(articleIds)].sort();
  const firstOfGroup = new Map<string, string>();
  const repeats: { source: string; of: string }[] = [];
  for (const id of ids) {
    const g = groups.get(id) ?? id;
    const first = firstOfGroup.get(g);
    if (first) repeats.push({ source: id, of: first });
    else firstOfGroup.set(g, id);
  }
  return { independent: firstOfGroup.size, articles: ids, repeats };
}

const CONTENT_MIN = 3;

/**
 * How many independent articles say what `sentence` says: sentences elsewhere that
 * share most of the distinctive content of the shorter of the two (synonyms folded:
 * "killed" ~ "killing", "boats" ~ "vessels"), with no figure of the same quantity that
 * rules it out. Near-duplicates collapse into one voice. The hook /ask can call for
 * each sentence it shows.
 */
export function corroboration(deps: Deps, sentence: Sentence): { independent: number; articles: string[] } {
  const N = Math.max(deps.index.size, 1);
  const idf = (t: string) => Math.log(1 + N / (1 + deps.index.docFreq(t)));
  const weigh = (text: string) => {
    const m = new Map<string, number>();
    // Hedging adverbs ("reportedly", "urgently") say how, not what.
    for (const t of terms(text)) if (t.length > 1 && !/^\d/.test(t) && !/^\w{4,}ly$/.test(t)) m.set(canonical(t), Math.max(m.get(canonical(t)) ?? 0, idf(t)));
    return m;
  };
  const own = weigh(sentence.text);
  if (own.size < CONTENT_MIN) return { independent: 1, articles: [sentence.articleId] };
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const figures = analysisOf(deps).figures;
  const mine = figures.get(sentence.id) ?? [];
  const found = new Set([sentence.articleId]);
  const query = [...own.keys()].sort((a, b) => own.get(b)! - own.get(a)!).slice(0, 10).join(' ');
  for (const h of deps.index.search(query, { limit: 30 })) {
    if (found.has(h.articleId)) continue;
    const p = deps.index.passage(h.id);
    if (!p) continue;
    for (const s of p.sentences) {
      const theirs = weigh(s.text);
      if (theirs.size < CONTENT_MIN + 1) continue;
      const shared = [...own.keys()].filter((t) => theirs.has(t));
      const share = shared.reduce((n, t) => n + own.get(t)!, 0) / Math.min(sum(own), sum(theirs));
      // Most of the shorter sentence, or a good part of it in five or more shared terms (long news sentences carry extra).
      if (!((share >= 0.5 && shared.length >= CONTENT_MIN) || (share >= 0.3 && shared.length >= 5))) continue;
      const theirFigures = figures.get(s.id) ?? [];
      const clash = mine.some((a) => theirFigures.some((b) => sameQuantity(a, b) && (a.hi < b.lo || b.hi < a.lo)));
      if (clash) continue;
      // A sentence whose point is a figure ("will soon have 13 vessels") is corroborated only by one giving that figure.
      if (mine.length && !mine.some((a) => theirFigures.some((b) => sameQuantity(a, b) && a.lo <= b.hi && b.lo <= a.hi))) continue;
      found.add(s.articleId);
      break;
    }
  }
  const { independent, articles } = countIndependent(deps.corpus, found);
  return { independent, articles };
}

/**
 * When a sentence says the opposite of a claim's word about the same thing ("China supports … the use of force"
 * vs "…and opposes the use or threat of force"), the opposite word it uses; else null. Decided by which of the
 * two words is followed by what the claim says it applies to, so a sentence with both is read correctly.
 */
export function antonymIn(claim: string, sentence: string): string | null {
  const cw = terms(claim);
  const sw = words(sentence).map((w) => ({ w, t: terms(w)[0] })).filter((x): x is { w: string; t: string } => !!x.t);
  for (let i = 0; i < cw.length; i++) {
    const opposite = antonymsOf(cw[i]!);
    if (!opposite.size) continue;
    const same = new Set([cw[i]!, ...synonymsOf(cw[i]!)]);
    const object = new Set(cw.slice(i + 1, i + 7));
    if (!object.size) continue;
    // What a verb applies to runs until the next of the two opposite verbs ("supports X and opposes Y").
    const reach = (j: number) => {
      let n = 0;
      for (const x of sw.slice(j + 1, j + 9)) {
        if (same.has(x.t) || opposite.has(x.t)) break;
        if (object.has(x.t)) n++;
      }
      return n;
    };
    let bestSame = 0;
    let bestOpp = 0;
    let oppWord: string | null = null;
    sw.forEach((x, j) => {
      if (same.has(x.t)) bestSame = Math.max(bestSame, reach(j));
      else if (opposite.has(x.t)) {
        const r = reach(j);
        if (r > bestOpp) {
          bestOpp = r;
          oppWord = x.w;
        }
      }
    });
    if (oppWord && bestOpp >= 1 && bestOpp > bestSame) return oppWord;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Small text helpers shared by the two engines


/** Jaccard similarity of two term sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / Math.max(1, a.size + b.size - inter);
}

/** Content terms worth comparing (no stopwords, no one-letter tokens). */
export function contentTerms(text: string): Set<string> {
  return new Set(terms(text).filter((t) => t.length > 1 && !STOPWORDS.has(t)));
}


/** Who a sentence attributes its content to (re-exported so engines share one rule). */
export function attribution(text: string): string | null {
  return attributionOf(text);
}

/** Folded, punctuation-free form for comparing wordings. */
export function plain(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, ' ').trim();
}
