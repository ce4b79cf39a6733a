/**
 * The digest: a cited summary of where the story stands, built extractively from
 * the corpus (every sentence shown is a verbatim slice of an article), with an
 * optional model-written headline/developments when `deps.llm` is present.
 *
 * Pure apart from one deliberate side effect: the chart PNG is written to a file
 * (its path goes in `answer.image`) because every front door needs a file to
 * attach or print. Pass `chartDir: null` to skip it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Deps } from '../deps.js';
import type { Answer, Article, Citation, DigestSection, Disagreement, Sentence, TimelineEvent } from '../types.js';
import { isStoreUnavailableError } from '../store/index.js';
import { timeChartSvg, type Bucket, type TimeChartSpec } from '../chart/svg.js';
import { svgToPng, writePng } from '../chart/png.js';
import { citationMeta, createCiter, type Citer } from './cite.js';
import { latestDatedEvents, type DatedEvent } from './timeline.js';
import { actionOf, conflicts, decodeEntities, isTallyVerb, narrowerThan, sameThing, thingSignature, verbStem, type CountedFigure, type Figure } from '../analysis/digest-figures.js';

import { differentTimes, presentsChange } from '../analysis/figure-relations.js';
import { citeFinding, disagreementsOf, disagreementsReady, narrowDisagreements } from '../analysis/disagreements.js';
import { clip } from '../analysis/corpus-text.js';
import { parseDates } from '../language/dates.js';
import {
  MONTH_PATTERN, MONTH_SHORT, WEEKDAYS,
} from '../language/lexicon/index.js';
import { terms as searchTerms } from '../language/tokenize.js';
import { analysisOf } from '../analysis/index.js';
import type { FigureFact } from '../analysis/figures.js';
import { datePhrase, figureTimes, type FigureTimes } from '../evidence/figure-time.js';
import type { LlmPassage } from '../llm/types.js';
import { slicer, type Steps } from '../scale/slices.js';

/** What the scheduler records after posting a digest to a channel (read here for "new since"). */
export interface ChannelDigestRecord {
  /** When the digest was posted, ms since epoch. */
  postedAt: number;
  /** Article ids the digest covered. */
  articleIds: string[];
}

/** Store key of the last digest posted to a channel. */
export const channelDigestKey = (channel: string) => `digest:channel:${channel}`;

export interface DigestOptions {
  /** The channel the digest is for; its last digest decides what is "new". */
  channel?: string;
  /** Override "since" (ms or Date); takes precedence over the stored record. */
  since?: number | Date;
  /** Where to write the chart PNG; default `<DATA_DIR>/charts`; null = no chart. */
  chartDir?: string | null;
  /** Work done before the event loop gets a turn (ms); 0 yields after every step. Default 10. */
  turnMs?: number;
}

const MAX_DEVELOPMENTS = 5;
/** Term overlap (Jaccard) at which two sentences report the same development. */
const SAME_DEVELOPMENT = 0.42;
/** The most central quotable sentences clustered into developments (every one of them in a corpus of a few hundred articles). */
const MAX_CLUSTERED = 4000;
const MAX_FIGURES = 6;
/** Readings of one quantity a key-figure line shows; citations per reading; sources named per reading. */
const MAX_READINGS = 8;
const MAX_CITES_PER_READING = 3;
const MAX_WHOS_PER_READING = 3;
/** Figures of a key-figure line read between turns of the event loop (a line of a large corpus has thousands). */
const STEP_FIGURES = 500;
const MAX_TIMELINE = 4;
/** How much of each side of a disagreement the digest shows. */
const SIDE_CHARS = 110;

/** "5 Nov 2025" / "Aug 2025" from YYYY-MM-DD / YYYY-MM. */
export function humanDate(iso: string | null): string {
  if (!iso) return 'undated';
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  return d ? `${d} ${MONTH_SHORT[m - 1]} ${y}` : `${MONTH_SHORT[m - 1]} ${y}`;
}

