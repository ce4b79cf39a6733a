/**
 * The engines' one door to the corpus's figures (src/analysis/figures.ts): whose
 * age is what, how many of a thing, how far, fast, heavy, deep or long. /ask answers
 * "how old is X" and "how many <noun>" from here, /verify checks ages and measured
 * figures here, and /who states ages from the same facts, so one fact gets one answer.
 */
import type { Deps } from '../deps.js';
import { adjectiveFigureNoun, dimensionSaid, figuresHeldBy, LINEAR_KINDS, RESTATED, restatedInDigits, figureValueText, inBaseUnit, readFigures, type FigureFact, type FigureKind, type FigureReading, type FiguresAnalysis } from '../analysis/figures.js';
import { keyOf, type Entity } from '../index/entities.js';
import { lemma, root, stem, terms, words } from '../language/tokenize.js';
import {
  COMPASS_POINTS, COUNT_QUESTION_VERBS, DETERMINERS, DIMENSION_ADJECTIVES, DIMENSION_NAMES, DURATION_QUESTION_CUES, FIGURE_QUESTION_NOISE, HOW_MEASURES,
  AGE_EXTREMES, CASUALTY_ROOTS, MEASURE_ANCHORS, MEASURE_KINDS, MEASURE_UNITS, MEASURING_VERBS, QUALIFIERS, SCALE_LABELS, STOPWORDS, THIRD_PERSON_PRONOUNS, alternation,
} from '../language/lexicon/index.js';
import type { Answer, Article, Sentence } from '../types.js';
import { createCiter } from './cite.js';
import { askAnswer } from './phrasing.js';
import { analysisOf } from '../analysis/index.js';
import { parseQuestion } from '../evidence/question.js';
import { elementsOf } from '../evidence/retrieve.js';
import { askedAct, countsOtherAct, partOfWholeAsked } from '../evidence/short.js';
import type { Figure } from '../analysis/digest-figures.js';

/** Who a question or claim is about: a person of the entity index, or a common noun ("the coach"). */
export interface Holder {
  entity: Entity | null;
  noun: string | null;
  /** As the user wrote it. */
  text: string;
}

const DETERMINER_RE = new RegExp(`^(?:${alternation(DETERMINERS)})\\s+`, 'i');

