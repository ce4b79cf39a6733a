/**
 * Word relations for the corpus vocabulary: WordNet 3.1 (src/language/wordnet.ts) and the
 * lexicon's derivation families, read once per corpus version with the analysis and
 * persisted in it. A question is expanded from this plain map and never opens the
 * dictionary: "how old" finds the corpus's "age" (attribute), "signed" its "signees"
 * (derivation), "boat" its "vessel" (hypernym). Antonyms come back apart, for
 * contradiction checks, never as search terms.
 */
import type { Corpus } from '../types.js';
import { DERIVATIONS } from '../language/lexicon/index.js';
import { STOPWORDS, indexWords, lemma as lemmaOf, stem } from '../language/tokenize.js';
import { buildRelationMap, relatedLemmas, type Relation, type RelationMap } from '../language/wordnet.js';

/** The corpus side of WordNet, plain data. */
export interface Relations {
  /** A word a question may use (lemma) → the corpus lemmas related to it, and how. */
  map: RelationMap;
  /** Every corpus lemma → the search keys its forms are indexed under ("age" → age, aged). */
  keys: Record<string, string[]>;
}

/**
 * How much a related corpus lemma counts for a question word, by relation (the word itself is 1);
 * half in a rare sense of the word. A term stands for the word exactly when its weight is 0.5 or more.
 */
export const RELATION_WEIGHTS: Readonly<Record<Exclude<Relation, 'antonym'>, number>> = {
  synonym: 0.6,
  derivation: 0.6,
  attribute: 0.5,
  hypernym: 0.3,
  hyponym: 0.3,
};

/**
 * Relations close enough that a related lemma in a sentence stands for the question's word
 * when the articles never use that word ("old" → "age", "signed" → "signee"), when they hold
 * in the word's main sense. A hypernym or hyponym only helps find and rank: "kayak" is not
 * answered by a sentence about a "boat".
 */
export const STANDS_FOR: readonly Relation[] = ['synonym', 'derivation', 'attribute'];

/** A link in a rare sense of the question's word ("deep" → "mysterious", "charged" → "mission") counts half. */
const RARE_SENSE = 0.5;

/** One search term of an expanded question. */
export interface WeightedTerm {
  /** The corpus lemma (or, for `exact`, the question's own lemma). */
  lemma: string;
  /** The question lemma it was reached from. */
  from: string;
  relation: Relation | 'exact';
  weight: number;
  /** The link holds in the question word's main sense (always for `exact`). */
  main: boolean;
  /** Whether a sentence using it supports the question's word when the articles never use that word. */
  stands: boolean;
  /** Its search keys (`stem()` of the forms the articles write). */
  keys: string[];
}

export interface Expansion {
  /** The question's lemmas (weight 1), then related corpus lemmas, heaviest first. */
  terms: WeightedTerm[];
  /** Corpus lemmas opposite to a question lemma ("big" → "small"), weight 0: for contradictions, not retrieval. */
  antonyms: WeightedTerm[];
}

const ORDER: Record<Relation, number> = { synonym: 0, derivation: 1, attribute: 2, antonym: 3, hypernym: 4, hyponym: 5 };

/** Related lemmas kept per question lemma: a general word ("change") relates to dozens. */
const PER_LEMMA = 12;

/**
 * A question's lemmas with the corpus lemmas WordNet relates to them, weighted: the lemma
 * itself 1, synonym and derivation 0.6, attribute 0.5, hypernym and hyponym 0.3.
 */
export function expandQuery(source: Relations | { relations: Relations }, lemmas: readonly string[]): Expansion {
  const rel = 'relations' in source ? source.relations : source;
  const keysOf = (l: string) => (Object.hasOwn(rel.keys, l) ? rel.keys[l]! : [stem(l)]);
  const qs = [...new Set(lemmas.map((l) => l.toLowerCase()))];
  const terms: WeightedTerm[] = qs.map((q) => ({ lemma: q, from: q, relation: 'exact', weight: 1, main: true, stands: true, keys: keysOf(q) }));
  const antonyms: WeightedTerm[] = [];
  for (const q of qs) {
    const best = new Map<string, WeightedTerm>();
    for (const { lemma, relation, main } of relatedLemmas(q, rel.map)) {
      if (qs.includes(lemma)) continue;
      if (relation === 'antonym') {
        if (!antonyms.some((a) => a.from === q && a.lemma === lemma)) antonyms.push({ lemma, from: q, relation, weight: 0, main, stands: false, keys: keysOf(lemma) });
        continue;
      }
      // "quake" for "earthquake", "sub" for "submarine": a synonym in the word's main sense that is the word cut short
      // (or that the word cuts short) is the same word, as an abbreviation is — not a near word of it.
      const weight = relation === 'synonym' && main && clipped(q, lemma) ? 1 : RELATION_WEIGHTS[relation] * (main ? 1 : RARE_SENSE);
      const stands = main && STANDS_FOR.includes(relation);
      if ((best.get(lemma)?.weight ?? 0) < weight) best.set(lemma, { lemma, from: q, relation, weight, main, stands, keys: keysOf(lemma) });
    }
    terms.push(...[...best.values()].sort((a, b) => b.weight - a.weight).slice(0, PER_LEMMA));
  }
  return { terms, antonyms };
}

/** Shortest clipping read as the word itself ("sub" for "submarine"). */
const MIN_CLIPPING = 3;

