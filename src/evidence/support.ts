/**
 * Support: does a quote say what a statement says? One judge for every sentence a
 * model writes about a quote it cites, for every heading it writes, and for a user's
 * claim against an article's sentence (/verify). A statement is supported when
 *
 * - names: every name it gives is in the quote (a surname stands for a full name; an
 *   alias of the same entity counts when the caller passes the entity index);
 * - figures: every figure it gives matches a figure of the quote (qualifiers allowed);
 * - dates: every date it gives agrees with a date of the quote;
 * - negation: what it negates the quote negates, and the reverse, for the words they
 *   share (read in the quote's own sentence, so a fragment cut after a "denied" keeps
 *   its denial);
 * - predicate: its content words are the quote's words, their word family, everyday
 *   synonyms, or WordNet synonyms, derivations and narrower words, for at least
 *   MIN_COVERAGE of them.
 *
 * A reporting frame ("X said that …", "According to X, …", "…, X said") is judged
 * against the quote's sentence and the article's own name (its outlet): a quote rarely
 * contains who said it. Everything after the frame is judged against the quote alone.
 *
 * A failing check is "contradicts" when the quote says something incompatible about the
 * same thing (another figure or date of the same kind, the opposite polarity, an
 * antonym); otherwise it is merely not supported. Word lists live in the lexicon.
 */
import type { EntityIndex } from '../index/entities.js';
import { inBaseUnit, readFigures, type FigureReading } from '../analysis/figures.js';
import { splitSentences } from '../corpus/sentences.js';
import { parseDates, type DateParts } from '../language/dates.js';
import {
  ATTRIBUTION_PHRASES, CALENDAR_WORDS, DETERMINERS, CLAIM_FRAME, COUNTRY_ABBREVIATIONS, NAME_CONNECTORS, DISBELIEF, FALSITY_WORDS, MONTHS, NAME_VERB_FILLERS, NEGATION_CUES, NEGATIVE_POLARITY, POLARITY_BARRIERS, REPORT_NOUNS,
  PEOPLE_WORDS, SENTENCE_OPENERS, STOPWORDS, TITLE_WORDS, UNCERTAIN_HEDGES, WEEKDAYS, WH_WORDS, alternation, denialForms, speechForms, speechLemma,
} from '../language/lexicon/index.js';
import { AGENT_PREPOSITIONS, RELATIVE_PRONOUNS } from '../language/lexicon/clauses.js';
import { COPULAS, ROLE_PREPOSITIONS, ROUTE_PHRASES, STATE_OPPOSITES } from '../language/lexicon/states.js';
import { NUMBER_WORDS } from '../language/lexicon/units.js';
import { antonymsOf, synonymsOf } from '../language/synonyms.js';
import { compoundParts, fold, root, scheduleAsWill, stem, tokenize, type Token } from '../language/tokenize.js';
import { lexTags } from '../language/word-tags.js';
import { buildRelationMap, isPersonNoun, relatedLemmas, type Relation, type RelationMap } from '../language/wordnet.js';

/** The checks a statement must pass. */
export type SupportCheck = 'names' | 'figures' | 'dates' | 'negation' | 'predicate';

/** How one check came out. */
export interface SupportPart {
  check: SupportCheck;
  ok: boolean;
  /** The quote says something incompatible (another figure or date of the same kind, opposite polarity, an antonym). */
  contradicts?: boolean;
  /** What failed, in words ("'Hegseth' is not in the quote"). */
  detail?: string;
  /** The predicate contradicts by a state the quote writes the opposite of ("travelling south" / "northbound"). */
  state?: boolean;
  /** Figures: the statement's figures the quote does state, when another of them fails ("$11.7 billion" of "$11.7 billion over ten years" against "$11.7 billion … over the next five years"). */
  held?: string[];
}

/** The judgement of one statement against its quotes. */
export interface Support {
  supported: boolean;
  verdict: 'supported' | 'contradicts' | 'unsupported';
  /** The first failure, in words, when not supported. */
  reason?: string;
  /** Every check, in order: names, figures, dates, negation, predicate. */
  parts: SupportPart[];
  /** Share of the statement's content words the quotes cover (1 when it has none). */
  coverage: number;
  /** The same share without synonyms read only from the statement word's senses: what a contradiction must stand on. */
  firmCoverage: number;
  /** The statement's content words (lower case, as written) the quotes do not cover. */
  uncovered: string[];
  /** How many figures (not years) and dates the statement gives: the slots a quote's own figures and dates are compared in. */
  stated: { figures: number; dates: number };
}

/** A quote with what surrounds it: its sentence(s) in the article, and who speaks for the article. */
export interface Quoted {
  quote: string;
  /** The sentence(s) of the article the quote is part of (containing it verbatim). */
  around?: string;
  /** Names that may stand as the speaker of a reporting frame ("The Example Times reported …"): the article's outlet. */
  speakers?: readonly string[];
  /**
   * The dates the timeline gives the quote's sentences (`YYYY-MM-DD` or `YYYY-MM`): a date the quote writes without its
   * year ("on January 3") has the year the timeline read for it, so "3 January 2024" is what it says.
   */
  timeline?: readonly string[];
}

export interface SupportContext {
  /** Entities of the corpus: a name may be given as another alias of the same entity. */
  entities?: EntityIndex;
  /** A persisted WordNet relation map over the corpus vocabulary; else one is built lazily for the quotes' words. */
  relations?: RelationMap;
  /** Override of MIN_COVERAGE (e.g. for a looser reading). */
  minCoverage?: number;
}

/** Bump when the judgement changes: model answers verified by an older judge are not reused. */
export const SUPPORT_VERSION = 10;

/**
 * Share of a statement's content words the quotes must cover. Tuned on the generated
 * paraphrases and meaning changes of test/llm-support-generated.test.ts: faithful
 * restatements cover 0.8–1 (a word or two of framing in a long sentence), an
 * invented event sharing one word with the quote covers well under 0.6.
 */
export const MIN_COVERAGE = 0.8;

/** WordNet relations by which a quote's word supports a statement's: the same sense, its family, or something narrower. */
const SUPPORTING: ReadonlySet<Relation> = new Set(['synonym', 'derivation', 'hyponym', 'attribute']);

// ---------------------------------------------------------------------------------- lexicon patterns

