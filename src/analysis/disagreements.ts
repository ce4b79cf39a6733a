/**
 * Where the articles differ: the one detector behind /compare and the digest's "Where
 * the sources disagree". Three kinds of difference, each side a sentence of an
 * article: figures about the same quantity that differ ("more than 60" vs "at least
 * 61"), reports and the denials of them, and the same claim stated firmly by one
 * source and only hedged ("reportedly") by another. Near-duplicate articles are one
 * voice, so repetition never passes for a second source.
 *
 * Computed once per corpus version over the whole corpus (it reads only the corpus, its
 * analysis and its search index); /compare narrows the list to a topic with
 * `narrowDisagreements`, the digest shows it whole. Nothing here cites: each side
 * carries its sentences, and the engine numbers the citations as it renders.
 */
import type { Deps } from '../deps.js';
import {
  ALLEGATION_WORDS, MEASURE_UNITS, NON_CONFIRMATIONS, UNIT_NOUNS, REPORTING_WORDS, REPORT_NOUNS, alternation, denialForms, speechForms, wordRe,
} from '../language/lexicon/index.js';
import { canonical } from '../language/synonyms.js';
import { terms } from '../language/tokenize.js';
import type { Article, Sentence } from '../types.js';
import type { Figure } from './digest-figures.js';
import { plainCountsIn } from './claim-figures.js';
import { analysisOf } from './index.js';
import { denialOf, hedgeOf, isNonConfirmation, isReport, reportedHedgeOf } from './stance.js';
import { differentTimes, figureGroup, presentsChange, risingBound, sameQuantity } from './figure-relations.js';
import { articleLabel, clip, distinctiveQuery, sentenceTerms } from './corpus-text.js';
import { finish, slicer, type Steps } from '../scale/slices.js';

/** What the detector reads: the corpus (with its analysis) and the search index built from it. */
export type DisagreementDeps = Parameters<typeof analysisOf>[0] & Pick<Deps, 'index'>;

/** At most this many disagreements of each kind are shown, so an answer stays readable in chat. */
export const MAX_PER_KIND = 5;
/** How many of each kind the whole-corpus list keeps, so a topic can still find its own after narrowing. */
const KEEP_PER_KIND = 40;

/** One difference between the articles, before it is cited. */
export interface Finding {
  kind: 'figures' | 'denial' | 'hedge';
  topic: string;
  sides: { text: string; sentences: Sentence[] }[];
  /** For ordering within a kind: higher first. */
  weight: number;
  /** Not a disagreement, only worth noting: the same value stated differently, a denial of a report the articles do not carry. */
  note?: boolean;
  /** Figures: every reading of the quantity (the sides show at most four), and what each counts ("People killed accused narcoterrorists"), for a topic to match. */
  figures?: { figure: Figure; label: string }[];
}

/** How a topic narrows the list: a sentence about it, or a figure label naming it ("people killed", "reward"). */
export interface TopicFilter {
  onTopic(s: Sentence): boolean;
  labelOnTopic(label: string): boolean;
}

interface Ctx {
  deps: DisagreementDeps;
  group: Map<string, string>;
  idf: (t: string) => number;
}

const cache = new WeakMap<object, Finding[]>();
const pending = new WeakMap<object, Promise<Finding[]>>();

/**
 * The work of finding them, as steps: it yields between steps (an article read, a figure compared with its kind, a
 * denial's search), so a caller can let the event loop answer others meanwhile (`disagreementsReady`).
 */
function* findingsOf(deps: DisagreementDeps): Steps<Finding[]> {
  // Pinned: the watcher may swap the corpus between steps; the findings are those of the corpus they began on.
  const pinned: DisagreementDeps = { ...deps };
  const N = Math.max(pinned.index.size, 1);
  const ctx: Ctx = { deps: pinned, group: analysisOf(pinned).groups, idf: (t) => Math.log(1 + N / (1 + pinned.index.docFreq(t))) };
  const figures = yield* figureDifferences(ctx);
  const denials = yield* reportsAndDenials(ctx);
  const hedged = yield* firmVersusHedged(ctx);
  return [...figures, ...denials, ...hedged];
}

/** Every difference between the articles of the corpus: figures, then denials, then firm vs hedged, each kind by weight. */
export function disagreementsOf(deps: DisagreementDeps): Finding[] {
  const hit = cache.get(deps.corpus);
  if (hit) return hit;
  const found = finish(findingsOf(deps));
  cache.set(deps.corpus, found);
  return found;
}

