/**
 * Word tags from compromise's lexicon: first names, places, demonyms, verb forms,
 * organisation and place words. Running compromise's full tagger costs ~70 ms per
 * 1,000 characters; its lexicon answers what entity building needs per word in
 * microseconds. The one place outside tokenize.ts that reads compromise.
 */
import nlp from 'compromise';
import { fold } from './tokenize.js';

interface LexModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords?: Record<string, unknown>; placeWords?: Record<string, unknown> };
}
const MODEL = (nlp as unknown as { model: () => LexModel }).model();
const LEXICON = MODEL.one.lexicon;
const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Verb', 'Gerund', 'Modal', 'Copula', 'Auxiliary', 'Participle', 'PhrasalVerb']);
const FIRST_NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName']);
const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place', 'Address']);

/** Tags of one word (or a multi-word phrase the lexicon knows, e.g. "puerto rico"), with Person/Place/Verb/FirstName added. */
export function lexTags(word: string): Set<string> {
  const w = word.toLowerCase();
  const raw = LEXICON[w] ?? LEXICON[fold(w)];
  const out = new Set<string>(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
  for (const t of [...out]) {
    if (FIRST_NAME_TAGS.has(t)) out.add('FirstName').add('Person');
    if (t === 'LastName' || t === 'Honorific') out.add('Person');
    if (PLACE_TAGS.has(t)) out.add('Place');
    if (VERB_TAGS.has(t)) out.add('Verb');
  }
  return out;
}

/** Words compromise knows to end organisation names ("Airlines", "Institute"). */
export const ORG_WORDS: ReadonlySet<string> = new Set(Object.keys(MODEL.two.orgWords ?? {}));
/** Words compromise knows to end place names ("Street", "Valley"). */
export const PLACE_WORDS: ReadonlySet<string> = new Set(Object.keys(MODEL.two.placeWords ?? {}));

/** A word's part of speech in its sentence, coarse. */
export type WordClass = 'noun' | 'name' | 'verb' | 'adjective' | 'adverb' | 'value' | 'pronoun' | 'other';

/** One word of a short text with its tags in context. */
export interface TaggedWord {
  /** As written (text.slice(start, end)). */
  text: string;
  start: number;
  end: number;
  tags: Set<string>;
  cls: WordClass;
}

interface TermJson {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/**
 * The part of speech of each word of a short text (a question, a claim), read in
 * context by compromise's tagger ("set up their base": set is a verb, base a noun).
 * About 5 ms for a question: for user input, not for corpus sentences.
 */
export function tagWords(text: string): TaggedWord[] {
  const out: TaggedWord[] = [];
  const doc = nlp(text).json({ offset: true }) as { terms: TermJson[] }[];
  for (const s of doc) {
    for (const t of s.terms) {
      if (!t.offset.length || !t.text) continue; // "what's" → what + an implicit "is"
      const tags = new Set(t.tags);
      out.push({ text: text.slice(t.offset.start, t.offset.start + t.offset.length), start: t.offset.start, end: t.offset.start + t.offset.length, tags, cls: classOf(tags) });
    }
  }
  return out;
}

function classOf(tags: Set<string>): WordClass {
  if (tags.has('Pronoun')) return 'pronoun';
  if (tags.has('Value') || tags.has('Date') && tags.has('Value')) return 'value';
  if (tags.has('ProperNoun') && !tags.has('Demonym')) return 'name';
  if (tags.has('Verb') && !tags.has('Copula') && !tags.has('Auxiliary') && !tags.has('Modal')) return 'verb';
  if (tags.has('Adjective') || tags.has('Demonym')) return 'adjective';
  if (tags.has('Adverb')) return 'adverb';
  if (tags.has('Noun')) return 'noun';
  return 'other';
}
