/**
 * A question, parsed once: what kind of thing answers it (a count, an age, a date, a
 * person…), the corpus entities it is about (matched by alias, case-insensitively and
 * through typos: people type "ekapol" and "suleman dawod"), the topic nouns that must be
 * in an answer, the verbs and adjectives that rank one, and its constraints (a date, a
 * figure, whose words). The cue tables are data in src/language/lexicon/question-words.ts;
 * what is here is the reading order.
 */
import type { Deps } from '../deps.js';
import { analysisOf } from '../analysis/index.js';
import { describedByEvery } from './retrieve.js';
import type { Entity, EntityIndex } from '../index/entities.js';
import { keyOf } from '../index/entities.js';
import { findDateMentions, type DateMention } from '../index/dates.js';
import { readFigures, type FigureReading } from '../analysis/figures.js';
import { typoDistance } from '../language/edit-distance.js';
import { fold, lemma, stem, terms, tokenize, type Token } from '../language/tokenize.js';
import { PERSON_NOUNS, PLACE_NOUNS, THING_NOUNS } from '../language/lexicon/entity-cues.js';
import { SUBORDINATORS } from '../language/lexicon/clauses.js';
import { CHAT_INTERJECTIONS, CHAT_PREAMBLES, CHAT_SHORTHAND } from '../language/lexicon/chat.js';
import { synonymsOf } from '../language/synonyms.js';
import { inDictionary, isOccasionNoun, isPersonNoun, nounClass, partsOfSpeech } from '../language/wordnet.js';
import { lexTags, tagWords, type TaggedWord } from '../language/word-tags.js';
import { NOW_QUESTION_WORDS, PAST_AUXILIARIES, PRESENT_AUXILIARIES } from '../language/lexicon/figure-time.js';
import { CHANGE_VERBS } from '../language/lexicon/units.js';
import {
  alternation,
  ANSWER_CUES,
  DEGREE_ADJECTIVES,
  SCOPE_ADJECTIVES,
  DESTINATION_QUESTION_WORDS,
  LIGHT_VERBS,
  ORIGIN_QUESTION_WORDS,
  MEASURE_QUESTION_NOUNS,
  MEASURE_UNITS,
  DURATION_UNIT_NOUNS,
  METONYMS,
  MONEY_NOUNS,
  MONEY_QUESTION_WORDS,
  NOISE_PHRASES,
  PARTICLES,
  PHRASAL_PREDICATES,
  RATE_UNITS,
  MONTH_AND_WEEKDAY_NAMES,
  NOUN_PHRASE_OPENERS,
  QUANTIFIER_OPENERS,
  ORGANISATION_QUESTION_NOUNS,
  PEOPLE_WORDS,
  ORG_HEADS,
  PLACE_QUESTION_NOUNS,
  QUESTION_NOISE,
  SPEECH_QUESTION_VERBS,
  SPEAKER_QUESTION_VERBS,
  SLOT_VERBS,
  STOPWORDS,
  TITLE_HEADS,
  VAGUE_NOUNS,
  PARTITIVE_NOUNS,
  EVENT_CALL_NOUNS,
  WRITING_VERBS,
  speechForms,
  type AnswerKind,
  type FigureKind,
} from '../language/lexicon/index.js';

export type { AnswerKind };

/** A content word of the question. */
export interface QuestionTerm {
  /** As written. */
  text: string;
  /** Dictionary form. */
  lemma: string;
  /** Search key (`stem` of the folded word). */
  key: string;
  cls: 'noun' | 'verb' | 'adjective';
  /** A superlative or ordinal ("youngest", "first"): it picks one of many. */
  picks?: boolean;
  /** A word of the question's form that also names its event ("cost" in "how much did it cost"): it ranks, never vetoes. */
  cue?: boolean;
  /** Other verbs a phrase means ("get out": exit, leave, rescue…), found like the lemma itself. */
  alternatives?: string[];
  /** Offsets in the question. */
  start: number;
  end: number;
}

/** A name of the question resolved to the corpus's entities. */
export interface FocusEntity {
  /** As written in the question (or carried from the conversation). */
  text: string;
  /** The entities it names, most mentioned first (several when a surname is shared). */
  entities: Entity[];
  /** Found through a spelling correction ("ekapol" → Ekkapol). */
  corrected: boolean;
  start: number;
  end: number;
}

/** A question, parsed. */
export interface ParsedQuestion {
  text: string;
  kind: AnswerKind;
  /** For counts and amounts: the figure kinds that answer ("how far" → distance). */
  figures: FigureKind[];
  /** The dimension a measure question asks ("how wide" → wide). */
  dimension: 'long' | 'wide' | 'deep' | 'high' | null;
  /** A noun bound to a name ("the capital of Iran", "Harding's wife"): they must be written together. */
  bound: { term: QuestionTerm; entity: FocusEntity }[];
  /** Subordinate clauses ("when the titanic sank"): what they name holds only with their verb. */
  clauses: { start: number; end: number; verbs: QuestionTerm[] }[];
  /** The noun the answer is ("how many <boys>", "which <hospital>", "the <doctor>'s name"), when the question names one. */
  head: QuestionTerm | null;
  /** Named entities: each must be in an answer (itself, an alias, or a reference). */
  entities: FocusEntity[];
  /** Names the question uses that no corpus entity or word has ("pope francis"). */
  unknown: string[];
  /** Topic nouns: each must be in an answer (the word, a lemma, a synonym or derivation). */
  topics: QuestionTerm[];
  /** Verbs and adjectives: they rank answers, they do not veto them. */
  predicates: QuestionTerm[];
  /** The nouns written before the head that make one name with it ("football" in "which football club"). */
  headModifiers: QuestionTerm[];
  /** A superlative or ordinal written before the head ("the youngest boy", "the first diver"): it says which one is asked. */
  picks: QuestionTerm[];
  /** Dates the question states ("on sunday", "in july"). */
  dates: DateMention[];
  /** It asks for a figure as it stands now ("how many … has … deployed", "how many … are", "… so far"): the latest answers. */
  now: boolean;
  /** A rate asked ("how much … a day", "every hour"): a figure per that unit answers. */
  rate: 'hour' | 'day' | 'week' | 'month' | 'year' | null;
  /** The unit a span of time is counted in ("how many days were they trapped": 'days', as the units table names it), or null. */
  durationUnit: string | null;
  /** Figures the question states ("13 of them"). */
  numbers: FigureReading[];
  /** For "what did he tell the families": to whom the words were said (they rank; the words need not name them). */
  addressees: QuestionTerm[];
  /** For "what did X say": whose words. */
  speaker: FocusEntity | null;
  /** "who said …", "who warned …": the answer is who says the statement the rest of the question gives, not who did it. */
  asksSpeaker: boolean;
  /** The conversation's subjects (a follow-up's "he", "they"), resolved to entities when they are names. */
  context: FocusEntity[];
  /** The conversation's subjects that are no names ("crew" for "where are they from?"): they rank. */
  contextTerms: QuestionTerm[];
  /** The question points back ("he", "they", "it") rather than naming its subject. */
  pointsBack: boolean;
  /** "by when?", "what's the deadline": the date asked is the one something must happen by. */
  deadline: boolean;
}