/**
 * The same findings, worked out a slice at a time (`turnMs` of work, then the event loop runs pending I/O): the first
 * /compare or digest of a large corpus takes seconds, and an acknowledgement due meanwhile must not wait for it. Calls
 * while it runs share one computation; once done, `disagreementsOf` reads it from the cache.
 */
export function disagreementsReady(deps: DisagreementDeps, turnMs = 10): Promise<Finding[]> {
  const corpus = deps.corpus;
  const hit = cache.get(corpus);
  if (hit) return Promise.resolve(hit);
  const running = pending.get(corpus);
  if (running) return running;
  const work = (async () => {
    const found = await slicer(turnMs).run(findingsOf(deps));
    if (!cache.has(corpus)) cache.set(corpus, found);
    return cache.get(corpus)!;
  })();
  pending.set(corpus, work);
  work.then(() => pending.delete(corpus), () => pending.delete(corpus));
  return work;
}

/**
 * The findings on a topic (all of them without one), at most `perKind` of each kind in
 * order: `found` are where the articles differ, `notes` what is worth noting but is not.
 */
export function narrowDisagreements(all: readonly Finding[], topic?: TopicFilter, perKind = MAX_PER_KIND): { found: Finding[]; notes: Finding[] } {
  const on = (f: Finding) =>
    !topic ||
    (f.figures
      ? f.figures.some((x) => topic.onTopic(x.figure.sentence) || topic.labelOnTopic(x.label))
      : f.sides.some((side) => side.sentences.some((s) => topic.onTopic(s))));
  const kept: Finding[] = [];
  const count = new Map<string, number>();
  for (const f of all) {
    if (!on(f)) continue;
    const n = count.get(f.kind) ?? 0;
    if (n >= perKind) continue;
    count.set(f.kind, n + 1);
    kept.push(f);
  }
  return { found: kept.filter((f) => !f.note), notes: kept.filter((f) => f.note) };
}

/** A finding as the CLI contract's disagreement: each side cites its sentences (`cite` numbers them). */
export function citeFinding(f: Finding, cite: (sentences: Sentence[]) => number): { topic: string; sides: { text: string; citations: number[] }[] } {
  return { topic: f.topic, sides: f.sides.map((side) => ({ text: side.text, citations: [cite(side.sentences)] })) };
}

// ---------------------------------------------------------------------------
// Figures

/** What `comparable` reads of one figure, worked out once per figure: the pairs it is asked about are quadratic in a kind's figures. */
interface FigureTraits {
  group: string;
  /** A bare amount or count ("$10 million", key money:money): compares with any of its group. */
  bare: boolean;
  /** The span a rate is per ("hour" in "$400 million an hour"), or null for a sum. */
  per: string | null;
  /** A plain count's words naming which kind of thing it counts ("power" in "power outages"); null for other figures. */
  kind: string[] | null;
}

function traitsOf(f: Figure): FigureTraits {
  const first = f.noun.toLowerCase().split(/\s+/)[0]!;
  return {
    group: figureGroup(f),
    bare: /:(money)?$/.test(f.key),
    per: UNIT_WORDS.has(first) ? first : null,
    kind: f.key.startsWith('count:') ? kindWords(f) : null,
  };
}

/** Same quantity, or the same kind of count at the same stated month ("seven warships" vs "three destroyers" in August). */
function comparable(a: Figure, b: Figure, ta: FigureTraits, tb: FigureTraits): boolean {
  if (differentTimes(a, b)) return false;
  // Sums named for different things ("$20 million emergency aid", "$150 million damage") are different sums; a bare
  // amount still compares with any.
  if (ta.group === 'money' && tb.group === 'money' && a.key !== b.key && !ta.bare && !tb.bare) return false;
  // A rate ("$400 million an hour", "$5.1 billion a day") is not a sum, nor a rate per another span.
  if (ta.group === 'money' && tb.group === 'money' && ta.per !== tb.per) return false;
  // "power outages" and "water outages" are different quantities: the words naming which kind keep them apart (plain
  // counts only: the figure rules' own keys already say what is counted, "accused narcoterrorists" killed).
  if (ta.kind?.length && tb.kind?.length && !ta.kind.some((t) => tb.kind!.includes(t))) return false;
  if (sameQuantity(a, b)) return true;
  return ta.group === tb.group && !!a.when && a.when === b.when && !!a.whenText && !!b.whenText;
}

