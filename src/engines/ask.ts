/**
 * /ask, offline first: extractive, grounded answers. The answer is made of the
 * corpus's own sentences, quoted and cited. A question is answered only when its
 * distinctive terms are supported together in the articles; otherwise the reply
 * says plainly that the articles do not answer it, and what was searched.
 */
import type { Deps } from '../deps.js';
import { analysisOf } from '../analysis/index.js';
import { isStoreUnavailableError } from '../store/index.js';
import type { Answer, AnswerBlock, Article, Sentence } from '../types.js';
import { QUERY_SYNONYMS as SYNONYMS } from '../language/synonyms.js';
import {
  AMBIGUOUS_MONTHS, ATTRIBUTION_PHRASES, MONTHS, MONTH_PATTERN, NOT_NAME_WORDS, NUMBER_WORDS, QUESTION_NOISE as QUESTION_WORDS, REFERRING_WORDS,
  RELATIVE_TIME_PATTERN, SCALES, SENTENCE_OPENERS, SPEECH_QUESTION_VERBS, TITLE_WORDS, VAGUE_AMOUNTS, WEEKDAYS, alternation, speechForms, wordRe,
  NON_NAME_CAPITALS, ORDINAL_WORDS, SUBJECT_PRONOUNS, THIRD_PERSON_PRONOUNS,
} from '../language/lexicon/index.js';
import { AUXILIARIES, COUNT_QUESTION_VERBS, PEOPLE_WORDS, DEMONYM_SUFFIXES, FIGURE_NOUNS, NAME_PARTICLES, QUALIFIERS } from '../language/lexicon/index.js';
import { STOPWORDS, fold, lemma, stem, terms, words } from '../language/tokenize.js';
import { PRONOUNS } from '../language/lexicon/entity-cues.js';
import { genderOf } from '../analysis/references.js';
import { keyOf, type Entity } from '../index/entities.js';
import { expandQuery } from '../analysis/relations.js';
import { createCiter } from './cite.js';
import { formatDate, parseYmd, weekdayOf } from '../index/dates.js';
import { dateMentionsIn } from '../evidence/date-mentions.js';
import { figureAnswer } from './figure-slots.js';
import { evidenceAnswer } from './ask-evidence.js';
import { parseQuestion } from '../evidence/question.js';
import { elementsOf } from '../evidence/retrieve.js';
import { aboutEntity, entityIndexOf, lookupEntity } from './who.js';
import { lexTags } from '../language/word-tags.js';
import { isPersonNoun } from '../language/wordnet.js';
import { COPULAS } from '../language/lexicon/states.js';
import { modelFallbackNote, type LlmFailure, type LlmPassage } from '../llm/types.js';
import { askAnswer, capitalize, questionTitle, quotedList } from './phrasing.js';

export type QuestionType = 'number' | 'date' | 'person' | 'quote' | 'place' | 'reason' | 'general';

/** One remembered turn of a conversation. */
export interface Turn {
  question: string;
  /** The question as understood (after resolving the follow-up). */
  resolved: string;
  answer: string;
  names: string[];
  /** The people a follow-up's "he" or "she" most likely means, likeliest first, with the gender the articles show. */
  people?: { name: string; gender?: 'male' | 'female' }[];
  /** It asked for a person and the answer is about one it does not name ("a former SEAL … died"). */
  unnamed?: boolean;
  /** It asked for a person and the articles do not say who: a follow-up's "he" or "she" means no one they name. */
  unknownPerson?: boolean;
  /** The sentences its answer quoted first: a follow-up about the same thing is looked for right after them. */
  cited?: string[];
  at: number;
}

export interface AskOptions {
  session?: string;
}

/** The auxiliary "do" that carries a question's tense: after it, the question word is no subject. */
const DO_SUPPORT: ReadonlySet<string> = new Set(['did', 'does', 'do']);

/** Words that make a question but say nothing about what it is about. */
const QUESTION_NOISE = new Set(QUESTION_WORDS.map(stem));

const PRONOUN_RE = wordRe(REFERRING_WORDS);
/** "What did X say/tell/deny …?": the verbs a question about someone's words uses. */
const SPEECH_QUESTION_FORMS = speechForms({ lemmas: SPEECH_QUESTION_VERBS, forms: ['base', 's', 'past'] });
const SPEECH_QUESTION_RE = wordRe(SPEECH_QUESTION_FORMS, '');
const ASKED_SPEAKER_RE = new RegExp(`^\\s*(?:what|how)\\s+(?:did|does|has|have|do)\\s+(?:the\\s+)?(.+?)\\s+(?:${alternation(SPEECH_QUESTION_FORMS)})\\b`, 'i');
const ELLIPTIC_RE = /^\s*(?:and|but|also|what about|how about|and what about|same for|what of)\b\s*(.*?)[?.!]*\s*$/i;

/** Classify what kind of answer a question wants. */
export function questionType(q: string): QuestionType {
  const s = q.toLowerCase();
  if (/\bhow (many|much)\b|\bwhat (number|amount|percentage|share)\b|\bhow large|\bhow big/.test(s)) return 'number';
  if (/^\s*when\b|\bwhat (date|day|time|year|month)\b|\bsince when\b|\bhow long ago\b/.test(s)) return 'date';
  if (SPEECH_QUESTION_RE.test(s) && /^\s*(what|how|did|has|have)\b/.test(s)) return 'quote';
  if (/^\s*who\b|\bwhich (person|people|official|officials|leader|minister)\b/.test(s)) return 'person';
  if (/^\s*where\b/.test(s)) return 'place';
  if (/^\s*why\b|\bwhat (caused|led to|is the reason)\b/.test(s)) return 'reason';
  return 'general';
}

const PROPER_NAME_RE = new RegExp(`\\b(\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+(?:(?:${alternation(NAME_PARTICLES)}|\\p{Lu}\\.)[ \\t]+)?\\p{Lu}[\\p{L}'’-]*)*)`, 'gu');

