/**
 * /ask on the evidence core (src/evidence/): the question parsed once, windows retrieved,
 * answerability decided by the question's structure, and the answer stated first — a few
 * words taken verbatim from the quote that cites them ("roughly 10,000 [1]", "June 23 [1]")
 * — then at most three supporting quotes, independent articles first. A refusal names what
 * is missing: an entity or topic the articles never mention, or the fact they never give.
 */
import type { Deps } from '../deps.js';
import { analysisOf } from '../analysis/index.js';
import { entityLookupOf } from '../analysis/entity-lookup.js';
import { entityPostings } from '../evidence/entity-postings.js';
import { decide, type Answering } from '../evidence/answerable.js';
import { parseQuestion, type ParsedQuestion } from '../evidence/question.js';
import { retrieve } from '../evidence/retrieve.js';
import type { Filler } from '../evidence/short.js';
import { byTime, datePhrase, figureTimes, sameQuantity, type FigureTimes, type Placed } from '../evidence/figure-time.js';
import { fold, terms } from '../language/tokenize.js';
import type { Answer, AnswerBlock, Sentence } from '../types.js';
import type { FigureFact } from '../analysis/figures.js';
import type { Entity } from '../index/entities.js';
import type { Element } from '../evidence/retrieve.js';
import { attributedTo, extendQuote, followUpsFrom, passagesOf, refusal, sentenceDateOf, shortTitle, timelineDate } from './ask.js';
import { createCiter } from './cite.js';
import { askAnswer } from './phrasing.js';