/** Resolve "Trump", "Suleman Dawood", "the coach", "the son" to an entity or a noun. */
export function resolveHolder(deps: Pick<Deps, 'corpus'>, text: string): Holder | null {
  const t = text.replace(/[?.!,;:]+$/g, '').replace(/['’]s$/, '').trim();
  if (!t) return null;
  const index = analysisOf(deps).entities;
  const bare = t.replace(DETERMINER_RE, '');
  const key = keyOf(bare);
  if (!key) return null;
  const people = (es: Entity[] | undefined) => (es ?? []).filter((e) => e.kind === 'person');
  const exact = people(index.byKey.get(key));
  const words = key.split(' ');
  const byWords = exact.length ? exact : index.entities.filter((e) => e.kind === 'person' && e.keys.some((k) => words.every((w) => k.split(' ').includes(w))));
  if (byWords.length) {
    const best = [...byWords].sort((a, b) => b.mentions.length - a.mentions.length)[0]!;
    return { entity: best, noun: null, text: bare };
  }
  // A common noun ("coach", "son"): the last word of an all-lower-case phrase.
  if (/^[\p{Ll}\s-]+$/u.test(bare)) {
    const last = bare.split(/\s+/).pop()!;
    if (!STOPWORDS.has(last)) return { entity: null, noun: last, text: bare };
  }
  return null;
}

/**
 * The age facts of a holder: a person's own, or for a noun ("the coach", "the son") the ages
 * written with that noun and those of the people the articles call by it ("his son Suleman").
 */
function heldAges(deps: Pick<Deps, 'corpus'>, holder: Holder): FigureFact[] {
  const analysis: FiguresAnalysis = { version: 1, figures: analysisOf(deps).ageFacts };
  const own = figuresHeldBy(analysis, 'age', { entityId: holder.entity?.id ?? null, noun: holder.noun });
  if (!holder.noun) return own;
  const noun = lemma(holder.noun.toLowerCase());
  const described = new Set(
    analysisOf(deps)
      .entities.entities.filter((e) => e.kind === 'person' && e.mentions.some((m) => `${m.role ?? ''} ${m.apposition ?? ''}`.toLowerCase().split(/[^a-z-]+/).some((w) => w && lemma(w) === noun)))
      .map((e) => e.id),
  );
  const theirs = analysis.figures.filter((f) => f.kind === 'age' && f.entityId && described.has(f.entityId) && !own.includes(f));
  return [...own, ...theirs];
}

/** One age the articles give, with the sentence that gives it. */
export interface AgeFound {
  age: number;
  /** The top of an age range ("aged 11 to 16"), else the age. */
  hi: number;
  article: Article;
  quote: Sentence[];
  phrase: string;
  /** The person a reference ("the 79-year-old") stands for, when the sentence does not name them. */
  via?: string;
}

/** The ages the articles give for a holder (one person, or whoever the noun names). */
export function agesOf(deps: Pick<Deps, 'corpus'>, holder: Holder): AgeFound[] {
  const facts = heldAges(deps, holder);
  return facts.flatMap((f) => {
    const q = quoteFor(deps, f);
    if (!q) return [];
    return [{ age: f.value, hi: f.valueHi ?? f.value, article: q.article, quote: q.sentences, phrase: f.text, ...(q.via ? { via: q.via } : {}) }];
  });
}

/**
 * The sentences that show a figure: its own, and for an age held through a reference
 * ("the 79-year-old") the sentence before it that names the person, so the quote says whose age it is.
 */
function quoteFor(deps: Pick<Deps, 'corpus'>, f: FigureFact): { article: Article; sentences: Sentence[]; via?: string } | null {
  const found = locate(deps, f);
  if (!found) return null;
  if (f.kind !== 'age' || f.holder || !f.entityId) return { article: found.article, sentences: [found.sentence] };
  const e = analysisOf(deps).entities.entities.find((x) => x.id === f.entityId);
  const named = e?.mentions
    .filter((m) => m.article.id === f.articleId && !m.descriptive && m.sentence.start < found.sentence.start && m.sentence.paragraph >= 0)
    .sort((a, b) => b.sentence.start - a.sentence.start)[0];
  return { article: found.article, sentences: named ? [named.sentence, found.sentence] : [found.sentence], via: f.entityName ?? undefined };
}

function locate(deps: Pick<Deps, 'corpus'>, f: FigureFact): { article: Article; sentence: Sentence } | null {
  const article = deps.corpus.byId.get(f.articleId);
  const sentence = article?.sentences.find((s) => s.id === f.sentenceId);
  return article && sentence ? { article, sentence } : null;
}

/** The age a claim states in words the figure reader reads as an age ("Suleman is 19", "Brandvik, 68, …"), or null. */
export function statedAge(claim: string): number | null {
  return readFigures(claim).find((f) => f.kind === 'age')?.value ?? null;
}

/** The age a claim states, and whose ("Trump is 79 years old", "The coach is 35", "Suleman Dawood was 19 years old"). */
export function claimAge(deps: Pick<Deps, 'corpus'>, claim: string): { holder: Holder; age: number; hi: number } | null {
  const r = readFigures(claim).find((f) => f.kind === 'age');
  const m = /^\s*(.+?)\s+(?:is|was|are|were|turned|turns)\s+(?:now\s+|only\s+|just\s+)?(?:aged\s+|age\s+)?(?:\d|[a-z]+(?:[- ][a-z]+)?\s+years?\s+old)/i.exec(claim);
  const text = r?.holder ?? m?.[1];
  if (!text) return null;
  const holder = resolveHolder(deps, text);
  const value = r?.value ?? Number(/(\d{1,3})/.exec(claim.slice(m![0].length - 1))?.[1]);
  if (!holder || !Number.isFinite(value)) return null;
  return { holder, age: value, hi: r?.valueHi ?? value };
}

// --- /ask: the figure slot ---------------------------------------------------------------------

/** What a question asks of the figures. */
export interface FigureQuestion {
  kinds: FigureKind[];
  /** "how old is <subject>". */
  subject?: string;
  /** "how many <noun>". */
  noun?: string;
  /** The question's other content terms (stemmed), which the answering sentence must share. */
  context: string[];
  /** The dimension a measure question asks ("how long" a length, "how deep", "how tall"). */
  dimension?: 'long' | 'wide' | 'deep' | 'high';
}

const NOISE = new Set(FIGURE_QUESTION_NOISE.map(stem));
const COUNT_QUESTION_RE = new RegExp(`^(?:and\\s+)?how many (?:more\\s+)?([a-z][\\w-]*(?:\\s+[a-z][\\w-]*)?)\\s+(?=(?:${alternation(COUNT_QUESTION_VERBS)})\\b)(.*)$`, 'i');
const HOW_RE = new RegExp(`^(?:and\\s+)?how (${alternation(Object.keys(HOW_MEASURES))})\\b(.*)$`, 'i');
/** "how long is the ship" asks a length unless the rest asks a span of time ("how long were they trapped"). */
const LENGTH_QUESTION_RE = new RegExp(`^\\s+(?:is|was|are|were)\\b(?!.*\\b(?:${alternation(DURATION_QUESTION_CUES)})\\b)`, 'i');

/** Parse "how old is X", "how many <noun> …", "how far/fast/heavy/deep/long …"; null for anything else. */
export function figureQuestion(question: string): FigureQuestion | null {
  const q = question.trim().replace(/\s+/g, ' ');
  const context = (rest: string) => [...new Set(terms(rest))].filter((t) => !NOISE.has(t) && !STOPWORDS.has(t) && t.length > 1);
  const old = /^how old (?:is|was|are|were) (.+?)[?.!]*$/i.exec(q);
  if (old) return { kinds: ['age'], subject: old[1]!, context: [] };
  const many = COUNT_QUESTION_RE.exec(q)
    ?? /^(?:and\s+)?how many (?:more\s+)?([a-z][\w-]*)[?.!]*$/i.exec(q);
  if (many) return { kinds: ['count'], noun: many[1]!.toLowerCase(), context: context(many[2] ?? '') };
  const how = HOW_RE.exec(q);
  if (how) {
    const w = how[1]!.toLowerCase();
    // "how long is the ship" is a length; "how long did the oxygen last" a duration.
    const kinds: FigureKind[] = w === 'long' ? (LENGTH_QUESTION_RE.test(how[2]!) ? ['length'] : ['duration']) : [...HOW_MEASURES[w]!];
    const dimension = DIMENSION_NAMES[w];
    return { kinds, context: context(how[2]!), ...(dimension ? { dimension } : {}) };
  }
  return null;
}

/**
 * "How long is the ship" asks the length: in "400m long and 60m wide" the dimension written with a
 * figure (after it, or before it: "a width of") says which one it is — the same words /ask's slot reads.
 */
function dimensionFit(fq: FigureQuestion, text: string, f: FigureFact): number {
  if (!fq.dimension || f.kind === 'count' || f.kind === 'duration') return 1;
  const said = dimensionSaid(text, f);
  return (!said ? 1 : said === fq.dimension ? 1.2 : 0.3) * (restatedInDigits(text, f) ? RESTATED : 1);
}



/**
 * Answer a figure question from the figures alone: the figure of the asked kind for
 * the asked person or noun, quoted from the sentence that holds it. Null when the
 * analysis holds no such figure (the caller then answers as it otherwise would).
 */
export function figureAnswer(deps: Pick<Deps, 'corpus' | 'index'>, question: string, context: string[] = []): Answer | null {
  const fq = figureQuestion(question);
  if (!fq) return null;
  // "how long is the ship" / "how long was the bridge closed": whether a length or a span of time is asked is read once,
  // by the evidence core's parse (a verb after the thing, or a made thing), when it reads one.
  if (fq.dimension === 'long') {
    const asked = parseQuestion(deps, question).figures;
    if (asked.length === 1 && (asked[0] === 'length' || asked[0] === 'duration')) {
      fq.kinds = [asked[0]];
      if (asked[0] === 'duration') delete fq.dimension;
    }
  }
  let picked: { f: FigureFact; label: string }[] = [];
  if (fq.kinds[0] === 'age') {
    // "How old was the youngest one": an extreme of the age, no holder to look up (the evidence core reads it).
    if (words(fq.subject!).some((w) => AGE_EXTREMES.has(w))) return null;
    // "How old is he?" after a question about someone: the person carried from it.
    const subjects = THIRD_PERSON_PRONOUNS.includes(fq.subject!.trim().toLowerCase()) ? context : [fq.subject!];
    const holder = subjects.map((x) => resolveHolder(deps, x)).find((h) => h && heldAges(deps, h).length);
    if (!holder) return null;
    const facts = heldAges(deps, holder);
    picked = facts.map((f) => ({ f, label: `${holder.entity?.name ?? f.entityName ?? holder.text}: ${figureValueText(f)} years old` }));
  } else {
    const N = Math.max(deps.index.size, 1);
    const idf = (t: string) => Math.log(1 + N / (1 + deps.index.docFreq(t)));
    // A word no article uses ("queue", "send") cannot be matched; the question's other words must be. A measure answers
    // before the sentences do, by every word asked: one no article uses ("how long did the ferry take to sink", in a story
    // where nothing sank) leaves the question to the evidence core, which reads what the word is.
    const asked = fq.context;
    fq.context = asked.filter((t) => deps.index.docFreq(t) > 0);
    if (asked.length && (!fq.context.length || (fq.kinds[0] !== 'count' && fq.context.length < asked.length))) return null;
    const weight = fq.context.reduce((n, t) => n + idf(t), 0);
    const nounWords = fq.noun?.split(' ') ?? [];
    const head = nounWords.length ? lemma(nounWords[nounWords.length - 1]!) : null;
    // "how many c-17s": the thing asked for may be the counted noun or a word naming it ("three C-17 … aircraft").
    const named = (f: FigureFact) => !!head && !!f.noun && f.noun.split(' ').some((w) => w === head || w === head.replace(/s$/, ''));
    // "long (400m)": a measure of one of the linear kinds written with the dimension asked is of the kind asked, however it was read.
    const ofKind = (f: FigureFact) => fq.kinds.includes(f.kind) || (!!fq.dimension && LINEAR_KINDS.has(f.kind) && (() => { const at = locate(deps, f); return !!at && dimensionSaid(at.sentence.text, f) === fq.dimension; })());
    const kinds = new Set<FigureKind>([...fq.kinds, ...((fq.dimension ? LINEAR_KINDS : []) as FigureKind[])]);
    // A count of another act than the question's ("escorted … by four tugboats" for "how many tugboats does it own") is
    // no answer here either: the evidence core's rule (countsOtherAct), with the question's verbs as it reads them.
    const pq = fq.kinds[0] === 'count' ? parseQuestion(deps, question) : null;
    const els = pq ? elementsOf(deps, pq) : [];
    const act = pq ? askedAct(pq, els) : null;
    // A count of a part ("38 derailed cars") is no answer to one of the whole ("how many cars in total"): partOfWholeAsked.
    const otherAct = (f: FigureFact) => {
      const at = act ? locate(deps, f) : null;
      return !!at && ((act!.verbs.length > 0 && countsOtherAct(deps, at.sentence, f, act!)) || partOfWholeAsked(pq!, els, at.sentence, f));
    };
    const candidates = analysisOf(deps).figureFactIndex.ofKinds(kinds, head ? head.replace(/s$/, '') : null).filter((f) => ofKind(f) && (!head || f.head === head || f.head === head.replace(/s$/, '') || named(f)) && !otherAct(f));
    const scored = candidates
      .map((f) => {
        const found = locate(deps, f);
        if (!found) return null;
        // The sentence and its neighbours in the paragraph say what the figure is about.
        const near = found.article.sentences.filter((s) => s.paragraph === found.sentence.paragraph).map((s) => s.text).join(' ');
        const own = new Set(terms(found.sentence.text));
        const around = new Set(terms(near));
        // A measure written as an adjective names what it measures ("the six-mile cave").
        const measured = f.kind !== 'count' && f.noun ? new Set(terms(f.noun)) : new Set<string>();
        // It measures that noun, nothing else: one the question does not ask about is no answer ("a two-hour descent" to
        // "how long did the steamer take to sink").
        const glued = f.kind !== 'count' ? adjectiveFigureNoun(found.sentence.text, f) : null;
        if (glued && !terms(glued).some((t) => asked.includes(t))) return null;
        // A measure answers before the sentences do, so it must match every word asked; a count is a fallback (half is enough).
        if (fq.kinds[0] !== 'count' && fq.context.some((t) => !own.has(t) && !around.has(t))) return null;
        const cover = fq.context.reduce((n, t) => n + (measured.has(t) ? idf(t) * 2 : own.has(t) ? idf(t) : around.has(t) ? idf(t) * 0.5 : 0), 0);
        return { f, cover: (weight ? cover / weight : 1) * dimensionFit(fq, found.sentence.text, f) };
      })
      .filter((x): x is { f: FigureFact; cover: number } => !!x && x.cover >= 0.5)
      .sort((a, b) => b.cover - a.cover);
    if (!scored.length) return null;
    const best = scored[0]!.cover;
    picked = scored.filter((x) => x.cover >= best - 1e-9).slice(0, 3).map((x) => ({ f: x.f, label: x.f.noun ? `${x.f.noun}: ${x.f.text}` : x.f.text }));
  }
  if (!picked.length) return null;
  const citer = createCiter(deps.corpus);
  // One block per quoted sentence: "six-mile (10-km)" is one figure written twice.
  const bySentence = new Map<number, { labels: string[]; article: Article }>();
  let short: { text: string; cites: number[] } | undefined;
  for (const { f, label } of picked.slice(0, 4)) {
    const { article, sentences } = quoteFor(deps, f)!;
    const n = citer.cite(sentences);
    const entry = bySentence.get(n) ?? { labels: [], article };
    entry.labels.push(label);
    bySentence.set(n, entry);
    // The answer in a few words: the first figure as its sentence writes it ("25-year-old", "six-mile"), verbatim in its quote.
    const written = sentences.find((s) => s.id === f.sentenceId)?.text.slice(f.start, f.end).trim();
    if (!short && written && citer.citations[n - 1]!.quote.includes(written)) short = { text: `${written} [${n}]`, cites: [n] };
  }
  const blocks = [...bySentence].map(([n, { labels, article }]) => {
    const who = article.outlet ?? article.title;
    return { text: `${labels.join('; ')} — ${who}${article.date ? ` (${article.date})` : ''}: “${citer.citations[n - 1]!.quote}” [${n}]`, cites: [n] };
  });
  return askAnswer(question, { short, shortLeads: true, blocks, citations: citer.citations, followUps: [], meta: { questionType: 'number', figureSlot: fq.kinds[0] } });
}

// --- /verify: figures of a claim and of a sentence, in the comparison's terms ---------------------

/** Written unit forms, longest first ("miles per hour" before "miles"). */
const UNIT_FORMS = MEASURE_UNITS.flatMap((u) => u.forms.map((f) => f.toLowerCase())).sort((a, b) => b.length - a.length);

const DIMENSION_AFTER_RE = new RegExp(`^[\\s-]*(${alternation(DIMENSION_ADJECTIVES)})\\b`, 'i');
const COMPASS = alternation(COMPASS_POINTS);
const ANCHOR_AFTER_RE = new RegExp(
  `^\\s*(?:\\([^)]{0,40}\\)\\s*)?(?:away\\s+)?(?:(?:${COMPASS})(?:-?(?:${COMPASS}))?\\s+of|${alternation(MEASURE_ANCHORS)})\\s+(?:the\\s+)?((?:[\\p{L}'’-]+\\s+){0,3}[\\p{L}'’-]+)`,
  'iu',
);
const SUBJECT_BEFORE_RE = new RegExp(`\\b([a-z][a-z-]+)\\s+(?:${alternation(MEASURING_VERBS)})\\s+(?:(?:${alternation(QUALIFIERS)})\\s+)?$`, 'i');

/**
 * Counts and measured figures of a text as /verify compares them: a count is keyed by
 * its counted noun ("crew of 20" and "25 crew" are the same quantity), a measure by its
 * kind with its range in the kind's base unit ("5 miles" vs "1,600 feet"). Clock times,
 * dates and years are not figures here.
 */
export function comparableFigures(text: string, sentence: Sentence, articleId: string): Figure[] {
  const out: Figure[] = [];
  for (const r of readFigures(text)) {
    // "The final death toll was 98": a count of the dead is compared with the counts of people killed, as the digest keys them.
    if (r.kind === 'count' && r.head && CASUALTY_ROOTS.has(root(lemma(r.head)))) out.push(legacy(r, 'killed', 'dead', sentence, articleId, r));
    else if (r.kind === 'count' && r.head) out.push(legacy(r, `count:${stem(r.head)}`, r.noun ?? r.head, sentence, articleId, r));
    else if (MEASURE_KINDS.has(r.kind)) {
      // What the measure is of or from ("the six-mile cave", "1,600 feet from the bow"): only measures of the same thing compare.
      const b = inBaseUnit(r);
      const of = r.noun ?? anchorAfter(text.slice(r.end)) ?? subjectBefore(text.slice(0, r.start));
      // Keyed by the whole anchor; sameQuantity matches anchors that share a word ("titanic" ~ "titanic bow").
      // Shown as the number with its qualifier and the unit as its noun ("about 1,600" feet): the unit stays a word to find.
      const unitText = UNIT_FORMS.find((u) => r.text.toLowerCase().endsWith(u) && /[\s\d-]$/.test(r.text.slice(0, r.text.length - u.length))) ?? '';
      const display = r.text.slice(0, r.text.length - unitText.length).replace(/[\s-]+$/, '');
      // "20 miles long": the dimension word is part of what the figure says, like its unit.
      const dimension = DIMENSION_AFTER_RE.exec(text.slice(r.end))?.[1]?.toLowerCase();
      const noun = [unitText || r.unit || r.kind, dimension].filter(Boolean).join(' ');
      out.push({ ...legacy(r, `${r.kind}:${of ?? ''}`, noun, sentence, articleId, { value: b.value, lo: b.lo, hi: b.hi }), display });
    }
  }
  // A plain number on a named scale ("magnitude 5.4", "level 4") is a value of that scale, keyed by its noun.
  for (const m of text.matchAll(SCALE_VALUE_RE)) {
    // A capitalised label after a capitalised word is part of a name ("Air Force One", "Champions League 2"), no scale.
    const before = /(\p{Lu}[\p{L}'’.-]*)\s+$/u.exec(text.slice(Math.max(0, m.index! - 40), m.index))?.[1];
    if (/^\p{Lu}/u.test(m[1]!) && before && !STOPWORDS.has(before.toLowerCase())) continue;
    const value = Number(m[2]);
    out.push({ key: `scale:${stem(m[1]!.toLowerCase())}`, label: m[1]!.toLowerCase(), value, display: m[2]!, lo: value, hi: value, noun: m[1]!.toLowerCase(), whenText: null, when: null, who: null, articleId, sentence });
  }
  return out;
}

/** A scale's noun and the plain number after it ("magnitude 5.4"), not a count or a measure ("level 4 metres"). */
const SCALE_VALUE_RE = new RegExp(`\\b(${alternation(SCALE_LABELS)})\\s+(\\d+(?:\\.\\d+)?)\\b(?![.,]\\d|\\s*(?:%|per\\s*cent|${alternation(UNIT_FORMS)})\\b)`, 'gi');

/** The place or thing a distance is measured from or a measure belongs to: "… from the Titanic's bow" → "titanic bow". */
function anchorAfter(after: string): string | null {
  const m = ANCHOR_AFTER_RE.exec(after);
  if (!m) return null;
  const ws = m[1]!.split(/\s+/).map((w) => w.toLowerCase().replace(/['’]s$/, '')).filter((w) => !STOPWORDS.has(w));
  return ws.length ? ws.slice(0, 3).join(' ') : null;
}

/** What "is N long" is said of: "The cave is 20 miles long" → "cave". */
function subjectBefore(before: string): string | null {
  const m = SUBJECT_BEFORE_RE.exec(before);
  return m && !STOPWORDS.has(m[1]!.toLowerCase()) ? m[1]!.toLowerCase() : null;
}

function legacy(r: FigureReading, key: string, noun: string, sentence: Sentence, articleId: string, v: { value: number; lo: number; hi: number }): Figure {
  return { key, label: noun, value: v.value, display: r.text, lo: v.lo, hi: v.hi, noun, whenText: null, when: null, who: null, articleId, sentence };
}

/** The number as written ("at least 61" → "61", "10,432kg" → "10,432"): the same figure read by two rules. */
const numberText = (display: string) => /[\d][\d,.]*/.exec(display)?.[0]?.replace(/[.,]$/, '') ?? display;

/** A figure another rule already read (same number as written), so it is compared once. */
export function sameNumber(f: Figure, others: Figure[]): boolean {
  const n = numberText(f.display);
  return others.some((o) => numberText(o.display) === n);
}