/** Proper names in a text: capitalised word runs not at a sentence start unless multi-word. */
export function properNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PROPER_NAME_RE)) {
    let name = m[1]!.replace(/['’]s$/, '').replace(/[.]$/, '');
    const first = name.split(/\s+/)[0]!.toLowerCase();
    if (STOPWORDS.has(first)) {
      name = name.split(/\s+/).slice(1).join(' ');
    }
    if (name.length >= 2) out.push(name);
  }
  return out;
}

const STOP_NAME = NON_NAME_CAPITALS;
/** A nationality word ("Venezuelan", "Japanese"): no name to ask about on its own. */
const DEMONYM_RE = new RegExp(`(?:${DEMONYM_SUFFIXES.join('|')})$`);
/** "That number", "the toll": a sentence that goes on about the figure just given. */
const FIGURE_ANAPHORA_RE = new RegExp(`^(that|this|the) (${FIGURE_NOUNS.join('|')})\\b`, 'i');
const REFERS_BACK_RE = wordRe(THIRD_PERSON_PRONOUNS);
const THIRD_PERSON_SUBJECTS: ReadonlySet<string> = new Set(THIRD_PERSON_PRONOUNS.filter((p) => SUBJECT_PRONOUNS.includes(p)));

/** The longest interpreted question: the input limit (MAX_INPUT_CHARS), however long a chain of follow-ups runs. */
const MAX_RESOLVED_CHARS = 1000;

/**
 * Resolve a follow-up against the previous turn: elliptical "And China?" reuses the
 * previous question with the new name; pronouns pull in the previous turn's names.
 * A question that names its own subject and has no pronoun stands alone.
 */
export function resolveFollowUp(question: string, prev: Turn | undefined): FollowUp {
  const r = interpretFollowUp(question, prev);
  if (r.resolved.length <= MAX_RESOLVED_CHARS || !prev) return r;
  // Each turn builds on the last interpretation: keep the follow-up's own words after as much of the previous one as fits.
  const own = question.trim().slice(0, MAX_RESOLVED_CHARS);
  const room = MAX_RESOLVED_CHARS - own.length - 1;
  const head = prev.resolved.length <= room ? prev.resolved : room > 0 ? prev.resolved.slice(0, room + 1).replace(/\s*\S*$/, '') : '';
  return { ...r, resolved: head ? `${head} ${own}` : own };
}

/** A question read against the conversation. */
interface FollowUp {
  resolved: string;
  isFollowUp: boolean;
  context: string[];
  /** The personal pronoun that can only mean the unknown answer of the previous question ("he" after an unanswered "who …"). */
  noReferent?: string;
  /** It asks on about what the previous question asked ("why?", "is it dangerous?"), not about something new. */
  continues?: boolean;
}

/** The counted noun of a count question ("how many minnows were killed": "minnows"), up to three words before its verb. */
const COUNTED_NOUN_RE = new RegExp(`^(\\s*(?:and\\s+)?how many\\s+)((?:[a-z][\\w-]*\\s+){0,2}?[a-z][\\w-]*)(?=\\s+(?:${COUNT_QUESTION_VERBS.join('|')})\\b)`, 'i');
/** A common noun phrase ending in a plural ("other animals", "the schools"): what an elliptical follow-up may count instead. */
const PLURAL_PHRASE_RE = /^(?:(?:the|any)\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s$/;

function interpretFollowUp(question: string, prev: Turn | undefined): FollowUp {
  if (!prev) return { resolved: question, isFollowUp: false, context: [] };
  // A bare question word ("When?", "Why?", "How many?") asks it of the previous question's subject.
  const bare = question.match(/^\s*(?:and\s+)?(when|where|why|how many|how much|how|who)\s*\??\s*$/i);
  if (bare) {
    const asked = `${bare[1]![0]!.toUpperCase()}${bare[1]!.slice(1).toLowerCase()}`;
    const own = askedOfSubject(asked, prev);
    if (own) return { resolved: own, isFollowUp: true, context: [], continues: true };
    const rest = prev.resolved.replace(/^\s*(?:what|which|who|whom|when|where|why|how(?: many| much)?)\b\s*(?:did|does|do|is|are|was|were|has|have)?\s*/i, '');
    return { resolved: `${asked} ${rest}`, isFollowUp: true, context: [], continues: true };
  }
  let ell = question.match(ELLIPTIC_RE);
  // "And how many troops?" is a new question, not a new name for the old one.
  if (ell?.[1] && /^(?:what|which|who|whom|when|where|why|how|did|does|do|is|are|was|were)\b/i.test(ell[1])) {
    question = ell[1];
    ell = null;
    // It names what it asks about ("how many troops"): a new question unless it points back.
    if (!PRONOUN_RE.test(question) && terms(question).some((t) => !QUESTION_NOISE.has(t))) {
      return { resolved: question, isFollowUp: true, context: [] };
    }
  }
  if (ell && ell[1] && ell[1].split(/\s+/).length <= 5) {
    const newName = ell[1].trim();
    // "When did the first boy come out?" + "And the second one?": the same question of the second.
    const ordinal = new RegExp(`^(?:the\\s+)?(${ORDINAL_WORDS.join('|')})(?:\\s+(\\p{L}+))?$`, 'iu').exec(newName);
    const prevOrdinal = new RegExp(`\\b(${ORDINAL_WORDS.join('|')})\\b(?:\\s+(\\p{L}+))?`, 'iu').exec(prev.resolved);
    if (ordinal && prevOrdinal) {
      const noun = ordinal[2] && ordinal[2].toLowerCase() !== 'one' ? ordinal[2] : prevOrdinal[2];
      const swapped = `${ordinal[1]!.toLowerCase()}${noun ? ` ${noun}` : ''}`;
      return { resolved: prev.resolved.replace(prevOrdinal[0], swapped), isFollowUp: true, context: [] };
    }
    // "Who was the youngest victim?" + "And the oldest?": the same question of the other extreme.
    const superlative = (w: string) => /est$/i.test(w) && lemma(fold(w)) !== fold(w);
    const extreme = /^(?:the\s+)?(\p{L}+)(?:\s+(?:one|ones))?$/iu.exec(newName);
    const prevExtreme = [...prev.resolved.matchAll(/\p{L}+/gu)].find((m) => superlative(m[0]));
    if (extreme && superlative(extreme[1]!) && prevExtreme) {
      return { resolved: `${prev.resolved.slice(0, prevExtreme.index)}${extreme[1]!.toLowerCase()}${prev.resolved.slice(prevExtreme.index! + prevExtreme[0].length)}`, isFollowUp: true, context: [] };
    }
    // "How many minnows were killed?" + "And other animals?": the same count of the things it names instead.
    const counted = COUNTED_NOUN_RE.exec(prev.resolved);
    if (counted && PLURAL_PHRASE_RE.test(newName) && !properNames(newName).length) {
      return { resolved: prev.resolved.replace(counted[0], () => `${counted[1]}${newName.replace(/^(?:the|any)\s+/i, '')}`), isFollowUp: true, context: [] };
    }
    const prevNames = properNames(prev.resolved).filter((n) => !STOP_NAME.has(n.toLowerCase()));
    // "What did China say about Venezuela?" + "And Russia?" asks what Russia said: swap the speaker.
    const prevSpeaker = prev.resolved.match(ASKED_SPEAKER_RE)?.[1];
    const target = prevSpeaker && properNames(prevSpeaker).length ? prevSpeaker : prevNames[prevNames.length - 1];
    if (target) {
      // A replacer function: the user's words are text, never a replacement pattern ("and $&?" stays "$&").
      return { resolved: prev.resolved.replace(target, () => newName), isFollowUp: true, context: [] };
    }
    // Typed in lower case ("when did trump visit" + "and buttigieg?"), the name is found by the names the turn was about,
    // and the new one, standing in a name's place, is written as a name ("united" is United, not the word).
    const typed = writtenName(prev.resolved, prev.names);
    if (typed && !newName.split(/\s+/).some((w) => STOPWORDS.has(w.toLowerCase()))) {
      const asName = newName.replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
      return { resolved: prev.resolved.replace(typed, () => asName), isFollowUp: true, context: [] };
    }
    // "What happened? the strikes" + "And the boats?" asks what happened to the boats: replace the earlier addition, not add to it.
    return { resolved: `${prev.resolved.replace(/\?\s.*$/s, '?')} ${newName}`, isFollowUp: true, context: [] };
  }
  const ownNames = properNames(question).filter((n) => !STOP_NAME.has(n.toLowerCase()));
  const counted = ownNames.length ? undefined : countedOf(question, prev);
  if (counted) return { resolved: counted, isFollowUp: true, context: [], continues: true };
  const hasPronoun = PRONOUN_RE.test(question);
  const contentTerms = terms(question).filter((t) => !QUESTION_NOISE.has(t));
  if (hasPronoun || contentTerms.length === 0 || (ownNames.length === 0 && contentTerms.length <= 1)) {
    // "who gave tips on saving oxygen" went unanswered, then "where does he work": he is whoever the articles did not name.
    const pronoun = words(question).find((w) => PRONOUNS[w]?.animacy === 'person' && PRONOUNS[w]?.number === 'singular');
    if (pronoun && prev.unknownPerson && !prev.people?.length && ownNames.length === 0) return { resolved: question, isFollowUp: true, context: [], noReferent: pronoun };
    const meant = personsMeant(question, prev);
    // The previous answer is about someone it does not name ("a former SEAL … died"): no other person of the conversation is meant.
    if (meant === null) return { resolved: question, isFollowUp: true, context: [] };
    // "What happened to him?": a pronoun that can only mean a person carries the people it can mean, not the places or
    // organisations the last turn named (they would rank sentences about Maui above those about him). A thing or group
    // pronoun ("it", "they") beside it, or no person found, keeps the turn's names.
    const cues = words(question).map((w) => PRONOUNS[w]).filter((c) => !!c);
    const personOnly = meant.length > 0 && cues.length > 0 && cues.every((c) => c.animacy === 'person');
    const carry = [...meant, ...(personOnly ? [] : prev.names)].filter((n, i, all) => all.indexOf(n) === i && !ownNames.some((o) => fold(o) === fold(n))).slice(0, 3);
    if (carry.length) return { resolved: `${question} (${carry.join(', ')})`, isFollowUp: true, context: carry, continues: hasPronoun };
  }
  return { resolved: question, isFollowUp: false, context: [] };
}

/** "how many people refused to evacuate": a count whose noun is its clause's subject, then the verb and the rest. */
const COUNTED_SUBJECT_RE = /^\s*(?:and\s+)?how\s+many\s+([\p{L}'’-]+)\s+([\p{L}'’-]+)\b\s*(.*?)[?.!\s]*$/iu;
/** The plural pronouns that stand for a noun phrase as a whole, subject or object ("they", "them"). */
const PLURAL_STANDS_RE = /\b(?:they|them)\b/i;

/**
 * "How many people refused to evacuate?" then "What could happen to them?": "them" are the things counted, as the count
 * question described them — "what could happen to the people who refused to evacuate". Only when the counted noun is
 * its clause's subject (the next word a verb, no auxiliary: "how many boats did the navy send" describes no subject).
 */
function countedOf(question: string, prev: Turn): string | undefined {
  if (!PLURAL_STANDS_RE.test(question)) return undefined;
  const m = COUNTED_SUBJECT_RE.exec(prev.resolved);
  if (!m) return undefined;
  const [, noun, verb, rest] = m as unknown as [string, string, string, string];
  const v = fold(verb);
  if (DO_SUPPORT.has(v) || AUXILIARIES.includes(v) || COPULAS.includes(v)) return undefined;
  const tags = lexTags(v);
  if (lemma(v) === v && !tags.has('Verb') && !tags.has('PastTense')) return undefined;
  const who = PEOPLE_WORDS.has(fold(noun)) || isPersonNoun(lemma(fold(noun))) ? 'who' : 'that';
  return question.replace(PLURAL_STANDS_RE, () => `the ${noun} ${who} ${verb}${rest ? ` ${rest}` : ''}`);
}

/** "who said …", "who was arrested", "what caused …": a question word that is its clause's subject, then the verb. */
const SUBJECT_ASKED_RE = /^\s*(?:and\s+)?(who|what)\s+([\p{L}'’-]+)\b\s*(.*)$/iu;

/**
 * "Who said the burn wasn't needed?" then "Why?": the question word asked the previous question's subject, so the bare
 * one asks it of the clause with that subject said — the person the answer named, else "they" ("it" for "what") — and
 * the verb given its auxiliary: "Why did <Jane Roe> say the burn wasn't needed", "Why was <Jane Roe> arrested". Only "when",
 * "where", "why" and "how": "how many?" or "who?" ask the subject itself. Undefined when the previous question's
 * question word is no subject ("who did the county sue", "what did they find").
 */
function askedOfSubject(asked: string, prev: Turn): string | undefined {
  if (!/^(?:when|where|why|how)$/i.test(asked)) return undefined;
  const m = SUBJECT_ASKED_RE.exec(prev.resolved);
  if (!m) return undefined;
  const [, wh, verb, rest] = m as unknown as [string, string, string, string];
  const v = fold(verb);
  if (DO_SUPPORT.has(v)) return undefined;
  const subject = wh.toLowerCase() === 'what' ? 'it' : (prev.people?.[0]?.name ?? 'they');
  const tail = rest.replace(/[?.!\s]+$/, '');
  // "who was arrested" asks the subject; "what is the toll" asks the complement ("it" is no subject there).
  if (AUXILIARIES.includes(v)) return wh.toLowerCase() === 'who' ? `${asked} ${verb} ${subject}${tail ? ` ${tail}` : ''}?` : undefined;
  const base = lemma(v);
  const tags = lexTags(v);
  if (base === v && !tags.has('Verb') && !tags.has('PastTense')) return undefined;
  // "says" → "does … say"; "said", "decided" → "did … say/decide".
  const aux = base !== v && /s$/.test(v) && !tags.has('PastTense') ? 'does' : base === v && !tags.has('PastTense') ? 'do' : 'did';
  return `${asked} ${aux} ${subject} ${base}${tail ? ` ${tail}` : ''}?`;
}

/**
 * Where a question writes one of `names` (the names its turn was about), in any case: the longest run of that name's words
 * as written ("trump" for Donald Trump, "norfolk southern" for Norfolk Southern Corp.), the first name's first.
 */
function writtenName(text: string, names: readonly string[]): string | undefined {
  // A subject the turn was about may be a noun ("flights"): only names, written with a capital, are looked for.
  for (const name of names.filter((n) => /^\p{Lu}/u.test(n))) {
    const parts = words(name).map((w) => fold(w)).filter((w) => w.length >= 3 && !STOP_NAME.has(w));
    if (!parts.length) continue;
    const alt = alternation(parts);
    const runs = [...text.matchAll(new RegExp(`\\b(?:${alt})(?:\\s+(?:${alt}))*\\b`, 'giu'))].map((m) => m[0]);
    const best = runs.sort((a, b) => b.length - a.length)[0];
    if (best) return best;
  }
  return undefined;
}

/**
 * "How did he die?", "where did she speak?": the people of the previous turn a personal pronoun can mean,
 * of its gender where the articles tell it (a person of the other gender is never meant), likeliest first.
 */
function personsMeant(question: string, prev: Turn): string[] | null {
  const cues = words(question).map((w) => PRONOUNS[w]).filter((c): c is NonNullable<typeof c> => !!c && c.animacy === 'person' && c.number === 'singular');
  if (!cues.length) return [];
  if (prev.unnamed) return null;
  if (!prev.people?.length) return [];
  const gender = cues[0]!.gender;
  return prev.people.filter((p) => !gender || !p.gender || p.gender === gender).map((p) => p.name);
}

/**
 * The people a follow-up's pronoun can mean after `answer`, likeliest first: the one its short answer names; then,
 * when the question asked for a person ("who runs it?", "did someone die?"), the people its first quote names or
 * refers to ("he scrawled a note" is the coach), then those the question named; else the question's named people
 * first; then the rest of the conversation's subjects.
 */
function peopleOf(deps: Deps, resolved: string, answer: Answer, subjects: string[]): Pick<Turn, 'people' | 'unnamed' | 'unknownPerson'> {
  const analysis = analysisOf(deps);
  const index = analysis.entities;
  const persons = index.entities.filter((e) => e.kind === 'person');
  const byId = new Map(persons.map((e) => [e.id, e]));
  const shortPeople: Entity[] = [];
  let quotePeople: Entity[] = [];
  if (answer.answered) {
    const short = answer.short ? ` ${keyOf(answer.short.text)} ` : '';
    if (short.trim()) for (const e of persons) if (e.keys.some((k) => k.includes(' ') && short.includes(` ${k} `))) shortPeople.push(e);
    const ids = answer.citations[0]?.sentenceIds ?? [];
    const order = (sid: string, at: number) => ids.indexOf(sid) * 100_000 + at;
    const seen = [
      ...persons.flatMap((e) => e.mentions.filter((m) => ids.includes(m.sentence.id)).map((m) => ({ e, at: order(m.sentence.id, m.start) }))),
      ...analysis.references.filter((r) => ids.includes(r.sentenceId) && byId.has(r.entity)).map((r) => ({ e: byId.get(r.entity)!, at: order(r.sentenceId, r.start) })),
    ].sort((a, b) => a.at - b.at);
    quotePeople = seen.map((x) => x.e);
  }
  const asked: Entity[] = [];
  for (const n of subjects) for (const e of index.byKey.get(keyOf(n)) ?? lookupEntity(index, n).matches) if (e.kind === 'person' && !asked.includes(e)) asked.push(e);
  const q = ` ${keyOf(resolved)} `;
  // The people the question names, or describes with a noun ("to the coach" → the coach the articles name).
  const named = asked.filter((e) => e.keys.some((k) => q.includes(` ${k} `)));
  const parsed = parseQuestion(deps, resolved);
  for (const f of parsed.entities) for (const e of f.entities.slice(0, 1)) if (e.kind === 'person' && !named.includes(e)) named.push(e);
  for (const el of elementsOf(deps, parsed)) {
    if (!el.described || !['topic', 'addressee', 'head'].includes(el.role)) continue;
    const described = [...el.described].map((id) => byId.get(id)).filter((e): e is Entity => !!e).sort((a, b) => b.mentions.length - a.mentions.length);
    if (described[0] && !named.includes(described[0])) named.push(described[0]);
  }
  const asksWho = PERSON_ASKED_RE.test(resolved);
  const order = asksWho ? [...shortPeople, ...quotePeople, ...named, ...asked] : [...shortPeople, ...named, ...quotePeople, ...asked];
  const people = [...new Set(order)].slice(0, 4).map((e) => ({ name: e.name, ...(genderOf(e) ? { gender: genderOf(e)! } : {}) }));
  // It asked for a person and the answer names none: a follow-up's "he" is that unnamed person, no one else.
  if (asksWho && !answer.answered) return { people, unknownPerson: true };
  return { people, ...(asksWho && answer.answered && !shortPeople.length && !quotePeople.length ? { unnamed: true } : {}) };
}

/** A question whose answer is a person: "who …", "which minister …", "did someone/anyone …". */
const PERSON_ASKED_RE = /^\s*(?:and\s+)?(?:who|whom)\b|\b(?:someone|anyone|somebody|anybody|who)\b/i;

// --- term support -----------------------------------------------------------

/** Map a question term to the corpus term it means: itself, or a close spelling (typos, transliterations). */
function correctTerm(deps: Deps, t: string): string {
  return deps.index.correct(t);
}

const NUMBER_RE = new RegExp(`(?:\\$\\s?)?\\b\\d|\\b(?:${alternation([...Object.keys(NUMBER_WORDS), ...VAGUE_AMOUNTS])})\\b`, 'i');
const DATE_RE = new RegExp(
  [
    `\\b${MONTH_PATTERN}\\.?(?:\\s+\\d{1,2})?\\b`,
    `\\b(?:${WEEKDAYS.join('|')})\\b`,
    '\\b(?:19|20)\\d{2}\\b',
    `\\b${RELATIVE_TIME_PATTERN}\\b`,
    '\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b',
  ].join('|'),
  'i',
);
const QUOTE_RE = /["“”]/;
/** Sentences that report speech: the say/allege/deny verbs (third person and past), "stating", "according to". */
const SPEECH_RE = wordRe([...speechForms({ roles: ['say', 'allege', 'deny'], forms: ['s', 'past'] }), 'stating', ...ATTRIBUTION_PHRASES]);

/** A candidate sentence of the extractive answer. */
export interface Scored {
  s: Sentence;
  score: number;
  covered: Set<string>;
  article: Article;
}

/** The offline engine: find, rank and quote the sentences that answer `question`. */
export async function ask(deps: Deps, question: string, opts: AskOptions = {}): Promise<Answer> {
  const notes: string[] = [];
  const sessionKey = opts.session ? `session:${opts.session}` : undefined;
  let history: Turn[] = [];
  if (sessionKey) {
    try {
      history = (await deps.store.get<Turn[]>(sessionKey)) ?? [];
    } catch (err) {
      if (!isStoreUnavailableError(err)) throw err;
      notes.push('Conversation memory is unavailable right now, so this question was answered on its own.');
      deps.log.warn({ err: (err as Error).message }, 'session read failed');
    }
  }
  const prev = history[history.length - 1];
  const recent = prev && deps.clock().getTime() - prev.at < deps.config.SESSION_TTL_MINUTES * 60_000 ? prev : undefined;
  const { resolved, isFollowUp, context, noReferent, continues } = resolveFollowUp(question, recent);
  // A stored turn is read back as it was written, or as a broken store gives it: only sentence ids are followed.
  const follows = continues && Array.isArray(recent?.cited) ? recent.cited.filter((x): x is string => typeof x === 'string') : [];
  if (noReferent) {
    // Nothing to look up: any answer would be about someone the user never meant.
    const answer = refusal(question, `I can't tell who “${noReferent}” is: the articles didn't answer your last question (“${recent!.question.trim()}”), so there is no one for “${noReferent}” to mean. Ask again with the person's name.`, []);
    answer.meta = { resolvedQuestion: resolved };
    if (notes.length) answer.notes = notes;
    await remember(deps, sessionKey, history, { question, resolved, answer: answer.blocks[0]!.text, names: [], at: deps.clock().getTime() }, answer, notes.length > 0);
    return answer;
  }
  // Carried names (who "he" is) help rank, but the follow-up's own words decide answerability.
  // "How old is X?", "How far/fast/heavy …?": the figure of that kind, read once for every command. A count
  // ("how many …") is answered so only when the sentences do not answer it: they show its changes and rival figures.
  // "Who's the coach?" then "How old is he?": he is whom the previous question asked about.
  const askedAbout = /^\s*who(?:['’]s|\s+is|\s+was)\s+(.+?)[?.!]*$/i.exec(recent?.resolved ?? '')?.[1];
  const slot = figureAnswer(deps, context.length ? question : resolved, askedAbout ? [askedAbout] : context);
  // Everything else: the evidence core (src/evidence/) — parsed once, retrieved, decided by structure, stated short first.
  let answer = slot && slot.meta?.figureSlot !== 'count' ? slot : context.length ? evidenceAnswer(deps, question, context, true, follows) : evidenceAnswer(deps, resolved, [], true, follows);
  if (!answer.answered && slot) answer = slot;
  if (answer === slot) {
    const cited = slot.citations.flatMap((c) => (c.sentenceIds ?? []).map((id) => deps.corpus.byId.get(c.source)?.sentences.find((x) => x.id === id)).filter((x): x is Sentence => !!x));
    answer.followUps = followUpsFrom(deps, cited, resolved);
  }
  if (isFollowUp) answer.meta = { ...answer.meta, resolvedQuestion: resolved };

  // With a model, every question that retrieves evidence goes to it, one the offline rule refuses too: the offline
  // rule decides only without a model, or when the model fails or is too slow (the llm layer's deadline,
  // OPENAI_DEADLINE_MS). A figure-slot answer is the quoted figure itself: nothing for a model to write.
  if (deps.llm && !answer.meta?.figureSlot) {
    const passages = modelPassages(deps, answer, resolved, context);
    if (passages.length) {
      const started = Date.now();
      let failure: LlmFailure | undefined;
      const llmAnswer = await deps.llm.answer({
        task: 'ask',
        question: resolved,
        history: history.slice(-3).map((t) => ({ question: t.resolved, answer: t.answer })),
        passages,
        articles: Object.fromEntries(
          [...new Set(passages.map((p) => p.articleId))].map((id) => {
            const a = deps.corpus.byId.get(id)!;
            return [id, { title: a.title, outlet: a.outlet, date: a.date, url: a.url }];
          }),
        ),
      }, undefined, (f) => (failure = f));
      if (llmAnswer) {
        // At least one verified sentence (the llm layer's bar): the model's answer, a refused question's too.
        answer.answered = true;
        answer.blocks = llmAnswer.blocks;
        // The one-line answer cites the extractive quotes, which the model's answer replaces.
        delete answer.short;
        answer.citations = llmAnswer.citations;
        answer.meta = { ...answer.meta, model: llmAnswer.model, promptTokens: llmAnswer.promptTokens, ms: Date.now() - started };
      } else if (failure === 'declined') {
        // The model read the passages and says they do not answer: a refusal stands, an offline answer becomes one.
        if (answer.answered) answer = declined(answer, resolved);
      } else {
        notes.push(modelFallbackNote(failure, deps.config.OPENAI_DEADLINE_MS, answer.answered ? undefined : 'this reply comes from searching the articles without it'));
      }
    }
  }
  if (answer.meta) {
    delete answer.meta.passages;
    if (!Object.keys(answer.meta).length) delete answer.meta;
  }
  if (notes.length) answer.notes = [...(answer.notes ?? []), ...notes];

  if (sessionKey) {
    const turn: Turn = {
      question,
      resolved,
      answer: answer.blocks.map((b) => b.text).join(' ').slice(0, 1500),
      names: namesOf(resolved, answer),
      ...peopleOf(deps, resolved, answer, namesOf(resolved, answer)),
      ...(answer.answered && answer.citations[0]?.sentenceIds?.length ? { cited: answer.citations[0].sentenceIds } : {}),
      at: deps.clock().getTime(),
    };
    await remember(deps, sessionKey, history, turn, answer, notes.length > 0);
  }
  return answer;
}

/** Add a turn to the conversation; a store that is down costs the memory, not the answer (which says so). */
async function remember(deps: Deps, sessionKey: string | undefined, history: Turn[], turn: Turn, answer: Answer, noted = false): Promise<void> {
  if (!sessionKey) return;
  try {
    await deps.store.set(sessionKey, [...history, turn].slice(-6), deps.config.SESSION_TTL_MINUTES * 60_000);
  } catch (err) {
    if (!isStoreUnavailableError(err)) throw err;
    if (!noted) answer.notes = [...(answer.notes ?? []), 'Conversation memory is unavailable right now, so a follow-up will not remember this question.'];
    deps.log.warn({ err: (err as Error).message }, 'session write failed');
  }
}

/**
 * The windows the model reads: those the offline engine retrieved (meta.passages), an answer's or a
 * refusal's; a refusal that carries none gets the extractive engine's candidates for the same question.
 */
function modelPassages(deps: Deps, answer: Answer, resolved: string, context: string[]): LlmPassage[] {
  const own = answer.meta?.passages as LlmPassage[] | undefined;
  if (own?.length || answer.answered) return own ?? [];
  const offline = extractive(deps, resolved, false, context.join(' '));
  return (offline.meta?.passages as LlmPassage[] | undefined) ?? [];
}

/** An offline answer the model, having read its passages, says they do not answer. */
function declined(answer: Answer, resolved: string): Answer {
  return {
    ...refusal(resolved, "The articles don't answer that. The passages that mention it, read in full, do not say.", answer.followUps),
    title: answer.title,
    ...(answer.meta ? { meta: answer.meta } : {}),
  };
}

function namesOf(question: string, answer: Answer): string[] {
  // The evidence core says whom the answer is about (named, described by the question, or named by the answer).
  const subjects = answer.meta?.subjects as string[] | undefined;
  // "Who did the county sue?" — "Hawaiian Electric": the name the short answer gives is what a follow-up's pronoun
  // likeliest means ("what did they say back?"), before the names the question itself wrote.
  const short = answer.answered && answer.short ? ` ${keyOf(answer.short.text)} ` : '';
  const given = (n: string) => !!short.trim() && !!keyOf(n) && short.includes(` ${keyOf(n)} `);
  if (subjects?.length) return [...subjects.filter(given), ...subjects.filter((n) => !given(n))].slice(0, 4);
  const qNames = properNames(question).filter((n) => !STOP_NAME.has(n.toLowerCase()));
  if (qNames.length) return qNames.slice(0, 4);
  // No name in the question: remember the first names the answer is about.
  return properNames(answer.citations.map((c) => c.quote).join(' '))
    .filter((n) => !STOP_NAME.has(n.toLowerCase()))
    .slice(0, 2);
}

/** The extractive answer (exported for benchmarks and the model's fallback). */
export function extractive(deps: Deps, question: string, suggest = true, context = ''): Answer {
  const type = questionType(question);
  const ctxTerms = [...new Set(terms(context))].filter((t) => !QUESTION_NOISE.has(t));
  const qTermsAll = [...new Set(terms(question))].filter((t) => !QUESTION_NOISE.has(t) && t.length > 1);
  const qTerms = qTermsAll.map((t) => correctTerm(deps, t));
  const N = Math.max(deps.index.size, 1);
  const idf = (t: string) => Math.log(1 + N / (1 + deps.index.docFreq(t)));
  const searched = `${deps.corpus.articles.length} article${deps.corpus.articles.length === 1 ? '' : 's'}`;
  // Say what was searched in the user's own words ("rating"), not as stems ("rat").
  const surface = new Map<string, string>();
  for (const w of words(question)) if (!surface.has(stem(w))) surface.set(stem(w), w);
  const shownTerms = qTermsAll.length ? qTermsAll.map((t) => surface.get(t) ?? t) : words(question).filter((w) => !STOPWORDS.has(w));

  if (qTerms.length === 0) {
    return refusal(question, `That question has no words I can look up. I searched ${searched}; try naming a person, place or event.`, []);
  }

  const namesInQuestion = new Set(properNames(question).flatMap((n) => terms(n)).map((t) => correctTerm(deps, t)));
  const expanded = [...qTerms, ...qTerms.flatMap((t) => SYNONYMS[t] ?? [])];
  // WordNet: the corpus lemmas the question's words relate to ("old" → "age"), searched with less weight.
  const related = relatedTerms(deps, question, qTerms, namesInQuestion);
  const searchedFor = new Set([...expanded, ...ctxTerms].map(stem));
  const boost: Record<string, number> = {};
  for (const r of [...related.values()].flat().sort((a, b) => b.weight - a.weight)) {
    if (Object.keys(boost).length >= MAX_RELATED_TERMS) break;
    if (!searchedFor.has(stem(r.key))) boost[r.key] = Math.max(boost[r.key] ?? 0, r.weight);
  }
  const hits = deps.index.search([...expanded, ...ctxTerms, ...Object.keys(boost)].join(' '), { limit: 16, boost });
  const candidates: Scored[] = [];
  const subject = /^\s*(?:who|what)\s+(?:is|are|was|were)\s+(?:the\s+)?(.+?)[?.!]*$/i.exec(question)?.[1];
  const subjectTail = subject ? words(subject).at(-1) : undefined;
  const definitionOf = subjectTail
    ? new RegExp(`${subjectTail.replace(/[^\p{L}\p{N}]/gu, '')}(?:['’]s)?,\\s+(?:a|an|the|who|which)\\b`, 'iu')
    : undefined;
  const totalWeight = qTerms.reduce((n, t) => n + idf(t), 0);
  for (const h of hits) {
    const p = deps.index.passage(h.id);
    if (!p) continue;
    const article = deps.corpus.byId.get(p.articleId)!;
    const passageTerms = new Set(terms(p.text));
    p.sentences.forEach((s, i) => {
      const st = new Set(terms(s.text));
      // Neighbouring sentences share context ("He replied, …" after a sentence naming him);
      // news copy often has one-sentence paragraphs, so neighbours cross paragraph breaks.
      const near = new Set([...terms(p.sentences[i - 1]?.text ?? ''), ...terms(p.sentences[i + 1]?.text ?? '')]);
      // Only names carry across a paragraph break ("…Rubio denied…" / "“…fake story,” he wrote").
      // …and only into a sentence that points back with a pronoun.
      const refersBack = REFERS_BACK_RE.test(s.text);
      const before = i === 0 && refersBack ? article.paragraphs[p.index - 1]?.sentences.at(-1) : undefined;
      const after = i === p.sentences.length - 1 && refersBack ? article.paragraphs[p.index + 1]?.sentences[0] : undefined;
      const far = new Set([...terms(before?.text ?? ''), ...terms(after?.text ?? '')].filter((t) => namesInQuestion.has(t)));
      const covered = new Set<string>();
      let score = 0;
      const inSentence = (t: string) => st.has(t) || !!equivalents(t)?.some((x) => st.has(x));
      // A related word is weaker evidence: it stands for an absent question word only beside one of the question's own.
      const anchored = qTerms.some(inSentence);
      for (const t of qTerms) {
        const syn = equivalents(t);
        // The closest corpus lemma related to t that this sentence uses.
        const rel = related.get(t)?.find((r) => st.has(r.key));
        if (inSentence(t)) {
          covered.add(t);
          score += idf(t);
        } else if (rel?.stands && anchored && deps.index.docFreq(t) === 0) {
          // A word the articles never use is there in a form of its own ("old" → "aged 68", "signed" → "signees").
          covered.add(t);
          score += idf(t) * rel.weight;
        } else if (near.has(t) || passageTerms.has(t) || far.has(t) || (syn && syn.some((x) => near.has(x) || passageTerms.has(x)))) {
          covered.add(t);
          score += idf(t) * 0.45;
        } else if (rel) {
          score += idf(t) * rel.weight * 0.45;
        }
      }
      if (score === 0) return;
      for (const t of ctxTerms) {
        if (st.has(t) || near.has(t)) score += idf(t) * 0.5;
        else if (passageTerms.has(t)) score += idf(t) * 0.3;
      }
      const text = s.text;
      const nWords = text.split(/\s+/).length;
      const inList = isListParagraph(p);
      if (nWords < 4 && !inList) return; // bylines and fragments ("Geoff Ramsey") are not answers
      if (inList) {
        // A bullet ("GPS scramblers") is read with its lead-in ("his country needs") and its sibling items.
        const lead = leadIn(article, p);
        for (const t of terms([lead?.text ?? '', p.text].join(' '))) if (qTerms.includes(t) && !covered.has(t)) {
          covered.add(t);
          score += idf(t) * 0.45;
        }
      }
      if (nWords < 6) score *= 0.6;
      if (/\?\s*["”’]?$/.test(text)) score *= 0.55;
      if (type === 'number' && NUMBER_RE.test(text)) score *= 1.6;
      if (type === 'date' && DATE_RE.test(text)) score *= 1.6;
      if (type === 'quote' && QUOTE_RE.test(text)) score *= 1.5;
      if (type === 'quote' && SPEECH_RE.test(text)) score *= 1.15;
      if (type === 'person' && /\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(text)) score *= 1.2;
      // "Who/what is X?" is best answered by an apposition: "X, a senior fellow at …".
      if (definitionOf && definitionOf.test(text)) score *= 2;
      score += h.score * 0.02;
      candidates.push({ s, score, covered, article });
    });
  }

  // Answerability: the question's distinctive terms must be supported together.
  const coverage = (c: Scored) => [...c.covered].reduce((n, t) => n + idf(t), 0) / totalWeight;
  // Names in the question must be matched, unless they are so common in this corpus
  // (e.g. the country the story is about) that they do not distinguish anything.
  const named = new Set(
    properNames(question)
      .filter((n) => !STOP_NAME.has(n.toLowerCase()))
      .flatMap((n) => terms(n))
      .map((t) => correctTerm(deps, t))
      .filter((t) => qTerms.includes(t) && deps.index.docFreq(t) / N < 0.15),
  );
  const supported = candidates
    .filter((c) => coverage(c) >= 0.62 && [...named].every((t) => c.covered.has(t)))
    .filter((c) => (type === 'number' ? figureNear(c.s.text, qTerms) || figureNear(neighbourText(c), qTerms) : true))
    .sort((a, b) => b.score - a.score);
  // "What did X say?" wants X's own words: a sentence that merely mentions X (a letter sent to X) is no answer.
  const speaker = type === 'quote' ? speakerOf(question).map((t) => correctTerm(deps, t)) : [];
  if (speaker.length) {
    const own = supported.filter((c) => attributedTo(c, speaker));
    if (own.length === 0 && supported.length) {
      const who = question.match(ASKED_SPEAKER_RE)?.[1] ?? 'them';
      return refusal(
        question,
        `The articles don't answer that. They mention ${who}, but never quote ${who} on this.`,
        suggest ? followUpsFrom(deps, supported.slice(0, 6).map((c) => c.s), question) : [],
        passagesOf(deps, byScore(supported)),
      );
    }
    supported.splice(0, supported.length, ...own);
  }

  if (supported.length === 0) {
    const missing = qTerms.filter((t) => deps.index.docFreq(t) === 0);
    const present = shownTerms.filter((t, i) => !missing.includes(qTerms[i] ?? t));
    let why: string;
    if (missing.length && missing.length === qTerms.length) {
      why = `None of ${quotedList(shownTerms)} appears in the ${searched}.`;
    } else if (missing.length) {
      why = `${capitalize(quotedList(shownTerms.filter((_, i) => missing.includes(qTerms[i]!))))} ${missing.length === 1 ? 'does' : 'do'} not appear in any of the ${searched}.`;
    } else if (type === 'number' && candidates.some((c) => coverage(c) >= 0.62)) {
      why = `The ${searched} mention ${quotedList(present)}, but give no figure for it.`;
    } else {
      why = `The ${searched} mention ${quotedList(present)}, but never together in a way that answers this.`;
    }
    return refusal(question, `The articles don't answer that. ${why}`, suggest ? followUpsFrom(deps, candidates.slice(0, 6).map((c) => c.s), question) : [], passagesOf(deps, byScore(candidates)));
  }

  // Pick up to 4 sentences: the best, then the best from each other independent source.
  const groups = analysisOf(deps).groups;
  const top = supported[0]!;
  const floor = top.score * 0.5;
  const chosen: Scored[] = [];
  const seenText = new Map<string, Scored[]>();
  for (const c of supported) {
    if (c.score < floor || chosen.length >= 4) break;
    const key = fold(c.s.text).replace(/[^a-z0-9]+/g, ' ').trim();
    const dup = seenText.get(key);
    if (dup) {
      dup.push(c);
      continue;
    }
    // Same article: at most two sentences; prefer other voices.
    const sameArticle = chosen.filter((x) => x.s.articleId === c.s.articleId).length;
    if (sameArticle >= 2) continue;
    if (chosen.length >= 2 && chosen.some((x) => groups.get(x.s.articleId) === groups.get(c.s.articleId)) && sameArticle >= 1) continue;
    chosen.push(c);
    seenText.set(key, [c]);
  }

  const citer = createCiter(deps.corpus);
  const blocks: AnswerBlock[] = [];
  // "When …?": the date the timeline gives the top quote's event, in one line before the quotes.
  let short: Answer['short'];
  const cited: { c: Scored; n: number }[] = [];
  const usedSentences = new Set<string>();
  for (const c of chosen.sort((a, b) => b.score - a.score)) {
    const sents = extendQuote(c);
    // A quote already shown (as part of a longer one) is not shown again.
    if (sents.every((x) => usedSentences.has(x.id))) continue;
    for (const x of sents) usedSentences.add(x.id);
    const n = citer.cite(sents);
    cited.push({ c, n });
    const cites = [n];
    // The same sentence in other (e.g. syndicated) articles: cite them too, marked as repeats.
    const repeats = (seenText.get(fold(c.s.text).replace(/[^a-z0-9]+/g, ' ').trim()) ?? []).filter((x) => x !== c);
    for (const r of repeats) cites.push(citer.cite([r.s]));
    const independent = new Set([c, ...repeats].map((x) => groups.get(x.s.articleId))).size;
    const who = c.article.outlet ?? shortTitle(c.article.title);
    const again = repeats.length
      ? ` (the same words appear in ${independent === 1 ? 'a near-duplicate article' : `${repeats.length} other article${repeats.length === 1 ? '' : 's'}`} ${cites.slice(1).map((x) => `[${x}]`).join('')})`
      : '';
    // Corroboration: independent articles (near-duplicates count once) with a sentence saying much the same.
    const voices = new Set([c, ...repeats].map((x) => groups.get(x.s.articleId)));
    const mine = weights(c.s.text);
    for (const o of supported) {
      const g = groups.get(o.s.articleId);
      if (voices.has(g) || o.score < c.score * 0.3) continue;
      if (overlapShare(mine, weights(o.s.text)) >= 0.5) voices.add(g);
    }
    const when = type === 'date' ? timelineDate(deps, c.s) : null;
    if (when && !short) short = { text: `${when} [${n}]`, cites: [n] };
    blocks.push({
      text: `${when ? `${when} — ` : ''}${who}${c.article.date ? ` (${c.article.date})` : ''}: “${citer.citations[n - 1]!.quote}” [${n}]${again}`,
      cites,
      quote: n,
      independent: voices.size,
    });
  }
  const diff = type === 'number' ? differences(cited, qTerms) : null;
  function weights(text: string): Map<string, number> {
    const m = new Map<string, number>();
    for (const t of terms(text)) if (t.length > 1 && !/^\d/.test(t)) m.set(t, idf(t));
    return m;
  }
  if (diff) blocks.push(diff);

  const passages = passagesOf(deps, supported.map((c) => c.s));

  return askAnswer(question, {
    short,
    blocks,
    citations: citer.citations,
    followUps: suggest ? followUpsFrom(deps, chosen.map((c) => c.s), question) : [],
    meta: { questionType: type, passages, independentSources: new Set(chosen.map((c) => groups.get(c.s.articleId))).size },
  });
}

/**
 * The date the timeline gives the event a sentence tells ("Friday 31 October 2025" for "on Friday"
 * in a Sunday paper), so /ask states the date /timeline states; null when it places none. Of several,
 * the events told as news before background ones.
 */
export function timelineDate(deps: Deps, s: Sentence, said?: string): string | null {
  const d = sentenceDateOf(deps, s, said);
  return d ? formatDate(d.date, d.precision) : null;
}

/** The date a sentence's words place (`timelineDate`), as the timeline holds it: ISO date ("2021", "2021-11-05") and precision. */
export function sentenceDateOf(deps: Deps, s: Sentence, said?: string): { date: string; precision: Parameters<typeof formatDate>[1] } | null {
  const dates = analysisOf(deps).sentenceDates.get(s.id) ?? [];
  // The answer's own words first ("Thursday" in "… back to normal Thursday, after … since Friday"): of the sentence's
  // dates, the one that falls on the weekday, or the month and day, those words give.
  const m = said ? dateMentionsIn(deps, s).find((x) => x.text.includes(said) || said.includes(x.text)) : undefined;
  const fits = (x: { date: string }) => {
    const ymd = parseYmd(x.date);
    if (!m || !ymd || x.date.length < 10) return false;
    if (m.weekday !== undefined) return weekdayOf(ymd) === m.weekday;
    return m.day !== undefined && m.month !== undefined && ymd.d === m.day && ymd.m === m.month;
  };
  return dates.find(fits) ?? dates.find((x) => !x.background) ?? dates[0] ?? null;
}

/** Most related corpus terms added to one search (heaviest first): a general word relates to dozens. */
const MAX_RELATED_TERMS = 24;

/** A search key of a corpus lemma related to a question term, how much it counts, and whether it may stand for the term. */
interface RelatedKey {
  key: string;
  weight: number;
  stands: boolean;
}

/**
 * For each question term (names aside), the search keys of the corpus lemmas WordNet relates to its
 * lemma (src/analysis/relations.ts), heaviest first: the persisted map, never the dictionary.
 */
function relatedTerms(deps: Deps, question: string, qTerms: string[], names: Set<string>): Map<string, RelatedKey[]> {
  const lemmasOf = new Map<string, Set<string>>();
  for (const w of words(question)) {
    if (STOPWORDS.has(w)) continue;
    const t = correctTerm(deps, stem(w));
    if (!qTerms.includes(t) || names.has(t)) continue;
    let set = lemmasOf.get(t);
    if (!set) lemmasOf.set(t, (set = new Set()));
    set.add(lemma(w));
  }
  const out = new Map<string, RelatedKey[]>();
  if (!lemmasOf.size) return out;
  const { terms: expansion } = expandQuery(analysisOf(deps), [...new Set([...lemmasOf.values()].flatMap((s) => [...s]))]);
  for (const [t, lemmas] of lemmasOf) {
    const list: RelatedKey[] = [];
    for (const x of expansion) {
      if (!lemmas.has(x.from)) continue;
      for (const key of x.keys) if (key !== t && !list.some((r) => r.key === key)) list.push({ key, weight: x.weight, stands: x.stands });
    }
    if (list.length) out.set(t, list.sort((a, b) => b.weight - a.weight));
  }
  return out;
}

/** General equivalents of a term: synonyms, and a demonym's country ("russian" → "russia", "iranian" → "iran"). */
function equivalents(t: string): string[] | undefined {
  const out = [...(SYNONYMS[t] ?? [])];
  if (t.length > 5 && t.endsWith('ian')) out.push(t.slice(0, -1), t.slice(0, -3));
  else if (t.length > 5 && t.endsWith('an')) out.push(t.slice(0, -1));
  return out.length ? out : undefined;
}

/** The proper-name terms of the speaker in "What did <speaker> say/tell …?". */
function speakerOf(question: string): string[] {
  const m = question.match(ASKED_SPEAKER_RE);
  if (!m) return [];
  return properNames(m[1]!).flatMap((n) => terms(stripTitles(n)));
}

/**
 * Is the candidate the speaker's own words? The speaker is named near a speech verb in the
 * sentence or a neighbour in its paragraph ("Peskov told", "said Dmitry Peskov", "X, a …,
 * said"), or the quote is followed by a bare attribution line ("– James Story"), or a
 * pronoun speaks ("he wrote") in a passage that names the speaker.
 */
export function attributedTo(c: Scored, speaker: string[]): boolean {
  const p = c.article.paragraphs[c.s.paragraph];
  const want = new Set(speaker);
  // "he"/"she" can stand for the speaker only when the sentence before opens by naming them.
  const before = p?.sentences[c.s.index - 1] ?? c.article.paragraphs[c.s.paragraph - 1]?.sentences.at(-1);
  const pronounRefersToSpeaker = !!before && words(before.text).slice(0, 6).map(stem).some((t) => want.has(t));
  const speaks = (text: string, self: boolean): boolean => {
    const toks = words(text).map(stem);
    if (toks.length > 0 && toks.length <= 4 && toks.every((t) => want.has(t))) return true; // "– James Story"
    // The sentence's subject speaking later ("China on Tuesday defended …, saying"), unless it opens with a quotation.
    const opensWithSpeaker = !/^\s*["“‘']/.test(text) && toks.slice(0, 3).some((t) => want.has(t));
    for (let i = 0; i < toks.length; i++) {
      if (!SPEECH_STEMS.has(toks[i]!)) continue;
      if (toks.slice(Math.max(0, i - 6), i + 4).some((t) => want.has(t))) return true; // "Peskov told", "said Dmitry Peskov"
      if (opensWithSpeaker && i <= 25) return true;
      // "“…fake story,” he wrote" in a passage that names the speaker
      if (self && pronounRefersToSpeaker && toks.slice(Math.max(0, i - 3), i).some((t) => THIRD_PERSON_SUBJECTS.has(t))) return true;
    }
    return false;
  };
  if (speaks(c.s.text, true)) return true;
  if (!p) return false;
  const prev = p.sentences[c.s.index - 1];
  // A quotation introduced by the sentence before ("He replied, “I doubt it." / "…told Tass: “…")
  if (prev && (/^\s*["“]/.test(c.s.text) || /[:,]\s*["“]?\s*$/.test(prev.text)) && speaks(prev.text, false)) return true;
  // Attribution after the quotation ("…,” Maduro said." or a bare "– Nicolás Maduro" line)
  for (const next of p.sentences.slice(c.s.index + 1, c.s.index + 3)) {
    if (speaks(next.text, false)) return true;
    if (!/^\s*["“]/.test(next.text) && !/[”"]\s*$/.test(c.s.text)) break;
  }
  return false;
}

/** Share of the shorter sentence's idf weight that the other one also has. */
function overlapShare(a: Map<string, number>, b: Map<string, number>): number {
  const sum = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  const [small, big] = sum(a) <= sum(b) ? [a, b] : [b, a];
  const total = sum(small);
  if (total === 0 || small.size < 3) return 0;
  let shared = 0;
  for (const [t, w] of small) if (big.has(t)) shared += w;
  return shared / total;
}

/** A number within four words of a question term (or its synonym): "4,500 troops", "killed more than 60". */
function figureNear(text: string, qTerms: string[]): boolean {
  const toks = words(text.replace(/(\d),(\d)/g, '$1$2')).map(stem);
  const want = new Set(qTerms.flatMap((t) => [t, ...(SYNONYMS[t] ?? [])]));
  return toks.some((w, i) => {
    if (!/^\d/.test(w) && !NUMBER_TERMS.has(w)) return false;
    return toks.slice(Math.max(0, i - 4), i + 5).some((x) => want.has(x));
  });
}
const NUMBER_TERMS = new Set([...Object.keys(NUMBER_WORDS), ...Object.keys(SCALES), ...VAGUE_AMOUNTS].map(stem));

function neighbourText(c: Scored): string {
  const p = c.article.paragraphs[c.s.paragraph];
  return p ? p.sentences.slice(Math.max(0, c.s.index - 1), c.s.index + 2).map((s) => s.text).join(' ') : '';
}

/**
 * A quote sentence often continues the previous one ("He replied, “I doubt it." →
 * "I don't think so."). Include up to two following sentences while a quotation is open.
 */
/** A paragraph that is a bulleted list (each line starts with a bullet). */
function isListParagraph(p: { text: string }): boolean {
  const lines = p.text.split('\n').filter((l) => l.trim());
  return lines.length > 0 && lines.every((l) => /^\s*[•·▪●*-]\s/.test(l));
}

/** The sentence that introduces a list: the previous paragraph's last sentence, if it does not end a thought. */
function leadIn(article: Article, list: { index: number }): Sentence | undefined {
  const prev = article.paragraphs[list.index - 1]?.sentences.at(-1);
  return prev && !/[.!?"”]\s*$/.test(prev.text) ? prev : undefined;
}

export function extendQuote(c: Scored): Sentence[] {
  const p = c.article.paragraphs[c.s.paragraph];
  const out = [c.s];
  if (!p) return out;
  if (isListParagraph(p)) {
    const lead = leadIn(c.article, p);
    return [...(lead ? [lead] : []), ...p.sentences];
  }
  // "He conveyed that his country needs" + the list that follows it.
  const nextPara = c.article.paragraphs[c.s.paragraph + 1];
  if (c.s.index === p.sentences.length - 1 && nextPara && isListParagraph(nextPara) && leadIn(c.article, nextPara) === c.s) {
    return [c.s, ...nextPara.sentences];
  }
  // "…4,500 troops. That number has since grown to roughly 10,000": the update belongs to the answer.
  const next = p.sentences[c.s.index + 1];
  if (next && FIGURE_ANAPHORA_RE.test(next.text)) return [c.s, next];
  const open = (t: string) => (t.match(/[“"]/g)?.length ?? 0) - (t.match(/[”]/g)?.length ?? 0);
  let balance = open(c.s.text);
  const straight = (c.s.text.match(/"/g)?.length ?? 0) % 2 === 1;
  let i = c.s.index + 1;
  while ((balance > 0 || straight) && out.length < 3 && i < p.sentences.length) {
    const next = p.sentences[i]!;
    out.push(next);
    balance += open(next.text);
    if (/[”"]\s*$|[”"][^“"]*$/.test(next.text)) break;
    i++;
  }
  return out;
}

/** When several sources give different figures, say so explicitly. */
function differences(chosen: { c: Scored; n: number }[], qTerms: string[]): AnswerBlock | null {
  const want = new Set(qTerms.flatMap((t) => [t, ...(equivalents(t) ?? [])]));
  const byValue = new Map<number, { phrase: string; ns: number[] }>();
  const re = new RegExp(`\\b((?:${alternation(QUALIFIERS)})\\s+)?(\\d[\\d,]*(?:\\.\\d+)?(?:\\s+(?:million|billion|thousand))?)((?:\\s+[\\p{L}-]+){1,3})`, 'giu');
  for (const { c, n } of chosen) {
    for (const m of c.s.text.matchAll(re)) {
      // The figure must be about what the question asks ("killed more than 60", "4,500 troops")…
      const before = words(c.s.text.slice(Math.max(0, (m.index ?? 0) - 40), m.index)).slice(-1).map(stem);
      const after = m[3]!.trim().split(/\s+/);
      const afterStems = after.map((w) => stem(fold(w).replace(/[^a-z0-9-]/g, '')));
      if (![...before, ...afterStems].some((w) => want.has(w))) continue;
      // …and is shown with what it counts, up to the first small word ("13 vessels in" → "13 vessels").
      let k = afterStems.findIndex((w) => want.has(w));
      if (k < 0) {
        k = afterStems.findIndex((w) => STOPWORDS.has(w));
        k = k < 0 ? Math.min(after.length, 2) - 1 : k - 1;
      }
      if (k < 0) continue;
      const raw = m[2]!.replace(/,/g, '');
      const scale = /million/i.test(raw) ? 1e6 : /billion/i.test(raw) ? 1e9 : /thousand/i.test(raw) ? 1e3 : 1;
      const value = parseFloat(raw) * scale;
      const phrase = `${m[1] ?? ''}${m[2]} ${after.slice(0, k + 1).join(' ')}`.trim();
      const entry = byValue.get(value);
      if (entry) {
        if (!entry.ns.includes(n)) entry.ns.push(n);
      } else byValue.set(value, { phrase, ns: [n] });
      break;
    }
  }
  // "roughly 4,500" and "4,500" agree; only different values are a difference.
  if (byValue.size < 2) return null;
  const figs = [...byValue.values()];
  return {
    heading: 'Where the figures differ',
    text: figs.map((f) => `“${f.phrase}” ${f.ns.map((x) => `[${x}]`).join('')}`).join(' vs '),
    cites: figs.flatMap((f) => f.ns),
  };
}

/** Suggest questions the corpus can answer: names near the answer, checked for support. */
const NOT_A_NAME = new Set([
  ...[...MONTHS, ...WEEKDAYS].map((w) => w.toLowerCase()).filter((w) => !AMBIGUOUS_MONTHS.has(w)),
  ...SENTENCE_OPENERS,
  ...NOT_NAME_WORDS,
]);

const suggestionMemos = new WeakMap<object, Map<string, boolean>>();
function suggestionMemo(deps: Deps): Map<string, boolean> {
  let m = suggestionMemos.get(deps.corpus);
  if (!m) suggestionMemos.set(deps.corpus, (m = new Map()));
  if (m.size > 50_000) m.clear();
  return m;
}

/**
 * Suggested follow-ups the corpus answers, on the answer's topic: names from the quoted
 * sentences and their paragraphs first (the rest of their articles only when those give too
 * few). A person who is quoted: "What did X say?" (checked); a person or organisation the
 * articles describe: "/who X"; after a "when" question: "/timeline about:X"; anything else:
 * "What do the articles say about X?", with "the" when the articles write "the X".
 */
export function followUpsFrom(deps: Deps, sentences: Sentence[], question: string): string[] {
  const near = [...sentences];
  for (const s of sentences) {
    for (const x of deps.corpus.byId.get(s.articleId)?.paragraphs[s.paragraph]?.sentences ?? []) if (!near.includes(x)) near.push(x);
  }
  const out = suggestFrom(deps, near, question, 3);
  if (out.length >= 2) return out;
  const wide = [...near];
  for (const id of [...new Set(sentences.map((s) => s.articleId))].slice(0, 2)) {
    for (const s of deps.corpus.byId.get(id)?.sentences ?? []) if (!wide.includes(s)) wide.push(s);
  }
  for (const f of suggestFrom(deps, wide, question, 3)) if (out.length < 3 && !out.includes(f)) out.push(f);
  return out;
}

function suggestFrom(deps: Deps, pool: Sentence[], question: string, max: number): string[] {
  const asked = fold(question);
  const askedTerms = new Set(terms(question));
  const names = new Map<string, number>();
  for (const s of pool) {
    if (names.size >= 12) break;
    for (const raw of properNames(s.text)) {
      const n = stripTitles(raw.split(/['’]s\s/)[0]!).replace(/['’]s$/, '');
      if (!/\s/.test(n)) {
        // A lone capitalised word at a sentence or quotation start ("Everything", "However") or a
        // demonym ("Venezuelan") is not a name to ask about.
        const at = s.text.indexOf(n);
        if (at <= 0 || /(^|[.!?]\s|["“‘(]\s*)$/.test(s.text.slice(Math.max(0, at - 3), at))) continue;
        if (DEMONYM_RE.test(n) || lexTags(n.toLowerCase()).has('Demonym')) continue;
      }
      if (n.split(/\s+/).length < 2 && n.length < 5) continue;
      // a name cut at an abbreviation ("Expanding U" of "Expanding U.S.", "US Coast Guard Rear Adm"): not a name to ask about
      if (/\s\p{Lu}$/u.test(n) || TITLE_WORDS.has(n.split(/\s+/).pop()!.toLowerCase())) continue;
      if (STOP_NAME.has(n.toLowerCase()) || asked.includes(fold(n)) || terms(n).some((t) => askedTerms.has(t))) continue;
      // Capitalised only because they start a sentence, or days and months: not names.
      if (n.split(/\s+/).some((w) => NOT_A_NAME.has(w.toLowerCase()) || STOPWORDS.has(w.toLowerCase()))) continue;
      names.set(n, (names.get(n) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  const about = new Set<string>();
  let attempts = 0;
  const when = questionType(question) === 'date';
  const speakers = [...names.keys()].filter((n) => /\s/.test(n));
  for (const name of [...speakers, ...names.keys()]) {
    if (out.length >= max) break;
    const memo = suggestionMemo(deps);
    const entity = entityOf(deps, name);
    // one suggestion per entity ("Maduro" and "Nicolás Maduro" are one person)
    if (entity && about.has(entity.name)) continue;
    if (entity) about.add(entity.name);
    // places and things do not speak ("What did Latin America say?")
    const speaks = entity && entity.kind !== 'person' && entity.kind !== 'organization' ? false : (memo.get(`speaks:${name}`) ?? speakerish(deps, name));
    memo.set(`speaks:${name}`, speaks);
    // A place or thing is asked about by its whole name ("Cape of Good Hope", not the "Good Hope" a sentence's capitals give).
    const candidate =
      entity && when
        ? `/timeline about:${entity.name}`
        : speaks
          ? `What did ${entity && entity.kind !== 'person' ? withArticle(deps, name) : name} say?`
          : entity && (entity.kind === 'person' || entity.kind === 'organization')
            ? `/who ${entity.name}`
            : `What do the articles say about ${withArticle(deps, entity && entity.name.length > name.length && entity.name.includes(name) ? entity.name : name)}?`;
    if (out.includes(candidate)) continue;
    if (++attempts > 6) break;
    // Only suggest what the corpus can answer (remembered per corpus: the answer cannot change).
    // A name taken from a sentence of the corpus answers "What do the articles say about X?" and
    // "/who X" (an entity of the index) by construction; "What did X say?" needs X's own words, and
    // "/timeline about:X" dated events, so those are checked.
    const ok =
      memo.get(candidate) ??
      (speaks && !when ? extractive(deps, candidate.replace(/\?$/, ''), false).answered : when && entity ? datedAbout(deps, entity.name) : true);
    memo.set(candidate, ok);
    if (ok) out.push(candidate);
  }
  return out;
}

/** The one entity of the index a name names exactly, if any. */
function entityOf(deps: Deps, name: string): { name: string; kind: string } | undefined {
  const look = lookupEntity(entityIndexOf(deps), name);
  return look.exact && look.matches.length === 1 ? look.matches[0] : undefined;
}

/** Whether the sentences about an entity carry a date the timeline can place. */
function datedAbout(deps: Deps, name: string): boolean {
  const ids = aboutEntity(deps, name)?.sentenceIds;
  if (!ids) return false;
  for (const id of ids) {
    const s = deps.corpus.byId.get(id.split(':')[0]!)?.sentences.find((x) => x.id === id);
    if (s && DATE_RE.test(s.text)) return true;
  }
  return false;
}

/**
 * "the Caribbean Sea", "the Coast Guard", but "Tren de Aragua", "Tham Luang": as the articles
 * write the name when it stands as a noun of its own; as a modifier ("the Tham Luang cave", "US
 * Coast Guard officials") it counts against "the"; "the Washington Post" is no mention of Washington.
 */
function withArticle(deps: Deps, name: string): string {
  const memo = suggestionMemo(deps);
  const key = `the:${name}`;
  let the = memo.get(key);
  if (the === undefined) {
    // one word may stand between: "the southern Caribbean Sea", "the U.S. Coast Guard"
    const re = new RegExp(`(\\b[Tt]he\\s+(?:[\\p{L}.]+\\s+)?)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])(?:\\s+(\\p{L}+))?`, 'gu');
    let withThe = 0;
    let all = 0;
    for (const a of deps.corpus.articles) {
      // Every match writes the name as given: an article that does not is not read by the pattern (at 10,000 articles
      // the pattern's optional "the …" run, tried at every position, cost tens of ms per new name).
      if (!a.raw.includes(name)) continue;
      for (const m of a.raw.matchAll(re)) {
        const next = m[2];
        if (next && /^\p{Lu}/u.test(next)) continue; // part of a longer name
        const tags = next ? lexTags(next) : undefined;
        all++;
        // a modifier ("the Tham Luang cave") says the bare name is no noun of its own: it counts against
        if (tags && (tags.has('Singular') || tags.has('Plural')) && !tags.has('Verb')) continue;
        if (m[1]) withThe++;
      }
    }
    // a third is enough: headlines and datelines drop the article
    the = withThe > 0 && withThe * 3 >= all;
    memo.set(key, the);
  }
  return the ? `the ${name}` : name;
}

// Verbs with a common non-speech sense ("continues", "noted") do not mark who speaks by standing near a name.
const SPEECH_STEMS = new Set(speechForms({ roles: ['say', 'allege', 'deny'], ambiguous: false }).map(stem));

function speakerish(deps: Deps, name: string): boolean {
  const t = terms(name);
  if (t.length < 2) return false;
  const hits = deps.index.search(name, { limit: 5 });
  const last = t[t.length - 1]!;
  return hits.some((h) =>
    (deps.index.passage(h.id)?.sentences ?? []).some((s) => {
      if (!QUOTE_RE.test(s.text)) return false;
      const w = words(s.text).map(stem);
      const at = w.indexOf(last);
      // the whole name, in order, right before the last term ("dmitry peskov")
      if (at < 0 || t.some((x, k) => w[at - (t.length - 1 - k)] !== x)) return false;
      // a speech verb right after or right before the name: "Peskov told", "said Dmitry Peskov"
      return w.slice(at + 1, at + 3).some((x) => SPEECH_STEMS.has(x)) || w.slice(Math.max(0, at - t.length - 1), at - t.length + 1).some((x) => SPEECH_STEMS.has(x));
    }),
  );
}

/** A refusal; `passages` are the windows it read, for the model (meta.passages), without changing what it says. */
export function refusal(question: string, text: string, followUps: string[], passages: LlmPassage[] = []): Answer {
  return {
    command: 'ask',
    answered: false,
    title: questionTitle(question, question || 'Question'),
    blocks: [{ text, cites: [] }],
    citations: [],
    followUps,
    ...(passages.length ? { meta: { passages } } : {}),
  };
}

/** Candidates' sentences, best first. */
const byScore = (scored: Scored[]): Sentence[] => [...scored].sort((a, b) => b.score - a.score).map((c) => c.s);

/** Up to eight paragraphs around these sentences, in their order (best first): what the model reads. */
export function passagesOf(deps: Deps, sentences: readonly Sentence[]): LlmPassage[] {
  const passages: LlmPassage[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    const pid = `${s.articleId}:p${s.paragraph}`;
    if (seen.has(pid) || passages.length >= 8) continue;
    seen.add(pid);
    const p = deps.index.passage(pid);
    if (p) passages.push({ n: passages.length + 1, id: pid, articleId: p.articleId, text: p.text });
  }
  return passages;
}

export function shortTitle(t: string): string {
  if (t.length <= 60) return t;
  const cut = t.slice(0, 58);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : 58)}…`;
}

/** Leading titles are roles, not names: "Defense Secretary Pete Hegseth" → "Pete Hegseth". */
export function stripTitles(name: string): string {
  const parts = name.split(/\s+/);
  let i = 0;
  if (parts.every((w) => TITLE_WORDS.has(w.toLowerCase()))) return name; // "White House" is a name
  // "Russian President Vladimir Putin": a nationality before a title is part of the title.
  if (parts.length > 2 && DEMONYM_RE.test(parts[0]!) && TITLE_WORDS.has(parts[1]!.toLowerCase())) i = 1;
  while (i < parts.length - 1 && TITLE_WORDS.has(parts[i]!.toLowerCase())) i++;
  return parts.slice(i).join(' ');
}