/** Kinds whose answer is one fact to name. */
const FACT_KINDS = new Set(['count', 'amount', 'age', 'date', 'time', 'person', 'organisation', 'place', 'reason', 'list', 'name', 'description']);
const QUOTE_RE = /["“”]/;
/** Kinds whose answer is a name, place or date read from a window, ranked by how well it is tied to the question. */
const TIED_KINDS = new Set(['person', 'organisation', 'name', 'place', 'list', 'date', 'time']);
const leadRank = (w: Answering) => (w.score || 1) * (0.4 + 0.6 * Math.min(w.fillers[0]?.fit ?? 0, 1.5));
const MAX_QUOTES = 3;

/** What the evidence core finds for a question: the windows that answer it, in the order /ask states them, or why none does. */
export type Found =
  | { answered: false; q: ParsedQuestion; answer: Answer }
  | {
      answered: true;
      q: ParsedQuestion;
      r: ReturnType<typeof retrieve>;
      d: Extract<ReturnType<typeof decide>, { answerable: true }>;
      windows: Answering[];
      timed: ReturnType<typeof byTime>;
      times: FigureTimes;
      chosen: Answering[];
    };

/**
 * The evidence for `question`, chosen as /ask chooses it: /ask states it, and /verify reads a claim's figure, date or
 * place against it, so one fact has one answer. `context` holds the names a follow-up carries.
 */
export function findAnswer(deps: Deps, question: string, context: string[] = [], suggest = true, follows: readonly string[] = []): Found {
  const q = parseQuestion(deps, question, context);
  const searched = `${deps.corpus.articles.length} article${deps.corpus.articles.length === 1 ? '' : 's'}`;
  if (!q.entities.length && !q.topics.length && !q.predicates.length && !q.unknown.length && !q.context.length && !q.dates.length && (q.kind === 'description' || q.kind === 'quote' || q.kind === 'yesno')) {
    return { answered: false, q, answer: refusal(question, `That question has no words I can look up. I searched ${searched}; try naming a person, place or event.`, []) };
  }
  const r = retrieve(deps, q);
  const d = decide(deps, q, r);
  const suggestFrom = (ws: { sentence: Sentence }[]) => (suggest ? followUpsFrom(deps, ws.slice(0, 6).map((w) => w.sentence), question) : []);
  // A refusal keeps the passages it read, for a model to read them in full (src/engines/ask.ts).
  if (!d.answerable) {
    const no = refusal(question, `The articles don't answer that. ${d.reason}`, suggestFrom(d.near), passagesOf(deps, d.near.map((w) => w.sentence)));
    return { answered: false, q, answer: { ...no, meta: { ...no.meta, subjects: subjectsOf(deps, q, r.elements, []) } } };
  }

  let windows = d.windows;
  // A name, place or date asked for is the filler tied best to what the question asks: the window that leads is
  // ranked by its words and its best filler's fit together, so a well-tied filler one window down answers.
  if (TIED_KINDS.has(q.kind)) windows = [...windows].sort((a, b) => leadRank(b) - leadRank(a));
  if (q.kind === 'quote') {
    // "What did X say?" wants X's own words: a window that merely mentions X is no answer.
    // "What did he say?": the person the conversation is about (a person before anything else it named).
    const who = q.speaker ?? (q.pointsBack ? (q.context.find((c) => c.entities.some((e) => e.kind === 'person')) ?? q.context[0]) : undefined);
    // Who says each sentence is read once for every command (src/analysis/attribution.ts); the engine's own reading is the fallback.
    const said = analysisOf(deps).attribution;
    const spoken = windows.filter((w) => said[w.sentence.id] || w.sentences.some((s) => QUOTE_RE.test(s.text)) || /\b(?:said|says|told|tells|wrote|writes|added|stated)\b/i.test(w.sentence.text));
    if (who) {
      const ids = new Set(who.entities.map((e) => e.id));
      const speaker = [...new Set(who.entities.flatMap((e) => terms(e.name)))];
      let own = spoken.filter((w) => ids.has(said[w.sentence.id]?.speaker ?? '') || attributedTo({ s: w.sentence, article: w.article, score: w.score, covered: new Set() }, speaker));
      // "What did he write back?": what the person did in words, told without a speech verb ("In reply, he scrawled a note …").
      if (!own.length && !q.speaker) own = windows.filter((w) => doneBy(deps, w, ids) && r.elements.some((e) => e.role === 'predicate' && w.support.get(e.id)?.sentence === w.sentence));
      if (!own.length) {
        const name = who.entities[0]?.name ?? who.text;
        return { answered: false, q, answer: refusal(question, `The articles don't answer that. They mention ${name}, but never quote ${name} on this.`, suggestFrom(windows)) };
      }
      // Their own words quoted ("… replied, “Brilliant.”") before words told about them ("who said hello back").
      windows = [...own.filter((w) => QUOTE_RE.test(w.sentence.text)), ...own.filter((w) => !QUOTE_RE.test(w.sentence.text))];
    } else if (spoken.length) windows = spoken;
  }

  // "How many … now?": the latest figure of what is counted leads, the one it updates beside it; "… in August?": that month's.
  const timed = byTime(deps, q, windows, r.windowAt);
  windows = timed.windows;
  // A follow-up that asks on about the same thing ("why?", "was that all because of …?") is answered where the article
  // goes on from the sentence that answered the last question: of the windows that answer it, one there leads.
  const next = continuation(deps, follows);
  // What it states is said there, not in the last answer again ("In comparison, …" beside it, with its filler from it),
  // and it says some of what the follow-up asks there: a window found by the last answer's sentence beside it is no answer.
  const ownThere = (w: Answering) => r.elements.some((e) => next.has(w.support.get(e.id)?.sentence.id ?? ''));
  const goesOn = next.size ? windows.find((w) => next.has(w.sentence.id) && (!w.fillers[0] || next.has(w.fillers[0].sentence.id)) && ownThere(w)) : undefined;
  if (goesOn) windows = [goesOn, ...windows.filter((w) => w !== goesOn)];
  const groups = analysisOf(deps).groups;
  // A report of the same thing at a comparable time that gives another figure is set beside the answer.
  const times = figureTimes(deps);
  // The same noun as written ("evacuees", not "specialist cave divers" beside "divers").
  const rival = (a: Filler | undefined, b: Filler | undefined) => (q.kind === 'count' || q.kind === 'amount') && rivals(a, b, times);
  const chosen = choose(windows, groups, timed.earlier ?? undefined, rival);
  return { answered: true, q, r, d, windows, timed, times, chosen };
}

/** How far past the sentences that answered the last question a follow-up's answer is looked for first. */
const CONTINUATION_SENTENCES = 3;

/** The sentences of the article that come right after `cited` (the last answer's quote), up to CONTINUATION_SENTENCES. */
function continuation(deps: Deps, cited: readonly string[]): Set<string> {
  const out = new Set<string>();
  const last = cited[cited.length - 1];
  if (!last) return out;
  // A sentence id is `${articleId}:p${paragraph}:s${index}` (src/types.ts): read its article only.
  const a = deps.corpus.byId.get(last.slice(0, last.lastIndexOf(':p')));
  const at = a ? a.sentences.findIndex((s) => s.id === last) : -1;
  if (a && at >= 0) for (const s of a.sentences.slice(at + 1, at + 1 + CONTINUATION_SENTENCES)) if (!cited.includes(s.id)) out.add(s.id);
  return out;
}

/**
 * Answer `question` from the evidence core; `context` holds the names a follow-up carries, `follows` the sentences that
 * answered the question it follows up.
 */
export function evidenceAnswer(deps: Deps, question: string, context: string[] = [], suggest = true, follows: readonly string[] = []): Answer {
  const found = findAnswer(deps, question, context, suggest, follows);
  if (!found.answered) return found.answer;
  const { q, r, d, windows, timed, times, chosen } = found;
  const groups = analysisOf(deps).groups;
  const citer = createCiter(deps.corpus);
  const used = new Set<string>();
  const blocks: AnswerBlock[] = [];
  const cited: { w: Answering; n: number; filler?: Filler; sentences: Sentence[] }[] = [];
  for (const w of chosen) {
    const filler = w.fillers[0];
    // The earlier figure, in this window (or around the answer), is quoted with the one that updates it.
    const e = timed.earlier;
    const withEarlier = !!e && (e.w === w || (w === chosen[0] && w.sentences.some((s) => s.id === e.filler.sentence.id)));
    const sentences = [...new Set([...quoteSentencesOf(w, filler, withEarlier ? e!.filler : undefined), ...(filler ? [] : statingNeighbours(q, r.elements, w))])].sort((a, b) => a.start - b.start);
    if (sentences.every((s) => used.has(s.id))) continue;
    for (const s of sentences) used.add(s.id);
    const n = citer.cite(sentences);
    cited.push({ w, n, sentences, ...(filler ? { filler } : {}) });
  }
  const earlier = timed.earlier ? placedIn(cited, timed.earlier) : null;
  // The short answer: the first window's filler, verbatim in the quote that cites it; a rival or an earlier value beside it.
  const short = FACT_KINDS.has(q.kind) ? shortOf(q, cited, citer.citations, earlier, times, (f) => sentenceDateOf(deps, f.sentence, f.text)?.date ?? null) : null;
  const voiceOf = (x: { article: { id: string } }) => groups.get(x.article.id) ?? x.article.id;
  for (const { w, n, filler } of cited) {
    const c = citer.citations[n - 1]!;
    // "When …?": the quote is labelled with the date the timeline gives its event ("on Monday" in a Monday paper
    // is "Monday 15 September 2031"), so /ask states the date /timeline, /verify and the digest hold.
    const when = q.kind === 'date' ? timelineDate(deps, filler?.sentence ?? w.sentence, filler?.text) : null;
    const who = w.article.outlet ?? shortTitle(w.article.title);
    // The same sentence in other (e.g. syndicated) articles: cited too, marked as repeats, one voice with it when near-duplicates.
    const key = norm(w.sentence.text);
    const repeats = windows.filter((x) => x.article.id !== w.article.id && norm(x.sentence.text) === key && !cited.some((o) => o.w === x));
    const cites = [n, ...repeats.map((x) => citer.cite([x.sentence]))];
    const agree = (x: Answering) => sameFact(x.fillers[0], w.fillers[0]) || norm(x.sentence.text) === key;
    const voices = new Set(d.windows.filter((x) => x === w || agree(x)).map(voiceOf));
    const again = repeats.length
      ? ` (the same words appear in ${new Set([w, ...repeats].map(voiceOf)).size === 1 ? 'a near-duplicate article' : `${repeats.length} other article${repeats.length === 1 ? '' : 's'}`} ${cites.slice(1).map((x) => `[${x}]`).join('')})`
      : '';
    blocks.push({ text: `${when ? `${when} — ` : ''}${who}${w.article.date ? ` (${w.article.date})` : ''}: “${c.quote}” [${n}]${again}`, cites, quote: n, independent: Math.max(1, voices.size) });
  }

  const passages = passagesOf(deps, windows.map((w) => w.sentence));
  return askAnswer(question, {
    short,
    shortLeads: true,
    blocks,
    citations: citer.citations,
    followUps: suggest ? followUpsFrom(deps, cited.map((c) => c.w.sentence), question) : [],
    meta: {
      questionType: q.kind,
      passages,
      independentSources: new Set(cited.map((c) => groups.get(c.w.article.id))).size,
      parsed: summary(q),
      subjects: subjectsOf(deps, q, r.elements, cited.map((c) => c.filler).filter((f): f is Filler => !!f).slice(0, 1), cited[0]?.w.sentences ?? []),
    },
  });
}


/** The window's centre has the person as its subject: named or referred to in its first words. */
function doneBy(deps: Deps, w: Answering, ids: Set<string>): boolean {
  const head = 40;
  const analysis = analysisOf(deps);
  const entities = analysis.entities.entities;
  // The sentence's own mentions and the people's own references (postings), not every entity and reference of the corpus.
  const here = entityLookupOf(analysis.entities).inSentence(w.sentence.id);
  const named = !!here && here.entities.some((i, k) => ids.has(entities[i]!.id) && entities[i]!.mentions[here.mentions[k]!]!.start < head);
  if (named) return true;
  const refs = entityPostings(analysis.entities, analysis.references).refs;
  return [...ids].some((id) => [...(refs.get(id) ?? [])].some((i) => analysis.references[i]!.sentenceId === w.sentence.id && analysis.references[i]!.start < head));
}

/**
 * Whom an answer is about, for a follow-up's "he" or "they": the people the question names or
 * describes ("the coach" → the coach the articles name), the one the short answer names, then the
 * people of the first quote — as the articles write their names.
 */
function subjectsOf(deps: Deps, q: ParsedQuestion, elements: Element[], fillers: Filler[], quoted: Sentence[] = []): string[] {
  const analysis = analysisOf(deps);
  const entities = analysis.entities.entities;
  const out: Entity[] = [];
  const add = (e: Entity | undefined) => {
    if (e && !out.includes(e)) out.push(e);
  };
  const persons = (list: Entity[]) => [...list].sort((a, b) => Number(b.kind === 'person') - Number(a.kind === 'person'));
  // "how many crew …?" then "where are they from?": they are what was counted.
  const counted = (q.kind === 'count' || q.kind === 'list') && q.head && !/^(?:people|person|times?)$/i.test(q.head.text) ? [q.head.text] : [];
  for (const f of persons(q.entities.flatMap((x) => x.entities.slice(0, 1)))) add(f);
  for (const e of elements) {
    if (e.role !== 'topic' || !e.described) continue;
    const described = [...e.described].map((id) => entityById(analysis.entities).get(id)!).filter((x) => x?.kind === 'person').sort((a, b) => b.mentions.length - a.mentions.length);
    add(described[0]);
  }
  for (const f of fillers) add(f.entity);
  // The entities named in the quoted sentences, in the entity index's order (read from the sentence postings, not from a
  // pass over every mention of the corpus).
  const lookup = entityLookupOf(analysis.entities);
  const named = new Set<number>();
  for (const s of quoted) for (const i of lookup.inSentence(s.id)?.entities ?? []) named.add(i);
  for (const e of persons([...named].sort((a, b) => a - b).map((i) => entities[i]!))) add(e);
  return [...counted, ...out.map((e) => e.name)].slice(0, 4);
}

/** Entity id → entity, once per entity index (a later entity with the same id wins, as a Map built over the list does). */
const byIdMemo = new WeakMap<object, Map<string, Entity>>();
function entityById(index: { entities: Entity[] }): Map<string, Entity> {
  let m = byIdMemo.get(index);
  if (!m) byIdMemo.set(index, (m = new Map(index.entities.map((e) => [e.id, e]))));
  return m;
}

/** The citation that quotes the earlier figure's sentence, with that figure. */
function placedIn(cited: { n: number; sentences: Sentence[] }[], p: Placed): { filler: Placed['filler']; n: number } | null {
  const c = cited.find((x) => x.sentences.some((s) => s.id === p.filler.sentence.id));
  return c ? { filler: p.filler, n: c.n } : null;
}

/**
 * Up to three windows: the best, then `also` (the earlier figure's window, set beside the answer), then the best
 * of each other independent voice, then the rest; none repeats a sentence.
 */
function choose(windows: Answering[], groups: Map<string, string>, also?: Placed, rival: (a: Filler | undefined, b: Filler | undefined) => boolean = () => false): Answering[] {
  const top = windows[0];
  if (!top) return [];
  const out: Answering[] = [top];
  if (also && also.w !== top && !top.sentences.some((s) => s.id === also.filler.sentence.id)) out.push(also.w);
  const floor = top.rank * 0.45;
  const voice = (w: Answering) => groups.get(w.article.id) ?? w.article.id;
  const taken = (w: Answering) =>
    out.some((o) => o.sentences.some((s) => s.id === w.sentence.id) || w.sentences.some((s) => s.id === o.sentence.id) || norm(o.sentence.text) === norm(w.sentence.text));
  // A supporting quote says the same fact (slot questions) or holds the question's words as well as the best does.
  // A rival figure of the same thing at a comparable time is shown beside it.
  const supports = (w: Answering) =>
    w.rank >= floor && (!top.fillers[0] || sameFact(w.fillers[0], top.fillers[0]) || rival(w.fillers[0], top.fillers[0]) || w.rank >= top.rank * 0.8);
  for (const pass of [true, false]) {
    for (const w of windows.slice(1)) {
      if (out.length >= MAX_QUOTES) break;
      if (out.includes(w) || taken(w) || !supports(w)) continue;
      if (pass && out.some((o) => voice(o) === voice(w))) continue;
      if (out.filter((o) => o.article.id === w.article.id).length >= 2) continue;
      out.push(w);
    }
  }
  return out;
}

/** The sentences to quote for a window: its centre and the sentences holding the answer (and an earlier value), with an open quotation's continuation. */
function quoteSentencesOf(w: Answering, ...fillers: (Filler | undefined)[]): Sentence[] {
  const base = extendQuote({ s: w.sentence, article: w.article, score: w.score, covered: new Set() });
  const out = [...base];
  for (const filler of fillers) if (filler && !out.some((s) => s.id === filler.sentence.id)) out.push(filler.sentence);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A window answering by its words, not a filler ("were any of them endangered?", "what did they find?"): a neighbour of
 * its centre that holds a word of the question the centre does not ("None of the animals … were believed to be
 * endangered" beside "… no threat to minnows, fish or other species") says what the centre leaves out, and is quoted
 * with it. The story's setting carried from earlier turns and a date asked say no more than the centre.
 */
function statingNeighbours(q: ParsedQuestion, elements: readonly Element[], w: Answering): Sentence[] {
  if (q.kind !== 'yesno' && q.kind !== 'description') return [];
  const own = elements.filter((e) => e.role !== 'context' && e.role !== 'date');
  const inCentre = (e: Element) => w.holding.get(e.id)?.has(w.sentence.id) ?? false;
  return w.sentences.filter((s) => s !== w.sentence && own.some((e) => !inCentre(e) && w.holding.get(e.id)?.has(s.id)));
}

/** Two fillers name the same fact: the same figure value and kind, or the same words. */
function sameFact(a: Filler | undefined, b: Filler | undefined): boolean {
  if (!a || !b) return false;
  if (a.figure && b.figure) return a.figure.kind === b.figure.kind && a.figure.value === b.figure.value && a.figure.unit === b.figure.unit;
  if (a.entity && b.entity) return a.entity.id === b.entity.id;
  return norm(a.text) === norm(b.text);
}

/**
 * The other names that answer with the first: of its kind, in its sentence, fitting as well (a list the
 * sentence gives, "A and his son B are aboard with C, D and E"). At least three in all, or none — two
 * names alike are as likely an answer and a bystander.
 */
function together(fillers: Filler[], first: Filler): Filler[] {
  const seen = new Set([first.entity!.id]);
  const out: Filler[] = [];
  for (const g of fillers) {
    if (!g.entity || g.entity.kind !== first.entity!.kind || g.sentence !== first.sentence || g.fit < first.fit * 0.9 || seen.has(g.entity.id)) continue;
    // A name inside another already listed ("Suleman" in "Suleman Dawood") is the same person.
    if (out.some((o) => o.start <= g.start && g.end <= o.end) || (first.start <= g.start && g.end <= first.end)) continue;
    seen.add(g.entity.id);
    out.push(g);
  }
  return out.length >= 2 ? out.slice(0, 6) : [];
}

/** The first cited window whose fillers list people together (a person named with at least two others alike), and that person. */
function peopleListed<C extends { w: Answering }>(cited: C[]): { c: C; filler: Filler } | null {
  for (const c of cited) {
    const filler = c.w.fillers.find((x) => x.entity?.kind === 'person' && together(c.w.fillers, x).length > 0);
    if (filler) return { c, filler };
  }
  return null;
}

/**
 * A sentence's text folded to its letters and digits, to tell the same words apart from others: a function of the text
 * alone, compared for every cited window against every other (each a fold of the whole sentence), so kept by text across
 * questions (bounded: cleared past NORM_MAX texts).
 */
const normMemo = new Map<string, string>();
const NORM_MAX = 16_384;
const norm = (t: string) => {
  let n = normMemo.get(t);
  if (n === undefined) {
    n = fold(t).replace(/[^a-z0-9]+/g, ' ').trim();
    if (normMemo.size >= NORM_MAX) normMemo.clear();
    normMemo.set(t, n);
  }
  return n;
};

/**
 * The short answer with its markers: the best filler ("25 [1]"); for a figure, the earlier value the
 * question's time sets beside it ("roughly 10,000 [1], up from 4,500 troops [1] in August [1]"), or a
 * rival of the same thing at a comparable time ("1,000 [1] vs 1,200 [2]"). Null when a piece is not
 * verbatim in the quote of its citation (never shown unverified).
 */
/** A rival answer fits the question nearly as well as the answer it stands beside. */
const RIVAL_FIT = 0.8;

/**
 * Two reports that differ about the same thing at a comparable time (issue #12: "figures that differ are set side by
 * side only when they count the same thing at comparable times"): the same quantity and counted noun, another value,
 * comparable times — and tied to the question as well as each other. "A claim for $916 million", read from a sentence
 * beside the one about settling, is no rival to "a settlement … of $550 million".
 */
function rivals(a: Filler | undefined, b: Filler | undefined, times: FigureTimes): boolean {
  const [f, g] = [a?.figure, b?.figure];
  if (!f || !g || !sameQuantity(f, g) || f.noun !== g.noun || f.value === g.value || !times.comparable(f, g)) return false;
  return Math.min(a!.fit, b!.fit) >= RIVAL_FIT * Math.max(a!.fit, b!.fit);
}

/**
 * "When did it happen?": a year ("the 2021 Astroworld festival") and a day in it ("the Nov. 5 AstroWorld show") both say
 * when, and the day says more. A cited window's date that falls within the lead's year (or month) and names more of it,
 * fitting nearly as well, is the answer; a date outside it is another answer, not a finer one.
 */
export function finerDate<C extends { w: Answering; filler?: Filler }>(cited: C[], dateOf: (f: Filler) => string | null): (C & { filler: Filler }) | null {
  const lead = cited[0]!;
  const d = lead.filler && !lead.filler.figure ? dateOf(lead.filler) : null;
  // Only a year ("2021") or a month ("2021-11"): a day names all there is.
  if (!d || d.length >= 10) return null;
  for (const c of cited.slice(1)) {
    if (!c.filler || c.filler.figure || c.filler.fit < RIVAL_FIT * lead.filler!.fit) continue;
    const e = dateOf(c.filler);
    if (e && e.length > d.length && e.startsWith(`${d}-`)) return c as C & { filler: Filler };
  }
  return null;
}

function shortOf(
  q: ParsedQuestion,
  cited: { w: Answering; n: number; filler?: Filler }[],
  citations: { n: number; quote: string }[],
  earlier: { filler: Filler & { figure: FigureFact }; n: number } | null,
  times: FigureTimes,
  dateOf: (f: Filler) => string | null,
): { text: string; cites: number[] } | null {
  const lead = cited[0];
  if (!lead?.filler) return null;
  // "Who was on board?" asks for people: an organisation answers it only when no quote lists people for it
  // (several named alike in one sentence of a cited window, which are the answer together).
  const listed = q.kind === 'person' && !q.head && lead.filler.entity && lead.filler.entity.kind !== 'person' ? peopleListed(cited) : null;
  const finer = q.kind === 'date' && !listed ? finerDate(cited, dateOf) : null;
  const first = listed?.c ?? finer ?? lead;
  const f = listed?.filler ?? finer?.filler ?? lead.filler;
  const pieces: { text: string; n: number; joiner?: string }[] = [{ text: f.text, n: first.n }];
  if (f.figure && (q.kind === 'count' || q.kind === 'amount')) {
    const fig = f.figure;
    if (earlier && earlier.filler.figure.value !== fig.value && quoted(citations, earlier.n, earlier.filler.text)) {
      pieces.push({ text: earlier.filler.text, n: earlier.n, joiner: fig.value > earlier.filler.figure.value ? ', up from ' : ', down from ' });
      // When the earlier value applied, as its sentence says it ("in August").
      const when = datePhrase(earlier.filler.sentence, earlier.filler.figure);
      if (when && !fold(earlier.filler.text).includes(fold(when.text)) && quoted(citations, earlier.n, when.text)) pieces.push({ text: when.text, n: earlier.n, joiner: ` ${when.prep} ` });
    } else {
      // Reports that differ about the same thing at a comparable time stand side by side.
      const rival = cited.slice(1).find((c) => rivals(c.filler, f, times));
      if (rival?.filler) pieces.push({ text: rival.filler.text, n: rival.n, joiner: ' vs ' });
    }
  }
  // "Who was on board?": several people named alike in the answer's clause are the answer together, each as written.
  // They are stated in the order the sentence gives them.
  const more = f.entity && (q.kind === 'person' || q.kind === 'list') ? together(first.w.fillers, f) : [];
  // The places of a question about several things are the list the sentence gives from the first one on
  // ("where were the hospitals that got hit?": "Massachusetts, Cincinnati and Kentucky"), as written.
  const plural = q.topics.some((t) => t.lemma !== fold(t.text) && /s$/i.test(t.text));
  if (q.kind === 'place' && plural && f.entity && !more.length) {
    // The sentence's full stop is no part of the last name (an abbreviation's is: "U.S.").
    const list = PLACE_LIST_RE.exec(f.sentence.text.slice(f.end))?.[0].replace(/(?<!\p{Lu}\.\p{Lu})\.$/u, '');
    if (list) pieces.splice(0, 1, { text: f.sentence.text.slice(f.start, f.end + list.length), n: first.n });
  }
  if (more.length) pieces.splice(0, 1, ...[f, ...more].sort((a, b) => a.start - b.start).map((g, i) => ({ text: g.text, n: first.n, ...(i ? { joiner: ', ' } : {}) })));
  for (const p of pieces) if (!quoted(citations, p.n, p.text)) return null;
  const text = pieces.map((p, i) => `${i ? (p.joiner ?? '; ') : ''}${p.text} [${p.n}]`).join('');
  return { text, cites: [...new Set(pieces.map((p) => p.n))] };
}

/** ", Cincinnati and Kentucky", " and New Jersey": the rest of a list of names after its first. */
const PLACE_LIST_RE = /^(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)*,?\s+(?:and|or)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*/u;

function quoted(citations: { n: number; quote: string }[], n: number, text: string): boolean {
  const squash = (s: string) => fold(s).replace(/\s+/g, ' ');
  const c = citations.find((x) => x.n === n);
  return !!c && squash(c.quote).includes(squash(text));
}

function summary(q: ParsedQuestion): Record<string, unknown> {
  return {
    kind: q.kind,
    head: q.head?.text ?? null,
    entities: q.entities.map((e) => e.entities[0]?.name ?? e.text),
    topics: q.topics.map((t) => t.lemma),
    predicates: q.predicates.map((t) => t.lemma),
  };
}