const NOISE = new Set(QUESTION_NOISE);
const DEADLINE_QUESTION_RE = /^\s*(?:and\s+|so\s+)?(?:by|until|till|before)\s+when\b|\bdeadline\b/;
const SPEECH = new Set([...speechForms({ lemmas: SPEECH_QUESTION_VERBS, forms: ['base', 's', 'past', 'ing'] }), ...WRITING_VERBS].map((w) => w.toLowerCase()));
/** "who said", "who first warned", "who has claimed": a reporting verb right after "who" (an adverb or auxiliary between). */
const SPEAKER_ASKED_RE = new RegExp(
  `^\\s*(?:and\\s+|so\\s+|but\\s+)?who\\s+(?:(?:has|had|have|first|originally|actually|publicly|also|later|just|then)\\s+)*(?:${speechForms({ lemmas: SPEAKER_QUESTION_VERBS, forms: ['s', 'past'] }).join('|')})\\b`,
  'i',
);
const POINTING = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'their', 'it', 'its']);
/** A demonstrative that may stand as a whole subject ("does that count …"). */
const DEMONSTRATIVE_RE = /^(?:that|this|those|these)$/;
/** A verb of a quantity changing ("fall", "rose"), as a word. */
const CHANGE_VERB_RE = new RegExp(`\\b(?:${CHANGE_VERBS.join('|')})\\b`, 'i');
/** A weekday or a month name, as typed ("friday", "july"). */
const isCalendarWord = (w: string): boolean => MONTH_AND_WEEKDAY_NAMES.has(w);
const CALENDAR_WORD_RE = new RegExp(`\\b(?:${[...MONTH_AND_WEEKDAY_NAMES].join('|')})\\b`, 'g');
const PHRASAL = Object.entries(PHRASAL_PREDICATES)
  .sort((a, b) => b[0].length - a[0].length)
  .map(([phrase, verb]) => [new RegExp(`\\b${phrase.replace(/ /g, '\\s+')}\\b`, 'g'), verb] as const);
const DIRECTION_CUES = new Set([...ORIGIN_QUESTION_WORDS, ...DESTINATION_QUESTION_WORDS].filter((w) => !['come', 'came', 'go', 'went', 'leave', 'left', 'start', 'started', 'to'].includes(w)));
const NOISE_PHRASE_RE = new RegExp(`\\b(?:${NOISE_PHRASES.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\b`, 'g');
/** Cue words that still name the event asked about ("cost", "paid", "settle"): they rank as predicates; the rest is question form. */
const EVENT_CUES = new Set([...MONEY_QUESTION_WORDS, ...MONEY_NOUNS]);
const CUES = ANSWER_CUES.map((c) => ({ ...c, regex: new RegExp(c.re, 'i') }));

const PREAMBLE_RE = new RegExp(
  `^\\s*(?:(?:${alternation(CHAT_INTERJECTIONS)})[,.!\\s]+)*(?:(?:${alternation(CHAT_PREAMBLES)})[,:\\s]+)?(?=(?:what|which|who|whom|whose|when|where|why|how)\\b)`,
  'i',
);

/** A word the tagger read otherwise, read as a verb (no longer a noun). */
function asVerb(tag: TaggedWord): TaggedWord {
  return { ...tag, cls: 'verb', tags: new Set([...tag.tags].filter((x) => x !== 'Noun')) };
}

/** A word the tagger read as a verb, read as a noun. */
function asNoun(tag: TaggedWord): TaggedWord {
  return { ...tag, cls: 'noun', tags: new Set([...[...tag.tags].filter((x) => !/Verb|Tense|Infinitive/.test(x)), 'Noun']) };
}

/** Adverbs of time and aspect written right before a verb ("still working", "already leaving", "not operating"). */
const ASPECT_BEFORE_RE = /^(?:still|already|not|never|now|currently|yet|ever|even|also|finally|really|actually|just)$/;

const SHORTHAND_RE = new RegExp(
  `(^|[\\s("“])(${alternation(Object.keys(CHAT_SHORTHAND))})(?=$|[\\s,?!;:)"”]|\\.(?![\\p{L}\\d])|['’]s\\b)`,
  'giu',
);

/**
 * The question as if written out: chat shorthand and contractions typed without their apostrophe (lexicon/chat.ts) in
 * full words. Lower-case as typed, or capitalised as a question's first word ("Whats …"); "U", "R" in capitals are no
 * shorthand.
 */
export function writtenOut(text: string): string {
  return text.replace(SHORTHAND_RE, (all, before: string, word: string, at: number) => {
    const key = word.toLowerCase();
    const first = at + before.length === 0;
    // "george r. r. martin": a single letter with a full stop is an initial.
    if (key.length === 1 && text[at + all.length] === '.') return all;
    // "5 pm", "at 6:30pm": a time of day, not a prime minister.
    if (key === 'pm' && /\d\s*$/.test(text.slice(0, at + before.length))) return all;
    if (word !== key && !(first && key.length > 1 && word === key[0]!.toUpperCase() + key.slice(1))) return all;
    return before + CHAT_SHORTHAND[key]!;
  });
}

/** Every match of a cue that may open a relative clause follows a noun for people ("the diver who died"): it says which one. */
function onlyRelative(re: string, lower: string): boolean {
  for (const m of lower.matchAll(new RegExp(re, 'gi'))) {
    const before = /(\p{L}+)\W*$/u.exec(lower.slice(0, m.index))?.[1];
    if (!before || !(PEOPLE_WORDS.has(before) || isPersonNoun(lemma(before)))) return false;
  }
  return true;
}

