/**
 * The one tokenizer: folded words, search terms and lemmatized tokens with
 * offsets. Lemmas come from a WordNet-based lemmatizer (wink-lemmatizer), with
 * compromise's inflection rules for words WordNet does not list ("signees"), and
 * a small derivation table so a word family meets ("died"/"dead"/"death").
 */
import nlp from 'compromise';
import lemmatizer from 'wink-lemmatizer';
import { COMPOUND_NEGATING_PREFIXES, DERIVATIONS, MONTH_ABBREVIATIONS, OWN_SENSE_FORMS, PHRASAL_NOUN_PARTICLES, SCHEDULE_FRAME_WORDS, STOPWORDS } from './lexicon/index.js';
import { inDictionary } from './wordnet.js';

export { STOPWORDS };

/** Fold accents, case and typographic quotes/dashes: "Velásquez’s" → "velasquez's". */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .toLowerCase();
}

/** Words of a text: folded (letters/digits, inner apostrophes and dots kept out), possessive 's dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of foldedText(text).matchAll(WORD_RE)) {
    const w = wordOf(m[0]);
    if (w) out.push(w);
  }
  return out;
}

/**
 * A word: letters and digits, with inner apostrophes, hyphens and dots ("U.S.", "3.5"). A dot between a digit and a
 * letter joins nothing: it is a sentence's end with its space lost ("… on July 3, 2021.Maxar Technologies", a caption
 * glued to its credit), not one word.
 */
const WORD_RE = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+|(?:(?<=\p{L})\.(?=\p{L})|(?<=\p{N})\.(?=\p{N}))[\p{L}\p{N}]+)*/gu;
/** ASCII but the backtick, which `fold` turns into an apostrophe ("don`t" is one word). */
const ASCII_RE = /^[\x00-\x5f\x61-\x7f]*$/;

/** The text `words` reads: dashes as spaces, then folded. ASCII holds no dash or mark to fold: it is only lower-cased. */
function foldedText(text: string): string {
  return ASCII_RE.test(text) ? text.toLowerCase() : fold(text.replace(/[–—―]/g, ' '));
}

