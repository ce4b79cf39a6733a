/**
 * /verify, offline: check a user's claim against the articles. The claim is
 * matched to the sentences (or two-sentence quotes) that bear on it by
 * idf-weighted coverage of its distinctive terms, as /ask decides
 * answerability; then its figures, dates, names (including who said it) and
 * polarity are compared explicitly with them. A compound claim ("… and will
 * send troops") is split and each part judged. The verdict leans conservative:
 * a claim about something the articles never mention is "not addressed", and a
 * negation, denial or attribution we cannot pin down gives "partly supported",
 * never a confident "contradicted".
 */
import type { Deps } from '../deps.js';
import { readFigures } from '../analysis/figures.js';
import { BadInputError } from '../errors.js';
import { antonymsOf, synonymsOf } from '../language/synonyms.js';
import { editDistance } from '../language/edit-distance.js';
import {
  ALLEGATION_WORDS, ANSWER_VERBS, CASUALTY_ROOTS, CLAIM_FRAME, FIGURE_NOUNS, LIGHT_VERBS, ROLE_OPENERS, SUBORDINATORS, TITLE_HEADS, CLAUSE_START_WORDS, DETERMINERS, DISBELIEF, FINITE_AUXILIARIES, NON_NAME_SUBJECTS, POSSESSIVES, SUBJECT_PRONOUNS, MONTH_PATTERN, MONTH_AND_WEEKDAY_NAMES, INTRO_PHRASE_WORDS, RECIPROCAL_WORDS, alternation, denialForms, speechForms, wordRe,
} from '../language/lexicon/index.js';
import { compoundParts, fold, lemma, root, scheduleAsWill, stem, terms, verbForms, words } from '../language/tokenize.js';
import { lexTags, tagWords } from '../language/word-tags.js';
import { inDictionary, partsOfSpeech } from '../language/wordnet.js';
import { PREPOSITION_PARTICIPLES, QUALIFYING_PREPOSITIONS, SUBJECT_QUANTIFIERS } from '../language/lexicon/clauses.js';
import type { Answer, AnswerBlock, Article, Sentence } from '../types.js';
import { keyOf, type Entity, type EntityMention } from '../index/entities.js';
import { verbPhrases } from '../language/tense.js';
import { LEAD_TITLES, LEAD_VERBS } from '../language/lexicon/roles.js';
import { lookupEntity } from './who.js';
import { properNames } from './ask.js';
import { createCiter, type Citer } from './cite.js';
import { oppositeStatement, routeSpans, statesAsStatement, supportOf, type Support, type SupportContext } from '../evidence/support.js';
import { claimSlots, relateSlot, type ClaimSlot, type SlotFiller } from '../evidence/claim-slot.js';
import { findAnswer } from './ask-evidence.js';
import { RELATED_VERB, type Answering } from '../evidence/answerable.js';
import type { Element } from '../evidence/retrieve.js';
import type { Filler } from '../evidence/short.js';
import { parseDates, type DateParts } from '../language/dates.js';
import { agesOf, claimAge, comparableFigures, resolveHolder, sameNumber, statedAge } from './figure-slots.js';
import { capitalize, quotedList } from './phrasing.js';
import { analysisOf } from '../analysis/index.js';
import { expandQuery } from '../analysis/relations.js';
import {
  antonymIn,
  articleLabel,
  attribution,
  cleanClaim,
  clip,
  countIndependent,
  numberWordsIn,
  wordsToDigits,
  datesAsRead,
  datesIn,
  percentsIn,
  denialOf,
  differentTimes,
  figuresInText,
  hasNegation,
  isNonConfirmation,
  hedgeOf,
  negatedOnlyTerms,
  relateDates,
  relateFigures,
  sameQuantity,
  yearsIn,
  type DateMention,
  type FigureRelation,
  type Hedge,
} from './claims.js';
import type { Figure } from '../analysis/digest-figures.js';
import { singleCount } from '../analysis/claim-figures.js';

export type Verdict = NonNullable<Answer['verdict']>;

/**
 * Claim words that frame the claim rather than say anything ("is it true that…", "…still…"), and light verbs
 * ("happen", "occur") that carry no content of their own.
 */
const FRAME = new Set(CLAIM_FRAME.map((w) => terms(w)[0] ?? w));

/**
 * A negated belief or a doubt about what is said ("I doubt it", "I don't think so", "does not believe the United States
 * is going to war"): said of a claim "X said Y", it is evidence against it, not for it.
 */

/** Verbs by which a claim or a sentence gives someone's words ("X said", "X claims", "X believes", "X denied"). */
const CLAIM_SPEECH = alternation(speechForms({ roles: ['say', 'allege', 'deny', 'believe'], forms: ['s', 'past'] }));
const SPEAKER_RE = new RegExp(`^\\s*((?:[\\p{L}'’.-]+\\s+){0,2}?[\\p{L}'’.-]+)\\s+(?:has\\s+|had\\s+)?(?:${CLAIM_SPEECH})\\b`, 'iu');
const REPORTED_PREFIX_RE = new RegExp(`^(.*?\\b(?:told\\s+\\S+|${CLAIM_SPEECH}))\\b`, 'i');
const ANSWERED_RE = wordRe(ANSWER_VERBS);
const CLAIM_DENIAL_RE = wordRe(denialForms({ strong: true, forms: ['base', 's', 'past'] }));
const CLAIM_REPORT_RE = new RegExp(`\\b(?:reports that|first reported|reported|${alternation(speechForms({ roles: ['say', 'allege'], ambiguous: false, forms: ['s', 'past'] }))})\\b`, 'i');
const SAID_OPENING_RE = new RegExp(`^\\s*((?:[\\p{L}’'.-]+\\s+){0,4}?[\\p{L}’'.-]+)\\s+(?:${alternation(ALLEGATION_WORDS)})\\s+(?:that\\s+)?\\S`, 'u');
const DENIED_BY_RE = new RegExp(`((?:\\p{Lu}[\\p{L}'’.-]+\\s+){0,2}\\p{Lu}[\\p{L}'’.-]+)(?:,[^,]{0,80},)?\\s+(?:has\\s+|had\\s+)?(?:${alternation(denialForms({ forms: ['s', 'past'] }))})\\b`, 'u');
const SPEAKERS_IN_RE = new RegExp(`(\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+)*)\\s+(?:has\\s+|had\\s+)?(?:${CLAIM_SPEECH})\\b`, 'gu');

/** Coverage of the claim's distinctive terms at which a sentence bears on it. */
const BEARS = 0.7;
/** Coverage at which a sentence says all of it. */
const FULL = 0.8;

interface FigureCheck {
  claim: Figure;
  status: FigureRelation | 'none';
  found: { f: Figure; rel: FigureRelation; article: Article }[];
  /** Matches one source but another independent one contradicts it. */
  disputed?: boolean;
}

interface Evidence {
  /** The first sentence of the unit. */
  s: Sentence;
  /** The unit: one sentence, or two consecutive ones that say it together. */
  sents: Sentence[];
  text: string;
  article: Article;
  coverage: number;
  covered: Set<string>;
  uncovered: string[];
  /** Share of the claim's terms other than its counted nouns found in this sentence or the adjacent ones. */
  direct: number;
  /** The sentence negates one of the claim's own (non-name) terms. */
  negated: boolean;
  /** The sentence has any negation cue ("I don't think so"). */
  anyNegation: boolean;
  /** The sentence states a negated belief or a doubt ("I doubt it. I don't think so", "does not believe …"). */
  disbelief: boolean;
  hedge: Hedge | null;
  denial: string | null;
  who: string | null;
}

/** What one claim (or one part of a compound claim) comes to. */
interface Assessment {
  claim: string;
  verdict: Verdict;
  /** Why, in words: reasons for a verdict, or the full "not addressed" explanation. */
  reasons: string[];
  blocks: AnswerBlock[];
  supportIds: string[];
  againstIds: string[];
  figures: { claim: string; status: string; articles: string[] }[];
  /** "Partly supported" only because no sentence found covers enough of its words: the judge may still find one that says it. */
  loose?: boolean;
  /** Supported only by pairs of sentences: the judge must find that one of them says it, else its names and verb may come from two events. */
  pairsOnly?: boolean;
  /** The claim states nothing a sentence could bear out (one word): no later reading changes "not addressed". */
  final?: boolean;
}

/** A sentence (or two adjacent ones) the one judge (src/evidence/support.ts) read against a claim part. */
interface Judged {
  sents: Sentence[];
  article: Article;
  text: string;
  support: Support;
}

/** Share of a claim's words a sentence must say for its incompatible name, state, polarity, figure or date to contradict the claim when the rest is worded otherwise. */
const AGAINST_COVERAGE = 0.6;

/**
 * The sentences the search finds for a claim part, judged by supportOf: those that say it,
 * and those that say something incompatible about the same subject — every failing check a
 * contradiction (another name in its place, the opposite polarity or state, another figure
 * or date of the same kind), or a predicate short of a word or two.
 */