function humanInstant(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${humanDate(d.toISOString().slice(0, 10))}, ${hh}:${mm} UTC`;
}

// ---------------------------------------------------------------------------
// Text helpers

/** Content terms of a text as the digest compares them: the shared search terms of three letters or more. */
function terms(text: string): Set<string> {
  return new Set(searchTerms(text).filter((t) => t.length >= 3 && /^[a-z]/.test(t)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

function containment(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (Math.min(a.size, b.size) || 1);
}

/** Sentences fit to quote on their own: complete, not boilerplate, not a dangling fragment. */
function quotable(s: Sentence): boolean {
  const t = s.text.trim();
  if (t.length < 50 || t.length > 330) return false;
  if (/READ MORE|https?:\/\/|Follow us|Like what you see|Source link|Related Posts|Loading recommendations/i.test(t)) return false;
  if (/[:?]$/.test(t) || /^[a-z]/.test(t)) return false;
  // A fragment of a quotation split mid-way reads as nonsense on its own.
  if ((t.match(/"/g)?.length ?? 0) % 2 || (t.match(/“/g)?.length ?? 0) !== (t.match(/”/g)?.length ?? 0)) return false;
  return /[.!”"’)]$/.test(t);
}

/** Context-dependent openings read badly out of context. */
function standalonePenalty(t: string): number {
  let p = 1;
  if (/^(He|She|It|They|This|That|These|Those|But|And|So|Rather|Meanwhile|However)\b/.test(t)) p *= 0.55;
  if (/^[“"]/.test(t)) p *= 0.7;
  if (/^According to (this|that|these|them|him|her|it)\b/i.test(t)) p *= 0.5;
  // A heading glued to the sentence by the source ("Expanding U.S. operation The U.S. military…").
  if (/^(?:\S+\s+){1,5}?[a-z]+ The [a-z]/.test(t)) p *= 0.6;
  // "Label: text" is usually a caption or a kicker glued to a headline.
  if (/^[^:]{3,60}: /.test(t)) p *= 0.6;
  return p;
}

const marks = (ns: number[]) => [...new Set(ns)].map((n) => `[${n}]`).join('');

// ---------------------------------------------------------------------------
// The corpus as the digest sees it

interface Ctx {
  deps: Deps;
  articles: Article[];
  /** Newest first: dated articles by date, then undated by when they were added. */
  byRecency: Article[];
  group: Map<string, string>;
  /** Latest article date in the corpus (anchor for undated articles). */
  latestDate: string | null;
  /** term → number of independent voices using it. */
  voiceFreq: Map<string, number>;
  voices: number;
  termsOf: Map<string, Set<string>>;
  book: Citer;
}

function sourceName(a: Article): string {
  if (a.outlet) return a.outlet;
  const words = a.title.split(/\s+/);
  return `“${words.slice(0, 6).join(' ')}${words.length > 6 ? '…' : ''}”`;
}

/** The corpus as the digest reads it, a step an article (the terms of every sentence). */
function* ctxSteps(deps: Deps): Steps<Ctx> {
  const articles = deps.corpus.articles;
  const byRecency = [...articles].sort((a, b) => {
    if (a.date && b.date) return b.date.localeCompare(a.date) || b.addedAt - a.addedAt;
    if (a.date) return -1;
    if (b.date) return 1;
    return b.addedAt - a.addedAt || a.id.localeCompare(b.id);
  });
  const group = analysisOf(deps).groups;
  const voiceTerms = new Map<string, Set<string>>();
  const termsOf = new Map<string, Set<string>>();
  for (const a of articles) {
    const g = group.get(a.id) ?? a.id;
    const set = voiceTerms.get(g) ?? new Set<string>();
    for (const s of a.sentences) {
      const t = terms(s.text);
      termsOf.set(s.id, t);
      for (const w of t) set.add(w);
    }
    voiceTerms.set(g, set);
    yield;
  }
  const voiceFreq = new Map<string, number>();
  for (const set of voiceTerms.values()) for (const w of set) voiceFreq.set(w, (voiceFreq.get(w) ?? 0) + 1);
  const dates = articles.map((a) => a.date).filter((d): d is string => !!d).sort();
  return {
    deps,
    articles,
    byRecency,
    group,
    latestDate: dates[dates.length - 1] ?? null,
    voiceFreq,
    voices: voiceTerms.size,
    termsOf,
    book: createCiter(deps.corpus),
  };
}

/** How much a sentence is about what the corpus as a whole is about (terms shared by several voices). */
function centrality(ctx: Ctx, s: Sentence): number {
  const t = ctx.termsOf.get(s.id) ?? terms(s.text);
  if (!t.size) return 0;
  let sum = 0;
  for (const w of t) sum += Math.max(0, (ctx.voiceFreq.get(w) ?? 1) - 1);
  return (sum / Math.sqrt(t.size)) * standalonePenalty(s.text.trim());
}

// ---------------------------------------------------------------------------
// Sections

function headline(ctx: Ctx): DigestSection | null {
  const latest = ctx.byRecency[0];
  if (!latest) return null;
  const candidates = latest.sentences
    .filter(quotable)
    .map((s, i) => ({ s, score: centrality(ctx, s) * (1 + 1 / (1 + i * 0.3)) }))
    .sort((a, b) => b.score - a.score);
  const picked: Sentence[] = [];
  for (const c of candidates) {
    if (picked.length >= 2) break;
    const t = ctx.termsOf.get(c.s.id)!;
    if (picked.some((p) => jaccard(ctx.termsOf.get(p.id)!, t) > 0.4)) continue;
    picked.push(c.s);
  }
  if (!picked.length) return null;
  picked.sort((a, b) => a.start - b.start);
  const n = ctx.book.cite(picked);
  const when = latest.date ? `As of ${humanDate(latest.date)}` : 'Most recently';
  return {
    heading: 'Where the story stands',
    text: `${when} (${sourceName(latest)}): ${picked.map((s) => s.text.trim()).join(' ')} ${marks([n])}`,
    citations: [n],
  };
}

interface Cluster {
  rep: Sentence;
  repArticle: Article;
  score: number;
  terms: Set<string>;
  /** One supporting sentence per independent voice. */
  support: Map<string, { article: Article; sentence: Sentence }>;
}

/** Cluster central sentences across articles; near-duplicate articles count as one voice. */
function* clusterSteps(ctx: Ctx): Steps<Cluster[]> {
  const recencyRank = new Map(ctx.byRecency.map((a, i) => [a.id, i]));
  const scored: { a: Article; s: Sentence; score: number }[] = [];
  for (const a of ctx.articles) {
    for (const s of a.sentences) if (quotable(s)) scored.push({ a, s, score: centrality(ctx, s) * (1 + 0.25 / (1 + (recencyRank.get(a.id) ?? 0))) });
    yield;
  }
  // A digest names a handful of developments: on a corpus of thousands of articles, the most central sentences
  // (and the voices that repeat them) make them; the long tail of the rest only adds clusters of one. The score the
  // MAX_CLUSTERED-th has is found on the scores alone (a numeric sort), and only those at or above it are ordered.
  let floor = -Infinity;
  if (scored.length > MAX_CLUSTERED) {
    const scores = Float64Array.from(scored, (c) => c.score).sort();
    floor = scores[scores.length - MAX_CLUSTERED]!;
    yield;
  }
  const cands = scored
    .filter((c) => c.score >= floor)
    .sort((x, y) => y.score - x.score || x.a.id.localeCompare(y.a.id) || x.s.start - y.s.start)
    .slice(0, MAX_CLUSTERED);
  yield;
  const out: Cluster[] = [];
  // The clusters holding each term, in the order they were made: a sentence joins the first cluster it is close to,
  // and only clusters sharing enough of its terms can be (read from the postings of its rarest terms, not every cluster).
  const holding = new Map<string, number[]>();
  for (const { a, s, score } of cands) {
    yield;
    const t = ctx.termsOf.get(s.id)!;
    if (t.size < 4) continue;
    const voice = ctx.group.get(a.id) ?? a.id;
    const home = homeCluster(out, holding, t);
    if (home) {
      if (!home.support.has(voice)) home.support.set(voice, { article: a, sentence: s });
      continue;
    }
    for (const w of t) {
      const list = holding.get(w);
      if (list) list.push(out.length);
      else holding.set(w, [out.length]);
    }
    out.push({ rep: s, repArticle: a, score, terms: t, support: new Map([[voice, { article: a, sentence: s }]]) });
  }
  // Corroboration by independent voices lifts a development.
  for (const c of out) c.score *= 1 + 0.5 * (c.support.size - 1);
  return out.sort((x, y) => y.score - x.score);
}

/** Two term sets tell one development: most of their terms shared, or one's nearly all in the other's (both of some length). */
function sameDevelopment(a: Set<string>, b: Set<string>): boolean {
  return jaccard(a, b) >= SAME_DEVELOPMENT || (containment(a, b) >= 0.75 && Math.min(a.size, b.size) >= 6);
}

/**
 * The first cluster (in `out`'s order) that `t` tells the same development as, or undefined. Every cluster holds four
 * terms or more, so a cluster that passes shares at least `need` of t's terms (the Jaccard bound at four, or 5 of 6 for
 * containment): it then holds one of t's `t.size - need + 1` rarest terms, and only the clusters of those are compared.
 */
function homeCluster(out: Cluster[], holding: Map<string, number[]>, t: Set<string>): Cluster | undefined {
  const n = t.size;
  const need = Math.max(1, Math.min(Math.ceil((SAME_DEVELOPMENT * (n + 4)) / (1 + SAME_DEVELOPMENT) - 1e-9), 5));
  const rarest = [...t].sort((x, y) => (holding.get(x)?.length ?? 0) - (holding.get(y)?.length ?? 0)).slice(0, n - need + 1);
  let best = -1;
  const seen = new Set<number>();
  for (const w of rarest) {
    for (const i of holding.get(w) ?? []) {
      if (best >= 0 && i >= best) break;
      if (seen.has(i)) continue;
      seen.add(i);
      if (sameDevelopment(out[i]!.terms, t)) best = i;
    }
  }
  return best >= 0 ? out[best] : undefined;
}

function developments(ctx: Ctx, all: Cluster[], exclude: Set<string>): DigestSection | null {
  const chosen: Cluster[] = [];
  for (const c of all) {
    if (chosen.length >= MAX_DEVELOPMENTS) break;
    if (exclude.has(c.rep.id)) continue;
    // Diversity: skip a development that mostly repeats one already chosen.
    if (chosen.some((d) => jaccard(d.terms, c.terms) > 0.25)) continue;
    chosen.push(c);
  }
  if (!chosen.length) return null;
  const cites: number[] = [];
  const lines = chosen.map((c) => {
    const supporters = [...c.support.values()].slice(0, 3);
    const ns = supporters.map((x) => ctx.book.cite([x.sentence]));
    cites.push(...ns);
    const also = supporters.length > 1 ? ` (${supporters.length} independent sources)` : '';
    return `• ${c.rep.text.trim()} ${marks(ns)}${also}`;
  });
  return { heading: 'Key developments', text: lines.join('\n'), citations: [...new Set(cites)] };
}

async function lastRecord(ctx: Ctx, opts: DigestOptions, notes: string[]): Promise<{ since: number; ids?: Set<string> } | null> {
  if (opts.since !== undefined) return { since: typeof opts.since === 'number' ? opts.since : opts.since.getTime() };
  if (!opts.channel) return null;
  try {
    const rec = await ctx.deps.store.get<ChannelDigestRecord>(channelDigestKey(opts.channel));
    return rec ? { since: rec.postedAt, ids: new Set(rec.articleIds) } : null;
  } catch (err) {
    if (!isStoreUnavailableError(err)) throw err;
    notes.push('Digest history is unavailable right now, so "new since the last digest" could not be worked out.');
    return null;
  }
}

function leadSentence(ctx: Ctx, a: Article): Sentence | undefined {
  return a.sentences.filter(quotable).map((s) => ({ s, c: centrality(ctx, s) })).sort((x, y) => y.c - x.c)[0]?.s ?? a.sentences[0];
}

function newSince(ctx: Ctx, last: { since: number; ids?: Set<string> } | null): { section: DigestSection; fresh: Article[] } {
  if (!last) {
    return {
      section: {
        heading: 'New since the last digest',
        text: `No earlier digest here: this one covers all ${ctx.articles.length} article${ctx.articles.length === 1 ? '' : 's'}.`,
        citations: [],
      },
      fresh: [],
    };
  }
  const fresh = ctx.byRecency.filter((a) => (last.ids ? !last.ids.has(a.id) : a.addedAt > last.since));
  if (!fresh.length) {
    return {
      section: { heading: 'New since the last digest', text: `No new articles since ${humanInstant(last.since)}. The standing summary follows.`, citations: [] },
      fresh,
    };
  }
  const cites: number[] = [];
  const lines = fresh.slice(0, 8).map((a) => {
    const s = leadSentence(ctx, a);
    const n = s ? ctx.book.cite([s]) : undefined;
    if (n) cites.push(n);
    return `• ${a.id} — ${a.title} (${sourceName(a) === a.outlet ? `${a.outlet}, ` : ''}${humanDate(a.date)})${n ? ` ${marks([n])}` : ''}`;
  });
  if (fresh.length > 8) lines.push(`…and ${fresh.length - 8} more.`);
  return {
    section: {
      heading: 'New since the last digest',
      text: `${fresh.length} new article${fresh.length === 1 ? '' : 's'} since ${humanInstant(last.since)}:\n${lines.join('\n')}`,
      citations: cites,
    },
    fresh,
  };
}

interface FigureGroup {
  key: string;
  label: string;
  figures: Figure[];
}

function* figureGroupSteps(ctx: Ctx): Steps<FigureGroup[]> {
  const map = new Map<string, FigureGroup>();
  for (const a of ctx.articles) {
    for (const f of analysisOf(ctx.deps).digestFigures(a, a.date ?? ctx.latestDate)) {
      // Generic counts of the same thing with different actions ("recalled" vs "sold") stay apart.
      let key = f.key;
      if (f.head) {
        const verb = f.verb ?? '';
        // "power outages" and "water outages" are different quantities: the words naming which kind keep them apart.
        const kind = (f.core ?? []).filter((w) => w !== f.head).join(' ');
        key = `${f.key}|${kind}|${verb}`;
      }
      const g = map.get(key) ?? { key, label: f.label, figures: [] };
      g.figures.push(f);
      map.set(key, g);
    }
    yield;
  }
  // Merge generic groups that count the same thing ("reports of burns" / "burn injuries";
  // "kettles" / "electric kettles") with compatible actions.
  yield* mergeSameThings(map, [...map.values()].filter((g) => (g.figures[0] as CountedFigure).head));
  for (const g of map.values()) {
    const gen = g.figures as CountedFigure[];
    if (!gen[0]!.head) continue;
    // Label: the shortest wording of the counted thing (the first of that length), with its action when one is stated.
    const label = gen.reduce((a, b) => (b.label.length < a.label.length ? b : a)).label;
    let verbWord: string | undefined;
    for (const f of gen) {
      verbWord = f.verb ? (f.sentence.text.match(/[A-Za-z]+/g) ?? []).find((w) => /ed$|^[a-z]+$/.test(w) && verbStem(w) === f.verb && !isTallyVerb(w)) : undefined;
      if (verbWord) break;
    }
    g.label = verbWord ? `${label} ${verbWord.toLowerCase()}` : label;
    yield;
  }
  const priority = ['killed', 'troops', 'ships', 'strikes', 'casualties', 'money', 'aircraft', 'weapons', 'people'];
  const rank = (g: FigureGroup) => {
    const p = priority.indexOf(g.key.split(':')[0]!);
    return p < 0 ? priority.length : p;
  };
  const voices = (g: FigureGroup) => new Set(g.figures.map((f) => ctx.group.get(f.articleId) ?? f.articleId)).size;
  // Each group's distinct values and voices counted once, not at every comparison of the sort.
  const keyed: { g: FigureGroup; values: number; voices: number; rank: number }[] = [];
  let read = 0;
  for (const g of map.values()) {
    keyed.push({ g, values: distinctValues(g), voices: voices(g), rank: rank(g) });
    if ((read += g.figures.length) >= STEP_FIGURES) {
      read = 0;
      yield;
    }
  }
  yield;
  keyed.sort((x, y) => y.values - x.values || y.voices - x.voices || x.rank - y.rank || y.g.figures.length - x.g.figures.length || x.g.key.localeCompare(y.g.key));
  return keyed.map((k) => k.g);
}

/**
 * Each group, in order, takes in the later groups that count the same thing with compatible actions (it grows as it
 * does: a thing one of its new figures counts can bring in a further group). Two groups can count the same thing only
 * if they share a word (a figure's counted noun, or a word of what it counts), so a group is compared only with the
 * later groups holding one of its words, not with every group.
 */
function* mergeSameThings(map: Map<string, FigureGroup>, generic: FigureGroup[]): Steps<void> {
  const wordsOf = (fs: readonly Figure[]) => new Set((fs as CountedFigure[]).flatMap((f) => [f.head!, ...(f.core ?? [])]));
  const at = new Map<string, number[]>();
  let read = 0;
  for (const [i, g] of generic.entries()) {
    if ((read += g.figures.length) >= STEP_FIGURES) {
      read = 0;
      yield;
    }
    for (const w of wordsOf(g.figures)) (at.get(w) ?? at.set(w, []).get(w)!).push(i);
  }
  // A group's figures as `sameThing` and `sameAction` read them: one figure per distinct thing, and the actions it
  // states. Comparing these is comparing every pair of figures (a group of a large corpus holds thousands of figures,
  // and the group taking others in grows as it does).
  const thingsOf = (fs: readonly Figure[], into = new Map<string, CountedFigure>()) => {
    for (const f of fs as CountedFigure[]) {
      const k = thingSignature(f);
      if (!into.has(k)) into.set(k, f);
    }
    return into;
  };
  const actionsOf = (fs: readonly Figure[], into = new Set<string>()) => {
    for (const f of fs as CountedFigure[]) {
      const v = actionOf(f);
      if (v) into.add(v);
    }
    return into;
  };
  // Every pair agrees unless both say what happened and say different things.
  const actionsAgree = (x: Set<string>, y: Set<string>) => !x.size || !y.size || (x.size === 1 && y.size === 1 && [...x][0] === [...y][0]);
  const taken = new Set<number>();
  for (let i = 0; i < generic.length; i++) {
    yield;
    if (taken.has(i)) continue;
    const x = generic[i]!;
    const have = wordsOf(x.figures);
    const things = thingsOf(x.figures);
    const actions = actionsOf(x.figures);
    const queued = new Set<number>();
    const pending: number[] = [];
    const queue = (words: Iterable<string>, after: number) => {
      for (const w of words) for (const j of at.get(w) ?? []) if (j > after && !taken.has(j) && !queued.has(j)) (queued.add(j), pending.push(j));
      pending.sort((a, b) => b - a);
    };
    queue(have, i);
    while (pending.length) {
      yield;
      const j = pending.pop()!;
      if (taken.has(j)) continue;
      const y = generic[j]!;
      const theirs = thingsOf(y.figures);
      const same = [...things.values()].some((a) => [...theirs.values()].some((b) => sameThing(a, b)));
      if (!same || !actionsAgree(actions, actionsOf(y.figures))) continue;
      x.figures.push(...y.figures);
      thingsOf(y.figures, things);
      actionsOf(y.figures, actions);
      map.delete(y.key);
      taken.add(j);
      const fresh = [...wordsOf(y.figures)].filter((w) => !have.has(w));
      for (const w of fresh) have.add(w);
      queue(fresh, j);
    }
  }
}

const distinctValues = (g: FigureGroup) => new Set(g.figures.map((f) => f.value)).size;

/** Sort key for "when": explicit date in the sentence, else the article's date (undated articles last). */
function figureTime(ctx: Ctx, f: Figure): string {
  return f.when ?? ctx.deps.corpus.byId.get(f.articleId)?.date ?? '9999';
}

function* keyFigureSteps(ctx: Ctx, groups: FigureGroup[]): Steps<DigestSection | null> {
  if (!groups.length) return null;
  const cites: number[] = [];
  const perCategory = new Map<string, number>();
  const shown = groups.filter((g) => {
    const cat = g.key.split(':')[0]!;
    const n = perCategory.get(cat) ?? 0;
    perCategory.set(cat, n + 1);
    return n < 2;
  });
  const times = figureTimes(ctx.deps);
  const factsAt = factsBySentence(ctx);
  const disputed = disputedPairs(ctx);
  const lines: string[] = [];
  for (const g of shown.slice(0, MAX_FIGURES)) {
    yield;
    // A part ("12 fire trucks" within "46 trucks") is no reading of the whole: it is left out of the line. Only
    // figures of the same article are parts of each other, so each is compared with its own article's.
    const byArticle = new Map<string, Figure[]>();
    for (const [i, f] of g.figures.entries()) {
      if (i % (4 * STEP_FIGURES) === 4 * STEP_FIGURES - 1) yield;
      (byArticle.get(f.articleId) ?? byArticle.set(f.articleId, []).get(f.articleId)!).push(f);
    }
    const figures: { f: Figure; at: string }[] = [];
    for (const [i, f] of g.figures.entries()) {
      if (i % STEP_FIGURES === STEP_FIGURES - 1) yield;
      if (!byArticle.get(f.articleId)!.some((o) => o !== f && o.value > f.value && narrowerThan(f, o))) figures.push({ f, at: figureTime(ctx, f) });
    }
    yield;
    // Dates as ISO strings ('9999' for none): their code-point order is their order in time.
    figures.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    yield;
    // Merge identical readings (same value, same time) from several articles, in the order of their time.
    const merged = new Map<string, { f: Figure; fs: Figure[]; whos: string[] }>();
    for (const [i, { f }] of figures.entries()) {
      if (i % STEP_FIGURES === STEP_FIGURES - 1) yield;
      const key = `${f.value}\u0000${f.when ?? ''}`;
      const who = f.who ?? sourceName(ctx.deps.corpus.byId.get(f.articleId)!);
      const same = merged.get(key);
      if (!same) merged.set(key, { f, fs: [f], whos: [who] });
      else {
        same.fs.push(f);
        if (!same.whos.includes(who)) same.whos.push(who);
      }
    }
    // A line is read at a glance: the first reading and the latest ones, the rest counted (a large corpus can hold
    // hundreds of readings of one quantity, each cited). Only what is shown is cited.
    const all = [...merged.values()];
    const kept = keptReadings(ctx, all);
    const readings: Reading[] = kept.map((m) => {
      const ns = m.fs.slice(0, MAX_CITES_PER_READING).map((f) => ctx.book.cite([f.sentence]));
      cites.push(...ns);
      const whos = m.whos.length > MAX_WHOS_PER_READING ? [...m.whos.slice(0, MAX_WHOS_PER_READING), `${m.whos.length - MAX_WHOS_PER_READING} more`] : m.whos;
      return { f: m.f, fact: factOf(factsAt, m.f), ns, whos };
    });
    const omitted = all.length - kept.length;
    yield;
    const part = (r: Reading, dated: boolean) => {
      const published = ctx.deps.corpus.byId.get(r.f.articleId)?.date ?? null;
      // A relative date ("last week", "Friday") is anchored to the article it comes from.
      const relative = r.f.whenText && published && !STATED_MONTH_OR_YEAR_RE.test(r.f.whenText);
      // A date the sentence states that the digest's own reading did not resolve ("On Friday, …" in an undated article), as /ask quotes it.
      const stated = !r.f.whenText && !published && r.fact ? datePhrase(r.f.sentence, r.fact) : null;
      const when = r.f.whenText ? (relative ? `${r.f.whenText}, as of ${humanDate(published)}` : r.f.whenText) : stated ? `${stated.prep} ${stated.text}` : published || dated ? humanDate(published) : null;
      const note = r.f.note ? `, ${r.f.note}` : '';
      const noun = r.f.noun === 'money' ? '' : ` ${r.f.noun}`;
      return `${r.f.display}${noun} (${when ? `${when}; ` : ''}per ${r.whos.join(', ')}${note}) ${marks(r.ns)}`;
    };
    // Ordered by the time /ask reads (src/evidence/figure-time.ts); a figure it cannot date, and that no dated
    // one is later or earlier than, is never shown as the latest: it follows, apart, as undated.
    const placed = inTimeOrder(times, readings.filter((r) => isPlaced(ctx, times, r, readings)));
    const undated = readings.filter((r) => !placed.includes(r));
    const join = (rs: Reading[], dated: boolean) => rs.map((r, i) => (i === 0 ? part(r, dated) : `${separator(ctx, times, disputed, rs[i - 1]!, r)}${part(r, dated)}`)).join('');
    // "time unclear" sets readings apart from those placed in time; with none placed there is nothing to set them apart from.
    const joined = [placed.length ? join(placed, true) : '', undated.length ? `${placed.length ? 'time unclear: ' : ''}${join(undated, false)}` : ''].filter(Boolean).join('; ');
    const more = omitted ? ` (and ${omitted} other reading${omitted === 1 ? '' : 's'})` : '';
    lines.push(`• ${g.label}: ${joined}${more}`);
  }
  return { heading: 'Key figures and how they changed', text: lines.join('\n'), citations: [...new Set(cites)] };
}

/**
 * The readings a key-figure line shows when there are more than MAX_READINGS (they come in the order of their time):
 * the first, and the latest dated ones; undated readings only where dated ones leave room.
 */
function keptReadings<T extends { f: Figure }>(ctx: Ctx, all: T[]): T[] {
  if (all.length <= MAX_READINGS) return all;
  const dated = all.filter((m) => figureAt(ctx, m.f));
  const undated = all.filter((m) => !figureAt(ctx, m.f));
  const pick = dated.length ? [dated[0]!, ...dated.slice(1).slice(-(MAX_READINGS - 1))] : [];
  const chosen = new Set([...pick, ...undated.slice(0, MAX_READINGS - pick.length)]);
  return all.filter((m) => chosen.has(m));
}

/** One reading of a key figure: the figure, the figures analysis's fact for it (when it reads one), where it is cited, who says so. */
interface Reading {
  f: Figure;
  fact: FigureFact | undefined;
  ns: number[];
  whos: string[];
}

/** The figures analysis's facts by article and sentence, to read each key figure's time as /ask reads it. */
function factsBySentence(ctx: Ctx): Pick<Map<string, FigureFact[]>, 'get'> {
  const index = analysisOf(ctx.deps).figureFactIndex;
  return {
    get(k) {
      const [articleId, sentenceId] = k.split('\u0000') as [string, string];
      const list = index.inSentence(sentenceId).filter((f) => f.articleId === articleId);
      return list.length ? list : undefined;
    },
  };
}

/** The fact of the same value in the same sentence (a count first). */
function factOf(facts: Pick<Map<string, FigureFact[]>, 'get'>, f: Figure): FigureFact | undefined {
  const same = (facts.get(`${f.articleId}\u0000${f.sentence.id}`) ?? []).filter((x) => x.value === f.value);
  return same.find((x) => x.kind === 'count') ?? same[0];
}

/** When a figure applies: its stated date, else its article's date. */
function figureAt(ctx: Ctx, f: Figure): string | null {
  return f.when ?? ctx.deps.corpus.byId.get(f.articleId)?.date ?? null;
}

/** A reading has a place in time: /ask dates it, or orders it against another reading of the line ("now" against "on Monday"). */
function isPlaced(ctx: Ctx, times: FigureTimes, r: Reading, all: Reading[]): boolean {
  if (r.fact) return times.dated(r.fact) || all.some((o) => o !== r && o.fact && (times.laterThan(r.fact!, o.fact) || times.laterThan(o.fact, r.fact!)));
  return !!figureAt(ctx, r.f);
}

/** Readings in the order of time /ask reads: by date, and a later value (an update, a figure told "now") after the one it is later than. */
function inTimeOrder(times: FigureTimes, rs: Reading[]): Reading[] {
  const out: Reading[] = [];
  for (const r of rs) {
    // Before the first reading it is earlier than; else where the date order put it.
    const i = out.findIndex((o) => !!r.fact && !!o.fact && times.laterThan(o.fact, r.fact));
    if (i < 0) out.push(r);
    else out.splice(i, 0, r);
  }
  return out;
}

/** Pairs of sentences whose figures the disagreements detector sets against each other (src/analysis/disagreements.ts). */
function disputedPairs(ctx: Ctx): Set<string> {
  const out = new Set<string>();
  for (const f of disagreementsOf(ctx.deps)) {
    if (f.kind !== 'figures' || f.note) continue;
    f.sides.forEach((x, i) =>
      f.sides.slice(i + 1).forEach((y) => {
        for (const a of x.sentences) for (const b of y.sentences) out.add(`${a.id}\u0000${b.id}`).add(`${b.id}\u0000${a.id}`);
      }),
    );
  }
  return out;
}

/**
 * " vs " where the disagreements detector sets the two readings against each other, or /ask would (the same
 * noun, comparable times, values that cannot both stand); " → " for a later value by /ask's reading of time;
 * else "; " (two readings the text does not relate: a part beside another, an undated one beside a dated one).
 */
function separator(ctx: Ctx, times: FigureTimes, disputed: Set<string>, a: Reading, b: Reading): string {
  // The detector's pair, unless one is a change over time (a rising "at least 15" days after "12").
  if (a.f.value !== b.f.value && a.f.sentence.id !== b.f.sentence.id && disputed.has(`${a.f.sentence.id}\u0000${b.f.sentence.id}`) && rivalsInTime(ctx, a.f, b.f)) return ' vs ';
  if (a.fact && b.fact) {
    if (times.laterThan(b.fact, a.fact)) return ' → ';
    return a.fact !== b.fact && times.comparable(a.fact, b.fact) && rivals(ctx, a.f, b.f) ? ' vs ' : '; ';
  }
  if (rivals(ctx, a.f, b.f)) return ' vs ';
  const ta = figureAt(ctx, a.f);
  const tb = figureAt(ctx, b.f);
  return ta && tb && tb > ta ? ' → ' : '; ';
}

/** Two figures speak of the same period (both undated, or dated within days of each other). */
function samePeriod(ctx: Ctx, a: Figure, b: Figure): boolean {
  const ta = figureAt(ctx, a);
  const tb = figureAt(ctx, b);
  if (!ta || !tb) return !ta && !tb;
  return !differentTimes({ ...a, when: ta }, { ...b, when: tb });
}

/** Both figures pin a value down (no "at least"/"up to" bound), so different values differ. */
const bounded = (f: Figure) => Number.isFinite(f.hi) && f.lo > 0;

/** Two readings of one quantity for the same period that cannot both stand: the same noun as written ("three divers" is no rival of "two specialist cave divers"), and disjoint ranges or two pinned-down values that differ. */
function rivals(ctx: Ctx, a: Figure, b: Figure): boolean {
  return !narrowerThan(a, b) && !narrowerThan(b, a) && rivalsInTime(ctx, a, b);
}

/** The times and values of two readings cannot both stand, whatever each counts. */
function rivalsInTime(ctx: Ctx, a: Figure, b: Figure): boolean {
  if (!samePeriod(ctx, a, b) || presentsChange(a) || presentsChange(b)) return false;
  const pinned = bounded(a) && bounded(b) && a.value !== b.value;
  // On the same date any incompatible pair is a dispute; days apart, a rising lower bound ("at least 15"
  // after "12") reads as a change, while two pinned-down values that differ remain a discrepancy.
  return figureAt(ctx, a) === figureAt(ctx, b) ? conflicts(a, b) || pinned : pinned;
}

const STATED_MONTH_OR_YEAR_RE = new RegExp(`\\b${MONTH_PATTERN}\\b|\\b\\d{4}\\b`, 'i');
/**
 * The section lists the disagreements /compare finds over the whole corpus (one detector,
 * src/analysis/disagreements.ts), then the denials it notes of reports no article carries.
 */
function disagreementsSection(ds: Disagreement[], noted: Disagreement[]): DigestSection | null {
  if (!ds.length && !noted.length) return null;
  // Each side as /compare words it, its quotation shortened: the digest is one message, and the citation holds the whole sentence.
  const line = (d: Disagreement) => `${d.topic}: ${d.sides.map((s) => `${clip(s.text, SIDE_CHARS)} ${marks(s.citations)}`).join(' — vs — ')}`;
  const lines = [...ds.map((d) => `• ${line(d)}`), ...noted.map((d) => `• Noted, not a disagreement — ${line(d)}`)];
  return { heading: 'Where the sources disagree', text: lines.join('\n'), citations: [...new Set([...ds, ...noted].flatMap((d) => d.sides.flatMap((s) => s.citations)))] };
}

// ---------------------------------------------------------------------------
// Timeline: the timeline engine will replace this fallback (see latestTimeline).

/** One dated entry for the digest (and the chart). */
export type DigestEvent = DatedEvent;

/**
 * Dated, non-background events: the dates of all (for the chart) and the latest `n` made. From the timeline engine
 * (which dates relative mentions against each article and merges the same event across articles), or, if it fails,
 * from sentences with an explicit date (month at least).
 */
export function datedEvents(deps: Deps, latestDate: string | null, n = MAX_TIMELINE): { dates: string[]; latest: DigestEvent[] } {
  try {
    return latestDatedEvents(deps, n);
  } catch (err) {
    deps.log.warn({ err: String((err as Error)?.message ?? err) }, 'timeline engine failed; digest uses its own dated sentences');
    const all = fallbackEvents(deps.corpus.articles, latestDate);
    return { dates: all.map((e) => e.date), latest: all.slice(-n) };
  }
}

function fallbackEvents(articles: Article[], latestDate: string | null): DigestEvent[] {
  const out: DigestEvent[] = [];
  const seen: Set<string>[] = [];
  for (const a of articles) {
    const ref = a.date ?? latestDate;
    if (!ref) continue;
    for (const f of a.sentences) {
      if (!quotable(f)) continue;
      const w = eventDate(f.text, ref, !!a.date);
      if (!w) continue;
      const t = terms(f.text);
      if (seen.some((x) => jaccard(x, t) > 0.5)) continue;
      seen.push(t);
      out.push({
        date: w,
        precision: w.length === 10 ? 'day' : 'month',
        text: f.text.trim(),
        quotes: [{ ...citationMeta(a), n: 0, quote: f.text, sentenceIds: [f.id] }],
        reportedIn: [a.id],
      });
    }
  }
  return out.sort((x, y) => x.date.localeCompare(y.date));
}

const WEEKDAY_RE = new RegExp(`\\b(?:${WEEKDAYS.join('|')})\\b`, 'i');

function eventDate(text: string, refIso: string, ownDate: boolean): string | null {
  const ref = new Date(`${refIso}T12:00:00Z`);
  for (const r of parseDates(text, ref)) {
    const relativeOk = ownDate && WEEKDAY_RE.test(r.text);
    // Only explicit anchors date an event: "now", "this week", "the past two weeks" do not.
    if (/\b(now|today|tonight|currently|this|past|last|next|ago|weeks?|years?)\b/i.test(r.text) && r.stated.day === undefined) continue;
    if (/^(now|today|tonight)$/i.test(r.text.trim())) continue;
    if (r.stated.month === undefined && !relativeOk) continue;
    const d = r.date;
    if (d.getTime() > ref.getTime() + 86_400_000) continue;
    const iso = d.toISOString().slice(0, 10);
    return r.stated.day !== undefined || relativeOk ? iso : iso.slice(0, 7);
  }
  return null;
}

function timelineSection(ctx: Ctx, latest: DigestEvent[]): { section: DigestSection | null; shown: TimelineEvent[] } {
  if (!latest.length) return { section: null, shown: [] };
  const cites: number[] = [];
  const shown: TimelineEvent[] = [];
  const lines = latest.map((e) => {
    const ns = e.quotes.slice(0, 3).map((q) => ctx.book.adopt(q));
    cites.push(...ns);
    shown.push({ date: e.date, precision: e.precision, text: e.text, citations: ns, reportedIn: e.reportedIn });
    return `• ${humanDate(e.date)} — ${e.text.trim()} ${marks(ns)}`;
  });
  return { section: { heading: 'Latest on the timeline', text: lines.join('\n'), citations: [...new Set(cites)] }, shown };
}

function sourcesSection(ctx: Ctx): DigestSection {
  const lines = [...ctx.byRecency].map((a) => {
    const dup = ctx.deps.corpus.overlaps.find((o) => o.source === a.id && o.share >= 0.5);
    const dupNote = dup ? ` — ${Math.round(dup.share * 100)}% repeated in ${dup.within}` : '';
    return `• ${a.outlet ?? 'Outlet not stated'} — “${truncate(a.title, 90)}” (${humanDate(a.date)}) · ${a.id}${dupNote}`;
  });
  return { heading: `Sources (${ctx.articles.length})`, text: lines.join('\n'), citations: [] };
}

// ---------------------------------------------------------------------------
// Chart

/** The chart spec for a set of dated events and articles: bars = events per bucket, markers = articles published. */
export function digestChartSpec(storyTitle: string, events: { date: string }[], articleDates: string[]): TimeChartSpec {
  // Month-precision events ("in August") are drawn in monthly buckets so none is placed on a made-up day.
  const dayOf = (d: string) => (d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-01` : d);
  const all = [...events.map((e) => dayOf(e.date)), ...articleDates].sort();
  const last = all[all.length - 1];
  // Clip to the recent window so one historical date (e.g. "in 1983") cannot flatten the chart.
  const windowStart = last ? new Date(Date.parse(`${last}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10) : '';
  const inWindow = (d: string) => d >= windowStart;
  const evs = events.filter((e) => inWindow(dayOf(e.date)));
  const arts = articleDates.filter(inWindow);
  const shown = [...evs.map((e) => dayOf(e.date)), ...arts].sort();
  const spanDays = shown.length ? (Date.parse(shown[shown.length - 1]!) - Date.parse(shown[0]!)) / 86_400_000 : 0;
  const coarse = evs.some((e) => e.date.length < 10);
  const bucket: Bucket = coarse || spanDays > 150 ? 'month' : spanDays <= 31 ? 'day' : 'week';
  const per = new Map<string, number>();
  for (const e of evs) per.set(dayOf(e.date), (per.get(dayOf(e.date)) ?? 0) + 1);
  const perArt = new Map<string, number>();
  for (const d of arts) perArt.set(d, (perArt.get(d) ?? 0) + 1);
  const older = events.length - evs.length;
  const fmt = (d: string) => (bucket === 'month' ? humanDate(d.slice(0, 7)) : humanDate(d));
  const range = shown.length ? `${fmt(shown[0]!)} – ${fmt(shown[shown.length - 1]!)}` : 'no dates';
  return {
    title: `Dated events per ${bucket}`,
    subtitle: `${range}${older ? ` (${older} earlier not shown)` : ''} · ${truncate(storyTitle, 60)}`,
    yLabel: 'events',
    xLabel: `events per ${bucket}`,
    markerLabel: 'articles published',
    bucket,
    bars: [...per].map(([date, value]) => ({ date, value })),
    markers: [...perArt].map(([date, count]) => ({ date, count })),
  };
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------------------
// Optional model prose

async function modelProse(ctx: Ctx, top: Cluster[]): Promise<{ headline?: DigestSection; developments?: DigestSection } | null> {
  const llm = ctx.deps.llm;
  if (!llm) return null;
  const passages: LlmPassage[] = top.slice(0, 12).map((c, i) => ({ n: i + 1, id: c.rep.id, articleId: c.repArticle.id, text: c.rep.text }));
  if (!passages.length) return null;
  const res = await llm.answer({
    task: 'digest',
    question: 'Summarise where this news story stands now (one short paragraph), then its key developments, citing the passages.',
    passages,
  });
  if (!res || !res.blocks.length || !res.blocks[0]!.cites.length) return null;
  // Renumber the model's (verified) citations into this digest's list.
  const map = new Map<number, number>();
  for (const c of res.citations) {
    const art = ctx.deps.corpus.byId.get(c.source);
    if (!art) continue;
    // The model layer has verified each quote verbatim against its passage (a slice of the article).
    if (!c.quote.split(' … ').every((part) => art.raw.includes(part))) continue;
    map.set(c.n, ctx.book.adopt({ ...c, title: art.title, outlet: art.outlet, date: art.date, url: art.url }));
  }
  const convert = (text: string, cites: number[]) => {
    const ns = [...new Set(cites.map((n) => map.get(n)).filter((n): n is number => n !== undefined))];
    const body = text.replace(/\s*\[(\d+)\]/g, (m, d) => (map.has(Number(d)) ? ` [${map.get(Number(d))}]` : '')).trim();
    const missing = ns.filter((n) => !body.includes(`[${n}]`));
    return { text: missing.length ? `${body} ${marks(missing)}` : body, ns };
  };
  const [first, ...rest] = res.blocks;
  const h = convert(first!.text, first!.cites);
  const out: { headline?: DigestSection; developments?: DigestSection } = {
    headline: { heading: 'Where the story stands', text: h.text, citations: h.ns },
  };
  const parts = rest.map((b) => ({ heading: b.heading?.trim(), ...convert(b.text, b.cites) })).filter((p) => p.ns.length);
  if (parts.length) {
    out.developments = {
      heading: 'Key developments',
      text: parts.map((p) => `• ${p.heading ? `${p.heading}: ` : ''}${p.text}`).join('\n'),
      citations: [...new Set(parts.flatMap((p) => p.ns))],
    };
  }
  return out;
}

// ---------------------------------------------------------------------------

/** Build the digest Answer for a channel (or a preview when no channel is given). */
export async function digest(live: Deps, opts: DigestOptions = {}): Promise<Answer> {
  // Pinned: the watcher may swap the corpus between the slices below; the digest is of the corpus it began on.
  const deps: Deps = { ...live };
  // The corpus's differences (its "Where the sources disagree"), found a slice at a time before the sections need them.
  await disagreementsReady(deps, opts.turnMs);
  // The sections that read the whole corpus are worked out a slice at a time too (src/scale/slices.ts).
  const slices = slicer(opts.turnMs);
  const ctx = await slices.run(ctxSteps(deps));
  const notes: string[] = [];
  if (!ctx.articles.length) {
    return {
      command: 'digest',
      answered: false,
      title: 'Digest',
      blocks: [{ text: 'The corpus holds no articles, so there is nothing to summarise.', cites: [] }],
      citations: [],
      followUps: [],
      sections: [],
    };
  }
  const last = await lastRecord(ctx, opts, notes);
  const all = await slices.run(clusterSteps(ctx));

  let head: DigestSection | null = null;
  let devs: DigestSection | null = null;
  try {
    const prose = await modelProse(ctx, all);
    if (prose?.headline?.citations.length) {
      head = prose.headline;
      devs = prose.developments ?? null;
    } else if (deps.llm) notes.push('The model summary was unavailable; this digest is extractive.');
  } catch (err) {
    deps.log.warn({ err: String((err as Error)?.message ?? err) }, 'digest model prose failed');
    notes.push('The model summary was unavailable; this digest is extractive.');
  }
  head ??= headline(ctx);
  const headIds = new Set(ctx.book.citations.flatMap((c) => c.sentenceIds ?? []));
  devs ??= developments(ctx, all, headIds);
  const fresh = newSince(ctx, last);
  const groups = await slices.run(figureGroupSteps(ctx));
  const figures = await slices.run(keyFigureSteps(ctx, groups));
  const events = datedEvents(deps, ctx.latestDate);
  const latestEvents = timelineSection(ctx, events.latest);
  const differ = narrowDisagreements(disagreementsOf(deps));
  const cite = (ss: Sentence[]) => ctx.book.cite(ss);
  const disagreements = differ.found.map((f) => citeFinding(f, cite));
  // A denial of a report no article carries is a dispute worth knowing, though not one between the articles.
  const disagree = disagreementsSection(disagreements, differ.notes.filter((f) => f.kind === 'denial').map((f) => citeFinding(f, cite)));
  const sources = sourcesSection(ctx);

  // Shown text reads HTML entities as the characters they are (&pound;35 → £35); citations stay byte-for-byte.
  const sections = [head, fresh.section, devs, figures, latestEvents.section, disagree, sources]
    .filter((s): s is DigestSection => !!s)
    .map((s) => ({ ...s, text: decodeEntities(s.text) }));
  const storyTitle = ctx.byRecency[0]!.title;

  let image: string | undefined;
  if (opts.chartDir !== null) {
    const spec = digestChartSpec(storyTitle, events.dates.map((date) => ({ date })), ctx.articles.map((a) => a.date).filter((d): d is string => !!d));
    const svg = timeChartSvg(spec);
    const name = `digest-${opts.channel ?? 'preview'}-${createHash('sha256').update(svg).digest('hex').slice(0, 12)}.png`;
    try {
      image = writePng(svgToPng(svg), opts.chartDir ?? path.join(deps.config.dataDir, 'charts'), name);
    } catch (err) {
      deps.log.warn({ err: String((err as Error)?.message ?? err) }, 'digest chart could not be written');
      notes.push('The chart could not be rendered.');
    }
  }

  const latestDate = ctx.byRecency[0]!.date;
  return {
    command: 'digest',
    answered: true,
    title: `Digest: ${truncate(storyTitle, 200)}`,
    blocks: sections.map((s) => ({ heading: s.heading, text: s.text, cites: s.citations })),
    citations: ctx.book.citations,
    followUps: ['What happened most recently?', 'Who are the main people involved?', 'Where do the sources disagree?'],
    notes: notes.length ? notes : undefined,
    sections,
    events: latestEvents.shown,
    disagreements: disagreements.length ? disagreements : undefined,
    image,
    meta: {
      newArticles: fresh.fresh.map((a) => ({ id: a.id, date: a.date, title: a.title, outlet: a.outlet, url: a.url })),
      since: last?.since ?? null,
      latestDate,
      articleIds: ctx.articles.map((a) => a.id),
    },
  };
}
