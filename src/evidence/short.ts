/**
 * Slot fillers: the words of a window that answer what a question asks for — a figure of
 * the counted noun for "how many", an age for "how old", a date for "when", a person for
 * "who", a place for "where", a cause for "why". Every filler is a verbatim substring of
 * its sentence, so the short answer built from it is verbatim inside the quote that cites
 * it. Figures come from the corpus analysis (src/analysis/figures.ts), entities from its
 * entity index, dates from the date reader; the cue words are lexicon data.
 */
import type { Deps } from '../deps.js';
import { analysisOf } from '../analysis/index.js';
import { adjectiveFigureNoun, dimensionSaid, LINEAR_KINDS, RESTATED, restatedInDigits, type FigureFact } from '../analysis/figures.js';
import { singleSubjectBefore } from '../analysis/claim-figures.js';
import type { Entity, EntityMention } from '../index/entities.js';
import { findDateMentions, type DateMention } from '../index/dates.js';
import { PERSON_NOUNS, REFERRING_NOUNS, THING_NOUNS } from '../language/lexicon/entity-cues.js';
import { STOPWORDS } from '../language/lexicon/stopwords.js';
import {
  ATTRIBUTION_PHRASES,
  CAUSE_BEFORE_CUES,
  COLLECTIVE_NOUNS,
  DAY_PARTS,
  DESTINATION_QUESTION_WORDS,
  MAKING_VERBS,
  OCCASION_WORDS,
  PART_CUES,
  WHOLE_COUNT_CUES,
  DEGREE_ADJECTIVES,
  PEOPLE_WORDS,
  RATE_UNITS,
  ORIGIN_QUESTION_WORDS,
  REASON_CUES,
  SPEECH_VERB_PATTERN,
  TIME_NOUNS,
  TITLE_HEADS,
  WEAK_REASON_CUES,
  CITED_SOURCE_NOUNS,
  OBJECT_PARTICLES,
  QUALIFIERS,
  alternation,
} from '../language/lexicon/index.js';
import { BECOMING_VERBS, CLAUSE_MARKS, CLAUSE_OPENERS, COUNTRY_HEADS, LENGTH_PREPOSITIONS, OFFSET_AFTER_WORDS, OFFSET_QUESTION_WORDS, SETTING_NOUNS, FREQUENCY_QUESTION_RE, FREQUENCY_UNITS, INFINITIVE_OBJECT_STARTS, MEASURE_OF_RE, PLACE_KIND_NOUNS, PURPOSE_CLAUSE_BREAKS, SET_OFF_PARTICIPLES } from '../language/lexicon/slot-ties.js';
import { CASUALTY_ROOTS, DURATION_DAYS, FIGURE_NOUNS, MEASURE_OBJECT_VERBS, MEASURE_VERBS } from '../language/lexicon/units.js';
import { COPULAS } from '../language/lexicon/states.js';
import { COMPANY_SUFFIXES } from '../language/lexicon/organisations.js';
import { REQUEST_VERBS } from '../language/lexicon/clauses.js';
import { NEGATED_VERB_LEADS, NEGATION_TURNS, VERB_NEGATORS } from '../language/lexicon/denials.js';
import { SPEECH_VERBS, STATEMENT_HEARERS, STATEMENT_SETTINGS, speechForms } from '../language/lexicon/speech-verbs.js';
import { PROSPECTIVE_VERBS } from '../language/tense.js';
import { ORDINAL_WORDS } from '../language/lexicon/question-words.js';
import { fold, lemma, root, stem, terms, words } from '../language/tokenize.js';
import { isCommunicationVerb, isOccasionNoun, isPersonNoun as anySensePerson, isStateNoun, nounClass, partsOfSpeech } from '../language/wordnet.js';
import { lexTags } from '../language/word-tags.js';
import type { Article, Sentence } from '../types.js';
import type { ParsedQuestion } from './question.js';
import { referencesInSentence, RELATED_VERB, sentenceKeys, STANDS_FOR_WEIGHT, type Element, type Window } from './retrieve.js';
import { figureVerbs, type FigureVerb } from './figure-verb.js';
import { dateMentionsIn } from './date-mentions.js';

/** Words of a window that answer the question. */
export interface Filler {
  /** As written: `sentence.text.slice(start, end)`. */
  text: string;
  sentence: Sentence;
  start: number;
  end: number;
  /** 0..1: how well it fits (in the window's centre, tied to what was asked). */
  fit: number;
  /** For figures: the value in its unit, what it counts, and when it applies. */
  figure?: FigureFact;
  /** For names: the entity. */
  entity?: Entity;
  /** A phrase read by its preposition alone ("on a muddy bank …"), no name or figure in it. */
  loose?: boolean;
  /** For a speaker named in an earlier sentence: the statement it speaks, which is where the question's words are. */
  of?: Sentence;
}

/** A span of time followed by a word that makes it an offset between two events ("13 days after"). */
const OFFSET_AFTER_RE = new RegExp(`^\\s+(?:${alternation(OFFSET_AFTER_WORDS)})\\b`, 'i');
/** "for nine days before …": a span after such a preposition is a length. */
const LENGTH_BEFORE_RE = new RegExp(`\\b(?:${alternation(LENGTH_PREPOSITIONS)})\\s+$`, 'i');
/** A question asking for the span between two events. */
const OFFSET_QUESTION_RE = new RegExp(`\\b(?:${alternation(OFFSET_QUESTION_WORDS)})\\b`, 'i');
/** How much an offset between events fits a "how long" question that asks none. */
const OFFSET_FIT = 0.3;

/** "citing <a name>", "citing (people familiar with …) sources": a report's source, not a reason (lexicon CITED_SOURCE_NOUNS). */
const CITED_SOURCE_RE = new RegExp(`^citing\\s+(?:the\\s+|a\\s+|an\\s+)?(?:\\p{Lu}|(?:[\\p{Ll}-]+\\s+){0,2}(?:${alternation(CITED_SOURCE_NOUNS)})\\b)`, 'u');
/** Words a phrase cannot end on: they lead on to what was cut ("… a global outage that", "… the loss of the"). */
const TRAILING_FUNCTION_RE = /(?:\s+(?:that|which|who|whom|whose|where|when|and|or|but|the|a|an|of|to|in|on|for|with|by|at|from|as|its|their|his|her))+\s*$/i;
/** Where a reason's clause stops: the sentence going on to what followed. */
const REASON_END_RE = /\s+(?:and so|and then|but|and therefore|and thus)\s+/;
/** Auxiliaries between a cause and its verb ("tides and winds were complicating"). */
const CAUSE_AUX_RE = /(?:\s+(?:is|was|are|were|has|have|had|been|being|also|still))+\s*$/i;
/** "the company whose power lines", "a utility whose": the noun a relative word describes, before the phrase it introduces. */
const RELATIVE_HEAD_RE = /^.*\b(?:whose|which|that|who)\s+(?=\S+\s+\S)/i;
/** Words that introduce a cause's phrase without being part of it ("but that strong winds …"). */
const CAUSE_LEAD_RE = new RegExp(`^(?:.*\\b(?:${SPEECH_VERB_PATTERN})\\s+)?(?:(?:but|and|that|which|while|as|so)\\s+)*`, 'i');
const REASON_RE = new RegExp(`\\b(?:${alternation(REASON_CUES)})\\b`, 'gi');
const MAKING_RE = new RegExp(`\\b(?:${alternation(MAKING_VERBS)})\\s+(?:in\\s+)?$`, 'i');
/** A form of "be" (and adverbs) just before a participle: the participle is passive or an adjective ("was hampered", "has been especially complicated"). */
const PASSIVE_BEFORE_RE = new RegExp(`\\b(?:${COPULAS.join('|')})(?:\\s+\\p{L}+ly)*\\s+(?:not\\s+)?$`, 'iu');
const CAUSE_BEFORE_RE = new RegExp(`\\b(?:${alternation(CAUSE_BEFORE_CUES)})\\b`, 'gi');
const WEAK_REASON_RE = new RegExp(`\\b(?:${alternation(WEAK_REASON_CUES)})\\b`, 'gi');
/** A count question that asks for the whole ("in total", "altogether"): WHOLE_COUNT_CUES. */
const WHOLE_COUNT_RE = new RegExp(`\\b(?:${alternation(WHOLE_COUNT_CUES)})\\b`, 'i');
const PART_RE = new RegExp(`\\b(?:${alternation(PART_CUES)})\\s+(?:\\p{L}+\\s+){0,2}$`, 'iu');
const TIMES_RE = /\b(?:(?:at least|more than|over|about|nearly|some|almost)\s+)?(?:once|twice|thrice|(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|hundreds of)\s+times)\b/gi;
/** Verbs that state a measure of their subject ("weighs"), from the lexicon. */
const MEASURE_VERB_WORDS: ReadonlySet<string> = new Set(Object.values(MEASURE_VERBS).flat());
/** "<the> <noun> weighing (about) <figure>": the determiner, the noun and the verb right before a measure. */
const MEASURE_VERB_BEFORE_RE = /(?:\b(the|its|this|that)\s+)?\b([\p{L}-]+)\s+([\p{L}]+)\s+(?:(?:about|around|some|nearly|almost|roughly|approximately|over|under|more\s+than|less\s+than|up\s+to)\s+)?$/iu;
const MEASURES: ReadonlySet<string> = new Set(['distance', 'length', 'depth', 'height', 'area', 'volume', 'weight', 'speed']);
const PERSONISH = new Set(['people', 'person', 'persons', 'crew', 'team', 'passenger', 'resident', 'worker', 'member', 'staff', 'personnel', 'individual', 'civilian']);

/** Figures of the analysis in one sentence. */
function figuresIn(deps: Pick<Deps, 'corpus'>, sentenceId: string): FigureFact[] {
  return analysisOf(deps).figureFactIndex.inSentence(sentenceId);
}

/** Mentions of entities by sentence id (built once per entity index). */
const mentionIndex = new WeakMap<object, Map<string, { e: Entity; m: EntityMention }[]>>();
function mentionsIn(deps: Pick<Deps, 'corpus'>, sentenceId: string): { e: Entity; m: EntityMention }[] {
  const index = analysisOf(deps).entities;
  let map = mentionIndex.get(index);
  if (!map) {
    map = new Map();
    for (const e of index.entities) for (const m of e.mentions) map.set(m.sentence.id, [...(map.get(m.sentence.id) ?? []), { e, m }]);
    mentionIndex.set(index, map);
  }
  return (map.get(sentenceId) ?? []).filter((x) => x.m.sentence.text.slice(x.m.start, x.m.end).length > 0);
}

/** The search keys that stand for the chosen elements (a relation weaker than STANDS_FOR_WEIGHT only ranks). */
function standingKeys(elements: readonly Element[], which: (e: Element) => boolean): Set<string> {
  return new Set(elements.filter(which).flatMap((e) => [...e.keys].filter(([, v]) => v >= 0.5).map(([k]) => k)));
}

/** A noun for people in any of its senses ("climber", "guide"), or one the lexicon lists. */
function namesPeople(lemmaOfNoun: string): boolean {
  return isPeople(lemmaOfNoun) || anySensePerson(lemmaOfNoun);
}

/** "… and their coach", "… and a teacher": one more person after a count of people. */
const PLUS_ONE_PERSON_RE = /^\s+and\s+(?:their|the|his|her|its|a|an|one)\s+([a-z][a-z-]+)\b/;