/** "5 The boys were …": a list's number opening its sentence, not a count. */
function listNumber(f: Figure): boolean {
  const text = f.sentence.text;
  const at = text.length - text.trimStart().length;
  return text.startsWith(f.display, at) && /^\s+\p{Lu}/u.test(text.slice(at + f.display.length));
}

const UNIT_WORDS: ReadonlySet<string> = new Set([...UNIT_NOUNS, 'dozen', ...MEASURE_UNITS.flatMap((u) => u.forms.map((f) => f.toLowerCase()))]);

/** A plain count whose noun is a unit or a span ("kilometres southeast", "mph overnight", "square miles"). */
function measuresNotCounts(f: Figure): boolean {
  const ws = f.noun.toLowerCase().split(/\s+/);
  return UNIT_WORDS.has(ws[0]!) || UNIT_WORDS.has(ws.slice(0, 2).join(' ')) || UNIT_WORDS.has(ws.slice(0, 3).join(' '));
}

/** The words naming which kind of thing a count counts ("power" in "power outages"), before what it counts. */
function kindWords(f: Figure): string[] {
  return terms(/\bof\s+(.+)$/.exec(f.noun)?.[1] ?? f.noun).slice(0, -1);
}

function* figureDifferences(ctx: Ctx): Steps<Finding[]> {
  const all: Figure[] = [];
  const known = analysisOf(ctx.deps).figures;
  // Read lazily, an article's sentences at a time from the file: a step is a few hundred sentences' figures.
  let lists = 0;
  for (const list of known.values()) {
    all.push(...list);
    if (++lists % 200 === 0) yield;
  }
  // Counts of things the figure lexicon does not know ("40,000 electric kettles", "23 reports of burns", "31 burn
  // injuries"): keyed by the noun they count, so any corpus's quantities compare.
  // A unit is not a thing counted ("600 kilometres southeast", "150 mph", "a dozen"): measures come keyed by what they
  // measure from the figure rules above.
  // Read an article at a time (as the analysis's `plainCounts` reads them all), so the slices stay short.
  for (const a of ctx.deps.corpus.articles) {
    yield;
    all.push(...plainCountsIn(a, known).filter((f) => !measuresNotCounts(f)));
  }
  // And the counts the digest's key figures read that neither gives (numbers in words: "a pilot and four passengers"), so
  // a count the digest states is one the disagreements see.
  const have = new Set<string>();
  for (const [i, f] of all.entries()) {
    if (i % 2000 === 1999) yield;
    have.add(`${f.sentence.id}|${f.value}`);
  }
  const an = analysisOf(ctx.deps);
  const latest = ctx.deps.corpus.articles.map((a) => a.date).filter((d): d is string => !!d).sort().pop() ?? null;
  for (const a of ctx.deps.corpus.articles) {
    yield;
    for (const f of an.digestFigures(a, a.date ?? latest)) {
      const k = `${f.sentence.id}|${f.value}`;
      if (!f.head || have.has(k) || measuresNotCounts(f) || listNumber(f)) continue;
      have.add(k);
      all.push(f);
    }
  }
  const voice = (f: Figure) => ctx.group.get(f.articleId) ?? f.articleId;
  const at = (f: Figure) => f.when ?? ctx.deps.corpus.byId.get(f.articleId)?.date ?? null;
  // Only figures of one kind can be about the same quantity: compare within each kind, and bound the
  // work per kind so a corpus of thousands of articles stays interactive.
  const byGroup = new Map<string, number[]>();
  // Each figure's voice and whether it is given as a change, once: the pairs below are quadratic in a kind's figures.
  const voices: string[] = [];
  const changes: boolean[] = [];
  const traits: ReturnType<typeof traitsOf>[] = [];
  for (const [i, f] of all.entries()) {
    if (i % 500 === 499) yield;
    const g = figureGroup(f);
    const list = byGroup.get(g) ?? [];
    if (list.length < 800) list.push(i);
    byGroup.set(g, list);
    voices.push(voice(f));
    changes.push(presentsChange(f));
    traits.push(traitsOf(f));
  }
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const linked = new Set<number>();
  for (const idx of byGroup.values()) for (let x = 0; x < idx.length; x++) {
    yield;
    for (let y = x + 1; y < idx.length; y++) {
      if ((y - x) % 200 === 0) yield;
      const i = idx[x]!;
      const j = idx[y]!;
      const a = all[i]!;
      const b = all[j]!;
      if (voices[i] === voices[j]) continue;
      const derivedOnlyOnce = !!a.note !== !!b.note;
      if (a.value === b.value && !derivedOnlyOnce) continue;
      // A figure given as a change ("has since risen to", "up from"), or a count that went on ("12" on 2 March, "at least
      // 15" on 4 March), is a later value, not a rival one.
      if (a.value !== b.value && (changes[i] || changes[j] || risingBound(a, b, at))) continue;
      // Already one cluster (each member of a cluster was linked when it joined): nothing to learn from this pair.
      if (find(i) === find(j) || !comparable(a, b, traits[i]!, traits[j]!)) continue;
      parent[find(i)] = find(j);
      linked.add(i).add(j);
    }
  }
  const clusters = new Map<number, Figure[]>();
  for (const i of linked) {
    const r = find(i);
    const list = clusters.get(r) ?? [];
    list.push(all[i]!);
    clusters.set(r, list);
  }
  const priority = ['killed', 'casualties', 'money', 'troops', 'ships', 'aircraft', 'strikes', 'weapons', 'people'];
  const out: Finding[] = [];
  for (const figs of clusters.values()) {
    yield;
    // One side per distinct reading; a reading repeated by several articles is one side citing the first.
    const readings = new Map<string, Figure>();
    for (const f of figs.sort((x, y) => x.articleId.localeCompare(y.articleId) || x.sentence.start - y.sentence.start)) {
      const k = `${voice(f)}|${f.display}|${f.noun}`;
      if (!readings.has(k)) readings.set(k, f);
    }
    // At most four sides, taken in turn from each voice: four readings of one article would hide the other voice it differs from.
    const byVoice = new Map<string, Figure[]>();
    for (const f of readings.values()) byVoice.set(voice(f), [...(byVoice.get(voice(f)) ?? []), f]);
    const turns: Figure[] = [];
    for (let i = 0; turns.length < readings.size; i++) for (const fs of byVoice.values()) if (fs[i]) turns.push(fs[i]!);
    const picked = new Set(turns.slice(0, 4));
    const list = [...readings.values()].filter((f) => picked.has(f));
    if (list.length < 2) continue;
    // Strictly by the ranges the wording allows: "$2.3 billion" and "$2.1 billion" cannot both be true.
    const disjoint = (a: Figure, b: Figure) => a.hi < b.lo || b.hi < a.lo;
    const anyConflict = list.some((a, i) => list.slice(i + 1).some((b) => disjoint(a, b) && voice(a) !== voice(b)));
    const sameSum = list.every((f) => f.value === list[0]!.value);
    const nouns = new Set(list.map((f) => f.noun));
    const label = figureLabel(list[0]!);
    // The values in the topic line, each once: "six" from two voices and "Six" from a third are one value, not three.
    const values = [...new Map(list.map((f) => [`${f.display.toLowerCase()}|${f.note ?? ''}`, f])).values()];
    const how = sameSum
      ? 'the same amount, stated differently'
      : anyConflict
        ? nouns.size > 1
          ? 'different counts (they may count different things)'
          : 'figures that cannot both be true'
        : 'different figures that can both be true';
    out.push({
      kind: 'figures',
      ...(sameSum ? { note: true } : {}),
      topic: sameSum
        ? `${label}: ${values.map((f) => `“${f.display}”${f.note ? ` (${f.note})` : ''}`).join(' and ')} — the same amount, so the articles agree`
        : `${label}: ${values.map((f) => `“${f.display}”${f.note ? ` (${f.note})` : ''}`).join(' vs ')} — ${how}`,
      sides: list.map((f) => ({ text: figureSide(ctx, f), sentences: [f.sentence] })),
      figures: figs.map((f) => ({ figure: f, label: `${figureLabel(f)} ${f.noun}` })),
      weight: 100 - Math.max(0, priority.indexOf(figureGroup(list[0]!))) * 5 + (anyConflict ? 3 : 0),
    });
  }
  return out.sort((a, b) => b.weight - a.weight || Number(!!a.note) - Number(!!b.note)).slice(0, KEEP_PER_KIND);
}