/** One matched (folded) word as `words` gives it: possessive 's, dots and apostrophes dropped ('' when nothing is left). */
function wordOf(m: string): string {
  let w = m.replace(/'s$/, '').replace(/\./g, '');
  if (w.includes("'")) w = w.replace(/'/g, '');
  return w;
}

/**
 * The search key of a folded word: a light suffix stem (plural, -ing, -ed, -ment,
 * -ation) so "strikes" ~ "strike", "deployed" ~ "deploy"; month abbreviations
 * become the month ("Oct. 24" and "October 24" are the same date). The index and
 * every comparison of terms use this key, so it must stay stable between builds.
 */
export function stem(w: string): string {
  const month = MONTH_ABBREVIATIONS[w];
  if (month && w !== 'mar') return month;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.length === 4) return dropE(w);
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ations') && w.length > 8) return w.slice(0, -4); // operations → operat (as operating)
  if (w.endsWith('ation') && w.length > 7) return w.slice(0, -3);
  if (w.endsWith('ments') && w.length > 8) return w.slice(0, -5); // deployments → deploy
  if (w.endsWith('ment') && w.length > 7) return w.slice(0, -4);
  if (w.endsWith('ing') && w.length > 5) return silentE(w.slice(0, -3));
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y'; // replied → reply (as replies → reply)
  if (w.endsWith('eed') && w.length > 4) return w.slice(0, -1); // agreed → agree
  if (w.endsWith('ed') && w.length > 4) return silentE(w.slice(0, -2));
  if (w.endsWith('es') && w.length > 4 && !/(ch|sh|x|ss)es$/.test(w)) return dropE(w.slice(0, -1));
  if (w.endsWith('es') && /(ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return dropE(w.slice(0, -1));
  // A key read again ("flagg", the part of "malta-flagg") keys as its word did: stem(stem(w)) is stem(w).
  if (DOUBLED_RE.test(w)) return undouble(w);
  return dropE(w);
}

/** A doubled final consonant an -ed/-ing suffix may have made ("flagged", "planning"); "ll", "ss", "zz", "ff" are a word's own. */
const DOUBLED_RE = /([b-df-hj-np-tv-z])\1$/;
function undouble(k: string): string {
  return !/(?:ll|ss|zz|ff)$/.test(k) && !isWord(k) && isWord(k.slice(0, -1)) ? k.slice(0, -1) : k;
}

/**
 * "vote"/"voted"/"votes"/"voting" all become "vot": a final silent e is dropped — unless the word without it is a word
 * of its own ("plane" is no "plan", "note" no "not", "quite" no "quit"): then the e stays.
 */
function dropE(w: string): string {
  if (w.length < 4 || !w.endsWith('e') || w.endsWith('ee')) return w;
  const k = w.slice(0, -1);
  return isWord(k) && isWord(w) ? w : k;
}

/**
 * The base of "-ed"/"-ing" as the word's other forms key it. A consonant the suffix doubled is one ("planned" → "plan").
 * A single vowel and consonant before the suffix would have been doubled had the base no e ("hopped"), so where the base
 * with an e is a word, and the one without is too, it is the one with the e ("hoped" → "hope", as dropE keeps "hope";
 * "aided" stays "aid").
 */
function silentE(k: string): string {
  // "planned", "dropped", "committed": the consonant the suffix doubled is one ("plan", "drop", "commit"); "added",
  // "called", "missed" keep theirs.
  if (DOUBLED_RE.test(k)) {
    const u = undouble(k);
    if (u !== k) return u;
  }
  return /[^aeiou][aeiou][^aeiouwxy]$/.test(k) && isWord(k) && isWord(`${k}e`) ? `${k}e` : k;
}

const wordCache = new Map<string, boolean>();
/** A word WordNet lists, in any part of speech ("plan", "hop"), or a stopword ("not"). */
function isWord(w: string): boolean {
  let hit = wordCache.get(w);
  if (hit === undefined) {
    hit = STOPWORDS.has(w) || inDictionary(w);
    if (wordCache.size > 100_000) wordCache.clear();
    wordCache.set(w, hit);
  }
  return hit;
}

/** Content terms of a text: search keys, stopwords removed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const m of foldedText(text).matchAll(WORD_RE)) {
    const raw = m[0];
    let key = termMemo.get(raw);
    if (key === undefined) {
      const w = wordOf(raw);
      key = w && !STOPWORDS.has(w) ? stem(w) : '';
      if (termMemo.size > 200_000) termMemo.clear();
      termMemo.set(raw, key);
    }
    if (key) out.push(key);
  }
  return out;
}

/**
 * The words a search index holds for a text: `words`, and after each hyphenated word its parts ("12-story" is also "12"
 * and "story", "Panama-registered" also "panama" and "registered"), so a question's "stories" or "registered" meets the
 * compound. One function for the index's tokenizer and its term counts, so the two never differ.
 */
export function indexWords(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    out.push(w);
    if (w.includes('-')) out.push(...ownParts(w));
  }
  return out;
}

/** Content terms of a text as the search index counts them: `terms` with the parts of hyphenated words (`indexWords`). */
export function indexTerms(text: string): string[] {
  const all = terms(text);
  if (!all.some((t) => t.includes('-'))) return all;
  return [...all, ...all.filter((t) => t.includes('-')).flatMap((t) => terms(ownParts(t).join(' ')))];
}

/**
 * The parts of a hyphenated word that are words of their own: all of them ("12-story", "storm-damaged", "burned-out"),
 * but none of a noun made of a verb and its particle ("check-in", "lay-off", "cover-up"): a check-in is no check.
 */
function ownParts(w: string): string[] {
  const parts = w.split('-').filter(Boolean);
  if (parts.length === 2 && PHRASAL_NOUN_PARTICLES.has(parts[1]!) && !/(?:ed|en|ing)$/.test(parts[0]!)) return [];
  return parts;
}


/**
 * A matched word's search key ('' for a stopword or no word): a function of the word alone, so it is worked out once
 * per word, not once per sentence that writes it — every command tokenises the same sentences again. Bounded by the
 * vocabulary (cleared past 200,000 words, as the lemma cache is).
 */
const termMemo = new Map<string, string>();

// ---------------------------------------------------------------------------
// Lemmas

const transform = (nlp as unknown as { methods: () => { two: { transform: Transform } } }).methods().two.transform;
const compromiseModel = (nlp as unknown as { model: () => unknown }).model();
interface Transform {
  verb: { toInfinitive: (w: string, model: unknown) => string; conjugate: (w: string, model: unknown) => Record<string, string> };
  noun: { toSingular: (w: string, model: unknown) => string };
}

const lemmaCache = new Map<string, string>();

/**
 * The dictionary form of a folded word: "ran" → "run", "denies" → "deny",
 * "signees" → "signee", "children" → "child". A verb reading wins over a noun
 * reading ("leaves" → "leave"), which wins over an adjective one.
 */
export function lemma(word: string): string {
  const w = word.toLowerCase();
  const hit = lemmaCache.get(w);
  if (hit !== undefined) return hit;
  let out = w;
  if (/^\p{L}[\p{L}'-]*$/u.test(w) && w.length > 2 && !OWN_SENSE_FORMS.has(w)) {
    const verb = lemmatizer.verb(w);
    const noun = verb === w ? lemmatizer.noun(w) : w;
    const adjective = verb === w && noun === w ? lemmatizer.adjective(w) : w;
    out = verb !== w ? verb : noun !== w ? noun : adjective;
    // Words WordNet does not list ("signees", "tweeted"): compromise's inflection rules.
    if (out === w && /(?:s|ed|ing)$/.test(w) && !/(?:ss|us|is)$/.test(w)) {
      const rule = /s$/.test(w) ? transform.noun.toSingular(w, compromiseModel) : transform.verb.toInfinitive(w, compromiseModel);
      if (rule && rule.length >= 3 && rule !== w) out = rule;
    }
  }
  if (lemmaCache.size > 200_000) lemmaCache.clear();
  lemmaCache.set(w, out);
  return out;
}

/** The inflected forms of a verb lemma ("find" → find, finds, found, finding), from compromise's conjugator. */
export function verbForms(verb: string): string[] {
  const forms = transform.verb.conjugate(verb, compromiseModel);
  return [...new Set([verb, ...Object.entries(forms).filter(([k]) => k !== 'FutureTense').map(([, f]) => f)])];
}

/** The root of a lemma's word family ("death" → "die", "signatory" → "sign"); the lemma itself when it has none. */
export function root(lem: string): string {
  return DERIVATIONS[lem] ?? lem;
}

/** One token of a text, with where it stands and how it is written. */
export interface Token {
  /** As written. */
  surface: string;
  /** Folded (accents, case, typographic apostrophes), possessive 's dropped. */
  norm: string;
  /** Dictionary form of `norm`. */
  lemma: string;
  /** Offsets in the text: text.slice(start, end) === surface. */
  start: number;
  end: number;
  /** First letter upper case ("Maduro"). */
  capitalized: boolean;
  /** Every letter upper case, at least two of them ("NATO"). */
  allCaps: boolean;
}

/** As WORD_RE, with the typographic apostrophe. */
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+|(?:(?<=\p{L})\.(?=\p{L})|(?<=\p{N})\.(?=\p{N}))[\p{L}\p{N}]+)*/gu;

/** The tokens of a text, with lemmas and offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const surface = m[0];
    const norm = fold(surface).replace(/'s$/, '').replace(/\./g, '');
    const letters = surface.replace(/[^\p{L}]/gu, '');
    out.push({
      surface,
      norm,
      lemma: lemma(norm),
      start: m.index!,
      end: m.index! + surface.length,
      capitalized: /^\p{Lu}/u.test(surface),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    });
  }
  return out;
}

/** Lemmas of a text's content words (stopwords out). */
export function lemmas(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(lemma);
}

const TURNING_PREFIXES: ReadonlySet<string> = new Set(COMPOUND_NEGATING_PREFIXES);

/**
 * The words a hyphenated compound says of its own ("burned-out" says "burned" and "out", "storm-damaged" says
 * "damaged"): lower case, as written. None for a word without a hyphen, or a compound that opens with a prefix that
 * turns the rest round or sets it in the past ("non-fatal", "ex-minister": lexicon COMPOUND_NEGATING_PREFIXES).
 */
export function compoundParts(word: string): string[] {
  if (!word.includes('-')) return [];
  const parts = word.toLowerCase().split('-').filter(Boolean);
  if (parts.length < 2 || TURNING_PREFIXES.has(parts[0]!)) return [];
  return parts;
}

const SCHEDULE_FRAME_RE = new RegExp(`\\b(?:is|are|was|were|be|been|being)\\s+(?:${SCHEDULE_FRAME_WORDS.join('|')})\\s+to\\s+(?!(?:the|a|an|this|that|his|her|its|their)\\b)(?=\\p{L})`, 'giu');

/** A schedule written "was set to reopen" / "is slated to open" as "will reopen" / "will open" (SCHEDULE_FRAME_WORDS). */
export function scheduleAsWill(text: string): string {
  return text.replace(SCHEDULE_FRAME_RE, 'will ');
}