const NEGATOR_RE = new RegExp(
  `\\b(?:not(?!\\s+only\\b)|${alternation([...NEGATION_CUES, ...FALSITY_WORDS, ...denialForms({ strong: true })])})\\b|n['’]t\\b`,
  'gi',
);
/** Reporting verbs that frame what follows ("said", "told", "claimed", "reported", "denied"). */
const FRAME_VERBS = speechForms({ roles: ['say', 'allege', 'deny', 'report', 'believe'], forms: ['s', 'past'] });
/** Reporting verbs that frame without "that" ("The minister said talks…"); the rest need "that" (a "continues" is not speech). */
const PLAIN_FRAME_VERBS = speechForms({ roles: ['say', 'allege', 'deny', 'report', 'believe'], forms: ['s', 'past'], ambiguous: false });
const INVERTING_VERBS = speechForms({ forms: ['s', 'past'], inverts: true });
const FILLERS = alternation([...NAME_VERB_FILLERS].filter((w) => !/^(?:not|never)$/.test(w)));
const LEADING_FRAME_RE = new RegExp(
  `^\\s*([^.;:!?]{1,100}?)\\s+(?:(?:${FILLERS})\\s+)*(${alternation(FRAME_VERBS)})(?:\\s+(?:[^\\s,.;:!?]+\\s+){0,3}?(that))?(?:\\s*[:,])?\\s+(?=\\S)`,
  'i',
);
const ACCORDING_RE = /^\s*according to\s+([^,;:]{1,100}?),\s+(?=\S)/i;
const TRAILING_FRAME_RE = new RegExp(
  `,\\s+(?:([^,.;:!?]{1,80}?)\\s+(?:(?:${FILLERS})\\s+)*(?:${alternation(FRAME_VERBS)})|(?:${alternation(INVERTING_VERBS)})\\s+([^,.;:!?]{1,80}?))\\s*[.!]?\\s*$`,
  'i',
);
const SPEECH_LEMMAS = new Set(FRAME_VERBS.map((f) => speechLemma(f)).filter((l): l is string => !!l));
/** Reporting verbs with no other common sense: outside a frame too they only report ("…, saying it was normal"). */
const PLAIN_SPEECH_LEMMAS = new Set(PLAIN_FRAME_VERBS.map((f) => speechLemma(f)).filter((l): l is string => !!l));
const REPORT_LEMMAS = new Set(REPORT_NOUNS.map((w) => stem(w)));
/** "according" of "according to": the frame's own words. */
const ATTRIBUTION_WORDS = new Set(ATTRIBUTION_PHRASES.flatMap((p) => p.split(' ')));
const FRAME_WORDS = new Set(CLAIM_FRAME.map((w) => stem(w)));
const CALENDAR_NAMES = new Set([...MONTHS, ...WEEKDAYS]);
const NAME_TAGS = ['Person', 'Place', 'FirstName', 'LastName', 'Organization', 'Country', 'City', 'Region', 'ProperNoun'];

// ---------------------------------------------------------------------------------- reading a text

interface Tok extends Token {
  /** Search key ("strikes" → "strike"). */
  key: string;
  /** Apostrophes dropped, for the stopword table. */
  bare: string;
  /** Negation parity (1: negated). */
  neg: 0 | 1;
  /** Part of a figure or a date (judged by those checks, not as a word). */
  measured: boolean;
  /** Part of a name. */
  name: boolean;
  /** A negation cue itself. */
  cue: boolean;
  /** In a clause on a noun (relative or participial: "the sell-off endured by …"), not the sentence's own clause. */
  embedded: boolean;
}

interface Reading {
  text: string;
  toks: Tok[];
  figures: FigureReading[];
  dates: { start: number; end: number; parts: DateParts; text: string }[];
  /** Negation cues: where, and which tokens they govern. */
  cues: { start: number; end: number; scope: number[] }[];
}

const DATE_REF = new Date('2000-06-15T12:00:00Z');

const POLARITY_PHRASES = NEGATIVE_POLARITY.map((p) => p.split(' '));
const POLARITY_BARRIER_SET: ReadonlySet<string> = new Set(POLARITY_BARRIERS);

