/**
 * The entity index: people, organisations, places and named things as the
 * articles mention them. compromise tags words (first names, places, verbs); the
 * rest is ours, because news prose is regular in ways a general tagger is not:
 * titles glued to names ("Defense Secretary Pete Hegseth"), appositions
 * ("Geoff Ramsey, a senior fellow at …"), surnames standing for full names, and
 * sentence-initial capitals that are not names at all. Nothing here knows any
 * particular story: the word lists are generic English (titles, function words,
 * organisation heads), never names.
 */
import type { Article, Corpus, EntityInfo, Sentence } from '../types.js';
import { quoteOf } from '../corpus/html.js';
import { STOPWORDS, fold } from '../language/tokenize.js';
import { withinEdits } from '../language/edit-distance.js';
import { doubleMetaphone } from 'double-metaphone';
import { isPersonNoun } from '../language/wordnet.js';
import { type TypeCue, agedPerson, looksLikePersonName, typeCues } from '../analysis/entity-types.js';
import {
  AUXILIARIES, CALENDAR_WORDS, COMPANY_CUES, COMPANY_SUFFIXES, COUNTRY_ABBREVIATIONS, COUNTRY_NAMES, DIRECTION_WORDS, EVENT_HEADS, GROUP_NOUNS,
  DEMONYM_SUFFIXES, NAME_CONNECTORS, NAME_STOPWORDS, ORG_HEADS, PLACE_HEADS, ROLE_MODIFIERS, ROLE_OPENERS, SENTENCE_OPENERS, SHIP_PREFIXES, SPEECH_RE, SPEECH_VERB_PATTERN, TITLE_ABBREVIATIONS, TITLE_HEADS,
  HYPHEN_ADJECTIVE_WORDS, WEEKDAY_NAMES, alternation, speechForms,
} from '../language/lexicon/index.js';
import { ORG_WORDS as COMPROMISE_ORG_WORDS, PLACE_WORDS as COMPROMISE_PLACE_WORDS, lexTags } from '../language/word-tags.js';
import { MODIFIER_SUFFIXES, PERSON_NOUNS, REFERRING_NOUNS, THING_NOUNS } from '../language/lexicon/entity-cues.js';

/** "Texas-based", "CrowdStrike-caused", "Soviet-style": a name glued by a hyphen to a word that makes it an adjective. */
function isHyphenAdjective(word: string): boolean {
  const glued = /^\p{Lu}[\p{L}\p{N}.&'’]*-(\p{Ll}+)$/u.exec(word);
  return !!glued && (HYPHEN_ADJECTIVE_WORDS.has(glued[1]!) || /(?:ed|en|ing)$/.test(glued[1]!));
}

/** A nationality word ("Venezuelan", "Japanese"). */
const DEMONYM_RE = new RegExp(`(?:${DEMONYM_SUFFIXES.join('|')})$`);
/** "Norway-based", "Canadian-owned": a word glued to a modifier ending. */
const MODIFIER_RE = new RegExp(`-(?:${MODIFIER_SUFFIXES.join('|')})$`, 'i');

export type EntityKind = EntityInfo['kind'];

/** One place an entity is named (or clearly referred to). */
export interface EntityMention {
  article: Article;
  sentence: Sentence;
  /** Offsets of the name inside sentence.text. */
  start: number;
  end: number;
  /** The name as written, possessive and titles removed. */
  surface: string;
  /** Title or role written before the name ("Defense Secretary"), if any. */
  role?: string;
  /** Apposition after the name ("a senior fellow at …"), if any. */
  apposition?: string;
  /** A description written before a name that is not a person's role ("Japanese shipping company", "Canadian-owned"). */
  descriptor?: string;
  /** Inside quotation marks (then it is not the speaker). */
  inQuote: boolean;
  /** A descriptive reference tied to the name by the text ("the 79-year-old"). */
  descriptive?: boolean;
}

/** A resolved entity with all its mentions. */
export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  /** "ship" for named vessels; undefined otherwise. */
  subkind?: 'ship';
  /** Every spelling seen (name included), most frequent first. */
  aliases: string[];
  /** Folded keys that look this entity up. */
  keys: string[];
  mentions: EntityMention[];
  /** The evidence for each kind, summed over all mentions (the kind is the best; a tie is "other"). */
  evidence?: Record<EntityKind, number>;
  /** The strongest cues from the words around its mentions ("role before: businessman", "dateline"). */
  cues?: string[];
}

export interface EntityIndex {
  entities: Entity[];
  /** Folded alias → entities (several when a surname is shared). */
  byKey: Map<string, Entity[]>;
}

// --- tokens -----------------------------------------------------------------

interface Token {
  text: string;
  /** Folded, dots and possessive removed. */
  key: string;
  start: number;
  end: number;
  cap: boolean;
  poss: boolean;
}