function judgeBySupport(deps: Deps, claim: string, verb = mainVerb(claim)): { for: Judged[]; against: Judged[] } {
  const ctx: SupportContext = { entities: analysisOf(deps).entities };
  const dated = analysisOf(deps).sentenceDates;
  const out = { for: [] as Judged[], against: [] as Judged[] };
  const seen = new Set<string>();
  // A sentence saying the opposite state shares no word of it with the claim ("northbound" / "travelling south"): it is
  // searched for as written.
  const opposite = oppositeStatement(claim);
  const main = mainClause(claim);
  const subject = subjectNouns(claim);
  const hits = [...deps.index.search(claim, { limit: 12 }), ...(opposite ? deps.index.search(opposite, { limit: 6 }) : [])];
  for (const h of hits.filter((h, i) => hits.findIndex((o) => o.id === h.id) === i)) {
    const p = deps.index.passage(h.id);
    const article = p && deps.corpus.byId.get(p.articleId);
    if (!p || !article) continue;
    // A one-sentence paragraph that negates ("None of the animals impacted were endangered") often has the rest of its
    // subject in the sentence before it, across the paragraph break, as assess() reads its adjacent sentences. Such a
    // pair may only contradict by that polarity or state: a figure, a name or support drawn from two paragraphs may be
    // of two things ("… killing at least 114 people." / "Biden … in Lahaina."). Its other sentence is read alone too.
    const short = (a: Sentence, b: Sentence) => words(a.text).length + words(b.text).length <= 60;
    const units = p.sentences.flatMap((x, i) => {
      const next = p.sentences[i + 1] ?? besideInArticle(article, x, 1);
      const prev = i === 0 ? besideInArticle(article, x, -1) : undefined;
      return [...(prev ? [[prev], ...(short(prev, x) ? [[prev, x]] : [])] : []), [x], ...(next && short(x, next) ? [[x, next]] : []), ...(next && !p.sentences[i + 1] ? [[next]] : [])];
    });
    for (const sents of units) {
      const key = sents.map((x) => x.id).join('+');
      const text = sents.map((x) => x.text).join(' ');
      if (seen.has(key) || /\?\s*["”’']?\s*$/.test(text.trim())) continue;
      seen.add(key);
      const timeline = sents.flatMap((x) => (dated.get(x.id) ?? []).map((d) => d.date));
      let support = supportOf(claim, { quote: text, speakers: article.outlet ? [article.outlet] : [], timeline }, ctx);
      // A sentence writing the opposite state of a subject its article names in its title ("Biden … visits Lahaina":
      // "a burned – but still standing – banyan tree") speaks of the title's name: read with the title, the name is said.
      if (opposite && !support.supported && support.parts.some((x) => x.check === 'names' && !x.ok) && article.title) {
        const titled = supportOf(claim, { quote: `${article.title}. ${text}`, speakers: article.outlet ? [article.outlet] : [], timeline }, ctx);
        if (titled.parts.some((x) => x.state) && titled.parts.every((x) => x.check !== 'names' || x.ok)) support = titled;
      }
      if (sents.length > 1 && sents[0]!.paragraph !== sents[1]!.paragraph) {
        const polarity = support.parts.some((x) => x.contradicts && (x.check === 'negation' || x.state));
        const measured = support.parts.some((x) => x.contradicts && x.check !== 'negation' && x.check !== 'predicate');
        if (polarity && !measured && opposes(support, verb)) out.against.push({ sents, article, text, support });
        continue;
      }
      const slot = figureSlot(support, verb);
      if (support.supported || slot === 'for') out.for.push({ sents, article, text, support });
      else if ((slot === 'against' || opposes(support, verb)) && !otherEventFigure(claim, sents, support, verb, article.outlet) && !otherSubject(support, subject)) out.against.push({ sents, article, text, support });
      else if (main) {
        // The claim's clause of time ("… as the fire approached Lahaina") says when, not what: a sentence that says the
        // opposite of its main clause ("the decision not to sound the sirens") contradicts it, worded as it may be.
        const m = supportOf(main, { quote: text, speakers: article.outlet ? [article.outlet] : [], timeline }, ctx);
        if (opposes(m, verb) && m.parts.some((x) => x.contradicts && x.check !== 'figures' && x.check !== 'dates')) out.against.push({ sents, article, text, support: m });
      }
    }
  }
  // A pair that only repeats what one of its sentences says is that sentence.
  const single = (list: Judged[]) => list.filter((j) => j.sents.length === 1 || !list.some((o) => o.sents.length === 1 && j.sents.includes(o.sents[0]!)));
  return { for: single(out.for), against: single(out.against) };
}

/**
 * A pair of sentences whose other figure contradicts the claim only because its other sentence says the claim's verb
 * ("West Maui has about 11,000 hotel rooms. … killing at least 99 people" against "12,000 people lived in Lahaina"):
 * the figure is of another event when the sentence that gives it does not say the verb, as for one sentence alone.
 */
function otherEventFigure(claim: string, sents: Sentence[], support: Support, verb: string | null, outlet: string | null | undefined): boolean {
  if (!verb || sents.length < 2 || !support.parts.some((p) => p.check === 'figures' && p.contradicts)) return false;
  const own = sents.map((x) => supportOf(claim, { quote: x.text, speakers: outlet ? [outlet] : [] })).filter((x) => x.parts.some((p) => p.check === 'figures' && p.contradicts));
  return own.length > 0 && own.every((x) => x.uncovered.includes(verb));
}

/**
 * The common nouns of a claim's subject, lower case as written ("magnitude", "aftershock" of "A magnitude 4.9 aftershock
 * struck …"): names are checked as names, figures as figures.
 */
function subjectNouns(claim: string): string[] {
  return subjectOf(claim)
    .split(/\s+/)
    .filter((w) => /^\p{Ll}/u.test(w))
    .map((w) => w.replace(/[^\p{L}'’-]+$/gu, '').toLowerCase())
    .filter((w) => w.length > 2 && !DETERMINER_SET.has(w) && !POSSESSIVE.has(w) && terms(w).length > 0);
}

/**
 * Another figure or date is of another thing when the sentence does not say the claim's subject ("the magnitude 6.9
 * quake … in more than 60 years" is no measure of "a magnitude 4.9 aftershock … two days later"), as it is of another
 * event when it does not say the claim's verb: only a name, a state or a polarity contradicts across subjects.
 */
function otherSubject(support: Support, subject: readonly string[]): boolean {
  const failed = support.parts.filter((x) => x.contradicts);
  if (!failed.length || failed.some((x) => x.check !== 'figures' && x.check !== 'dates')) return false;
  return subject.some((w) => support.uncovered.includes(w));
}

/**
 * A sentence's judgement that contradicts a claim part: the sentence says something incompatible about the same
 * subject, every failing check a contradiction or a predicate short of a word or two.
 */
function opposes(support: Support, verb: string | null): boolean {
  const failed = support.parts.filter((x) => !x.ok);
  // Another figure is of another event when the sentence does not say the claim's main verb ("99 people" killed is no
  // count of the "12,000 people" who lived there): as in figureSlot.
  if (verb && support.uncovered.includes(verb) && failed.some((x) => x.check === 'figures')) return false;
  // Most of the claim's words must be the sentence's for it to speak of the same subject; a word or two it words
  // otherwise ("settlement" / "agreement") leaves the predicate short, not the subject another one.
  // A state written as its opposite ("northbound" / "travelling south") shares no word with the claim's: supportOf
  // has already asked the rest of the claim's clause to be the sentence's.
  return (support.firmCoverage >= 0.5 || failed.some((x) => x.state)) && failed.some((x) => x.contradicts) && failed.every((x) => x.contradicts || (x.check === 'predicate' && support.firmCoverage >= AGAINST_COVERAGE));
}

/** Conjunctions that open a clause of time ("when it ran aground", "as the fire approached"). */
const TIME_CONJUNCTIONS: ReadonlySet<string> = new Set(['when', 'whenever', 'while', 'as', 'after', 'before', 'until', 'once']);

/**
 * The main clause of a claim that ends in a clause of time ("Sirens were sounded as the fire approached Lahaina" →
 * "Sirens were sounded"): both must have a verb of their own, so "as chairman" or "after the storm" is no clause. Null
 * when the claim has none.
 */
function mainClause(claim: string): string | null {
  const ws = claim.trim().split(/\s+/);
  const hasVerb = (xs: string[]) => xs.some((x) => { const w = x.replace(/^[^\p{L}]+|[^\p{L}'’-]+$/gu, '').toLowerCase(); return FINITE.has(w) || verbLike(w) || inflectedVerb(w); });
  for (let i = 2; i < ws.length - 1; i++) {
    if (!TIME_CONJUNCTIONS.has(ws[i]!.toLowerCase())) continue;
    if (!hasVerb(ws.slice(i + 1, i + 6)) || !hasVerb(ws.slice(1, i))) return null;
    const before = ws.slice(0, i).join(' ').replace(/,$/, '');
    return terms(before).length >= 2 ? before : null;
  }
  return null;
}

/** Share of a claim part's words a sentence must say when a figure of the claim anchors the match. */
const ANCHORED_COVERAGE = 0.5;

/**
 * A claim part that gives a figure is matched, as a question is, by its subject and its figure slot: a sentence naming
 * the same subjects with a figure of the same quantity says it (the same value: "had 96 hours of oxygen" / "enough
 * oxygen on board to last 96 hours") or says something incompatible (another value: "found three days after" / "found
 * nine days later"), though it words the rest otherwise — verbs rank, they do not veto. Half of its other words must
 * still be the sentence's, with no negation or opposite between them.
 */
function figureSlot(support: Support, verb: string | null): 'for' | 'against' | null {
  if (!support.stated.figures || support.coverage < ANCHORED_COVERAGE) return null;
  // The verb of the claim's main clause (`mainVerb`) is what happened to the figure ("5 people were killed" is not "5
  // people were rescued"); only words outside it ("… when it set off", "… after they went missing") may be worded otherwise.
  if (verb && support.uncovered.includes(verb)) return null;
  const part = (c: Support['parts'][number]['check']) => support.parts.find((p) => p.check === c);
  const names = part('names');
  const negation = part('negation');
  const dates = part('dates');
  const figures = part('figures');
  const predicate = part('predicate');
  if (!names?.ok || !negation?.ok || predicate?.contradicts || !figures) return null;
  if (figures.ok) return dates?.ok ? 'for' : null;
  return figures.contradicts && (dates?.ok || dates?.contradicts) && support.firmCoverage >= ANCHORED_COVERAGE ? 'against' : null;
}

const SUBORDINATE: ReadonlySet<string> = new Set([...SUBORDINATORS, 'who', 'which', 'whose', 'whom']);

/** An inflected form (not a third-person "-s") of a word WordNet lists as a verb: "closed", "burned", "lost". */
function inflectedVerb(w: string): boolean {
  return !/s$/.test(w) && lemma(w) !== w && partsOfSpeech(lemma(w)).has('verb');
}

/** The content verb of a claim's main clause, lower case as written: its first verb before any subordinate clause ("found" of "The boys were found three days after they went missing"). */
function mainVerb(claim: string): string | null {
  // Words the tagger reads in context as nouns only ("the island's freight goes"): a noun that could be a verb is not one here.
  // So are auxiliaries ("have been handed": the verb is "handed").
  const nouns = new Set(tagWords(claim).filter((t) => (t.tags.has('Noun') && !t.tags.has('Verb')) || t.tags.has('Auxiliary')).map((t) => t.text.toLowerCase()));
  for (const raw of claim.split(/\s+/)) {
    const w = raw.replace(/^[^\p{L}]+|[^\p{L}'’-]+$/gu, '').toLowerCase();
    if (!w) continue;
    if (SUBORDINATE.has(w)) return null;
    if (FINITE.has(w) || DETERMINER_SET.has(w) || /^\p{Lu}/u.test(raw) || nouns.has(w)) continue;
    // The lexicon tags some past forms as adjectives only ("burned", "lost"): a form of a WordNet verb is one too.
    if (verbLike(w) || inflectedVerb(w)) return w;
  }
  return null;
}

/**
 * The judge's verdict on a part where assess() decided nothing, or less than the judge can: a part it found nothing
 * for or only part of, a part it calls partly supported with nothing for it, and a part it calls supported that a
 * sentence saying all of it contradicts while none says it. Cited through the shared citer.
 */
function judged(deps: Deps, claim: string, citer: Citer, prior: Assessment): Assessment {
  if (prior.final) return prior;
  const undecided = prior.verdict === 'not addressed' || prior.loose;
  // A role the articles give only as held once ("Former … chief executive X") is no support for holding it now.
  if (prior.verdict === 'supported') {
    const role = roleSlot(deps, claim, citer, prior);
    if (role?.verdict === 'contradicted' && role.reasons?.some((r) => r.endsWith(NO_LONGER_HELD))) return role;
  }
  if (undecided || (prior.verdict === 'partly supported' && !prior.supportIds.length)) {
    const role = roleSlot(deps, claim, citer, prior);
    if (role) return role;
  }
  if (prior.verdict === 'supported') {
    // The old rules let a name after "in", "to" or "at" set the scene; a sentence that says all of the claim with
    // another name in that place, or the opposite state or polarity, contradicts it when no sentence says it.
    const j = outweighed(claim, judgeBySupport(deps, claim));
    // Figures and dates it has compared with their own rules, over more sentences than one.
    const full = j.against.filter((x) => x.support.parts.every((p) => p.ok || (p.contradicts && p.check !== 'figures' && p.check !== 'dates')));
    if (!j.for.length && full.length) return fromJudge(deps, claim, citer, 'contradicted', full, prior);
    if (j.for.length || !prior.pairsOnly) return prior;
    // Two sentences that share the claim's words between them ("FIFA had hoped to host the boys at the final. United have
    // offered to host them") do not say it: only what the judge finds of it in one of them holds.
    return { ...prior, verdict: 'partly supported', reasons: ['no one passage of the articles says all of it: its words come from two sentences that may be about different things'], supportIds: [] };
  }
  // Partly supported with nothing for it (a negation or qualification the rules could not pin down): contradicted
  // when no sentence says it and one says something incompatible about the same subject. A claim some sentence
  // supports while another denies it stays disputed.
  if (!undecided && !(prior.verdict === 'partly supported' && !prior.supportIds.length)) return prior;
  // The claim's main verb, read once (a tagger pass) for the judge and the slots.
  const verb = mainVerb(claim);
  const j = outweighed(claim, judgeBySupport(deps, claim, verb));
  if (j.for.length) return undecided ? fromJudge(deps, claim, citer, 'supported', j.for, prior) : prior;
  if (j.against.length) return heldInPart(deps, claim, citer, j.against, prior) ?? fromJudge(deps, claim, citer, 'contradicted', j.against, prior);
  // Neither the words nor the judge decide: the claim's figure, date or place, asked of the evidence core as /ask asks it.
  return (undecided && slotJudged(deps, claim, citer, prior, verb)) || prior;
}

/**
 * A sentence that writes the opposite of the claim's state ("in a northbound convoy" against "travelling south")
 * outweighs one that only shares the claim's words without writing its state ("a southern section of the canal"):
 * those no longer count for it.
 */
function outweighed(claim: string, j: { for: Judged[]; against: Judged[] }): { for: Judged[]; against: Judged[] } {
  const state = (x: Judged) => x.support.parts.some((p) => p.state);
  if (!j.against.some(state)) return j;
  // Those sentences first: they are what the verdict stands on.
  return { for: j.for.filter((x) => statesAsStatement(claim, x.text)), against: [...j.against.filter(state), ...j.against.filter((x) => !state(x))] };
}

/**
 * A claim read as the question its figure, date or place answers ("… about an hour and 45 minutes into the dive" →
 * "How long did the Titan lose contact …?"), answered as /ask answers it: the answer /ask states is the same value
 * (supported), or another value of the same kind, stated where the question's names and verb are (contradicted).
 * One fact, one answer: /verify agrees with /ask. A place the claim names that the articles also name elsewhere is
 * not contradicted by another place (one may hold the other: "St. John's" is in "Newfoundland").
 */
function slotJudged(deps: Deps, claim: string, citer: Citer, prior: Assessment, verb: string | null): Assessment | null {
  const latest = deps.corpus.articles.map((a) => a.date).filter((d): d is string => !!d).sort().pop();
  const ref = latest ? new Date(`${latest}T12:00:00Z`) : new Date();
  // What happened is the claim's main verb: an answer whose sentence never states it ("enough fuel to last 40 hours" for
  // "burned 40 hours of fuel") is a value of something else. Verbs rank in /ask; here the claim says which one it is.
  // A light verb ("goes through", "came to") names no event of its own: the answer need not repeat it.
  const verbKeys = verb && !LIGHT_VERBS.has(lemma(verb)) ? synonymsOf(terms(verb)[0] ?? verb) : null;
  // A hyphenated compound states its parts' verb ("Texas-based" states "based").
  const statedByWord = (w: Answering) => !verbKeys || terms(w.fillers[0]?.sentence.text ?? w.sentence.text).some((t) => verbKeys.has(t) || (t.includes('-') && t.split('-').some((p) => verbKeys.has(p))));
  // Or by a verb /ask read as the question's ("transported" for "brought ashore"): the answer's window supports the
  // question's verb element in the filler's own sentence.
  const verbLemma = verb ? lemma(verb) : null;
  const statedAsAsked = (w: Answering, elements: readonly Element[]) =>
    elements.some((e) => e.role === 'predicate' && e.term?.cls === 'verb' && e.term.lemma === verbLemma && w.support.get(e.id)?.sentence === w.fillers[0]?.sentence && (w.support.get(e.id)?.match ?? 0) >= RELATED_VERB);
  for (const slot of claimSlots(claim, ref)) {
    const found = findAnswer(deps, slot.question, [], false);
    const elements = found.answered ? found.r.elements : [];
    const read = (w: Answering) => (w.fillers[0] && (statedByWord(w) || statedAsAsked(w, elements)) ? slotFiller(deps, w, w.fillers[0], slot.kind === 'date') : null);
    // The claim's circumstances ("into the dive") may be worded otherwise or not at all: the core question can confirm
    // its value, never contradict it.
    const core = !found.answered && slot.core ? findAnswer(deps, slot.core, [], false) : null;
    const answered = found.answered ? found : core?.answered ? core : null;
    if (!answered) continue;
    const same = answered.chosen.find((w) => {
      const f = read(w);
      return !!f && relateSlot(slot, f) === 'same';
    });
    if (same) return fromSlot(claim, citer, 'supported', answered === found ? slot : { ...slot, question: slot.core! }, same, prior);
    if (answered !== found) continue;
    const top = found.chosen[0]!;
    const f = read(top);
    // A value that fits less well still contradicts when its sentence names everything the claim names (the names, each
    // by itself): "the total loss for Fortune 500 companies at $5.4 billion" against "cost Fortune 500 companies more
    // than $10 billion".
    const named = elements.filter((e) => e.role === 'entity' && !e.setting);
    const namesAll = named.length > 0 && named.every((e) => { const x = top.support.get(e.id); return !!x && x.sentence === top.fillers[0]!.sentence && x.match >= 0.9; });
    if (!f || relateSlot(slot, f) !== 'other' || top.fillers[0]!.fit < (namesAll ? 0.5 : 0.8)) continue;
    if (slot.kind === 'place' && namedTogether(deps, slot.name, f)) continue;
    return fromSlot(claim, citer, 'contradicted', slot, top, prior);
  }
  return null;
}

/**
 * The articles name the claim's place in a sentence that also names the place they answer with: one may hold the
 * other ("St. John's harbour in Newfoundland"), so the answer does not contradict the claim. Places never written
 * together ("Texas-based" and "California's ban") are two places.
 */
function namedTogether(deps: Deps, name: string, f: SlotFiller): boolean {
  const entities = analysisOf(deps).entities.byKey.get(keyOf(name));
  if (!entities?.length) return false;
  const answer = (f.names?.length ? f.names : [f.text]).map((n) => fold(n)).filter((n) => n.length > 1);
  return entities.some((e) => e.mentions.some((m) => answer.some((n) => fold(m.sentence.text).includes(n))));
}

/** What /verify reads of a filler the evidence core chose; its date only when a date is compared. */
function slotFiller(deps: Deps, w: Answering, f: Filler, withDate: boolean): SlotFiller {
  const out: SlotFiller = { text: f.text, ...(f.loose ? { loose: true } : {}) };
  if (f.figure) out.figure = f.figure;
  if (f.entity) out.names = [f.entity.name, ...(f.entity.aliases ?? [])];
  if (!withDate) return out;
  // A date: what the filler's words state, read against its article's date; else the date the timeline gives its sentence.
  const ref = w.article.date ? new Date(`${w.article.date}T12:00:00Z`) : null;
  const own = ref ? parseDates(f.text, ref)[0] : undefined;
  let date: DateParts | null = null;
  // "this week": a span the words do not place on a day; chrono's guess of one decides nothing.
  if (own && !own.relative && !Object.keys(own.stated).length) return { ...out, date: null };
  if (own) date = { year: own.resolved.year, month: own.resolved.month, day: own.resolved.day, ...(own.stated.weekday !== undefined ? { weekday: own.stated.weekday } : {}) };
  else {
    const d = (analysisOf(deps).sentenceDates.get(f.sentence.id) ?? []).find((x) => !x.background);
    const m = d && /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d.date);
    if (m) date = { year: Number(m[1]), ...(m[2] ? { month: Number(m[2]) } : {}), ...(m[3] ? { day: Number(m[3]) } : {}) };
  }
  out.date = date;
  return out;
}

function fromSlot(claim: string, citer: Citer, verdict: 'supported' | 'contradicted', slot: ClaimSlot, w: Answering, prior: Assessment): Assessment {
  const f = w.fillers[0]!;
  const sents = w.sentences.includes(f.sentence) ? [f.sentence] : [w.sentence];
  const n = citer.cite(sents);
  const text = sents.map((x) => x.text).join(' ').trim();
  const line = `• ${articleLabel(w.article)}${w.article.date ? ` (${w.article.date})` : ''}: “${clip(text, 400)}” [${n}]`;
  const reason =
    verdict === 'supported'
      ? `asked as “${slot.question}”, the articles answer “${f.text}”, as the claim says`
      : `asked as “${slot.question}”, the articles answer “${f.text}”, not “${slot.kind === 'place' ? slot.name : slot.text}”`;
  return {
    claim,
    verdict,
    reasons: [reason],
    blocks: [{ heading: verdict === 'supported' ? 'What the articles say' : 'What the articles say instead', text: line, cites: [n] }],
    supportIds: verdict === 'supported' ? [w.article.id] : [],
    againstIds: verdict === 'contradicted' ? [w.article.id] : [],
    figures: prior.figures,
  };
}

const NO_LONGER_HELD = ': a role no longer held';
/** A role phrase of a role no longer held ("former", "ex-", "retired"). */
const PAST_ROLE_RE = /\b(?:former|ex-|retired|then|late|onetime|one-time)\b/i;
const ROLE_CLAIM_RE = new RegExp(`^(.+?)\\s+(?:${['is', 'was', 'has been', 'had been', 'became', 'becomes', 'serves as', 'served as', 'remains', 'remained'].join('|')})\\s+(.+?)[.!]?$`, 'i');
const ROLE_GLUE: ReadonlySet<string> = new Set([...DETERMINERS, 'of', 'for', 'and', 'the', 'at', 'to', 'in', '&']);

/** The words of a role phrase that say which office it is ("defence" of "Canada's defence minister"), as stems. */
function roleWords(phrase: string, head: string): string[] {
  return phrase
    .split(/[\s,]+/)
    .filter((w) => !/^\p{Lu}[\p{L}.-]*['’]s$/u.test(w))
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').toLowerCase())
    .filter((w) => w && w !== head && !ROLE_GLUE.has(w) && !ROLE_OPENERS.has(w))
    .map((w) => stem(w));
}

/**
 * The role slot of a named person: "X is <role>" against the roles the articles give X (the title before the name,
 * the apposition after it, read once by the entity index). The same office word with other portfolio words ("Joyce
 * Murray is Canada's defence minister" / "Joyce Murray, minister of Fisheries, Oceans and the Canadian Coast Guard")
 * is an incompatible value of one slot: contradicted; with the claim's own words, supported. A role the articles
 * give without portfolio words, or a sentence that pairs the person with the claim's words anyway, decides nothing.
 */
function roleSlot(deps: Deps, claim: string, citer: Citer, prior: Assessment): Assessment | null {
  const lead = leadSlot(deps, claim, citer, prior);
  if (lead) return lead;
  const m = ROLE_CLAIM_RE.exec(claim.trim());
  if (!m) return null;
  const nationality = nationalitySlot(deps, claim, m[1]!, m[2]!, citer, prior);
  if (nationality !== undefined) return nationality;
  const [, subject, phrase] = m as unknown as [string, string, string];
  if (!/^\p{Lu}/u.test(subject) || !properNames(subject).length || /\b(?:not|never|no)\b/i.test(phrase)) return null;
  const ws = phrase.split(/\s+/).map((w) => w.replace(/[^\p{L}-]+$/u, '').toLowerCase());
  // The office word heads the phrase: its last word, or the word before "of"/"for" ("minister of defence").
  const at = ws.findIndex((w, i) => TITLE_HEADS.has(w) && (i === ws.length - 1 || ['of', 'for', 'at'].includes(ws[i + 1]!)));
  if (at < 0) return null;
  const head = ws[at]!;
  const mine = roleWords(phrase, head);
  if (!mine.length) return null;
  const index = analysisOf(deps).entities;
  const found = lookupEntity(index, subject);
  if (!found.exact || found.matches.length !== 1) return null;
  const e = found.matches[0]!;
  const has = (list: string[], w: string) => list.some((x) => x === w || synonymsOf(x).has(w));
  const roles: { phrase: string; words: string[]; m: EntityMention }[] = [];
  for (const mention of e.mentions) {
    for (const p of [mention.role, mention.apposition]) {
      // A role held once ("former defence minister") says nothing of the role held now, for or against.
      if (!p || PAST_ROLE_RE.test(p) || !p.toLowerCase().split(/[\s,]+/).some((w) => stem(w) === stem(head))) continue;
      roles.push({ phrase: p, words: roleWords(p, head), m: mention });
    }
  }
  const cite = (list: typeof roles) => {
    const shown = list.filter((r, i) => list.findIndex((o) => o.phrase === r.phrase) === i).slice(0, 3);
    const lines = shown.map((r) => {
      const n = citer.cite([r.m.sentence]);
      return { n, text: `• ${articleLabel(r.m.article)}${r.m.article.date ? ` (${r.m.article.date})` : ''}: “${clip(r.m.sentence.text.trim(), 400)}” [${n}]` };
    });
    return { lines, ids: shown.map((r) => r.m.article.id) };
  };
  const same = roles.filter((r) => mine.every((w) => has(r.words, w)));
  if (!roles.length) {
    // Only a role held once with the claim's office words ("Former … chief executive X"): the claim's tense decides.
    const past = e.mentions.filter((x) => [x.role, x.apposition].some((p) => p && PAST_ROLE_RE.test(p) && p.toLowerCase().split(/[\s,]+/).some((w) => stem(w) === stem(head)) && mine.every((w) => has(roleWords(p, head), w))));
    return pastRoleOnly(claim, e, past, citer, prior);
  }
  if (same.length) {
    const { lines, ids } = cite(same);
    return { claim, verdict: 'supported', reasons: [`the articles describe ${e.name} as “${same[0]!.phrase}”`], blocks: [{ heading: 'What the articles say', text: lines.map((l) => l.text).join('\n'), cites: lines.map((l) => l.n) }], supportIds: ids, againstIds: [], figures: prior.figures };
  }
  const other = roles.filter((r) => r.words.length && !mine.some((w) => has(r.words, w)));
  if (!other.length) return null;
  // A sentence naming the person with the claim's office words anyway ("…, who also serves as defence minister") may say it.
  const together = e.mentions.some((x) => {
    const st = x.sentence.text.toLowerCase().split(/[^\p{L}]+/u).map((w) => stem(w));
    return st.includes(stem(head)) && mine.every((w) => st.includes(w));
  });
  if (together) return null;
  const { lines, ids } = cite(other);
  return {
    claim,
    verdict: 'contradicted',
    reasons: [`the articles describe ${e.name} as “${other[0]!.phrase}”, not as ${phrase.replace(/[.!]$/, '')}`],
    blocks: [{ heading: 'What the articles say instead', text: lines.map((l) => l.text).join('\n'), cites: lines.map((l) => l.n) }],
    supportIds: [],
    againstIds: ids,
    figures: prior.figures,
  };
}

/** The sentences of some entity mentions as evidence lines, one per wording. */
function mentionLines(mentions: EntityMention[], citer: Citer): { lines: { n: number; text: string }[]; ids: string[] } {
  const shown = mentions.filter((m, i) => mentions.findIndex((o) => o.sentence.id === m.sentence.id) === i).slice(0, 3);
  const lines = shown.map((m) => {
    const n = citer.cite([m.sentence]);
    return { n, text: `• ${articleLabel(m.article)}${m.article.date ? ` (${m.article.date})` : ''}: “${clip(m.sentence.text.trim(), 400)}” [${n}]` };
  });
  return { lines, ids: shown.map((m) => m.article.id) };
}

const LEAD_RE = new RegExp(`^(.+?)\\s+(?:${LEAD_VERBS.join('|')})\\s+(?:the\\s+)?(.+?)[.!]?$`, 'i');

/**
 * "X runs Y" is X's role: a title that heads an organisation (LEAD_TITLES) written with Y's name in a role or an
 * apposition of X ("Boskalis chief executive Peter Berdowski", "Peter Berdowski, chief executive of Boskalis").
 * Supported when one says it; anything else is left to the other rules (a person may head several things).
 */
function leadSlot(deps: Deps, claim: string, citer: Citer, prior: Assessment): Assessment | null {
  const m = LEAD_RE.exec(claim.trim());
  if (!m) return null;
  const [, who, org] = m as unknown as [string, string, string];
  if (!/^\p{Lu}/u.test(who) || !/^\p{Lu}/u.test(org) || !properNames(who).length) return null;
  const index = analysisOf(deps).entities;
  const person = lookupEntity(index, who);
  const body = lookupEntity(index, org);
  if (!person.exact || person.matches.length !== 1 || !body.exact || body.matches.length !== 1) return null;
  const e = person.matches[0]!;
  const names = body.matches[0]!.aliases.map((a) => keyOf(a));
  // `past`: a title held once ("former chief executive") instead of one held now.
  const heads = (p: string | undefined, past = false) => {
    if (!p || PAST_ROLE_RE.test(p) !== past) return false;
    const k = ` ${keyOf(p)} `;
    return LEAD_TITLES.some((t) => k.includes(` ${keyOf(t)} `)) && names.some((n) => k.includes(` ${n} `));
  };
  const said = e.mentions.filter((x) => heads(x.role) || heads(x.apposition));
  if (!said.length) return pastRoleOnly(claim, e, e.mentions.filter((x) => heads(x.role, true) || heads(x.apposition, true)), citer, prior);
  const { lines, ids } = mentionLines(said, citer);
  const role = said[0]!.role && heads(said[0]!.role) ? said[0]!.role : said[0]!.apposition!;
  return { claim, verdict: 'supported', reasons: [`the articles describe ${e.name} as “${role}”`], blocks: [{ heading: 'What the articles say', text: lines.map((l) => l.text).join('\n'), cites: lines.map((l) => l.n) }], supportIds: ids, againstIds: [], figures: prior.figures };
}

/**
 * A role the articles give only as held once ("Former Kestrel Air chief executive X"), against a claim of it:
 * a claim in the present ("X runs Kestrel Air", "X is the chief executive") is contradicted — an incompatible
 * state of the same slot, as "quit" is to "stayed on" — and one in the past ("X ran …", "X was …") supported.
 * Null when no such role was found, or the claim's tense is not plain (the general judge decides).
 */
function pastRoleOnly(claim: string, e: Entity, past: EntityMention[], citer: Citer, prior: Assessment): Assessment | null {
  if (!past.length) return null;
  const used = /\b(?:used to|formerly|once|previously)\b/i.test(claim);
  const tenses = verbPhrases(claim).filter((v) => !v.conditional).map((v) => v.tense);
  if (!used && (!tenses.length || tenses.includes('future'))) return null;
  const inPast = used || (tenses.includes('past') && !tenses.includes('present'));
  const { lines, ids } = mentionLines(past, citer);
  const role = past[0]!.role && PAST_ROLE_RE.test(past[0]!.role) ? past[0]!.role : (past[0]!.apposition ?? past[0]!.role!);
  const block = { heading: inPast ? 'What the articles say' : 'What the articles say instead', text: lines.map((l) => l.text).join('\n'), cites: lines.map((l) => l.n) };
  return inPast
    ? { claim, verdict: 'supported', reasons: [`the articles describe ${e.name} as “${role}”`], blocks: [block], supportIds: ids, againstIds: [], figures: prior.figures }
    : { claim, verdict: 'contradicted', reasons: [`the articles describe ${e.name} as “${role}”${NO_LONGER_HELD}`], blocks: [block], supportIds: [], againstIds: ids, figures: prior.figures };
}

/**
 * Nationality is one slot of a named thing: "Boskalis is a German company" against the nationality words of the
 * titles, appositions and descriptions the articles give it ("Dutch multinational marine contractor Boskalis").
 * Another nationality and never the claim's: contradicted; the claim's: supported. Undefined when the claim gives none.
 */
function nationalitySlot(deps: Deps, claim: string, subject: string, phrase: string, citer: Citer, prior: Assessment): Assessment | null | undefined {
  const demonyms = (p: string) => p.split(/[\s,]+/).map((w) => w.replace(/[^\p{L}-]+/gu, '')).filter((w) => /^\p{Lu}/u.test(w) && lexTags(w.toLowerCase()).has('Demonym')).map((w) => w.toLowerCase());
  const mine = demonyms(phrase);
  if (!mine.length || /\b(?:not|never|no)\b/i.test(phrase) || !/^\p{Lu}/u.test(subject)) return undefined;
  const found = lookupEntity(analysisOf(deps).entities, subject);
  if (!found.exact || found.matches.length !== 1) return null;
  const e = found.matches[0]!;
  const described = e.mentions.flatMap((x) => [x.role, x.apposition, x.descriptor].filter((p): p is string => !!p).map((p) => ({ m: x, words: demonyms(p) })));
  const same = described.filter((d) => mine.some((w) => d.words.includes(w)));
  if (same.length) {
    const { lines, ids } = mentionLines(same.map((d) => d.m), citer);
    return { claim, verdict: 'supported', reasons: [`the articles describe ${e.name} as ${capitalize(mine[0]!)}`], blocks: [{ heading: 'What the articles say', text: lines.map((l) => l.text).join('\n'), cites: lines.map((l) => l.n) }], supportIds: ids, againstIds: [], figures: prior.figures };
  }
  const other = described.filter((d) => d.words.length);
  // A sentence naming it with the claim's nationality word anyway may say it.
  if (!other.length || e.mentions.some((x) => mine.some((w) => new RegExp(`\\b${w}\\b`, 'i').test(x.sentence.text)))) return null;
  const { lines, ids } = mentionLines(other.map((d) => d.m), citer);
  return {
    claim,
    verdict: 'contradicted',
    reasons: [`the articles describe ${e.name} as ${capitalize(other[0]!.words[0]!)}, not ${capitalize(mine[0]!)}`],
    blocks: [{ heading: 'What the articles say instead', text: lines.map((l) => l.text).join('\n'), cites: lines.map((l) => l.n) }],
    supportIds: [],
    againstIds: ids,
    figures: prior.figures,
  };
}

/** A part's assessment from the judged sentences that support or contradict it. */
function fromJudge(deps: Deps, claim: string, citer: Citer, verdict: 'supported' | 'contradicted', list: Judged[], prior: Assessment): Assessment {
  const shown = pickJudged(list, 3, analysisOf(deps).groups);
  const cites: number[] = [];
  const lines = shown.map((x) => {
    const n = citer.cite(x.sents);
    cites.push(n);
    const why = verdict === 'contradicted' ? ` — ${x.support.reason!.replace(/^\w+: /, '')}` : '';
    return `• ${articleLabel(x.article)}${x.article.date ? ` (${x.article.date})` : ''}: “${clip(x.text.trim(), 400)}” [${n}]${why}`;
  });
  const ids = shown.map((x) => x.article.id);
  return {
    claim,
    verdict,
    reasons: [verdict === 'supported' ? 'a sentence of the articles says it' : 'the articles say something incompatible about the same subject'],
    blocks: [{ heading: verdict === 'supported' ? 'What the articles say' : 'What the articles say instead', text: lines.join('\n'), cites }],
    supportIds: verdict === 'supported' ? ids : [],
    againstIds: verdict === 'contradicted' ? ids : [],
    figures: prior.figures,
  };
}

/**
 * A claim giving several figures, of which the sentences that bear on it state some and give another value for the
 * rest ("$11.7 billion … over ten years" against "$11.7 billion … over the next five years"), with everything else
 * said: what it says of the first holds, so it is partly supported, as a compound claim with one part wrong is.
 */
function heldInPart(deps: Deps, claim: string, citer: Citer, against: Judged[], prior: Assessment): Assessment | null {
  const figures = (x: Judged) => x.support.parts.find((p) => p.check === 'figures');
  if (!against.every((x) => !!figures(x)?.held?.length && x.support.parts.every((p) => p.ok || p.check === 'figures'))) return null;
  const judged = fromJudge(deps, claim, citer, 'contradicted', against, prior);
  const first = figures(against[0]!)!;
  return {
    ...judged,
    verdict: 'partly supported',
    reasons: [`the articles give ${quotedList(first.held!)} as the claim does, but ${first.detail}`],
    blocks: judged.blocks.map((b) => ({ ...b, heading: 'What the articles say' })),
    supportIds: judged.againstIds,
  };
}

/** Up to `max` judged sentences, one per independent voice first. */
function pickJudged(list: Judged[], max: number, groups: Map<string, string>): Judged[] {
  const out: Judged[] = [];
  for (const pass of [0, 1]) {
    for (const x of list) {
      if (out.length >= max || out.includes(x)) continue;
      if (pass === 0 && out.some((o) => (groups.get(o.article.id) ?? o.article.id) === (groups.get(x.article.id) ?? x.article.id))) continue;
      out.push(x);
    }
  }
  return out;
}

/** Check one claim. Throws BadInputError when nothing of a claim is left after removing chat furniture. */
export function verify(deps: Deps, rawClaim: string): Answer {
  const claim = cleanClaim(rawClaim);
  if (!/[\p{L}\p{N}]/u.test(claim)) {
    throw new BadInputError('Please give a claim to check, in words (mentions and formatting alone are not a claim).');
  }
  const title = `Claim: “${clip(claim, 180)}”`;
  const notes: string[] = [];
  if (claim.split(/\s+/).length > 60) notes.push('That is a long claim; shorter claims, one at a time, get sharper verdicts.');
  const citer = createCiter(deps.corpus);
  let split = splitClaim(claim);
  // A cause given for an event ("… could not open because of the outage") is judged part by part only when the articles
  // contradict the event itself (read first, citing nothing); else the claim is judged whole, as written.
  if (split.length === 2 && split[1]!.query === claim && split[0]!.query !== claim) {
    const probe = createCiter(deps.corpus);
    if (judged(deps, split[0]!.query, probe, assess(deps, split[0]!.query, probe)).verdict !== 'contradicted') split = [{ shown: claim, query: claim }];
  }
  const parts = split.map((c) => ({ ...judged(deps, c.query, citer, assess(deps, c.query, citer)), claim: c.shown }));

  let verdict: Verdict;
  let head: string;
  const blocks: AnswerBlock[] = [];
  if (parts.length === 1) {
    const p = parts[0]!;
    if (p.verdict === 'not addressed') return notAddressed(title, p.reasons.join(' '), notes, claim);
    verdict = p.verdict;
    const n = countIndependent(deps.corpus, p.supportIds).independent;
    const reasons = verdict === 'supported' ? [`${n} independent article${n === 1 ? ' says' : 's say'} so`, ...p.reasons].join(', ') : p.reasons.join('; ');
    head = `Verdict: ${verdict}${reasons ? ` — ${reasons}.` : '.'}`;
    blocks.push(...p.blocks);
  } else {
    const vs = parts.map((p) => p.verdict);
    if (vs.every((v) => v === 'not addressed')) return notAddressed(title, parts.map((p) => p.reasons.join(' ')).join(' '), notes, claim);
    // A compound claim is only as good as its parts: all true → supported. Its first part is its main assertion: when
    // that is false, or every part the articles address is, it is contradicted; anything else true is partly supported.
    const addressed = vs.filter((v) => v !== 'not addressed');
    verdict = vs.every((v) => v === 'supported')
      ? 'supported'
      : vs[0] === 'contradicted' || addressed.every((v) => v === 'contradicted')
        ? 'contradicted'
        : 'partly supported';
    head = `Verdict: ${verdict} — the claim has ${parts.length} parts: ${parts.map((p) => `“${clip(p.claim, 80)}” is ${p.verdict}`).join('; ')}.`;
    parts.forEach((p, i) => {
      const reasons = p.reasons.map((r) => r.replace(/^Not addressed by the articles\.\s*/, ''));
      const why = reasons.length ? ` — ${reasons.join('; ')}` : '';
      blocks.push({ heading: `Part ${i + 1}: “${clip(p.claim, 120)}”`, text: `${capitalize(p.verdict)}${why}${/[.!?]$/.test(why) ? '' : '.'}`, cites: [] });
      blocks.push(...p.blocks);
    });
  }
  const support = countIndependent(deps.corpus, parts.flatMap((p) => p.supportIds));
  const against = countIndependent(deps.corpus, parts.flatMap((p) => p.againstIds));
  blocks.unshift({ text: head, cites: [] });
  blocks.push({ heading: 'Corroboration', text: corroborationText(deps, support, against), cites: [] });
  return {
    command: 'verify',
    answered: true,
    title,
    verdict,
    blocks,
    citations: citer.citations,
    followUps: [],
    ...(notes.length ? { notes } : {}),
    meta: {
      claim,
      parts: parts.map((p) => ({ claim: p.claim, verdict: p.verdict })),
      independentSupport: support.independent,
      supportingArticles: support.articles,
      independentAgainst: against.independent,
      figures: parts.flatMap((p) => p.figures),
    },
  };
}

const STARTS_CLAUSE = new Set([...SUBJECT_PRONOUNS, 'that', ...CLAUSE_START_WORDS]);
const POSSESSIVE: ReadonlySet<string> = new Set(POSSESSIVES);
const SUBJECT_PRONOUN_RE = new RegExp(`^(?:${SUBJECT_PRONOUNS.join('|')})$`);
const LEADING_PRONOUN_RE = new RegExp(`^(?:${SUBJECT_PRONOUNS.join('|')})\\s+`, 'i');
const FINITE = new Set(FINITE_AUXILIARIES);
const DETERMINER_SET = new Set(DETERMINERS);

/** A verb form: the lexicon says so, or an "-ed" form of another lemma ("joined", "rescued"). */
function verbLike(word: string): boolean {
  const w = word.toLowerCase();
  const tags = lexTags(w);
  if (tags.has('Verb')) return !tags.has('Noun') || tags.has('PastTense') || tags.has('Participle');
  return /ed$/.test(w) && !tags.size && lemma(w) !== w;
}

/**
 * "set a trial date", "cut its rates": a word the lexicon reads as a noun ("set", "cut") but WordNet knows as a verb,
 * with an object opening right after it, is a verb; a noun is not followed by a determiner of its own.
 */
function verbWithObject(text: string): boolean {
  const ws = text.trim().split(/\s+/);
  if (ws.length < 2 || !/^\p{Ll}+$/u.test(ws[0]!)) return false;
  const next = ws[1]!.toLowerCase();
  return partsOfSpeech(lemma(ws[0]!)).has('verb') && (DETERMINER_SET.has(next) || POSSESSIVE.has(next));
}

/** Where a joiner ("and", "but", "so") starts a new clause of a claim whose first part already has its verb. */
function startsClause(before: string, after: string): boolean {
  const ws = after.split(/\s+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}’']+$/gu, '').toLowerCase());
  const first = ws[0] ?? '';
  if (STARTS_CLAUSE.has(first)) return true;
  if (!before.split(/\s+/).some((w) => verbLike(w) || FINITE.has(w.toLowerCase()))) return false;
  // "and flown to a hospital", "and lives in …", "and later joined …": the same subject does something else.
  if (verbLike(first)) return true;
  if (verbWithObject(after)) return true;
  // "and its captain was arrested", "and the line was sold": a new subject with its own verb. So is a name with its own
  // verb ("and Egypt closed its airspace"); a name with none ("met Russia and North Korea") is one more object.
  const named = /^\p{Lu}/u.test(after.trim());
  // So is a quantifier standing as the subject ("and all of them were repaired", "but most were rescued").
  // An "of" phrase says what it counts ("and dozens of pet dogs and cats fell ill"): the verb may come a word later.
  const reach = ws[1] === 'of' ? 7 : 5;
  return ((DETERMINER_SET.has(first) || SUBJECT_QUANTIFIERS.has(first)) && ws.slice(1, reach).some((w) => FINITE.has(w) || verbLike(w))) || (named && ws.slice(1, 4).some((w) => FINITE.has(w) || verbLike(w) || inflectedVerb(w)));
}

/**
 * A clause that already has its verb, split before a participle clause that says more of its subject ("The ship was
 * sailing to Rotterdam carrying grain" → "…sailing to Rotterdam", "carrying grain"). Never after an auxiliary, a verb
 * or a preposition ("was sailing", "stopped carrying", "by carrying").
 */
function atParticiple(piece: string): string[] {
  const ws = piece.split(/\s+/);
  for (let i = 2; i < ws.length - 1; i++) {
    const w = ws[i]!.toLowerCase();
    if (!/^\p{Ll}+ing$/u.test(w) || PREPOSITION_PARTICIPLES.has(w) || !lexTags(w).has('Gerund')) continue;
    // Right after a name ("… to Rotterdam carrying …"); after a common noun it may be its complement ("spent hours
    // building"), after a comma a detail of the same event (", starting with seven warships").
    const prev = ws[i - 1]!;
    if (!/^\p{Lu}[\p{L}’'-]*$/u.test(prev)) continue;
    const tags = lexTags(prev.toLowerCase());
    if (FINITE.has(prev.toLowerCase()) || ['Preposition', 'Determiner', 'Adverb', 'Conjunction', 'Pronoun'].some((x) => tags.has(x))) continue;
    const before = ws.slice(0, i);
    if (!before.slice(1).some((x) => FINITE.has(x.toLowerCase()) || verbLike(x))) continue;
    return [before.join(' '), ws.slice(i).join(' ')];
  }
  return [piece];
}

/**
 * A clause followed by ", with" and a subject doing something of its own (an absolute clause: "A settlement was reached,
 * with the utility paying half of it", "The ship sailed on, with its crew staying aboard") says two things: the second
 * is a part of its own ("the utility paying half of it"). A "with" phrase without such a participle ("…, with two
 * pilots on board") stays a detail of the first.
 */
function atAbsolute(piece: string): string[] {
  const m = /^(.+?),\s+with\s+(.+)$/su.exec(piece.trim());
  if (!m) return [piece];
  const [, before, after] = m as unknown as [string, string, string];
  const ws = after.split(/\s+/);
  // The subject: one to four words, none of them a verb; then the participle.
  // The lexicon tags some participles as adjectives only ("paying"): a form of a WordNet verb is one too.
  const participle = (w: string) => /^\p{Ll}+ing$/u.test(w) && !PREPOSITION_PARTICIPLES.has(w) && (lexTags(w).has('Gerund') || (lemma(w) !== w && partsOfSpeech(lemma(w)).has('verb')));
  const at = ws.findIndex((w, i) => i > 0 && i <= 4 && participle(w));
  if (at < 0 || ws.slice(0, at).some((w) => FINITE.has(w.toLowerCase()) || verbLike(w) || /[,;:]$/.test(w))) return [piece];
  if (!before.split(/\s+/).slice(1).some((w) => FINITE.has(w.toLowerCase()) || verbLike(w))) return [piece];
  return [before, after];
}

const APPOSITION_RE = /^(.*\s(\p{Lu}[\p{L}'’.&-]*(?:\s+\p{Lu}[\p{L}'’.&-]*)*)),\s+((?:a|an)\s+[^,;]+?)[.!]?$/u;

/**
 * A clause ending in a name and what it is ("Peter Berdowski runs Boskalis, a German company") says two things: the
 * apposition is a part of its own ("Boskalis is a German company"), judged against what the articles call that name.
 */
function atApposition(piece: string): string[] {
  const m = APPOSITION_RE.exec(piece.trim());
  if (!m) return [piece];
  const [, before, name, what] = m as unknown as [string, string, string, string];
  const finite = (w: string) => {
    const tags = lexTags(w.toLowerCase());
    if (verbLike(w) || FINITE.has(w.toLowerCase())) return true;
    // "runs" the lexicon tags a plural noun: between two names, a form of a WordNet verb is the clause's verb.
    return !/^\p{Lu}/u.test(w) && !tags.has('Preposition') && !tags.has('Determiner') && partsOfSpeech(lemma(w.toLowerCase())).has('verb');
  };
  if (!before.split(/\s+/).slice(0, -name.split(/\s+/).length).some(finite)) return [piece];
  return [before, `${name} is ${what}`];
}

/** The subject of a clause: its words before the first verb ("The first four boys" of "The first four boys were rescued"). */
function subjectOf(clause: string): string {
  const ws = clause.split(/\s+/);
  const finite = (w: string) => {
    if (/^\p{Lu}/u.test(w)) return false;
    const tags = lexTags(w.toLowerCase());
    return tags.has('PastTense') || tags.has('PresentTense') || (/ed$/i.test(w) && lemma(w.toLowerCase()) !== w.toLowerCase());
  };
  const aux = ws.findIndex((w, i) => i > 0 && FINITE.has(w.toLowerCase()));
  const at = aux > 0 ? aux : ws.findIndex((w, i) => i > 0 && finite(w));
  return at > 0 ? ws.slice(0, at).join(' ') : '';
}

/** A cause given for what the claim says happened ("… could not open because of the outage"). */
const CAUSE_CLAUSE_RE = /\s*,?\s+(?:because of|because|due to|as a result of|owing to)\s+\S/i;

/**
 * "The exchange could not open because of the outage": what happened, and why. The event is judged alone (when it did
 * not happen, the claim is contradicted whatever the cause), the cause with it (the whole claim); shown as its cause.
 */
function atCause(claim: string): { shown: string; query: string }[] {
  const m = CAUSE_CLAUSE_RE.exec(claim);
  if (!m || m.index === 0) return [{ shown: claim, query: claim }];
  const event = claim.slice(0, m.index).trim();
  const cause = claim.slice(m.index).replace(/^\s*,?\s*/, '').trim();
  if (terms(event).length < 2 || terms(cause).length < 2) return [{ shown: claim, query: claim }];
  return [{ shown: event, query: event }, { shown: cause, query: claim }];
}

/**
 * Split a compound claim where a new clause starts — at ";", at "and"/"but" before a
 * new subject or verb ("… and will send troops", "… and its captain was arrested",
 * "… and later joined …"), and at ", so" — so each part gets its own verdict. Lists of
 * names ("Russia and North Korea") are not split. A part without its own subject
 * borrows the first part's, so "will send troops" still says who.
 */
export function splitClaim(claim: string): { shown: string; query: string }[] {
  const listed = subjectList(claim);
  if (listed) return listed.map((p) => ({ shown: p, query: p }));
  const pieces: string[] = [];
  let rest = claim;
  const joiner = /\s*;\s*|,\s+so\s+|,?\s+(?:and|but)\s+/gi;
  let from = 0;
  for (const m of claim.matchAll(joiner)) {
    const before = claim.slice(from, m.index);
    const after = claim.slice(m.index! + m[0].length);
    if (m[0].includes(';') || /,\s+so\s+/i.test(m[0]) || startsClause(before, after)) {
      pieces.push(before);
      from = m.index! + m[0].length;
    }
  }
  rest = claim.slice(from);
  pieces.push(rest);
  const parts = pieces.flatMap(atAbsolute).flatMap(atParticiple).flatMap(atApposition).map((p) => p.trim()).filter((p) => terms(p).length >= 1);
  if (parts.length < 2 || parts.length > 4) return atCause(claim);
  const firstNames = properNames(parts[0]!).filter((n) => terms(n).length);
  const subject = subjectOf(parts[0]!) || firstNames.join(' ');
  // "X said A, and that B": B is also what X said.
  const reported = REPORTED_PREFIX_RE.exec(parts[0]!)?.[1];
  return parts.map((p, i) => {
    if (i > 0 && /^that\b/i.test(p) && reported) return { shown: p, query: `${reported} ${p.replace(/^that\s+/i, '')}` };
    const first = p.split(/\s+/)[0]!.toLowerCase();
    const ownSubject = !verbLike(first) && !verbWithObject(p) && !FINITE.has(first) && !CLAUSE_START_WORDS.includes(first);
    // "… and its captain was arrested": the first part's subject's captain.
    if (i > 0 && POSSESSIVE.has(first) && subject) return { shown: p, query: `${subject}'s ${p.split(/\s+/).slice(1).join(' ')}` };
    if (i === 0 || (ownSubject && !SUBJECT_PRONOUN_RE.test(first))) return { shown: p, query: p };
    return { shown: p, query: `${subject} ${p.replace(LEADING_PRONOUN_RE, '')}`.trim() };
  });
}

/** What several do together ("met", "each other"): not said of each item of a list subject alone. */
const RECIPROCAL_RE = wordRe(RECIPROCAL_WORDS);

/**
 * A claim whose subject is a list ("Airlines, banks and hospitals were disrupted by the outage"): one part per item, each
 * with the whole predicate ("Airlines were disrupted …", "banks were disrupted …"), so each is judged on its own. Items
 * are short noun phrases with no verb; the predicate starts with a verb. Two to four items.
 */
/** Words that open a phrase set off before a sentence's subject ("Then Friday, …", "After the vote, …"). */
const INTRO = new Set([...INTRO_PHRASE_WORDS, 'then', 'later', 'earlier', 'meanwhile', 'however', 'now', 'today', 'yesterday', 'also', 'still', 'so']);

/** A noun phrase ending in a preposition and a name ("Rescue teams from Spain"): the phrase up to the name, and the name. */
const NAMED_PHRASE_RE = /^(\p{Lu}?[\p{Ll}'’-]*(?:\s+[\p{Ll}'’-]+)*\s+(?:from|of|in|at|to|for)\s+)(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})$/u;

function subjectList(claim: string): string[] | null {
  const m = /^(.+?),?\s+and\s+(.+)$/s.exec(claim.trim());
  if (!m) return null;
  // A comma between digits groups thousands ("2,224 passengers"): it separates no items.
  const items = m[1]!.split(/\s*,(?!\d{3}(?!\d))\s*/);
  const after = m[2]!.split(/\s+/);
  const wordsOf = (x: string) => x.split(/\s+/).filter(Boolean);
  // "Rescue teams from Spain and France joined …": names listed after a preposition of the subject's noun phrase are
  // each that phrase ("Rescue teams from Spain", "Rescue teams from France"). The lexicon tags some past forms as
  // adjectives only ("joined"): after a list of names, a form of a WordNet verb is the verb.
  const shared = NAMED_PHRASE_RE.exec(items[0]!);
  if (shared && wordsOf(shared[1]!).length <= 4 && wordsOf(shared[1]!).every((w) => !FINITE.has(w.toLowerCase()) && !verbLike(w))) {
    const at = after.findIndex((w, i) => i > 0 && i <= 3 && /^\p{Ll}/u.test(w) && (FINITE.has(w.toLowerCase()) || verbLike(w) || inflectedVerb(w.toLowerCase())));
    const names = [...items.slice(1), after.slice(0, Math.max(at, 0)).join(' ')];
    const nameOnly = (x: string) => wordsOf(x).length >= 1 && wordsOf(x).length <= 3 && wordsOf(x).every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
    const rest = after.slice(at).join(' ');
    if (at > 0 && names.length <= 3 && names.every(nameOnly) && !RECIPROCAL_RE.test(rest) && !INTRO.has(wordsOf(shared[1]!)[0]!.toLowerCase())) {
      return [`${shared[1]}${shared[2]}`, ...names.map((n) => `${shared[1]}${n}`)].map((x) => `${x} ${rest}`);
    }
  }
  const verbAt = after.findIndex((w, i) => i > 0 && i <= 3 && (FINITE.has(w.toLowerCase()) || verbLike(w)));
  if (verbAt < 0) return null;
  items.push(after.slice(0, verbAt).join(' '));
  const rest = after.slice(verbAt).join(' ').replace(/^(\S+)\s+all\s+/i, '$1 ');
  const plain = (x: string) => {
    const ws = wordsOf(x);
    return ws.length >= 1 && ws.length <= 3 && ws.every((w) => !FINITE.has(w.toLowerCase()) && !verbLike(w) && !/[.;:!?]/.test(w));
  };
  if (items.length < 2 || items.length > 4 || !items.every(plain)) return null;
  // "Then Friday, 171 passengers and six crew boarded": a phrase that says when or how, set off before the subject.
  const lead = wordsOf(items[0]!).map((w) => w.toLowerCase());
  if (INTRO.has(lead[0]!) || lead.some((w) => MONTH_AND_WEEKDAY_NAMES.has(w))) return null;
  // What they did together or to each other ("met", "are at war with each other") is not said of each alone; nor does
  // "his son" stand without the name before it.
  if (RECIPROCAL_RE.test(rest) || items.some((x) => POSSESSIVE.has(wordsOf(x)[0]!.toLowerCase()))) return null;
  // "Harlan Mills and four other directors": the others are counted with the name, one whole, not two parts.
  if (/^\S+\s+others?\b/i.test(items.at(-1)!)) return null;
  return items.map((x) => `${x} ${rest}`);
}

/**
 * A name in a claim's subject after a qualifying preposition ("Army doctors from Tolsk", "Residents of Pellin"): it
 * tells which of the subject's things the claim is about. Not the subject's first word (a name of its own), nor a
 * name whose possessive opens another noun ("58 of Maui's sirens": what is counted is the sirens).
 */
function qualifiesSubject(subject: string, name: string): boolean {
  if (!subject) return false;
  const m = new RegExp(`\\b(\\p{L}+)\\s+(?:the\\s+)?${escapeRe(name)}\\b(?!['’]s?\\b)`, 'iu').exec(subject);
  return !!m && m.index > 0 && QUALIFYING_PREPOSITIONS.has(m[1]!.toLowerCase());
}

/** Judge one claim against the articles, citing through the shared citer. */
function assess(deps: Deps, claim: string, citer: Citer): Assessment {
  const searched = `${deps.corpus.articles.length} article${deps.corpus.articles.length === 1 ? '' : 's'}`;
  const no = (why: string): Assessment => ({ claim, verdict: 'not addressed', reasons: [why], blocks: [], supportIds: [], againstIds: [], figures: [] });
  // "ruled out" is a negation, and "carried out" a light verb: neither is the content word "rule" or "carry".
  // "was set to reopen" says "will reopen": "set" is no word to find (scheduleAsWill).
  const claimForTerms = scheduleAsWill(claim).replace(/\brul(?:e|es|ed|ing) out\b/gi, ' ').replace(/\bcarr(?:y|ies|ied|ying) out\b/gi, ' ');
  // "sixty" and "sixty-one" as digits, so the figure rules read them like "60" and "61".
  const claimDigits = wordsToDigits(claim);
  const lexiconFigures = figuresInText(claimDigits);
  // Counts of things the figure lexicon does not know ("60 freight lines") are compared by their noun.
  const claimSentence: Sentence = { id: 'claim:p0:s0', articleId: 'claim', paragraph: 0, index: 0, text: claim, start: 0, end: claim.length };
  const claimFigures = [...lexiconFigures, ...comparableFigures(claimDigits, claimSentence, 'claim').filter((c) => !sameNumber(c, lexiconFigures))];
  const claimYears = yearsIn(claim);
  // Numbers and dates are compared as such, not as words to find.
  // "The final death toll was 98": the figure noun is how the count is written ("toll"), no word to find beside it, and a
  // count of the dead is compared as the count of people killed (figure-slots' comparableFigures), whatever word says it.
  const claimCounts = readFigures(claimDigits).filter((f) => f.kind === 'count' && f.head);
  const figureNouns = claimCounts.length ? words(claimDigits).filter((w) => FIGURE_NOUNS.includes(w)) : [];
  for (const f of claimCounts) if (CASUALTY_ROOTS.has(root(lemma(f.head!)))) figureNouns.push(...words(f.head!));
  const numericTokens = new Set([...claimFigures.flatMap((f) => terms(f.display)), ...numberWordsIn(claim), ...claimYears.map(String), ...datesIn(claim).flatMap((d) => terms(d.text)), ...figureNouns.map(stem)]);
  const surface = new Map<string, string>();
  for (const w of words(claimForTerms)) {
    const t = stem(w);
    if (!surface.has(t)) surface.set(t, w);
  }
  const shown = (t: string) => surface.get(t) ?? t;
  // Names after a preposition ("to the Caribbean", "near Venezuela") set the scene; the others (who did what to whom) must be there.
  // ALL-CAPS claims have no telling capitals: read them as lower case (the speaker pattern below still finds who spoke).
  const nameSource = /\p{Ll}/u.test(claim) ? claim : claim.toLowerCase();
  const names = properNames(nameSource)
    .map((n) => ({ name: n, terms: terms(n), speaker: new RegExp(`${escapeRe(n)}\\s+(?:has\\s+|had\\s+)?(?:${CLAIM_SPEECH})\\b`, 'i').test(claim), required: !new RegExp(`\\b(?:to|in|into|near|around|from|at|off|across|inside|within|outside|for|of)\\s+(?:the\\s+)?${escapeRe(n)}`, 'i').test(claim) }))
    .filter((n) => n.terms.length);
  // A name after "from" or "of" in the claim's subject ("Army doctors from Tolsk treated …") says which doctors: it
  // must be said where the rest is (the sentence or the adjacent ones), not only somewhere in the article.
  const claimSubject = subjectOf(nameSource);
  const qualifying = new Set(names.filter((n) => !n.speaker && !n.required && qualifiesSubject(claimSubject, n.name)).map((n) => n.name));
  // "trump said …" typed in lower case: the words before a speech verb at the start are the speaker all the same.
  if (!names.some((n) => n.speaker)) {
    const m = SPEAKER_RE.exec(nameSource);
    const who = m ? terms(m[1]!).filter((t) => !/^(he|she|they|it|we|i|you|officials?|reports?)$/.test(t)) : [];
    if (m && who.length && who.every((t) => deps.index.docFreq(t) > 0)) names.push({ name: m[1]!, terms: who, speaker: true, required: false });
  }
  const nameTerms = new Set(names.flatMap((n) => n.terms));
  // A claim word the articles never use whose opposite they do use ("very small" where they say "very big") is looked
  // for as that opposite, and a sentence using it says the opposite of the claim.
  const flipped = new Set<string>();
  const corrected = new Map<string, string>();
  // A name wholly unknown ("North Korea") is absent, not misspelt; one unknown word in a name ("Rusia", "Marco Rubbio") is a typo.
  const typoInName = (t: string) => names.some((n) => n.terms.includes(t) && n.terms.filter((x) => deps.index.docFreq(x) === 0).length === 1 && (n.terms.length === 1 || n.terms.some((x) => deps.index.docFreq(x) > 0)));
  // Claim words the articles spell differently ("decided" ~ "decision", "traffics" ~ "trafficking") map onto the corpus's word.
  const cTerms = [
    ...new Set(
      terms(claimForTerms)
        .filter((t) => t.length > 1 && !FRAME.has(t) && !/^\d[\d,.]*$/.test(t) && !numericTokens.has(t))
        .map((t) => {
          if (!nameTerms.has(t) && deps.index.docFreq(t) === 0) {
            const opposite = [...antonymsOf(t)].find((v) => deps.index.docFreq(v) > 0);
            if (opposite) {
              flipped.add(opposite);
              surface.set(opposite, shown(t));
              return opposite;
            }
          }
          // Names are corrected only by spelling ("Rusia" → "russia"), never by a shared prefix.
          const c = nameTerms.has(t) ? (deps.index.docFreq(t) > 0 || !typoInName(t) ? t : correctName(deps, t)) : correctTerm(deps, t, shown(t));
          if (c !== t) {
            surface.set(c, shown(t));
            corrected.set(t, c);
          }
          return c;
        }),
    ),
  ];
  // Names after a preposition set the scene ("in the Notre Dame fire"); read before the background ones join them below.
  const scene = new Set(names.filter((n) => !n.required && !n.speaker));
  for (const n of names) {
    n.terms = n.terms.map((t) => corrected.get(t) ?? t).filter((t) => cTerms.includes(t));
    // A name all over the corpus ("US", the story's protagonist) is background, not what singles a sentence out.
    if (n.terms.every((t) => deps.index.docFreq(t) > Math.max(2, deps.index.size * 0.2))) n.required = false;
  }
  // The words of names that set the scene, and each article's words, read once.
  const sceneTerms = new Set([...scene].flatMap((n) => n.terms));
  const articleTerms = new Map<string, Set<string>>();
  const articleTermsOf = (a: Article) => {
    let t = articleTerms.get(a.id);
    if (!t) articleTerms.set(a.id, (t = new Set(terms([a.title, ...a.sentences.map((x) => x.text)].join(' ')))));
    return t;
  };
  // "X is 52 years old": ages are read from "the 52-year-old" (linked to the person just named) and "aged 52".
  const age = ageOf(claim) ?? statedAge(claim);
  // Only a claim about the age itself is decided by it: "14 rowers sheltered with their 25-year-old coach" is about the rowers too.
  if (age !== null && !claimFigures.length) {
    const subject = names.filter((n) => !n.speaker && n.terms.some((t) => deps.index.docFreq(t) > 0));
    // Whose age: the person or noun the claim gives it to ("Trump", "the coach"), read from the corpus's one set of figures.
    const held = claimAge(deps, claim);
    const holder = held?.holder ?? (subject.length ? resolveHolder(deps, subject.map((n) => n.name).join(' ')) : null);
    const found = holder ? agesOf(deps, holder) : [];
    const claimHi = held?.hi ?? age;
    // An age inside a range the articles give ("aged 11 to 16") agrees with it; a claimed range must match its ends.
    const same = found.filter((f) => (claimHi === age ? age >= f.age && age <= f.hi : f.age === age && f.hi === claimHi));
    // A claim that also dates what it tells ("X, 17, spoke on 27 November") is judged part by part: the age agreeing
    // leaves the rest — the date — to the whole claim's reading below; an age the articles contradict decides it.
    const dated = datesIn(claim).length > 0;
    if (found.length && !(dated && same.length)) {
      const who = holder!.entity?.name ?? (subject.length ? subject.map((n) => n.name).join(' ') : holder!.text);
      const use = same.length ? same : found;
      const lines = use.slice(0, 3).map((f) => {
        const n = citer.cite(f.quote);
        return { n, text: `• ${articleLabel(f.article)}${f.article.date ? ` (${f.article.date})` : ''}: “${clip(f.quote.map((x) => x.text.trim()).join(' … '), 500)}” [${n}]${f.via ? ` — “${f.phrase}” refers to ${f.via}, named just before` : ''}` };
      });
      const ages = [...new Set(use.map((f) => (f.hi > f.age ? `${f.age} to ${f.hi}` : String(f.age))))];
      return {
        claim,
        verdict: same.length ? 'supported' : 'contradicted',
        reasons: [same.length ? `the articles give ${who}'s age as ${age}` : `the articles give ${who}'s age as ${ages.join(' or ')}, not ${age}`],
        blocks: [{ heading: same.length ? 'What the articles say' : 'What the articles say instead', text: lines.map((l) => l.text).join('\n'), cites: lines.map((l) => l.n) }],
        supportIds: same.length ? same.map((f) => f.article.id) : [],
        againstIds: same.length ? [] : use.map((f) => f.article.id),
        figures: [],
      };
    }
    if (subject.length && !found.length) return no(`Not addressed by the articles: they mention ${quotedList(subject.map((n) => n.name))} but never give ${subject.length === 1 ? 'an age' : 'ages'} (searched ${searched}).`);
  }
  // A claim of nothing but common words and a date ("It happened again on 3 January") is left to the judge, which reads
  // the date; one with neither words nor a date ("61") is not a statement, and no later reading makes it one.
  const datesGiven = datesIn(claim).length;
  if (cTerms.length === 0 && claimFigures.length === 0) {
    return { ...no(`That claim has no words I can look up. I searched ${searched}; try a full statement, e.g. who did what.`), final: datesGiven === 0 };
  }
  // One word or one number ("faster than faster than", "strikes") states nothing about anything: no article can bear it out.
  if (cTerms.length + claimFigures.length + datesGiven < 2) {
    const word = (cTerms[0] && (claim.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).find((w) => terms(w).some((t) => (corrected.get(t) ?? t) === cTerms[0]))) || claimFigures[0]?.display || claim.trim();
    return { ...no(`That claim is too short to check: one word (“${word}”) says nothing about anyone or anything. I searched ${searched}; try a full statement, e.g. who did what.`), final: true };
  }

  const N = Math.max(deps.index.size, 1);
  const idf = (t: string) => Math.log(1 + N / (1 + deps.index.docFreq(t)));
  const weight = new Map(cTerms.map((t) => [t, idf(t)]));
  const total = [...weight.values()].reduce((a, b) => a + b, 0) || 1;
  const missing = cTerms.filter((t) => deps.index.docFreq(t) === 0);
  const missingNames = names.filter((n) => n.terms.length && n.terms.every((t) => missing.includes(t)));
  const nounTerms = new Set(claimFigures.flatMap((f) => terms(f.noun)));
  // A claim word is also said by a corpus word WordNet relates to it closely enough to stand for it (a synonym,
  // derivation or attribute in its main sense: "suffered" ~ "experienced"), as /ask reads a question's words.
  const standsFor = new Map<string, string[]>();
  for (const w of words(claimForTerms)) {
    const l = lemma(w.toLowerCase());
    for (const k of terms(w)) {
      if (!cTerms.includes(k) || nameTerms.has(k) || standsFor.has(k)) continue;
      standsFor.set(k, expandQuery(analysisOf(deps), [l]).terms.filter((x) => x.relation !== 'exact' && x.stands).flatMap((x) => x.keys));
    }
  }
  const said = (set: Set<string>, t: string) => hasTerm(set, t) || (standsFor.get(t) ?? []).some((k) => set.has(k));
  const otherWeight = cTerms.filter((t) => !nounTerms.has(t)).reduce((n, t) => n + weight.get(t)!, 0);
  // The claim's verb of travel before its route ("heading to Rotterdam") is said by any route phrase ("sailing from").
  const routeTerms = new Set(routeSpans(claimForTerms).flatMap(([a, b]) => terms(claimForTerms.slice(a, b))));
  // A person the claim names in full ("Kaleo Manuel") is named by a sentence that calls them by surname alone ("Manuel
  // was re-deployed"), in an article that gives the full name, when the entity index ties the two to one entity. The
  // rest of the name counts as said nearby (half), like a word in the adjacent sentence.
  const namedIn = new Map<string, Set<string>>();
  for (const n of names) {
    if (n.terms.length < 2 || n.speaker) continue;
    const found = lookupEntity(analysisOf(deps).entities, n.name);
    if (!found.exact || found.matches.length !== 1) continue;
    const mentions = found.matches[0]!.mentions;
    const inFull = new Set(mentions.filter((m) => n.terms.every((t) => terms(m.surface).includes(t))).map((m) => m.article.id));
    namedIn.set(n.name, new Set(mentions.filter((m) => inFull.has(m.article.id) && !m.descriptive && terms(m.surface).some((t) => n.terms.includes(t))).map((m) => m.sentence.id)));
  }
  const fullNames = (unit: Sentence[]) => new Set(names.filter((n) => unit.some((x) => namedIn.get(n.name)?.has(x.id))).flatMap((n) => n.terms));

  // --- gather sentences that bear on the claim ---
  const figures = analysisOf(deps).figures;
  const evidence: Evidence[] = [];
  const misattributed: { s: Sentence; quote: Sentence[]; article: Article; claimed: string; actual: string[]; score: number }[] = [];
  const seen = new Set<string>();
  const hits = deps.index.search(cTerms.join(' ') || claim, { limit: 24 });
  for (const h of hits) {
    const p = deps.index.passage(h.id);
    if (!p) continue;
    const article = deps.corpus.byId.get(p.articleId)!;
    const passageTerms = new Set(terms(p.text));
    // Units: each sentence, and each short pair of consecutive sentences — a quote is often split
    // over two ("He replied, “I doubt it." "I don't think so.”"), and only together do they say it.
    const units: Sentence[][] = [];
    p.sentences.forEach((x, i) => {
      units.push([x]);
      const next = p.sentences[i + 1];
      if (next && words(x.text).length + words(next.text).length <= 60) units.push([x, next]);
    });
    for (const unit of units) {
      const key = unit.map((x) => x.id).join('+');
      if (seen.has(key)) continue;
      seen.add(key);
      const s = unit[0]!;
      const text = unit.map((x) => x.text).join(' ');
      // A question is not an assertion ("Are we going to go to war with Venezuela?"), nor is a reported one without its answer.
      if (/\?\s*["”’']?\s*$/.test(text.trim())) continue;
      if (/\basked\b[^.]{0,60}\b(?:whether|if)\b/i.test(text) && !ANSWERED_RE.test(text)) continue;
      // A quoted question and who asked it ("“Are we going to war?” the journalist asks"), without its answer.
      if (/\?\s*["”’']\s[^.!?]{0,120}\b(?:asks|asked|wonders|wondered|questioned)\b/i.test(text) && !/\b(?:replied|responded|answered|replies|responds|answers)\b/i.test(text)) continue;
      const st = new Set(terms(text));
      // Adjacent sentences in reading order, across paragraph breaks: one-sentence paragraphs are common in news.
      const near = new Set([...neighbours(article, s), ...neighbours(article, unit[unit.length - 1]!)].filter((x) => !unit.includes(x)).flatMap((x) => terms(x.text)));
      // A figure of the same quantity stands in for the claim's counted noun ("40 people" ~ "61 suspected traffickers").
      const nounCredit = new Set<string>();
      for (const cf of claimFigures) {
        if (unit.some((x) => [...(figures.get(x.id) ?? []), ...comparableFigures(x.text, x, x.articleId)].some((af) => sameQuantity(cf, af)))) for (const t of terms(cf.noun)) nounCredit.add(t);
      }
      const named = fullNames(unit);
      const covered = new Set<string>();
      let got = 0;
      let direct = 0;
      for (const t of cTerms) {
        const w = weight.get(t)!;
        if (said(st, t) || nounCredit.has(t) || (routeTerms.has(t) && routeSpans(text).length > 0)) {
          covered.add(t);
          got += w;
          if (!nounTerms.has(t)) direct += w;
        } else if (said(near, t) || named.has(t)) {
          covered.add(t);
          got += w * 0.5;
          if (!nounTerms.has(t)) direct += w * 0.5;
        } else if (sceneTerms.has(t) && articleTermsOf(article).has(t)) {
          // A name that sets the scene ("in the Notre Dame fire") is said by the article the sentence is in.
          covered.add(t);
          got += w;
        } else if (hasTerm(passageTerms, t)) {
          covered.add(t);
          got += w * 0.3;
        }
      }
      if (got === 0) continue;
      // A pair is only worth keeping when it says more than its first sentence alone.
      if (unit.length > 1) {
        const first = new Set(terms(unit[0]!.text));
        const second = new Set(terms(unit[1]!.text));
        if (cTerms.every((t) => hasTerm(first, t) === hasTerm(st, t)) || cTerms.every((t) => hasTerm(second, t) === hasTerm(st, t))) continue;
      }
      // Every name the claim gives (that the articles know) must be in this sentence or the adjacent ones: "China sent troops" is not "Trump sent troops".
      const present = (n: { terms: string[] }, wide: boolean) => n.terms.some((t) => !missing.includes(t) && (hasTerm(st, t) || hasTerm(near, t) || (wide && hasTerm(passageTerms, t))));
      const known = (n: { terms: string[] }) => n.terms.some((t) => !missing.includes(t));
      // Who said it is part of the claim: "Trump said X" is not supported by "Flynn said X", however often Trump is named.
      const speakersHere = speakersIn(text);
      const saidBy = (n: { terms: string[] }) =>
        n.terms.some((t) => hasTerm(st, t)) ||
        // Nobody named as speaker here (a quote's second sentence): the speaker may be named just before or after.
        (!speakersHere.length && present(n, true));
      if (names.some((n) => known(n) && n.required && !n.speaker && !present(n, true))) continue;
      if (names.some((n) => known(n) && qualifying.has(n.name) && !present(n, false))) continue;
      const wrongSpeaker = names.find((n) => known(n) && n.speaker && !saidBy(n));
      if (wrongSpeaker) {
        // Everything but who said it: worth telling the user who did ("the articles attribute it to X").
        if (speakersHere.length) {
          const sw = wrongSpeaker.terms.reduce((x, t) => x + (weight.get(t) ?? 0), 0);
          let rest = 0;
          for (const t of cTerms) if (!wrongSpeaker.terms.includes(t) && (hasTerm(st, t) || hasTerm(near, t))) rest += weight.get(t)!;
          if (rest / (total - sw || 1) >= FULL) {
            // Quote the adjacent sentences that carry the rest of the claim too ("He suggested Maduro … take exile in Moscow").
            const extra = neighbours(article, s).filter((x) => !unit.includes(x) && cTerms.some((t) => !wrongSpeaker.terms.includes(t) && !hasTerm(st, t) && hasTerm(new Set(terms(x.text)), t)));
            misattributed.push({ s, quote: [...unit, ...extra], article, claimed: wrongSpeaker.name, actual: speakersHere, score: rest / (total - sw || 1) });
          }
        }
        continue;
      }
      // A word the sentence also says plainly is not negated by it ("Trump's Wednesday visit … for not yet visiting himself").
      const neg = negatedOnlyTerms(text);
      const claimTermsHere = cTerms.filter((t) => hasTerm(st, t) && !nameTerms.has(t));
      // "supports" in the claim, "opposes" in the sentence, about the same thing: as good as a negation.
      const opposite = antonymIn(claimForTerms, text);
      const negated = claimTermsHere.some((t) => neg.has(t)) || !!opposite || [...flipped].some((v) => hasTerm(st, v));
      evidence.push({
        s,
        sents: unit,
        text,
        article,
        coverage: got / total,
        direct: otherWeight ? direct / otherWeight : 1,
        covered,
        uncovered: cTerms.filter((t) => !covered.has(t)),
        negated,
        anyNegation: hasNegation(text),
        disbelief: DISBELIEF.test(text),
        hedge: hedgeInClause(text, [...covered]),
        denial: denialAbout(text, cTerms.filter((t) => !nameTerms.has(t)), weight),
        who: attribution(text),
      });
    }
  }
  // Ties: a single sentence before a pair, and an original before its near-duplicate copy.
  const voiceOf = analysisOf(deps).groups;
  const copy = (e: Evidence) => (voiceOf.get(e.s.articleId) === e.s.articleId ? 0 : 1);
  evidence.sort((a, b) => b.coverage - a.coverage || a.sents.length - b.sents.length || copy(a) - copy(b) || a.s.start - b.s.start);
  const best = evidence[0];

  // --- not addressed: the claim's distinctive terms never come together ---
  // A last conjunct the articles know nothing about ("… for air defense systems and nuclear weapons") is a missing part,
  // like a missing name; a missing main word ("a submarine was sunk") is not.
  let missingBits = missingNames.map((n) => n.name);
  const lastConjunct = /\b(?:and|or)\s+((?:(?!\b(?:and|or)\b).)+)$/i.exec(claimForTerms)?.[1];
  const conjunctTerms = lastConjunct ? terms(lastConjunct) : [];
  const missingLoose = missing.filter((t) => !nameTerms.has(t));
  const conjunctMissing = !missingNames.length && missingLoose.length > 0 && missingLoose.every((t) => conjunctTerms.includes(t)) && missing.every((t) => conjunctTerms.includes(t));
  if (conjunctMissing) missingBits = [lastConjunct!.trim().replace(/[.!?]+$/, '')];
  if (missingNames.length || conjunctMissing) {
    const rest = cTerms.filter((t) => !missing.includes(t));
    const restWeight = rest.reduce((n, t) => n + weight.get(t)!, 0) || 1;
    const restCoverage = best ? (best.coverage * total) / restWeight : 0;
    // "Maduro asked Russia and North Korea for aid": part of the claim stands on its own. "Pope Francis visited Caracas": nothing does.
    // Only a name in a list with others ("Russia and North Korea", "Russia, China and Cuba") leaves a part that stands
    // on its own; "Maduro asked India for aid" without India says nothing the articles address.
    const inList = missingNames.every((n) => new RegExp(`(?:,|\\band|\\bor)\\s+(?:the\\s+)?${escapeRe(n.name)}|${escapeRe(n.name)}\\s*(?:,|\\band\\b|\\bor\\b)`, 'i').test(claim));
    const partial = rest.length >= 3 && restCoverage >= FULL && (conjunctMissing || (names.length > missingNames.length && inList));
    if (!partial && missingNames.length) {
      return no(`Not addressed by the articles: the articles never mention ${quotedList(missingNames.map((n) => n.name))} (searched ${searched}).`);
    }
    if (!partial) missingBits = [];
    else {
      // Judge the rest on its own; the missing part makes it "partly supported" below.
      for (const e of evidence) {
        e.coverage = (e.coverage * total) / restWeight;
        e.uncovered = e.uncovered.filter((t) => !missing.includes(t));
      }
    }
  }
  misattributed.sort((a, b) => b.score - a.score);
  if (misattributed.length && !evidence.some((e) => e.coverage >= Math.max(FULL, misattributed[0]!.score) - 0.05)) {
    // The statement is in the articles, but from someone else: say so, never "contradicted".
    const m = misattributed[0]!;
    const n = citer.cite(m.quote);
    return {
      claim,
      verdict: 'partly supported',
      reasons: [`the articles attribute this to ${quotedList(m.actual)}, not ${m.claimed}`],
      blocks: [{ heading: 'What the articles say', text: `• ${articleLabel(m.article)}${m.article.date ? ` (${m.article.date})` : ''}: “${clip(m.quote.map((x) => x.text.trim()).join(' '), 500)}” [${n}]`, cites: [n] }],
      supportIds: [],
      againstIds: [],
      figures: [],
    };
  }
  if (!best || best.coverage < BEARS) {
    const present = cTerms.filter((t) => !missing.includes(t));
    // A name the claim gives is said as written ("New York Stock Exchange"), not word by word ("new", "york", …).
    const asWritten = (ts: string[]) => {
      const whole = names.filter((n) => n.terms.length > 1 && n.terms.every((t) => ts.includes(t)));
      const inName = new Set(whole.flatMap((n) => n.terms));
      const out: string[] = [];
      for (const t of ts) {
        const n = whole.find((x) => x.terms[0] === t);
        if (n && !out.includes(n.name)) out.push(n.name);
        else if (!inName.has(t)) out.push(shown(t));
      }
      return out;
    };
    const why = missing.length === cTerms.length
      ? `None of its words (${quotedList(cTerms.map(shown))}) appear in the ${searched}.`
      : missing.length
        ? `${capitalize(quotedList(missing.map(shown)))} ${missing.length === 1 ? 'does' : 'do'} not appear in any of the ${searched}.`
        : `The ${searched} mention ${quotedList(asWritten(present))}, but never together in a way that bears on this claim.`;
    return no(`Not addressed by the articles. ${why}`);
  }

  // A denial of a report about the claim bears on it even when it words the rest differently.
  const relevant = evidence.filter((e) => e.coverage >= BEARS || (e.denial && e.coverage >= 0.45)).slice(0, 10);
  // Says all of the claim: high coverage, or every term present (some only in the adjacent sentences).
  const isFull = (e: Evidence) => e.coverage >= FULL || e.uncovered.length === 0;

  // --- figures: compare each of the claim's numbers with the articles' figures of the same quantity ---
  const groups = analysisOf(deps).groups;
  const figuresOf = (s: Sentence) => {
    const known = figures.get(s.id) ?? [];
    return [...known, ...comparableFigures(s.text, s, s.articleId).filter((c) => !sameNumber(c, known))];
  };
  // "A former military diver has died": one diver, for a claim's count of divers who died ("Two divers died"), read
  // before the claim's own verb as /ask reads "how many … died".
  const claimVerb = claimFigures.length ? mainVerb(claim) : null;
  const claimVerbRe = claimVerb ? new RegExp(`\\b(?:${verbForms(lemma(claimVerb)).map(escapeRe).join('|')})\\b`, 'gi') : null;
  const singlesOf = (cf: Figure, s: Sentence): Figure[] => {
    const counted = new Set(terms(cf.noun));
    if (!claimVerbRe || !counted.size) return [];
    const out: Figure[] = [];
    for (const m of s.text.matchAll(claimVerbRe)) {
      const one = singleCount(s, m.index!, s.articleId);
      if (one && counted.has(one.key.slice('count:'.length))) out.push({ ...one, key: cf.key });
    }
    return out;
  };
  // Figures are read in single sentences that say the rest of the claim too: "10 F-35B fighters" (US jets) must not
  // check "Venezuela has 500 fighter jets". A looser pool (still naming the claim's subject) only serves to notice
  // that another source gives a different figure ("$2.1 billion" where the claim and one source say $2.3 billion).
  const strictPool = relevant.filter((x) => x.direct >= 0.5 && x.sents.length === 1);
  const loosePool = evidence.filter((x) => x.coverage >= 0.5 && x.direct >= 0.5 && x.sents.length === 1);
  const findFigures = (cf: Figure, pool: Evidence[]) => {
    const found: FigureCheck['found'] = [];
    const seenF = new Set<string>();
    for (const e of pool) {
      const speaker = names.find((n) => n.speaker);
      // A figure in the next sentence counts unless that sentence is someone else's statement.
      const around = [...neighbours(e.article, e.s), ...neighbours(e.article, e.sents[e.sents.length - 1]!)]
        .filter((x) => !e.sents.includes(x))
        .filter((x) => !speaker || !speakersIn(x.text).length || speaker.terms.some((t) => hasTerm(new Set(terms(x.text)), t)));
      for (const s of [...e.sents, ...around]) {
        const read = figuresOf(s);
        for (const af of [...read, ...singlesOf(cf, s).filter((one) => !read.some((f) => sameQuantity(cf, f)))]) {
          const key = `${s.id}:${af.display}:${af.key}`;
          if (seenF.has(key) || !sameQuantity(cf, af)) continue;
          seenF.add(key);
          found.push({ f: af, rel: relateFigures(cf, af), article: e.article });
        }
      }
    }
    // Prefer figures with the very same key ("warships" over "vessels") when there are any.
    const exact = found.filter((x) => x.f.key === cf.key);
    return exact.length ? exact : found;
  };
  // An open bound ("more than $900 million") that an exact figure of the same quantity meets ("$916 million") says no
  // more than that figure: the exact one decides, and a near miss of the bound is no reason to doubt a conflict with it.
  const pinned = (found: FigureCheck['found']) =>
    found.filter((x) => !(x.rel === 'close' && !Number.isFinite(x.f.hi - x.f.lo) && found.some((y) => y.rel === 'conflict' && Number.isFinite(y.f.hi - y.f.lo) && y.f.value >= x.f.lo && y.f.value <= x.f.hi)));
  const checks: FigureCheck[] = claimFigures.map((cf) => {
    let use = pinned(findFigures(cf, strictPool));
    const status: FigureCheck['status'] = !use.length ? 'none' : use.some((x) => x.rel === 'match') ? 'match' : use.some((x) => x.rel === 'close') ? 'close' : 'conflict';
    // The claim matches one source while another independent one, for the same time, gives a figure that rules it out.
    const matching = use.filter((x) => x.rel === 'match');
    const rivals = status === 'match' ? findFigures(cf, loosePool).filter((x) => (x.rel === 'conflict' || (x.rel === 'close' && !(x.f.lo <= cf.hi && cf.lo <= x.f.hi))) && matching.every((m) => groups.get(m.f.articleId) !== groups.get(x.f.articleId) && !differentTimes(m.f, x.f))) : [];
    if (rivals.length) use = [...use, ...rivals.filter((r) => !use.some((u) => u.f.sentence.id === r.f.sentence.id && u.f.display === r.f.display))];
    return { claim: cf, status, found: use, disputed: rivals.length > 0 };
  });

  // --- dates: years, months, days, weekdays, compared by the parts both sides state ---
  const closest = relevant.filter((e) => e.coverage >= FULL - 0.1);
  // Percentages are compared the same way: by value, in the sentences that say the rest of the claim.
  const mentionsIn = (t: string) => [...datesIn(t), ...percentsIn(t)];
  // An article's "on Friday" or "this month" is compared as the date the timeline gives it.
  const sentenceDates = analysisOf(deps).sentenceDates;
  const evidenceDates = (e: Evidence) => [...datesAsRead(e.text, e.sents.flatMap((x) => sentenceDates.get(x.id) ?? [])), ...percentsIn(e.text)];
  const claimDates = mentionsIn(claim);
  const yearChecks: DateCheck[] = claimDates.map((d) => {
    const said = closest
      .flatMap((e) => evidenceDates(e).map((date) => ({ date, e, rel: relateDates(d, date) })))
      // A date of the articles that another of the claim's dates matches is accounted for, not a rival to this one:
      // "since 1983" answers the claim's 1983, not its 2025; "in 2021 and 2022" leaves 2022 to rival a claimed 2025.
      .filter((x) => x.rel === 'match' || (x.rel === 'conflict' && !claimDates.some((o) => o !== d && relateDates(o, x.date) === 'match')));
    return { date: d, said, status: !said.length ? 'none' : said.some((x) => x.rel === 'match') ? 'match' : 'conflict' };
  });

  // --- polarity and denials ---
  const claimNegated = hasNegation(claimForTerms) || /\brul(?:e|es|ed|ing) out\b/i.test(claim);
  const claimIsDenial = !!denialOf(claim) || CLAIM_DENIAL_RE.test(claim);
  const claimIsReport = CLAIM_REPORT_RE.test(claim);
  // A sentence whose own figure rules the claim out (and is not just an earlier or later value of it) speaks against it.
  const figureClash = (e: Evidence) =>
    checks.some((c) => {
      const matching = c.found.filter((x) => x.rel === 'match');
      const here = c.found.filter((x) => e.sents.includes(x.f.sentence));
      return here.some((x) => x.rel === 'conflict' && !matching.some((m) => differentTimes(m.f, x.f))) && !here.some((x) => x.rel === 'match');
    });
  // When the claim's figure or date is what the articles confirm, a sentence bears on it only if it (or the sentence next
  // to it) states that figure or date: "there could soon be a US attack" shares words with "13 vessels", not the claim.
  const figureSentences = new Set(checks.flatMap((c) => c.found.filter((x) => x.rel === 'match').map((x) => x.f.sentence.id)));
  const dateSentences = new Set(yearChecks.flatMap((c) => c.said.filter((x) => x.rel === 'match').flatMap((x) => x.e.sents.map((y) => y.id))));
  const keyed = figureSentences.size > 0 || dateSentences.size > 0;
  const statesKey = (e: Evidence) => {
    const ids = [...e.sents, ...neighbours(e.article, e.s), ...neighbours(e.article, e.sents[e.sents.length - 1]!)].map((x) => x.id);
    const own = e.sents.map((x) => x.id);
    // Its own figure or date of the claim's kind (the adjacent sentence may give the figure for a quote that continues it).
    const statesNumber = (ids2: string[]) => ids2.some((id) => figureSentences.has(id) || dateSentences.has(id));
    // A negation must be about the figure itself: "You don't send a carrier … unless" next to "… was in 1983" is not "not in 1983".
    return statesNumber(own) || (!e.negated && statesNumber(ids) && !mentionsIn(e.text).length && !(figures.get(e.s.id) ?? []).length);
  };
  // A sentence whose only figures of the claim's quantity rule it out, where another sentence's figure for another time
  // matches it, is about that other time: it neither refutes the claim nor says it.
  const otherFigureOnly = (e: Evidence) =>
    checks.some((c) => {
      const here = c.found.filter((x) => e.sents.includes(x.f.sentence));
      return here.length > 0 && here.every((x) => x.rel === 'conflict');
    });
  type Stance = 'for' | 'against' | 'qualifies' | 'neutral';
  const stance = (e: Evidence): Stance => {
    if (figureClash(e)) return 'against';
    if (otherFigureOnly(e)) return 'neutral';
    // A sentence without the claim's figure or date does not refute it by negating other words.
    if (keyed && e.negated && !statesKey(e) && !e.denial && !e.disbelief) return 'neutral';
    // "The Herald reported X" / "Y said X" stays true when someone denies X: the denial qualifies, it does not refute.
    if (e.denial && !claimIsDenial && claimIsReport) return 'qualifies';
    if (e.denial && !claimIsDenial) {
      // What was denied ("the report that about 500 jobs would be cut"): a claim that says it again is disputed by the
      // denial; a claim that says its opposite ("no jobs will be cut") restates the denial.
      const deniedNegated = hasNegation(e.text.slice(e.text.indexOf(e.denial) + e.denial.length));
      if (claimNegated !== deniedNegated) return 'for';
      return isNonConfirmation(e.denial) && !e.negated ? 'qualifies' : 'against';
    }
    if (!claimNegated && e.negated) return 'against';
    // "Trump said the US is going to war" vs "I doubt it. I don't think so": the speaker said the opposite of the claim.
    // A claim that is not about what someone said ("the US is going to war") is only qualified by someone's doubt.
    if (!claimNegated && e.disbelief && hedgeOf(claim)?.kind !== 'uncertain') return claimIsReport ? 'against' : 'qualifies';
    // A negated claim ("X ruled out Y") meets "I don't think so": agreeing in spirit; a plain sentence neither confirms nor refutes it.
    if (claimNegated && !e.negated && !e.anyNegation) return 'neutral';
    return figureClash(e) ? 'against' : 'for';
  };
  const supporters = relevant.filter((e) => stance(e) === 'for');
  const opposers = relevant.filter((e) => stance(e) === 'against');
  const qualifiers = relevant.filter((e) => stance(e) === 'qualifies');
  // Only a plain negation of the claim's own words in a sentence that says all of it refutes it: "did not confirm" vs "confirmed".
  const strongOpposers = opposers.filter((e) => (e.negated && (!e.denial || isNonConfirmation(e.denial)) && isFull(e) && e.hedge?.kind !== 'uncertain') || (e.disbelief && !claimNegated && claimIsReport && isFull(e)));

  // --- verdict ---
  const reasons: string[] = [];
  let verdict: Verdict;
  let loose = false;
  const figConflict = checks.filter((c) => c.status === 'conflict');
  const figMatch = checks.filter((c) => c.status === 'match');
  const figLoose = checks.filter((c) => c.status === 'close' || c.status === 'none');
  const yearConflict = yearChecks.filter((c) => c.status === 'conflict');

  if (checks.length && checks.every((c) => c.status === 'none') && !yearChecks.some((c) => c.status !== 'none')) {
    const what = claimFigures.map((f) => (f.noun === 'money' ? 'that amount' : f.noun)).join(', ');
    return no(`Not addressed by the articles. They discuss this, but give no figure for ${what}, so the claim's number (${claimFigures.map((f) => f.display).join(', ')}) cannot be checked.`);
  }
  if ((figConflict.length && !figMatch.length) || (yearConflict.length && !yearChecks.some((c) => c.status === 'match') && !figMatch.length)) {
    verdict = 'contradicted';
    reasons.push(figConflict.length || yearConflict.some((c) => c.date.percent !== undefined) ? 'the articles give a different figure' : 'the articles give a different date');
  } else if (checks.some((c) => c.disputed)) {
    verdict = 'partly supported';
    reasons.push('the articles disagree on this figure: some match the claim, another independent one does not');
  } else if (figConflict.length) {
    verdict = 'partly supported';
    reasons.push('some of its figures match the articles and some do not');
  } else if (yearConflict.length) {
    // Its figures or another of its dates are right, this date is not: "seven warships in November" where the articles say August.
    verdict = 'partly supported';
    reasons.push(
      yearChecks.some((c) => c.status === 'match')
        ? 'some of its dates match the articles and some do not'
        : yearConflict.some((c) => c.date.percent !== undefined)
          ? 'its figures match the articles, but not its percentage'
          : 'its figures match the articles, but its date does not',
    );
  } else if (strongOpposers.length && !supporters.some((e) => isFull(e) && e.coverage >= Math.max(...strongOpposers.map((o) => o.coverage)) - 0.1)) {
    verdict = 'contradicted';
    reasons.push('the articles say the opposite');
  } else if (!supporters.length) {
    verdict = 'partly supported';
    reasons.push(opposers.some((e) => e.denial) ? 'the articles report it only as a claim that was denied or not confirmed' : 'the articles touch on it, but with a negation or qualification that does not match the claim');
  } else {
    const strong = supporters.filter(isFull);
    if (opposers.length) {
      verdict = 'partly supported';
      const deniers = [...new Set(opposers.filter((e) => e.denial && !isNonConfirmation(e.denial)).map((e) => deniedBy(e.text)).filter((x): x is string => !!x))];
      const allegers = [...new Set(supporters.map((e) => e.who).filter((x): x is string => !!x))];
      reasons.push(
        deniers.length
          ? `it is reported, but also denied — disputed: ${allegers.length ? `${quotedList(allegers.slice(0, 3))} ${allegers.length === 1 && !/s$/.test(allegers[0]!) ? 'says' : 'say'} so` : 'reported'}, but ${quotedList(deniers)} denied it`
          : opposers.some((e) => e.denial)
            ? 'it is reported, but also denied or left unconfirmed'
            : 'the articles are not consistent on it',
      );
    } else if (!strong.length) {
      verdict = 'partly supported';
      loose = true;
      reasons.push(`the articles support part of it, but nothing about ${quotedList(best.uncovered.slice(0, 4).map(shown))}`);
    } else if (missingBits.length) {
      verdict = 'partly supported';
      reasons.push(`the articles never mention ${quotedList(missingBits)}`);
    } else if (figLoose.length) {
      verdict = 'partly supported';
      reasons.push(figLoose.some((c) => c.status === 'close') ? 'the articles give a close but different figure' : 'the articles give no figure for part of it');
    } else if (yearChecks.some((c) => c.status === 'none')) {
      // A date the sentences that say the rest never give is a part of the claim they do not support ("opened in 1977").
      verdict = 'partly supported';
      const none = yearChecks.filter((c) => c.status === 'none').map((c) => c.date.text);
      reasons.push(`the articles that say it never give ${none.length === 1 ? 'its date' : 'its dates'} ${quotedList(none)}`);
    } else if (strong.every((e) => e.hedge?.kind === 'uncertain') && hedgeOf(claim)?.kind !== 'uncertain') {
      // "Trump ruled out war" vs "I doubt it": the source is less sure than the claim. A claim that is itself
      // about a doubt ("Story said he does not believe…") is not weakened by the source's doubt.
      verdict = 'partly supported';
      reasons.push(`the articles say so only tentatively (“${strong[0]!.hedge!.phrase}”)`);
    } else {
      verdict = 'supported';
      // Say how it is supported: as fact somewhere, or only ever as someone's report.
      if (!claimIsReport && strong.every((e) => e.hedge?.kind === 'reported' || /\baccording to\b|\breported that\b|\breports that\b/i.test(e.text))) reasons.push('but only as reported by others, not established by the articles themselves');
      else if (!claimIsReport) {
        // "Consumer advocates said Riverton knew about the faulty lids": an allegation the articles pass on, not a fact they state.
        const by = strong.map((e) => saidOpening(e.text));
        if (by.every((x): x is string => !!x) && !by.some((x) => terms(x).some((t) => cTerms.includes(t)))) {
          const who = [...new Set(by)];
          reasons.push(`but only as ${quotedList(who.slice(0, 3))} ${who.length === 1 && !/s$/.test(who[0]!) ? 'says' : 'say'}, not established by the articles themselves`);
        }
      }
    }
  }

  // --- the evidence, cited ---
  const blocks: AnswerBlock[] = [];
  const comparisons = figureLines(checks, citer).concat(yearLines(yearChecks, citer));
  // Corroboration needs the key content: when the claim's figure or date is confirmed, only sentences stating it count
  // as support ("could soon be a US attack" is not a second source for "13 vessels").
  const keySupporters = keyed && supporters.some(statesKey) ? supporters.filter(statesKey) : supporters;
  const forSide = pickPerVoice(verdict === 'contradicted' && !figConflict.length ? [] : keySupporters, 4, groups);
  const againstSide = pickPerVoice(verdict === 'contradicted' && !figConflict.length ? strongOpposers : [...opposers, ...qualifiers], 3, groups);
  // Against: the sentences shown against it, or — when numbers decide — the articles whose figures rule it out.
  const againstIds = againstSide.length
    ? (verdict === 'contradicted' && !figConflict.length ? strongOpposers : [...opposers, ...qualifiers]).map((e) => e.s.articleId)
    : verdict === 'contradicted'
      ? [...figConflict.flatMap((c) => c.found.filter((x) => x.rel === 'conflict').map((x) => x.f.articleId)), ...yearConflict.flatMap((c) => c.said.filter((x) => x.rel === 'conflict').map((x) => x.e.s.articleId))]
      : [];
  if (comparisons.length) blocks.push({ heading: 'Figures compared', text: comparisons.map((c) => c.text).join('\n'), cites: comparisons.flatMap((c) => c.cites) });
  if (forSide.length) blocks.push(evidenceBlock(forSide, citer, 'What the articles say'));
  if (againstSide.length) blocks.push(evidenceBlock(againstSide, citer, forSide.length ? 'Against or qualifying it' : 'What the articles say instead'));
  const hedged = forSide.filter((e) => e.hedge?.kind === 'reported');
  if (hedged.length && hedged.length === forSide.length) {
    blocks.push({ text: `Every source for it is hedged: ${hedged.map((e) => `“${e.hedge!.phrase}”`).filter((x, i, a) => a.indexOf(x) === i).join(', ')} — reported, not independently established.`, cites: [] });
  }
  return {
    claim,
    verdict,
    reasons,
    blocks,
    supportIds: forSide.length ? keySupporters.map((e) => e.s.articleId) : [],
    againstIds,
    figures: checks.map((c) => ({ claim: c.claim.display, status: c.status, articles: c.found.map((x) => x.f.display) })),
    ...(loose ? { loose } : {}),
    ...(verdict === 'supported' && forSide.length && forSide.every((e) => e.sents.length > 1) ? { pairsOnly: true } : {}),
  };
}

/**
 * The denial in a sentence, when it is aimed at what the claim says: "The Kremlin
 * acknowledged contacts, though Peskov did not confirm the report that…" denies
 * the report, not the contacts.
 */
function denialAbout(text: string, cTerms: string[], weight: Map<string, number>): string | null {
  const d = denialOf(text);
  if (!d) return null;
  const at = text.indexOf(d);
  const before = new Set(terms(text.slice(0, at)));
  const after = new Set(terms(text.slice(at + d.length)));
  let pre = 0;
  let post = 0;
  for (const t of cTerms) {
    if (hasTerm(after, t)) post += weight.get(t)!;
    else if (hasTerm(before, t)) pre += weight.get(t)!;
  }
  return post >= pre ? d : null;
}

/**
 * The hedge of the clause that says what the claim says: in "The cruisers have joined …, and the carrier is expected
 * to arrive in days", "expected to" hedges the carrier, not the cruisers.
 */
function hedgeInClause(text: string, claimTerms: string[]): Hedge | null {
  // Reporting hedges ("reportedly", "a source said") govern the whole sentence.
  const whole = hedgeOf(text);
  if (!whole || whole.kind === 'reported') return whole;
  // Clause breaks: "; ", ", and the …" (not a list of names: ", and Iran"), " but ".
  const clauses = text.split(/;\s+|,\s+(?:and|but|while|whereas)\s+(?=\p{Ll})|\s+but\s+/u);
  if (clauses.length < 2) return whole;
  const score = (c: string) => {
    const ts = new Set(terms(c));
    return claimTerms.filter((t) => hasTerm(ts, t)).length;
  };
  const best = Math.max(...clauses.map(score));
  const own = clauses.filter((c) => score(c) === best);
  return hedgeOf(own.join(' '));
}

/** The subject of a sentence that opens with reported speech ("Consumer advocates said …", "Bondi said …"), or null. */
function saidOpening(text: string): string | null {
  const m = SAID_OPENING_RE.exec(text);
  if (!m || NON_NAME_SUBJECTS.has(m[1]!.toLowerCase())) return null;
  return m[1]!;
}

/** Who denies in a sentence: "Priya Raman, the chief executive, denied …", "Rubio denied …". */
function deniedBy(text: string): string | null {
  const m = DENIED_BY_RE.exec(text);
  return m && !/^(He|She|They|It|We|I|The|This|That)$/.test(m[1]!) ? m[1]! : null;
}

/** Names a sentence gives as speakers ("Michael Flynn suggested…", "…, Trump said"). */
function speakersIn(text: string): string[] {
  const re = SPEAKERS_IN_RE;
  return [...text.matchAll(re)].map((m) => m[1]!).filter((n) => !/^(He|She|They|It|We|I|The|This|That)$/.test(n));
}

/** Adjacent sentences in reading order (across paragraph breaks). */
function neighbours(article: Article, s: Sentence): Sentence[] {
  let index = sentenceIndex.get(article);
  if (!index) {
    index = new Map(article.sentences.map((x, i) => [x.id, i]));
    sentenceIndex.set(article, index);
  }
  const i = index.get(s.id);
  if (i === undefined) return [];
  return [article.sentences[i - 1], article.sentences[i + 1]].filter((x): x is Sentence => !!x);
}
const sentenceIndex = new WeakMap<Article, Map<string, number>>();

/** The sentence just before (-1) or after (1) one in its article's reading order, across paragraph breaks. */
function besideInArticle(article: Article, s: Sentence, step: -1 | 1): Sentence | undefined {
  return neighbours(article, s).find((x) => (step < 0 ? x.start < s.start : x.start > s.start));
}

/** A term, or a longer/shorter spelling of it ("traffic" ~ "trafficking"), in a set of terms. */
function hasTerm(set: Set<string>, t: string): boolean {
  if (set.has(t)) return true;
  for (const x of synonymsOf(t)) if (set.has(x)) return true;
  if (/\d/.test(t)) return false;
  // A hyphenated compound says each of its words ("burned-out sections" says "burned"), unless it opens with a prefix
  // that turns the rest around ("non-fatal" does not say "fatal").
  for (const x of set) if (compoundParts(x).some((p) => p === t || (p.length > 2 && stem(p) === t))) return true;
  if (t.length < 5) return false;
  for (const x of set) if (x.length >= 5 && (x.startsWith(t) || t.startsWith(x))) return true;
  return false;
}

/** Map a claim word the articles never use to the corpus word it most likely means (typo or other form). */
function correctTerm(deps: Deps, t: string, written?: string): string {
  if (deps.index.docFreq(t) > 0) return t;
  // "Su-30MK2" vs "Su.30MK2", "F35" vs "F-35": the same token written with other joiners.
  const joined = t.replace(/[-.]/g, '');
  if (joined !== t && deps.index.docFreq(joined) > 0) return joined;
  if (/\d/.test(t)) {
    for (const v of deps.index.vocabulary()) if (v.replace(/[-.]/g, '') === joined) return v;
    return t;
  }
  if (t.length < 4) return t;
  const near = mostFrequentNear(deps, t, (v) => {
    const prefix = commonPrefix(t, v);
    // Short words ("askd") only by one edit; longer ones also by a shared stem-like prefix ("decided" ~ "decision").
    return (t.length >= 5 && prefix >= 4 && prefix >= Math.min(t.length, v.length) * 0.7) || editDistance(t, v) <= typoEdits(t);
  });
  if (near === t) return t;
  // The nearest spelling of a form of a word the dictionary knows may be another word ("drove" ~ "drop", "fell" ~ "fill"):
  // the forms of its own word the articles write come first ("driven", "falling").
  const own = written && /^\p{L}+$/u.test(written) ? lemma(written.toLowerCase()) : '';
  const keys = analysisOf(deps).relations.keys;
  const forms = own && Object.hasOwn(keys, own) && inDictionary(own) ? keys[own]!.filter((k) => k !== t && deps.index.docFreq(k) > 0) : [];
  return forms.length ? forms.reduce((a, b) => (deps.index.docFreq(b) > deps.index.docFreq(a) ? b : a)) : near;
}

/** Edits a typed word may be off by: one, two from eight letters. */
const typoEdits = (t: string) => (t.length >= 8 ? 2 : 1);

/** The most frequent corpus term with t's first letter that `near` accepts (t itself when none does). */
function mostFrequentNear(deps: Deps, t: string, near: (v: string) => boolean): string {
  let best = t;
  let bestDf = 0;
  for (const v of deps.index.vocabulary()) {
    if (v[0] !== t[0] || /\d/.test(v) || !near(v)) continue;
    const df = deps.index.docFreq(v);
    if (df > bestDf) {
      best = v;
      bestDf = df;
    }
  }
  return best;
}

/** The age a claim states ("is 52 years old", "aged 52", "a 52-year-old"), or null. */
export function ageOf(text: string): number | null {
  const m = /\b(\d{1,3})(?:\s+|-)years?(?:\s+|-)old\b|\baged\s+(\d{1,3})\b|\bage\s+(?:of\s+)?(\d{1,3})\b/i.exec(wordsToDigits(text));
  return m ? Number(m[1] ?? m[2] ?? m[3]) : null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The corpus spelling of a name typed with a typo: one edit (two from eight letters), the most frequent wins. */
function correctName(deps: Deps, t: string): string {
  if (t.length < 5) return t;
  return mostFrequentNear(deps, t, (v) => Math.abs(v.length - t.length) <= 2 && editDistance(t, v) <= typoEdits(t));
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function notAddressed(title: string, text: string, notes: string[], claim: string): Answer {
  return {
    command: 'verify',
    answered: false,
    title,
    verdict: 'not addressed',
    blocks: [{ text, cites: [] }],
    citations: [],
    followUps: [],
    ...(notes.length ? { notes } : {}),
    meta: { claim },
  };
}

/** One sentence per independent article first, then more from the same ones. */
/** One sentence per independent voice first (a near-duplicate is the same voice), then more from the same ones. */
function pickPerVoice(list: Evidence[], max: number, groups: Map<string, string>): Evidence[] {
  const out: Evidence[] = [];
  const usedVoices = new Set<string>();
  const usedArticles = new Set<string>();
  const usedText = new Set<string>();
  for (const pass of [0, 1, 2]) {
    for (const e of list) {
      if (out.length >= max) break;
      const key = e.text.replace(/\W+/g, ' ').trim().toLowerCase();
      const voice = groups.get(e.s.articleId) ?? e.s.articleId;
      if (out.includes(e) || usedText.has(key) || out.some((o) => o.sents.some((x) => e.sents.includes(x)))) continue;
      if (pass === 0 && usedVoices.has(voice)) continue;
      // Later passes: more from an article already quoted, never its near-duplicate (that would look like a second source).
      if (pass > 0 && usedVoices.has(voice) && !usedArticles.has(e.s.articleId)) continue;
      if (pass === 1 && usedArticles.has(e.s.articleId)) continue;
      out.push(e);
      usedVoices.add(voice);
      usedArticles.add(e.s.articleId);
      usedText.add(key);
    }
  }
  return out;
}

function evidenceBlock(list: Evidence[], citer: Citer, heading: string): AnswerBlock {
  const cites: number[] = [];
  const lines = list.map((e) => {
    const n = citer.cite(e.sents);
    cites.push(n);
    const tags: string[] = [];
    if (e.denial) tags.push(`denial: “${e.denial}”`);
    if (e.hedge?.kind === 'reported') tags.push(`hedged: “${clip(e.hedge.phrase, 80)}”`);
    else if (e.hedge?.kind === 'uncertain') tags.push(`tentative: “${e.hedge.phrase}”`);
    else if (e.who) tags.push(`attributed to ${clip(e.who, 60)}`);
    const date = e.article.date ? ` (${e.article.date})` : '';
    return `• ${articleLabel(e.article)}${date}: “${clip(e.text.trim(), 400)}” [${n}]${tags.length ? ` — ${tags.join('; ')}` : ''}`;
  });
  return { heading, text: lines.join('\n'), cites };
}

function figureLines(checks: FigureCheck[], citer: Citer): { text: string; cites: number[] }[] {
  return checks.map((c) => {
    // "30-story" is said with its noun already: not "30-story story".
    const noun = c.claim.noun === 'money' || fold(c.claim.display).endsWith(fold(c.claim.noun)) ? '' : ` ${c.claim.noun}`;
    if (c.status === 'none') return { text: `The claim says ${c.claim.display}${noun}; the articles give no figure for it.`, cites: [] };
    // One reading per distinct wording, citing every article that gives it.
    const readings = new Map<string, { text: string; rel: FigureRelation; ns: number[] }>();
    for (const x of c.found) {
      const when = x.f.whenText ? `, ${x.f.whenText}` : '';
      const note = x.f.note ? `, ${x.f.note}` : '';
      // "“A former military diver” (…)": a figure written with its noun is not followed by it again.
      const fnoun = x.f.noun === 'money' || fold(x.f.display).endsWith(fold(x.f.noun)) ? '' : ` ${x.f.noun}`;
      const key = `${x.f.display}|${x.f.noun}|${x.f.whenText ?? ''}|${x.f.note ?? ''}`;
      const r = readings.get(key) ?? { text: `“${x.f.display}”${fnoun} (${articleLabel(x.article)}${when}${note})`, rel: x.rel, ns: [] };
      const n = citer.cite([x.f.sentence]);
      if (!r.ns.includes(n)) r.ns.push(n);
      readings.set(key, r);
    }
    const mixed = new Set([...readings.values()].map((r) => r.rel)).size > 1;
    const rel = (r: FigureRelation) => (r === 'match' ? 'matches' : r === 'close' ? 'close' : 'does not match');
    const said = [...readings.values()].map((r) => `${r.text} ${r.ns.map((n) => `[${n}]`).join('')}${mixed ? ` — ${rel(r.rel)}` : ''}`);
    const verdict = c.disputed ? 'the sources differ' : c.status === 'match' ? 'consistent' : c.status === 'close' ? 'close, but not the same' : 'these do not match';
    return { text: `The articles say ${said.join('; ')}; the claim says ${c.claim.display}${noun} — ${verdict}.`, cites: [...readings.values()].flatMap((r) => r.ns) };
  });
}

interface DateCheck {
  date: DateMention;
  said: { date: DateMention; e: Evidence; rel: 'match' | 'conflict' | 'incomparable' }[];
  status: 'none' | 'match' | 'conflict';
}

const MONTH_NAME_RE = new RegExp(`\\b${MONTH_PATTERN}\\b`, 'i');

function yearLines(checks: DateCheck[], citer: Citer): { text: string; cites: number[] }[] {
  return checks
    .filter((c) => c.status !== 'none')
    .map((c) => {
      const byText = new Map<string, number[]>();
      // A weekday read against its article's date says which day it is: “Friday” (Friday 31 October 2025).
      const keyOf = (d: DateMention) => (d.resolved && !/\d/.test(d.text) && !MONTH_NAME_RE.test(d.text) ? `${d.text}\u0000${d.resolved}` : d.text);
      for (const x of c.said) {
        const ns = byText.get(keyOf(x.date)) ?? [];
        const n = citer.cite(x.e.sents);
        if (!ns.includes(n)) ns.push(n);
        byText.set(keyOf(x.date), ns);
      }
      const shown = (key: string) => {
        const [t, r] = key.split('\u0000') as [string, string?];
        if (r === t) return `${r} (by the article's date)`;
        const written = /^\d{4}$/.test(t) ? t : `“${t}”`;
        return r ? `${written} (${r})` : written;
      };
      const said = [...byText].map(([k, ns]) => `${shown(k)} ${ns.map((n) => `[${n}]`).join('')}`);
      return { text: `The articles say ${said.join(' and ')}; the claim says ${c.date.text} — ${c.status === 'match' ? 'consistent' : 'these do not match'}.`, cites: [...byText.values()].flat() };
    });
}

function corroborationText(deps: Deps, support: ReturnType<typeof countIndependent>, against: ReturnType<typeof countIndependent>): string {
  const label = (id: string) => {
    const a = deps.corpus.byId.get(id);
    return a ? `${articleLabel(a)} (${id})` : id;
  };
  const parts: string[] = [];
  if (support.independent) {
    parts.push(`Supported by ${support.independent} independent article${support.independent === 1 ? '' : 's'}: ${support.articles.filter((id) => !support.repeats.some((r) => r.source === id)).map(label).join(', ')}.`);
  } else parts.push('No article supports it as stated.');
  if (against.independent) parts.push(`${support.independent ? 'Disputed or qualified' : 'Contradicted or qualified'} by ${against.independent} independent article${against.independent === 1 ? '' : 's'}: ${against.articles.filter((id) => !against.repeats.some((r) => r.source === id)).map(label).join(', ')}.`);
  for (const r of [...support.repeats, ...against.repeats]) {
    parts.push(`${label(r.source)} is a near-duplicate of ${label(r.of)}, so it is not counted again (repetition is not corroboration).`);
  }
  return [...new Set(parts)].join(' ');
}
