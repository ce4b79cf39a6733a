/**
 * What kind of thing a name names, decided by evidence in the text around each
 * mention, never by a list of names: a role or trade before it or an age after it
 * (a person), a speech verb with the name as subject (a person or an
 * organisation, by the shape of the name), an acronym gloss or "-based" (an
 * organisation), "the port of X", a place noun after it or a dateline (a place),
 * a vessel or storm noun around it (another named thing). Each cue is returned
 * with its weight so a type can be explained; the entity index sums them over all
 * mentions and picks the best kind (ties are "other").
 */
import { COMPANY_CUES, COMPASS_POINTS, FINITE_AUXILIARIES, NAME_PARTICLES, ORG_HEADS, PLACE_HEADS, TITLE_HEADS, speechForms } from '../language/lexicon/index.js';
import {
  MAX_PERSON_AGE, MODIFIER_SUFFIXES, NAMING_VERBS, ORG_MODIFIER_SUFFIXES, PERSON_NOUNS, PLACE_NOUNS, PLACE_OF_WORDS, REFERRING_NOUNS, THING_NOUNS, THING_PREFIXES, PLACE_PREFIXES,
  VESSEL_VERBS, type EntityKindName,
} from '../language/lexicon/entity-cues.js';
import { alternation } from '../language/lexicon/pattern.js';
import { lexTags } from '../language/word-tags.js';

/** One piece of evidence for a kind, e.g. { kind: 'person', cue: 'role before: businessman', weight: 3 }. */
export interface TypeCue {
  kind: EntityKindName;
  cue: string;
  weight: number;
}

/** What the caller knows about the name (from a lexicon tagger): it reads as a place, a first name. */
export interface NameShape {
  /** The name's words as written (titles already removed). */
  words: string[];
  /** The tagger knows the name (or its first word) as a place. */
  knownPlace?: boolean;
}

