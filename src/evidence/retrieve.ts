/**
 * Retrieval of sentence windows for a parsed question: a sentence with its neighbours in
 * its paragraph (and a one-sentence paragraph next to it, as news copy writes them).
 * Candidates come from the search index (the question's words, their WordNet relations,
 * entity aliases) and from every mention and resolved reference of the entities asked
 * about. Each window records how each element of the question is supported in it: the
 * word itself, a spelling fix, a relation (weighted below the word), an alias, a
 * reference ("he", "the 25-year-old").
 */
import type { Deps } from '../deps.js';
import { analysisOf } from '../analysis/index.js';
import { entityPostings, type EntityPostings } from './entity-postings.js';
import { entityLookupOf } from '../analysis/entity-lookup.js';
import { expandQuery } from '../analysis/relations.js';
import { dateMentionsIn } from './date-mentions.js';
import { QUERY_SYNONYMS, synonymsOf } from '../language/synonyms.js';
import { compoundSynonyms, inDictionary, nounClass } from '../language/wordnet.js';
import { STOPWORDS, indexTerms, lemma, stem, terms, words } from '../language/tokenize.js';
import { PRONOUNS } from '../language/lexicon/entity-cues.js';
import { HOW_MEASURES, MEASURE_KINDS, MEASURE_UNITS, MEASURE_VERBS } from '../language/lexicon/units.js';
import { MEASURE_QUESTION_NOUNS } from '../language/lexicon/question-words.js';
import type { Article, Sentence } from '../types.js';
import type { Entity } from '../index/entities.js';
import type { NumberedPostings } from '../index/search.js';
import type { FocusEntity, ParsedQuestion, QuestionTerm } from './question.js';

export type ElementRole = 'entity' | 'topic' | 'head' | 'picks' | 'predicate' | 'context' | 'date' | 'speaker' | 'addressee';

/** One thing the question asks an answer to hold. */
export interface Element {
  id: string;
  role: ElementRole;
  /** As the user wrote it. */
  label: string;
  /** How much it counts (idf of its rarest search key). */
  weight: number;
  /** Search key → how well it stands for the element (1 the word itself; a relation less). */
  keys: Map<string, number>;
  /** For entities: the entity ids. */
  entityIds?: Set<string>;
  /** For entities: the search keys of the name as the question wrote it ("Latin American" for Latin America). */
  asked?: string[];
  /** An entity named in so many passages (the country a story is set in) that it tells none apart. */
  setting?: boolean;
  /** For a topic noun: the entities the articles describe with it ("coach" → the coach), which stand for it where named or referred to. */
  described?: Set<string>;
  /** The question term, for topics and predicates. */
  term?: QuestionTerm;
  /** For a topic noun: the search keys of broader nouns ("noise" for "bang"), which an article uses to refer back to it. */
  broader?: Set<string>;
}

/** How an element is supported in a window. */
export interface Support {
  /** 0..1: the word or the entity itself 1, a relation or a reference less; a neighbour of the centre less again. */
  weight: number;
  /** The match alone (where it stands aside): does it stand for the element (≥ STANDS_FOR_WEIGHT)? */
  match: number;
  /** Where in the sentence (character offset), when known. */
  at?: number;
  sentence: Sentence;
  /** The key that matched (for terms), or 'mention' / 'reference' / 'alias' (entities). */
  via: string;
}

/** A sentence with its neighbours. */
export interface Window {
  article: Article;
  /** The sentence the window is centred on. */
  sentence: Sentence;
  /** The window's sentences in reading order (the centre included). */
  sentences: Sentence[];
  /** Element id → its best support in the window. */
  support: Map<string, Support>;
  /** Element id → every sentence of the window that holds it (at a strength that stands for it). */
  holding: Map<string, Set<string>>;
  score: number;
}

/** A name or topic noun written in at least this share of the corpus's passages is the story's setting: it tells none apart. */
const SETTING_SHARE = 0.15;
/** Answer kinds whose slot is filled by a typed value: there a setting topic noun ranks and is not required. */
const SETTING_KINDS: ReadonlySet<string> = new Set(['count', 'amount', 'age', 'date', 'time']);

/** How much the corpus's closest spelling of a dictionary word stands for it: it ranks, it does not stand for the word. */
const RESPELLED_WORD = 0.3;
/** A related word below this weight helps find and rank, but does not stand for the question's word. */
export const STANDS_FOR_WEIGHT = 0.5;
/** A verb related to the question's (a hypernym, a rarer sense's synonym) at least this much states it, when no window states it by a closer word. */
export const RELATED_VERB = 0.3;
/** Kinds of question whose answer is the one who does the verb: its agent noun ("insurer", "operator") stands for the verb. */
const AGENT_KINDS: ReadonlySet<string> = new Set(['person', 'organisation']);

const ROLE_FACTOR: Record<ElementRole, number> = { entity: 1.3, topic: 1, head: 0.8, picks: 1, predicate: 0.6, context: 0.35, date: 1, speaker: 1, addressee: 0.6 };
/** A word of another two-word name of the question's compound, in its place ("news" of "news conference" for "press"): as the word itself. */
const COMPOUND_NAME = 0.9;

/** A neighbour of the centre supports an element a little less than the centre does. */
const NEIGHBOUR = 0.7;