function figureLabel(f: Figure): string {
  if (f.key === 'killed') return 'People killed';
  if (figureGroup(f) === 'money') return f.noun === 'money' ? 'Amount' : cap(f.noun);
  return cap(f.label);
}

function figureSide(ctx: Ctx, f: Figure): string {
  const a = ctx.deps.corpus.byId.get(f.articleId)!;
  const noun = f.noun === 'money' ? '' : ` ${f.noun}`;
  const bits = [f.whenText ? f.whenText : null, f.note ?? null, f.who ? `per ${clip(f.who, 60)}` : null].filter(Boolean);
  const hedge = reportedHedgeOf(f.sentence.text);
  if (hedge) bits.push(`hedged: “${clip(hedge.phrase, 60)}”`);
  return `${sourceWithDate(a)}: ${f.display}${noun}${bits.length ? ` (${bits.join('; ')})` : ''}`;
}

// ---------------------------------------------------------------------------
// Reports and denials

function* reportsAndDenials(ctx: Ctx): Steps<Finding[]> {
  const { deps } = ctx;
  const out: Finding[] = [];
  const used = new Set<string>();
  let examined = 0;
  for (const a of deps.corpus.articles) {
    if (examined > 60 || out.length >= KEEP_PER_KIND) break;
    yield;
    for (const s of a.sentences) {
      const denial = denialOf(s.text);
      if (!denial || used.has(s.id)) continue;
      // Enough denials examined: the answer shows a handful, and each costs a search.
      if (++examined > 60) break;
      yield;
      // A denial often runs over two sentences ("X denied the report." "“Fake story,” he wrote."): take both.
      const next = adjacent(a, s).find((x) => x.start > s.start && denialOf(x.text));
      const denialSentences = next ? [s, next] : [s];
      for (const x of denialSentences) used.add(x.id);

      // Repeated in a near-duplicate: the same denial, not another one.
      if (out.some((f) => f.sides.some((side) => side.sentences.some((x) => ctx.group.get(x.articleId) === ctx.group.get(a.id) && x.text === s.text)))) continue;

      // What is denied: the words after "report that" or "denied that", else the whole sentence and its neighbours.
      const object =
        /\b(?:report|reports|story|claim|claims|allegation)s?\s+that\s+(.+)$/i.exec(s.text)?.[1] ??
        DENIED_OBJECT_RE.exec(s.text)?.[1] ??
        s.text;
      // The ordinary words of what is denied ("already made a decision on the strikes"): a report must share them, not
      // just the names around it, to be the one denied.
      const lowerWant = new Map<string, number>();
      for (const m of object.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu)) {
        for (const t of terms(m[0])) {
          // Weighed by the word as written: the synonym group's representative ("airstrike" for "strikes") may be rare.
          if (t.length > 2 && !REPORTING_TERMS.has(t) && ctx.idf(t) > 0) lowerWant.set(canonical(t), Math.max(lowerWant.get(canonical(t)) ?? 0, ctx.idf(t)));
        }
      }
      const lowerTotal = sum(lowerWant) || 1;
      const contentShare = (ts: Set<string>) => {
        let n = 0;
        for (const [t, w] of lowerWant) if (ts.has(t)) n += w;
        return lowerWant.size ? n / lowerTotal : 1;
      };
      const denier = speakerOf(s.text);
      const denierTerms = new Set(denier ? terms(denier) : []);
      const context = [s, ...adjacent(a, s)].map((x) => x.text).join(' ');
      const want = weighted(ctx, object);
      const outlets = names(context);
      const reports: { s: Sentence; score: number }[] = [];
      // Candidates from the index, not a scan of every sentence: this stays fast on thousands of articles.
      const query = distinctiveQuery(deps, [...outlets.flatMap((o) => terms(o)), ...terms(object)], 12);
      const hits = deps.index.search(query, { limit: 40 });
      // A search of a large corpus is a step of its own; so is each passage it finds read.
      yield;
      for (const hit of hits) {
        yield;
        const passage = deps.index.passage(hit.id);
        const b = deps.corpus.byId.get(hit.articleId);
        if (!passage || !b) continue;
        for (const r of passage.sentences) {
          if (denialSentences.includes(r) || denialOf(r.text) || !isReport(r.text) || /\?\s*["”’']?\s*$/.test(r.text)) continue;
          const have = new Set(sentenceTerms(r).map(canonical));
          let score = 0;
          for (const [t, w] of want) if (have.has(t)) score += w;
          const total = [...want.values()].reduce((x, y) => x + y, 0) || 1;
          let share = score / total;
          // Naming the outlet the denial is aimed at ("referencing the Miami Herald") helps, but only a report that says
          // what is denied is its report: "identified … targets" is not "already made a decision".
          const content = contentShare(new Set(sentenceTerms(r).map(canonical)));
          if (content < 0.34) continue;
          if (outlets.some((o) => r.text.includes(o))) share += 0.25;
          if (share >= 0.45) reports.push({ s: r, score: share + (ctx.group.get(b.id) !== ctx.group.get(a.id) ? 0.05 : 0) });
        }
      }
      // "Advocates said the company knew about the faulty lids for months … ‘They waited until someone was hurt,’ Okafor
      // said. Raman denied that the company delayed the recall": the allegation answered, a few sentences before, by
      // someone other than the denier. Together those sentences must say most of what is denied.
      const alleged: Sentence[] = [];
      if (!reports.length && lowerWant.size) {
        const i = a.sentences.indexOf(s);
        const window = a.sentences.slice(Math.max(0, i - 4), i).filter((x) => ALLEGE_RE.test(x.text) && !denialOf(x.text) && !/\?\s*["”’']?\s*$/.test(x.text));
        const byOthers = window.filter((x) => !(speakersOf(x.text).some((n) => terms(n).some((t) => denierTerms.has(t)))));
        const together = new Set(byOthers.flatMap((x) => sentenceTerms(x).map(canonical)));
        const own = (x: Sentence) => contentShare(new Set(sentenceTerms(x).map(canonical)));
        if (byOthers.length && contentShare(together) >= 0.6) {
          const best = byOthers.filter((x) => own(x) > 0).sort((x, y) => own(y) - own(x) || x.start - y.start).slice(0, 2);
          alleged.push(...best.sort((x, y) => x.start - y.start));
        }
      }
      reports.sort((x, y) => y.score - x.score);
      const picked: Sentence[] = [];
      for (const r of reports) {
        if (picked.length >= 2) break;
        if (picked.some((p) => ctx.group.get(p.articleId) === ctx.group.get(r.s.articleId))) continue;
        picked.push(r.s);
      }
      if (!picked.length && alleged.length) {
        const who = speakerOf(s.text);
        out.push({
          kind: 'denial',
          topic: `An allegation and its denial${who ? ` by ${who}` : ''}`,
          sides: [
            { text: `Alleged — ${sourceWithDate(a)}: ${alleged.map((x) => `“${clip(x.text.trim(), 220)}”`).join(' … ')}`, sentences: alleged },
            { text: `Denied — ${sourceWithDate(a)}: “${clip(denialSentences.map((x) => x.text.trim()).join(' '), 260)}”`, sentences: denialSentences },
          ],
          weight: 60,
        });
        continue;
      }
      if (!picked.length && !soft0(denial) && REPORT_OBJECT_RE.test(s.text)) {
        // Denied, but no article carries what is denied ("that Trump had already made a decision"): worth noting, not a
        // disagreement between the articles (a report of something else by the same outlet is not it).
        const who = speakerOf(s.text);
        out.push({
          kind: 'denial',
          note: true,
          topic: `A denial${who ? ` by ${who}` : ''} of a report whose claim no article states`,
          sides: [{ text: `Denied — ${sourceWithDate(a)}: “${clip(denialSentences.map((x) => x.text.trim()).join(' '), 260)}”`, sentences: denialSentences }],
          weight: 10,
        });
        continue;
      }
      if (!picked.length) continue;
      const soft = isNonConfirmation(denial);
      const who = speakerOf(s.text);
      out.push({
        kind: 'denial',
        topic: soft ? `A report that was not confirmed${who ? ` by ${who}` : ''}` : `A report and its denial${who ? ` by ${who}` : ''}`,
        sides: [
          ...picked.map((p) => ({ text: `Reported — ${sourceWithDate(deps.corpus.byId.get(p.articleId)!)}: “${clip(p.text.trim(), 220)}”`, sentences: [p] })),
          { text: `${soft ? 'Not confirmed' : 'Denied'} — ${sourceWithDate(a)}: “${clip(denialSentences.map((x) => x.text.trim()).join(' '), 260)}”`, sentences: denialSentences },
        ],
        weight: soft ? 50 : 60,
      });
    }
  }
  return out.slice(0, KEEP_PER_KIND);
}

// ---------------------------------------------------------------------------
// Firm vs hedged

function* firmVersusHedged(ctx: Ctx): Steps<Finding[]> {
  const { deps } = ctx;
  type Item = { s: Sentence; a: Article; w: Map<string, number>; lower: Set<string>; hedge: string | null; clauses: { w: Map<string, number>; lower: Set<string> }[] };
  // Items are built on demand: only hedged sentences and the firm candidates the index returns for them.
  const cache = new Map<string, Item | null>();
  const itemOf = (a: Article, s: Sentence): Item | null => {
    const hit = cache.get(s.id);
    if (hit !== undefined) return hit;
    let item: Item | null = null;
    if (!/\?\s*["”’']?\s*$/.test(s.text) && !denialOf(s.text)) {
      const h = reportedHedgeOf(s.text);
      // Firm: stated without a hedge and not passed on as someone else's report.
      const firm = !h && !hedgeOf(s.text) && !isReport(s.text);
      const w = h || firm ? weighted(ctx, s.text) : null;
      if (w && w.size >= 4) {
        // Clauses: a hedge usually governs one clause, and a firm aside is often one too ("— X directly appealed to Y —").
        const parts = s.text.split(/[,;:—–()]|\s-\s/);
        let clauses = parts;
        if (h) {
          const at = s.text.indexOf(h.phrase);
          let end = 0;
          const i = parts.findIndex((c) => (end += c.length + 1) > at);
          const own = parts[Math.max(0, i)] ?? '';
          // ", allegedly led by X" modifies what precedes it; the hedge's own words are how it is said, not what.
          clauses = [(/^\s*\w+ly\b/.test(own) && i > 0 ? `${parts[i - 1]} ${own}` : own).replace(h.phrase, ' ')];
        }
        item = {
          s, a, w, lower: lowerTerms(ctx, s.text), hedge: h?.phrase ?? null,
          clauses: clauses.map((c) => ({ w: weighted(ctx, c), lower: lowerTerms(ctx, c) })).filter((c) => c.w.size >= 3),
        };
      }
    }
    cache.set(s.id, item);
    return item;
  };
  const items: Item[] = [];
  for (const a of deps.corpus.articles) {
    yield;
    for (const s of a.sentences) {
      if (!reportedHedgeOf(s.text)) continue;
      const it = itemOf(a, s);
      if (it) items.push(it);
      if (items.length >= 300) break;
    }
  }
  const out: Finding[] = [];
  const usedHedged = new Set<string>();
  for (const h of items) {
    yield;
    let best: { f: Item; share: number } | undefined;
    // Firm candidates: sentences of the passages the index finds for the hedged sentence.
    const hits = deps.index.search(distinctiveQuery(deps, sentenceTerms(h.s)), { limit: 40 });
    // A search of a large corpus is a step of its own; so is each passage it finds made into items.
    yield;
    const candidates: Item[] = [];
    for (const hit of hits) {
      yield;
      for (const x of deps.index.passage(hit.id)?.sentences ?? []) {
        const item = itemOf(deps.corpus.byId.get(x.articleId)!, x);
        if (item) candidates.push(item);
      }
    }
    for (const f of candidates) {
      if (f.hedge || ctx.group.get(f.a.id) === ctx.group.get(h.a.id)) continue;
      // Shared weight relative to the shorter sentence: one states what the other hedges.
      let shared = 0;
      for (const [t, w] of h.w) if (f.w.has(t)) shared += w;
      const smaller = Math.min(sum(h.w), sum(f.w));
      const share = shared / (smaller || 1);
      const sharedCount = [...h.w.keys()].filter((t) => f.w.has(t)).length;
      // Both must be real statements (6+ terms) sharing 5+ of them, two of them ordinary words: shared names alone
      // ("Cartel de los Soles" is four terms) say two sentences are about the same people, not that they say the same thing.
      const sharedLower = [...h.lower].filter((t) => f.lower.has(t)).length;
      if (f.w.size >= 6 && share >= 0.35 && sharedCount >= 5 && sharedLower >= 2 && (!best || share > best.share)) best = { f, share };
      // Or the hedged clause and a firm clause say the same thing: 3+ shared terms, most of the shorter one, a shared ordinary word.
      for (const hc of h.clauses) {
        for (const fc of f.clauses) {
          const common = [...hc.w.keys()].filter((t) => fc.w.has(t));
          const cw = common.reduce((n, t) => n + hc.w.get(t)!, 0);
          const cshare = cw / (Math.min(sum(hc.w), sum(fc.w)) || 1);
          const lowerCommon = [...hc.lower].filter((t) => fc.lower.has(t)).length;
          if (common.length >= 3 && lowerCommon >= 1 && cshare >= 0.6 && (!best || cshare > best.share)) best = { f, share: cshare };
        }
      }
    }
    if (!best) continue;
    const key = `${ctx.group.get(h.a.id)}|${best.f.s.id}`;
    if (usedHedged.has(key) || out.some((o) => o.sides.some((side) => side.sentences[0]!.id === best!.f.s.id))) continue;
    usedHedged.add(key);
    out.push({
      kind: 'hedge',
      topic: `Stated firmly by one source, only hedged (“${clip(h.hedge!, 60)}”) by another`,
      sides: [
        { text: `Firm — ${sourceWithDate(best.f.a)}: “${clip(best.f.s.text.trim(), 220)}”`, sentences: [best.f.s] },
        { text: `Hedged — ${sourceWithDate(h.a)}: “${clip(h.s.text.trim(), 220)}”`, sentences: [h.s] },
      ],
      weight: 40 + best.share,
    });
  }
  return out.sort((a, b) => b.weight - a.weight).slice(0, KEEP_PER_KIND);
}

// ---------------------------------------------------------------------------
// helpers

/** Canonical content terms of a text with their idf weights. */
function weighted(ctx: Ctx, text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms(text)) {
    if (t.length < 2) continue;
    out.set(canonical(t), ctx.idf(t));
  }
  return out;
}

/** Canonical terms of the ordinary (lower-case) words of a text: what is said, as opposed to who it is about. */
function lowerTerms(ctx: Ctx, text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu)) for (const t of terms(m[0])) if (t.length > 2 && ctx.idf(t) > 0) out.add(canonical(t));
  return out;
}

function sum(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

function adjacent(a: Article, s: Sentence): Sentence[] {
  const i = a.sentences.indexOf(s);
  return [a.sentences[i - 1], a.sentences[i + 1]].filter((x): x is Sentence => !!x);
}

/** Capitalised multi-word names in a text ("Miami Herald", "Washington Post"), for matching a denial to its target. */
function names(text: string): string[] {
  return [...text.matchAll(/\b\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+)+/gu)].map((m) => m[0]).filter((n) => !/^(The|A|An|In|On)\s/.test(n));
}

/** Words that say something was reported, not what: they do not make a report the one denied. */
const REPORTING_TERMS = new Set(REPORTING_WORDS.flatMap((w) => terms(w)));

/** A denial of a report said to exist ("denied the newspaper's report that …"). */
const REPORT_OBJECT_RE = wordRe(REPORT_NOUNS);
/** What a denial denies: the words after "denied (that)". */
const DENIED_OBJECT_RE = new RegExp(`\\b(?:${alternation(denialForms({ strong: true }))})\\s+(?:that\\s+)?(.+)$`, 'i');
const soft0 = (d: string) => isNonConfirmation(d);

/** A sentence that passes on what someone says or alleges ("advocates said…", "X accused Y of…"). */
const ALLEGE_RE = wordRe(ALLEGATION_WORDS);
const NAME = "(?:\\p{Lu}[\\p{L}’'.-]+\\s+){0,2}\\p{Lu}[\\p{L}’'.-]+";
const SPEAKERS_RE = new RegExp(
  `(${NAME})(?:,[^,]{0,60},)?\\s+(?:${alternation(speechForms({ roles: ['say', 'allege'], ambiguous: false, forms: ['s', 'past'] }))})\\b|\\b(?:${alternation(speechForms({ inverts: true, forms: ['s', 'past'] }))})\\s+(${NAME})`,
  'gu',
);
const DENIER_RE = new RegExp(
  `((?:\\p{Lu}[\\p{L}’'.-]+\\s+){0,3}\\p{Lu}[\\p{L}’'.-]+)(?:,[^,]{0,80},)?\\s+(?:${alternation([...denialForms({ forms: ['s', 'past'] }), ...NON_CONFIRMATIONS])})`,
  'u',
);

/** Names given as speakers in a sentence ("…," Okafor said; Priya Raman said). */
function speakersOf(text: string): string[] {
  return [...text.matchAll(SPEAKERS_RE)].map((m) => (m[1] ?? m[2])!);
}

/** Who denies: the name before "denied"/"did not confirm", or after "spokesman". */
function speakerOf(text: string): string | null {
  const m = DENIER_RE.exec(text);
  // "Secretary of State Marco Rubio" → the last two capitalised words are the person.
  if (m) return m[1]!.trim().split(/\s+/).slice(-2).join(' ');
  return null;
}

function sourceWithDate(a: Article): string {
  return `${articleLabel(a)}${a.date ? ` (${a.date})` : ''}`;
}

/** A narrower /compare to offer for a finding (the Discord router runs "/compare …" suggestions as that command). */
export function followUpFor(f: Finding): string | null {
  if (f.kind === 'figures') return `/compare ${f.topic.split(':')[0]!.toLowerCase()}`;
  const who = /by (.+)$/.exec(f.topic)?.[1];
  return who ? `/compare ${who}` : null;
}

function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