const SPEECH = alternation(speechForms({ roles: ['say', 'allege', 'report'], forms: ['s', 'past'] }));
/** "X said", "X, 48, told", "X also said", "X's spokesman said" is not X speaking. */
const SPEECH_AFTER_RE = new RegExp(`^(?:\\s*\\([^)]{1,40}\\))?\\s+(?:(?:also|then|later|again|further|previously|\\p{Ll}+ly)\\s+)?(?:${SPEECH})\\b`, 'u');
/** "…,” said X" / "says X": the inverted speaker, right after the verb ("told X", "asked X" name the listener). */
const SPEECH_BEFORE_RE = new RegExp(`(?:[,"”'’]\\s*|^\\s*|\\b)(?:${alternation(speechForms({ inverts: true, forms: ['s', 'past'] }))})\\s+$`, 'u');
/** A finite verb turns "X, the river rose" into a clause. */
const FINITE_RE = new RegExp(`\\b(?:${alternation(FINITE_AUXILIARIES)}|\\p{Ll}{2,}ed)\\b`, 'u');
const ACCORDING_RE = /\baccording\s+to\s+(?:the\s+)?$/i;
const VESSEL_VERB_RE = new RegExp(`^\\s+(?:(?:also|then|later|finally|eventually|\\p{Ll}+ly)\\s+)?(?:had\\s+|has\\s+|was\\s+)?(?:${alternation(VESSEL_VERBS)})\\b`, 'u');
const AGE_AFTER_RE = /^\s*,\s*(?:aged\s+)?(\d{1,3})\s*[,)]/;
const MODIFIER_BEFORE_RE = new RegExp(`[\\p{L}.]-(${MODIFIER_SUFFIXES.join('|')})$`, 'u');
const LOWER_WORD_RE = /^[\p{Ll}][\p{L}'’-]*$/u;
const COMPASS = alternation(COMPASS_POINTS);
const DIRECTION_OF_RE = new RegExp(`\\b(?:(?:${COMPASS})(?:-?(?:${COMPASS}))?|${alternation(PLACE_OF_WORDS)})\\s+of\\s+(?:the\\s+)?$`, 'i');
const PLACE_NOUN_OF_RE = new RegExp(`\\b(?:${[...PLACE_NOUNS].join('|')})\\s+of\\s+$`, 'i');
/** A dateline: "SUEZ, Egypt — …", "MAE SAI, Chiang Rai: …", "Mae Sai (AP) — …", "CAIRO (BLOOMBERG) - …". */
const DATELINE_AFTER_RE = /^(,\s*[\p{Lu}][\p{L}.'’ -]{1,30}?)?\s*(\([\p{Lu}][\p{L} .-]{0,30}\)\s*)?(?:[—–:]|-)\s/u;
const PLACE_COMMA_RE = /^,\s+((?:\p{Lu}[\p{L}.'’-]*\s?){1,3})(?=[\s,.;:)—–]|$)/u;

const lowerWordAfter = (rest: string) => /^\s+([\p{Ll}][\p{L}'’-]*)/u.exec(rest)?.[1]?.toLowerCase();

/** The shape of a person's name: a few capitalised words, none an organisation's or a place's head word, no acronym, digit or brand capital. */
export function looksLikePersonName(shape: NameShape): boolean {
  const w = shape.words;
  if (!w.length || w.length > 4 || shape.knownPlace) return false;
  if (w.some((x) => /^\p{Lu}{2,}$/u.test(x.replace(/[.&]/g, '')) || /\d/.test(x))) return false;
  if (w.some((x) => ORG_HEADS.has(x.toLowerCase()) || PLACE_HEADS.has(x.toLowerCase()))) return false;
  // "OceanGate", "VesselFinder": a capital inside a word after three lowercase letters is a brand ("McDonald", "DeSantis" are names).
  if (w.some((x) => /\p{Ll}{3}\p{Lu}/u.test(x) || /['’]s$/.test(x))) return false;
  return w.every((x) => /^\p{Lu}/u.test(x) || NAME_PARTICLES.includes(x));
}

/** The head noun of an apposition ("a U.S.-based company", "the 21-foot tourist submersible"): its last listed noun before a preposition, clause or participle. */
export function appositionHead(apposition: string): string | undefined {
  const words = apposition.replace(/^(?:a|an|the)\s+/i, '').split(/\s+/);
  let head: string | undefined;
  for (const raw of words) {
    const w = raw.toLowerCase().replace(/[^\p{L}'’-]/gu, '');
    if (/^(?:of|in|at|for|with|from|to|on|by|that|which|who|whose|and|or|near|since|carrying|owned|based)$/.test(w)) break;
    if (/ing$/.test(w) && head) break;
    if (PERSON_NOUNS.has(w) || TITLE_HEADS.has(w) || THING_NOUNS[w] || PLACE_NOUNS.has(w) || REFERRING_NOUNS[w] || COMPANY_CUES.includes(w)) head = w;
  }
  return head;
}

/** The kind an apposition's head noun shows, if any. */
export function kindOfNoun(noun: string): EntityKindName | undefined {
  if (THING_NOUNS[noun] && THING_NOUNS[noun] !== 'event') return 'other';
  if (PLACE_NOUNS.has(noun)) return 'place';
  if (COMPANY_CUES.includes(noun) || REFERRING_NOUNS[noun] === 'organization') return 'organization';
  if (PERSON_NOUNS.has(noun) || TITLE_HEADS.has(noun)) return 'person';
  return undefined;
}

/**
 * Can "the <age>-year-old", followed by the text `after`, stand for a person? Not at an age no
 * one reaches, nor when a noun that names no person follows ("the 850-year-old landmark",
 * "the 20-year-old ferry"): then it is that thing's age. "The 79-year-old said", "the
 * 25-year-old coach", "the 25-year-old who …" are a person's.
 */
export function agedPerson(age: number, after: string): boolean {
  if (age > MAX_PERSON_AGE) return false;
  const next = /^\s+([\p{Ll}-]+)/u.exec(after)?.[1];
  if (!next || PERSON_NOUNS.has(next) || TITLE_HEADS.has(next)) return true;
  if (kindOfNoun(next)) return false;
  const tags = lexTags(next);
  return !((tags.has('Noun') || tags.has('Singular') || tags.has('Plural')) && !tags.has('Verb'));
}

/**
 * Evidence about the kind of the name at [start, end) of `text` (one sentence).
 * `sentenceStart` says the name opens its sentence (for datelines).
 */
export function typeCues(text: string, start: number, end: number, shape: NameShape, opts: { sentenceStart?: boolean; inQuote?: boolean; placeAfter?: (name: string) => boolean } = {}): TypeCue[] {
  const out: TypeCue[] = [];
  const add = (kind: EntityKindName, cue: string, weight: number) => out.push({ kind, cue, weight });
  // Cues sit next to the name: the last few words before it keep the end-anchored patterns cheap.
  const before = lastWords(text, start, 5);
  const atStart = start <= 100;
  const restRaw = text.slice(end, end + 200);
  const possessive = /^['’]s?\b/.test(restRaw);
  const rest = restRaw.replace(/^['’]s?\b/, '');
  // "60 Minutes": a name written after a number is a programme's or a work's title; speaking says nothing of its kind.
  const titled = /\d\s+$/.test(text.slice(Math.max(0, start - 6), start));
  const personShaped = looksLikePersonName(shape) && !titled;

  // "Hurricane Laura", "Tropical Storm Fay": the name opens with the kind of thing it is.
  const prefix = shape.words.length > 1 ? THING_PREFIXES[shape.words[0]!.toLowerCase()] : undefined;
  if (prefix) add('other', `${prefix} name`, 6);
  if (shape.words.length > 1 && PLACE_PREFIXES.has(shape.words[0]!.toLowerCase().replace(/\.$/, ''))) add('place', `${shape.words[0]} name`, 3);
  // A role, trade or relation right before the name: "businessman X", "his son X", "the container ship X".
  // The words before the name, last first, split once (end-anchored patterns cost too much per mention).
  const back = before.trimEnd().split(/\s+/).reverse();
  const spaced = before.length > 0 && /\s/.test(before[before.length - 1]!);
  const word = (w: string | undefined) => (w && LOWER_WORD_RE.test(w) ? w.toLowerCase() : undefined);
  const prev = spaced ? word(back[0]) : undefined;
  if (prev) {
    const namedAt = NAMING_VERBS.has(prev) ? 1 : prev === 'the' && NAMING_VERBS.has(back[1] ?? '') ? 2 : 0;
    const named = namedAt > 0;
    const noun = named ? word(back[namedAt]) : prev;
    const kind = noun ? kindOfNoun(noun) : undefined;
    // Titles ("Defense Secretary X") are the entity index's own role evidence; these are the other trades and relations.
    if (noun && kind === 'person' && !named && !TITLE_HEADS.has(noun)) add('person', `role before: ${noun}`, 3);
    else if (noun && kind === 'other') add('other', `${noun} before`, 3);
    else if (noun && kind === 'place' && named) add('place', `${noun} named`, 3);
  }
  // The name in apposition to a noun: "the coach, Ekapol Chanthawong, said", "its subsidiary, SMIT Salvage".
  const nounComma = back[0]?.endsWith(',') ? word(back[0].slice(0, -1)) : undefined;
  if (nounComma) {
    const kind = kindOfNoun(nounComma) ?? kindOfNoun(nounComma.replace(/e?s$/, ''));
    if (kind && kind !== 'place') add(kind, `apposition to: ${nounComma}`, 2);
  }
  // A noun right after: "the Titan submersible", "Mae Sai district" (not after a possessive: "Egypt's port").
  const next = possessive ? undefined : lowerWordAfter(rest);
  if (next) {
    const thing = THING_NOUNS[next];
    if (thing === 'vessel' || thing === 'aircraft' || thing === 'storm') add('other', `${next} after`, 2);
    else if (PLACE_NOUNS.has(next) && !/^\s+\S+\s+of\b/.test(rest)) add('place', `${next} after`, 2);
  }
  // An age in apposition: "X, 48, is …".
  const age = AGE_AFTER_RE.exec(rest);
  if (age && !possessive && Number(age[1]) <= MAX_PERSON_AGE) add('person', 'age after', 3);
  // An apposition: "X, a U.S.-based company", "X, the 21-foot tourist submersible".
  const appo = /^\s*,\s*((?:a|an|the)\s[^,;()—–"“”]{2,120})/.exec(rest)?.[1];
  // "According to X, the river rose …": a clause after an introductory phrase, not an apposition.
  if (appo && !possessive && !ACCORDING_RE.test(before) && !FINITE_RE.test(appo)) {
    const head = appositionHead(appo);
    const kind = head ? kindOfNoun(head) : undefined;
    if (kind && head) add(kind, `apposition: ${head}`, kind === 'person' ? 2 : 4);
  }
  // A speech verb with the name as subject, or inverted after the verb.
  if (!opts.inQuote && !possessive && !titled && (SPEECH_AFTER_RE.test(rest) || (SPEECH_BEFORE_RE.test(before) && /^\s*(?:[,.;]|$|\s+(?:on|in|at|to|who|that|said|told))/.test(rest)))) {
    if (personShaped) add('person', 'speaks', shape.words.length > 1 ? 2 : 1);
    else add('organization', 'speaks', 1);
  }
  if (ACCORDING_RE.test(before)) add(personShaped && shape.words.length > 1 ? 'person' : 'organization', 'according to', personShaped ? 1 : 1.5);
  // "data from X", "a statement from X": a source of information.
  if (/\b(?:data|figures|estimates|statement|report|reports|analysis|survey|study)\s+(?:from|by)\s+(?:the\s+)?$/i.test(before)) add('organization', 'source of data', 1.5);
  // "X reported on its website": the subject's own pronoun in its clause says person or not.
  const clause = possessive ? '' : (/^\s+\p{Ll}[^,;.:!?"“”]{0,60}/u.exec(rest)?.[0] ?? '');
  if (/^\s+\p{Ll}+\b.*\b(?:its|itself)\b/u.test(clause)) add('organization', 'its', 1.5);
  else if (/^\s+\p{Ll}+\b.*\b(?:his|her|himself|herself)\b/u.test(clause)) add('person', 'his/her', 1);
  // "a remotely operated vehicle, or ROV": a name glossing a noun is of the noun's kind.
  const glossed = spaced && back[0] === 'or' ? word(back[1]?.replace(/,$/, '')) : undefined;
  const glossKind = glossed ? kindOfNoun(glossed) : undefined;
  if (glossed && glossKind) add(glossKind, `gloss of: ${glossed}`, 2);
  // An organisation's cues: an acronym gloss "(GAC)" matching its initials, "-based X".
  const gloss = /^\s*\((\p{Lu}{2,6})\)/u.exec(rest)?.[1];
  if (gloss && glosses(gloss, shape.words)) add('organization', `acronym (${gloss})`, 4);
  // "United States-based X", "state-run X" (organisations); "Panama-flagged X" (vessels); "German-born X" says nothing.
  const modifier = spaced && back[0] ? MODIFIER_BEFORE_RE.exec(back[0])?.[1] : undefined;
  if (modifier && ORG_MODIFIER_SUFFIXES.has(modifier)) add('organization', `-${modifier} before`, 3);
  else if (modifier === 'flagged' || modifier === 'registered') add('other', `-${modifier} before`, 1);
  // "two seagoing tugs (Alp Guard and Carlo Magna)": names in brackets after a noun are of its kind.
  const open = before.lastIndexOf('(');
  const inBracket = open >= 0 && !before.includes(')', open) && (open === before.length - 1 || /(?:,|\band)\s+$/.test(before.slice(open)));
  const bracketNoun = inBracket ? word(before.slice(0, open).trimEnd().split(/\s+/).pop()) : undefined;
  if (bracketNoun) {
    const kind = kindOfNoun(bracketNoun) ?? kindOfNoun(bracketNoun.replace(/e?s$/, ''));
    if (kind) add(kind, `in brackets after: ${bracketNoun}`, 2);
  }
  // A vessel's verbs: "the Horizon Arctic docked".
  if (!possessive && VESSEL_VERB_RE.test(rest)) add('other', 'vessel verb', 2);
  // Places: "the port of X", "south of X", "X, Egypt", datelines.
  if (PLACE_NOUN_OF_RE.test(before)) add('place', 'place noun of', 3);
  if (DIRECTION_OF_RE.test(before)) add('place', 'direction of', 2);
  const dl = opts.sentenceStart && shape.words.length <= 3 ? DATELINE_AFTER_RE.exec(restRaw) : null;
  // A bare "Name:" opens a quotation as often as a dateline; it needs a place, an agency or capitals.
  if (dl && (dl[1] || dl[2] || shape.words.every((w) => w === w.toUpperCase()))) add('place', 'dateline', 4);
  // The second half of a dateline: "QUARRY BEND, Orlania — …".
  if (atStart && /^\s*\p{Lu}[\p{Lu}\p{N} .'’-]+,\s*$/u.test(text.slice(0, start)) && /^\s*(?:\([^)]{1,30}\)\s*)?[—–:-]\s/u.test(restRaw)) add('place', 'dateline', 3);
  const comma = possessive ? null : PLACE_COMMA_RE.exec(rest);
  if (comma && opts.placeAfter?.(comma[1]!.trim())) add('place', `, ${comma[1]!.trim()}`, 2);
  return out;
}

/** The text of the last `n` words before `at` (with the space after them). */
function lastWords(text: string, at: number, n: number): string {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  for (let k = 0; k < n && i > 0; k++) {
    while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
    if (k < n - 1) while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  }
  return text.slice(i, at);
}

/** "(GAC)" after "Gulf Agency Company", "(BSM)" after "Bernhard Schulte Shipmanagement": the name's initial, then its letters in order. */
function glosses(acronym: string, words: string[]): boolean {
  const letters = words.join(' ').toUpperCase();
  if (acronym.length < 2 || letters[0] !== acronym[0] || words.length < 2) return false;
  let at = 1;
  for (const ch of acronym.slice(1)) {
    const i = letters.indexOf(ch, at);
    if (i < 0) return false;
    at = i + 1;
  }
  return true;
}