/** The elements of a parsed question, with their search keys. */
export function elementsOf(deps: Pick<Deps, 'corpus' | 'index'>, q: ParsedQuestion): Element[] {
  const N = Math.max(deps.index.size, 1);
  const idf = (k: string) => Math.log(1 + N / (1 + deps.index.docFreq(k)));
  const relations = analysisOf(deps).relations;
  const out: Element[] = [];
  const termElement = (t: QuestionTerm, role: ElementRole, id: string): Element => {
    const keys = new Map<string, number>();
    // A key may spell a stopword ("owned" is searched as "own"): it came from a content word, so it is kept.
    const put = (k: string, w: number) => {
      if (!k) return;
      if ((keys.get(k) ?? 0) < w) keys.set(k, w);
    };
    put(t.key, 1);
    // A close spelling stands for a typo ("evacutaion"); a word the dictionary lists is no typo of another word
    // ("start" is not "state"): its close spelling only ranks.
    const fixed = deps.index.correct(t.key);
    if (fixed !== t.key) put(fixed, inDictionary(t.lemma) ? RESPELLED_WORD : 0.9);
    for (const alt of t.alternatives ?? []) put(stem(alt), 1);
    const expansion = expandQuery(relations, [t.lemma, ...(t.alternatives ?? []).filter((a) => !/\d/.test(a))]).terms;
    for (const x of expansion) for (const k of x.keys) put(k, x.relation === 'exact' ? 1 : x.weight);
    // "how many floors": what a count asks for is named by a synonym in any of its senses ("12-story" counts the building's
    // floors: "storey" is "floor" in its second sense) — the count it must fill says which sense is meant, not a sentence
    // that merely uses the word. Only where no article counts the word itself: then its own sense is the one meant.
    if (role === 'head' && q.kind === 'count' && t.cls === 'noun' && !countedInCorpus(deps, t)) {
      for (const x of expansion) if (x.relation === 'synonym' && !x.main) for (const k of x.keys) put(k, STANDS_FOR_WEIGHT);
    }
    const broader = t.cls === 'noun' && (role === 'topic' || role === 'head') ? new Set(expansion.filter((x) => x.relation === 'hypernym').flatMap((x) => x.keys)) : undefined;
    // Nouns made from the verb ("settle" → "settlement", "rescue" → "rescuer" is a person, not this): found like a derivation.
    if (t.cls === 'verb') {
      const bare = t.lemma.replace(/e$/, '');
      // "Who insured the ship?": the one who does it, named by the verb's agent noun ("the ship's insurer, the U.K. P&I
      // Club"), is what a who-question asks for.
      const agents = AGENT_KINDS.has(q.kind) ? [`${bare}er`, `${bare}or`] : [];
      for (const form of [`${t.lemma}ment`, `${bare}ation`, `${bare}ion`, `${t.lemma}al`, ...agents]) {
        const k = stem(form);
        if (k !== t.key && deps.index.docFreq(k) > 0) put(k, 0.6);
      }
    }
    for (const base of new Set([t.key, stem(t.lemma)])) {
      for (const k of QUERY_SYNONYMS[base] ?? []) put(k, 0.6);
      for (const k of synonymsOf(base)) put(k, k === base ? 1 : 0.6);
    }
    // "mother ship", written "parent ship": a compound's modifier stands for itself through a related word (a broader or
    // narrower one) that the articles write before the same noun — the compound says which sense is meant.
    const next = compoundHead(q, t);
    if (next) {
      const heads = new Set([next.key, ...(QUERY_SYNONYMS[next.key] ?? []), ...synonymsOf(next.key)]);
      for (const [k, w] of keys) if (w < STANDS_FOR_WEIGHT && [...heads].some((h) => writtenTogether(deps, k, h))) keys.set(k, 0.6);
    }
    // "press conference", written "news conference": a compound the dictionary lists with another name for the same thing,
    // which the articles write, holds each of its words by the other name's word in its place. Not at a single word's
    // synonym weight: the whole name is the dictionary's for the very same sense, so its word counts as the question's own.
    const prev = q.topics.find((x) => compoundHead(q, x) === t);
    for (const [mod, head, own] of [...(next ? [[t, next, 0] as const] : []), ...(prev ? [[prev, t, 1] as const] : [])]) {
      for (const other of compoundSynonyms([mod.lemma, head.lemma])) {
        const ks = other.map((w) => terms(w)[0]);
        if (ks.length === 2 && ks.every(Boolean) && writtenTogether(deps, ks[0]!, ks[1]!)) put(ks[own]!, COMPOUND_NAME);
      }
    }
    // A four-letter plural keeps its "s" as a search key ("boys", "kids"): a three-letter noun ("kid" for "kids",
    // "boy" standing for "kids") is found in its plural too.
    for (const [k, w] of [...keys]) if (/^[a-z]{2}[a-rt-z]$/.test(k) && nounClass(k) !== null) put(stem(`${k}s`), w);
    const present = [...keys].filter(([k, w]) => w >= STANDS_FOR_WEIGHT && deps.index.docFreq(k) > 0).map(([k]) => k);
    const weight = present.length ? Math.min(...present.map(idf)) : idf(t.key);
    // "the coach" is Ekkapol wherever the articles name him or say "he": a noun stands for the entities it describes.
    const described = role === 'topic' || role === 'head' || role === 'addressee' ? describedBy(deps, new Set([...keys].filter(([, w]) => w >= STANDS_FOR_WEIGHT).map(([k]) => k))) : [];
    // A topic noun the story is about ("the sub" in a story of a lost submersible, "the cave" in a cave rescue) is written in
    // so many passages that it tells none apart, and a window refers to it by other words ("the vessel", "the craft"): like a
    // setting name, it ranks and is not required.
    const spread = Math.max(0, ...[...keys].filter(([, w]) => w >= STANDS_FOR_WEIGHT).map(([k]) => deps.index.docFreq(k)));
    // Only where the answer's own kind tells windows apart (a figure, an age, a date): a yes/no question asks about its subject.
    const setting = role === 'topic' && t.cls === 'noun' && SETTING_KINDS.has(q.kind) && N >= 20 && spread / N >= SETTING_SHARE;
    return { id, role, label: t.text, weight, keys, term: t, ...(broader?.size ? { broader } : {}), ...(described.length ? { described: new Set(described) } : {}), ...(setting ? { setting } : {}) };
  };
  const entityElement = (f: FocusEntity, role: ElementRole, id: string): Element => {
    const words = new Set(f.entities.flatMap((e) => e.keys.flatMap((k) => k.split(' '))).filter((w) => !STOPWORDS.has(w)).map(stem));
    const weight = Math.max(...[...words].map(idf), 1);
    const passages = paragraphsNamingAny(deps.corpus, f.entities);
    const setting = N >= 20 && passages / N >= SETTING_SHARE;
    return { id, role, label: f.text, weight, keys: new Map([...words].map((w) => [w, 1])), entityIds: new Set(f.entities.map((e) => e.id)), asked: terms(f.text), ...(setting ? { setting } : {}) };
  };
  q.entities.forEach((f, i) => out.push(entityElement(f, q.speaker === f ? 'speaker' : 'entity', `e${i}`)));
  // The head ("which <club>", "how many <boys>") is what the answer is, not a word it must repeat: it ranks, and the filler fits it.
  const inHead = (t: QuestionTerm) => t === q.head || q.headModifiers.includes(t);
  q.topics.forEach((t, i) => out.push(termElement(t, inHead(t) ? 'head' : q.addressees.includes(t) ? 'addressee' : 'topic', `t${i}`)));
  q.predicates.forEach((t, i) => out.push(termElement(t, q.picks.includes(t) ? 'picks' : 'predicate', `p${i}`)));
  // "Where did she speak?": the person the pronoun stands for ranks as a name the question wrote would (it does not veto:
  // the pronoun may mean someone the articles only describe).
  // A quote question already keeps only the person's own words: there, the words asked about rank.
  const pointed = q.kind === 'quote' ? undefined : pointedPerson(q);
  q.context.forEach((f, i) => {
    const e = entityElement(f, 'context', `c${i}`);
    out.push(f === pointed ? { ...e, weight: e.weight * (ROLE_FACTOR.entity / ROLE_FACTOR.context) } : e);
  });
  q.contextTerms.forEach((t, i) => out.push(termElement(t, 'context', `ct${i}`)));
  q.dates.forEach((d, i) => out.push({ id: `d${i}`, role: 'date', label: d.text, weight: 2, keys: new Map(terms(d.text).map((k) => [k, 1])) }));
  return eitherOf(q, out);
}

/** Passages read to learn whether the articles count a noun (the best of its search hits). */
const COUNTED_PASSAGES = 50;

/** Whether some article counts the noun itself ("About 50 cars … derailed"): a figure whose counted noun is the word's lemma. */
function countedInCorpus(deps: Pick<Deps, 'corpus' | 'index'>, t: QuestionTerm): boolean {
  const facts = analysisOf(deps).figureFactIndex;
  for (const h of deps.index.search(t.key, { limit: COUNTED_PASSAGES, terms: true })) {
    for (const s of deps.index.passage(h.id)?.sentences ?? []) {
      if (facts.inSentence(s.id).some((f) => f.kind === 'count' && !!f.head && lemma(f.head) === t.lemma)) return true;
    }
  }
  return false;
}

/**
 * "tv or media companies": nouns the question joins with "or" ask for either, so they are one element — a window
 * holding one of them holds it — not two that must both be there. Verbs joined so ("cancelled or delayed") only rank
 * and stay apart: a window stating both ranks higher.
 */
function eitherOf(q: ParsedQuestion, elements: Element[]): Element[] {
  const out: Element[] = [];
  for (const e of elements) {
    const prev = out.at(-1);
    if (prev?.term && e.term && prev.role === e.role && e.role === 'topic' && /^\s*,?\s*or\s+$/i.test(q.text.slice(prev.term.end, e.term.start))) {
      const keys = new Map(prev.keys);
      for (const [k, w] of e.keys) if ((keys.get(k) ?? 0) < w) keys.set(k, w);
      const union = (a?: Set<string>, b?: Set<string>) => (a || b ? new Set([...(a ?? []), ...(b ?? [])]) : undefined);
      const described = union(prev.described, e.described);
      const broader = union(prev.broader, e.broader);
      out[out.length - 1] = { ...prev, label: `${prev.label} or ${e.label}`, weight: Math.max(prev.weight, e.weight), keys, ...(described ? { described } : {}), ...(broader ? { broader } : {}) };
      continue;
    }
    out.push(e);
  }
  return out;
}

/** The noun a topic is written right before, making one compound with it ("mother" in "mother ship"). */
export function compoundHead(q: ParsedQuestion, t: QuestionTerm): QuestionTerm | undefined {
  if (t.cls !== 'noun' || t.start < 0) return undefined;
  return [...q.topics, ...(q.head ? [q.head] : [])].find((x) => x !== t && x.start > t.end && q.text.slice(t.end, x.start) === ' ');
}

/**
 * Whether the articles write search key `a` right before key `b` in a sentence ("parent ship"): read from the sentences
 * of the passages whose postings hold both (the first such sentence answers), once per pair and corpus version. A
 * question asks about a few pairs; the whole corpus's pairs (`bigramsOf`, every sentence tokenised: 6.6 s and millions
 * of strings at 10,000 articles, on the first question that needed one) are made only for an index without postings, or
 * for two words so common together that reading their passages would cost more.
 */