/** Parse a question against the corpus of `deps`. `context` holds the names a follow-up carries. */
export function parseQuestion(deps: Pick<Deps, 'corpus' | 'index'>, question: string, context: string[] = []): ParsedQuestion {
  const text = writtenOut(question.replace(/\s+/g, ' ').trim());
  const lower = fold(text).replace(/[?!.]+\s*$/, '');
  // "remind me where it is": the question word after a chat preamble opens the question the cues read (blanked, so
  // offsets into `lower` stay those of the text).
  const preamble = PREAMBLE_RE.exec(lower)?.[0].length ?? 0;
  const asked = ' '.repeat(preamble) + lower.slice(preamble);
  const tokens = tokenize(text);
  const claimed = new Set<number>();
  // Its words ask about nothing ("wait", "ok but", "remind me").
  tokens.forEach((t, i) => {
    if (t.end <= preamble) claimed.add(i);
  });

  // 1. What kind of thing answers it.
  let kind: AnswerKind = 'description';
  let figures: FigureKind[] = [];
  let durationUnit: string | null = null;
  const cueWords = new Set<string>();
  // "What did X say?" asks for words; "what was the boat called?" for a name.
  const speechAsked = /^\s*(?:and\s+)?(?:what|how)\s+(?:did|does|do|has|have|had|is|was|were|are|will|would)\b/.test(asked) && !/\bcalled\s*$/.test(asked) && tokens.some((t) => SPEECH.has(t.norm));
  const cue = speechAsked ? undefined : CUES.find((c) => c.regex.test(asked) && !(c.relative && onlyRelative(c.re, asked)));
  if (speechAsked) kind = 'quote';
  if (cue) {
    kind = cue.kind;
    figures = [...(cue.figures ?? [])] as FigureKind[];
    for (const w of cue.words ?? []) cueWords.add(w);
  }
  // "how long is the ship" is a length; "how long were they stuck" a duration.
  if (figures[0] === 'duration' && figures.includes('length')) {
    figures = /\bhow long (?:is|was|are|were)\b(?!.*\b(?:stuck|trapped|missing|inside|underwater|last|lasted|take|took|going|gone|away|there|down|in)\b)/.test(asked) ? ['length', 'duration'] : ['duration'];
  }

  // 2. The entities it names (longest spans first), then names the corpus does not have.
  const entities = matchEntities(deps, tokens, claimed);
  const tags = tagWords(text);
  const tagAt = (t: Token): TaggedWord | undefined => tags.find((w) => w.start <= t.start && w.end >= t.end) ?? tags.find((w) => w.start >= t.start && w.start < t.end);

  for (const m of lower.matchAll(NOISE_PHRASE_RE)) {
    tokens.forEach((t, i) => {
      if (t.start >= m.index! && t.end <= m.index! + m[0].length) claimed.add(i);
    });
  }
  // 3. Content words: topics (nouns) and predicates (verbs, adjectives); a phrasal verb is one predicate.
  const topics: QuestionTerm[] = [];
  const predicates: QuestionTerm[] = [];
  for (const [phrase, verb] of PHRASAL) {
    for (const m of lower.matchAll(phrase)) {
      const span = tokens.map((t, i) => [t, i] as const).filter(([t]) => t.start >= m.index! && t.end <= m.index! + m[0].length);
      if (!span.length || span.some(([, i]) => claimed.has(i))) continue;
      for (const [, i] of span) claimed.add(i);
      // The phrase's own content words find it as written ("took part"); the verbs it means find its paraphrases.
      // A preposition of the phrase ("after" in "go after") is no word of its event: it is not looked up alone.
      const own = phrase.source.replace(/\\[bs]\+?/g, ' ').split(/\s+/).filter((w) => w && !STOPWORDS.has(w) && !lexTags(w).has('Preposition'));
      const [first, ...rest] = verb.split(' ');
      // "on board", "set up": the phrase written closed up as one word ("onboard", "setup") is the phrase too.
      const closed = fold(m[0]).replace(/[^a-z]/g, '');
      const alternatives = [...rest, ...own, closed];
      predicates.push({ text: text.slice(m.index!, m.index! + m[0].length), lemma: first!, key: stem(first!), cls: 'verb', start: m.index!, end: m.index! + m[0].length, ...(alternatives.length ? { alternatives } : {}) });
    }
  }
  const unknown: string[] = [];
  let pointsBack = false;
  let head: QuestionTerm | null = null;
  const AUX = /^(?:did|does|do|can|could|will|would|should|shall|may|might|must)$/;
  const auxAt = tokens.findIndex((t) => AUX.test(t.norm));
  // The subject after the auxiliary ends where a name, a pronoun or a noun is followed by the verb.
  let verbSeen = false;
  // "does that count microsoft": a demonstrative right after the auxiliary is the whole subject (unless a noun follows it
  // and goes on — "did that ship sink" — which subjectGoesOn reads), and the word after it the verb.
  const demonstrativeBefore = (i: number) => i - 2 === auxAt && DEMONSTRATIVE_RE.test(tokens[i - 1]!.norm);
  const firstVerbSlot = (i: number) => {
    if (verbSeen) return false;
    const prev = tokens[i - 1]!;
    const endsSubject = claimed.has(i - 1) || phraseNouns.has(i - 1) || POINTING.has(prev.norm) || demonstrativeBefore(i) || /^(?:they|we|you|i|anyone|someone|people)$/.test(prev.norm) || lexTags(prev.norm).has('Noun') || tagAt(prev)?.cls === 'noun' || tagAt(prev)?.cls === 'name';
    return endsSubject && text.slice(prev.end, tokens[i]!.start).trim() === '' && !subjectGoesOn(i);
  };
  // "did microsoft stock drop too": a noun that could be a verb, followed by a word that could be one and then
  // nothing, an adverb or a function word, is the subject's last noun; the next word is the verb.
  const subjectGoesOn = (i: number) => {
    const next = tokens[i + 1];
    if (!next || claimed.has(i + 1) || text.slice(tokens[i]!.end, next.start).trim() !== '') return false;
    const noun = lexTags(tokens[i]!.norm).has('Noun') || tagAt(tokens[i]!)?.cls === 'noun';
    if (!noun || !(couldBeVerb(next.norm) || partsOfSpeech(lemma(next.norm)).has('verb'))) return false;
    const after = tokens[i + 2];
    return !after || STOPWORDS.has(after.norm) || lexTags(after.norm).has('Adverb') || isCalendarWord(after.norm);
  };
  const phraseNouns = new Set<number>();
  const opens = (w: string) => NOUN_PHRASE_OPENERS.has(w) || QUANTIFIER_OPENERS.has(w);
  const opensNounPhraseBefore = (i: number) => {
    let j = i - 1;
    while (j > 0 && !opens(tokens[j]!.norm) && tagAt(tokens[j]!)?.cls === 'adjective' && text.slice(tokens[j]!.end, tokens[j + 1]!.start).trim() === '') j--;
    if (j < 0 || !opens(tokens[j]!.norm) || text.slice(tokens[j]!.end, tokens[j + 1]!.start).trim() !== '') return false;
    return NOUN_PHRASE_OPENERS.has(tokens[j]!.norm) || /[^s]s$/.test(tokens[i]!.norm);
  };
  const gapless = (a: number, b: number) => text.slice(tokens[a]!.end, tokens[b]!.start).trim() === '';
  const inEntity = (j: number) => entities.some((e) => e.start <= tokens[j]!.start && e.end >= tokens[j]!.end);
  /** The determiner that opens the phrase ending at i, past its adjectives and the nouns or names before its last word ("the afternoon fire"), or -1. */
  const phraseOpener = (i: number) => {
    let j = i - 1;
    while (j >= 0 && gapless(j, j + 1) && !NOUN_PHRASE_OPENERS.has(tokens[j]!.norm)) {
      const c = tagAt(tokens[j]!)?.cls;
      // A noun before the last word modifies it in its singular ("the afternoon fire"); a plural there is the phrase's own noun.
      const plural = c === 'noun' && !inEntity(j) && /[^s]s$/.test(tokens[j]!.norm) && lemma(tokens[j]!.norm) !== tokens[j]!.norm;
      if (plural || !(inEntity(j) || c === 'noun' || c === 'name' || c === 'adjective')) return -1;
      j--;
    }
    return j >= 0 && NOUN_PHRASE_OPENERS.has(tokens[j]!.norm) && gapless(j, j + 1) ? j : -1;
  };
  /**
   * A word the tagger took for a verb where the question's grammar leaves room only for a noun: the word right after an
   * inverted "do", when a verb follows it ("did fish die", "did help arrive"); the last word of the subject of a fronted
   * "be", before a determiner ("was the afternoon fire a new one": no verb stands between a subject and its complement).
   * A bare form (or, after "do", a plural) the dictionary lists as a noun. Not the word after a clause opener ("where was
   * the king when the quake hit"): that may be the clause's own verb.
   */
  const nounBySlot = (i: number) => {
    const w = tokens[i]!.norm;
    const bare = lemma(w) === w;
    if (!(bare || /[^s]s$/.test(w)) || !partsOfSpeech(lemma(w)).has('noun')) return false;
    const prev = tokens[i - 1];
    if (!prev || !gapless(i - 1, i)) return false;
    if (i - 1 === auxAt && /^(?:did|does|do)$/.test(prev.norm) && tokens[i + 1] && gapless(i, i + 1) && (tagAt(tokens[i + 1]!)?.cls === 'verb' || couldBeVerb(tokens[i + 1]!.norm))) return true;
    const k = phraseOpener(i);
    const before = tokens[k - 1];
    if (k < 0 || !bare || !before || !gapless(k - 1, k) || SUBORDINATORS.has(before.norm)) return false;
    const fronted = /^(?:is|was|are|were)$/.test(before.norm) && tokens.slice(0, k - 1).every((_, m) => claimed.has(m) || /^(?:how|what|which|where|when|why|who)$/.test(tokens[m]!.norm) || tagAt(tokens[m]!)?.cls === 'adjective');
    return fronted && !!tokens[i + 1] && gapless(i, i + 1) && NOUN_PHRASE_OPENERS.has(tokens[i + 1]!.norm);
  };
  tokens.forEach((t, i) => {
    if (claimed.has(i)) return;
    const w = t.norm;
    if (POINTING.has(w) && !(w === 'it' && /^\s*(?:is|was)\b/.test(text.slice(t.end)) && i === 0)) {
      pointsBack = true;
      return;
    }
    // "how many tugboats does the authority own": a function word that is also a content verb, in the verb's slot after
    // an auxiliary and its subject, at the question's end, is the verb asked.
    const slotVerb = SLOT_VERBS.has(w) && auxAt >= 0 && i > auxAt + 1 && i === tokens.length - 1 && firstVerbSlot(i);
    if ((STOPWORDS.has(w) && !slotVerb) || NOISE.has(w) || PARTICLES.has(w) || /^\d/.test(w) || w.length < 2) return;
    // "when was it supposed to reopen", "what was it meant to do": "supposed to", "meant to" only say a plan; the verb
    // asked is the one after them.
    if ((w === 'supposed' || w === 'meant') && tokens[i + 1]?.norm === 'to') return;
    // "the rest of west maui": a share of what follows "of" (lexicon PARTITIVE_NOUNS); what follows is the topic.
    if (PARTITIVE_NOUNS.has(w) && tokens[i + 1]?.norm === 'of') return;
    // "bounce back like the others": "like" before a determiner or a pronoun is a preposition.
    if (w === 'like' && /^(?:the|a|an|other|others|him|her|them|us|it|that|this|those|these|every|any|most|many|some)$/.test(tokens[i + 1]?.norm ?? '')) return;
    if (cueWords.has(w) && !EVENT_CUES.has(w)) return;
    // "where was it headed", "where did it come from": the direction asked, not an event to find.
    if (kind === 'place' && DIRECTION_CUES.has(w)) return;
    if (kind === 'quote' && SPEECH.has(w)) return;
    let tag = tagAt(t);
    // "Did Venezuela ask …", "… does Cartel de los Soles traffic?": after an auxiliary and its subject, a word that can be a verb is one.
    // A word the tagger takes for a noun but the dictionary also lists as a verb ("did microsoft stock drop") counts
    // when it is the last word of the question or stands before an adverb or a function word.
    const last = !tokens[i + 1] || STOPWORDS.has(tokens[i + 1]!.norm) || lexTags(tokens[i + 1]!.norm).has('Adverb') || isCalendarWord(tokens[i + 1]!.norm);
    if (tag && tag.cls !== 'verb' && auxAt >= 0 && i > auxAt + 1 && firstVerbSlot(i) && (couldBeVerb(w) || ((last || demonstrativeBefore(i)) && partsOfSpeech(lemma(w)).has('verb')))) tag = asVerb(tag);
    // "was the stock exchange still working": after an aspect adverb an -ing form of a verb is the progressive verb, which
    // the tagger may take for a noun.
    if (tag && tag.cls !== 'verb' && /ing$/.test(w) && ASPECT_BEFORE_RE.test(tokens[i - 1]?.norm ?? '') && partsOfSpeech(lemma(w)).has('verb')) tag = asVerb(tag);
    // "did any other boats help", "were several firms sued": the word right after a word that only opens a noun phrase
    // (past its adjectives) is that phrase's noun, which the tagger may take for a verb; the verb comes after it. Only a
    // bare or plural form: a participle there is an adjective ("was the stolen painting insured").
    if (tag && tag.cls === 'verb' && tokens[i + 1] && (lemma(w) === w || /[^s]s$/.test(w)) && opensNounPhraseBefore(i) && partsOfSpeech(lemma(w)).has('noun')) {
      tag = asNoun(tag);
      phraseNouns.add(i);
    }
    if (tag && tag.cls === 'verb' && nounBySlot(i)) {
      tag = asNoun(tag);
      phraseNouns.add(i);
    }
    if (tag && (tag.tags.has('Preposition') || tag.tags.has('Conjunction') || tag.tags.has('Determiner')) && !tag.tags.has('Noun')) return;
    const cls = tag?.tags.has('Ordinal') ? 'adjective' : (tag?.cls ?? 'noun');
    // "c-17s": a plural of a name with a number is found as the name ("C-17").
    const namedPlural = /\d/.test(w) && /[a-z\d]s$/.test(w) ? [w.slice(0, -1)] : [];
    // "the pentagon", where the articles write "Department of Defense spokeswoman": the distinctive words of its names.
    const stoodFor = (METONYMS[w] ?? []).flatMap((alias) => tokenize(alias).map((x) => x.norm).filter((x) => !ORG_HEADS.has(x) && !STOPWORDS.has(x)));
    namedPlural.push(...new Set(stoodFor));
    const term: QuestionTerm = { text: t.surface, lemma: lemma(w), key: stem(w), cls: 'noun', start: t.start, end: t.end, ...(cueWords.has(w) ? { cue: true } : {}), ...(namedPlural.length ? { alternatives: namedPlural } : {}) };
    // "how much did it cost", "what was the price": the cue names the event; it ranks, as a verb does.
    if (term.cue) {
      predicates.push({ ...term, cls: 'verb' });
      return;
    }
    if (cls === 'verb' && i > auxAt) verbSeen = true;
    if (cls === 'verb' && !tag?.tags.has('Noun')) {
      if (LIGHT_VERBS.has(term.lemma)) return;
      predicates.push({ ...term, cls: 'verb' });
    } else if (cls === 'adjective' || cls === 'adverb') {
      if (cls === 'adverb' && !tag?.tags.has('Ordinal')) return;
      if (SCOPE_ADJECTIVES.has(w)) return;
      const picks = !!tag && (tag.tags.has('Superlative') || tag.tags.has('Ordinal'));
      predicates.push({ ...term, cls: 'adjective', ...(picks ? { picks } : {}) });
    } else if (cls === 'pronoun' || cls === 'value' || (cls === 'other' && !tag?.tags.has('Noun'))) {
      return;
    } else if (!lexTags(w).size && !namedPlural.length && isNotNoun(term.lemma)) {
      // A word the tagger does not know, which the dictionary lists only as an adverb or adjective ("ashore"): it ranks.
      predicates.push({ ...term, cls: 'adjective' });
    } else {
      // A word no dictionary has, written like a name: a name the corpus may lack.
      const nameLike = cls === 'name' || (/^\p{Lu}/u.test(t.surface) && i > 0) || (!lexTags(w).size && nounClass(term.lemma) === null && !known(deps, term));
      // "the whole mess": the story's event, by a word its articles do not use.
      if ((EVENT_CALL_NOUNS.has(w) || EVENT_CALL_NOUNS.has(term.lemma)) && deps.index.docFreq(term.key) === 0) return;
      if (VAGUE_NOUNS.has(w) || VAGUE_NOUNS.has(term.lemma)) {
        // "how many people": the vague noun still says what is counted.
        if (!head && (kind === 'count' || kind === 'amount') && /\bhow (?:many|much)\s+(?:\p{L}+\s+)?$/iu.test(text.slice(0, t.start))) head = term;
        return;
      }
      if (nameLike && !known(deps, term)) {
        const prev = unknown.length && tokens[i - 1] && !claimed.has(i - 1) && text.slice(tokens[i - 1]!.end, t.start).trim() === '' && unknown.at(-1)!.endsWith(tokens[i - 1]!.surface);
        if (prev) unknown[unknown.length - 1] += ` ${t.surface}`;
        else unknown.push(t.surface);
        return;
      }
      topics.push(term);
    }
  });

  // 4. The noun the answer is: after "how many"/"how much", after "which"/"what", or "the <noun>'s name".
  const nounAfter = (re: RegExp, last: boolean) => {
    const m = re.exec(text);
    if (!m) return null;
    const at = m.index + m[0].length;
    const run: QuestionTerm[] = [];
    for (const x of topics.filter((x) => x.start >= at).sort((a, b) => a.start - b.start)) {
      // "… fall friday morning": a day or a month says when, it is not what is counted.
      if (isCalendarWord(fold(x.text))) break;
      const gap = text.slice(run.length ? run.at(-1)!.end : at, x.start);
      if (run.length ? gap.trim() !== '' : gap.split(/\s+/).filter(Boolean).length > 3) break;
      run.push(x);
      if (!last) break;
    }
    return run.at(-1) ?? null;
  };
  // "how long was the bridge closed": a verb or adjective after the thing (not in a clause saying which thing, "the bridge
  // that fell") says what lasted — a duration. "how long is the boat", "how long was the bridge": a made thing (WordNet's
  // artifacts, not an act or event like "the dive") has a length.
  if (figures.length === 2 && figures[0] === 'length' && figures[1] === 'duration') {
    const thing = nounAfter(/\bhow long (?:is|was|are|were)\b/i, true);
    // Or a name right after it: a ship's ("how long is the Dali") is a made thing's.
    const cue = /\bhow long (?:is|was|are|were)\s+(?:the\s+)?/i.exec(text);
    const named = cue ? entities.find((e) => e.start === cue.index + cue[0].length) : undefined;
    const after = thing?.end ?? named?.end;
    const lasted = after !== undefined && predicates.some((p) => p.start > after && !/\b(?:that|which|who|whose)\b/i.test(text.slice(after, p.start)));
    if (lasted) figures = ['duration'];
    else if (named && madeThing(named.entities[0])) figures = ['length'];
    else if (thing) {
      // The noun as written when WordNet has it ("crossing", not the verb's lemma "cross").
      const noun = nounClass(fold(thing.text)) ? fold(thing.text) : thing.lemma;
      if (nounClass(noun) === 'artifact' && !isOccasionNoun(noun)) figures = ['length'];
    }
  }
  if (kind === 'count' || kind === 'amount') head ??= nounAfter(/\bhow (?:many|much)\b|\bnumber of\b|\bwhat (?:number|total) of\b/i, true);
  // "how much did crowdstrike stock fall": the noun is the subject of a verb of change, and the figure asked is the change
  // ("Shares fell nearly 15%"), not an amount of stock. "how much did the search cost" still measures the search.
  if (head && /\bhow (?:many|much)\s+(?:did|does|do|has|have|had|will|would)\b/i.test(text.slice(0, head.start)) && CHANGE_VERB_RE.test(text.slice(head.end))) head = null;
  if (!head && /^\s*(?:and\s+)?(?:which|what)\b/i.test(text) && (kind === 'description' || kind === 'person' || kind === 'name' || kind === 'place')) {
    // "what company does X run", "which hospital", "which football club": the noun (compound) right after the question word.
    const h = nounAfter(/^\s*(?:and\s+)?(?:which|what)\b(?!\s+(?:is|was|are|were|did|does|do|has|have|had|happen|happens|happened)\b|['’]s\b)/i, true);
    if (h && h.start - text.search(/\b(?:which|what)\b/i) < 40) {
      head = h;
      const noun = fold(h.text).replace(/'s$/, '');
      const plural = /s$/.test(noun) && lemma(noun) !== noun;
      const asPerson = PERSON_NOUNS.has(noun) || PERSON_NOUNS.has(h.lemma) || TITLE_HEADS.has(h.lemma) || h.lemma === 'kid';
      if (asPerson) kind = plural ? 'list' : 'person';
      else if (PLACE_QUESTION_NOUNS.has(noun) || PLACE_QUESTION_NOUNS.has(h.lemma) || PLACE_NOUNS.has(noun) || PLACE_NOUNS.has(h.lemma)) kind = plural ? 'list' : 'place';
      else if (ORGANISATION_QUESTION_NOUNS.has(noun) || ORGANISATION_QUESTION_NOUNS.has(h.lemma) || ORG_HEADS.has(h.lemma)) kind = plural ? 'list' : 'organisation';
      else if (kind === 'description' && (THING_NOUNS[noun] || THING_NOUNS[h.lemma] || h.lemma === 'name')) kind = plural ? 'list' : 'name';
    }
  }
  // "who's the captain" asks a role; not "who's the ship insured with", "who was the captain talking to": a verb right
  // after the noun makes it the subject.
  const roleAsked = (h: QuestionTerm | null) => (h && predicates.some((p) => p.cls === 'verb' && p.start > h.end && text.slice(h.end, p.start).trim() === '') ? null : h);
  if (!head && kind === 'person') {
    // "what's the name of the youngest boy", "the australian doctor's name", "who's the coach", "who was the first diver to …".
    // "the name of the train conductor": a compound's last noun is who is named, the words before it say which one.
    const named = nounAfter(/\bname of\b/i, true);
    const first = nounAfter(/\bname of\b/i, false);
    // "the name of the pilot's wife": a possessive in the run keeps its noun the head (whose wife the answer must say).
    head =
      (named && first && /['’]s\b/.test(text.slice(first.start, named.end)) ? first : named) ??
      roleAsked(nounAfter(/^\s*(?:and\s+)?who(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?=(?:the|a|an|their|his|her|its)\b)/i, false)) ??
      (() => {
        const m = /([\p{L}-]+)['’]s\s+(?:name|called)\b/iu.exec(text);
        return m ? (topics.find((x) => x.start === m.index) ?? null) : null;
      })();
  }
  // "who is X?" with X a named entity and nothing else asked: what the articles call X.
  if (kind === 'person' && !head && entities.length === 1 && /^\s*(?:and\s+)?who(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s/i.test(text) && !predicates.some((p) => p.cls === 'verb') && topics.length === 0) {
    kind = 'description';
  }

  // 5. Constraints.
  const dates = findDateMentions(text.replace(CALENDAR_WORD_RE, (w) => w[0]!.toUpperCase() + w.slice(1))).filter((m) => m.kind !== 'relative' || /\b(?:yesterday|today|tomorrow)\b/i.test(m.text));
  const numbers = readFigures(text).filter((f) => f.kind === 'count' || f.kind === 'number' || f.kind === 'money' || f.kind === 'percent');
  // A date or number the question states is a constraint, not a topic.
  const inConstraint = (t: QuestionTerm) => dates.some((d) => t.start >= d.index && t.end <= d.index + d.text.length);
  const keep = (list: QuestionTerm[]) => list.filter((t) => !inConstraint(t));
  let speaker: FocusEntity | null = null;
  if (kind === 'quote') {
    const m = /^\s*(?:and\s+)?(?:what|how)\s+(?:did|does|do|has|have|had|is|was|were|are|will|would)\s+(?:the\s+)?(.+?)\s+(?:\p{L}+\s+)?(?:say|said|says|tell|told|tells|quote|respond|responded|reply|replied|react|reacted|comment|commented|claim|claimed|deny|denied|warn|warned|call|called|write|wrote|writes)\b/iu.exec(text);
    if (m) speaker = entities.find((e) => e.start >= m.index && e.end <= m.index + m[0].length) ?? null;
    // "the recorded future analyst", "the delta ceo": an organisation's person, named by a noun for a person right
    // after it. The speaker is the person the articles describe so ("Allan Liska, a threat analyst at Recorded Future").
    const role = speaker && speaker.entities.every((e) => e.kind !== 'person') ? topics.find((t) => t.start > speaker!.end && t.start <= speaker!.end + 2 && (PERSON_NOUNS.has(t.lemma) || TITLE_HEADS.has(t.lemma) || isPersonNoun(t.lemma))) : undefined;
    // "the delta kiosk screen", "the boeing door plug": a name that modifies a thing is not who spoke; the thing is.
    const subjectEnd = m ? m.index + m[0].length : 0;
    if (speaker && !role && topics.some((t) => t.start > speaker!.end && t.end <= subjectEnd && t.cls === 'noun' && !PERSON_NOUNS.has(t.lemma) && !TITLE_HEADS.has(t.lemma) && !isPersonNoun(t.lemma))) speaker = null;
    if (speaker && role) {
      const orgWords = [...new Set(speaker.entities.flatMap((e) => terms(e.name)))];
      const people = describedByEvery(deps, [role.key, ...orgWords]).filter((e) => e.kind === 'person');
      if (people.length) {
        const person: FocusEntity = { text: text.slice(speaker.start, role.end), entities: people, corrected: false, start: speaker.start, end: role.end };
        entities.splice(entities.indexOf(speaker), 1, person);
        topics.splice(topics.indexOf(role), 1);
        speaker = person;
      }
    }
  }
  const contextTerms: QuestionTerm[] = [];
  // "tell the families", "write to the coach": whom the words were for.
  const addressees = kind === 'quote' ? topics.filter((t) => /\b(?:tell|tells|told|telling|ask|asks|asked|say\s+to|said\s+to|write\s+to|wrote\s+to|writes\s+to|reply\s+to|replied\s+to)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[\p{L}-]+\s+)?$/iu.test(text.slice(0, t.start))) : [];
  // "how many crew …?" then "where are they from?": "they" is what was counted, the conversation's first subject when it is no name.
  const plural = tokens.some((t) => /^(?:they|them|their|theirs)$/.test(t.norm));
  const named = context.map((name) => ({ name, toks: tokenize(name) })).map((c) => ({ ...c, found: matchEntities(deps, c.toks, new Set()) }));
  const countedFirst = plural && named.length > 0 && !named[0]!.found.length;
  const ctx = (countedFirst ? named.slice(0, 1) : named).flatMap(({ name, toks, found }) => {
    if (!found.length) {
      for (const t of toks) if (!STOPWORDS.has(t.norm) && !NOISE.has(t.norm)) contextTerms.push({ text: t.surface, lemma: t.lemma, key: stem(t.norm), cls: 'noun', start: -1, end: -1 });
    }
    return found.map((f) => ({ ...f, text: name, start: -1, end: -1 }));
  });
  // "how wide is it", asked first: "it" is what the story is about — its most mentioned thing (it ranks; it never vetoes).
  // Not when a person is pointed at with no one to point at ("what did he say about it?"): that question has no subject.
  const personUnresolved = tokens.some((t) => /^(?:he|she|him|her|his|hers)$/.test(t.norm));
  if (!ctx.length && !entities.length && !personUnresolved && tokens.some((t) => t.norm === 'it' || t.norm === 'its')) {
    const subject = storySubject(deps);
    if (subject) ctx.push({ text: subject.name, entities: [subject], corrected: false, start: -1, end: -1 });
  }
  // "mother ship", "game controller": a compound the articles may write as one word ("mothership").
  for (let i = 0; i + 1 < topics.length; i++) {
    const [a, b] = [topics[i]!, topics[i + 1]!];
    if (b.start < a.end || text.slice(a.end, b.start) !== ' ') continue;
    const joined = fold(`${a.text}${b.text}`).replace(/[^a-z0-9-]/g, '');
    for (const t of [a, b]) t.alternatives = [...(t.alternatives ?? []), joined];
  }
  // "how big is the settlement", "how large was the fine": the size of a sum is money.
  if (kind === 'amount' && /\bhow (?:big|large)\b|\bwhat size\b/i.test(text) && topics.some((t) => MONEY_NOUNS.includes(t.lemma))) figures = ['money'];
  // "how big an area", "what distance": the noun names the measure asked; it is no topic.
  if (kind === 'amount' || kind === 'count') {
    // The word as typed first ("ground" is no "grind" here), then its lemma ("areas").
    const measure = (t: QuestionTerm) => MEASURE_QUESTION_NOUNS[fold(t.text)] ?? MEASURE_QUESTION_NOUNS[t.lemma];
    const m = topics.find((t) => measure(t));
    if (m) {
      figures = [measure(m)!];
      kind = 'amount';
      topics.splice(topics.indexOf(m), 1);
      if (head === m) head = null;
    } else if (kind === 'count' && head && DURATION_UNIT_NOUNS.has(head.lemma) && topics.includes(head)) {
      // "how many days were they trapped?": a span of time, counted in days ("nine days", "more than two weeks").
      figures = ['duration'];
      kind = 'amount';
      topics.splice(topics.indexOf(head), 1);
      durationUnit = MEASURE_UNITS.find((u) => u.days && u.forms.includes(head!.lemma))?.unit ?? null;
      head = null;
    }
  }
  // "nuclear weapons", "stateless people": an adjective written before the head narrows what is counted (not "big").
  const headModifiers = head ? [...compoundBefore(text, [...topics, ...predicates.filter((p) => p.cls === 'adjective' && !p.picks && !DEGREE_ADJECTIVES.has(p.lemma))], head)] : [];
  const bound: ParsedQuestion['bound'] = [];
  for (const e of entities) {
    // "<name>'s <noun>" and "the <noun> of <name>"
    const after = topics.find((t) => t.start > e.end && /^['’]s\s+(?:[\p{L}-]+\s+)?$/u.test(text.slice(e.end, t.start)));
    const before = topics.find((t) => t.end < e.start && /^\s+of\s+(?:the\s+)?$/i.test(text.slice(t.end, e.start)));
    for (const t of [after, before]) if (t && t !== head) bound.push({ term: t, entity: e });
  }
  // "… when the titanic sank", "… after the ship ran aground": a clause that says when; its names stand for its event.
  const clauses: ParsedQuestion['clauses'] = [];
  for (const m of text.matchAll(/\b(?:when|after|before|while|until|since|as soon as)\s+(?!(?:did|does|do|is|was|were|are|has|have|had)\b)[^,?]+/gi)) {
    if (m.index === 0 || /^\s*(?:and\s+)?$/i.test(text.slice(0, m.index))) continue;
    const start = m.index!;
    const end = start + m[0].length;
    const verbs = predicates.filter((p) => p.cls === 'verb' && p.start >= start && p.end <= end);
    // "where was the king when it happened", "what did they do after it hit": a clause of nothing but a word pointing back
    // and its verb names no event of its own — it is the story's, which every article tells. Its verb asks nothing.
    const own = [...topics, ...predicates, ...entities].filter((x) => x.start >= start && x.end <= end && !verbs.includes(x as QuestionTerm));
    // Only "it" (or "this", "that") and one verb, nothing after: "before they pulled it" tells an act of its own.
    const inClause = tokens.filter((t) => t.start >= start && t.end <= end);
    const pointing = inClause.length === 3 && /^(?:it|this|that)$/.test(inClause[1]!.norm) && verbs.length === 1 && verbs[0]!.start === inClause[2]!.start;
    if (verbs.length && !own.length && pointing) {
      for (const v of verbs) predicates.splice(predicates.indexOf(v), 1);
      continue;
    }
    if (verbs.length) clauses.push({ start, end, verbs });
  }
  const picks = head ? predicates.filter((p) => p.picks && p.end <= head!.start && head!.start - p.end <= 12) : [];
  // "who warned that …": the answer is the statement's speaker (the reporting verb still ranks, as any verb does).
  const spoken = kind === 'person' && SPEAKER_ASKED_RE.test(text);
  return {
    text,
    kind,
    figures,
    dimension: figures.some((f) => f !== 'duration') ? (cue?.dimension ?? null) : null,
    bound,
    clauses,
    head,
    headModifiers,
    picks,
    entities,
    unknown,
    topics: unique(keep(topics)),
    predicates: unique(keep(predicates)),
    dates,
    now: (kind === 'count' || kind === 'amount') && !dates.length && asksNow(lower),
    rate: rateOf(lower),
    durationUnit,
    numbers,
    speaker,
    asksSpeaker: spoken,
    addressees,
    context: ctx,
    contextTerms: unique(contextTerms),
    pointsBack,
    deadline: kind === 'date' && DEADLINE_QUESTION_RE.test(lower),
  };
}

/** The thing a story is about: its most mentioned entity that is not a person or a place. */
function storySubject(deps: Pick<Deps, 'corpus'>): Entity | undefined {
  const things = analysisOf(deps).entities.entities.filter((e) => e.kind === 'other' || e.kind === 'organization');
  const articles = (e: Entity) => new Set(e.mentions.map((m) => m.article.id)).size;
  const best = [...things].sort((a, b) => articles(b) - articles(a) || b.mentions.length - a.mentions.length)[0];
  // It must be the story's subject, not one organisation among many: named in most articles.
  return best && articles(best) * 2 >= deps.corpus.articles.length ? best : undefined;
}

/** Each lemma once ("the boats and the strikes and the boats"): the first time it is written. */
function unique(list: QuestionTerm[]): QuestionTerm[] {
  const seen = new Set<string>();
  return list.filter((t) => !seen.has(t.lemma) && !!seen.add(t.lemma));
}

/** The nouns right before the head, written as one compound with it ("football club", "prime minister"). */
function compoundBefore(text: string, topics: QuestionTerm[], head: QuestionTerm): QuestionTerm[] {
  const out: QuestionTerm[] = [];
  let at = head.start;
  for (const t of [...topics].filter((x) => x.end <= head.start).sort((a, b) => b.start - a.start)) {
    if (text.slice(t.end, at).trim() !== '') break;
    out.unshift(t);
    at = t.start;
  }
  return out;
}

const NOW_RE = new RegExp(`\\b(?:${NOW_QUESTION_WORDS.join('|')})\\b`);
const PRESENT_RE = new RegExp(`^(?:and\\s+|so\\s+)?how (?:many|much)\\b[^,]*?(?:\\s|(?='))(?:${PRESENT_AUXILIARIES.join('|')})\\b`);
const PAST_RE = new RegExp(`\\b(?:${PAST_AUXILIARIES.join('|')})\\b`);

/** A figure asked as it stands now: a word that says so ("so far", "now"), or the present or present perfect with no past beside it. */
function asksNow(lower: string): boolean {
  return NOW_RE.test(lower) || (PRESENT_RE.test(lower) && !PAST_RE.test(lower));
}

/** "a day", "per hour", "every week", "daily": the rate a figure must be given in. */
function rateOf(lower: string): ParsedQuestion['rate'] {
  const m = /\b(?:a|an|per|each|every)\s+(hour|day|week|month|year)\b|\b(hourly|daily|weekly|monthly|yearly|annually)\b/.exec(lower);
  return m ? (RATE_UNITS[m[1] ?? m[2]!] ?? null) : null;
}

/** A word the dictionary lists, but never as a noun. */
function isNotNoun(lemma: string): boolean {
  const pos = partsOfSpeech(lemma);
  return pos.size > 0 && !pos.has('noun');
}

/** Whether the corpus has a word: itself, a close spelling of it, or a word its lemma relates to. */
function known(deps: Pick<Deps, 'corpus' | 'index'>, t: Pick<QuestionTerm, 'key' | 'lemma' | 'alternatives'>): boolean {
  if (deps.index.docFreq(t.key) > 0) return true;
  if ((t.alternatives ?? []).some((a) => deps.index.docFreq(stem(a)) > 0)) return true;
  // A word people type for one the articles write ("pcs" for "computers"): the lexicon's synonym groups.
  if ([...synonymsOf(t.key)].some((k) => deps.index.docFreq(k) > 0)) return true;
  const fixed = deps.index.correct(t.key);
  if (fixed !== t.key && deps.index.docFreq(fixed) > 0) return true;
  const rel = analysisOf(deps).relations;
  return Object.hasOwn(rel.keys, t.lemma) || Object.hasOwn(rel.map, t.lemma);
}

/**
 * Spans of the question that name corpus entities, longest first: an alias as written
 * (any case), or within a typo or two of one ("ekapol", "suleman dawod"). A lone common
 * word ("coach", "power") names an entity only when the articles write it as a name.
 */
function matchEntities(deps: Pick<Deps, 'corpus' | 'index'>, tokens: Token[], claimed: Set<number>): FocusEntity[] {
  const index = analysisOf(deps).entities;
  const out: FocusEntity[] = [];
  const { byLength, byWord, words1 } = aliasTables(index);
  const best = (list: Entity[]) => [...list].sort((a, b) => b.mentions.length - a.mentions.length);
  for (let n = Math.min(4, tokens.length); n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      if ([...Array(n).keys()].some((k) => claimed.has(i + k))) continue;
      const span = tokens.slice(i, i + n);
      const words = span.map((t) => t.norm);
      if (words.every((w) => STOPWORDS.has(w) || NOISE.has(w) || POINTING.has(w))) continue;
      if (STOPWORDS.has(words[0]!) || STOPWORDS.has(words[n - 1]!)) continue;
      const key = keyOf(span.map((t) => t.surface).join(' '));
      let found = index.byKey.get(key) ?? [];
      let corrected = false;
      const single = n === 1;
      // "the pentagon" where the articles write "the Department of Defense": the institution the place stands for.
      const stood = found.length ? [] : (METONYMS[key] ?? []).flatMap((alias) => index.byKey.get(keyOf(alias)) ?? []);
      if (stood.length) {
        for (let k = 0; k < n; k++) claimed.add(i + k);
        out.push({ text: span.map((t) => t.surface).join(' '), entities: best([...new Set(stood)]), corrected: false, start: span[0]!.start, end: span[n - 1]!.end });
        continue;
      }
      // "American", "British": a word of nationality describes; it is no entity of its own.
      if (single && isDemonym(span[0]!)) continue;
      // Counted against every name holding the word ("Tallis" alone and "Tallis Shipping"), not the exact one only.
      const common = single && isCommonWord(deps, span[0]!, found.length ? [...new Set([...found, ...(byWord.get(key) ?? [])])] : found);
      if (found.length && common) found = [];
      // A lowercase word the dictionary lists ("cartels", "divers") is that word, not a typo of a name.
      const known = single && !span[0]!.capitalized && nounClass(lemma(span[0]!.norm)) !== null;
      // A span of several words is a typo of a name only where each word that differs from the name's is no word of
      // the dictionary: "crowdstrike based" is CrowdStrike and a word, not a misspelt "CrowdStrike-caused".
      const typed = (k: string) => {
        const ws = k.split(' ');
        return n === 1 || span.every((t, j) => ws[j] === t.norm || ws.length !== n || nounClass(lemma(t.norm)) === null && !inDictionary(lemma(t.norm)));
      };
      if (!found.length && !common && !known && key.replace(/ /g, '').length >= 5) {
        // Within one typo for a short name, two for a long one; the closest, then the most mentioned.
        const max = key.length >= 9 ? 2 : 1;
        let bestD = max + 1;
        let bestKeys: string[] = [];
        for (const k of byLength.get(n) ?? []) {
          if (Math.abs(k.length - key.length) > max || k[0] !== key[0] && n === 1) continue;
          const d = typoDistance(key, k, max);
          if (d <= max && !typed(k)) continue;
          if (d < bestD) (bestD = d), (bestKeys = [k]);
          else if (d === bestD) bestKeys.push(k);
        }
        if (bestD <= max) {
          found = [...new Set(bestKeys.flatMap((k) => index.byKey.get(k) ?? []))];
          corrected = true;
        }
      }
      // "which airlines": a plural dictionary noun right after the question word is the kind of things asked, not a word
      // of the names that end with it ("Canadian Airlines"). A singular one may be ("what sea" → the Red Sea).
      // A singular one the names of several entities end with ("which airport" where two airports are named) asks which.
      const kindAsked =
        single && known && /^(?:which|what)$/.test(tokens[i - 1]?.norm ?? '') && (lemma(span[0]!.norm) !== span[0]!.norm || new Set((byWord.get(key) ?? []).filter((e) => e.keys.some((k) => k.split(' ').at(-1) === key)).map((e) => e.id)).size >= 2);
      if (!found.length && single && !common && !kindAsked && key.length >= 3) {
        found = byWord.get(key) ?? [];
        if (found.length && isCommonWord(deps, span[0]!, found)) found = [];
        // "stock" in "did microsoft stock drop": a dictionary word typed in lower case that is only ever a modifier
        // inside a longer name ("New York Stock Exchange") is the word, not that name; a name's first or last word
        // ("tallis" for "Tallis Shipping", "the exchange") or a person's names are still read as the name.
        if (found.length && known && found.every((e) => e.kind !== 'person' && e.keys.every((k) => k.split(' ')[0] !== key && k.split(' ').at(-1) !== key))) found = [];
        if (!found.length && !known && key.length >= 5) {
          const max = key.length >= 9 ? 2 : 1;
          const near = words1.filter((w) => w[0] === key[0] && Math.abs(w.length - key.length) <= max && typoDistance(key, w, max) <= max);
          found = [...new Set(near.flatMap((w) => byWord.get(w)!))];
          corrected = found.length > 0;
        }
      }
      if (!found.length) continue;
      for (let k = 0; k < n; k++) claimed.add(i + k);
      out.push({ text: span.map((t) => t.surface).join(' '), entities: best(found), corrected, start: span[0]!.start, end: span[n - 1]!.end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A bare word that English also uses as a verb ("ask", "traffic", "swim"). */
function couldBeVerb(w: string): boolean {
  const tags = lexTags(w);
  return tags.has('Verb') || tags.has('Infinitive') || lemma(w) !== w && /(?:ed|ing)$/.test(w) || /^(?:ask|traffic|swim|work|help|plan|order|fund|own|lead|pay|cost|head|use|ship|charge)$/.test(w);
}

/** Alias keys by word count, and entities by each word of their keys ("trump", "musk", "narongsak"), once per entity index. */
const aliasMemo = new WeakMap<EntityIndex, { byLength: Map<number, string[]>; byWord: Map<string, Entity[]>; words1: string[] }>();
function aliasTables(index: EntityIndex): { byLength: Map<number, string[]>; byWord: Map<string, Entity[]>; words1: string[] } {
  const hit = aliasMemo.get(index);
  if (hit) return hit;
  const byLength = new Map<number, string[]>();
  for (const k of index.byKey.keys()) {
    const n = k.split(' ').length;
    const list = byLength.get(n) ?? [];
    list.push(k);
    byLength.set(n, list);
  }
  const byWord = new Map<string, Entity[]>();
  for (const [k, es] of index.byKey) {
    for (const w of k.split(' ')) {
      if (w.length < 3 || STOPWORDS.has(w)) continue;
      const list = byWord.get(w) ?? [];
      for (const e of es) if (!list.includes(e)) list.push(e);
      byWord.set(w, list);
    }
  }
  const out = { byLength, byWord, words1: [...byWord.keys()] };
  aliasMemo.set(index, out);
  return out;
}

/** A nationality word ("American", "thai", "British"). */
function isDemonym(t: Token): boolean {
  return lexTags(t.norm).has('Demonym') || /^(?:american|british|thai|chinese|russian|french|german|canadian|australian|egyptian|japanese|indian|iranian)$/.test(t.norm);
}

/**
 * A lower-case word of everyday English that the articles mostly use as a word, not as the
 * name ("coach", "power", "mark"): it names no entity when typed in lower case.
 */
function isCommonWord(deps: Pick<Deps, 'index'>, t: Token, named: Entity[]): boolean {
  if (t.capitalized) return false;
  const tags = lexTags(t.norm);
  if (tags.has('Person') || tags.has('Place') || tags.has('FirstName') || tags.has('LastName') || tags.has('Country') || tags.has('City')) return false;
  // Passages with the word against passages naming the entity: used far more often than named, a word.
  const paragraphs = new Set(named.flatMap((e) => e.mentions.map((m) => `${m.sentence.articleId}:${m.sentence.paragraph}`))).size;
  return named.length === 0 ? tags.size > 0 : deps.index.docFreq(stem(t.norm)) > 2 * paragraphs;
}

/** A name of a made thing: a ship by its prefix, or one the articles call a vessel or an aircraft ("the cargo ship Dali"). */
function madeThing(e: Entity | undefined): boolean {
  if (!e) return false;
  if (e.subkind === 'ship') return true;
  return (e.cues ?? []).some((c) => {
    const words = c.split(/[:\s]+/);
    return words.some((w) => THING_NOUNS[w] === 'vessel' || THING_NOUNS[w] === 'aircraft');
  });
}