/** After a negation cue, "for <someone> to": "impossible for Delta to process …" negates the verb after "to". */
const FOR_TO_RE = /^\s+for\s+(?:[^\s,;.]+\s+){0,4}?to\s+["“]?(?:\p{L}+ly\s+)?(?=\p{L})/u;

/**
 * Negation cues and the word each governs: the first content word after the cue, or
 * after the "that" of a clause it introduces ("It is false that the talks …", "denied
 * that its reservoir …"). That word is the same in the active and the passive ("would
 * not raise fares" / "fares would not be raised"), and a cue negating a cue ("It is false
 * that it had never sold gas") cancels out on it. A cue with nothing after it in its
 * clause ("called the report false") governs the word before it.
 */
function readNegation(text: string, toks: Tok[]): Reading['cues'] {
  // "It is not known whether …" hedges; it does not negate. "does not believe" (disbelief) does.
  const hedged: [number, number][] = [];
  for (const re of UNCERTAIN_HEDGES) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of text.matchAll(g)) if (!DISBELIEF.test(m[0])) hedged.push([m.index!, m.index! + m[0].length]);
  }
  const found: { start: number; end: number }[] = [];
  for (const m of text.matchAll(NEGATOR_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (hedged.some(([a, b]) => start >= a && end <= b)) continue;
    for (const t of toks) if (t.start < end && t.end > start) t.cue = true;
    found.push({ start, end });
  }
  // Content words: not function words, figures, dates, claim framing ("true", "whether"), adverbs ("yet", "already").
  const content = (t: Tok) => {
    if (t.cue || t.measured || STOPWORDS.has(t.bare) || FRAME_WORDS.has(t.key)) return false;
    const tags = lexTags(t.norm);
    return !tags.has('Conjunction') && !(tags.has('Adverb') && !tags.has('Noun'));
  };
  const cues: Reading['cues'] = [];
  for (const { start, end } of found) {
    const after = toks.map((t, i) => [t, i] as const).filter(([t]) => t.start >= end);
    const that = after.slice(0, 3).find(([t]) => t.bare === 'that');
    // "impossible for Delta to process …": what is impossible is the verb after "to", not the one it is impossible for.
    const forTo = FOR_TO_RE.exec(text.slice(end));
    const from = that ? that[0].end : forTo ? end + forTo[0].length : end;
    const stop = /[.;:!?,](?=\s|$|["”’)])/.exec(text.slice(from))?.index;
    const next = after.find(([t]) => t.start >= from && (stop === undefined || t.start < from + stop) && content(t));
    const before = toks.map((t, i) => [t, i] as const).filter(([t]) => t.end <= start && content(t)).pop();
    const scope = next ? [next[1]] : !that && before && !/[.;:!?,]/.test(text.slice(before[0].end, start)) ? [before[1]] : [];
    // "does not include or constitute any admission of liability": the negation reaches what "any" introduces.
    if (next) {
      const clause = after.filter(([t]) => t.start >= from && (stop === undefined || t.start < from + stop));
      for (let k = 0; k < clause.length; k++) {
        if (POLARITY_BARRIER_SET.has(clause[k]![0].bare)) break;
        const npi = POLARITY_PHRASES.find((p) => p.every((w, j) => clause[k + j]?.[0].bare === w));
        if (!npi) continue;
        const word = clause.slice(k + npi.length).find(([t]) => content(t));
        if (word && !scope.includes(word[1])) scope.push(word[1]);
        break;
      }
    }
    cues.push({ start, end, scope });
  }
  for (const c of cues) for (const i of c.scope) toks[i]!.neg = (toks[i]!.neg ^ 1) as 0 | 1;
  return cues;
}

function read(text: string): Reading {
  const toks: Tok[] = tokenize(text).map((t) => {
    const bare = t.norm.replace(/['’]/g, '');
    return { ...t, bare, key: stem(bare), neg: 0, measured: false, name: false, cue: false, embedded: false };
  });
  const figures = readFigures(text);
  const dates: Reading['dates'] = [];
  for (const d of parseDates(text, DATE_REF)) {
    // Only dates written out: digits, a month or weekday by name, or a relative phrase ("next week"); not "now", "march", "may".
    const written = /\d/.test(d.text) || [...CALENDAR_NAMES].some((n) => new RegExp(`\\b${n.slice(0, 3)}`).test(d.text)) || (d.relative && /\s/.test(d.text.trim()));
    if (!written || !Object.keys(d.stated).length) continue;
    dates.push({ start: d.index, end: d.index + d.text.length, parts: d.stated, text: d.text });
  }
  // Years are dates, not figures.
  for (const f of figures) if (f.kind === 'year') dates.push({ start: f.start, end: f.end, parts: { year: f.value }, text: f.text });
  const spans = [...figures.map((f) => [f.start, f.end] as const), ...dates.map((d) => [d.start, d.end] as const)];
  for (const t of toks) {
    if (spans.some(([a, b]) => t.start >= a && t.end <= b) || /^\d/.test(t.norm)) t.measured = true;
    if (CALENDAR_WORDS.has(t.bare) && t.capitalized) t.measured = true;
  }
  const reading: Reading = { text, toks, figures: figures.filter((f) => f.kind !== 'year'), dates, cues: [] };
  reading.cues = readNegation(text, toks);
  markEmbedded(text, toks);
  markNames(reading);
  return reading;
}

const DETERMINER_SET: ReadonlySet<string> = new Set(DETERMINERS.filter((d) => d !== 'that'));
const PARTICIPLE_TAGS = ['PastTense', 'Participle'];
const CLAUSE_GAP_RE = /[.;:!?,()"“”]/;

/**
 * Mark the tokens of a clause on a noun: after a relative pronoun ("the slump which the airline suffered"), or from a
 * past participle with its agent ("the sell-off endured by the airline"), to the end of the clause. The noun is a
 * determiner's ("the", "a", "its") within three words. Such a clause's verb is not the sentence's: "did not suffer
 * the slump endured by the airline" does not say that the company endured it.
 */
function markEmbedded(text: string, toks: Tok[]): void {
  const gap = (a: Tok, b: Tok) => CLAUSE_GAP_RE.test(text.slice(a.end, b.start));
  const onNoun = (i: number) => {
    const noun = toks[i - 1];
    if (!noun || noun.cue || STOPWORDS.has(noun.bare) || gap(noun, toks[i]!)) return false;
    for (let j = i - 2; j >= Math.max(0, i - 4); j--) {
      if (gap(toks[j]!, toks[j + 1]!)) return false;
      if (DETERMINER_SET.has(toks[j]!.bare)) return true;
    }
    return false;
  };
  const participle = (t: Tok) => /(?:ed|en)$/.test(t.norm) || PARTICIPLE_TAGS.some((x) => lexTags(t.norm).has(x));
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    let from = -1;
    if (RELATIVE_PRONOUNS.has(t.bare) && onNoun(i) && !(t.bare === 'that' && participle(toks[i - 1]!))) from = i + 1;
    else if (participle(t) && AGENT_PREPOSITIONS.has(toks[i + 1]?.bare ?? '') && onNoun(i)) from = i;
    if (from < 0) continue;
    for (let k = from; k < toks.length; k++) {
      if (k > from && gap(toks[k - 1]!, toks[k]!)) break;
      toks[k]!.embedded = true;
    }
  }
}

/** A capitalised word at a sentence start is a name when the lexicon says so, or neither it nor WordNet knows a common word of that spelling. */
function initialIsName(t: Tok): boolean {
  if (SENTENCE_OPENERS.has(t.bare) || STOPWORDS.has(t.bare)) return false;
  const tags = lexTags(t.surface);
  if (NAME_TAGS.some((x) => tags.has(x))) return true;
  if (tags.size || lexTags(t.lemma).size) return false;
  relationsFor([t.lemma]);
  return !relationCache.get(t.lemma)?.size;
}

function markNames(r: Reading): void {
  const initialAt = (i: number) => {
    const prev = r.toks[i - 1];
    const gap = r.text.slice(prev ? prev.end : 0, r.toks[i]!.start);
    return !prev || /[.!?:;"“‘(]\s*$/.test(gap) || /^\s*$/.test(r.text.slice(0, r.toks[i]!.start));
  };
  const joined = (i: number) => i > 0 && /^ $/.test(r.text.slice(r.toks[i - 1]!.end, r.toks[i]!.start));
  r.toks.forEach((t, i) => {
    if (!t.capitalized || t.measured || t.cue || TITLE_WORDS.has(t.bare) || t.bare === 'i') return;
    // A capitalised verb or common word right after a name word, mid-sentence, goes on with that name ("Port Said").
    if (STOPWORDS.has(t.bare)) {
      const tags = lexTags(t.norm);
      if (joined(i) && r.toks[i - 1]!.name && !initialAt(i) && !['Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Copula', 'Auxiliary'].some((x) => tags.has(x))) t.name = true;
      return;
    }
    const initial = initialAt(i);
    // All capitals on a common word is emphasis ("IMPORTANT"), not an acronym; a name the lexicon knows ("SMIT") stays one.
    if (t.allCaps && t.norm.length > 3) {
      const tags = lexTags(t.norm);
      if (tags.size > 0 && !NAME_TAGS.some((x) => tags.has(x))) return;
    }
    t.name = initial ? initialIsName(t) : true;
  });
}

// ---------------------------------------------------------------------------------- the frame

/** Offsets of a reporting frame at the start or end of a statement, if it has one. */
function frameOf(text: string): [number, number] | null {
  const f = frameSpan(text);
  if (!f) return null;
  // "Prosecutors never charged …" is a negated statement, not a frame; "X denied that …" frames what it denies.
  const part = text.slice(f[0], f[1]);
  if (new RegExp(NEGATOR_RE.source, 'i').test(part) && !/\bthat\s*$/i.test(part)) return null;
  return f;
}

function frameSpan(text: string): [number, number] | null {
  const acc = ACCORDING_RE.exec(text);
  if (acc) return [0, acc[0].length];
  const trail = TRAILING_FRAME_RE.exec(text);
  // "…, officials said." / "…, said Peskov.": after an inverted verb only a name speaks ("…, said the strikes continue" is no frame).
  if (trail && trail.index > 0 && (trail[1] !== undefined ? isSpeaker(trail[1]) : isSpeaker(trail[2]!) && named(trail[2]!))) return [trail.index, text.length];
  const lead = LEADING_FRAME_RE.exec(text);
  // A verb with another common sense ("reported", "continues") frames only after "that", a name, or a report ("The Post reported …").
  const plain = (v: string) => PLAIN_FRAME_VERBS.includes(v.toLowerCase());
  if (lead && isSpeaker(lead[1]!) && (plain(lead[2]!) || lead[3] || named(lead[1]!))) return [0, lead[0].length];
  return null;
}

/** A speaker that is a name or a report ("The Post", "the report"), not any noun phrase. */
const named = (who: string) => read(who).toks.some((t) => t.name || REPORT_LEMMAS.has(t.key));

/**
 * Who speaks in a frame is a short noun phrase: no clause of its own ("Hegseth approved strikes
 * that critics said …", "Officials who …") and no verb in the past ("approved").
 */
function isSpeaker(phrase: string): boolean {
  const toks = tokenize(phrase);
  if (toks.length > 8 || toks.some((t) => t.norm === 'that' || WH_WORDS.has(t.norm))) return false;
  return !toks.some((t) => {
    const tags = lexTags(t.norm);
    return !t.capitalized && tags.has('PastTense') && !['Noun', 'Singular', 'Plural', 'Adjective'].some((x) => tags.has(x));
  });
}

// ---------------------------------------------------------------------------------- word relations

const relationCache = new Map<string, Map<string, Relation>>();
const RELATION_CACHE_MAX = 20_000;

/** For each lemma, the words WordNet relates to it and what the lemma is to them (read once per lemma, in batches). */
function relationsFor(lemmas: Iterable<string>): void {
  const missing = [...new Set(lemmas)].filter((l) => !relationCache.has(l) && /^\p{Ll}[\p{Ll}'-]+$/u.test(l));
  if (!missing.length) return;
  if (relationCache.size + missing.length > RELATION_CACHE_MAX) relationCache.clear();
  for (const l of missing) relationCache.set(l, new Map());
  const map = buildRelationMap(missing);
  for (const [word, rels] of Object.entries(map)) for (const [l, r] of rels) relationCache.get(l)?.set(word, r);
}

/** 'loose': a synonym only in the statement word's senses ("recovered" / "found"), enough to support, too weak to place a contradiction. */
type Cover = 'same' | 'related' | 'loose' | 'antonym' | null;

/** How quote token q covers statement token s. */
function cover(s: Tok, q: Tok, ctx: SupportContext, wordnet: boolean): Cover {
  if (s.lemma === q.lemma || s.key === q.key || s.bare === q.bare) return 'same';
  if (root(s.lemma) === root(q.lemma)) return 'related';
  if (synonymsOf(s.key).has(q.key)) return 'related';
  if (antonymsOf(s.key).has(q.key)) return 'antonym';
  // A hyphenated compound of the quote says its own words ("storm-damaged" says "damaged"; "non-fatal" not "fatal").
  if (compoundParts(q.bare).some((p) => p === s.bare || (p.length > 2 && (stem(p) === s.key || p === s.lemma)))) return 'related';
  if (!wordnet) return null;
  // A number word is compared as a figure, never as a word: WordNet files "five" under "die" (the cube), not dying.
  if (NUMBER_WORDS[q.bare] !== undefined || NUMBER_WORDS[s.bare] !== undefined) return null;
  if (ctx.relations) {
    for (const { lemma, relation } of relatedLemmas(s.lemma, ctx.relations)) {
      if (lemma !== q.lemma) continue;
      if (relation === 'antonym') return 'antonym';
      if (SUPPORTING.has(relation)) return 'related';
    }
    return null;
  }
  const r = relationCache.get(q.lemma)?.get(s.lemma);
  if (r === 'antonym') return 'antonym';
  if (r && SUPPORTING.has(r)) return 'related';
  // A synonym is one whichever word's senses it is read from ("recovered" / "found"): the statement's word is looked up too.
  return relationCache.get(s.lemma)?.get(q.lemma) === 'synonym' ? 'loose' : null;
}

/** A match of the word itself, its family, a listed synonym, or WordNet's synonym or derivation ("admitted" / "admission"), not a broader relation. */
function firmCover(s: Tok, q: Tok, ctx: SupportContext): boolean {
  if (cover(s, q, ctx, false)) return true;
  const firm = (r: string | undefined) => r === 'synonym' || r === 'derivation';
  if (ctx.relations) return relatedLemmas(s.lemma, ctx.relations).some((x) => x.lemma === q.lemma && firm(x.relation));
  return firm(relationCache.get(q.lemma)?.get(s.lemma)) || relationCache.get(s.lemma)?.get(q.lemma) === 'synonym';
}

// ---------------------------------------------------------------------------------- checks

const keyText = (s: string) => ` ${fold(s).replace(/['’]s\b/g, '').replace(/[.'’]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** A name word is in a text: the same word, or a demonym of it ("Venezuelan" / "Venezuela"). */
function nameWordIn(word: string, toks: Tok[]): boolean {
  return toks.some((q) => {
    if (q.bare === word || q.lemma === word) return true;
    const [a, b] = q.bare.length < word.length ? [q.bare, word] : [word, q.bare];
    return a.length >= 4 && b.startsWith(a) && b.length - a.length <= 3;
  });
}

/** Name runs of a statement's tokens (consecutive name words). */
function nameRuns(toks: Tok[], text: string): Tok[][] {
  const runs: Tok[][] = [];
  let cur: Tok[] = [];
  toks.forEach((t, i) => {
    // "Port of Eastport", "Tren de Aragua": the lexicon's name connectors join one name.
    const gap = cur.length ? text.slice(cur[cur.length - 1]!.end, t.start) : '';
    const joined = cur.length && /^\s+$/.test(gap);
    const connector = cur.length && !t.name && NAME_CONNECTORS.has(t.bare) && /^\s+$/.test(gap) && toks[i + 1]?.name;
    if (connector) return;
    if (t.name && (cur.length === 0 || joined || (/^\s+\S+\s+$/.test(gap) && NAME_CONNECTORS.has(fold(gap.trim()))))) cur.push(t);
    else {
      if (cur.length) runs.push(cur);
      cur = t.name ? [t] : [];
    }
  });
  if (cur.length) runs.push(cur);
  return runs;
}

function nameFound(run: Tok[], text: string, pool: { toks: Tok[]; keys: string }, ctx: SupportContext): boolean {
  if (run.every((t) => nameWordIn(t.bare, pool.toks))) return true;
  const key = keyText(text.slice(run[0]!.start, run[run.length - 1]!.end)).trim();
  // "United States" / "U.S.": the lexicon's country abbreviations.
  const canon = COUNTRY_ABBREVIATIONS[key] ?? key;
  const forms = [canon, ...Object.entries(COUNTRY_ABBREVIATIONS).filter(([, v]) => v === canon).map(([k]) => k)];
  if (forms.some((f) => pool.keys.includes(` ${f} `))) return true;
  for (const e of ctx.entities?.byKey.get(key) ?? []) {
    if (e.aliases.some((a) => pool.keys.includes(keyText(a)))) return true;
  }
  return shortFormFound(run, pool.toks);
}

/**
 * Name words the quote gives by their initials: a name of several words ("Department of Natural Resources"), with the
 * capitalised word just before it that says whose it is ("Ohio's"), written as one word in capitals ("ODNR", "DNR");
 * connectors ("of", "and") have no letter.
 */
function byInitials(runs: Tok[][], s: Reading, pool: (t: Tok) => Tok[]): Set<Tok> {
  const out = new Set<Tok>();
  const letters = (toks: Tok[]) => toks.filter((t) => !NAME_CONNECTORS.has(t.bare)).map((t) => t.surface[0]!.toUpperCase()).join('');
  for (const run of runs) {
    const at = s.toks.indexOf(run[0]!);
    const prev = s.toks[at - 1];
    const owner = prev && prev.capitalized && !prev.measured && /^\s+$/.test(s.text.slice(prev.end, run[0]!.start)) ? prev : null;
    for (const name of owner ? [run, [owner, ...run]] : [run]) {
      const initials = letters(name);
      if (initials.length < 2) continue;
      if (pool(run[0]!).some((q) => q.allCaps && q.surface.replace(/\./g, '') === initials)) for (const t of name) out.add(t);
    }
  }
  return out;
}

/** A common word written as part of a name ("Salvage" of "SMIT Salvage", "Group"): the lexicon or WordNet knows it, not as a name. */
function commonWord(t: Tok): boolean {
  const tags = lexTags(t.norm);
  if (tags.size) return !NAME_TAGS.some((x) => tags.has(x));
  relationsFor([t.lemma]);
  return !!relationCache.get(t.lemma)?.size;
}

/**
 * A name given without its common tail ("SMIT" for "SMIT Salvage"): the words before the tail are names of the
 * quote, and no other name word stands next to them there ("Manchester City" is not "Manchester United").
 */
function shortFormFound(run: Tok[], toks: Tok[]): boolean {
  if (run.length < 2) return false;
  // Only a common tail drops ("SMIT Salvage"); a common head names something else ("Bank of England" is not "England").
  let cut = run.length;
  while (cut > 1 && commonWord(run[cut - 1]!)) cut--;
  const own = run.slice(0, cut);
  if (own.length === run.length || own.some(commonWord)) return false;
  const mine = new Set(run.map((t) => t.bare));
  const beside = (q: Tok, n: Tok | undefined) => !!n && n.name && !mine.has(n.bare) && (n.end + 1 === q.start || q.end + 1 === n.start);
  return own.every((o) => toks.some((q, i) => q.name && q.bare === o.bare && !beside(q, toks[i - 1]) && !beside(q, toks[i + 1])));
}

/** The quote says there are none of what the statement counts ("No passengers were hurt" against "Three passengers …"). */
function countsNone(f: FigureReading, r: Reading): boolean {
  if (f.kind !== 'count' || !f.head || !(f.value > 0)) return false;
  const head = stem(f.head);
  return r.cues.some((c) => /^(?:no|none)$/i.test(r.text.slice(c.start, c.end)) && c.scope.some((i) => r.toks[i]!.key === head || r.toks[i]!.lemma === f.head));
}

/** Does statement figure f follow from quote figure g? */
function figureFollows(f: FigureReading, g: FigureReading): boolean {
  if (!comparableKinds(f, g)) return false;
  // "fewer than 1,000 flights" does not follow from "911 outages": counts of different things, whatever their values.
  if (f.kind === 'count' && g.kind === 'count' && otherThings(f.head, g.head)) return false;
  const a = inBaseUnit({ ...f, hi: f.hi ?? Infinity });
  const b = inBaseUnit({ ...g, hi: g.hi ?? Infinity });
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  // "61 people" for "at least 61 people": the figure as given; "more than 60" for "at least 61": implied.
  // A range ("5 to 2", "aged 11 to 16") matches only the same range.
  if (f.valueHi !== null || g.valueHi !== null) return close(a.value, b.value) && f.valueHi === g.valueHi && f.unit === g.unit;
  if (close(a.value, b.value) && (!f.qualifier || (a.lo <= b.lo && b.hi <= a.hi))) return true;
  return a.lo <= b.lo && b.hi <= a.hi;
}

/** Two counted nouns that name different things: neither the same word, nor everyday synonyms or related words, nor both people. */
function otherThings(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const [ka, kb] = [stem(fold(a)), stem(fold(b))];
  if (ka === kb || synonymsOf(ka).has(kb)) return false;
  // "machines" and "devices": WordNet relates them (a kind of, the same as).
  const [la, lb] = [fold(a), fold(b)];
  relationsFor([la, lb]);
  const rel = relationCache.get(la)?.get(lb) ?? relationCache.get(lb)?.get(la);
  if (rel && rel !== 'antonym') return false;
  const person = (w: string) => PEOPLE_WORDS.has(fold(w)) || isPersonNoun(fold(w));
  return !(person(a) && person(b));
}

/** Figures of one kind compare (units of a kind convert, currencies do not); a count compares with a bare number. */
function comparableKinds(f: FigureReading, g: FigureReading): boolean {
  if (f.kind === g.kind) return f.kind !== 'money' || !f.unit || !g.unit || f.unit === g.unit;
  return (f.kind === 'count' || f.kind === 'number') && (g.kind === 'count' || g.kind === 'number');
}

/** Same kind of quantity about the same thing, so a different value contradicts. */
function sameQuantity(f: FigureReading, g: FigureReading): boolean {
  if (!comparableKinds(f, g)) return false;
  if (f.kind === 'count' && g.kind === 'count') return !!f.head && f.head === g.head;
  return f.kind !== 'number' && g.kind !== 'number';
}

function dateRelation(a: DateParts, b: DateParts): 'match' | 'conflict' | 'incomparable' {
  // A day of a month fixes its weekday: "Friday June 29" says no more than "June 29" (a year would let us check it).
  const weekdayGiven = b.day !== undefined && b.month !== undefined && b.weekday === undefined;
  const keys = (['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const).filter((k) => a[k] !== undefined && !(k === 'weekday' && weekdayGiven));
  const shared = keys.filter((k) => b[k] !== undefined);
  if (!shared.length) return 'incomparable';
  if (shared.some((k) => a[k] !== b[k])) return 'conflict';
  return shared.length === keys.length ? 'match' : 'incomparable';
}

// ---------------------------------------------------------------------------------- the judge

const readCache = new Map<string, Reading>();
function readCached(text: string): Reading {
  let r = readCache.get(text);
  if (!r) {
    if (readCache.size > 2000) readCache.clear();
    r = read(text);
    readCache.set(text, r);
  }
  return r;
}

/** A quote read inside its sentence: its tokens carry the sentence's negation. */
function readQuote(q: Quoted): Reading {
  const own = withYears(readCached(q.quote), q.timeline);
  const at = q.around ? q.around.indexOf(q.quote) : -1;
  if (at < 0) return own;
  const around = readCached(q.around!);
  const toks = own.toks.map((t) => {
    const same = around.toks.find((x) => x.start === t.start + at);
    return same ? { ...t, neg: same.neg } : t;
  });
  return { ...own, toks };
}

/**
 * A quote's dates written without a year, given the year of the one timeline date of the same month (and day) its
 * sentences have; several years for the same month and day leave the year unsaid.
 */
function withYears(r: Reading, timeline: readonly string[] | undefined): Reading {
  if (!timeline?.length || !r.dates.some((d) => d.parts.year === undefined && d.parts.month !== undefined)) return r;
  const dates = r.dates.map((d) => {
    const { year, month, day } = d.parts;
    if (year !== undefined || month === undefined) return d;
    const years = new Set(
      timeline
        .map((t) => t.split('-').map(Number))
        .filter(([, m, dd]) => m === month && (day === undefined || dd === undefined || dd === day))
        .map(([y]) => y!),
    );
    return years.size === 1 ? { ...d, parts: { ...d.parts, year: [...years][0]! } } : d;
  });
  return { ...r, dates };
}

const clean = (s: string) =>
  scheduleAsWill(s)
    .replace(/\(\s*(?:https?:\/\/|www\.)\S*\s*\)|(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\s*\[\d+\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Judge `statement` against the quote(s) it cites (several quotes are read together:
 * a sentence may combine them). See the module comment for the checks.
 */
export function supportOf(statement: string, evidence: string | Quoted | readonly (string | Quoted)[], ctx: SupportContext = {}): Support {
  const quoted: Quoted[] = (Array.isArray(evidence) ? evidence : [evidence]).map((e: string | Quoted) => (typeof e === 'string' ? { quote: e } : e));
  const text = clean(statement);
  const s = read(text);
  // "Delta expected …": a capitalised word opening the statement that is also a common word ("delta") names what the
  // corpus names so; the quote must name it too (it still counts among the statement's words, as a common word would).
  const initialNames = ctx.entities
    ? s.toks.filter((t) => t.capitalized && !t.name && !t.measured && !t.cue && !STOPWORDS.has(t.bare) && !TITLE_WORDS.has(t.bare) && !!ctx.entities!.byKey.get(keyText(t.surface).trim())?.length)
    : [];
  const quotes = quoted.map(readQuote);
  const qToks = quotes.flatMap((r) => r.toks);
  const qFigures = quotes.flatMap((r) => r.figures);
  const qDates = quotes.flatMap((r) => r.dates);
  const qKeys = quoted.map((q) => keyText(q.quote)).join(' ');
  // What the frame may draw on: the quote, its sentence, the article's name, and generic reports ("the report says").
  const aroundReads = quoted.flatMap((q) => [...(q.around ? [readCached(q.around)] : []), ...(q.speakers ?? []).map(readCached)]);
  const frameToks = [...qToks, ...aroundReads.flatMap((r) => r.toks)];
  const frameKeys = `${qKeys} ${quoted.map((q) => `${keyText(q.around ?? '')} ${(q.speakers ?? []).map(keyText).join(' ')}`).join(' ')}`;
  const frameFigures = [...qFigures, ...aroundReads.flatMap((r) => r.figures)];
  const frameDates = [...qDates, ...aroundReads.flatMap((r) => r.dates)];

  const frame = frameOf(text);
  const inFrame = (start: number) => !!frame && start >= frame[0] && start < frame[1];
  const parts: SupportPart[] = [];

  // names
  const missing: string[] = [];
  const swapped: string[] = [];
  const runs = [...nameRuns(s.toks, text), ...initialNames.map((t) => [t])];
  const initialled = byInitials(runs, s, (t) => (inFrame(t.start) ? frameToks : qToks));
  for (const run of runs) {
    const framed = inFrame(run[0]!.start);
    const ok = run.every((t) => initialled.has(t)) || nameFound(run, text, framed ? { toks: frameToks, keys: frameKeys } : { toks: qToks, keys: qKeys }, ctx);
    if (ok) continue;
    const name = text.slice(run[0]!.start, run[run.length - 1]!.end);
    missing.push(name);
    const other = framed ? null : nameInSlot(run, s, quotes);
    if (other) swapped.push(`the quote has '${other}' where the statement has '${name}'`);
  }
  // Another name in the very place of the statement's (the same word before it, "a unit of X" / "a unit of Y"): a
  // contradiction when it is the only missing name; the other checks still have to pass for the claim to be about the same thing.
  parts.push(
    missing.length
      ? { check: 'names', ok: false, ...(swapped.length === missing.length ? { contradicts: true, detail: swapped.join('; ') } : { detail: `${missing.map((n) => `'${n}'`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the quote` }) }
      : { check: 'names', ok: true },
  );

  // figures
  {
    let bad: string | null = null;
    let rival: string | null = null;
    let contradicts = false;
    // A number the figure rules do not read ("Resolution 2231") must still be written in the quote.
    const spans = [...s.figures, ...s.dates];
    for (const t of s.toks) {
      if (!/^\d/.test(t.norm) || spans.some((x) => t.start >= x.start && t.end <= x.end)) continue;
      if (!(inFrame(t.start) ? frameToks : qToks).some((q) => q.bare.replace(/,/g, '') === t.bare.replace(/,/g, ''))) bad ??= t.surface;
    }
    const held: string[] = [];
    for (const f of s.figures) {
      const pool = inFrame(f.start) ? frameFigures : qFigures;
      if (pool.some((g) => figureFollows(f, g))) {
        held.push(f.text);
        continue;
      }
      bad ??= f.text;
      const other = pool.find((g) => sameQuantity(f, g));
      if (other && bad === f.text) rival ??= other.text;
      if (other || (!inFrame(f.start) && quotes.some((r) => countsNone(f, r)))) contradicts = true;
    }
    const detail = rival ? `the quote gives '${rival}' where the statement has '${bad}'` : `'${bad}' is not a figure of the quote`;
    parts.push(bad ? { check: 'figures', ok: false, contradicts, detail, ...(held.length ? { held } : {}) } : { check: 'figures', ok: true });
  }

  // dates
  {
    let bad: string | null = null;
    let contradicts = false;
    for (const d of s.dates) {
      const pool = inFrame(d.start) ? frameDates : qDates;
      const rel = pool.map((e) => dateRelation(d.parts, e.parts));
      if (rel.includes('match')) continue;
      bad ??= d.text;
      if (rel.includes('conflict')) contradicts = true;
    }
    parts.push(bad ? { check: 'dates', ok: false, contradicts, detail: `'${bad}' is not a date of the quote` } : { check: 'dates', ok: true });
  }

  // predicate (content words after the frame) and negation (on the words both share)
  const frameLemmas: Tok[] = [];
  const content: Tok[] = [];
  for (const t of s.toks) {
    if (t.measured || t.name || t.cue || STOPWORDS.has(t.bare) || t.bare.length < 2 || /^\d/.test(t.bare)) continue;
    if (inFrame(t.start)) {
      if (!SPEECH_LEMMAS.has(t.lemma) && !REPORT_LEMMAS.has(t.key) && !FRAME_WORDS.has(t.key) && !ATTRIBUTION_WORDS.has(t.bare)) frameLemmas.push(t);
      continue;
    }
    // Reporting verbs and claim framing ("saying", "it is true that") say nothing a quote could support.
    if (PLAIN_SPEECH_LEMMAS.has(t.lemma) || FRAME_WORDS.has(t.key)) continue;
    if (!content.some((c) => c.lemma === t.lemma && c.neg === t.neg)) content.push(t);
  }
  const needWordnet = (toks: Tok[], pool: Tok[]) => toks.some((t) => !pool.some((q) => cover(t, q, ctx, false) === 'same' || cover(t, q, ctx, false) === 'related'));
  if (!ctx.relations && (needWordnet(content, qToks) || needWordnet(frameLemmas, frameToks))) relationsFor([...frameToks.filter((t) => !STOPWORDS.has(t.bare)), ...content].map((t) => t.lemma));

  const frameMissing = frameLemmas.filter((t) => !initialled.has(t) && !frameToks.some((q) => { const c = cover(t, q, ctx, true); return c === 'same' || c === 'related'; }));
  if (frameMissing.length && parts[0]!.ok) parts[0] = { check: 'names', ok: false, detail: `the speaker ('${frameMissing.map((t) => t.surface).join(' ')}') is not in the quote's sentence` };

  let covered = 0;
  let firm = 0;
  let antonym: string | null = null;
  let flipped: string | null = null;
  const matched = new Set<string>();
  // A quote word that is another of the statement's own words says that word, not this one too ("99 people" says
  // "people", not "lived" as well, though WordNet has "people" as a verb of living somewhere).
  const own = new Set(content.map((t) => t.lemma));
  const same = sameState(text, quoted.map((q) => q.quote).join(' '));
  // A statement's verb of travel before its route ("heading to") is said by any route phrase of the quote ("sailing from").
  const routes = routeSpans(text);
  const quoteRoutes = quoted.some((q) => routeSpans(q.quote).length > 0);
  // A word of the statement's own clause said only in a clause on a noun of the quote, where the quote's own clause
  // negates its verb and says the statement's subject: "Microsoft's shares suffered the same sell-off" against "Shares
  // of Microsoft … did not experience the sell-off endured by CrowdStrike" (the clause on "sell-off" is CrowdStrike's).
  const negatedHost = (q: Tok, t: Tok): boolean => {
    const r = quotes.find((x) => x.toks.includes(q));
    if (!r) return false;
    const at = r.toks.indexOf(q);
    let host = -1;
    for (let k = at - 1; k >= 0; k--) {
      const x = r.toks[k]!;
      if (/[.;:!?]/.test(r.text.slice(x.end, r.toks[k + 1]!.start))) break;
      if (!x.embedded && x.neg === 1 && !x.cue) { host = k; break; }
    }
    if (host < 0) return false;
    const cueAt = r.toks.findIndex((x, k) => k < host && x.cue);
    const before = s.toks.filter((c) => c.start < t.start && !c.measured && !STOPWORDS.has(c.bare) && !inFrame(c.start));
    const where = before.map((c) => r.toks.map((x, k) => [x, k] as const).filter(([x]) => x.lemma === c.lemma || x.bare === c.bare).map(([, k]) => k)).filter((ks) => ks.length);
    return where.length > 0 && where.every((ks) => ks.every((k) => k < (cueAt < 0 ? host : cueAt)));
  };
  for (const t of content) {
    const by = qToks.map((q) => [q, cover(t, q, ctx, true)] as const).filter(([q, c]) => c && (c === 'same' || !own.has(q.lemma)));
    let support = by.filter(([, c]) => c === 'same' || c === 'related' || c === 'loose').map(([q]) => q);
    // A word said only by a WordNet relation, and only the other way ("shot" in "an aerial shot" for "nobody was killed"),
    // is not said at all: too loose a match to be read as saying it, or as saying its opposite.
    if (support.length && !support.some((q) => q.neg === t.neg) && !support.some((q) => firmCover(t, q, ctx))) support = [];
    if (support.length) {
      covered++;
      if (by.some(([, c]) => c === 'same' || c === 'related')) firm++;
      matched.add(t.lemma);
      // Polarity is read on a word in the same kind of clause: "did not experience the sell-off endured by …" negates
      // "suffered", though the clause on "sell-off" says "endured" unnegated.
      const role = support.filter((q) => q.embedded === t.embedded);
      if (!(role.length ? role : support).some((q) => q.neg === t.neg)) flipped ??= t.surface;
      else if (!role.length && !t.embedded && t.neg === 0 && support.every((q) => negatedHost(q, t))) flipped ??= t.surface;
    } else if (by.some(([, c]) => c === 'antonym')) antonym ??= t.surface;
    else if (quoteRoutes && routes.some(([a, b]) => t.start >= a && t.end <= b)) {
      covered++;
      firm++;
      matched.add(t.lemma);
    }
    else if (same.mine.some(([a, b]) => t.start >= a && t.end <= b) && qToks.some((q) => q.neg === t.neg && same.theirs.some(([a, b]) => q.start >= a && q.end <= b))) {
      // A state the quote writes in other words of the same side ("heading northbound" / "sailing northbound").
      covered++;
      firm++;
      matched.add(t.lemma);
    }
  }
  for (const t of s.toks) {
    if (!t.name || inFrame(t.start)) continue;
    const same = qToks.filter((q) => q.bare === t.bare);
    if (!same.length) continue;
    matched.add(t.lemma);
    if (!same.some((q) => q.neg === t.neg)) flipped ??= t.surface;
  }
  // A negation must be of something the quote says: "It is false that …" of words the quote does not have proves nothing.
  const idle = s.cues.find((c) => c.scope.length && !inFrame(c.start) && !c.scope.some((i) => matched.has(s.toks[i]!.lemma)));
  const coverage = content.length ? covered / content.length : 1;
  if (flipped || idle) {
    parts.push({
      check: 'negation',
      ok: false,
      contradicts: !!flipped,
      detail: flipped ? `'${flipped}' is negated in one and not the other` : `the negation ('${text.slice(idle!.start, idle!.end)}') is of nothing the quote says`,
    });
  } else parts.push({ check: 'negation', ok: true });

  const min = ctx.minCoverage ?? MIN_COVERAGE;
  // A state the quote says the opposite of ("stayed on" / "quit"): the rest of the statement must be the quote's for it to be the same subject.
  const state = stateClash(text, quoted.map((q) => q.quote).join(' '));
  // A clause of time after the state ("… was travelling south when it got stuck") says when it held, not what: the
  // state and the rest of its own clause are what the quote must share to speak of the same subject.
  const when = state ? timeClauseAfter(text, Math.max(...state[2].map(([, b]) => b))) : Infinity;
  const inState = (t: Tok) => !!state && (t.start >= when || state[2].some(([a, b]) => t.start >= a && t.end <= b));
  const rest = content.filter((t) => !inState(t));
  const stateRest = rest.length ? rest.filter((t) => matched.has(t.lemma)).length / rest.length : 1;
  const stated = content.length + s.figures.length + s.dates.length + nameRuns(s.toks, text).length;
  if (!stated) parts.push({ check: 'predicate', ok: false, detail: 'it states nothing the quote could support' });
  else if (antonym && coverage < 1) parts.push({ check: 'predicate', ok: false, contradicts: true, detail: `'${antonym}' is the opposite of the quote's word` });
  else if (state && stateRest >= min) parts.push({ check: 'predicate', ok: false, contradicts: true, state: true, detail: `'${state[0]}' and the quote's '${state[1]}' cannot both hold` });
  else if (coverage < min) {
    const un = content.filter((t) => !matched.has(t.lemma)).map((t) => t.surface);
    parts.push({ check: 'predicate', ok: false, detail: `the quote does not say ${un.slice(0, 4).map((w) => `'${w}'`).join(', ')} (${Math.round(coverage * 100)}% of its words covered)` });
  } else parts.push({ check: 'predicate', ok: true });

  const failed = parts.filter((p) => !p.ok);
  const verdict = !failed.length ? 'supported' : failed.some((p) => p.contradicts) ? 'contradicts' : 'unsupported';
  return {
    supported: !failed.length,
    verdict,
    ...(failed.length ? { reason: `${failed[0]!.check}: ${failed[0]!.detail}` } : {}),
    parts,
    coverage,
    firmCoverage: content.length ? firm / content.length : 1,
    uncovered: content.filter((t) => !matched.has(t.lemma)).map((t) => t.norm),
    stated: { figures: s.figures.length, dates: s.dates.length },
  };
}

const DETERMINER_WORDS = new Set(DETERMINERS);
const BE_FORMS = new Set(COPULAS);
const phraseRe = (p: string) => new RegExp(`\\b${p.replace(/ /g, '\\s+')}\\b`, 'gi');

/**
 * The statement's state phrases (STATE_OPPOSITES) whose side the quote also writes, and the quote's phrases of it:
 * character spans in each.
 */
function sameState(statement: string, quote: string): { mine: [number, number][]; theirs: [number, number][] } {
  const out = { mine: [] as [number, number][], theirs: [] as [number, number][] };
  for (const side of STATE_OPPOSITES.flat()) {
    const theirs = side.flatMap((p) => [...quote.matchAll(phraseRe(p))].map((m): [number, number] => [m.index!, m.index! + m[0].length]));
    if (!theirs.length) continue;
    const mine = side.flatMap((p) => [...statement.matchAll(phraseRe(p))].map((m): [number, number] => [m.index!, m.index! + m[0].length]));
    if (!mine.length) continue;
    out.mine.push(...mine);
    out.theirs.push(...theirs);
  }
  return out;
}

const ROUTE_RE = new RegExp(`\\b(?:${ROUTE_PHRASES.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');

/**
 * The spans of a text's route phrases (ROUTE_PHRASES: "heading to", "sailing from", "on its way to"): the verb of
 * travel in one says no more than that in another, so a statement's is said by any route phrase of the quote.
 */
export function routeSpans(text: string): [number, number][] {
  return [...text.matchAll(ROUTE_RE)].map((m) => [m.index!, m.index! + m[0].length]);
}

/**
 * The statement with its state phrase written as the opposite state ("The ship was travelling south" → "The ship was
 * northbound"): what a sentence saying the opposite of it would read like, to search for. Null when it gives no state.
 */
export function oppositeStatement(statement: string): string | null {
  for (const [a, b] of STATE_OPPOSITES) {
    for (const [mine, theirs] of [[a, b], [b, a]] as const) {
      const p = mine.find((x) => phraseRe(x).test(statement));
      if (p) return statement.replace(phraseRe(p), theirs[0]!);
    }
  }
  return null;
}

/**
 * Whether a quote writes the state a statement gives (a phrase of the same side of STATE_OPPOSITES: "heading south" /
 * "southbound"); true when the statement gives none.
 */
export function statesAsStatement(statement: string, quote: string): boolean {
  let stated = false;
  for (const pair of STATE_OPPOSITES) {
    for (const side of pair) {
      if (!side.some((p) => phraseRe(p).test(statement))) continue;
      stated = true;
      if (side.some((p) => phraseRe(p).test(quote))) return true;
    }
  }
  return !stated;
}

/**
 * A state phrase of the statement whose opposite (STATE_OPPOSITES) the quote uses and the quote does not also say:
 * [the statement's phrase, the quote's phrase, the statement's spans of it].
 */
function stateClash(statement: string, quote: string): [string, string, [number, number][]] | null {
  for (const [a, b] of STATE_OPPOSITES) {
    for (const [mine, theirs] of [[a, b], [b, a]] as const) {
      const spans: [number, number][] = [];
      let said: string | null = null;
      for (const p of mine) for (const m of statement.matchAll(phraseRe(p))) { spans.push([m.index!, m.index! + m[0].length]); said ??= m[0]; }
      if (!said || mine.some((p) => phraseRe(p).test(quote))) continue;
      const other = theirs.map((p) => phraseRe(p).exec(quote)?.[0]).find((x): x is string => !!x);
      if (other) return [said, other, spans];
    }
  }
  return null;
}

/** Conjunctions that open a clause of time ("when it got stuck", "after the storm passed"). */
const TIME_CLAUSE_RE = /\b(?:when|whenever|while|after|before|until|once)\s+\S/gi;

/** Where the first clause of time after `from` starts in a statement, or Infinity. */
function timeClauseAfter(statement: string, from: number): number {
  for (const m of statement.matchAll(TIME_CLAUSE_RE)) if (m.index! >= from) return m.index!;
  return Infinity;
}

/**
 * The name a quote gives in the place of a statement's name run: the content word just before the run in the
 * statement ("a unit of Maersk", "a hospital in Bangkok", "the crew was Filipino") is in the quote, followed within
 * a few words by a name run the statement does not have ("a unit of Royal Boskalis", "the hospital in Chiang Rai").
 */
function nameInSlot(run: Tok[], s: Reading, quotes: Reading[]): string | null {
  const at = s.toks.indexOf(run[0]!);
  let anchor: Tok | undefined;
  for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
    const t = s.toks[i]!;
    if (t.name || t.measured) return null;
    if (!t.cue && !STOPWORDS.has(t.bare) && t.bare.length > 1) {
      anchor = t;
      break;
    }
  }
  if (!anchor) return null;
  // The role of the name: the preposition right before it, if any ("a unit of X", "sold by X", "the crew was X").
  const roleBefore = (toks: Tok[], at: number) => {
    let i = at - 1;
    while (i >= 0 && DETERMINER_WORDS.has(toks[i]!.bare)) i--;
    const w = toks[i]?.bare;
    return ROLE_PREPOSITIONS.findIndex((g) => !!w && g.includes(w));
  };
  const role = roleBefore(s.toks, at);
  // Without such a preposition, only a name the statement says something is ("the crew was Filipino") holds its place alone.
  if (role < 0 && !s.toks.slice(s.toks.indexOf(anchor) + 1, at).some((t) => BE_FORMS.has(t.bare))) return null;
  const mine = new Set(s.toks.filter((t) => t.name).map((t) => t.bare));
  for (const q of quotes) {
    for (let i = 0; i < q.toks.length; i++) {
      const t = q.toks[i]!;
      if (t.lemma !== anchor.lemma && t.key !== anchor.key) continue;
      for (let j = i + 1; j < Math.min(q.toks.length, i + 6); j++) {
        const u = q.toks[j]!;
        if (/[.;:!?]/.test(q.text.slice(q.toks[j - 1]!.end, u.start))) break;
        if (!u.name) continue;
        if (mine.has(u.bare) || roleBefore(q.toks, j) !== role) break;
        let k = j;
        while (k + 1 < q.toks.length && q.toks[k + 1]!.name && /^\s+$/.test(q.text.slice(q.toks[k]!.end, q.toks[k + 1]!.start))) k++;
        return q.text.slice(u.start, q.toks[k]!.end);
      }
    }
  }
  return null;
}

/** The sentence(s) of `passage` that contain `quote` (a verbatim slice, or fragments joined by " … "), for `Quoted.around`. */
export function sentencesAround(passage: string, quote: string): string | undefined {
  const pieces = quote.split(' … ');
  let from = 0;
  let lo = Infinity;
  let hi = -1;
  for (const p of pieces) {
    const at = passage.indexOf(p, from);
    if (at < 0) return undefined;
    lo = Math.min(lo, at);
    hi = Math.max(hi, at + p.length);
    from = at + p.length;
  }
  const spans = splitSentences(passage).filter((sp) => sp.end > lo && sp.start < hi);
  if (!spans.length) return undefined;
  return passage.slice(Math.min(lo, spans[0]!.start), Math.max(hi, spans[spans.length - 1]!.end));
}