/** "of the canal's most seasoned pilots": "of", a determiner or a possessive, and the phrase up to a clause mark. */
const PARTITIVE_RE = /^\s+of\s+(?:the|its|their|his|her|these|those|our)\s+([^,;:.!?()"“”]{1,60})/iu;

/** How well a single one fits a count: below a figure of the thing counted, above one of something else in the sentence. */
const SINGLE_FIT = 0.8;

/** The word written right after a bare number ("15 times"). */
const OCCASION_AFTER_RE = /^\s+(\p{Ll}+)\b/u;

/**
 * The fillers of one window, best first. `verbFloor`: how closely the window's centre must word the question's verb for a
 * date, time or sum there to answer it (a neighbour's must state the verb itself, or a word standing for it): lower where
 * the window was chosen for a related verb in its centre (answerable.ts).
 */
export function fillersOf(deps: Pick<Deps, 'corpus' | 'index'>, q: ParsedQuestion, elements: Element[], w: Window, verbFloor = 0.5): Filler[] {
  // What the question names or describes ("the wreckage" is the Titan's) is not its answer.
  // A name asked for ("who was the coach", "what was the rescue boat called") is the one the noun describes: it stays.
  const naming = q.kind === 'person' || q.kind === 'name' || q.kind === 'organisation' || q.kind === 'list';
  const asked = new Set(elements.flatMap((e) => [...(e.entityIds ?? []), ...(e.role === 'topic' && !naming ? (e.described ?? []) : [])]));
  const at = (s: Sentence) => (s === w.sentence ? 1 : 0.7);
  // Where the question's own words stand in the window: a filler near them answers it.
  const anchors = [...w.support.values()].filter((x) => x.via !== 'mention' || true);
  const near = (s: Sentence, pos: number) => {
    const mine = anchors.filter((a) => a.sentence === s);
    if (!mine.length) return 0.85;
    const positions = mine.flatMap((a) => anchorPositions(s, a.via));
    if (!positions.length) return 1;
    const d = Math.min(...positions.map((p) => Math.abs(p - pos)));
    return d < 60 ? 1 : d < 120 ? 0.93 : 0.86;
  };
  const out: Filler[] = [];
  const push = (s: Sentence, start: number, end: number, fit: number, extra: Partial<Filler> = {}) => {
    const text = s.text.slice(start, end).trim();
    if (!text) return;
    const lead = s.text.slice(start, end).indexOf(text);
    out.push({ text, sentence: s, start: start + lead, end: start + lead + text.length, fit, ...extra });
  };
  switch (q.kind) {
    case 'count':
    case 'amount': {
      const head = headKeys(q, elements);
      const often = FREQUENCY_QUESTION_RE.test(q.text);
      const askedKeys = new Set(elements.filter((e) => e.role !== 'predicate' && e.role !== 'date').flatMap((e) => [...e.keys].filter(([, v]) => v >= 0.5).map(([k]) => k)));
      // Every word the question asks with, its verbs too ("how long was the dive": a "two-hour descent" may be it).
      const allKeys = new Set(elements.filter((e) => e.role !== 'date').flatMap((e) => [...e.keys].filter(([, v]) => v >= 0.5).map(([k]) => k)));
      // "the cave entrance": "cave" only says which entrance — a figure measuring the cave measures no entrance.
      const modifierKeys = new Set(
        q.topics
          .filter((t) => q.topics.some((u) => u !== t && u.start === t.end + 1))
          .flatMap((t) => [...(elements.find((e) => e.term === t)?.keys ?? [])].filter(([, v]) => v >= 0.5).map(([k]) => k)),
      );
      // The question's own verbs, by their word or lemma ("held up"): a sum written as the verb's object is what was done.
      const verbKeys = new Set(elements.filter((e) => e.role === 'predicate' && e.term?.cls === 'verb').flatMap((e) => [...e.keys].filter(([, v]) => v >= 0.9).map(([k]) => k)));
      // A name the question asks with, written in the sentence itself.
      const namedIn = (s: Sentence) => elements.some((e) => e.role === 'entity' && w.support.get(e.id)?.sentence === s && w.support.get(e.id)!.match >= 0.9);
      const act = askedAct(q, elements);
      const wholeAsked = q.kind === 'count' && WHOLE_COUNT_RE.test(q.text);
      const askedIds = new Set(elements.filter((e) => e.role === 'entity' && e.entityIds).flatMap((e) => [...e.entityIds!]));
      // The nouns the articles call an asked name by ("the cargo ship Dali": ship, freighter): a measure glued to one is the name's.
      const describing = new Set(
        [...askedIds].flatMap((id) => (analysisOf(deps).entities.byKey.get(id) ?? []).filter((e) => e.id === id).flatMap((e) => (e.cues ?? []).flatMap((c) => c.split(/[:\s]+/)))).filter((w) => THING_NOUNS[w]).map((w) => stem(w)),
      );
      for (const s of w.sentences) {
        for (const f of figuresIn(deps, s.id)) {
          // A bare number ("the 15 behind it") counts what its sentence names.
          // Not one written with a decimal point ("CC BY 4.0", "version 2.5"): things are counted in whole numbers.
          // Nor one written with a leading zero ("(0230 GMT)"): a clock or a code, no count.
          // "two of the canal's most seasoned pilots": a number before "of" and a determiner counts what the phrase names.
          const partitive = PARTITIVE_RE.exec(s.text.slice(f.end, f.end + 80));
          const bare = f.kind === 'number' && q.kind === 'count' && !/^\d+\.\d+$/.test(f.text) && !/^0\d/.test(f.text) && (!partitive || !head || terms(partitive[1]!).some((t) => (head.keys.get(t) ?? 0) >= 0.5));
          // "how many tons": a measure in the unit asked ("500 tons of cocaine").
          const inUnit = q.kind === 'count' && !!q.head && MEASURES.has(f.kind) && terms(f.text).includes(q.head.key);
          // "how tall": a measure of a linear kind written with the dimension asked ("rises 60 feet") is of the kind asked.
          const dimensioned = !!q.dimension && LINEAR_KINDS.has(f.kind) && dimensionSaid(s.text, f) === q.dimension;
          if (!q.figures.includes(f.kind as never) && !bare && !inUnit && !dimensioned) continue;
          const narrowed = !q.headModifiers.length || q.headModifiers.every((m) => terms(s.text.slice(Math.max(0, f.start - 30), f.end + 40)).includes(m.key));
          // "rebooting … up to 15 times": a bare number written before a word for occasions counts those, not the thing asked.
          const occasions = bare && OCCASION_AFTER_RE.exec(s.text.slice(f.end, f.end + 24));
          let fit = inUnit ? 1 : bare ? (narrowed && head && !head.vague && !(occasions && OCCASION_WORDS.has(occasions[1]!)) && terms(s.text).some((t) => (head.keys.get(t) ?? 0) >= 0.5) ? 0.6 : 0) : figureFit(q, f, head, s, namedIn(s), verbKeys);
          // "288 vessels … including 65 container ships": the part is not the total asked, unless it is what was asked —
          // its noun and every word narrowing it ("container") are the question's.
          if (PART_RE.test(s.text.slice(Math.max(0, f.start - 25), f.start))) {
            const narrower = (f.noun ?? '').split(' ').slice(0, -1).filter((x) => x && !askedKeys.has(stem(fold(x))) && !q.headModifiers.some((m) => m.key === stem(fold(x))));
            if (fit < 1) fit *= 0.6;
            else if (narrower.length) fit *= 0.5;
          }
          // "how much … a day": "$15 million of transit fees each day", not "$400 million an hour".
          if (q.rate) {
            const said = rateAfter(s.text.slice(f.end, f.end + 60));
            fit *= said === q.rate ? 1.3 : said ? 0.4 : 0.8;
          }
          // "the 400-metre ship" measures the ship: not the canal the question asks about.
          // A compound it is glued to is read whole ("a 984-foot-long cargo ship" measures the ship): its next word too.
          const glued = f.noun ? `${f.noun} ${/^(?:-[\p{L}]+)?\s+[\p{L}-]+\s+([\p{L}-]+)/u.exec(s.text.slice(f.end))?.[1] ?? ''}` : '';
          if (MEASURES.has(f.kind) && f.noun && !terms(glued).some((t) => askedKeys.has(t) || describing.has(t))) fit *= 0.3;
          // A figure written as an adjective measures the noun it is glued to ("the six-mile cave", "a two-hour descent"):
          // a noun the question does not ask about, or only uses to say which thing it asks about, is measured, not the thing.
          const measured = MEASURES.has(f.kind) || f.kind === 'duration' ? adjectiveFigureNoun(s.text, f) : null;
          if (measured) {
            const keys = terms(glued || measured);
            if (keys.length && (!keys.some((k) => allKeys.has(k) || describing.has(k)) || keys.every((k) => modifierKeys.has(k)))) fit *= 0.3;
          }
          // "764 tons of hazardous material" weighs the material, "500 barrels of oil" is the oil: a weight or volume
          // followed by "of" and what it measures answers for that, not for what the question asks.
          // So does a span of time of a supply ("96 hours worth of air", "40 hours of oxygen"): it is how long that lasts.
          // A span of an act or event ("five days of cancellations", "ten hours of talks") is how long that went on.
          const of = f.kind === 'weight' || f.kind === 'volume' ? MEASURE_OF_RE.exec(s.text.slice(f.end, f.end + 50)) : f.kind === 'duration' ? supplyOf(s.text.slice(f.end, f.end + 50)) : null;
          if (of && !terms(of[1]!).some((t) => askedKeys.has(t) || (f.kind === 'duration' && TIME_NOUNS.has(t)))) fit *= 0.3;
          // "materials weighing 764 tons": the verb's subject is what is measured — the thing asked, or "the vessel" referring to it.
          const by = MEASURE_VERB_BEFORE_RE.exec(s.text.slice(Math.max(0, f.start - 60), f.start));
          if (by && MEASURE_VERB_WORDS.has(by[3]!.toLowerCase()) && !terms(by[2]!).some((t) => askedKeys.has(t)) && !(by[1] && REFERRING_NOUNS[by[2]!.toLowerCase()])) fit *= 0.3;
          // "how many days is the trip": a span shorter than one of the unit asked ("one hour and 45 minutes") is the
          // length of something else ("a seven-night voyage" is the trip's).
          if (q.durationUnit && f.kind === 'duration' && f.unit && DURATION_DAYS[f.unit] && (f.valueHi ?? f.value) * DURATION_DAYS[f.unit]! < DURATION_DAYS[q.durationUnit]!) fit *= 0.5;
          // "how often": a span of time is how long, not how often — a frequency written as one says it (below).
          if (often && f.kind === 'duration') fit *= 0.5;
          // "The visit comes 13 days after the fire": a span written before "after", "later", "ago" is the distance between two
          // events, not how long the act asked lasted ("how long did he spend there") — unless the question asks such a
          // distance ("how long after the fire …", "how long did it take …").
          if (f.kind === 'duration' && OFFSET_AFTER_RE.test(s.text.slice(f.end)) && !LENGTH_BEFORE_RE.test(s.text.slice(0, f.start)) && !OFFSET_QUESTION_RE.test(q.text)) fit *= OFFSET_FIT;
          // "only 58 of the island's more than 70 sirens worked": the question's verb, written right after the whole of a
          // partitive, is done by the part — the part counts it (in the whole's noun), the whole does not.
          const pair = partitivePair(s.text, figuresIn(deps, s.id), f);
          if (pair && verbAfter(s.text, withNoun(s.text, pair.whole), verbKeys)) {
            if (pair.whole === f) fit *= PARTITIVE_WHOLE;
            else fit = Math.max(fit, figureFit(q, pair.whole, head, s, namedIn(s), verbKeys));
          }
          if (fit <= 0) continue;
          // "how many cars were on the train in total": a count of a part answers for the part, not the whole (countsPart).
          if (wholeAsked && countsPart(s, f, askedKeys, q, act)) continue;
          let end = withNoun(s.text, f);
          // "1,120 Delta flights" for "how many United flights": a count whose noun another name modifies is that one's.
          if (askedIds.size && mentionsIn(deps, s.id).some(({ e, m }) => m.start >= f.end && m.end <= end && !askedIds.has(e.id))) fit *= 0.5;
          // A figure of another act than the question's counts something else (countsOtherAct).
          if (q.kind === 'count' && countsOtherAct(deps, s, f, act)) continue;
          // "one hour and 45 minutes", "two years and three months": one span of time, written in two units.
          if (f.kind === 'duration') {
            const rest = figuresIn(deps, s.id).find((g) => g.kind === 'duration' && g.start > end && /^\s*,?\s+and\s+$/.test(s.text.slice(end, g.start)));
            if (rest) end = rest.end;
          }
          // "four boys and their coach": a count of people with one more named after "and" is counted whole, when the
          // question counts people and does not narrow them to the noun ("how many came out", not "how many boys").
          if (f.kind === 'count' && f.head && namesPeople(f.head) && (!head || head.vague)) {
            const plus = PLUS_ONE_PERSON_RE.exec(s.text.slice(end));
            if (plus && namesPeople(lemma(fold(plus[1]!)))) end += plus[0].length;
          }
          push(s, f.start, end, fit * at(s) * near(s, f.start), { figure: f });
        }
        // "how many people died": "A former military diver has died" says one — the question's verb, its subject a
        // single one of the kind counted (a person, for people), written with "a", "an" or "one". A figure elsewhere in
        // the sentence ("… helping rescue efforts for 12 boys") counts something else.
        if (q.kind === 'count' && !often) {
          for (const e of elements) {
            if (e.role !== 'predicate' || e.term?.cls !== 'verb') continue;
            const sup = w.support.get(e.id);
            if (!sup || sup.sentence !== s || sup.at === undefined || sup.match < 0.5) continue;
            const one = singleSubjectBefore(s.text, sup.at);
            if (!one) continue;
            const fits = head && !head.vague ? (head.keys.get(stem(fold(one.noun))) ?? 0) >= 0.5 : isPersonNoun({ text: one.noun, lemma: lemma(fold(one.noun)) });
            if (!fits) continue;
            push(s, one.start, one.end, SINGLE_FIT * at(s));
          }
        }
        // "every 30 minutes", "at 30 minute intervals": how often.
        if (often) for (const m of s.text.matchAll(FREQUENCY_RE)) push(s, m.index!, m.index! + m[0].length, at(s) * near(s, m.index!));
        // "at least twice", "more than 30 times": how many times something happened — an answer to "how many dives" (a
        // thing done, counted as occasions), not to "how many customers" ("advised a customer to reboot up to 15 times").
        const happening = !!q.head && (OCCASION_WORDS.has(lemma(fold(q.head.text))) || isOccasionNoun(q.head.lemma));
        if ((q.kind === 'count' && head && !head.vague && happening && terms(s.text).some((t) => (head.keys.get(t) ?? 0) >= 0.5)) || /\bhow (?:many times|often)\b/i.test(q.text)) {
          for (const m of s.text.matchAll(TIMES_RE)) push(s, m.index!, m.index! + m[0].length, 0.7 * at(s) * near(s, m.index!));
        }
      }
      break;
    }
    case 'time':
      for (const s of w.sentences) for (const f of figuresIn(deps, s.id)) if (f.kind === 'clock') push(s, f.start, f.end, at(s) * near(s, f.start), { figure: f });
      break;
    case 'date': {
      // Words of what the question asks about (its names and nouns), to tell whose date a set-off clause gives.
      const askedWords = standingKeys(elements, (e) => e.role === 'entity' || e.role === 'topic' || e.role === 'context');
      const verbs = q.predicates.filter((p) => p.cls === 'verb').map((p) => p.lemma);
      const askedAll = new Set([...askedWords, ...standingKeys(elements, (e) => e.role === 'predicate')]);
      const askedVerbs = standingKeys(elements, (e) => e.role === 'predicate' && e.term?.cls === 'verb');
      const askedSaying = q.predicates.some((p) => p.cls === 'verb' && (SAYING_LEMMAS.has(p.lemma) || isCommunicationVerb(p.lemma)));
      for (const s of w.sentences) {
        // "a letter asking him to testify": when the sentence holds the act asked about only as asked for or planned,
        // its dates are not when the act happened.
        const unreal = unrealised(s.text, verbs) ? 0.3 : 1;
        // "at around 5:40 p.m.", "10 minutes later": a clock time or a span after something also says when.
        for (const f of figuresIn(deps, s.id)) {
          if (f.kind === 'clock') push(s, f.start, f.end, 0.85 * unreal * at(s) * near(s, f.start), { figure: f });
          else if (f.kind === 'duration' && /^\s+(?:later|after|earlier|before)\b/i.test(s.text.slice(f.end))) {
            const end = f.end + /^\s+\p{L}+/u.exec(s.text.slice(f.end))![0].length;
            push(s, f.start, end, 0.8 * unreal * at(s) * near(s, f.start), { figure: f });
          }
        }
        for (const m of dateMentionsIn(deps, s)) {
          if (m.tenure) continue;
          // "… and can't yet return Wednesday": the question's verb negated in the date's clause — the day it did not happen.
          // "…, the company said in a statement Wednesday": the day of the saying, not of what was said — unless saying is asked.
          // Only a saying that ends its clause, after what was said: "Delta announced July 24 that its operations had
          // returned to normal" dates the return as it reports it.
          const saidOn = !askedSaying && SAID_ON_RE.test(s.text.slice(Math.max(0, m.index - 80), m.index)) && CLAUSE_END_RE.test(s.text.slice(m.index + m.text.length)) ? SAID_ON_FIT : 1;
          if (negatedInClause(s.text, m.index, askedVerbs)) continue;
          // A date the question states ("on sunday") is no answer to it.
          if (q.dates.some((d) => d.weekday === m.weekday && d.month === m.month && d.day === m.day)) continue;
          const lead = /^(?:on|in|at|by|since|from|until|as of)\s+/i.exec(m.text)?.[0].length ?? 0;
          // "by when?": a date something must happen by ("schedule a hearing … by Wednesday"), asked for or not.
          const by = DEADLINE_LEAD_RE.test(m.text) || DEADLINE_BEFORE_RE.test(s.text.slice(0, m.index));
          const deadline = q.deadline ? (by ? 1 / unreal : 0.3) : 1;
          push(s, m.index + lead, m.index + m.text.length, saidOn * deadline * (m.kind === 'relative' ? 0.75 : 1) * unreal * at(s) * near(s, m.index) * heldElsewhere(s.text, m.index, askedWords) * possessiveDate(s.text, m.index + m.text.length, askedWords) * (m.kind === 'relative' ? subordinateDate(s.text, m.index, askedAll) : 1));
        }
        // "which was brought in this week": too vague for the timeline to place, but what the report says of when.
        for (const m of s.text.matchAll(VAGUE_WHEN_RE)) {
          if (out.some((f) => f.sentence === s && f.start <= m.index! && f.end >= m.index! + m[0].length)) continue;
          push(s, m.index!, m.index! + m[0].length, 0.6 * (q.deadline ? 0.3 : 1) * unreal * at(s) * near(s, m.index!) * heldElsewhere(s.text, m.index!, askedWords));
        }
      }
      break;
    }
    case 'person':
    case 'organisation':
    case 'list':
    case 'name':
      out.push(...(q.asksSpeaker ? speakerFillers({ deps, q, elements, w, asked, at, near }) : nameFillers({ deps, q, elements, w, asked, at, near })));
      break;
    case 'place':
      out.push(...placeFillers({ deps, q, elements, w, asked, at, near }));
      break;
    case 'reason': {
      // A cause follows the event it explains ("died after running out of oxygen"): a cue right after the
      // question's words counts fully; a weak cue ("after", "amid") only when a verb's -ing or a noun follows it.
      const events = anchorsIn(w);
      const verbKeys = new Set(elements.filter((e) => e.role === 'predicate' && e.term?.cls === 'verb').flatMap((e) => [...e.keys].filter(([, v]) => v >= STANDS_FOR_WEIGHT).map(([k]) => k)));
      const askedWords = new Set(elements.flatMap((e) => [...e.keys.keys()]));
      const verbless = !elements.some((e) => e.role === 'predicate');
      for (const s of w.sentences) {
        // A neighbour of the centre that holds nothing the question asks about explains something else ("The mass
        // cancellations sparked scrutiny" beside a sentence about the computers): its causes are not the answer.
        // The story's setting (a name every article writes) says nothing of what is asked.
        if (s !== w.sentence && !elements.some((e) => e.role !== 'context' && !e.setting && w.holding.get(e.id)?.has(s.id))) continue;
        for (const [re, strength] of [[REASON_RE, 1], [WEAK_REASON_RE, 0.7]] as const) {
          for (const m of s.text.matchAll(re)) {
            const from = m.index!;
            // The reason ends where the sentence goes on to what followed ("to avoid infection and so haven't …").
            const clause = (/^[^,;:.!?"“”()—]+/.exec(s.text.slice(from))?.[0] ?? '').split(REASON_END_RE)[0]!;
            const words = clause.trim().split(/\s+/);
            if (words.length < 3) continue;
            // "from winds blowing an ember …": a noun and its -ing, a cause at work, counts too.
            if (strength < 1 && !/^\S+\s+(?:\p{L}+ing|the|a|an|his|her|their|its|high|strong|heavy|poor|bad|\p{L}+s\s+\p{L}+ing)\b/iu.test(clause)) continue;
            // "in the Suez Canal", "from the Red Sea": a place named after "in" or "from" says where, not why.
            if (strength < 1 && /^(?:in|from)\s+(?:the\s+)?\p{Lu}/u.test(clause)) continue;
            // "in the same area as …", "in their cars", "in the morning", "in a statement": a setting, not a reason.
            if (strength < 1 && settingAfterIn(clause)) continue;
            const after = events.filter((a) => a.sentence === s).flatMap((a) => anchorPositions(s, a.via)).filter((p) => p < from);
            // Asked with no verb ("what caused the fire"), the noun is all that ties a cue to the question: one far after it explains something else.
            const close = after.length ? (from - Math.max(...after) < 50 ? 1 : verbless ? 0.7 : 0.8) : 0.6;
            // "citing the Suez Canal Authority", "citing sources": whom a report relies on, not a reason.
            if (CITED_SOURCE_RE.test(clause.trim())) continue;
            let end = words.length > 14 ? from + clause.split(/\s+/).slice(0, 14).join(' ').length : from + clause.length;
            // A clause cut off at a word that only leads on ("following a global outage that") ends before it.
            end = from + s.text.slice(from, end).replace(TRAILING_FUNCTION_RE, '').length;
            push(s, from, end, strength * close * at(s));
          }
        }
        // "Firefighters left to address other calls": an infinitive of purpose after the question's verb (and its object).
        for (const f of purposeAfterVerb(s, verbKeys, askedWords)) push(s, f.start, f.end, PURPOSE_FIT * at(s));
        // "Strong winds resulted in the grounding": the cause is the phrase before the cue.
        for (const m of s.text.matchAll(CAUSE_BEFORE_RE)) {
          const before = s.text.slice(0, m.index!);
          // "The count has been especially complicated because of …", "the fire was caused by …": a passive (a form of
          // "be" before the participle — not an -ing, "were complicating" is active — or "by" after it) — the subject before it is what was affected, not the cause.
          if ((!/ing$/i.test(m[0]) && PASSIVE_BEFORE_RE.test(before)) || /^\s+by\b/i.test(s.text.slice(m.index! + m[0].length))) continue;
          // "… but that strong tides and winds were complicating …": the cause without the verb's auxiliary or the words that introduce it.
          const np = /((?:[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+)\s*$/u.exec((before.split(/[,;:.!?"“”()—]/).pop() ?? '').replace(CAUSE_AUX_RE, ''))?.[1]?.replace(CAUSE_LEAD_RE, '');
          // "a global outage that caused …": the cause is the noun phrase the relative word follows.
          // "the company whose power lines sparked …": the cause is what the relative word introduces, not the noun it describes.
          const cause = np?.replace(TRAILING_FUNCTION_RE, '').replace(RELATIVE_HEAD_RE, '');
          if (!cause || cause.split(/\s+/).length < 2) continue;
          const start = before.lastIndexOf(cause);
          // "power lines sparked the earlier fire" for "what started the fire": the effect right after the cue is what was asked about.
          const effect = terms(s.text.slice(m.index! + m[0].length).split(/[,;:.!?"“”()—]/)[0]!.split(/\s+/).slice(0, 7).join(' '));
          const tied = effect.some((k) => elements.some((e) => e.role !== 'date' && (e.keys.get(k) ?? 0) >= 0.5));
          push(s, start, start + cause.length, (tied ? 1 : 0.95) * at(s));
        }
      }
      break;
    }
    case 'age':
      // Ages are read with their holders from the whole corpus (ageSentences); a window holds its own.
      for (const s of w.sentences) for (const f of figuresIn(deps, s.id)) if (f.kind === 'age' && ageFits(deps, elements, f, s)) push(s, f.start, f.end, at(s), { figure: f });
      // "The four boys were among 12 members of the team, ages 11-16": an age held by no one named, in a sentence about the noun asked.
      if (!out.length && !elements.some((e) => e.role === 'entity' || e.role === 'context')) {
        const nouns = elements.filter((e) => e.role === 'topic');
        for (const f of figuresIn(deps, w.sentence.id)) {
          if (f.kind !== 'age' || f.holderIsName || f.entityId) continue;
          if (!nouns.length || !nouns.every((e) => w.support.get(e.id)?.sentence === w.sentence)) continue;
          push(w.sentence, f.start, f.end, 0.8, { figure: f });
        }
      }
      // A thing's age is the year it was made ("the Ever Given, built in 2018").
      if (!out.length && !elements.some((e) => e.role === 'topic' && [...e.keys].some(([k]) => PERSON_NOUNS.has(k)))) {
        for (const s of w.sentences) {
          for (const f of figuresIn(deps, s.id)) {
            if (f.kind !== 'year' || !MAKING_RE.test(s.text.slice(Math.max(0, f.start - 25), f.start))) continue;
            push(s, f.start, f.end, 0.9 * at(s), { figure: f });
          }
        }
      }
      break;
    case 'description': {
      // "which car had the bad bearing": the one of the asked noun the sentence picks out by its place in a row ("the 23rd
      // car", "the third car") or its number ("car No. 4"), in a sentence holding the noun.
      const head = q.head && WHICH_HEAD_RE.test(q.text.slice(0, q.head.start)) ? elements.find((e) => e.term === q.head) : undefined;
      if (head) {
        for (const s of w.sentences) {
          if (!w.holding.get(head.id)?.has(s.id)) continue;
          for (const m of s.text.matchAll(ORDINAL_HEAD_RE)) {
            const noun = m[1] ?? m[2]!;
            if ((head.keys.get(stem(fold(noun))) ?? 0) < 0.9) continue;
            push(s, m.index!, m.index! + m[0].length, at(s) * near(s, m.index!));
          }
        }
      }
      // "who is X": what the articles call X (an apposition or a role written with the name). A question with a verb of
      // its own ("what does X want Delta to do") asks what X does, not what X is.
      const target = elements.find((e) => e.role === 'entity');
      if (!target?.entityIds || elements.some((e) => e.role === 'predicate' && e.term?.cls === 'verb' && !e.term.cue)) break;
      for (const s of w.sentences) {
        for (const { e, m } of mentionsIn(deps, s.id)) {
          if (!target.entityIds.has(e.id)) continue;
          for (const phrase of [m.apposition, m.role]) {
            if (!phrase) continue;
            const i = s.text.indexOf(phrase);
            if (i >= 0 && phrase.split(/\s+/).length <= 14) push(s, i, i + phrase.length, at(s));
          }
        }
      }
      break;
    }
    default:
      break;
  }
  // A filler of the right kind answers only if it is what the question's verb governs: in the clause that
  // holds the verb and what the question is about ("was sailing from China" for "where did it sail from";
  // not "Boskalis owns Smit Salvage, which … the ship" for "who owns the boat").
  // A speaker is tied to the statement by the reporting verb, not to the statement's own verb: no clause tie.
  if (TIED_KINDS.has(q.kind) && !q.asksSpeaker) {
    const tie = clauseTie(deps, elements, out);
    // A phrase read by its preposition alone (no name) is never raised by it: it only falls when tied to nothing.
    for (const f of out) f.fit *= f.loose ? Math.min(1, tie(f)) : tie(f);
  }
  // "When did it get to Rotterdam?", "How much did it cost to build?": a date, a time or a sum answers the
  // question's own verb — the filler's sentence must state it (the word, a form, a synonym or derivation).
  const verbs = elements.filter((e) => e.role === 'predicate' && e.term?.cls === 'verb' && !e.term.cue && !q.clauses.some((c) => c.verbs.includes(e.term!)));
  const ofVerb = q.kind === 'date' || q.kind === 'time' || (q.kind === 'amount' && q.figures[0] === 'money');
  if (ofVerb && verbs.length) {
    const states = (text: string, least: number) => {
      const st = new Set(terms(text));
      return verbs.some((e) => [...e.keys].some(([k, v]) => v >= least && st.has(k)));
    };
    // A related word says the verb only in the filler's own clause ("Quillon, who has inspected the dam since 2020, said
    // the spillway would be rebuilt": 2020 is when the inspecting began, not when anything was built).
    const related = (f: Filler) => verbFloor < 0.5 && f.sentence === w.sentence && states(f.sentence.text.slice(...clauseAt(f.sentence.text, f.start)), verbFloor);
    return out.filter((f) => states(f.sentence.text, 0.5) || related(f)).sort((a, b) => b.fit - a.fit);
  }
  return out.sort((a, b) => b.fit - a.fit);
}

/** The question asks "which" of its head noun ("which car …", "and which platform …"). */
const WHICH_HEAD_RE = /^\s*(?:and\s+|so\s+)?which\s+(?:[\p{L}-]+\s+)?$/iu;
/** A thing picked out by its place in a row or its number: "23rd car", "third car", "car No. 4", "car number 4". */
const ORDINAL_HEAD_RE = new RegExp(
  `\\b(?:\\d+(?:st|nd|rd|th)|${ORDINAL_WORDS.filter((w) => w !== 'next').join('|')})\\s+(\\p{L}+)\\b|\\b(\\p{L}+)\\s+(?:No\\.|number|#)\\s?\\d+\\b`,
  'giu',
);

/** The week or part of the day the article was written in ("earlier this week", "this morning"): a date, vaguely. */
const VAGUE_WHEN_RE = new RegExp(`\\b(?:(?:earlier|later)\\s+)?this\\s+(?:week|${alternation(DAY_PARTS)})\\b`, 'gi');

/** Kinds whose filler is tied to the question's verb by its clause. */
const TIED_KINDS = new Set(['person', 'organisation', 'name', 'place', 'list', 'date', 'time']);
const CLAUSE_RE = new RegExp(`[${CLAUSE_MARKS.replace(/[\\\]^-]/g, '\\$&')}]|\\b(?:${alternation(CLAUSE_OPENERS)})\\b`, 'giu');
const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The clause of a sentence that holds an offset: between clause marks and the words that open a clause. */
function clauseAt(text: string, pos: number): [number, number] {
  let from = 0;
  let to = text.length;
  // ", which went missing with five on board, experienced …": a clause set off by a comma ends at the next one.
  const marks: { at: number; text: string }[] = [];
  for (const m of text.matchAll(CLAUSE_RE)) {
    marks.push({ at: m.index!, text: m[0] });
    if (/^\p{L}/u.test(m[0]) && /,\s*$/.test(text.slice(Math.max(0, m.index! - 3), m.index!))) {
      const close = text.indexOf(',', m.index! + m[0].length);
      if (close > 0) marks.push({ at: close, text: ',' });
    }
  }
  marks.sort((x, y) => x.at - y.at);
  for (const { at, text: mark } of marks) {
    if (at <= pos) {
      // "since 2021", "after the ceremony": a word that opens clauses is here the filler's own preposition.
      if (/^\p{L}/u.test(mark) && /^\s*(?:the\s+)?$/i.test(text.slice(at + mark.length, pos))) continue;
      from = at + mark.length;
    } else {
      to = at;
      break;
    }
  }
  return [from, to];
}

/**
 * Where a word standing for an element (its keys ≥ 0.5, or a part of a hyphened word) is written in a
 * sentence. A phrasal verb's own verb counts only with its particle ("went into", not "went missing" for
 * "go into"); a word standing for the whole ("entered") counts alone.
 */
function keyPositions(s: Sentence, e: Element): number[] {
  const out: number[] = [];
  const words = e.term && e.role === 'predicate' ? e.term.text.toLowerCase().split(/\s+/) : [];
  const particle = words.length > 1 ? words.at(-1)! : null;
  const verb = particle ? lemma(words[0]!) : null;
  const t = wordsOf(s.text);
  for (let i = 0; i < t.at.length; i++) {
    if (!t.keys[i]!.some((k) => (e.keys.get(k) ?? 0) >= 0.5)) continue;
    const word = t.word[i]!;
    if (particle && lemma(fold(word)) === verb && !new RegExp(`^(?:\\s+\\p{L}+){0,2}?\\s+${particle}\\b`, 'iu').test(s.text.slice(t.at[i]! + word.length))) continue;
    out.push(t.at[i]!);
  }
  return out;
}

/**
 * The words of a text as written (WORD_RE), where each stands, and the search key of each with its hyphenated parts'
 * (`stem(fold(part))`, the word's own first): a function of the text alone, read once for every window, filler and
 * question that looks for a key in the sentence. Bounded: cleared past 16,384 texts. Shared: readers must not change it.
 */
const wordsMemo = new Map<string, { at: number[]; word: string[]; keys: string[][] }>();
function wordsOf(text: string): { at: number[]; word: string[]; keys: string[][] } {
  let t = wordsMemo.get(text);
  if (!t) {
    t = { at: [], word: [], keys: [] };
    for (const m of text.matchAll(WORD_RE)) {
      t.at.push(m.index!);
      t.word.push(m[0]);
      t.keys.push([m[0], ...(m[0].includes('-') ? m[0].split('-') : [])].map((p) => stem(fold(p))));
    }
    if (wordsMemo.size >= 16_384) wordsMemo.clear();
    wordsMemo.set(text, t);
  }
  return t;
}

/**
 * How well each filler is tied to what the question asks in its own sentence: the share of the
 * question's verbs (counted twice), topic nouns and names written in the filler's clause, of those
 * written in the sentence at all. A sentence that holds none of them ties nothing (a neighbour's filler).
 */
function clauseTie(deps: Pick<Deps, 'corpus'>, elements: Element[], fillers: Filler[]): (f: Filler) => number {
  const refs = analysisOf(deps).references;
  const cache = new Map<string, { weight: number; at: number[] }[]>();
  const verbs = elements.some((e) => e.role === 'predicate');
  const placed = (s: Sentence) => {
    let got = cache.get(s.id);
    if (got) return got;
    got = [];
    for (const e of elements) {
      if (e.role === 'head' || e.role === 'date') continue;
      let at: number[];
      if (e.entityIds) {
        at = [
          ...mentionsIn(deps, s.id).filter(({ e: x }) => e.entityIds!.has(x.id)).map(({ m }) => m.start),
          ...referencesInSentence(deps, s.id).map((i) => refs[i]!).filter((r) => e.entityIds!.has(r.entity)).map((r) => r.start),
        ];
      } else at = keyPositions(s, e);
      if (at.length) got.push({ weight: e.role === 'predicate' ? 2 : 1, at });
    }
    cache.set(s.id, got);
    return got;
  };
  return (f) => {
    const here = placed(f.sentence).map((x) => ({ ...x, at: x.at.filter((p) => p < f.start || p >= f.end) })).filter((x) => x.at.length);
    // The question's verb, when it has one, must be written in the sentence for the filler to be tied to anything.
    if (!here.length || (verbs && !here.some((x) => x.weight === 2))) return 0.9;
    const [from, to] = clauseAt(f.sentence.text, f.start);
    const all = here.reduce((n, x) => n + x.weight, 0);
    const inClause = here.filter((x) => x.at.some((p) => p >= from && p < to)).reduce((n, x) => n + x.weight, 0);
    return 0.7 + 0.5 * (inClause / all);
  };
}

/** The supports of a window's question words (not its entities). */
function anchorsIn(w: Window): { sentence: Sentence; via: string }[] {
  return [...w.support.values()].filter((x) => !['mention', 'reference', 'alias', 'date', 'dated'].includes(x.via));
}

/** Words between "in" and its noun that say nothing of what the noun is. */
const SETTING_LEAD_RE = /^(?:the|a|an|this|that|its|their|his|her|our|same|whole|early|late|middle|coming|next|past|last|following|first)$/i;

/**
 * "in the same area as the blaze", "in their cars", "in the morning", "in a statement": "in" before a place, a thing, a
 * time or a statement says where or when, not why. Not when a clause says what happened there ("in the area from
 * where the sounds may be coming"): that may be the reason.
 */
function settingAfterIn(clause: string): boolean {
  const w = clause.trim().split(/\s+/);
  if (w[0]!.toLowerCase() !== 'in') return false;
  let i = 1;
  while (i < w.length - 1 && i < 3 && SETTING_LEAD_RE.test(w[i]!)) i++;
  const word = w[i]!.toLowerCase().replace(/[^\p{L}-]/gu, '');
  const noun = lemma(word);
  const next = (w[i + 1] ?? '').toLowerCase();
  if (/^(?:where|which|that|whose)$/.test(next) || (next === 'from' && /^where$/i.test(w[i + 2] ?? ''))) return false;
  if (SETTING_NOUN_SET.has(noun) || SETTING_NOUN_SET.has(word)) return true;
  const cls = nounClass(noun);
  return (cls === 'location' || cls === 'artifact') && !partsOfSpeech(noun).has('verb');
}
const SETTING_NOUN_SET: ReadonlySet<string> = new Set(SETTING_NOUNS);

/** How well an infinitive of purpose after the question's verb answers "why": a little below a stated cue ("because"). */
const PURPOSE_FIT = 0.9;
/** Between the question's verb and a "to": a mark or a word that opens a new clause (PURPOSE_CLAUSE_BREAKS). */
const CLAUSE_BREAK_RE = new RegExp(`[,;:.!?"“”()—]|\\b(?:${alternation(PURPOSE_CLAUSE_BREAKS)})\\b`, 'i');

/**
 * "Why did they leave?" — "… before leaving to address other calls for service": a "to" + verb right after the question's
 * verb, or after its object and its time or place (up to seven words, no new clause between; "flew to Brussels to meet …"), says what it was done for. The infinitive's verb is
 * one WordNet reads as a verb, and either compromise's lexicon knows as an infinitive or an object follows it; not one of
 * the question's own words ("why did they decide to close" is answered by what moved the decision, not by "to close").
 */
function purposeAfterVerb(s: Sentence, verbKeys: ReadonlySet<string>, asked: ReadonlySet<string>): { start: number; end: number }[] {
  if (!verbKeys.size) return [];
  const t = wordsOf(s.text);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < t.word.length; i++) {
    // The question's verb as a verb ("leaving"), not a noun related to it ("his death … the operation to extract").
    if (!t.keys[i]!.some((k) => verbKeys.has(k)) || !partsOfSpeech(lemma(t.word[i]!.toLowerCase())).has('verb')) continue;
    for (let j = i + 1; j <= i + 8 && j + 1 < t.word.length; j++) {
      if (CLAUSE_BREAK_RE.test(s.text.slice(t.at[i]! + t.word[i]!.length, t.at[j]!))) break;
      if (t.word[j]!.toLowerCase() !== 'to') continue;
      const verb = t.word[j + 1]!.toLowerCase();
      const next = t.word[j + 2]?.toLowerCase();
      const isVerb = partsOfSpeech(lemma(verb)).has('verb') && (lexTags(verb).has('Infinitive') || (next !== undefined && INFINITIVE_OBJECT_STARTS.has(next)));
      // "flew to Brussels to meet …": a "to" before a place is read past.
      if (!isVerb) continue;
      if (!t.keys[j + 1]!.some((k) => asked.has(k))) {
        const clause = (/^[^,;:.!?"“”()—]+/.exec(s.text.slice(t.at[j]!))?.[0] ?? '').split(REASON_END_RE)[0]!;
        const words = clause.trim().split(/\s+/);
        if (words.length >= 3) {
          const end = t.at[j]! + (words.length > 14 ? clause.split(/\s+/).slice(0, 14).join(' ').length : clause.length);
          out.push({ start: t.at[j]!, end: t.at[j]! + s.text.slice(t.at[j]!, end).replace(TRAILING_FUNCTION_RE, '').length });
        }
      }
      break;
    }
  }
  return out;
}

/** Where a support's key stands in a sentence (character offsets), for nearness. */
function anchorPositions(s: Sentence, via: string): number[] {
  if (via === 'mention' || via === 'reference' || via === 'alias' || via === 'date' || via === 'dated') return [];
  const out: number[] = [];
  // WORD_RE's words: each word's own key is its first.
  const t = wordsOf(s.text);
  for (let i = 0; i < t.at.length; i++) if (t.keys[i]![0] === via) out.push(t.at[i]!);
  return out;
}

/** The search keys that name what is counted ("how many <boys>"): the head and the words that stand for it. */
function headKeys(q: ParsedQuestion, elements: Element[]): { keys: Map<string, number>; vague: boolean } | null {
  if (!q.head) return null;
  const el = elements.find((e) => e.term === q.head);
  const vague = !el;
  return { keys: el ? el.keys : new Map([[q.head.key, 1]]), vague };
}

/** Between the part and the whole of a partitive: "of", a determiner and up to three words ("58 of the island's more than 70 sirens"). */
const PART_OF_GAP_RE = /^\s+of\s+(?:(?:the|its|their|his|her|these|those|our|all)\s+)?(?:[\p{L}'’-]+\s+){0,3}$/u;
/** How much a partitive's whole fits less, when the question's verb is done by its part. */
const PARTITIVE_WHOLE = 0.5;

/** "of" (or "worth of") and a supply after a span of time ("… worth of air"): no act or event ("… of cancellations"). */
function supplyOf(after: string): RegExpExecArray | null {
  const of = MEASURE_OF_RE.exec(after.replace(/^\s+worth(?=\s+of\b)/i, ''));
  return of && !words(of[1]!).some((x) => isOccasionNoun(lemma(x))) ? of : null;
}

/** The part (a number) and the whole (a count) of a partitive in a sentence, when `f` is one of them. */
function partitivePair(text: string, figs: readonly FigureFact[], f: FigureFact): { part: FigureFact; whole: FigureFact } | null {
  for (const g of figs) {
    const [part, whole] = f.start < g.start ? [f, g] : [g, f];
    if (part === whole || part.kind !== 'number' || whole.kind !== 'count' || part.valueHi !== null || whole.value <= part.value) continue;
    if (PART_OF_GAP_RE.test(text.slice(part.end, whole.start))) return { part, whole };
  }
  return null;
}

/** The question's verb written right after `end` (past an auxiliary or an adverb): "… sirens worked", "… boys were rescued". */
function verbAfter(text: string, end: number, verbKeys: ReadonlySet<string>): boolean {
  const m = /^\s+(?:(?:have|has|had|were|was|are|is|did|do|does|actually|all|still|not|never|also|then)\s+){0,2}([\p{L}'’-]+)/u.exec(text.slice(end));
  return !!m && terms(m[1]!).some((k) => verbKeys.has(k));
}

/** How well a figure answers a count or amount question: its kind, and what it counts. */
function figureFit(q: ParsedQuestion, f: FigureFact, head: { keys: Map<string, number>; vague: boolean } | null, s: Sentence, named = false, verbKeys: ReadonlySet<string> = new Set()): number {
  if (f.kind === 'count' || (f.kind === 'percent' && q.kind === 'count')) {
    if (!head) {
      if (f.kind !== 'count') return 0.9;
      // "what's the death toll": a count of what the figure noun's modifier names ("The death toll has climbed to 2,862",
      // figureNounCount) is the one asked, before a count of anything else in its sentence ("… with 2,562 people injured").
      const figureNoun = q.predicates.some((p) => p.cue && FIGURE_NOUNS.includes(p.lemma));
      return figureNoun && f.head && q.topics.some((t) => t.lemma === f.head || t.key === stem(fold(f.head!))) ? 1 : 0.8;
    }
    const counted = [f.head, ...(f.noun?.split(' ') ?? [])].filter((x): x is string => !!x).map((x) => stem(fold(x)));
    if (head.vague && q.headModifiers.length) {
      // "how many stateless people": the modifier must be written with the count.
      const written = new Set(terms(s.text.slice(Math.max(0, f.start - 30), f.end + 40)));
      if (!q.headModifiers.every((m) => written.has(m.key))) return 0;
    }
    if (head.vague) {
      const asked = q.head ? lemma(fold(q.head.text)) : '';
      const h = f.head ?? '';
      // "how many times": occasions, counted by "twice", "30 times" or a count of acts ("more than 30 expeditions"),
      // not by figures of things.
      if (OCCASION_WORDS.has(asked)) return h && isOccasionNoun(lemma(fold(h))) ? 0.8 : 0;
      if (!PEOPLE_WORDS.has(asked) && !PEOPLE_WORDS.has(fold(q.head?.text ?? ''))) return 0.8;
      // "how many people": a count of people of any kind ("25 crew", "61 suspected traffickers"), not of things named after a model ("10 F-35B fighters").
      if (head.keys.has(stem(h)) || h === 'people' || h === 'person') return 1;
      if (/\d/.test(f.noun ?? '')) return 0;
      return isPeople(h) ? 0.8 : 0;
    }
    // "how many container ships", "how many nuclear weapons": the compound's modifier narrows what is counted.
    if (q.headModifiers.length) {
      const written = new Set([...counted, ...terms(s.text.slice(Math.max(0, f.start - 30), f.end + 40))]);
      if (!q.headModifiers.every((m) => written.has(m.key) || (m.alternatives ?? []).some((a) => written.has(stem(a))))) return 0;
    }
    const best = Math.max(0, ...counted.map((c) => head.keys.get(c) ?? 0));
    if (best >= 0.5) return best;
    // A percentage or a count whose noun is not written: the head word must be in its sentence.
    if (f.kind === 'percent' || !f.head) return terms(s.text).some((t) => (head.keys.get(t) ?? 0) >= 0.5) ? 0.6 : 0;
    return 0;
  }
  let fit = 1;
  if (q.dimension && MEASURES.has(f.kind)) {
    // "400m long and 60m wide": the dimension written with the figure says which one it is; "half a kilometre long
    // (400m)": a figure in brackets restates the one before it, dimension and all.
    const said = dimensionSaid(s.text, f);
    if (said) fit *= said === q.dimension ? 1.15 : 0.25;
    // The kind asked first is the best; another ("how deep" read as a distance) needs its dimension written.
    if (f.kind !== q.figures[0] && said !== q.dimension) fit *= 0.6;
    // "nearly a quarter of a mile long (350m)": a measure in words, restated in digits right after, gives way to them.
    if (restatedInDigits(s.text, f)) fit *= RESTATED;
  }
  // Money and measures of a named thing ("how much sand", "how much trade"): the thing is written beside the
  // figure ("30,000 cubic metres of sand", "trade worth $9.6bn"), a few words either side.
  if (!head || head.vague) return fit;
  const words = terms(`${s.text.slice(Math.max(0, f.start - 50), f.start)} ${f.text} ${s.text.slice(f.end, f.end + 50)}`);
  const near = Math.max(0, ...words.filter((k) => head.keys.has(k)).map((k) => head.keys.get(k)!));
  // "how much oxygen": a span of time measures a supply written before it ("oxygen on board to last 96 hours") or after
  // "of" ("40 hours of oxygen"); "two weeks to journeys and extra fuel costs" measures the journeys, not the fuel.
  if (f.kind === 'duration' && q.head && !TIME_NOUNS.has(q.head.lemma)) {
    const holds = (t: string) => terms(t).some((k) => (head.keys.get(k) ?? 0) >= 0.5);
    const of = /^\s*(?:\([^)]*\)\s*)?of\s+((?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+)/u.exec(s.text.slice(f.end, f.end + 50));
    if (!holds(s.text.slice(Math.max(0, f.start - 60), f.start)) && !(of && holds(of[1]!))) return 0;
  }
  if (near >= 0.5) return near * fit;
  // "how much did the outage cost Fortune 500 companies": the noun after the auxiliary is what costs, the subject, and the
  // report may call it otherwise ("the total loss for Fortune 500 companies at $5.4 billion due to the CrowdStrike
  // incident"); when the question asks for money alone, the name it asks with, written in the figure's sentence, ties
  // the money to it.
  if (named && f.kind === 'money' && q.figures.length === 1 && q.head && SUBJECT_HEAD_RE.test(q.text.slice(0, q.head.start))) return 0.5 * fit;
  // "how much cargo was held up per day": "has held up $9 billion in global trade each day" — a sum written as the object of
  // the question's own verb is the worth of what the verb was done to, whatever the report calls the thing. Only where the
  // thing asked is the verb's object ("how much <cargo> was held up"), not its subject ("how much did <the search> cost").
  return f.kind === 'money' && q.head && !SUBJECT_HEAD_RE.test(q.text.slice(0, q.head.start)) && verbObject(s.text.slice(Math.max(0, f.start - 40), f.start), verbKeys) ? VERB_OBJECT_FIT * fit : 0;
}

/**
 * A count of a part of what a question counts whole ("how many cars were on the train in total"): one written as a part
 * ("including 10 tank cars", "five of those cars"), one whose noun a word the question does not ask narrows ("five
 * derailed cars", "five tanker cars"; a word of size or degree does not), or one that is the subject of a content verb of its
 * own when the question asks none ("about 50 cars derailed" counts those that derailed).
 */
export function countsPart(s: Sentence, f: FigureFact, askedKeys: ReadonlySet<string>, q: ParsedQuestion, act: AskedAct): boolean {
  if (PART_RE.test(s.text.slice(Math.max(0, f.start - 25), f.start))) return true;
  if (PARTITIVE_RE.test(s.text.slice(f.end, f.end + 80))) return true;
  const narrower = (f.noun ?? '')
    .split(' ')
    .slice(0, -1)
    .filter((x) => /^\p{L}/u.test(x) && !STOPWORDS.has(fold(x)) && !DEGREE_ADJECTIVES.has(fold(x)) && !askedKeys.has(stem(fold(x))) && !q.headModifiers.some((m) => m.key === stem(fold(x))));
  if (narrower.length) return true;
  if (act.verbs.length) return false;
  // Past a phrase set off by commas ("about 50 cars, including 10 carrying hazardous materials, derailed").
  const end = Math.max(withNoun(s.text, f), f.end);
  const setOff = /^\s*,[^,;:()]{1,80},/.exec(s.text.slice(end));
  const text = setOff ? s.text.slice(0, end) + s.text.slice(end + setOff[0].length) : s.text;
  return figureVerbs(text, f.start, end).some((v) => v.role === 'subject');
}

/** The question counts the whole (WHOLE_COUNT_CUES) and the figure counts a part of it (countsPart): no answer to it. */
export function partOfWholeAsked(q: ParsedQuestion, elements: readonly Element[], s: Sentence, f: FigureFact): boolean {
  if (q.kind !== 'count' || !WHOLE_COUNT_RE.test(q.text)) return false;
  const askedKeys = new Set(elements.filter((e) => e.role !== 'predicate' && e.role !== 'date').flatMap((e) => [...e.keys].filter(([, v]) => v >= 0.5).map(([k]) => k)));
  return countsPart(s, f, askedKeys, q, askedAct(q, elements));
}

/** What a count question asks of the thing it counts: its verbs (with their relations), and whether the act was done to it. */
export interface AskedAct {
  /** The question's own verbs: none in a clause that only says which thing ("the boat that sank"). */
  verbs: Element[];
  /**
   * The counted thing is what the act was done to, in the past or by a passive ("how many helicopters did the navy send",
   * "how many poles got knocked over"): what they did next ("three helicopters were heading to the area") may be what the
   * act made them do. Not when they did the act ("how many ships sank") or are in a state ("how many tugboats does it own").
   */
  actedOn: boolean;
  /** Every word of the question that says what was done or what state it is in (verbs and adjectives: "died", "injured"). */
  acts: Element[];
}

/** "did" right after the counted noun, or a form of "be" or "get" right before a verb that is no -ing form. */
const PAST_OBJECT_RE = /^\s+did\b/i;
const PASSIVE_ASKED_RE = new RegExp(`\\b(?:${[...COPULAS, 'got', 'get', 'gets', 'getting'].join('|')})\\s+(?:\\p{L}+ly\\s+)?$`, 'iu');

/** A verb of becoming right before a word ("got sick", "fell ill"): the adjective after it says an act. */
const BECOMING_BEFORE_RE = new RegExp(`\\b(?:${alternation(BECOMING_VERBS)})\\s+$`, 'i');

export function askedAct(q: ParsedQuestion, elements: readonly Element[]): AskedAct {
  const becoming = (e: Element) => e.term?.cls === 'adjective' && !e.term.picks && BECOMING_BEFORE_RE.test(q.text.slice(0, e.term.start));
  const verbs = elements.filter((e) => e.role === 'predicate' && (e.term?.cls === 'verb' || becoming(e)) && !e.term!.cue && !q.clauses.some((c) => c.verbs.includes(e.term!)));
  const passive = verbs.some((e) => e.term!.cls === 'verb' && !/ing$/i.test(e.term!.text) && PASSIVE_ASKED_RE.test(q.text.slice(0, e.term!.start)));
  const acts = elements.filter((e) => e.role === 'predicate' && (e.term?.cls === 'verb' || e.term?.cls === 'adjective') && !e.term.cue && !e.term.picks && !q.clauses.some((c) => c.verbs.includes(e.term!)));
  return { verbs, actedOn: passive || (!!q.head && PAST_OBJECT_RE.test(q.text.slice(q.head.end))), acts };
}

/**
 * "how many ships sank": "some 240 ships now waiting to cross" counts ships that wait. A figure bound to a content verb of
 * its own that is neither the question's nor related to it, in a sentence that never states the question's verb, counts
 * what that verb did — not what the question asks. A part ("… were waiting …, including 65 container ships") is bound to
 * the whole's verb.
 */
export function countsOtherAct(deps: Pick<Deps, 'corpus'>, s: Sentence, f: FigureFact, asked: AskedAct): boolean {
  // "2,862 deaths", "the number of dead": a count of the dead counts those who died, not what another word of the question
  // asks ("how many were injured").
  const family = f.head ? root(f.head) : null;
  if (family && CASUALTY_ROOTS.has(family) && asked.acts.length && !asked.acts.some((e) => relatedWord(e, family))) return true;
  if (!asked.verbs.length) return false;
  const whole = PART_RE.test(s.text.slice(Math.max(0, f.start - 25), f.start)) ? figuresIn(deps, s.id).filter((g) => g.kind === 'count' && g.end < f.start).at(-1) : undefined;
  const g = whole ?? f;
  // A bare number ("80 were completely destroyed") names nothing it counts: its passive verb says what was done to it.
  return otherVerb(s, g.start, Math.max(withNoun(s.text, g), g.end), asked, g.kind === 'number');
}

/**
 * The figure at [start, end) of a sentence is bound to a content verb of its own (figure-verb.ts) that is not one of the
 * question's verbs nor related to one (a relation of RELATED_VERB weight or more), and the sentence states none of them.
 */
function otherVerb(s: Sentence, start: number, end: number, act: AskedAct, bare = false): boolean {
  const asked = act.verbs;
  if (!asked.length) return false;

  // The object of a verb may be what the question's verb did, told in other words ("toppled at least 30 power poles" for
  // "knocked over", "processing over 176,000 requests" for "dealing with"); only a verb that measures its subject
  // ("covers nearly two-thirds of an acre", "spans 400 metres") states no act done to it.
  // What the counted things did themselves (their verb's subject, agent or instrument) answers a question of what was done
  // to them, as its outcome (AskedAct.actedOn).
  // A bare number the subject of a passive ("80 were completely destroyed") had another act done to it: no outcome of the
  // act asked, as a count with its noun may be ("25 people were hospitalized" for "how many were injured").
  // "with 2,562 people injured": a participle right after the counted noun (no auxiliary) says which of them are counted.
  const participle = (v: FigureVerb) => v.role === 'subject' && !v.passive && /^\s+$/.test(s.text.slice(end, v.start)) && /\p{L}ed$/iu.test(v.text);
  const bound = figureVerbs(s.text, start, end).filter((v) => (v.role === 'object' ? MEASURE_OBJECT_VERBS.has(lemma(fold(v.text))) : !act.actedOn || (bare && v.passive) || participle(v)));
  if (!bound.length) return false;
  const related = (word: string) => relatedToAsked(act, word);
  // Another act there counts others, whatever else the sentence states ("The death toll has climbed to 2,862 with …").
  if (bound.some((v) => participle(v) && !related(v.text))) return true;
  const said = new Set(terms(s.text));
  if (asked.some((e) => [...e.keys].some(([k, v]) => v >= STANDS_FOR_WEIGHT && said.has(k)))) return false;
  return !bound.some((v) => related(v.text));
}

/** A word is one of the question's verbs or related to one (a relation of RELATED_VERB weight or more). */
function relatedToAsked(act: AskedAct, word: string): boolean {
  return act.verbs.some((e) => relatedWord(e, word));
}
function relatedWord(e: Element, word: string): boolean {
  const keys = new Set([...terms(word), stem(lemma(fold(word)))]);
  return [...keys].some((k) => (e.keys.get(k) ?? 0) >= RELATED_VERB);
}

/** How well a sum written as the object of the question's verb fits a "how much <thing>" question. */
const VERB_OBJECT_FIT = 0.7;
/** The word right before a figure, past a particle ("held up") and a qualifier ("about", "an estimated"). */
const VERB_BEFORE_FIGURE_RE = new RegExp(`\\b(\\p{L}+)(?:\\s+(?:${[...OBJECT_PARTICLES].join('|')}))?\\s+(?:(?:${QUALIFIERS.join('|')})\\s+)?$`, 'iu');

function verbObject(before: string, verbKeys: ReadonlySet<string>): boolean {
  const m = VERB_BEFORE_FIGURE_RE.exec(before);
  return !!m && verbKeys.size > 0 && terms(m[1]!).some((k) => verbKeys.has(k));
}

/** "how much did the …", "how much the …": the noun after an auxiliary or a determiner is the clause's subject ("how much sand" asks for sand). */
const SUBJECT_HEAD_RE = /\bhow\s+much\s+(?:(?:did|does|do|will|would|has|have|had)\s+(?:(?:the|this|that|its|their)\s+)?|(?:the|this|that|its|their)\s+)(?:\p{L}+\s+)?$/iu;

/**
 * "the Ever Given, built in 2018, ran aground": a date in a clause set off by a comma right after a noun phrase
 * (", built in", ", founded on", ", born in") is that phrase's. When the phrase names nothing the question asks
 * about, the date answers for something else: it fits less.
 */
const SET_OFF_DATE_RE = new RegExp(
  String.raw`(?:^|[,;:]\s*|\b(?:and|but|that)\s+)((?:[\p{L}\d'’.-]+\s+){0,4}[\p{L}\d'’.-]+),\s+(?:\p{Ll}+ed|${alternation(SET_OFF_PARTICIPLES)})\s+(?:(?:in|on|at|since)\s+)?$`,
  'u',
);
function heldElsewhere(text: string, at: number, asked: ReadonlySet<string>): number {
  const before = text.slice(Math.max(0, at - 80), at);
  // The mention may open with its preposition ("in 2018"): the clause's verb is right before it.
  const m = SET_OFF_DATE_RE.exec(before.endsWith(' ') ? before : `${before} `);
  if (!m || !asked.size) return 1;
  return terms(m[1]!).some((t) => asked.has(t)) ? 1 : 0.3;
}

/** A verb of saying, past its hearer or the setting of the statement, right before a date ("said in a statement Wednesday"). */
const SAID_ON_RE = new RegExp(
  `\\b(?:${alternation(speechForms({ roles: ['say', 'report', 'allege', 'deny'], forms: ['s', 'past'], ambiguous: false }))})(?:\\s+(?:${alternation(STATEMENT_HEARERS)}|the\\s+\\p{L}+))?(?:\\s+(?:in|at|during|on)\\s+(?:a|an|the|his|her|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${alternation(STATEMENT_SETTINGS)}))?\\s*,?\\s+(?:on\\s+)?$`,
  'iu',
);
/** A clause's end right after a date (a mark, or the sentence's end). */
const CLAUSE_END_RE = /^\s*(?:[.,;:!?"”)]|$)/;
/** How much a date of the saying fits a question about what was said. */
const SAID_ON_FIT = 0.3;
const SAYING_LEMMAS: ReadonlySet<string> = new Set(SPEECH_VERBS.map((v) => v.lemma));

/** A negator right before a verb ("not", "can't", "yet to", an adverb between). */
const NEGATOR_BEFORE_RE = new RegExp(`(?:\\b(?:${alternation(VERB_NEGATORS)})|n['’]t)\\s+(?:\\p{L}+ly\\s+|(?:${alternation(NEGATED_VERB_LEADS)})\\s+)*$`, 'iu');
const NEGATION_TURN_RE = new RegExp(`\\b(?:${alternation(NEGATION_TURNS)})\\b`, 'i');

/**
 * The date at `at` is in a clause that writes one of the question's verbs negated ("residents can't yet return Wednesday",
 * "the school did not reopen on Monday"), with no "until" or "before" between the verb and the date ("could not return
 * until Friday" says when they could).
 */
function negatedInClause(text: string, at: number, verbKeys: ReadonlySet<string>): boolean {
  if (!verbKeys.size) return false;
  const [from, to] = clauseAt(text, at);
  for (const m of text.slice(from, to).matchAll(WORD_RE)) {
    const pos = from + m.index!;
    if (!terms(m[0]).some((k) => verbKeys.has(k))) continue;
    if (!NEGATOR_BEFORE_RE.test(text.slice(Math.max(from, pos - 40), pos))) continue;
    const between = pos < at ? text.slice(pos, at) : text.slice(at, pos);
    if (!NEGATION_TURN_RE.test(between)) return true;
  }
  return false;
}

/** A clause opened inside a sentence ("… flights that started when the outage last week …"). */
const CLAUSE_OPENER_RE = /\b(?:that|which|who|whose|when|after|before|while|since|because|as)\s/gi;

/**
 * "opened an investigation into Delta after complaints over flights that started when the outage last week …": a
 * vague date ("last week", "earlier this month") in a clause opened after the sentence's main words dates that clause,
 * as background. When the clause holds none of the question's words and the sentence before it does, it answers the
 * question less well than a date of the main event. (A day or date written out there — "the note that was sent on
 * Sunday" — still dates what the sentence reports.)
 */
function subordinateDate(text: string, at: number, asked: ReadonlySet<string>): number {
  if (!asked.size) return 1;
  // The date's own preposition ("since 2021", "after Tuesday") opens no clause.
  const openers = [...text.slice(0, at).matchAll(CLAUSE_OPENER_RE)].filter((m) => text.slice(m.index! + m[0].length, at).trim() !== '');
  const last = openers.at(-1);
  if (!last || last.index === 0) return 1;
  const clauseEnd = /[,;:.!?]/.exec(text.slice(at))?.index ?? text.length - at;
  const clause = terms(text.slice(last.index, at + clauseEnd));
  if (clause.some((t) => asked.has(t))) return 1;
  return terms(text.slice(0, last.index)).some((t) => asked.has(t)) ? SUBORDINATE_DATE : 1;
}
const SUBORDINATE_DATE = 0.5;

/**
 * Whether a sentence holds the question's verbs only as acts asked for or planned: each time one is written, it is
 * "to <verb>" after a verb of asking or planning a few words before ("asking him to testify", "plans to reopen").
 */
function unrealised(text: string, verbs: readonly string[]): boolean {
  if (!verbs.length) return false;
  const ws = words(text);
  let seen = false;
  for (let i = 0; i < ws.length; i++) {
    if (!verbs.includes(lemma(ws[i]!))) continue;
    seen = true;
    const governed = ws[i - 1] === 'to' && ws.slice(Math.max(0, i - 6), i - 1).some((x) => REQUEST_VERBS.has(lemma(x)) || PROSPECTIVE_VERBS.has(lemma(x)));
    if (!governed) return false;
  }
  return seen;
}

/**
 * "to testify on last week's global tech outage", "since Friday's outage": a date in the possessive dates the noun
 * after it, not the sentence's verb; it answers only a question about that noun.
 */
function possessiveDate(text: string, end: number, asked: ReadonlySet<string>): number {
  const m = /^['’]s\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)(?=[\s,.;:!?]|$)/u.exec(text.slice(end));
  if (!m || !asked.size) return 1;
  return terms(m[1]!).some((t) => asked.has(t)) ? 1 : 0.3;
}

/** The rate written after a figure ("an hour", "each day", "per week", "daily"), within its clause. */
function rateAfter(text: string): string | null {
  const clause = text.split(/[,;.]/)[0] ?? '';
  const m = /\b(?:a|an|per|each|every)\s+(hour|day|week|month|year)\b|\b(hourly|daily|weekly|monthly|yearly|annually)\b/i.exec(clause);
  return m ? (RATE_UNITS[(m[1] ?? m[2]!).toLowerCase()] ?? null) : null;
}

/** Whether a noun names people: the lexicon's person and group nouns, else WordNet's class of its main sense (of its last part, for compounds). */
function isPeople(noun: string): boolean {
  if (!noun) return false;
  if (PERSONISH.has(noun) || PERSON_NOUNS.has(noun) || TITLE_HEADS.has(noun) || COLLECTIVE_NOUNS.has(noun)) return true;
  // A count of deaths, of the dead or of fatalities counts people who died.
  if (CASUALTY_ROOTS.has(root(noun))) return true;
  for (let i = 0; i <= noun.length - 4; i++) {
    const c = nounClass(noun.slice(i));
    if (c) return c === 'person' || (c === 'group' && i === 0);
    if (i === 0) i = 2; // "narco|terrorist": try the word without a short prefix
  }
  return false;
}

/** The figure with the counted noun written right after it ("4,500 troops"), as one verbatim span. */
function withNoun(text: string, f: FigureFact): number {
  if (f.kind !== 'count' || !f.noun) return f.end;
  const rest = text.slice(f.end);
  const last = f.noun.split(' ').pop()!;
  const m = new RegExp(`^(?:\\s+[\\p{L}-]+){0,3}?\\s+${last.replace(/[^\p{L}\p{N}-]/gu, '')}\\b`, 'iu').exec(rest);
  return m && m[0].split(/\s+/).length <= 5 ? f.end + m[0].length : f.end;
}

/** An age figure that answers the question: its holder's (below), a group's, or the extreme the question asks for. */
function ageFits(deps: Pick<Deps, 'corpus'>, elements: Element[], f: FigureFact, s: Sentence): boolean {
  return ageHolderFits(deps, elements, f) || groupAgeFits(elements, f, s) || extremeAgeFits(deps, elements, f, s);
}

/**
 * "How old was the youngest one?": a question asking an extreme of an age (a superlative adjective, "youngest", "oldest")
 * is answered by the age a sentence writes nearest the same extreme — the superlative itself or "as young as" ("the
 * youngest was just 9 years old", "as young as 1-year-old …"), whoever holds it; "the young footballers, aged 11 to 16"
 * names no extreme. The nouns the question asks the extreme of ("the youngest victim") are in the sentence too, and
 * a question that names someone is answered by that person's own age.
 */
function extremeAgeFits(deps: Pick<Deps, 'corpus'>, elements: Element[], f: FigureFact, s: Sentence): boolean {
  const at = extremeAt(elements, s);
  if (!at) return false;
  const gap = (x: FigureFact) => Math.min(...at.map((i) => Math.abs(x.start - i)));
  const ages = figuresIn(deps, s.id).filter((x) => x.kind === 'age');
  return ages.every((x) => gap(x) >= gap(f));
}

/**
 * Where a sentence writes the extreme a question asks ("the youngest", "as young as"), with the question's nouns in
 * it; null when the question asks no extreme (a superlative adjective), names someone, or the sentence does not say it.
 */
function extremeAt(elements: Element[], s: Sentence): number[] | null {
  if (elements.some((e) => e.role === 'entity' || e.role === 'context')) return null;
  const extreme = elements.find((e) => (e.role === 'predicate' || e.role === 'picks') && e.term?.cls === 'adjective' && /est$/i.test(e.term.text))?.term;
  if (!extreme) return null;
  const said = sentenceKeys(s.text);
  if (!elements.every((e) => e.role !== 'topic' && e.role !== 'head' ? true : [...e.keys].some(([k, w]) => w >= 0.5 && said.has(k)))) return null;
  const at: number[] = [];
  // A word of its own ("the old of "58-year-old" is no "oldest"), written as the superlative or as "as young as".
  for (const m of s.text.matchAll(/(?<![\p{L}\p{N}-])\p{L}+(?![\p{L}-])/gu)) {
    const w = fold(m[0]);
    if (lemma(w) !== extreme.lemma) continue;
    if (w === fold(extreme.text) || (/\bas\s+$/i.test(s.text.slice(Math.max(0, m.index - 4), m.index)) && /^\s+as\b/i.test(s.text.slice(m.index + m[0].length)))) at.push(m.index);
  }
  return at.length ? at : null;
}

/** How far after the extreme's word a name may stand and be the one it names ("as young as 1-year-old Aishani …"). */
const EXTREME_NAME_REACH = 40;

/** An age figure fits when it is the asked person's, or of someone the asked noun names. */
function ageHolderFits(deps: Pick<Deps, 'corpus'>, elements: Element[], f: FigureFact): boolean {
  const ids = new Set(elements.filter((e) => e.role === 'entity' || e.role === 'context').flatMap((e) => [...(e.entityIds ?? [])]));
  if (f.entityId && ids.has(f.entityId)) return true;
  if (ids.size && elements.some((e) => e.role === 'entity')) return false;
  const nouns = elements.filter((e) => e.role === 'topic').flatMap((e) => [...e.keys].filter(([, w]) => w >= 0.5).map(([k]) => k));
  const heldBy = [f.holder, f.holderRole].filter((x): x is string => !!x && !/^\p{Lu}/u.test(x)).map((x) => stem(fold(x)));
  if (heldBy.some((h) => nouns.includes(h))) return true;
  if (f.entityId && elements.some((e) => e.role === 'topic' && e.described?.has(f.entityId!))) return true;
  if (f.entityId) {
    const e = analysisOf(deps).entities.entities.find((x) => x.id === f.entityId);
    const roles = new Set(e?.mentions.flatMap((m) => terms(`${m.role ?? ''} ${m.apposition ?? ''}`)) ?? []);
    if (nouns.some((n) => roles.has(n))) return true;
  }
  return false;
}

/**
 * An age range held by no one named ("the four boys were among 12 members of the team, ages 11-16") is the
 * ages of a group: it answers how old the people a question names by a noun are ("how old are the kids")
 * when its sentence holds that noun (the word or one standing for it) and the question names no one.
 */
function groupAgeFits(elements: Element[], f: FigureFact, s: Sentence): boolean {
  if (f.valueHi === null || f.holderIsName || f.entityId || elements.some((e) => e.role === 'entity' || e.role === 'context')) return false;
  const nouns = elements.filter((e) => e.role === 'topic');
  if (!nouns.length) return false;
  const said = new Set(terms(s.text));
  return nouns.every((e) => [...e.keys].some(([k, v]) => v >= 0.5 && said.has(k)));
}

/**
 * Windows around the ages that fit the question, from the whole corpus: an age is read with
 * its holder (src/analysis/figures.ts), so it is found wherever it is written.
 */
export function ageSentences(deps: Pick<Deps, 'corpus'>, elements: Element[]): { article: Article; sentence: Sentence }[] {
  const out: { article: Article; sentence: Sentence }[] = [];
  for (const f of analysisOf(deps).ageFacts) {
    if (f.kind !== 'age') continue;
    const article = deps.corpus.byId.get(f.articleId);
    const sentence = article?.sentences.find((x) => x.id === f.sentenceId);
    if (!article || !sentence || !ageFits(deps, elements, f, sentence)) continue;
    out.push({ article, sentence });
  }
  return out;
}

/** A name's predicate noun after a copula ("was the youngest victim", "is a retired teacher"): up to three words after the article. */
const COPULA_PREDICATE_RE = /^\s+(?:is|was|are|were|became|becomes|remains|remained)\s+(?:also\s+)?(?:a|an|the|one of the)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u;

/** Words before a name that tie it to a noun: "coach Ekkapol", "British diver John Volanthen", "one of the boys, Adun". */
function linkedTo(m: EntityMention, keys: Map<string, number>): number {
  const s = m.sentence.text;
  const said = [m.role, m.apposition, m.descriptor].filter(Boolean).join(' ');
  const own = terms(said);
  let best = Math.max(0, ...own.map((t) => keys.get(t) ?? 0));
  // The noun right before the name ("coach Ekkapol", "British diver John Volanthen", "one of the boys, Adun"),
  // or right after it as an apposition — not a word further back ("Director of Salvage Operations" is no director).
  // The lowercase words right before it, back over "of"/"called" ("the villages of Brenn", "the rescue boat Sea Wren"), to a capital or another word.
  const lead = /((?:\p{Ll}[\p{L}'’-]*\s+){0,1}\p{Ll}[\p{L}'’-]*)\s*,?\s+(?:(?:of|called|named|dubbed)\s+)?$/u.exec(s.slice(Math.max(0, m.start - 40), m.start))?.[1];
  const before = lead ? terms(lead) : [];
  const after = /^\s*(?:,|\s[-–—]+)\s*(?:a|an|the|one of the|one the)?\s*((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u.exec(s.slice(m.end))?.[1] ?? '';
  // "Ezra was the youngest victim": the noun a copula gives the name as its subject says what it is.
  const predicate = COPULA_PREDICATE_RE.exec(s.slice(m.end))?.[1] ?? '';
  // "the Horizon Arctic ship", "Chiang Rai hospital": the noun written right after the name.
  const next = /^\s+([\p{L}-]+)/u.exec(s.slice(m.end))?.[1];
  const nextKey = next ? terms(next)[0] : undefined;
  // "The ship's insurer for cargo losses, the Nordic Hull Club": a noun phrase set off before the name is what it is —
  // its head noun (before "for", "of" …).
  const setOff = /(?:^|[,;:(]\s*)([^,;:()]{3,60}),\s*(?:the\s+)?$/u.exec(s.slice(Math.max(0, m.start - 80), m.start))?.[1];
  const setOffHead = setOff ? terms(setOff.split(/\s+(?:for|of|at|in|on|with|from|to)\s+/)[0]!).at(-1) : undefined;
  for (const t of [...before, ...terms(after).slice(0, 3), ...terms(predicate).slice(0, 3), ...(nextKey ? [nextKey] : []), ...(setOffHead ? [setOffHead] : [])]) best = Math.max(best, (keys.get(t) ?? 0) * 0.9);
  return best >= 0.5 ? best : 0;
}

/** The capitalised title words written right before a name ("Norfolk Southern CEO and President ", "NTSB Chair "). */
const TITLE_RUN_RE = /(?:\p{Lu}[\p{L}.&'’-]*\s+(?:(?:and|&|of)\s+)?)+$/u;

/** How much more a name fits whose title writes the name that narrows the question's noun (and less, one whose does not). */
const NARROWED_NAME = 1.5;

/** The words of a name's title: the capitalised run before it, its role and apposition ("Ohio Senators", "chief executive of Boskalis"). */
function titleTerms(m: EntityMention): Set<string> {
  const run = TITLE_RUN_RE.exec(m.sentence.text.slice(Math.max(0, m.start - 80), m.start))?.[0] ?? '';
  return new Set(terms(`${run} ${m.role ?? ''} ${m.apposition ?? ''} ${m.descriptor ?? ''}`));
}

/** What a slot's filler search reads: the question, its elements, the window, the entities asked about, and how central and how near a spot is. */
interface SlotContext {
  deps: Pick<Deps, 'corpus' | 'index'>;
  q: ParsedQuestion;
  elements: Element[];
  w: Window;
  asked: Set<string>;
  at: (s: Sentence) => number;
  near: (s: Sentence, pos: number) => number;
}

/** A date written as a deadline: "by Wednesday", "until July 31", "no later than Friday". */
const DEADLINE_LEAD_RE = /^(?:by|until|till|before)\s/i;
const DEADLINE_BEFORE_RE = /\b(?:by|until|till|before|no later than)\s+$/i;

/** A company's legal form written after its name, possessive or not ("’s Corp.", " Inc.", ", Ltd"). */
const COMPANY_TAIL_RE = new RegExp(`^(?:['’]s)?,?\\s+(?:${COMPANY_SUFFIXES.map((x) => x.replace(/\./g, '\\.')).join('|')})\\b\\.?`);
/** A legal form alone is no company's name ("Corp" read off "McDonald’s Corp."). */
const SUFFIX_ONLY: ReadonlySet<string> = new Set(COMPANY_SUFFIXES.map((x) => fold(x)));
/** What stands between two names of a list as written: a comma, "and", "or", "&", "as well as" — and the article a name takes ("Spain, the UK and the Netherlands"). */
const LIST_GAP_RE = /^\s*(?:,\s*(?:(?:and|or|as well as)\s+)?|(?:and|or|&|as well as)\s+)(?:the\s+)?$/i;

/** A noun, then a cue that its members follow ("ports such as", "companies, including", "airlines like"). */
const MEMBERS_AFTER_RE = new RegExp(`([\\p{L}-]+)\\s*,?\\s+(?:${alternation([...PART_CUES.filter((c) => c !== 'among' && c !== 'of which' && c !== 'of whom'), 'like', 'notably'])})\\s+$`, 'iu');

function nameFillers(slot: SlotContext): Filler[] {
  const { deps, q, elements, w, asked, at, near } = slot;
  const out: Filler[] = [];
  const headEl = q.head ? elements.find((e) => e.term === q.head) : undefined;
  const headKeysMap = headEl?.keys;
  const personHead = !!q.head && isPersonNoun(q.head);
  const wantKinds: Entity['kind'][] =
    q.kind === 'organisation' ? ['organization'] : q.kind === 'person' ? (personHead ? ['person'] : ['person', 'organization']) : q.kind === 'list' ? listKinds(q) : ['other', 'organization', 'place', 'person'];
  // The question's own words, to tie a name to what it did or is ("rescue operation chief X" for "who leads the rescue").
  const asKeys = new Map<string, number>();
  for (const e of elements) if (e.role === 'topic' || e.role === 'predicate') for (const [k, v] of e.keys) if (v >= 0.5) asKeys.set(k, Math.max(asKeys.get(k) ?? 0, v));
  // A longer name of what the question names ("SMIT Salvage" for "smit") is the question's own subject, no answer to it.
  const askedNames = q.entities.flatMap((f) => f.entities.map((a) => terms(a.name))).filter((t) => t.length);
  const namesAsked = (e: Entity) => {
    const own = terms(e.name);
    return askedNames.some((t) => t.every((x) => own.includes(x)));
  };
  const anchors = anchorsIn(w);
  const narrowing = q.head ? q.entities.filter((en) => en.end >= 0 && en.end <= q.head!.start && /^\s*$/.test(q.text.slice(en.end, q.head!.start))).map((en) => terms(en.text)).filter((t) => t.length) : [];
  for (const s of w.sentences) {
    // "Paul Hankins, the US Navy Director of Salvage Operations": the words of a named person's title are not another name.
    const titles = mentionsIn(deps, s.id).flatMap(({ m }) => {
      const at = m.apposition ? s.text.indexOf(m.apposition, m.end) : -1;
      return at >= 0 ? [[at, at + m.apposition!.length] as const] : [];
    });
    const inTitle = (m: EntityMention) => titles.some(([a, b]) => m.start >= a && m.end <= b && b - a > m.end - m.start);
    const found = mentionsIn(deps, s.id).filter(({ e, m }) => !asked.has(e.id) && !namesAsked(e) && wantKinds.includes(e.kind) && !m.inQuote && !(e.kind === 'person' && inTitle(m)));
    // "who was the youngest victim": the name written right after the extreme ("as young as 1-year-old Aishani Gia
    // Patel") is the one it names, as "Ezra was the youngest victim" names Ezra.
    const extremes = headKeysMap ? extremeAt(elements, s) : null;
    // The first name after it, of any kind: "as young as 6-year-old Tamsin Reel to Edda Vorn" names Tamsin Reel, whatever
    // the entity index takes her name for.
    const firstAfter = extremes ? extremes.map((i) => mentionsIn(deps, s.id).filter(({ m }) => m.start > i).sort((a, b) => a.m.start - b.m.start)[0]?.m) : [];
    const named = (m: EntityMention) => !!extremes && extremes.some((i, j) => firstAfter[j] === m && m.start - i <= EXTREME_NAME_REACH);
    const scored: { e: Entity; m: EntityMention; fit: number }[] = [];
    const events = anchors.filter((a) => a.sentence === s).flatMap((a) => anchorPositions(s, a.via));
    for (const x of found) {
      let fit = at(s) * near(s, x.m.start) * (x.e.kind === wantKinds[0] ? 1 : 0.8);
      if (headKeysMap) {
        const link = linkedTo(x.m, headKeysMap);
        // The name itself ends with the noun asked for ("Ismailia Economic Court", "Old Trafford stadium").
        const inName = terms(x.e.name).some((t) => (headKeysMap.get(t) ?? 0) >= 0.5);
        // "which company": an organisation is one, named or not as such; a person asked by role must be tied to it.
        const ofKind = q.kind === 'organisation' && x.e.kind === 'organization' ? 0.7 : 0;
        // "which companies …": names of the kind listed in the sentence that says the noun ("A growing list of companies
        // … including United Airlines and McDonald's") are its members, tied to it or not.
        const listed = q.kind === 'list' && w.support.get(headEl!.id)?.sentence === s ? 0.7 : 0;
        // "which countries …": a country is one, named so or not — as a country answers "what country" (placeFillers).
        const country = q.kind === 'list' && x.e.kind === 'place' && COUNTRY_HEADS.has(q.head?.lemma ?? '') && lexTags(x.e.name).has('Country') ? 0.9 : 0;
        const extreme = named(x.m) ? 0.9 : 0;
        if (!link && !inName && !ofKind && !listed && !country && !extreme) continue;
        fit *= Math.max(link, inName ? 1 : 0, ofKind, listed, country, extreme);
        // "which ohio senators": the name the question writes before its noun narrows it — one written with that name in
        // its title ("Ohio Senators Sherrod Brown") is one of them; one without it ("Senator Tom Carper from Delaware") may not be.
        if (narrowing.length) fit *= narrowing.some((t) => t.every((k) => titleTerms(x.m).has(k))) ? NARROWED_NAME : 1 / NARROWED_NAME;
      } else if (q.kind === 'person' || q.kind === 'organisation') {
        // One the articles call by what the question asks ("the technical manager of Ever Given" for "who manages it") is the answer, speaking or not.
        if (linkedTo(x.m, asKeys)) fit *= 1.5;
        else fit *= agentFit(s.text, x.m.start, x.m.end, events);
      }
      scored.push({ ...x, fit });
    }
    if (q.kind === 'list' && scored.length >= 2) {
      // "Dul, Mark and Tee": a run of names as written, each next to the one before but for a comma, "and" or "or"
      // ("NEW YORK -- The stock price of … CrowdStrike" is two names, no list).
      // A company's legal form after its name ("United Airlines Holdings Inc.", "McDonald’s Corp.") is part of it.
      const endOf = (x: { m: EntityMention }) => x.m.end + (COMPANY_TAIL_RE.exec(s.text.slice(x.m.end))?.[0].length ?? 0);
      const sorted = [...scored].filter((x) => !SUFFIX_ONLY.has(fold(x.e.name))).sort((a, b) => a.m.start - b.m.start);
      const runs: (typeof sorted)[] = [];
      for (const x of sorted) {
        const run = runs.at(-1);
        const prev = run?.at(-1);
        if (prev && x.m.start >= endOf(prev) && LIST_GAP_RE.test(s.text.slice(endOf(prev), x.m.start))) run!.push(x);
        else if (!prev || x.m.start >= endOf(prev)) runs.push([x]);
      }
      for (const run of runs) {
        if (run.length < 2) continue;
        const start = run[0]!.m.start;
        const end = endOf(run.at(-1)!);
        const span = s.text.slice(start, end);
        // "major ports such as Singapore and Rotterdam": a run written right after the noun asked for and a cue of its
        // members is that noun's list, whatever else the sentence names.
        const cue = MEMBERS_AFTER_RE.exec(s.text.slice(Math.max(0, start - 40), start));
        const members = !!cue && !!headKeysMap && (headKeysMap.get(stem(fold(cue[1]!))) ?? 0) >= 0.5 ? at(s) : 0;
        if (span.split(/\s+/).length <= 16) out.push({ text: span, sentence: s, start, end, fit: Math.max(members, ...run.map((x) => x.fit)) });
      }
    }
    for (const x of scored) if (!SUFFIX_ONLY.has(fold(x.e.name))) out.push({ text: s.text.slice(x.m.start, x.m.end), sentence: s, start: x.m.start, end: x.m.end, fit: x.fit * specific(deps, x.e), entity: x.e });
    // "A court in the city of Ismailia": the noun asked, then the name that says which — written as the question's noun, it outranks a name merely of the kind.
    if (headKeysMap && (q.kind === 'organisation' || q.kind === 'name')) out.push(...headPhrases(deps, s, headKeysMap, asked, at(s)));
    // "found … by British divers": who acted, described rather than named.
    if (q.kind === 'person' && !headKeysMap) {
      for (const m of s.text.matchAll(/\b(?:by|from)\s+((?:(?:a|an|the|two|three|four|several|some)\s+)?(?:\p{Lu}[\p{L}-]+\s+)+(\p{Ll}+))\b/gu)) {
        const noun = m[2]!;
        if (!PERSON_NOUNS.has(noun) && !PERSON_NOUNS.has(lemma(noun)) && !TITLE_HEADS.has(lemma(noun))) continue;
        const start = m.index! + m[0].indexOf(m[1]!);
        out.push({ text: m[1]!, sentence: s, start, end: start + m[1]!.length, fit: at(s) * near(s, start) * agentFit(s.text, start, start + m[1]!.length, events) });
      }
      // "… a ship's master or captain will be held responsible for any accidents": who, described rather than named —
      // the subject of the centre's clause, a kind of person the question does not name itself ("who holds the captain
      // responsible" is not answered "a master or captain"). Only where the sentence names no person.
      if (s === w.sentence && !found.some(({ e }) => e.kind === 'person')) {
        for (const m of s.text.matchAll(DESCRIBED_SUBJECT_RE)) {
          const nouns = [m[2]!, m[3]].filter((x): x is string => !!x);
          if (!nouns.every((n) => isPersonNoun({ text: n, lemma: lemma(n) })) || nouns.some((n) => asKeys.has(stem(n)) || q.topics.some((t) => t.lemma === lemma(n)))) continue;
          const start = m.index! + m[0].indexOf(m[1]!);
          out.push({ text: m[1]!, sentence: s, start, end: start + m[1]!.length, fit: DESCRIBED_FIT * near(s, start) });
        }
      }
    }
  }
  return out;
}

/** A person described, as the subject of an auxiliary: "a ship's master or captain will be held", "the duty officer was". */
const DESCRIBED_SUBJECT_RE = /(?:^|[,;:]\s+|\b(?:that|and|but)\s+)((?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\p{L}'’-]+\s+){0,3}?(\p{Ll}+)(?:\s+or\s+(\p{Ll}+))?)\s+(?:will|would|is|was|are|were|has|had|must|shall|can|could|may|might)\b/gu;
/** How well such a description fills a "who" slot: below a name in the same place. */
const DESCRIBED_FIT = 0.75;

/** A reporting verb (or "according to") with the title words that may stand before the speaker it introduces ("said US Coast Guard Rear Adm. John Mauger"). */
const SAID_BEFORE_RE = new RegExp(`\\b(${SPEECH_VERB_PATTERN}|${alternation(ATTRIBUTION_PHRASES)})\\s*,?\\s*(?:the\\s+)?(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,6}$`, 'u');
/** A speaker's name followed by its reporting verb ("Jon Gold said", "Gold, a retail lobbyist, said"). */
const SAID_AFTER_RE = new RegExp(`^(?:,[^,;:.!?"“”]{1,90},)?\\s+(?:(?:also|later|then|has|had|previously|reportedly|earlier)\\s+)?(${SPEECH_VERB_PATTERN})\\b`, 'u');
/** A speaker the sentence describes, with its reporting verb: "The commander of the dive team said …". */
const DESCRIBED_SPEAKER_RE = new RegExp(`(?:^|[,;:—]\\s*|\\b(?:and|but|while)\\s+)((?:[Tt]he|[Aa]n?|[Oo]ne)\\s+(?:[\\p{L}'’-]+\\s+){0,7}?)(${SPEECH_VERB_PATTERN})\\b`, 'gu');

/** How much more a speaker fits when the sentence gives it with the question's own reporting verb. */
const SAME_VERB = 1.25;
/** How many sentences before a statement its speaker's name may stand. */
const SPEAKER_LOOKBACK = 3;

/**
 * "Who said …?": the speaker of a sentence of the window that holds the statement — a name its reporting verb
 * introduces ("…, said Jon Gold"), a person it describes ("The commander of the dive team said …"), or the one the
 * corpus analysis attributes it to ("…,” he added.": the name nearest before it). Whoever the statement is about
 * is no answer. The first speaker a sentence gives is the one the statement is told by ("…, said X, Y notes").
 */
function speakerFillers(slot: SlotContext): Filler[] {
  const { deps, elements, w, asked, at } = slot;
  const said = analysisOf(deps).attribution;
  const out: Filler[] = [];
  // The question's own reporting verb ("who announced it"): a speaker the sentence gives with that verb is the one meant.
  const verbKeys = standingKeys(elements, (e) => e.role === 'predicate');
  const sameVerb = (verb: string | undefined) => (verb && verbKeys.has(stem(fold(verb))) ? SAME_VERB : 1);
  const holdsStatement = (s: Sentence) => elements.some((e) => e.role !== 'date' && e.role !== 'head' && w.holding.get(e.id)?.has(s.id));
  for (const s of w.sentences) {
    if (!holdsStatement(s)) continue;
    const mine: Filler[] = [];
    for (const { e, m } of mentionsIn(deps, s.id)) {
      // A name inside a quotation counts here: its own reporting verb makes it a speaker ("“… said Jon Gold,” CNBC notes").
      if (asked.has(e.id) || (e.kind !== 'person' && e.kind !== 'organization')) continue;
      const frame = SAID_BEFORE_RE.exec(s.text.slice(Math.max(0, m.start - 60), m.start)) ?? SAID_AFTER_RE.exec(s.text.slice(m.end, m.end + 120));
      if (!frame) continue;
      mine.push({ text: s.text.slice(m.start, m.end), sentence: s, start: m.start, end: m.end, fit: at(s) * (e.kind === 'person' ? 1 : 0.9) * sameVerb(frame[1]), entity: e });
    }
    for (const m of s.text.matchAll(DESCRIBED_SPEAKER_RE)) {
      const phrase = m[1]!.trim();
      const head = phrase.split(/\s+of\s+/)[0]!.split(/\s+/).at(-1)!;
      if (!isPersonNoun({ text: head, lemma: lemma(fold(head)) })) continue;
      const start = m.index! + m[0].indexOf(m[1]!);
      mine.push({ text: phrase, sentence: s, start, end: start + phrase.length, fit: 0.9 * at(s) * sameVerb(m[2]) });
    }
    mine.sort((a, b) => a.start - b.start).forEach((f, k) => out.push({ ...f, fit: f.fit * (k === 0 ? 1 : 0.9) }));
    const by = said[s.id];
    if (!mine.length && by && !asked.has(by.speaker)) {
      // The name may stand a few sentences before a quotation that goes on ("…,” Buttigieg said. “…” “…,” he added.).
      const all = w.article.sentences;
      const from = all.indexOf(s);
      for (let j = from; j >= Math.max(0, from - SPEAKER_LOOKBACK); j--) {
        const t = all[j]!;
        const hit = mentionsIn(deps, t.id).find((x) => x.e.id === by.speaker && !x.m.inQuote);
        if (!hit) continue;
        out.push({ text: t.text.slice(hit.m.start, hit.m.end), sentence: t, start: hit.m.start, end: hit.m.end, fit: 0.85 * at(s) * (j === from ? 1 : 0.95), entity: hit.e, of: s });
        break;
      }
    }
  }
  return out;
}

const FREQ_UNIT = `(?:${alternation(FREQUENCY_UNITS)})s?`;
const FREQUENCY_RE = new RegExp(`\\b(?:every|each)\\s+(?:(?:\\d[\\d,.]*|few|couple of|two|three|four|five|six|ten|twenty|thirty)\\s+)?${FREQ_UNIT}\\b|\\b(?:\\d[\\d,.]*|one|two|three|five|ten|fifteen|twenty|thirty)[- ]${FREQ_UNIT}\\s+intervals?\\b`, 'gi');
/** "A chamber 700 metres into the complex is where rescuers are basing operations": the place is the phrase before "is where". */
const IS_WHERE_RE = /(?:^|[,;]\s*|\b)(\p{Lu}[^,;:.!?]{2,70}?)\s+(?:is|was|are|were)\s+where\b/gu;
/** Kinds of place a bare place name is one of ("which town"): the fit rule; a generic head ("which site") fits less. */
const PLACE_KINDS: ReadonlySet<string> = new Set(PLACE_KIND_NOUNS);
const MODIFIER_RE = new RegExp(`^\\s+(?:${alternation(PLACE_KIND_NOUNS)})\\s+of\\s+\\p{Lu}`, 'iu');

/**
 * How specific an entity is: one the story names in nearly every article (its setting, its main company)
 * tells no answer apart, so it ranks below a name tied to the question as well.
 */
function specific(deps: Pick<Deps, 'corpus'>, e: Entity): number {
  const n = deps.corpus.articles.length;
  if (n < 3) return 1;
  const spread = new Set(e.mentions.map((m) => m.article.id)).size / n;
  return 1 - 0.25 * Math.max(0, spread - 0.4) / 0.6;
}

/** A capitalised name hyphened to a word standing for the question's verb ("Panama-registered", "Japan-based"). */
function compoundFillers(s: Sentence, elements: Element[], at: number): Filler[] {
  const verbs = elements.filter((e) => e.role === 'predicate');
  const out: Filler[] = [];
  for (const m of s.text.matchAll(/\b((?:\p{Lu}[\p{L}.]*\s+){0,2}\p{Lu}[\p{L}.]*)-(\p{Ll}+)\b/gu)) {
    const key = stem(fold(m[2]!));
    if (!verbs.some((e) => (e.keys.get(key) ?? 0) >= 0.5)) continue;
    out.push({ text: m[1]!, sentence: s, start: m.index!, end: m.index! + m[1]!.length, fit: 1.1 * at });
  }
  return out;
}

/** The asked noun followed by "in/of/at/from" and a name ("court in the city of Ismailia"), as one verbatim phrase. */
function headPhrases(deps: Pick<Deps, 'corpus'>, s: Sentence, keys: Map<string, number>, asked: Set<string>, at: number): Filler[] {
  const out: Filler[] = [];
  const names = mentionsIn(deps, s.id).filter(({ e, m }) => !asked.has(e.id) && !m.inQuote);
  for (const w of s.text.matchAll(/[\p{L}-]+/gu)) {
    if ((keys.get(stem(fold(w[0]))) ?? 0) < 0.5) continue;
    const from = w.index!;
    const next = names.filter(({ m }) => m.start > from && /^\s+(?:in|of|at|from|for)\s+(?:the\s+)?(?:(?:city|town|port|province|state|region|district)\s+of\s+)?$/i.test(s.text.slice(from + w[0].length, m.start)));
    const x = next.sort((a, b) => a.m.start - b.m.start)[0];
    if (x) out.push({ text: s.text.slice(from, x.m.end), sentence: s, start: from, end: x.m.end, fit: 0.85 * at, entity: x.e });
  }
  return out;
}

const SPEECH_AFTER_RE = new RegExp(`^[\\s,]*(?:\\p{Ll}+\\s+)?(?:${SPEECH_VERB_PATTERN})\\b`, 'iu');
const SPEECH_BEFORE_RE = new RegExp(`\\b(?:${SPEECH_VERB_PATTERN}|${alternation(ATTRIBUTION_PHRASES)})\\s*,?\\s*(?:the\\s+)?$`, 'iu');

/**
 * Whether a name is who did what the question asks: the agent after "by" ("found … by British
 * divers"), or the subject right before the verb; one who only speaks ("X said", "said X") is
 * the source of a sentence, not its actor.
 */
function agentFit(text: string, start: number, end: number, events: number[]): number {
  let fit = 1;
  if (SPEECH_AFTER_RE.test(text.slice(end, end + 30)) || SPEECH_BEFORE_RE.test(text.slice(Math.max(0, start - 24), start))) fit *= 0.55;
  const before = events.filter((p) => p < start);
  if (before.length && /\bby\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 12), start)) && start - Math.max(...before) < 80) fit *= 1.2;
  const afterEv = events.filter((p) => p > end);
  if (afterEv.length && Math.min(...afterEv) - end < 30) fit *= 1.1;
  return fit;
}

function isPersonNoun(t: { text: string; lemma: string }): boolean {
  const n = fold(t.text).replace(/'s$/, '');
  return PERSON_NOUNS.has(n) || PERSON_NOUNS.has(t.lemma) || TITLE_HEADS.has(t.lemma) || t.lemma === 'kid' || t.lemma === 'people';
}

function listKinds(q: ParsedQuestion): Entity['kind'][] {
  return q.head && isPersonNoun(q.head) ? ['person'] : ['place', 'organization', 'other'];
}

const LOCATIVE_RE = /\b(?:in|at|inside|on|near|into|to|from|outside|off|beside|behind|beneath|under|within|towards?)\s+((?:(?:the|a|an|its|their|his|her)\s+)?(?:[\p{L}\d'’-]+\s+){0,5}?[\p{L}\d'’-]+)(?=\s*(?:[,.;:!?)]|$|\s(?:and|but|where|when|which|who|after|before|while|as|for|to|on|by|with)\b))/gu;

/** A word WordNet knows only as a verb ("bring", "rescue" is a noun too): it opens no place phrase. */
function isVerbOnly(word: string): boolean {
  const pos = partsOfSpeech(lemma(word));
  return pos.has('verb') && !pos.has('noun') && !pos.has('adj');
}

/** Between a place and one holding it: "Port Kellan in Nova Scotia", "Ismailia, Egypt", "St John’s harbour in Newfoundland". */
const WITHIN_GAP_RE = /^(?:['’]s\s+\p{L}+)?\s*(?:,|\s+in)\s+(?:the\s+)?$/u;
/** How much less the holding place fits than the place it holds. */
const WITHIN_DISCOUNT = 0.9;

/** How much better a locative phrase fits than the place named at its end. */
const HOLDS_PLACE = 1.05;
/** A locative preposition opening a phrase, and the one joining it to the place named after it. */
const OPENING_PREP_RE = /\b(?:in|at|inside|on|near|outside|off|beside|behind|beneath|under|within|aboard|(?:to|into)(?=\s+(?:the|a|an|its|their|his|her)\s))\s+(?=\S)/giu;
/** A possessive (or nothing) after a place and the thing of it, up to three words ("' City Hall", "'s main square", " city hall"). */
const POSSESSED_RE = /^(['’]s|['’])?\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)(?=\s*(?:[,.;:!?)]|$|\s(?:and|but|where|when|which|who|after|before|while|as|for|to|on|in|at|by|with|of)\b))/u;
const JOINING_PREP_RE = /\s(?:in|at|on|near|outside|off)\s+(?:the\s+)?$/iu;

/**
 * Where the locative phrase holding a place name begins ("in the backyard of Sauer's home in " before "Southwest
 * Portland"), or null: the phrase must open with a locative preposition ("to" or "into" before a determiner: "carried to
 * a store room at …") in the same clause, join the name with "in", "at", "on", "near", "outside" or "off", and name a
 * thing — a noun, no verb, no capitalised name, at most eight words.
 */
function heldPlacePhrase(text: string, nameStart: number): number | null {
  const before = text.slice(Math.max(0, nameStart - 80), nameStart);
  const offset = nameStart - before.length;
  const join = JOINING_PREP_RE.exec(before);
  if (!join) return null;
  const clause = before.slice(0, join.index);
  const cut = Math.max(clause.lastIndexOf(','), clause.lastIndexOf(';'), clause.lastIndexOf(':'), clause.lastIndexOf('('), clause.lastIndexOf('"'), clause.lastIndexOf('“'));
  for (const m of clause.slice(cut + 1).matchAll(OPENING_PREP_RE)) {
    const start = cut + 1 + m.index!;
    const words = clause.slice(start + m[0].length).trim().split(/\s+/).filter(Boolean);
    if (!words.length || words.length > 8) continue;
    const content = words.filter((w) => !STOPWORDS.has(w.toLowerCase().replace(/['’]s$/, '')));
    if (!content.length || content.some((w) => /^\p{Lu}/u.test(w) && !/['’]s$/.test(w)) || content.some((w) => isVerbOnly(w.toLowerCase()))) continue;
    if (!content.some((w) => nounClass(lemma(w.toLowerCase().replace(/['’]s$/, ''))) !== null)) continue;
    return offset + start;
  }
  return null;
}

/** A question ending on a noun and "of" or "with" ("… near the border of?"): it asks for that preposition's object. */
const STRANDED_OF_RE = /\b(\p{L}+)\s+(?:of|with)\s*\??\s*$/iu;
/** A noun and a preposition right before a name ("the border with ", "the capital of "). */
const NOUN_PREP_BEFORE_RE = /\b(\p{L}+)\s+(?:of|with|between)\s+(?:the\s+)?$/iu;
/** How much better the place written as the object of the question's stranded preposition fits. */
const STRANDED_OBJECT = 1.3;

function placeFillers(slot: SlotContext): Filler[] {
  const { deps, q, elements, w, asked, at, near } = slot;
  const out: Filler[] = [];
  const headEl = q.head ? elements.find((e) => e.term === q.head) : undefined;
  // "where did it sail from" asks the place after "from"; "where was it headed" the one after "to".
  const qWords = new Set(q.text.toLowerCase().split(/[^\p{L}]+/u));
  const origin = /\bfrom\s*\??\s*$/i.test(q.text) || ORIGIN_QUESTION_WORDS.some((x) => qWords.has(x) && x !== 'from');
  const destination = !origin && DESTINATION_QUESTION_WORDS.some((x) => qWords.has(x));
  const direction = (s: Sentence, start: number) => {
    // The preposition before the place, or opening a locative phrase ("to Halden").
    const prep = (/\b(from|to|for|toward|towards|into)\s+(?:the\s+)?$/i.exec(s.text.slice(Math.max(0, start - 12), start)) ?? /^(from|to|for|toward|towards|into)\s/i.exec(s.text.slice(start)))?.[1]?.toLowerCase();
    if (origin) return prep === 'from' ? 1.3 : prep ? 0.6 : 0.75;
    if (destination) return prep && prep !== 'from' ? 1.3 : prep === 'from' ? 0.6 : 1;
    // "where were they found": the place something came from ("divers from the UK") is not where it is or happened.
    return prep === 'from' ? 0.75 : 1;
  };
  // "which country is the cave near the border of?": the question ends on a noun and the preposition whose object it asks —
  // the place the sentence writes after that noun and a preposition ("near the border with Myanmar") is the one asked.
  const stranded = STRANDED_OF_RE.exec(q.text);
  const strandedKeys = stranded ? (elements.find((e) => e.term && fold(e.term.text) === fold(stranded[1]!))?.keys ?? new Map([[stem(fold(stranded[1]!)), 1]])) : null;
  const objectOfStranded = (s: Sentence, start: number) => {
    if (!strandedKeys) return 1;
    const m = NOUN_PREP_BEFORE_RE.exec(s.text.slice(Math.max(0, start - 40), start));
    return m && terms(m[1]!).some((k) => (strandedKeys.get(k) ?? 0) >= 0.5) ? STRANDED_OBJECT : 1;
  };
  // "where are they from?", "what nationality is the crew?": a nationality written with them ("an all-Indian crew").
  const people = elements.filter((e) => e.role === 'topic' || e.role === 'context' || e.role === 'head').flatMap((e) => [...e.keys].filter(([, v]) => v >= 0.5).map(([k]) => k));
  if (origin || headEl?.term?.lemma === 'nationality') {
    for (const s of w.sentences) {
      // "a Russian-based hacker group": the nationality hyphened to a participle is the group's all the same.
      for (const m of s.text.matchAll(/\b(?:all-)?(\p{Lu}\p{Ll}+)(?:-\p{Ll}+(?:ed|en)\b)?\b(?=\s+(?:\p{L}+\s+){0,2}?(\p{L}+))/gu)) {
        if (!lexTags(m[1]!).has('Demonym') && !/(?:ian|ese)$/.test(m[1]!)) continue;
        const tail = terms(s.text.slice(m.index! + m[0].length, m.index! + m[0].length + 40)).slice(0, 3);
        if (!tail.some((t) => people.includes(t))) continue;
        const end = m.index! + m[0].indexOf(m[1]!) + m[1]!.length;
        out.push({ text: s.text.slice(m.index!, end), sentence: s, start: m.index!, end, fit: 0.95 * at(s) });
      }
    }
  }
  // "where in the cave": the cave itself is not where.
  const topicKeys = new Set(elements.filter((e) => e.role === 'topic').flatMap((e) => [...e.keys].filter(([, v]) => v >= 0.5).map(([k]) => k)));
  for (const s of w.sentences) {
    for (const { e, m } of mentionsIn(deps, s.id)) {
      if (asked.has(e.id) || m.inQuote || (e.kind !== 'place' && !(headEl && e.kind === 'organization'))) continue;
      if (terms(e.name).some((t) => topicKeys.has(t))) continue;
      let fit = at(s) * near(s, m.start);
      if (headEl) {
        // "which hospital": a name ending with it or described so; "what country": a country.
        const inName = terms(e.name).some((t) => (headEl.keys.get(t) ?? 0) >= 0.5);
        const link = linkedTo(m, headEl.keys);
        const country = COUNTRY_HEADS.has(headEl.term?.lemma ?? '') && lexTags(e.name).has('Country');
        // "which town": any place named may be one; "which hospital", "which school": a place is one only when its name or
        // the articles say so — a town is no hospital.
        const kindOfPlace = country || PLACE_KINDS.has(headEl.term?.lemma ?? '');
        if (!inName && !link) fit *= country ? 0.9 : kindOfPlace ? 0.5 : 0.3;
      }
      // "in Chiang Rai", "to Rotterdam": a place after a locative preposition.
      if (/\b(?:in|at|to|from|near|inside|into|outside|off)\s+(?:the\s+)?$/i.test(s.text.slice(Math.max(0, m.start - 12), m.start))) fit *= 1;
      else fit *= 0.85;
      fit *= direction(s, m.start) * objectOfStranded(s, m.start);
      // "the Suez Canal city of Ismailia": the name before "city of" only says which city; the place is the one after.
      if (MODIFIER_RE.test(s.text.slice(m.end, m.end + 30))) fit *= 0.5;
      out.push({ text: s.text.slice(m.start, m.end), sentence: s, start: m.start, end: m.end, fit: fit * specific(deps, e), entity: e });
    }
    // "the Panama-registered Ever Given" for "what country is it registered in": a name joined to the question's verb.
    out.push(...compoundFillers(s, elements, at(s)).map((f) => {
      const country = COUNTRY_HEADS.has(headEl?.term?.lemma ?? '') && lexTags(f.text).has('Country');
      return { ...f, fit: f.fit * (headEl && !country ? 0.8 : 1) };
    }));
    for (const m of s.text.matchAll(IS_WHERE_RE)) {
      const start = m.index! + m[0].indexOf(m[1]!);
      out.push({ text: m[1]!, sentence: s, start, end: start + m[1]!.length, fit: 0.95 * at(s) });
    }
    if (!headEl) {
      // No place named: the locative phrase ("on a muddy bank deep inside the cave complex").
      for (const m of s.text.matchAll(LOCATIVE_RE)) {
        const phrase = m[0];
        const nouns = terms(m[1]!);
        if (!nouns.length || nouns.every((t) => /^\d/.test(t))) continue;
        if (findDateMentions(phrase).length) continue;
        // "to bring the crew home": "to" before a verb is an infinitive, not a direction.
        const first = m[1]!.split(/\s+/)[0]!.toLowerCase();
        if (!/^(?:the|a|an|its|their|his|her)$/.test(first) && isVerbOnly(first)) continue;
        // "in Tham Luang Cave" for "where in the cave": a short phrase naming what the question is about is not where in it.
        if (nouns.length <= 3 && nouns.some((t) => topicKeys.has(t))) continue;
        // "in good health", "in shock": a state, not a place.
        if (isStateNoun(lemma(m[1]!.split(/\s+/).at(-1)!.toLowerCase()))) continue;
        out.push({ text: phrase, sentence: s, start: m.index!, end: m.index! + phrase.length, fit: 0.6 * at(s) * near(s, m.index!) * direction(s, m.index!), loose: true });
      }
    }
  }
  // "found in the backyard of Sauer's home in Southwest Portland": a place named at the end of a locative phrase about a
  // thing (no place name of its own) only says where that thing is; the phrase whole is where, and leads.
  if (!headEl && !origin) {
    for (const f of [...out]) {
      if (f.loose || !f.entity) continue;
      const text = f.sentence.text;
      // "stored at Paris' City Hall": the place's own thing, written after it with a possessive, is where.
      // So is a thing the name modifies ("at Paris city hall"): every word a lower-case noun.
      const owned = POSSESSED_RE.exec(text.slice(f.end));
      const ownedWords = owned?.[2]!.split(/\s+/) ?? [];
      const noun = (w: string) => nounClass(lemma(w.toLowerCase())) !== null && !isVerbOnly(w.toLowerCase());
      const fits = owned?.[1] ? ownedWords.some((w) => /^\p{Lu}/u.test(w) || noun(w)) : ownedWords.every((w) => /^\p{Ll}/u.test(w) && noun(w));
      const end = owned && fits && !ownedWords.some((w) => STOPWORDS.has(w.toLowerCase())) ? f.end + owned[0].length : f.end;
      // "the Brasken Strait harbour city of Lorvik": the thing is named after "of"; that name is where.
      if (/^\s+of\s+(?:the\s+)?\p{Lu}/u.test(text.slice(owned ? f.end + owned[0].length : end))) continue;
      if (end > f.end) out.push({ ...f, text: text.slice(f.start, end), end, fit: f.fit * HOLDS_PLACE });
      const held = heldPlacePhrase(text, f.start);
      if (held !== null) out.push({ ...f, text: text.slice(held, end), start: held, end, fit: f.fit * HOLDS_PLACE * (end > f.end ? HOLDS_PLACE : 1) });
    }
  }
  // "to St John's harbour in Newfoundland", "Ismailia, Egypt": the place written after another with "in" or a comma holds
  // it; the one before is where, and leads.
  for (const outer of out) {
    if (outer.loose) continue;
    const inner = out.find((f) => f !== outer && !f.loose && f.sentence === outer.sentence && f.end <= outer.start && WITHIN_GAP_RE.test(outer.sentence.text.slice(f.end, outer.start)));
    if (inner && inner.fit >= outer.fit) outer.fit *= WITHIN_DISCOUNT;
  }
  return out;
}