/** One word is the other cut short at its start or its end ("quake" of "earthquake", "lab" of "laboratory"). */
function clipped(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_CLIPPING && short !== long && /^[a-z]+$/.test(long) && (long.startsWith(short) || long.endsWith(short));
}

/** Corpus lemma → search keys of its forms, over titles and paragraphs (what the search index reads). */
function vocabularyOf(corpus: Corpus): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of corpus.articles) {
    for (const text of [a.title, ...a.paragraphs.map((p) => p.text)]) {
      for (const w of indexWords(text)) {
        if (STOPWORDS.has(w) || w.length < 3 || /\d/.test(w)) continue;
        const l = lemmaOf(w);
        if (STOPWORDS.has(l)) continue;
        let keys = out.get(l);
        if (!keys) out.set(l, (keys = new Set()));
        keys.add(stem(w));
      }
    }
  }
  return out;
}

/** The lexicon's derivation families ("signee", "signatory" → "sign"), by root, root included. */
const FAMILIES = (() => {
  const out = new Map<string, string[]>();
  for (const [member, root] of Object.entries(DERIVATIONS)) out.set(root, [...(out.get(root) ?? [root]), member]);
  for (const [root, members] of out) for (const m of members) if (m !== root) out.set(m, members);
  return out;
})();

/**
 * The relations of a corpus. With the previous version's (a watcher swap), only lemmas new
 * to the vocabulary are looked up; links to lemmas no longer in it are dropped.
 */
export function buildRelations(corpus: Corpus, prev?: Relations): Relations {
  const vocab = vocabularyOf(corpus);
  const map = Object.create(null) as RelationMap;
  const add = (word: string, lemma: string, relation: Relation, main: boolean) => {
    if (word === lemma) return;
    const list = (map[word] ??= []);
    const had = list.find(([l, r]) => l === lemma && r === relation);
    if (!had) list.push([lemma, relation, main]);
    else had[2] ||= main;
  };
  if (prev) {
    for (const [word, list] of Object.entries(prev.map)) for (const [l, r, main] of list) if (vocab.has(l)) add(word, l, r, main);
  }
  const fresh = [...vocab.keys()].filter((l) => !prev || !Object.hasOwn(prev.keys, l));
  for (const [word, list] of Object.entries(buildRelationMap(fresh))) for (const [l, r, main] of list) add(word, l, r, main);
  // The lexicon's families are the words' everyday senses.
  for (const l of fresh) for (const member of FAMILIES.get(l) ?? []) add(member, l, 'derivation', true);
  // One order whether built whole or from the previous version's: closest relation first, then by lemma.
  for (const list of Object.values(map)) list.sort(([l1, r1], [l2, r2]) => ORDER[r1] - ORDER[r2] || (l1 < l2 ? -1 : l1 > l2 ? 1 : 0));
  const keys: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [l, set] of vocab) keys[l] = [...set].sort();
  return { map, keys };
}

// --- persistence: lemmas by position and one letter per relation, upper case off the main sense ---------

const CODE: Record<Relation, string> = { synonym: 's', derivation: 'd', attribute: 'a', antonym: 'n', hypernym: 'h', hyponym: 'o' };
const RELATION_OF = Object.fromEntries(Object.entries(CODE).map(([r, c]) => [c, r as Relation]));

export interface RelationsJson {
  lemmas: string[];
  /** Per lemma, its search keys space-separated; '' when it is its own only key. */
  keys: string[];
  /** Word → "<lemma position><relation letter> …" (the letter upper case when not in the word's main sense). */
  related: Record<string, string>;
}

export function relationsToJson(r: Relations): RelationsJson {
  const lemmas = Object.keys(r.keys);
  const at = new Map(lemmas.map((l, i) => [l, i]));
  const related: Record<string, string> = {};
  for (const [word, list] of Object.entries(r.map)) {
    const coded = list.filter(([l]) => at.has(l)).map(([l, rel, main]) => `${at.get(l)}${main ? CODE[rel] : CODE[rel].toUpperCase()}`);
    if (coded.length) related[word] = coded.join(' ');
  }
  return { lemmas, keys: lemmas.map((l) => (r.keys[l]!.length === 1 && r.keys[l]![0] === stem(l) ? '' : r.keys[l]!.join(' '))), related };
}

/** Throws on anything but what `relationsToJson` writes (the part is then rebuilt). */
export function relationsFromJson(json: RelationsJson): Relations {
  if (!json || !Array.isArray(json.lemmas) || !Array.isArray(json.keys) || json.keys.length !== json.lemmas.length || typeof json.related !== 'object' || !json.related) {
    throw new Error('not a relations part');
  }
  const keys = Object.create(null) as Record<string, string[]>;
  json.lemmas.forEach((l, i) => {
    const k = json.keys[i];
    if (typeof l !== 'string' || typeof k !== 'string') throw new Error('not a relations part');
    keys[l] = k ? k.split(' ') : [stem(l)];
  });
  const map = Object.create(null) as RelationMap;
  for (const [word, coded] of Object.entries(json.related)) {
    if (typeof coded !== 'string') throw new Error('not a relations part');
    map[word] = coded.split(' ').map((c) => {
      const lemma = json.lemmas[Number(c.slice(0, -1))];
      const letter = c.slice(-1);
      const relation = RELATION_OF[letter.toLowerCase()];
      if (lemma === undefined || !relation) throw new Error(`bad relation ${c}`);
      return [lemma, relation, letter === letter.toLowerCase()];
    });
  }
  return { map, keys };
}