/** Title abbreviations whose dot is part of the word ("Dr. Samuel Brennan"). */
const TOKEN_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}]|['’\-&](?=[\p{L}\p{N}])|(?<=\p{L})\.(?=\p{L})|(?<=\p{N})\.(?=\p{N}))*\.?/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    let t = m[0];
    // Keep the dot of an abbreviation ("U.S.", "R.", "Dr."), drop a sentence's full stop.
    if (t.endsWith('.') && !/^\p{L}\.$/u.test(t) && !/\p{L}\.\p{L}/u.test(t) && !TITLE_ABBREVIATIONS.has(t.slice(0, -1).toLowerCase())) t = t.slice(0, -1);
    let poss = false;
    let word = t;
    if (/['’]s$/.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      poss = true;
    } else if (/s['’]$/.test(word)) {
      word = word.slice(0, -1);
      poss = true;
    }
    const start = m.index!;
    out.push({ text: word, key: keyOf(word), start, end: start + word.length, cap: /^\p{Lu}/u.test(word), poss });
  }
  return out;
}

/** Lookup key of a name: folded, dots and apostrophes dropped, spaces squeezed. */
const keyCache = new Map<string, string>();
export function keyOf(name: string): string {
  // Names repeat thousands of times across a corpus; folding is the hot path.
  const hit = keyCache.get(name);
  if (hit !== undefined) return hit;
  const k = keyOfUncached(name);
  if (keyCache.size > 200_000) keyCache.clear();
  keyCache.set(name, k);
  return k;
}
function keyOfUncached(name: string): string {
  return fold(name)
    .replace(/['’]s\b/g, '')
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// --- quotation regions -----------------------------------------------------------

/** Ranges of a text inside quotation marks (curly or straight). */
export function quoteRegions(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  let straightOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“') open = i;
    else if (c === '”') {
      out.push([open < 0 ? 0 : open, i + 1]);
      open = -1;
    } else if (c === '"') {
      if (straightOpen < 0 && (i === 0 || /[\s(\[:—–-]/.test(text[i - 1]!))) straightOpen = i;
      else {
        out.push([straightOpen < 0 ? 0 : straightOpen, i + 1]);
        straightOpen = -1;
      }
    }
  }
  if (open >= 0) out.push([open, text.length]);
  if (straightOpen >= 0) out.push([straightOpen, text.length]);
  return out;
}

const inRegions = (regions: [number, number][], at: number) => regions.some(([a, b]) => at > a && at < b);

// --- candidate extraction ------------------------------------------------------

interface Candidate extends EntityMention {
  tokens: Token[];
  votes: Record<EntityKind, number>;
  ship: boolean;
  sentenceInitialOnly: boolean;
  /** Why the votes are what they are (beyond the name's own words). */
  cues: TypeCue[];
}

/** "a spokeswoman for Kestrel Foods, Ada Lindgren": a role with its organisation, then the name. */
const ROLE_OF_TAIL_RE = /(?:^|[\s(])((?:[Tt]he|[Aa]n?)\s+(?:[\p{Ll}-]+\s+){0,3}?([\p{Ll}-]+)\s+(?:of|for|at|with)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.&-]*\s*){1,5})\s*,\s*$/u;
/** A name right after "chief executive of", "spokesman for": the organisation the role belongs to. */
const ROLE_OF_BEFORE_RE = /\b([\p{Ll}-]+)\s+(?:of|at|for)\s+(?:the\s+)?$/u;
/** Possessions and parts only a company has: "Norvik shares fell", "Norvik's board". */
const COMPANY_AFTER_RE = /^(?:['’]s?)?\s+(?:shares|stock|share price|shareholders|board of directors|chief executive|chief financial officer|ceo|cfo|stores|factories|plants|subsidiaries|revenue|profits?|earnings)\b/i;
const ROLE_TAIL_RE = /(?:^|[\s(])((?:[Tt]he|[Aa]n?)\s+(?:(?!(?:the|a|an|on|of|to|in|with|for)\s)[\p{L}\p{N}'’.-]+\s+){0,5}([\p{L}'’-]+))\s*,\s*$/u;
/** The period of an abbreviation ("U.S.") does not end an apposition. */
const APPOSITION_RE = /^\s*,\s*((?:a|an|the)\s(?:[^,;()—–"“”]|(?<=\d)[–—](?=\d)){3,140}?)(?=\s*(?:,|(?<!(?:^|[\s.])\p{Lu})\.(?:\s|$)|;|(?<!\d)[—–]|[—–](?!\d)|$))/u;
const FINITE_VERB_RE = new RegExp(`\\b(?:${alternation([...AUXILIARIES, ...speechForms({ roles: ['say', 'report'], forms: ['s', 'past'] })])})\\b`, 'i');
/** ", 48, is vice-chairman of …" / " was a pilot": a copula and a role phrase after the name. */
const COPULA_ROLE_RE = /^(?:\s*,\s*\d{1,3}\s*,)?\s+(?:is|was|has\s+been|had\s+been|became)\s+((?:(?:a|an|the)\s+)?\p{Ll}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}?(?:\s+(?:of|for|at|with)\s+[^,;.()"“”]{2,80}?)?)(?=\s*(?:,|;|\.(?:\s|$)|$))/u;
const DASH_APPOSITION_RE = /^\s*[—–]\s*(the\s[^—–"“”]{3,140}?)\s*[—–]/;
const WHO_RE = /^\s*,\s*(who\s[^,;()—–"“”]{3,140}?)\s*,/;
/** An apposition without an article: ", spokeswoman for Brightloom," / ", chief financial officer at Halvard." */
const BARE_ROLE_APPOSITION_RE = /^\s*,\s*(\p{Ll}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}?(?:\s+(?:of|for|at|to|with|in)\s+[^,;()—–"“”]{2,100}?)?)(?=\s*(?:,|(?<!(?:^|[\s.])\p{Lu})\.(?:\s|$)|;|$))/u;
/** Words that make a name a company when they describe it ("the kettle maker", "a furniture retailer", "the retailer X"). */
const COMPANY_CUE = alternation(COMPANY_CUES);
const COMPANY_APPOSITION_RE = new RegExp(`\\b(?:${COMPANY_CUE})\\b`, 'i');
const COMPANY_BEFORE_RE = new RegExp(`\\b(?:${COMPANY_CUE})\\s+$`, 'i');
/** Legal suffixes after a name: "Sunmesh Ltd", "Kestrel Foods plc", "Acme, Inc." */
const COMPANY_SUFFIX_RE = new RegExp(`^,?\\s+(?:${alternation(COMPANY_SUFFIXES)})\\b\\.?`);
const LIST_ORG_RE = new RegExp(`\\b(?:${alternation(GROUP_NOUNS)})\\s+(?:like|including|such as)\\s+(?:[^.;]*?,\\s*)?(?:and\\s+)?(?:\\p{Lu}[\\p{L}'’]*\\s+)?$`, 'u');

/** ", France's deputy interior minister,": a capitalised owner with its possessive, then a bare role phrase. */
const POSSESSIVE_ROLE_APPOSITION_RE = /^\s*,\s*((?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}['’]s\s+(\p{Ll}[\p{L}-]*(?:\s+[\p{L}-]+){0,3}?(?:\s+(?:of|for|at|to|with|in)\s+[^,;()—–"“”]{2,100}?)?))(?=\s*(?:,|(?<!(?:^|[\s.])\p{Lu})\.(?:\s|$)|;|$))/u;

/**
 * A role phrase without an article ("deputy interior minister", "chaplain of the Paris Fire
 * Brigade"): its words before any "of/for/at …" include a role — a title, a trade or a noun
 * WordNet knows as a kind of person — and are no verbs; no finite verb in the phrase.
 */
function isRolePhrase(phrase: string): boolean {
  const head = phrase.split(/\s+(?:of|for|at|to|with|in)\s+/)[0]!.split(/\s+/);
  if (FINITE_VERB_RE.test(phrase) || !head.every((w) => TITLE_HEADS.has(keyOf(w)) || ROLE_MODIFIERS.has(keyOf(w)) || !lexTags(w).has('Verb'))) return false;
  // ", with his son", ", whose youngest son": a phrase opened by a preposition or a pronoun is no role.
  if (NOT_ROLE_OPENERS.some((t) => lexTags(head[0]!).has(t))) return false;
  if (head.some((w) => TITLE_HEADS.has(keyOf(w)))) return true;
  // A trade or relation, or a common noun WordNet knows as a kind of person (names such as "Dali" or "Sunday" are WordNet persons too).
  const common = head.filter((w) => /^\p{Ll}/u.test(w));
  return common.some((w) => PERSON_NOUNS.has(keyOf(w))) || common.some((w) => isPersonNoun(keyOf(w)));
}
const NOT_ROLE_OPENERS = ['Preposition', 'Pronoun', 'Possessive', 'Determiner', 'QuestionWord', 'Conjunction'];

/** A single capital with its dot: an initial ("D." in "John D. McCown"). */
const isInitial = (t: Token) => /^\p{Lu}\.$/u.test(t.text);

function isStartPosition(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return /^[\s"“'‘(\[—–-]*$/.test(before) || /[.:!?]["”’]?\s+["“]?$/.test(before) || /(?:^|[\s,:(])["“]$/.test(before);
}

/** The word after `p` is a lowercase noun or adjective (so `p` is used as an adjective). */
function nextIsLowerNoun(toks: Token[], p: Token, tags: (s: number, e: number) => Set<string>): boolean {
  const i = toks.indexOf(p);
  const n = toks[i + 1];
  if (!n || n.cap) return false;
  // Unknown lowercase words are mostly nouns; the lexicon knows the verbs.
  return !tags(n.start, n.end).has('Verb');
}

/** The role phrase written right before a name, e.g. "White House press secretary". */
function roleBefore(text: string, nameStart: number, lowerWords: Set<string>, sentenceTokens: Token[]): string | undefined {
  const toks = sentenceTokens.filter((t) => t.end <= nameStart);
  const picked: Token[] = [];
  let end = nameStart;
  // A role's head: a title ("Secretary") or a trade or relation ("pilot", "son", "founder").
  const isHead = (k: string) => TITLE_HEADS.has(k) || PERSON_NOUNS.has(k);
  let modifiers = 0;
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!;
    const gap = text.slice(t.end + (t.poss ? 2 : 0), end);
    if (!/^\s*$/.test(gap)) break;
    const k = t.key;
    const headSeen = picked.some((p) => isHead(p.key) || REFERRING_NOUNS[p.key] === 'organization');
    const ok =
      // A sentence's first word joins the role unless it is a word the corpus uses as a verb ("Told …").
      (t.cap && !SENTENCE_OPENERS.has(k) && !(i === 0 && lowerWords.has(k) && !TITLE_HEADS.has(k) && lexTags(k).has('Verb'))) ||
      isHead(k) ||
      ROLE_MODIFIERS.has(k) ||
      ((k === 'of' || k === 'for' || k === 'at') && picked.length > 0) ||
      // "founder of the Wild Boars club X": the organisation inside the role.
      (k === 'the' && picked.length > 0 && /^(?:of|for|at)$/.test(toks[i - 1]?.key ?? '')) ||
      (REFERRING_NOUNS[k] === 'organization' && !picked.some((p) => isHead(p.key))) ||
      // "French submersible pilot X": up to two plain words before the head.
      (headSeen && !t.cap && modifiers < 2 && !STOPWORDS.has(k) && !SENTENCE_OPENERS.has(k) && !isFiniteVerb(k) && /^[\p{Ll}-]+$/u.test(t.text) && ++modifiers > 0);
    if (!ok) break;
    picked.unshift(t);
    end = t.start;
  }
  // Plain words left at the front that lead to no capitalised or role word are not the role's ("then pilot X").
  while (picked.length && !picked[0]!.cap && !isHead(picked[0]!.key) && !ROLE_MODIFIERS.has(picked[0]!.key)) picked.shift();
  while (picked.length && (picked[0]!.key === 'of' || picked[0]!.key === 'for' || picked[0]!.key === 'at' || picked[0]!.key === 'the')) picked.shift();
  if (!picked.some((t) => isHead(t.key))) return undefined;
  // The phrase ends with its head: drop capitalised words after the last title word (they are names),
  // unless they are the organisation the role is of ("chief executive of OceanGate Expeditions").
  let last = picked.length - 1;
  while (last >= 0 && !isHead(picked[last]!.key) && !ROLE_MODIFIERS.has(picked[last]!.key)) last--;
  const ofOrg = /^(?:of|for|at)$/.test(picked[last + 1]?.key ?? '') && last + 2 < picked.length;
  const phrase = ofOrg ? picked : picked.slice(0, last + 1);
  if (!phrase.length) return undefined;
  return text.slice(phrase[0]!.start, phrase[phrase.length - 1]!.end + (phrase[phrase.length - 1]!.poss ? 2 : 0)).trim();
}

/** Legal forms written after a company's name ("Ltd", "Inc", "Corp"). */
const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(COMPANY_SUFFIXES.map((x) => x.replace(/\.$/, '')));

/**
 * A noun phrase for a thing or organisation right before a name ("Japanese shipping
 * company Shoei Kisen Kaisha", "the container ship Ever Given"): the noun and up to
 * three words before it, as written.
 */
function nounBefore(text: string, nameStart: number, sentenceTokens: Token[]): string | undefined {
  const toks = sentenceTokens.filter((t) => t.end <= nameStart);
  const head = toks[toks.length - 1];
  if (!head || head.cap || !/^\s+$/.test(text.slice(head.end, nameStart))) return undefined;
  if (!REFERRING_NOUNS[head.key] && !THING_NOUNS[head.key]) return undefined;
  let first = toks.length - 1;
  for (let i = toks.length - 2; i >= Math.max(0, toks.length - 4); i--) {
    const t = toks[i]!;
    if (!/^\s+$/.test(text.slice(t.end + (t.poss ? 2 : 0), toks[i + 1]!.start)) || t.poss) break;
    if (STOPWORDS.has(t.key) || SENTENCE_OPENERS.has(t.key) || (!t.cap && isFiniteVerb(t.key))) break;
    first = i;
  }
  return text.slice(toks[first]!.start, head.end);
}

/** A verb form that cannot modify a noun ("said", "runs"); "caving", "retired" can. */
function isFiniteVerb(k: string): boolean {
  const t = lexTags(k);
  return ['PastTense', 'PresentTense', 'Infinitive', 'Modal', 'Copula', 'Auxiliary'].some((x) => t.has(x)) && !t.has('Adjective') && !t.has('Noun');
}

/** A word the corpus writes in lowercase, or that the lexicon knows only as a common word. */
function isCommonWord(key: string, lowerWords: Set<string>): boolean {
  if (lowerWords.has(key)) return true;
  const t = lexTags(key);
  return t.size > 0 && !['Person', 'Place', 'Organization', 'FirstName', 'LastName', 'Acronym'].some((x) => t.has(x));
}

function emptyVotes(): Record<EntityKind, number> {
  return { person: 0, organization: 0, place: 0, other: 0 };
}

function extractCandidates(article: Article, sentence: Sentence, lowerWords: Set<string>, plainCaps: Set<string> = new Set(), breaks: ReadonlySet<number> = new Set()): Candidate[] {
  const text = sentence.text;
  const toks = tokenize(text);
  const regions = quoteRegions(text);
  // Tags of the words in [s, e), plus those of the whole phrase when the lexicon knows it.
  const tags = (s: number, e: number) => {
    const out = lexTags(text.slice(s, e));
    for (const t of toks) if (t.start >= s && t.end <= e) for (const g of lexTags(t.text)) out.add(g);
    return out;
  };
  const out: Candidate[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    // A capitalised function word mid-sentence ("… with Russia In Caracas") is a merged heading, not a name.
    if (!t.cap || (STOPWORDS.has(t.key) && !NAME_STOPWORDS.has(t.key)) || /^\p{Lu}['’]\p{L}{1,2}$/u.test(t.text)) {
      i++;
      continue;
    }
    // Grow a run of capitalised words joined by spaces and name connectors.
    const run: Token[] = [t];
    let j = i + 1;
    // A possessive ends a name, unless the corpus never writes the word without it ("Lloyd's List", "Monk's Junction").
    // Nor the word after it on its own, and a place's possessive is the place's ("Mexico's Sinaloa Cartel").
    const joinsPossessive = (x: Token) => {
      if (!x.poss) return true;
      const next = toks[toks.indexOf(x) + 1];
      // A legal form after it is the company's own ("McDonald’s Corp.", "Macy’s Inc."), written elsewhere or not.
      return !plainCaps.has(x.key) && next?.cap === true && (!plainCaps.has(next.key) || LEGAL_SUFFIXES.has(next.text)) && !lexTags(x.key).has('Place') && /^['’]s$/.test(text.slice(x.end, x.end + 2));
    };
    while (j < toks.length && joinsPossessive(run[run.length - 1]!)) {
      const prev = run[run.length - 1]!;
      const gapOk = (a: Token, b: Token) => /^ +$/.test(text.slice(a.end + (a.poss ? 2 : 0), b.start));
      const n = toks[j]!;
      // A break (splitNames): two names written back to back ("… of OceanGate Expeditions Stockton Rush").
      if (breaks.has(n.start)) break;
      // A middle initial with its dot is part of the name, also when it spells a stopword ("John D. McCown", "Mary S. Lee").
      if (n.cap && gapOk(prev, n) && (!(STOPWORDS.has(n.key) && !NAME_STOPWORDS.has(n.key)) || isInitial(n))) {
        run.push(n);
        j++;
        continue;
      }
      // Connectors: "Cartel de los Soles", "Center for Strategic and International Studies".
      let k = j;
      const conn: Token[] = [];
      while (k < toks.length && NAME_CONNECTORS.has(toks[k]!.text) && !toks[k]!.cap && conn.length < 2) conn.push(toks[k++]!);
      const after = toks[k];
      const hasAnd = conn.some((c) => c.text === 'and');
      // "and" joins only inside institution names ("Center for Strategic and International Studies").
      const institutional = run.some((r) => r.text === 'for');
      const onlyThe = conn.length === 1 && conn[0]!.text === 'the';
      // "Carl Hartsfield of the Woods Hole Oceanographic Institution": a person's name ends before "of".
      const personOf = conn[0]?.text === 'of' && run.length >= 2 && lexTags(run[0]!.key).has('FirstName') && !run.some((r) => TITLE_HEADS.has(r.key) || ORG_HEADS.has(r.key));
      if (conn.length && after?.cap && !onlyThe && !personOf && (!hasAnd || institutional) && [prev, ...conn, after].every((x, idx, arr) => idx === 0 || gapOk(arr[idx - 1]!, x))) {
        run.push(...conn, after);
        j = k + 1;
        continue;
      }
      break;
    }
    i = j;
    let parts = run;
    // Leading "The" is the article, not the name ("The Washington Post").
    if (parts[0]!.key === 'the' && parts.length > 1) parts = parts.slice(1);
    // A capitalised first word of a sentence is a name only if the corpus never writes it in lowercase.
    if (isStartPosition(text, parts[0]!.start) && (lowerWords.has(parts[0]!.key) || SENTENCE_OPENERS.has(parts[0]!.key) || STOPWORDS.has(parts[0]!.key)) && !TITLE_HEADS.has(parts[0]!.key)) {
      parts = parts.slice(1);
    }
    while (parts.length && (NAME_CONNECTORS.has(parts[0]!.text) || SENTENCE_OPENERS.has(parts[0]!.key))) parts = parts.slice(1);
    // "United States-based Pelagic Research", "Canadian-owned Polar Prince": the modifier is not the name; alone it is an adjective.
    const modified = (p: Token) => MODIFIER_RE.test(p.text);
    let descriptor: string | undefined;
    for (let x = parts.length - 1; x >= 0; x--) if (modified(parts[x]!)) (descriptor = parts[x]!.text), (parts = parts.slice(x + 1)), (x = -1);
    if (!parts.length) continue;
    // "Shoei Kisen Kaisha Ltd.": the legal form is not part of the name (it is evidence, below).
    while (parts.length > 1 && LEGAL_SUFFIXES.has(parts[parts.length - 1]!.text.replace(/\.$/, ''))) parts = parts.slice(0, -1);
    // Titles glued to the name: split after the last title word ("Secretary of State | Marco Rubio").
    let lastTitle = -1;
    // At a sentence start a trade or relation is capitalised too ("Engineer Tomas Heel told …").
    const roleAtStart = (x: number) => x === 0 && PERSON_NOUNS.has(parts[0]!.key) && isStartPosition(text, parts[0]!.start);
    // "Ohio Senators Sherrod Brown and J.D. Vance": a title in the plural after the words that say whose it is heads a list of names.
    const pluralTitle = (x: number) => x > 0 && /[^s]s$/.test(parts[x]!.key) && TITLE_HEADS.has(parts[x]!.key.slice(0, -1));
    for (let x = 0; x < parts.length - 1; x++) if (TITLE_HEADS.has(parts[x]!.key) || pluralTitle(x) || (x === 0 && ROLE_OPENERS.has(parts[x]!.key)) || roleAtStart(x)) lastTitle = x;
    let titled = false;
    const headOf = (ps: Token[]) => ps[ps.length - 1]!.key;
    if (lastTitle >= 0 && !ORG_HEADS.has(headOf(parts)) && !PLACE_HEADS.has(headOf(parts))) {
      let cut = lastTitle + 1;
      if (parts[cut]?.text === 'of' && parts.length > cut + 2) cut += 2;
      if (cut < parts.length) {
        parts = parts.slice(cut);
        titled = true;
      }
    }
    while (parts.length && NAME_CONNECTORS.has(parts[parts.length - 1]!.text)) parts = parts.slice(0, -1);
    // "in Suez Canal, Egypt March 26": a month before a number is the date, not the name.
    while (parts.length > 1 && CALENDAR_WORDS.has(parts[parts.length - 1]!.key) && /^\s+\d/.test(text.slice(parts[parts.length - 1]!.end))) parts = parts.slice(0, -1);
    // "on Monday Crowdstrike had stated": a weekday before a name is the day, not part of the name.
    while (parts.length > 1 && WEEKDAY_NAMES.has(parts[0]!.key)) parts = parts.slice(1);
    if (!parts.length) continue;
    // "the CrowdStrike-caused outage": an adjective made of a name, alone before a common noun, is no name of its own
    // (before a name, "Orlania-based Venn Stoneworks", it is that name's descriptor).
    if (parts.length === 1 && isHyphenAdjective(parts[0]!.text)) continue;
    // "FILE - …", "UPDATE: …": a common word in capitals is a label, not a name.
    if (parts.length === 1 && /^\p{Lu}{3,}$/u.test(parts[0]!.text) && isCommonWord(parts[0]!.key, lowerWords)) continue;
    if (parts.every((p) => TITLE_HEADS.has(p.key) || ROLE_MODIFIERS.has(p.key) || NAME_CONNECTORS.has(p.text))) continue;
    if (parts.length === 1) {
      const k = parts[0]!.key;
      if (k.length < 2 || CALENDAR_WORDS.has(k) || SENTENCE_OPENERS.has(k) || STOPWORDS.has(k)) continue;
    }
    if (parts.every((p) => CALENDAR_WORDS.has(p.key) || NAME_CONNECTORS.has(p.text))) continue;
    // Demonyms are adjectives here ("Venezuelan officers", "the Venezuelan Cartel de los Soles").
    const isDemonym = (p: Token) => {
      const tg = tags(p.start, p.end);
      if (tg.has('Demonym')) return true;
      // "British-Pakistani businessman": demonyms joined by a hyphen are one.
      const joined = fold(p.text).split('-');
      if (joined.length > 1 && joined.every((w) => lexTags(w).has('Demonym') || (DEMONYM_RE.test(w) && w.length > 4)) && nextIsLowerNoun(toks, p, tags)) return true;
      return DEMONYM_RE.test(p.key) && p.key.length > 4 && !tg.has('Person') && !tg.has('Place') && nextIsLowerNoun(toks, p, tags);
    };
    // "South American blood": a direction word before a demonym is part of the adjective.
    const adjectival = (x: number) => isDemonym(parts[x]!) || (DIRECTION_WORDS.has(parts[x]!.key) && x + 1 < parts.length && isDemonym(parts[x + 1]!));
    // Not in an organisation's own name, which ends with the kind of body it is ("American Airlines", "Canadian Coast
    // Guard", "Canadian Press"): there the nationality tells it from another ("United Airlines", "U.S. Coast Guard").
    const last = parts[parts.length - 1]!.key;
    const orgName = parts.length > 1 && (ORG_HEADS.has(last) || (last.endsWith('s') && ORG_HEADS.has(last.slice(0, -1))));
    while (!orgName && parts.length > 1 && adjectival(0) && parts.slice(1).some((p) => !isDemonym(p))) parts = parts.slice(1);
    if (parts.every((_, x) => adjectival(x) || isDemonym(parts[x]!))) continue;
    // "the New Yorker said": a description of someone, tied to a name later (attachDescriptive).
    if (/\bthe\s+$/i.test(text.slice(0, parts[0]!.start)) && /(?:er|ian)$/.test(parts[parts.length - 1]!.key) && parts.length <= 2 && SPEECH_RE.test(text.slice(parts[parts.length - 1]!.end, parts[parts.length - 1]!.end + 12))) continue;

    const first = parts[0]!;
    const lastTok = parts[parts.length - 1]!;
    const start = first.start;
    const end = lastTok.end;
    const surface = text.slice(start, end);
    const votes = emptyVotes();
    const ship = parts.length > 1 && SHIP_PREFIXES.has(first.key) && /^\p{Lu}+$/u.test(first.text);
    const role = roleBefore(text, start, lowerWords, toks);
    const rest = text.slice(end + (lastTok.poss ? 2 : 0));
    let appo = rest.match(APPOSITION_RE)?.[1] ?? rest.match(DASH_APPOSITION_RE)?.[1];
    if (appo && FINITE_VERB_RE.test(appo)) appo = undefined; // a clause, not a description
    if (!appo) {
      // ", spokeswoman for X," / ", chaplain of the Y.": a role noun heads it (before any "of/for/at …").
      // ", and a long-time adviser to …" coordinates a second description of the sentence's subject, not of this name.
      const bare = rest.match(BARE_ROLE_APPOSITION_RE)?.[1]?.replace(/^(?:and|or|but)\s.*$/, '') || undefined;
      if (bare && isRolePhrase(bare)) appo = bare;
    }
    if (!appo) {
      // ", France's deputy interior minister," / ", Maryland’s secretary of transportation,": a role of a place or body.
      const poss = POSSESSIVE_ROLE_APPOSITION_RE.exec(rest);
      if (poss && isRolePhrase(poss[2]!)) appo = poss[1];
    }
    appo ??= rest.match(WHO_RE)?.[1];
    // "X, 48, is vice-chairman of Y": a role given as the predicate of the name's own sentence.
    if (!appo) {
      const pred = COPULA_ROLE_RE.exec(rest)?.[1];
      const head = pred?.split(/\s+(?:of|for|at|with|in)\s+/)[0]!.split(/\s+/) ?? [];
      if (pred && head.length <= 4 && head.some((w) => TITLE_HEADS.has(w.toLowerCase()) || PERSON_NOUNS.has(w.toLowerCase()))) appo = pred;
    }
    // In a list, a phrase that runs into the next name is that name's role, not this one's apposition
    // ("pilot A, chief executive of Acme B, and …").
    if (appo && [...breaks].some((b) => b > end && b < end + rest.indexOf(appo!) + appo!.length)) appo = undefined;
    const before = text.slice(0, start);
    let reverseRole: string | undefined;
    const rr = before.match(ROLE_TAIL_RE);
    if (rr && TITLE_HEADS.has(keyOf(rr[2]!))) reverseRole = rr[1];
    const ro = reverseRole ? null : before.match(ROLE_OF_TAIL_RE);
    if (ro && TITLE_HEADS.has(keyOf(ro[2]!))) reverseRole = ro[1]!.trim();

    if (ship) votes.other += 6;
    if (titled || role || reverseRole) votes.person += 3;
    const keys = parts.map((p) => p.key);
    const lastKey = keys[keys.length - 1]!;
    const orgHead = ORG_HEADS.has(lastKey) || (parts.length > 1 && (ORG_HEADS.has(keys[0]!) || COMPROMISE_ORG_WORDS.has(lastKey)));
    const placeHead = parts.length > 1 && (PLACE_HEADS.has(lastKey) || COMPROMISE_PLACE_WORDS.has(lastKey)) && !orgHead;
    const eventHead = parts.length > 1 && EVENT_HEADS.has(keys[keys.length - 1]!);
    if (orgHead) votes.organization += 4;
    if (placeHead) votes.place += 4;
    if (eventHead) votes.other += 5;
    if (parts.length === 1 && /^\p{Lu}{2,6}$/u.test(first.text.replace(/\./g, ''))) {
      if (COUNTRY_ABBREVIATIONS[keyOf(first.text).replace(/ /g, '')]) votes.place += 4;
      else votes.organization += 1;
    }
    const tg = tags(start, end);
    const firstTags = tags(first.start, first.end);
    // "Lloyd's List": a possessive inside a name makes it a thing named after someone, not a person.
    if (parts.length > 1 && firstTags.has('FirstName') && !parts.slice(0, -1).some((p) => p.poss)) votes.person += 2;
    else if (tg.has('Person') && !tg.has('Place') && !parts.slice(0, -1).some((p) => p.poss)) votes.person += 1;
    // The head word of a name outranks what the tagger says about its first words ("Washington Post").
    if (!orgHead && !eventHead) {
      if (tg.has('Country') || tg.has('City') || tg.has('Region')) votes.place += 3;
      else if (tg.has('Place')) votes.place += 2;
    }
    if (tg.has('Organization') && !placeHead) votes.organization += 1;
    // "in Boston" is a place's cue; "to the Titanic" less so (ships and buildings take "the").
    const prep = /\b(according\s+)?(?:in|to|from|near|across|into|throughout|around|off|toward|towards)\s+(the\s+)?$/i.exec(before);
    if (prep && !prep[1]) votes.place += prep[2] ? 0.5 : 1;
    if (LIST_ORG_RE.test(before) && !lastTok.poss) votes.organization += 3;
    // Company cues: "the retailer Halvard", "Sunmesh Ltd", "Brightloom, the kettle maker,".
    if (COMPANY_BEFORE_RE.test(before) && !role) votes.organization += 3;
    const ofRole = before.match(ROLE_OF_BEFORE_RE);
    if (ofRole && TITLE_HEADS.has(keyOf(ofRole[1]!)) && !role) votes.organization += 2;
    if (COMPANY_AFTER_RE.test(rest)) votes.organization += 2;
    if (COMPANY_SUFFIX_RE.test(rest)) votes.organization += 4;
    if (appo) {
      // The apposition's head decides, not what it is of: "the chief executive of the luxury group LVMH" is a person's.
      const head = appo.split(/\s+(?:of|for|at|in|with|from|on|by|to)\s+/)[0]!;
      if (/\b(?:organi[sz]ation|group|gang|cartel|agency|newspaper|outlet|network|ministry|party|institute|think tank)\b/i.test(head) || (COMPANY_APPOSITION_RE.test(head) && /^(?:a|an|the)\s/i.test(head) && !head.split(/\s+/).some((w) => TITLE_HEADS.has(keyOf(w)))))
        votes.organization += 3;
      else if (/\b(?:ship|carrier|vessel|destroyer|cruiser|submarine|frigate)\b/i.test(head)) votes.other += 2;
      else if (head.split(/\s+/).some((w) => TITLE_HEADS.has(keyOf(w)))) votes.person += 2;
    }
    // Evidence from the words around the name (src/analysis/entity-types.ts): roles, ages, speech, vessels, datelines.
    const cues = typeCues(text, start, end, { words: parts.map((p, x) => (p.poss && x < parts.length - 1 ? `${p.text}'s` : p.text)), knownPlace: tg.has('Place') }, {
      sentenceStart: isStartPosition(text, start),
      inQuote: inRegions(regions, start),
      placeAfter: (n) => lexTags(n).has('Place'),
    });
    for (const c of cues) votes[c.kind] += c.weight;
    out.push({
      article,
      sentence,
      start,
      end,
      surface,
      ...(role ? { role } : reverseRole ? { role: reverseRole } : {}),
      ...(appo ? { apposition: appo.trim() } : {}),
      ...(!role && !reverseRole && (descriptor ??= nounBefore(text, start, toks)) ? { descriptor } : {}),
      inQuote: inRegions(regions, start),
      tokens: parts,
      votes,
      ship,
      sentenceInitialOnly: isStartPosition(text, start),
      cues,
    });
  }
  return out;
}

// --- grouping ----------------------------------------------------------------

interface Group {
  key: string;
  tokens: string[];
  cands: Candidate[];
  ship: boolean;
}

function groupKey(c: Candidate): string {
  const k = keyOf(c.surface).replace(/^the /, '');
  const compact = k.replace(/ /g, '');
  if (COUNTRY_ABBREVIATIONS[k]) return COUNTRY_ABBREVIATIONS[k]!;
  if (COUNTRY_ABBREVIATIONS[compact] && /^[\p{Lu}.]+$/u.test(c.surface)) return COUNTRY_ABBREVIATIONS[compact]!;
  return k;
}

/** A company's legal form ending its name ("Norfolk Southern Corporation", "Acme Inc"), as a group key's last word. */
const LEGAL_FORMS: ReadonlySet<string> = new Set([...COMPANY_SUFFIXES.map((s) => keyOf(s)), 'corporation']);

/** "WaPo" ~ "Washington Post": each capitalised chunk starts the matching word. */
function isBlendOf(short: string, words: string[]): boolean {
  const chunks = short.match(/\p{Lu}\p{Ll}*/gu);
  if (!chunks || chunks.length < 2 || chunks.length !== words.length || chunks.join('') !== short) return false;
  return chunks.every((c, i) => keyOf(words[i]!).startsWith(keyOf(c)));
}
/** "CSIS" ~ "Center for Strategic and International Studies". */
function isAcronymOf(short: string, words: string[]): boolean {
  if (!/^\p{Lu}{2,6}$/u.test(short)) return false;
  const initials = words.filter((w) => !NAME_CONNECTORS.has(w)).map((w) => w[0]!.toUpperCase()).join('');
  return initials === short;
}

/** Letters mostly shared: at most a third of the longer spelling changed. */
function closeLetters(a: string, b: string): boolean {
  return a !== b && withinEdits(a, b, Math.max(1, Math.floor(Math.max(a.length, b.length) / 3)));
}

/**
 * Person names of two or more words that differ in the surname only, spelled another way (a transliteration, a typo):
 * the less mentioned joins the more mentioned. The surnames must sound the same — a Double Metaphone code in common,
 * of three or more consonant sounds ("Osotthanakorn" ~ "Osatanakorn", "Zelensky" ~ "Zelenskyy", "Gaddafi" ~ "Qaddafi";
 * not "Herrera" ~ "Ferreira" or "Zaigou" ~ "Zaitou") — and share most letters. Names are bucketed by the words before the
 * surname and the surname's code, so only names that could merge are compared (thousands share a first name at scale).
 * Only the surname: first names that sound alike are often two people ("Daniel" and "Danielle", "Christian" and "Christine").
 */
function mergeSpellings(groups: Map<string, Group>): void {
  const buckets = new Map<string, Group[]>();
  for (const g of groups.values()) {
    const surname = g.tokens[g.tokens.length - 1]!;
    if (g.tokens.length < 2 || surname.length < 5 || kindOfCands(g.cands) !== 'person') continue;
    const first = g.tokens.slice(0, -1).join(' ');
    for (const code of new Set(doubleMetaphone(surname).filter((c) => c.length >= 3))) {
      const k = `${first}\u0000${code}`;
      const list = buckets.get(k);
      if (list) list.push(g);
      else buckets.set(k, [g]);
    }
  }
  const alive = (g: Group) => groups.get(g.key) === g;
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => b.cands.length - a.cands.length || a.key.localeCompare(b.key));
    for (let x = 0; x < sorted.length; x++) {
      const big = sorted[x]!;
      if (!alive(big)) continue;
      for (const small of sorted.slice(x + 1)) {
        if (!alive(small) || !closeLetters(big.tokens.at(-1)!, small.tokens.at(-1)!)) continue;
        big.cands.push(...small.cands);
        groups.delete(small.key);
      }
    }
  }
}

/**
 * Build the entity index of a corpus. Not cached here: src/analysis builds it once
 * per corpus version and persists it (engines read `analysisOf(deps).entities`).
 */
export function buildEntityIndex(corpus: Corpus): EntityIndex {
  // Words the corpus writes in lowercase somewhere: capitalised only at a sentence start, they are not names.
  const lowerWords = new Set<string>();
  // Capitalised words the corpus also writes without a possessive ("Egypt" as well as "Egypt's").
  const plainCaps = new Set<string>();
  for (const a of corpus.articles) {
    for (const s of a.sentences) {
      let prev: Token | undefined;
      for (const t of tokenize(s.text)) {
        if (!t.cap) lowerWords.add(t.key);
        // The word after a possessive ("List" in "Lloyd's List") is not seen on its own there.
        else if (!t.poss && !(prev?.poss && prev.cap)) plainCaps.add(t.key);
        prev = t;
      }
    }
  }

  const cands: Candidate[] = [];
  for (const a of corpus.articles) for (const s of a.sentences) cands.push(...extractCandidates(a, s, lowerWords, plainCaps));
  splitNames(cands, lowerWords, plainCaps);

  // 1. Multi-word names group by key (accents, case, dots and "The" folded away).
  const groups = new Map<string, Group>();
  const singles: Candidate[] = [];
  for (const c of cands) {
    const key = groupKey(c);
    if (key.split(' ').length === 1 && !COUNTRY_NAMES[key]) {
      singles.push(c);
      continue;
    }
    const g = groups.get(key) ?? { key, tokens: key.split(' '), cands: [], ship: false };
    g.cands.push(c);
    if (c.ship) g.ship = true;
    groups.set(key, g);
  }
  // A ship named without its prefix ("the Gerald R. Ford") is the same ship.
  for (const g of [...groups.values()]) {
    if (!g.ship) continue;
    const bare = g.tokens.slice(1).join(' ');
    const other = groups.get(bare);
    if (other && other !== g) {
      g.cands.push(...other.cands);
      groups.delete(bare);
    }
  }
  // A shorter multi-word name that ends a longer one ("Washington Post" in "The Washington Post Company") merges when unique.
  const bySuffix = new Map<string, Group[]>();
  for (const o of groups.values()) {
    for (let l = 1; l < o.tokens.length; l++) {
      const k = o.tokens.slice(-l).join(' ');
      bySuffix.set(k, [...(bySuffix.get(k) ?? []), o]);
    }
  }
  for (const g of [...groups.values()]) {
    if (COUNTRY_NAMES[g.key]) continue;
    const longer = (bySuffix.get(g.key) ?? []).filter((o) => o !== g && groups.get(o.key) === o);
    if (longer.length === 1 && (longer[0]!.ship || g.tokens.length >= 2) && kindOfCands(g.cands) === kindOfCands(longer[0]!.cands)) {
      longer[0]!.cands.push(...g.cands);
      groups.delete(g.key);
    }
  }

  // A company named with its legal form ("Norfolk Southern Corporation (NSC)", "Kestrel Foods Ltd") is the company the
  // articles otherwise name without it ("Norfolk Southern"): the bare name joins it, where it is an organisation too. The
  // longer name stays first, so an acronym it glosses ("NSC") still finds it. The legal form says what the bare name is,
  // which its own words may not ("Norfolk" is a city): only a person's name is not joined.
  for (const g of [...groups.values()]) {
    if (g.tokens.length < 3 || !LEGAL_FORMS.has(g.tokens.at(-1)!) || groups.get(g.key) !== g) continue;
    const bare = groups.get(g.tokens.slice(0, -1).join(' '));
    if (!bare || bare === g || kindOfCands(bare.cands) === 'person' || kindOfCands(g.cands) !== 'organization') continue;
    g.cands.push(...bare.cands);
    groups.delete(bare.key);
  }

  // One person's name transliterated differently by different outlets ("Narongsak Osotthanakorn", "Narongsak Osottanakorn",
  // "Narongsak Osatanakorn"): the same words but one, and that one a close spelling of the other, are one person.
  mergeSpellings(groups);

  // 2. One-word names: a surname or short form of a longer name — the nearest one in the same
  // article, else the only one in the corpus. Otherwise the word is an entity of its own.
  // Indexes keep this near-linear: groups by last and first word, abbreviations by word.
  const multi = [...groups.values()];
  const kindOfGroup = new Map(multi.map((g) => [g, kindOfCands(g.cands)]));
  const byLast = new Map<string, Group[]>();
  const byFirst = new Map<string, Group[]>();
  for (const g of multi) {
    byLast.set(g.tokens[g.tokens.length - 1]!, [...(byLast.get(g.tokens[g.tokens.length - 1]!) ?? []), g]);
    byFirst.set(g.tokens[0]!, [...(byFirst.get(g.tokens[0]!) ?? []), g]);
  }
  const abbrevCache = new Map<string, Group[]>();
  const abbreviates = (word: string): Group[] => {
    if (!/^\p{Lu}/u.test(word) || !(/^\p{Lu}{2,6}$/u.test(word) || /^(?:\p{Lu}\p{Ll}+){2,}$/u.test(word))) return [];
    let hit = abbrevCache.get(word);
    if (!hit) {
      hit = multi.filter((o) => isBlendOf(word, o.tokens) || isAcronymOf(word, o.cands[0]!.surface.split(/\s+/)));
      abbrevCache.set(word, hit);
    }
    return hit;
  };
  const positions = new Map<Group, Map<string, number[]>>();
  const positionsOf = (g: Group, articleId: string): number[] => {
    let m = positions.get(g);
    if (!m) {
      m = new Map();
      for (const x of g.cands) m.set(x.article.id, [...(m.get(x.article.id) ?? []), x.sentence.start + x.start]);
      positions.set(g, m);
    }
    return m.get(articleId) ?? [];
  };
  const orphan = new Map<string, Group>();
  for (const c of singles) {
    const key = groupKey(c);
    const word = c.tokens[0]!.text;
    const kindSingle = kindOf(c.votes);
    const abbr = new Set(abbreviates(word));
    const pool = new Set([...(byLast.get(key) ?? []), ...(byFirst.get(key) ?? []), ...abbr]);
    const fits = (g: Group) => {
      const kind = kindOfGroup.get(g)!;
      const last = g.tokens[g.tokens.length - 1] === key;
      const firstOfPerson = kind === 'person' && g.tokens[0] === key && positionsOf(g, c.article.id).length > 0;
      const abbrev = abbr.has(g);
      if (kind === 'place' && !abbrev) return false; // "Iran" is not short for "Islamic Republic of Iran" by the surname rule
      if (kindSingle === 'place' && kind !== 'place' && c.votes.place >= 3) return false;
      return last || firstOfPerson || abbrev;
    };
    let candidates = [...pool].filter(fits);
    // A surname is a person's before it is a programme's or a ship's ("Maduro" vs "Con Maduro").
    const persons = candidates.filter((g) => kindOfGroup.get(g) === 'person');
    if (persons.length) candidates = persons;
    let target: Group | undefined;
    if (candidates.length === 1) target = candidates[0];
    else if (candidates.length > 1) {
      // Nearest preceding mention in the same article decides ("the Herald" after "the Miami Herald").
      const at = c.sentence.start + c.start;
      let best: { g: Group; d: number } | undefined;
      for (const g of candidates) {
        for (const p of positionsOf(g, c.article.id)) {
          const d = at - p;
          const score = d >= 0 ? d : 1e9 - d;
          if (!best || score < best.d) best = { g, d: score };
        }
      }
      target = best?.g;
    }
    if (target) target.cands.push(c);
    else {
      const g = orphan.get(key) ?? { key, tokens: [key], cands: [], ship: false };
      g.cands.push(c);
      orphan.set(key, g);
    }
  }
  // A one-word name that was never resolved but is an acronym/blend of exactly one group merges too.
  for (const [key, g] of orphan) {
    const m = abbreviates(g.cands[0]!.tokens[0]!.text);
    if (m.length === 1) {
      m[0]!.cands.push(...g.cands);
      orphan.delete(key);
    }
  }
  // "Islamic Republic of Iran" is Iran.
  for (const g of [...groups.values()]) {
    const m = /^(?:.+ )?(?:republic|kingdom|state|commonwealth|federation|emirate|principality|sultanate|people s republic) of (?:the )?(.+)$/.exec(g.key);
    const target = m ? (groups.get(m[1]!) ?? orphan.get(m[1]!)) : undefined;
    if (target && target !== g && kindOfCands(target.cands) === 'place') {
      target.cands.push(...g.cands);
      groups.delete(g.key);
    }
  }
  // A lone capitalised word seen only at sentence starts, and not known to the tagger, is not a name.
  for (const [key, g] of orphan) {
    const v = sumVotes(g.cands);
    if (g.cands.every((c) => c.sentenceInitialOnly) && v.person + v.place + v.organization < 2) orphan.delete(key);
  }

  const all = [...groups.values(), ...orphan.values()].filter((g) => g.cands.length > 0);
  // "60 Minutes": a one-word name always written after the same number carries it.
  for (const g of orphan.values()) {
    if (g.cands.length < 2) continue;
    const nums = g.cands.map((c) => /(\d+)\s$/.exec(c.sentence.text.slice(Math.max(0, c.start - 8), c.start))?.[1]);
    if (nums[0] && nums.every((n) => n === nums[0])) {
      for (const c of g.cands) {
        c.start -= nums[0].length + 1;
        c.surface = c.sentence.text.slice(c.start, c.end);
      }
    }
  }
  const entities: Entity[] = all.map((g) => toEntity(g));
  addBylines(corpus, entities);
  attachDescriptive(corpus, entities);
  const byKey = new Map<string, Entity[]>();
  for (const e of entities) {
    for (const k of e.keys) {
      const list = byKey.get(k) ?? [];
      if (!list.includes(e)) list.push(e);
      byKey.set(k, list);
    }
  }
  entities.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  return { entities, byKey };
}

/** The cues seen most often across the mentions, as "kind: cue ×n". */
function topCues(cands: Candidate[]): string[] {
  const n = new Map<string, number>();
  for (const c of cands) for (const q of c.cues) n.set(`${q.kind}: ${q.cue}`, (n.get(`${q.kind}: ${q.cue}`) ?? 0) + q.weight);
  return [...n.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k]) => k);
}

/**
 * Two names written back to back read as one ("chief executive of OceanGate
 * Expeditions Stockton Rush", "Treasury Janet Yellen"): a name of three words or
 * more splits where both halves are names the corpus also writes on their own,
 * and its sentence is read again with the break (candidates replaced in place).
 */
function splitNames(cands: Candidate[], lowerWords: Set<string>, plainCaps: Set<string>): void {
  const seen = new Map<string, number>();
  for (const c of cands) seen.set(keyOf(c.surface), (seen.get(keyOf(c.surface)) ?? 0) + 1);
  const breaks = new Map<Sentence, { article: Article; at: Set<number> }>();
  for (const c of cands) {
    const t = c.tokens;
    if (t.length < 3 || c.ship) continue;
    const key = keyOf(c.surface);
    for (let i = t.length - 2; i >= 1; i--) {
      const head = keyOf(c.sentence.text.slice(t[0]!.start, t[i - 1]!.end));
      const tail = keyOf(c.sentence.text.slice(t[i]!.start, t[t.length - 1]!.end));
      // Only a person's name splits off (an organisation's name often opens with a place: "U.S. Coast Guard").
      if (head === key || tail === key || !seen.has(head) || !seen.has(tail) || !looksLikePersonName({ words: t.slice(i).map((x) => x.text) })) continue;
      const b = breaks.get(c.sentence) ?? { article: c.article, at: new Set<number>() };
      b.at.add(t[i]!.start);
      breaks.set(c.sentence, b);
      break;
    }
  }
  if (!breaks.size) return;
  const redone = new Map<Sentence, Candidate[]>();
  for (const [s, b] of breaks) redone.set(s, extractCandidates(b.article, s, lowerWords, plainCaps, b.at));
  const out: Candidate[] = [];
  const done = new Set<Sentence>();
  for (const c of cands) {
    const again = redone.get(c.sentence);
    if (!again) out.push(c);
    else if (!done.has(c.sentence)) {
      done.add(c.sentence);
      out.push(...again);
    }
  }
  cands.splice(0, cands.length, ...out);
}

function sumVotes(cands: Candidate[]): Record<EntityKind, number> {
  const v = emptyVotes();
  for (const c of cands) for (const k of Object.keys(v) as EntityKind[]) v[k] += c.votes[k];
  return v;
}
/** The kind with the most evidence; a tie at the top is "other" (the evidence does not decide). */
function kindOf(v: Record<EntityKind, number>): EntityKind {
  const order: EntityKind[] = ['person', 'organization', 'place', 'other'];
  let best: EntityKind = 'other';
  let bestV = 0;
  let tie = false;
  for (const k of order) {
    if (v[k] > bestV) (best = k), (bestV = v[k]), (tie = false);
    else if (v[k] === bestV && bestV > 0) tie = true;
  }
  return tie ? 'other' : best;
}
function kindOfCands(cands: Candidate[]): EntityKind {
  if (cands.some((c) => c.ship)) return 'other';
  return kindOf(sumVotes(cands));
}

function toEntity(g: Group): Entity {
  const kind = kindOfCands(g.cands);
  const counts = new Map<string, { surface: string; n: number; words: number }>();
  for (const c of g.cands) {
    const k = c.surface.replace(/^The\s+/, '');
    const e = counts.get(k) ?? { surface: k, n: 0, words: k.split(/\s+/).length };
    e.n++;
    counts.set(k, e);
  }
  const spellings = [...counts.values()].sort((a, b) => b.n - a.n || b.words - a.words);
  // People and organisations are shown by their fullest name; places by the usual one.
  const accentFirst = (a: { surface: string }, b: { surface: string }) => (keyOf(a.surface) === keyOf(b.surface) ? b.surface.normalize('NFD').length - a.surface.normalize('NFD').length : 0);
  let name =
    kind === 'place'
      ? spellings[0]!.surface
      : [...spellings].sort((a, b) => b.words - a.words || b.n - a.n || accentFirst(a, b))[0]!.surface;
  if (COUNTRY_NAMES[g.key]) name = COUNTRY_NAMES[g.key]!;
  // Prefer the accented spelling of the same name ("Nicolás" over "Nicolas").
  const same = spellings.filter((s) => keyOf(s.surface) === keyOf(name)).sort((a, b) => b.surface.normalize('NFD').length - a.surface.normalize('NFD').length);
  if (same[0]) name = same[0].surface;
  const aliases = [...new Set([name, ...spellings.map((s) => s.surface)])];
  const keys = new Set(aliases.map(keyOf));
  keys.add(g.key);
  if (g.ship) keys.add(g.tokens.slice(1).join(' '));
  for (const [abbr, full] of Object.entries(COUNTRY_ABBREVIATIONS)) if (full === g.key) keys.add(abbr);
  const mentions: EntityMention[] = g.cands
    .map(({ tokens: _t, votes: _v, ship: _s, sentenceInitialOnly: _i, cues: _c, ...m }) => m)
    .sort((a, b) => (a.article.id === b.article.id ? a.sentence.start + a.start - (b.sentence.start + b.start) : a.article.id < b.article.id ? -1 : 1));
  return {
    id: g.key,
    name,
    kind,
    ...(g.ship ? { subkind: 'ship' as const } : {}),
    evidence: sumVotes(g.cands),
    cues: topCues(g.cands),
    aliases,
    keys: [...keys].filter(Boolean),
    mentions,
  };
}

/**
 * "the 79-year-old", "the New Yorker" as a speaker: tied to the person named
 * most recently before it in the same article (within a few sentences), which is
 * how the article itself ties them.
 */
function attachDescriptive(corpus: Corpus, entities: Entity[]): void {
  const people = entities.filter((e) => e.kind === 'person');
  const orgs = entities.filter((e) => e.kind === 'organization');
  const ROLE_REF_RE = new RegExp(`\\b[Tt]he\\s+((?:\\p{Lu}[\\p{L}'’-]*\\s+)?([\\p{Ll}-]+))(?=\\s+(?:${SPEECH_VERB_PATTERN})\\b)`, 'gu');
  const ORG_REF_RE = new RegExp(`\\b[Tt]he\\s+(?:publication|newspaper|paper|outlet|agency|ministry|broadcaster|network|daily)(?=\\s+(?:${SPEECH_VERB_PATTERN})\\b)`, 'gu');
  // An age is specific enough anywhere; a demonym ("the New Yorker") only as the subject of a verb of saying or being.
  const AGE_RE = /\b[Tt]he\s+(\d{1,3}-year-old(?![\p{L}-])|(?:New\s+|North\s+|South\s+)?\p{Lu}\p{Ll}+(?:er|ian)\b(?=\s+(?:is|was|has|had|said|says|explains|explained|added|replied|told|insisted|warned)\b))/gu;
  const roleWords = new Map(people.map((e) => [e, new Set(e.mentions.flatMap((x) => keyOf(`${x.role ?? ''} ${x.apposition ?? ''}`).split(' ')))]));
  for (const a of corpus.articles) {
    const sentenceIndex = new Map(a.sentences.map((q, i) => [q.id, i]));
    /** The entity (of `pool`) named last before offset `at`, at most `window` sentences back. */
    const lastNamed = (pool: Entity[], at: number, si: number, window: number): Entity | undefined => {
      let best: { e: Entity; pos: number } | undefined;
      for (const e of pool) {
        for (const x of e.mentions) {
          if (x.article.id !== a.id || x.inQuote || x.descriptive) continue;
          const pos = x.sentence.start + x.start;
          const back = sentenceIndex.get(x.sentence.id) ?? -1e9;
          if (pos < at && si - back <= window && (!best || pos > best.pos)) best = { e, pos };
        }
      }
      return best?.e;
    };
    for (let si = 0; si < a.sentences.length; si++) {
      const s = a.sentences[si]!;
      for (const m of s.text.matchAll(AGE_RE)) {
        // "the 850-year-old cathedral" is no one's age.
        const years = /^(\d+)-year-old/.exec(m[1]!)?.[1];
        if (years && !agedPerson(Number(years), s.text.slice(m.index! + m[0].length))) continue;
        const e = lastNamed(people, s.start + m.index!, si, 8);
        if (e) addDescriptive(e, a, s, m.index!, m.index! + m[0].length, `the ${m[1]}`);
      }
      // "the publication reports", "the ministry said": the organisation last named before it.
      for (const m of s.text.matchAll(ORG_REF_RE)) {
        const e = lastNamed(orgs, s.start + m.index!, si, 3);
        if (e) addDescriptive(e, a, s, m.index!, m.index! + m[0].length, m[0]);
      }
      // "the Kremlin spokesman told …": the person last named with that role.
      for (const m of s.text.matchAll(ROLE_REF_RE)) {
        const head = keyOf(m[2]!);
        if (!TITLE_HEADS.has(head)) continue;
        const e = lastNamed(people.filter((p) => roleWords.get(p)!.has(head)), s.start + m.index!, si, 8);
        if (e) addDescriptive(e, a, s, m.index!, m.index! + m[0].length, m[0]);
      }
    }
  }
}

/**
 * Article authors are people in the corpus too, though their bylines sit outside
 * the body text: one mention each, citing the byline itself.
 */
function addBylines(corpus: Corpus, entities: Entity[]): void {
  for (const a of corpus.articles) {
    if (!a.author) continue;
    const names = a.author
      .split(/\s*(?:,|;|\band\b|&)\s*/)
      .map((x) => x.replace(/^by\s+/i, '').trim())
      .filter((x) => /^\p{Lu}/u.test(x) && x.split(/\s+/).length >= 2 && x.length <= 80);
    for (const name of names) {
      const at = a.raw.indexOf(name);
      if (at < 0 || !quoteOf(a, at, at + name.length)) continue;
      const sentence: Sentence = { id: `${a.id}:byline:${at}`, articleId: a.id, paragraph: -1, index: -1, start: at, end: at + name.length, text: name };
      const mention: EntityMention = { article: a, sentence, start: 0, end: name.length, surface: name, role: `author${a.outlet ? ` (${a.outlet})` : ''}`, inQuote: false };
      const k = keyOf(name);
      const existing = entities.find((e) => e.keys.includes(k));
      if (existing) existing.mentions.push(mention);
      else entities.push({ id: k, name, kind: 'person', aliases: [name], keys: [k], mentions: [mention] });
    }
  }
}

function addDescriptive(e: Entity, a: Article, s: Sentence, start: number, end: number, surface: string): void {
  e.mentions.push({ article: a, sentence: s, start, end, surface, inQuote: false, descriptive: true });
  // Role references ("the Kremlin spokesman") are not names: they do not become aliases.
  if (/^the \d|^the \p{Lu}\p{Ll}+(?:er|ian)$/u.test(surface)) {
    if (!e.aliases.includes(surface)) e.aliases.push(surface);
    if (!e.keys.includes(keyOf(surface))) e.keys.push(keyOf(surface));
  }
}