const togetherMemo = new WeakMap<object, Map<string, boolean>>();
const MAX_PASSAGES_READ_FOR_A_PAIR = 200;
export function writtenTogether(deps: Pick<Deps, 'corpus' | 'index'>, a: string, b: string): boolean {
  const view = deps.index.numbered?.();
  if (!view) return bigramsOf(deps).has(`${a} ${b}`);
  let memo = togetherMemo.get(deps.corpus);
  if (!memo) togetherMemo.set(deps.corpus, (memo = new Map()));
  const key = `${a} ${b}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const pa = view.holding(a);
  const pb = view.holding(b);
  let found = false;
  if (pa && pb) {
    const [few, many] = pa.size <= pb.size ? [pa, pb] : [pb, pa];
    const both: number[] = [];
    for (const n of few.keys()) if (many.has(n)) both.push(n);
    // Two common words share thousands of passages, and reading them all when they are never written together costs
    // more than the corpus's pairs made once: then those are read.
    if (both.length > MAX_PASSAGES_READ_FOR_A_PAIR) {
      found = bigramsOf(deps).has(key);
      memo.set(key, found);
      return found;
    }
    for (const n of both) {
      const id = view.passageIdOf(n);
      const passage = id === undefined ? undefined : deps.index.passage(id);
      for (const s of passage?.sentences ?? []) {
        const ks = terms(s.text);
        for (let i = 0; i + 1 < ks.length && !found; i++) found = ks[i] === a && ks[i + 1] === b;
        if (found) break;
      }
      if (found) break;
    }
  }
  memo.set(key, found);
  return found;
}

/** Every pair of search keys the articles write one after the other ("parent ship"), once per corpus. */
const bigramMemo = new WeakMap<object, Set<string>>();
export function bigramsOf(deps: Pick<Deps, 'corpus'>): Set<string> {
  let out = bigramMemo.get(deps.corpus);
  if (out) return out;
  out = new Set();
  for (const a of deps.corpus.articles) {
    for (const s of a.sentences) {
      const ks = terms(s.text);
      for (let i = 0; i + 1 < ks.length; i++) out.add(`${ks[i]} ${ks[i + 1]}`);
    }
  }
  bigramMemo.set(deps.corpus, out);
  return out;
}

const PERSONAL = new Set(Object.entries(PRONOUNS).filter(([, c]) => c.animacy === 'person' && c.number === 'singular').map(([w]) => w));

/** The conversation's person a question's "he" or "she" stands for (its first context, a person), when it names no one itself. */
export function pointedPerson(q: ParsedQuestion): FocusEntity | undefined {
  if (!q.pointsBack || q.entities.length || !words(q.text).some((w) => PERSONAL.has(w))) return undefined;
  const first = q.context[0];
  return first?.entities.some((e) => e.kind === 'person') ? first : undefined;
}

/** The entities whose roles, descriptions or kind words hold one of the keys ("coach Ekkapol", "the container ship Ever Given"). */
function describedBy(deps: Pick<Deps, 'corpus'>, keys: Set<string>): string[] {
  if (!keys.size) return [];
  const { byWord, order } = descriptions(deps);
  const found = new Set<string>();
  for (const k of keys) for (const id of byWord.get(k) ?? []) found.add(id);
  // In the entity index's order, as a pass over every entity would find them.
  return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
}

/** The entities whose descriptions hold every one of the keys ("analyst" and "recorded", "future"), in the index's order. */
export function describedByEvery(deps: Pick<Deps, 'corpus'>, keys: readonly string[]): Entity[] {
  if (!keys.length) return [];
  const { byWord, order, entity } = descriptions(deps);
  const [first, ...rest] = keys.map((k) => new Set(byWord.get(k) ?? []));
  return [...first!].filter((id) => rest.every((set) => set.has(id))).sort((a, b) => order.get(a)! - order.get(b)!).map((id) => entity.get(id)!);
}

/**
 * Each entity's description words (roles, appositions, descriptors, type cues, a name's head noun), once per entity index,
 * kept as word → the entities it describes: a question looks its words up instead of reading every entity's description.
 */
const descriptionMemo = new WeakMap<object, { byWord: Map<string, string[]>; order: Map<string, number>; entity: Map<string, Entity> }>();
function descriptions(deps: Pick<Deps, 'corpus'>): { byWord: Map<string, string[]>; order: Map<string, number>; entity: Map<string, Entity> } {
  const index = analysisOf(deps).entities;
  let out = descriptionMemo.get(index);
  if (out) return out;
  out = { byWord: new Map(), order: new Map(), entity: new Map() };
  let n = 0;
  for (const e of index.entities) {
    const said = e.mentions.flatMap((m) => terms(`${m.role ?? ''} ${m.apposition ?? ''} ${m.descriptor ?? ''}`));
    const cues = (e.cues ?? []).flatMap((c) => terms(c.replace(/^[\w ]+:\s*/, '')));
    const own = terms(e.name);
    const words = new Set([...said, ...cues, ...(own.length > 1 ? [own.at(-1)!] : [])]);
    if (!words.size || out.order.has(e.id)) continue;
    out.order.set(e.id, n++);
    out.entity.set(e.id, e);
    for (const w of words) {
      const list = out.byWord.get(w) ?? [];
      list.push(e.id);
      out.byWord.set(w, list);
    }
  }
  descriptionMemo.set(index, out);
  return out;
}

/** Whether the corpus has the element at all, at a strength that stands for it (not only a broader or narrower word). */
export function inCorpus(deps: Pick<Deps, 'corpus' | 'index'>, e: Element): boolean {
  if (e.entityIds) return e.entityIds.size > 0;
  return [...e.keys].some(([k, w]) => w >= STANDS_FOR_WEIGHT && deps.index.docFreq(k) > 0);
}

/** Scores windows for one question: the support of each element in a window, and the window's score. */
export interface Retriever {
  elements: Element[];
  /** The window centred on a sentence. */
  windowAt(article: Article, sentence: Sentence): Window;
  /** The best windows holding any element of the question. */
  windows: Window[];
}

/**
 * Work counters of `retrieve()` (summed over calls; a test or benchmark resets them): candidate paragraphs read,
 * windows scored, supports computed (one element in one sentence), and paragraphs left unread by their bound.
 */
export const retrieveStats = { calls: 0, paragraphs: 0, windows: 0, supports: 0, derived: 0, capped: 0, bounded: 0 };

/** The windows of the corpus that hold any element of the question, best first. */
export function retrieve(deps: Pick<Deps, 'corpus' | 'index'>, q: ParsedQuestion, elements = elementsOf(deps, q), limit = 60): Retriever {
  const analysis = analysisOf(deps);
  retrieveStats.calls++;
  const wanted = new Set(elements.flatMap((e) => [...(e.entityIds ?? []), ...(e.described ?? [])]));
  // The entities asked about, in the entity index's order, and their references: read from the postings, not by a pass over
  // every entity and every reference of the corpus.
  const postings = entityPostings(analysis.entities, analysis.references);
  const wantedEntities = [...wanted].flatMap((id) => postings.byId.get(id) ?? []).sort((a, b) => a.order - b.order).map((x) => x.entity);
  // Per element: the first of its entities (in the element's order) named in / referred to in a sentence, and where. Where
  // they are named is read per sentence from the entity index's sentence postings (a name many entities share matches
  // entities with tens of thousands of mentions at 10,000 articles: a map over all of them cost more than the rest of the
  // question); where they are referred to, from their references.
  const everyEntity = analysis.entities.entities;
  const inSentence = entityLookupOf(analysis.entities).inSentence;
  const firstOf = new Map<Set<string>, { rank: Map<string, number>; named: Map<string, At | null>; referred: Map<string, At | null> }>();
  const lookup = (ids: Set<string>) => {
    let x = firstOf.get(ids);
    if (!x) {
      const rank = new Map<string, number>();
      for (const id of ids) if (!rank.has(id)) rank.set(id, rank.size);
      firstOf.set(ids, (x = { rank, named: new Map(), referred: new Map() }));
    }
    return x;
  };
  // Where the entities are referred to is read per sentence from the references of its paragraph (kept per analysis), not
  // from a map over every reference of every entity an element matches, built per element per question.
  const byParagraph = referencesByParagraph(paragraphKeys(deps.corpus), analysis.references);
  /** The first of `ids` (in their order) referred to in the sentence, at its first reference there. */
  const referredIn = (ids: Set<string>, sid: string): At | undefined => {
    const x = lookup(ids);
    let found = x.referred.get(sid);
    if (found === undefined) {
      found = null;
      let best = Infinity;
      for (const i of byParagraph(sid)) {
        const r = analysis.references[i]!;
        const k = r.sentenceId === sid ? x.rank.get(r.entity) : undefined;
        // Ascending within the paragraph: an entity's first reference in the sentence is the first seen.
        if (k === undefined || k >= best) continue;
        best = k;
        found = { id: r.entity, at: r.start };
      }
      x.referred.set(sid, found);
    }
    return found ?? undefined;
  };
  /** The first of `ids` (in their order) named in the sentence, at its first mention there. */
  const namedIn = (ids: Set<string>, sid: string): At | undefined => {
    const x = lookup(ids);
    let found = x.named.get(sid);
    if (found === undefined) {
      found = null;
      const here = inSentence(sid);
      let best = Infinity;
      // Postings list an entity's mentions of a sentence in its own order, entities in the index's order.
      for (let k = 0; here && k < here.entities.length; k++) {
        const e = everyEntity[here.entities[k]!]!;
        const r = x.rank.get(e.id);
        // The entity retrieve reads for an id is the index's first with that id.
        if (r === undefined || r >= best || postings.byId.get(e.id)?.order !== here.entities[k]) continue;
        best = r;
        found = { id: e.id, at: e.mentions[here.mentions[k]!]!.start };
      }
      x.named.set(sid, found);
    }
    return found ?? undefined;
  };

  // Candidate paragraphs: search hits, and where the entities are named (their first 200 mentions) or referred to, as
  // paragraph key numbers in the order found (a name many entities share finds tens of thousands: no key string each).
  const keys = paragraphKeys(deps.corpus);
  const named = wantedEntities.map((e) => mentionParagraphs(keys, e.mentions));
  const referredAt = referenceParagraphs(keys, analysis.references);
  const seen = new Uint8Array(keys.key.length);
  const found: number[] = [];
  const add = (k: number) => {
    if (!seen[k]) {
      seen[k] = 1;
      found.push(k);
    }
  };
  for (const at of named) for (let i = 0; i < at.length && i < 200; i++) add(unbyline(at[i]!));
  for (const i of mergeSorted([...wanted].flatMap((id) => postings.refs.get(id) ?? []))) add(referredAt[i]!);
  const derived = Int32Array.from(found);
  const paragraphs = new Map<string, number>();
  const query = [...new Set(elements.flatMap((e) => [...e.keys].filter(([, w]) => w >= 0.3).map(([k]) => k)))].join(' ');
  if (query) for (const h of deps.index.search(query, { limit: 40, terms: true })) paragraphs.set(h.id, h.score);
  // A name or topic shared by many entities (a common surname, "harbour" in every port official's title) is named or referred
  // to in a large share of the corpus: past MAX_DERIVED paragraphs, only the best of them are read (see `bestDerived`).
  const capped = derived.length > MAX_DERIVED;
  const levelsOf = (ids: Set<string>) => entityLevels(postings, analysis.references, keys, ids);
  for (const k of capped ? bestDerived(deps.index, elements, derived, levelsOf, keys) : derived) {
    const id = keys.key[k]!;
    if (!paragraphs.has(id)) paragraphs.set(id, 0);
  }
  retrieveStats.derived += derived.length;
  if (capped) retrieveStats.capped++;

  // A topic noun's article may refer back to it by a broader noun ("banging" … "the noises are coming at 30 minute
  // intervals"): the later paragraphs of an article the search found, that write a broader noun, are candidates too.
  // Each article is read once, from the first candidate paragraph that writes an element's own word.
  const referring = elements.filter((e) => e.broader);
  if (referring.length) {
    // Which words a paragraph writes, from the index's postings (a passage's terms there are its text's terms) when the
    // index has them: hundreds of paragraphs are tested, and most of the later ones are never read.
    const numbered = deps.index.numbered?.();
    const postings = new Map<string, ReturnType<NumberedPostings['holding']>>();
    const writesAny = (pid: string, text: string, ks: Iterable<string>): boolean => {
      const n = numbered ? passageNumbers(numbered, keys, Int32Array.of(keys.number(pid)))[0]! : -1;
      if (n < 0) {
        const own = new Set(terms(text));
        for (const k of ks) if (own.has(k)) return true;
        return false;
      }
      for (const k of ks) {
        if (!postings.has(k)) postings.set(k, numbered!.holding(k));
        if (postings.get(k)?.has(n)) return true;
      }
      return false;
    };
    const own = new Map(referring.map((e) => [e, [...e.keys].filter(([, w]) => w >= 0.9).map(([k]) => k)]));
    const firstOwn = new Map<string, Map<Element, number>>();
    for (const pid of paragraphs.keys()) {
      const p = deps.index.passage(pid);
      if (!p) continue;
      for (const e of referring) {
        if (!writesAny(pid, p.text, own.get(e)!)) continue;
        const byElement = firstOwn.get(p.articleId) ?? new Map<Element, number>();
        firstOwn.set(p.articleId, byElement);
        if (p.index < (byElement.get(e) ?? Infinity)) byElement.set(e, p.index);
      }
    }
    for (const [articleId, byElement] of firstOwn) {
      const article = deps.corpus.byId.get(articleId);
      const from = Math.min(...byElement.values());
      for (const later of article?.paragraphs ?? []) {
        const id = `${articleId}:p${later.index}`;
        if (later.index <= from || paragraphs.has(id)) continue;
        if ([...byElement].some(([e, at]) => later.index > at && writesAny(id, later.text, e.broader!))) paragraphs.set(id, 0);
      }
    }
  }

  // A measure asked ("how heavy", "how far") is also found by the words that state one ("weighs", "kg", "miles"): the window
  // that gives it may name the thing only by another word ("the vessel weighs …"), or only in the story's setting.
  const slotKeys = measureKeys(q);
  const slotted = new Set<string>();
  if (slotKeys.size) {
    for (const h of deps.index.search([...slotKeys].join(' '), { limit: 20 })) {
      slotted.add(h.id);
      if (!paragraphs.has(h.id)) paragraphs.set(h.id, 0);
    }
  }

  const stemsOf = (s: Sentence) => sentenceKeys(s.text);
  // Per element: its entities' aliases (de-duplicated) by their first word, so a sentence is checked against the aliases
  // that could be written in it, not against every alias of every entity a shared name matches.
  const aliasKeys = new Map<Set<string>, Map<string, string[][]>>();
  const aliasesOf = (ids: Set<string>) => {
    let x = aliasKeys.get(ids);
    if (!x) {
      const seen = new Set<string>();
      x = new Map();
      for (const id of ids) {
        for (const k of entityKeys.get(id) ?? []) {
          const joined = k.join(' ');
          if (seen.has(joined)) continue;
          seen.add(joined);
          const list = x.get(k[0]!) ?? [];
          list.push(k);
          x.set(k[0]!, list);
        }
      }
      aliasKeys.set(ids, x);
    }
    return x;
  };
  const aliasIn = (ids: Set<string>, st: ReadonlySet<string>) => {
    const byFirst = aliasesOf(ids);
    if (!byFirst.size) return false;
    for (const w of st) for (const k of byFirst.get(w) ?? []) if (k.every((x) => st.has(x))) return true;
    return false;
  };
  const positionIn = (s: Sentence, key: string): number | undefined => keyPlaces(s.text).get(key);
  const entityKeys = new Map(wantedEntities.map((x) => [x.id, x.keys.map((k) => k.split(' ').map(stem))]));
  // Each element's keys by their place in its map (ties between equal weights go to the first).
  const keyOrders = new Map<Element, Map<string, number>>();
  const keyOrderOf = (e: Element) => {
    let order = keyOrders.get(e);
    if (!order) {
      order = new Map();
      for (const k of e.keys.keys()) order.set(k, order.size);
      keyOrders.set(e, order);
    }
    return order;
  };
  // Each element's support in a sentence is read once per call: a sentence sits in up to three windows.
  const supportMemo = new Map<Element, Map<string, Support | null>>();
  const support = (e: Element, s: Sentence): Support | null => {
    let memo = supportMemo.get(e);
    if (!memo) supportMemo.set(e, (memo = new Map()));
    let found = memo.get(s.id);
    if (found === undefined) {
      retrieveStats.supports++;
      memo.set(s.id, (found = supportOnce(e, s)));
    }
    return found;
  };
  const supportOnce = (e: Element, s: Sentence): Support | null => {
    if (e.role === 'date') return dateSupport(deps, q, Number(e.id.slice(1)), s);
    if (e.entityIds) {
      const n = namedIn(e.entityIds, s.id);
      if (n !== undefined) return { weight: 1, match: 1, sentence: s, via: 'mention', at: n.at };
      const r = referredIn(e.entityIds, s.id);
      if (r !== undefined) return { weight: 0.9, match: 0.9, sentence: s, via: 'reference', at: r.at };
      // An alias written out even where the entity index did not record a mention.
      const st = stemsOf(s);
      if (aliasIn(e.entityIds, st)) return { weight: 0.9, match: 0.9, sentence: s, via: 'alias' };
      // The name as the question wrote it ("Latin American cartels" holds the question's "Latin American").
      if (e.asked?.length && e.asked.every((w) => st.has(w))) return { weight: 0.9, match: 0.9, sentence: s, via: 'alias' };
      return null;
    }
    const st = stemsOf(s);
    let best: Support | null = null;
    if (st.size < e.keys.size) {
      // Fewer words in the sentence than keys for the element (a word with its relations): the sentence's words looked up,
      // the same key taken — the strongest, and of equal ones the first in the element's order, as the loop below takes it.
      const order = keyOrderOf(e);
      let via: string | undefined;
      let bw = 0;
      let bi = 0;
      for (const k of st) {
        const i = order.get(k);
        if (i === undefined) continue;
        const w = e.keys.get(k)!;
        if (via === undefined || w > bw || (w === bw && i < bi)) {
          via = k;
          bw = w;
          bi = i;
        }
      }
      if (via !== undefined) best = { weight: bw, match: bw, sentence: s, via };
    } else for (const [k, w] of e.keys) if (st.has(k) && (!best || w > best.weight)) best = { weight: w, match: w, sentence: s, via: k };
    if (best) best.at = positionIn(s, best.via);
    if (best && best.match < STANDS_FOR_WEIGHT && best.at !== undefined && e.broader?.has(best.via) && refersBack(e, s, best.at)) best = { ...best, weight: ANAPHOR_WEIGHT, match: ANAPHOR_WEIGHT };
    if ((!best || best.match < 0.9) && e.described) {
      // The entity the noun describes, named here or referred to ("Ekkapol", "he" for "the coach").
      if (namedIn(e.described, s.id)) return { weight: 0.9, match: 0.9, sentence: s, via: 'mention' };
      if (referredIn(e.described, s.id)) return { weight: 0.8, match: 0.8, sentence: s, via: 'reference' };
    }
    return best;
  };

  // "the noises" in an article that wrote "banging" before: a definite broader noun refers back to the question's own word.
  const firstExact = new Map<Element, Map<string, number>>();
  const refersBack = (e: Element, s: Sentence, at: number): boolean => {
    if (!DEFINITE_BEFORE_RE.test(s.text.slice(Math.max(0, at - 40), at))) return false;
    let byArticle = firstExact.get(e);
    if (!byArticle) firstExact.set(e, (byArticle = new Map()));
    let first = byArticle.get(s.articleId);
    if (first === undefined) {
      first = Infinity;
      const article = deps.corpus.byId.get(s.articleId);
      for (const x of article?.sentences ?? []) {
        const st = stemsOf(x);
        if ([...e.keys].some(([k, w]) => w >= 0.9 && st.has(k))) {
          first = x.paragraph * 10_000 + x.index;
          break;
        }
      }
      byArticle.set(s.articleId, first);
    }
    return first < s.paragraph * 10_000 + s.index;
  };

  const windowAt = (article: Article, s: Sentence): Window => {
    const sentences = windowOf(article, s);
    const sup = new Map<string, Support>();
    let score = 0;
    const holding = new Map<string, Set<string>>();
    for (const e of elements) {
      let best: Support | null = null;
      for (const x of sentences) {
        const found = support(e, x);
        if (!found) continue;
        if (found.match >= STANDS_FOR_WEIGHT) {
          const set = holding.get(e.id) ?? new Set<string>();
          set.add(x.id);
          holding.set(e.id, set);
        }
        const w = x === s ? found.weight : found.weight * NEIGHBOUR;
        if (!best || w > best.weight) best = { ...found, weight: w };
      }
      if (!best) continue;
      sup.set(e.id, best);
      score += e.weight * best.weight * ROLE_FACTOR[e.role];
    }
    // A verb of the question written next to what it is about ("the Ever Given's owner", "owned by") says more than both apart.
    for (const p of elements) {
      if (p.role !== 'predicate') continue;
      const ps = sup.get(p.id);
      if (!ps || ps.at === undefined) continue;
      const close = elements.some((o) => {
        if (o.role === 'predicate' || o.role === 'date') return false;
        const os = sup.get(o.id);
        return !!os && os.sentence === ps.sentence && os.at !== undefined && Math.abs(os.at - ps.at!) < 45;
      });
      if (close) score += p.weight * ps.weight * 0.5;
    }
    // Fragments and bylines are no answers; a question is no statement.
    const nWords = piecesUpTo(s.text, 6);
    if (nWords < 4) score = 0;
    else if (nWords < 6) score *= 0.7;
    if (/\?\s*["”’]?$/.test(s.text)) score *= 0.6;
    return { article, sentence: s, sentences, support: sup, holding, score };
  };

  // The score windowAt gives a window, computed without building the window (most candidates are never kept): the same
  // supports, read in the same order, so the same number.
  const has: boolean[] = [];
  const bestW: number[] = [];
  const bestAt: (number | undefined)[] = [];
  const bestIn: (Sentence | undefined)[] = [];
  const scoreAt = (article: Article, s: Sentence): number => {
    const sentences = windowOf(article, s);
    let score = 0;
    for (let i = 0; i < elements.length; i++) {
      const e = elements[i]!;
      has[i] = false;
      let bw = 0;
      for (const x of sentences) {
        const found = support(e, x);
        if (!found) continue;
        const w = x === s ? found.weight : found.weight * NEIGHBOUR;
        if (!has[i] || w > bw) {
          has[i] = true;
          bw = w;
          bestAt[i] = found.at;
          bestIn[i] = found.sentence;
        }
      }
      bestW[i] = bw;
      if (!has[i]) continue;
      score += e.weight * bw * ROLE_FACTOR[e.role];
    }
    for (let i = 0; i < elements.length; i++) {
      const p = elements[i]!;
      if (p.role !== 'predicate' || !has[i] || bestAt[i] === undefined) continue;
      const close = elements.some((o, j) => o.role !== 'predicate' && o.role !== 'date' && has[j] && bestIn[j] === bestIn[i] && bestAt[j] !== undefined && Math.abs(bestAt[j]! - bestAt[i]!) < 45);
      if (close) score += p.weight * bestW[i]! * 0.5;
    }
    const nWords = piecesUpTo(s.text, 6);
    if (nWords < 4) score = 0;
    else if (nWords < 6) score *= 0.7;
    if (/\?\s*["”’]?$/.test(s.text)) score *= 0.6;
    return score;
  };

  // Each candidate window scored, with where it was found (the paragraph's place in `paragraphs`, the sentence's in it): among
  // equal scores, windows keep that order, as a stable sort of them all in that order would.
  type Scored = { article: Article; sentence: Sentence; score: number; paragraph: number; index: number };
  const out: Scored[] = [];
  const slotOnly: Scored[] = [];
  const entries = [...paragraphs];
  const kept = new TopScores(limit);
  const read = (j: number) => {
    const [pid, hitScore] = entries[j]!;
    const p = deps.index.passage(pid);
    const article = p && deps.corpus.byId.get(p.articleId);
    if (!p || !article) return;
    retrieveStats.paragraphs++;
    p.sentences.forEach((s, index) => {
      retrieveStats.windows++;
      const score = scoreAt(article, s);
      // A sentence stating a measure of the asked kind is a candidate even when it holds nothing else the question names.
      if (score <= 0 && slotted.has(pid) && [...stemsOf(s)].some((k) => slotKeys.has(k))) {
        slotOnly.push({ article, sentence: s, score: SLOT_ONLY_SCORE, paragraph: j, index });
        return;
      }
      if (score <= 0) return;
      const total = score + hitScore * 0.01;
      out.push({ article, sentence: s, score: total, paragraph: j, index });
      kept.add(total);
    });
  };
  // Paragraphs are read best bound first, and no further once a paragraph's bound is below the `limit`-th best score read:
  // none of its windows could be kept (see `windowBounds`). The paragraphs the measure's words found are always read.
  const bounds = windowBounds(deps, elements, entries, slotted, aliasesOf);
  if (!bounds) for (let j = 0; j < entries.length; j++) read(j);
  else {
    const order = Array.from(entries.keys()).sort((a, b) => bounds[b]! - bounds[a]! || a - b);
    for (const j of order) {
      if (bounds[j]! < kept.threshold()) {
        retrieveStats.bounded += order.length - order.indexOf(j);
        break;
      }
      read(j);
    }
  }
  const inOrder = (a: Scored, b: Scored) => a.paragraph - b.paragraph || a.index - b.index;
  // Windows found only by the measure's words come after the rest, and are kept past the limit: among many windows naming the
  // story's setting, they may be the only ones that state the measure.
  const bySlot = slotOnly.sort(inOrder).slice(0, SLOT_ONLY_LIMIT).map((c) => ({ ...windowAt(c.article, c.sentence), score: SLOT_ONLY_SCORE }));
  const best = out.sort((a, b) => b.score - a.score || inOrder(a, b)).slice(0, limit).map((c) => ({ ...windowAt(c.article, c.sentence), score: c.score }));
  return { elements, windowAt, windows: [...best, ...bySlot] };
}

/** The `n`-th best of the numbers added so far (a min-heap of the best `n`); -Infinity until `n` were added. */
class TopScores {
  private readonly heap: number[] = [];
  constructor(private readonly n: number) {}
  add(x: number): void {
    const h = this.heap;
    if (this.n <= 0) return;
    if (h.length < this.n) {
      h.push(x);
      for (let i = h.length - 1; i > 0; ) {
        const up = (i - 1) >> 1;
        if (h[up]! <= h[i]!) break;
        [h[up], h[i]] = [h[i]!, h[up]!];
        i = up;
      }
      return;
    }
    if (x <= h[0]!) return;
    h[0] = x;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l]! < h[m]!) m = l;
      if (r < h.length && h[r]! < h[m]!) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }
  threshold(): number {
    return this.n > 0 && this.heap.length >= this.n ? this.heap[0]! : -Infinity;
  }
}

/**
 * For each candidate paragraph (`entries`, in the order found, with its search score), a bound no window centred on one of
 * its sentences can score above: per element, the strongest support any sentence of the paragraph could give (its own
 * paragraph at full weight, the paragraphs before and after — a window's neighbours — at the neighbour's weight), as a
 * window's score weighs them, the predicates' closeness bonus, and the hundredth of the search score. Read without
 * tokenising a sentence: words from the search index's postings (a sentence's words are its paragraph's, a hyphenated
 * word's parts among them), entities from
 * their mentions and references, a date as always present. Undefined (read every paragraph) without numbered postings.
 */
function windowBounds(
  deps: Pick<Deps, 'corpus' | 'index'>,
  elements: Element[],
  entries: [string, number][],
  always: Set<string>,
  aliasesOf: (ids: Set<string>) => Map<string, string[][]>,
): Float64Array | undefined {
  const numbered = deps.index.numbered?.();
  if (!numbered || !entries.length) return undefined;
  const analysis = analysisOf(deps);
  const keys = paragraphKeys(deps.corpus);
  // The paragraphs a window of each candidate reads: its own (by the article's paragraph array) and its neighbours.
  type Para = { key: number; text: string };
  const paras: Para[] = [];
  const slotOfKey = new Map<number, number>();
  const slotOf = (article: Article, i: number): number | undefined => {
    const p = article.paragraphs[i];
    if (!p) return undefined;
    const key = keys.ofArticle(article)[i]!;
    let slot = slotOfKey.get(key);
    if (slot === undefined) {
      slotOfKey.set(key, (slot = paras.length));
      paras.push({ key, text: p.text });
    }
    return slot;
  };
  const own: number[][] = [];
  const near: number[][] = [];
  for (const [pid] of entries) {
    const p = deps.index.passage(pid);
    const article = p && deps.corpus.byId.get(p.articleId);
    const o = new Set<number>();
    const n = new Set<number>();
    // The sentences' paragraphs (one, as the corpus cuts them), each looked up once.
    for (const i of new Set(article ? p!.sentences.map((s) => s.paragraph) : [])) {
      const at = slotOf(article!, i);
      if (at !== undefined) o.add(at);
      for (const d of [-1, 1]) {
        const x = slotOf(article!, i + d);
        if (x !== undefined) n.add(x);
      }
    }
    own.push([...o]);
    near.push([...n]);
  }
  // Each paragraph's number in the index (-1: not indexed, and then every word may be there), kept with the index's view.
  const passage = passageNumbers(numbered, keys, Int32Array.from(paras, (x) => x.key));
  /** Raise `level` to `v` in every paragraph that holds the word `k`. */
  const raise = (k: string, v: number, level: Float64Array) => {
    const posting = numbered.holding(k);
    for (let slot = 0; slot < paras.length; slot++) {
      if (level[slot]! >= v) continue;
      const n = passage[slot]!;
      if (n < 0 || posting?.has(n)) level[slot] = v;
    }
  };
  // Paragraphs where some of `ids` are named (`named`) or referred to (`referred`, lower), by slot: each slot's paragraph
  // looked up in the set's levels (kept per analysis), not every mention and reference of the set read.
  const postingsOf = entityPostings(analysis.entities, analysis.references);
  const raiseEntities = (ids: Set<string>, named: number, referred: number, level: Float64Array) => {
    const code = entityLevels(postingsOf, analysis.references, keys, ids);
    for (let slot = 0; slot < paras.length; slot++) {
      const c = code[paras[slot]!.key];
      const v = c === NAMED ? named : c === REFERRED ? referred : 0;
      if (level[slot]! < v) level[slot] = v;
    }
  };
  // Per element, the strongest support a sentence of each paragraph could give.
  const levels = elements.map((e) => {
    const level = new Float64Array(paras.length);
    if (e.role === 'date') return level.fill(1);
    if (e.entityIds) {
      raiseEntities(e.entityIds, 1, 0.9, level);
      // An alias written out (every word of it: its first one at least), or the name as the question wrote it.
      for (const k of new Set([...aliasesOf(e.entityIds).keys(), ...(e.asked?.length ? [e.asked[0]!] : [])])) raise(k, 0.9, level);
      return level;
    }
    if (e.described) raiseEntities(e.described, 0.9, 0.8, level);
    for (const [k, w] of e.keys) {
      // A broader word referring back to the question's stands for it a little more than its own weight.
      raise(k, w < STANDS_FOR_WEIGHT && e.broader?.has(k) ? Math.max(w, ANAPHOR_WEIGHT) : w, level);
    }
    return level;
  });
  const bounds = new Float64Array(entries.length);
  entries.forEach(([pid, hitScore], j) => {
    if (always.has(pid)) {
      bounds[j] = Infinity;
      return;
    }
    let score = 0;
    elements.forEach((e, i) => {
      let b = 0;
      for (const slot of own[j]!) b = Math.max(b, levels[i]![slot]!);
      for (const slot of near[j]!) b = Math.max(b, levels[i]![slot]! * NEIGHBOUR);
      score += e.weight * b * ROLE_FACTOR[e.role];
      if (e.role === 'predicate') score += e.weight * b * 0.5;
    });
    // A margin for rounding: the bound is summed in another order than a window's score.
    bounds[j] = (score + hitScore * 0.01) * (1 + 1e-9);
  });
  return bounds;
}

/**
 * A sentence's search keys, with the parts of its hyphenated words ("Panama-registered" is registered, "Japanese-owned"
 * owned): a function of the text alone, kept across questions — the same story's sentences are read by question after
 * question (a dispute question at 10,000 articles reads thousands). Bounded: cleared past SENTENCE_KEYS_MAX texts (a cache
 * as long-lived as the corpus would hold every sentence ever read). The sets are shared: readers must not change them.
 */
const sentenceKeysMemo = new Map<string, ReadonlySet<string>>();
const SENTENCE_KEYS_MAX = 32_768;
export function sentenceKeys(text: string): ReadonlySet<string> {
  let f = sentenceKeysMemo.get(text);
  if (!f) {
    f = new Set(indexTerms(text));
    if (sentenceKeysMemo.size >= SENTENCE_KEYS_MAX) sentenceKeysMemo.clear();
    sentenceKeysMemo.set(text, f);
  }
  return f;
}

/**
 * Where each search key first stands in a sentence (character offset), by text: kept across questions as `sentenceKeys`
 * is (bounded likewise; shared: readers must not change the maps). A word's key is the first of its `terms`.
 */
const keyPlacesMemo = new Map<string, ReadonlyMap<string, number>>();
const firstTermMemo = new Map<string, string | undefined>();
function keyPlaces(text: string): ReadonlyMap<string, number> {
  let at = keyPlacesMemo.get(text);
  if (!at) {
    const found = new Map<string, number>();
    for (const m of text.matchAll(WORD)) {
      let k = firstTermMemo.get(m[0]);
      if (k === undefined && !firstTermMemo.has(m[0])) {
        if (firstTermMemo.size >= 200_000) firstTermMemo.clear();
        firstTermMemo.set(m[0], (k = terms(m[0])[0]));
      }
      if (k !== undefined && !found.has(k)) found.set(k, m.index);
    }
    if (keyPlacesMemo.size >= SENTENCE_KEYS_MAX) keyPlacesMemo.clear();
    keyPlacesMemo.set(text, (at = found));
  }
  return at;
}

/** A broader noun referring back to the question's word stands for it, a little below a synonym. */
const ANAPHOR_WEIGHT = 0.55;
/** A definite determiner (and at most one modifier) right before a noun: "the noises", "these loud bangs". */
const DEFINITE_BEFORE_RE = /\b(?:the|these|those|this|that)\s+(?:[\p{L}-]+\s+)?$/iu;

/** The score of a window found only by the words that state the asked measure: below any window holding what is named. */
const SLOT_ONLY_SCORE = 0.3;
/** At most this many of them. */
const SLOT_ONLY_LIMIT = 12;

/** An entity of an element named or referred to in a sentence, and where in it. */
interface At {
  id: string;
  at: number;
}

/** Past this many paragraphs naming or referring to the entities asked about, only the best of them are candidates. */
export const MAX_DERIVED = 400;

/**
 * Paragraph keys ("<article id>:p<n>", as a sentence's `articleId` and `paragraph` make them) numbered once per corpus, so a
 * mention's paragraph is a number (an interning table: a key seen first in a question is added).
 */
interface ParagraphKeys {
  key: string[];
  number(key: string): number;
  /** The key number of each of an article's paragraphs (by its place in `article.paragraphs`), kept per article object. */
  ofArticle(article: Article): Int32Array;
}
const keysMemo = new WeakMap<object, ParagraphKeys>();
function paragraphKeys(corpus: Deps['corpus']): ParagraphKeys {
  let x = keysMemo.get(corpus);
  if (!x) {
    const numbers = new Map<string, number>();
    const key: string[] = [];
    const number = (k: string) => {
      let n = numbers.get(k);
      if (n === undefined) {
        numbers.set(k, (n = key.length));
        key.push(k);
      }
      return n;
    };
    for (const a of corpus.articles) for (const p of a.paragraphs) number(`${a.id}:p${p.index}`);
    const byArticle = new WeakMap<Article, Int32Array>();
    const ofArticle = (a: Article) => {
      let at = byArticle.get(a);
      if (!at) byArticle.set(a, (at = Int32Array.from(a.paragraphs, (p) => number(`${a.id}:p${p.index}`))));
      return at;
    };
    keysMemo.set(corpus, (x = { key, number, ofArticle }));
  }
  return x;
}

/**
 * The paragraph key number of each mention of a list (a byline's, paragraph -1, stored as -1 - n: its key is derived like
 * any other's, but it is named in no paragraph), kept with the list while it keeps its length.
 */
const mentionMemo = new WeakMap<object, { keys: ParagraphKeys; at: Int32Array }>();
function mentionParagraphs(keys: ParagraphKeys, mentions: readonly { sentence: Sentence }[]): Int32Array {
  const hit = mentionMemo.get(mentions);
  if (hit && hit.keys === keys && hit.at.length === mentions.length) return hit.at;
  const at = new Int32Array(mentions.length);
  mentions.forEach((m, i) => {
    const n = keys.number(`${m.sentence.articleId}:p${m.sentence.paragraph}`);
    at[i] = m.sentence.paragraph >= 0 ? n : -1 - n;
  });
  mentionMemo.set(mentions, { keys, at });
  return at;
}

/**
 * How many paragraphs (a byline's included: an article and a paragraph number, as the mentions' sentences give them) name
 * any of `entities`: counted over their mentions' paragraph key numbers (kept per mention list), not a key string per
 * mention per question (a name many entities share has thousands of mentions).
 */
let countSeen = new Uint32Array(0);
let countStamp = 0;
function paragraphsNamingAny(corpus: Deps['corpus'], entities: readonly Entity[]): number {
  const keys = paragraphKeys(corpus);
  const lists = entities.map((e) => mentionParagraphs(keys, e.mentions));
  if (countSeen.length < keys.key.length || countStamp >= 0xffff_fff0) {
    countSeen = new Uint32Array(Math.max(keys.key.length, countSeen.length) + 1024);
    countStamp = 0;
  }
  const stamp = ++countStamp;
  let n = 0;
  for (const at of lists) {
    for (let i = 0; i < at.length; i++) {
      const k = unbyline(at[i]!);
      if (countSeen[k] !== stamp) {
        countSeen[k] = stamp;
        n++;
      }
    }
  }
  return n;
}

/** The key number of a `mentionParagraphs` entry, a byline's included. */
const unbyline = (g: number) => (g >= 0 ? g : -1 - g);

/** Ascending positions, from several ascending lists. */
function mergeSorted(xs: Int32Array[]): Int32Array {
  const n = xs.reduce((a, x) => a + x.length, 0);
  const out = new Int32Array(n);
  let k = 0;
  for (const x of xs) {
    out.set(x, k);
    k += x.length;
  }
  return out.sort();
}

/**
 * The paragraph key number of each reference's sentence (as `paragraphKeys` numbers "<article id>:p<n>"; the key is the
 * sentence id up to its last colon), once per analysis.
 */
const referenceMemo = new WeakMap<object, { keys: ParagraphKeys; at: Int32Array }>();
function referenceParagraphs(keys: ParagraphKeys, references: readonly { sentenceId: string }[]): Int32Array {
  const hit = referenceMemo.get(references);
  if (hit && hit.keys === keys && hit.at.length === references.length) return hit.at;
  const at = new Int32Array(references.length);
  references.forEach((r, i) => {
    at[i] = keys.number(r.sentenceId.slice(0, r.sentenceId.lastIndexOf(':')));
  });
  referenceMemo.set(references, { keys, at });
  return at;
}

/**
 * The references of each paragraph (their positions in `references`, ascending), by `paragraphKeys` number, once per
 * analysis: a reader of one sentence scans its paragraph's few references.
 */
const byParagraphMemo = new WeakMap<object, { keys: ParagraphKeys; n: number; read: (sentenceId: string) => Int32Array }>();
function referencesByParagraph(keys: ParagraphKeys, references: readonly { sentenceId: string }[]): (sentenceId: string) => Int32Array {
  const hit = byParagraphMemo.get(references);
  if (hit && hit.keys === keys && hit.n === references.length) return hit.read;
  const at = referenceParagraphs(keys, references);
  const paragraphs = keys.key.length;
  const start = new Int32Array(paragraphs + 1);
  for (let i = 0; i < at.length; i++) start[at[i]! + 1]!++;
  for (let k = 0; k < paragraphs; k++) start[k + 1]! += start[k]!;
  const order = new Int32Array(at.length);
  const fill = start.slice(0, paragraphs);
  for (let i = 0; i < at.length; i++) order[fill[at[i]!]!++] = i;
  const none = new Int32Array(0);
  const read = (sentenceId: string) => {
    const k = keys.number(sentenceId.slice(0, sentenceId.lastIndexOf(':')));
    return k < paragraphs ? order.subarray(start[k]!, start[k + 1]!) : none;
  };
  byParagraphMemo.set(references, { keys, n: references.length, read });
  return read;
}

/**
 * The references in one sentence (their positions in the analysis's `references`, ascending): read from its paragraph's
 * few references (kept per analysis), not by a pass over every reference of the corpus.
 */
export function referencesInSentence(deps: Pick<Deps, 'corpus'>, sentenceId: string): number[] {
  const references = analysisOf(deps).references;
  const out: number[] = [];
  for (const i of referencesByParagraph(paragraphKeys(deps.corpus), references)(sentenceId)) if (references[i]!.sentenceId === sentenceId) out.push(i);
  return out;
}

/**
 * The search index's number of each paragraph (by `paragraphKeys` number; -1: not indexed), kept with the index's numbered
 * view (a new view once the index changes): a paragraph id is looked up once, not on every question deriving it.
 */
const numberMemo = new WeakMap<object, { keys: ParagraphKeys; at: Int32Array }>();
function passageNumbers(view: NumberedPostings, keys: ParagraphKeys, wanted: Int32Array): Int32Array {
  let memo = numberMemo.get(view);
  if (!memo || memo.keys !== keys) numberMemo.set(view, (memo = { keys, at: new Int32Array(0) }));
  if (memo.at.length < keys.key.length) {
    const at = new Int32Array(keys.key.length).fill(-2);
    at.set(memo.at);
    memo.at = at;
  }
  const at = memo.at;
  const out = new Int32Array(wanted.length);
  for (let j = 0; j < wanted.length; j++) {
    const k = wanted[j]!;
    if (at[k] === -2) at[k] = view.numberOf(keys.key[k]!) ?? -1;
    out[j] = at[k]!;
  }
  return out;
}

/** `entityLevels` codes: some entity of the set named in the paragraph; only referred to there. */
const NAMED = 2;
const REFERRED = 1;

/**
 * Where the entities of a set are named (NAMED) or only referred to (REFERRED), by `paragraphKeys` number (0 or past the
 * end: neither); a byline's mention is in no paragraph and marks none. A function of the analysis and the set alone, read by
 * the derived paragraphs' estimate (`bestDerived`) and the bound (`windowBounds`): a topic noun describing many entities
 * ("dispute": 170 at 10,000 articles, tens of thousands of mentions and references) gives every question that asks with it
 * the same set. Kept per analysis for the last ENTITY_LEVELS_MAX sets (a byte per paragraph each), and made again when
 * the set's entities hold another number of mentions or references.
 */
const entityLevelMemo = new WeakMap<EntityPostings, { keys: ParagraphKeys; sets: Map<string, { size: number; code: Uint8Array }> }>();
const ENTITY_LEVELS_MAX = 32;
function entityLevels(postings: EntityPostings, references: readonly { sentenceId: string }[], keys: ParagraphKeys, ids: Set<string>): Uint8Array {
  let memo = entityLevelMemo.get(postings);
  if (!memo || memo.keys !== keys) entityLevelMemo.set(postings, (memo = { keys, sets: new Map() }));
  const entities = [...ids].map((id) => postings.byId.get(id)?.entity);
  const refs = [...ids].map((id) => postings.refs.get(id));
  let size = 0;
  for (const e of entities) size += e ? e.mentions.length : 0;
  for (const r of refs) size += r ? r.length : 0;
  const key = [...ids].sort().join('\n');
  const hit = memo.sets.get(key);
  if (hit && hit.size === size) return hit.code;
  // Every mention's and reference's paragraph numbered first: the codes cover them.
  const named = entities.map((e) => (e ? mentionParagraphs(keys, e.mentions) : undefined));
  const referredAt = referenceParagraphs(keys, references);
  const code = new Uint8Array(keys.key.length);
  for (const r of refs) for (let j = 0; r && j < r.length; j++) code[referredAt[r[j]!]!] = REFERRED;
  for (const at of named) {
    for (let j = 0; at && j < at.length; j++) {
      const g = at[j]!;
      if (g >= 0) code[g] = NAMED;
    }
  }
  if (memo.sets.size >= ENTITY_LEVELS_MAX) memo.sets.clear();
  memo.sets.set(key, { size, code });
  return code;
}

/** Where the entities of `ids` are named in a paragraph ("<article id>:p<n>": NAMED), only referred to there (REFERRED), or neither (0). */
export function entityLevelAt(deps: Pick<Deps, 'corpus'>, ids: Set<string>): (paragraphId: string) => number {
  const analysis = analysisOf(deps);
  const keys = paragraphKeys(deps.corpus);
  const code = entityLevels(entityPostings(analysis.entities, analysis.references), analysis.references, keys, ids);
  return (paragraphId) => code[keys.number(paragraphId)] ?? 0;
}

/**
 * The MAX_DERIVED paragraphs, of those naming or referring to the entities asked about, whose windows can score best, in
 * the order they were found. Each is scored by what it is known to hold without reading it: the elements whose entities
 * it names or refers to (from the mentions and references), and the question's words its text holds (from the search
 * index's postings) — each element at the best weight it could have there, as a window's score counts it.
 * Paragraphs and postings are read as numbers: a topic noun that describes many entities ("dispute") derives tens of
 * thousands of paragraphs, each tested against every word of the question.
 */
function bestDerived(
  index: Pick<Deps['index'], 'holding' | 'numbered'>,
  elements: Element[],
  derived: Int32Array,
  levelsOf: (ids: Set<string>) => Uint8Array,
  keys: ParagraphKeys,
): Int32Array {
  const m = derived.length;
  // Per derived paragraph (in the order found) and element, the best support it could give.
  const n = elements.length;
  const est = new Float64Array(m * n);
  elements.forEach((e, i) => {
    const ids = e.entityIds ?? e.described;
    if (!ids) return;
    const [mention, reference] = e.entityIds ? [1, 0.9] : [0.9, 0.8];
    // Named beats referred to; a byline's mention ("<article>:byline:<at>") is in no paragraph: it marks none.
    const code = levelsOf(ids);
    for (let k = 0; k < m; k++) {
      const c = code[derived[k]!];
      if (c === NAMED) est[k * n + i] = mention;
      else if (c === REFERRED) est[k * n + i] = reference;
    }
  });
  // Per term element, the weight of the strongest word standing for it that each paragraph's text holds (from the index's
  // postings): a paragraph takes that word where it beats what its entities give.
  const numbered = index.numbered?.();
  const numberOf = numbered ? passageNumbers(numbered, keys, derived) : undefined;
  let positionOf: Int32Array | undefined;
  const held = elements.map((e) => {
    if (e.entityIds || e.role === 'date') return undefined;
    const best = new Float64Array(m);
    for (const [k, w] of e.keys) {
      if (w < STANDS_FOR_WEIGHT) continue;
      if (numbered && numberOf) {
        const posting = numbered.holding(k);
        if (!posting) continue;
        if (posting.size < m) {
          // A rare word: its passages, not every derived paragraph.
          if (!positionOf) {
            // A loop, not Math.max(...numberOf): tens of thousands of arguments overflow the stack.
            let top = 0;
            for (let j = 0; j < m; j++) if (numberOf[j]! > top) top = numberOf[j]!;
            positionOf = new Int32Array(top + 1).fill(-1);
            for (let j = 0; j < m; j++) if (numberOf[j]! >= 0) positionOf[numberOf[j]!] = j;
          }
          for (const x of posting.keys()) {
            const j = x < positionOf.length ? positionOf[x]! : -1;
            if (j >= 0 && best[j]! < w) best[j] = w;
          }
        } else {
          for (let j = 0; j < m; j++) if (best[j]! < w && numberOf[j]! >= 0 && posting.has(numberOf[j]!)) best[j] = w;
        }
      } else {
        const holds = index.holding?.(k);
        if (!holds) continue;
        for (let j = 0; j < m; j++) if (best[j]! < w && holds(keys.key[derived[j]!]!)) best[j] = w;
      }
    }
    return best;
  });
  const value = new Float64Array(m);
  const weight = elements.map((e) => e.weight);
  const factor = elements.map((e) => ROLE_FACTOR[e.role]);
  const none = new Float64Array(m);
  const heldOf = held.map((h) => h ?? none);
  for (let j = 0; j < m; j++) {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const h = heldOf[i]![j]!;
      const x = est[j * n + i]!;
      v += weight[i]! * (h > x ? h : x) * factor[i]!;
    }
    value[j] = v;
  }
  // The best MAX_DERIVED by value, the earlier found first among equals, in the order found: every paragraph above the
  // MAX_DERIVED-th best value, then the first of those at it.
  if (m <= MAX_DERIVED) return derived;
  const sorted = Float64Array.from(value).sort();
  const threshold = sorted[m - MAX_DERIVED]!;
  let above = 0;
  for (let j = 0; j < m; j++) if (value[j]! > threshold) above++;
  const out = new Int32Array(MAX_DERIVED);
  let atThreshold = MAX_DERIVED - above;
  for (let j = 0, o = 0; j < m && o < MAX_DERIVED; j++) {
    if (value[j]! > threshold) out[o++] = derived[j]!;
    else if (value[j] === threshold && atThreshold > 0) {
      atThreshold--;
      out[o++] = derived[j]!;
    }
  }
  return out;
}

/** The search keys of the words that state a measure of the kinds a question asks ("how heavy" → heavy, weight, weighs, kg, tonnes). */
function measureKeys(q: ParsedQuestion): Set<string> {
  const kinds = new Set(q.figures.filter((k) => MEASURE_KINDS.has(k) && k !== 'duration'));
  const out = new Set<string>();
  if (!kinds.size || (q.kind !== 'amount' && q.kind !== 'count')) return out;
  const add = (w: string) => {
    for (const k of terms(w)) if (k.length > 1) out.add(k);
  };
  for (const u of MEASURE_UNITS) if (kinds.has(u.kind)) u.forms.filter((f) => f.length > 2).forEach(add);
  for (const [adj, ks] of Object.entries(HOW_MEASURES)) if (ks.some((k) => kinds.has(k))) add(adj);
  for (const [noun, k] of Object.entries(MEASURE_QUESTION_NOUNS)) if (kinds.has(k)) add(noun);
  for (const k of kinds) (MEASURE_VERBS[k] ?? []).forEach(add);
  return out;
}

/** A word of a sentence as written (for where a search key stands in it). */
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/**
 * A sentence and its neighbours: the sentences before and after it in its paragraph, or,
 * at a paragraph's edge, the next paragraph's sentence when that paragraph is one sentence
 * (news copy writes one-sentence paragraphs).
 */
export function windowOf(article: Article, s: Sentence): Sentence[] {
  const p = article.paragraphs[s.paragraph];
  if (!p) return [s];
  // A bulleted item is read with the sentence that introduces the list ("his country needs:" / "• GPS scramblers").
  if (isList(p.text)) {
    const before = article.paragraphs[s.paragraph - 1]?.sentences ?? [];
    const lead = before.at(-1);
    const introduced = lead && !/[.!?"”]\s*$/.test(lead.text) ? [before.at(-2), lead] : [];
    return [...introduced, p.sentences[s.index - 1], s, p.sentences[s.index + 1]].filter((x): x is Sentence => !!x);
  }
  const before = p.sentences[s.index - 1] ?? oneSentence(article, s.paragraph - 1);
  const after = p.sentences[s.index + 1] ?? oneSentence(article, s.paragraph + 1);
  return [before, s, after].filter((x): x is Sentence => !!x);
}

function isList(text: string): boolean {
  // Its first line that is not blank starts with the text's first non-space character: no bullet there, no list (most
  // paragraphs; read per candidate window, without splitting the paragraph into lines).
  const first = /\S/.exec(text);
  if (!first || !LIST_MARKS.includes(first[0])) return false;
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length > 0 && lines.every((l) => /^\s*[•·▪●*-]\s/.test(l));
}

const LIST_MARKS = '•·▪●*-';

/**
 * `text.split(/\s+/).length` (its whitespace runs plus one), counted no further than `max`: a window's centre is scored by
 * whether it has fewer than 4 or 6 such pieces, for every candidate sentence of every question (without an array each).
 */
const SPACE_RUN = /\s+/g;
function piecesUpTo(text: string, max: number): number {
  SPACE_RUN.lastIndex = 0;
  let n = 1;
  while (n < max && SPACE_RUN.exec(text)) n++;
  return n;
}

function oneSentence(article: Article, paragraph: number): Sentence | undefined {
  const p = article.paragraphs[paragraph];
  return p && p.sentences.length === 1 ? p.sentences[0] : undefined;
}

/** A date the question states ("on monday") is supported by a sentence that states it or whose event the timeline dates so. */
function dateSupport(deps: Pick<Deps, 'corpus'>, q: ParsedQuestion, i: number, s: Sentence): Support | null {
  const want = q.dates[i];
  if (!want) return null;
  const same = (x: { year?: number; month?: number; day?: number; weekday?: number }) =>
    (want.weekday === undefined || x.weekday === want.weekday) &&
    (want.month === undefined || x.month === want.month) &&
    (want.day === undefined || x.day === want.day) &&
    (want.year === undefined || x.year === want.year);
  if (dateMentionsIn(deps, s).some((m) => (m.weekday !== undefined || m.month !== undefined || m.year !== undefined) && same(m))) return { weight: 1, match: 1, sentence: s, via: 'date' };
  const placed = analysisOf(deps).sentenceDates?.get(s.id) ?? [];
  const onDay = (iso: string) => {
    const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
    return same({ year: y, month: m, day, weekday: new Date(Date.UTC(y, m - 1, day)).getUTCDay() });
  };
  for (const d of placed) if (d.precision === 'day' && onDay(d.date)) return { weight: 0.8, match: 0.8, sentence: s, via: 'dated' };
  // A sentence with no date of its own tells of its article's day, at most ("in july" for an article of July 7).
  const own = deps.corpus.byId.get(s.articleId)?.date;
  if (!placed.length && own && want.weekday === undefined && want.day === undefined && onDay(own)) return { weight: 0.6, match: 0.6, sentence: s, via: 'dated' };
  return null;
}
