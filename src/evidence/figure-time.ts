/**
 * When a figure applies, for "how many" and "how much": each figure has a time — the date its
 * sentence states, else its article's date (src/analysis/figures.ts) — and a figure that speaks
 * of an earlier one again ("That number has since grown to roughly 10,000") is later than it.
 * A question in the present or present perfect ("how many troops has the US deployed?") is
 * answered by the latest figure of what it counts, the earlier one beside it ("up from …"); a
 * question with a date ("in August", "on Friday") by the figure of that time.
 */
import type { Deps } from '../deps.js';
import { NOW_QUESTION_WORDS, RUNNING_TOTAL_WORDS } from '../language/lexicon/figure-time.js';
import { analysisOf } from '../analysis/index.js';
import type { FigureFact } from '../analysis/figures.js';
import { findDateMentions, type DateMention } from '../index/dates.js';
import type { Article, Sentence } from '../types.js';
import type { Answering } from './answerable.js';
import type { ParsedQuestion } from './question.js';
import type { Window } from './retrieve.js';
import { dateMentionsIn } from './date-mentions.js';
import type { Filler } from './short.js';

/** A running total's words, as written after or around the count. */
const RUNNING_TOTAL_RE = new RegExp(`\\b(?:${RUNNING_TOTAL_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

const DAY = 86_400_000;
const NOW_RE = new RegExp(`\\b(?:${NOW_QUESTION_WORDS.join('|')})\\b`, 'i');

/** A figure filler with the window it was found in. */
export interface Placed {
  w: Answering;
  filler: Filler & { figure: FigureFact };
}

/** The windows reordered so the figure of the asked time leads, and the earlier figure to set beside it. */
export interface Timed {
  windows: Answering[];
  /** The earlier value of the figure that leads ("up from 4,500 troops"), when the question asks for now. */
  earlier: Placed | null;
}

/** The corpus's figures by id, the figures that speak of each again, and when each applies. */
export interface FigureTimes {
  byId: (id: string) => FigureFact | undefined;
  /** The later values of a figure ("That number has since grown to …"), directly. */
  updates: (id: string) => FigureFact[];
  /** `a` is a later value than `b`: it speaks of `b` again as grown or fallen (directly or through others), or applies after it. */
  laterThan: (a: FigureFact, b: FigureFact) => boolean;
  /** Two figures apply to comparable times: the same day or a day apart (or neither dated), and neither updates the other. */
  comparable: (a: FigureFact, b: FigureFact) => boolean;
  /** The figure applies at a date the question states: its month, its day, its weekday. */
  atDate: (f: FigureFact, dates: DateMention[]) => boolean;
  /** The figure has a time of its own (a day or a month): an undated one is never ordered by date. */
  dated: (f: FigureFact) => boolean;
}

/** When a figure applies, as a span of days (a day, or a month). */
interface Span {
  from: number;
  to: number;
  precision: 'day' | 'month';
}

const timesMemo = new WeakMap<object, FigureTimes>();

/**
 * The times of the corpus's figures (built once per figures analysis). A figure applies when the
 * timeline places its sentence (so /ask states the date /timeline does), else at the date its
 * sentence states or its article's date (src/analysis/figures.ts).
 */
export function figureTimes(deps: Pick<Deps, 'corpus'>): FigureTimes {
  const a = analysisOf(deps);
  const facts = a.figureFactIndex;
  const hit = timesMemo.get(facts);
  if (hit) return hit;
  const byId = (id: string) => facts.byId(id);
  const spans = new Map<string, Span | null>();
  const spanOf = (f: FigureFact): Span | null => {
    if (spans.has(f.id)) return spans.get(f.id)!;
    const placed = a.sentenceDates.get(f.sentenceId) ?? [];
    const d = placed.find((x) => !x.background && (x.precision === 'day' || x.precision === 'month'));
    const iso = d?.date ?? f.when;
    const span = iso ? toSpan(iso) : null;
    spans.set(f.id, span);
    return span;
  };
  // Whether a figure's sentence states its own date ("On Thursday, some 150 ships …"): in an article with no date of its
  // own, such a figure is earlier than one told as standing now ("240 ships now waiting"), and not comparable with one told undated.
  const stated = new Map<string, boolean>();
  const statesDate = (f: FigureFact): boolean => {
    if (!stated.has(f.id)) {
      const s = deps.corpus.byId.get(f.articleId)?.sentences.find((x) => x.id === f.sentenceId);
      stated.set(f.id, !!s && dateMentionsIn(deps, s).some((m) => !m.tenure && !/^(?:now|today)$/i.test(m.text.trim())));
    }
    return stated.get(f.id)!;
  };
  const sameUndated = (x: FigureFact, y: FigureFact) => x.articleId === y.articleId && !spanOf(x) && !spanOf(y);
  // Told as standing now ("some 240 ships now waiting"): only then is it later than a dated one of its article.
  const saysNow = (f: FigureFact): boolean => {
    const s = deps.corpus.byId.get(f.articleId)?.sentences.find((x) => x.id === f.sentenceId);
    return !!s && NOW_RE.test(s.text);
  };
  /** How `a` stands to `b` through the figures that speak of others again: 1 later, -1 earlier, 0 not linked or the same. */
  const linked = (x: FigureFact, y: FigureFact): number => {
    const seen = new Set<string>();
    for (let z: FigureFact | undefined = x; z?.refersTo && !seen.has(z.id); z = byId(z.refersTo)) {
      seen.add(z.id);
      if (z.refersTo === y.id) return z.later ? 1 : 0;
    }
    return 0;
  };
  const times: FigureTimes = {
    byId,
    dated: (f) => !!spanOf(f),
    updates: (id) => facts.updatesOf(id),
    laterThan(x, y) {
      const l = linked(x, y) || -linked(y, x);
      if (l) return l > 0;
      if (sameUndated(x, y)) return !statesDate(x) && saysNow(x) && statesDate(y);
      const sx = spanOf(x);
      const sy = spanOf(y);
      return !!sx && !!sy && sx.from > sy.to + DAY;
    },
    comparable(x, y) {
      if (x.refersTo === y.id || y.refersTo === x.id) return false;
      if (sameUndated(x, y) && statesDate(x) !== statesDate(y)) return false;
      const sx = spanOf(x);
      const sy = spanOf(y);
      if (!sx || !sy) return !sx && !sy;
      return sx.from <= sy.to + DAY && sy.from <= sx.to + DAY;
    },
    atDate(f, dates) {
      const sp = spanOf(f);
      if (!sp || !dates.length) return false;
      const d = new Date(sp.from);
      const day = sp.precision === 'day';
      return dates.some(
        (m) =>
          (m.month !== undefined || m.day !== undefined || m.weekday !== undefined || m.year !== undefined) &&
          (m.month === undefined || m.month === d.getUTCMonth() + 1) &&
          (m.day === undefined || (day && m.day === d.getUTCDate())) &&
          (m.weekday === undefined || (day && m.weekday === d.getUTCDay())) &&
          (m.year === undefined || m.year === d.getUTCFullYear()),
      );
    },
  };
  timesMemo.set(facts, times);
  return times;
}

/** "2025-08-14" is that day; "2025-08" the whole month. */
function toSpan(iso: string): Span | null {
  const [y, m, d] = iso.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (!y || !m) return null;
  if (d) {
    const t = Date.UTC(y, m - 1, d);
    return { from: t, to: t, precision: 'day' };
  }
  return { from: Date.UTC(y, m - 1, 1), to: Date.UTC(y, m, 1) - DAY, precision: 'month' };
}

/** Two figures measure one thing: the same kind and unit, and for counts the same counted noun. */
export function sameQuantity(a: FigureFact, b: FigureFact): boolean {
  return a.kind === b.kind && a.unit === b.unit && (a.head ?? '') === (b.head ?? '');
}

/** The date a figure's sentence states for it, verbatim ("August"), with the preposition that says how it applies ("in"), or null. */
export function datePhrase(s: Sentence, f: FigureFact): { prep: string; text: string } | null {
  const mentions = findDateMentions(s.text).filter((m) => !m.tenure && m.kind !== 'relative');
  if (!mentions.length) return null;
  // The mention nearest the figure.
  const best = [...mentions].sort((a, b) => Math.abs(a.index - f.start) - Math.abs(b.index - f.start))[0]!;
  // With the preposition that says how the date applies ("in August", "as of Friday").
  const written = /^(?:(in|on|since|by|as of|until|through)\s+)?(.+?)[,.;:]*$/i.exec(best.text.trim());
  const before = /\b(in|on|since|by|as of|until|through)\s+$/i.exec(s.text.slice(Math.max(0, best.index - 8), best.index))?.[1];
  const text = written?.[2]?.trim();
  if (!text) return null;
  return { prep: (written?.[1] ?? before ?? (best.day !== undefined || best.weekday !== undefined ? 'on' : 'in')).toLowerCase(), text };
}

/**
 * Order the answering windows by the time the question asks: for "now", the latest figure of
 * what the best one counts leads, and the figure it updates (else the latest earlier one) is
 * kept beside it; for a stated date, the best figure of that date leads. Figures are compared
 * only when they measure the same thing and fit the question nearly as well as the best.
 */
export function byTime(
  deps: Pick<Deps, 'corpus'>,
  q: ParsedQuestion,
  windows: Answering[],
  windowAt: (article: Article, sentence: Sentence) => Window,
): Timed {
  const times = figureTimes(deps);
  const { byId, updates } = times;
  const none = { windows, earlier: null };
  if (q.kind !== 'count' && q.kind !== 'amount') return none;
  const top = windows[0];
  const first = top?.fillers[0];
  if (!top || !first?.figure) return none;
  const lead = first.figure;
  // A question that names no time ("how many troops did the US send?") about a figure the articles later update ("that
  // number has since grown to roughly 10,000") asks what the story knows now: the latest leads, the first beside it.
  const facts = analysisOf(deps).figureFactIndex;
  // The same fact in another article ("roughly 4,500 troops" in August, "4,500 troops" in August) shares its updates.
  const twins = (f: FigureFact) => facts.withValue(f.value, f).filter((g) => g !== f && g.value === f.value && sameQuantity(g, f) && times.comparable(g, f));
  const now = q.now || (!q.dates.length && [lead, ...twins(lead)].some((f) => updates(f.id).length > 0));
  if (!now && !q.dates.length) return none;
  const floor = top.rank * 0.5;
  const pool: Placed[] = [];
  for (const w of windows) {
    if (w.rank < floor) continue;
    for (const f of w.fillers) {
      if (!f.figure || f.fit < first.fit * 0.5 || !sameQuantity(f.figure, lead)) continue;
      // Counts compare by their noun; other figures (sums, measures) only when one speaks of the other again.
      if (!(lead.kind === 'count' && lead.head) && !chained(f.figure, lead, byId)) continue;
      if (!pool.some((p) => p.filler.figure.id === f.figure!.id)) pool.push({ w, filler: f as Placed['filler'] });
    }
  }
  if (!pool.length) return none;
  if (now) {
    // A later value of a figure that answers answers too, though its sentence names nothing the question does
    // ("That number has since grown to roughly 10,000"): quoted in the window that holds both, else around itself.
    for (let i = 0; i < pool.length; i++) {
      const p = pool[i]!;
      for (const u of [p.filler.figure, ...twins(p.filler.figure)].flatMap((f) => updates(f.id))) {
        if (pool.some((x) => x.filler.figure.id === u.id)) continue;
        const article = deps.corpus.byId.get(u.articleId);
        const sentence = article?.sentences.find((x) => x.id === u.sentenceId);
        if (!article || !sentence) continue;
        const filler = { text: u.text, sentence, start: u.start, end: u.end, fit: p.filler.fit, figure: u };
        const w = p.w.sentences.some((x) => x.id === sentence.id) ? p.w : { ...windowAt(article, sentence), fillers: [filler], rank: p.w.rank };
        pool.push({ w, filler });
      }
    }
  }
  let pick = pool[0]!;
  let earlier: Placed | null = null;
  if (now) {
    for (const p of pool) if (times.laterThan(p.filler.figure, pick.filler.figure)) pick = p;
    // A running total ("has canceled more than 6,600 flights since the outage started") only grows: of counts the
    // articles' times cannot order, a larger one written as a running total is the later.
    for (const p of pool) {
      const [a, b] = [p.filler.figure, pick.filler.figure];
      if (a.kind === 'count' && a.value > b.value && !times.laterThan(a, b) && !times.laterThan(b, a) && RUNNING_TOTAL_RE.test(p.filler.sentence.text)) pick = p;
    }
    const before = pool.filter((p) => p.filler.figure.value !== pick.filler.figure.value && times.laterThan(pick.filler.figure, p.filler.figure));
    // The figure it updates, quoted with it; else the latest of the earlier ones.
    const ref = pick.filler.figure.refersTo ? byId(pick.filler.figure.refersTo) : undefined;
    const refSentence = ref && ref.articleId === pick.w.article.id ? pick.w.article.sentences.find((x) => x.id === ref.sentenceId) : undefined;
    earlier =
      ref && refSentence && ref.value !== pick.filler.figure.value && times.laterThan(pick.filler.figure, ref)
        ? { w: pick.w, filler: { text: withNounText(refSentence.text, ref), sentence: refSentence, start: ref.start, end: ref.start + withNounText(refSentence.text, ref).length, fit: pick.filler.fit, figure: ref } }
        : before.reduce<Placed | null>((m, p) => (!m || times.laterThan(p.filler.figure, m.filler.figure) ? p : m), null);
  } else {
    pick = pool.find((p) => times.atDate(p.filler.figure, q.dates)) ?? pick;
  }
  if (pick === pool[0] && !earlier) return none;
  const lifted: Answering = { ...pick.w, fillers: [pick.filler, ...pick.w.fillers.filter((f) => f !== pick.filler)] };
  const rest = windows.filter((w) => w !== pick.w);
  if (earlier && earlier.w === pick.w) earlier = { ...earlier, w: lifted };
  return { windows: [lifted, ...rest], earlier };
}

/** A count as written with its noun right after it ("4,500 troops"), else the figure alone. */
function withNounText(text: string, f: FigureFact): string {
  const after = text.slice(f.end);
  const noun = f.noun && new RegExp(`^\\s+${f.noun.replace(/[^\p{L}\p{N} -]/gu, '')}\\b`, 'iu').exec(after);
  return text.slice(f.start, f.end) + (noun ? noun[0] : '');
}

/** One figure speaks of the other again (directly or through others). */
function chained(a: FigureFact, b: FigureFact, byId: (id: string) => FigureFact | undefined): boolean {
  const chain = (x: FigureFact) => {
    const out = new Set<string>([x.id]);
    for (let y: FigureFact | undefined = x; y?.refersTo && !out.has(y.refersTo); y = byId(y.refersTo)) out.add(y.refersTo);
    return out;
  };
  const ca = chain(a);
  return ca.has(b.id) || chain(b).has(a.id);
}
