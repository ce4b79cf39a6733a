/**
 * Whether the articles answer a question, decided by its structure, not by its words.
 * Every entity it names must be supported (the name, an alias, or a resolved reference);
 * every topic noun too (the word, a lemma, a synonym or derivation); and the answer's
 * slot must be filled by the right kind of thing (a figure of the counted noun for "how
 * many", an age for "how old", a date for "when", a person for "who", a cause for
 * "why"). Verbs and adjectives rank windows; they do not veto them — except in a yes/no
 * question, whose verb is what is asked. A refusal says which part is missing.
 */
import type { Deps } from '../deps.js';
import { analysisOf } from '../analysis/index.js';
import { fold, terms } from '../language/tokenize.js';
import { inTense } from '../language/tense.js';
import { lexTags } from '../language/word-tags.js';
import { partsOfSpeech } from '../language/wordnet.js';
import { ANY_PLACE_HEADS } from '../language/lexicon/slot-ties.js';
import { ASPECT_VERBS, PEOPLE_WORDS, SPEECH_QUESTION_VERBS, SPEAKER_QUESTION_VERBS, STOPWORDS, speechForms, wordRe } from '../language/lexicon/index.js';
import type { ParsedQuestion } from './question.js';
import { compoundHead, inCorpus, RELATED_VERB, sentenceKeys, STANDS_FOR_WEIGHT, type Element, type Retriever, type Window, writtenTogether } from './retrieve.js';
import { ageSentences, fillersOf, type Filler } from './short.js';

/** A window that answers, with its fillers. */
export interface Answering extends Window {
  fillers: Filler[];
  /** The window's score with its best filler's fit. */
  rank: number;
}

export type Decision =
  | { answerable: true; windows: Answering[] }
  | {
      answerable: false;
      /** Why, in a sentence that names what is missing. */
      reason: string;
      /** The windows that came closest (for suggestions). */
      near: Window[];
    };

/** The least fit of a filler that answers. */
const MIN_FIT = 0.45;

/** Answer kinds (a typed value) a window missing one of several topic nouns may answer, with the question's verb stated. */
const PARTIAL_KINDS: ReadonlySet<string> = new Set(['count', 'amount', 'age', 'date', 'time']);
/** The least fit of a filler in such a window. */
const PARTIAL_MIN_FIT = 0.8;
/** A verb related to the question's states it, when no window states it by a closer word (retrieve.ts RELATED_VERB)… */
export { RELATED_VERB };
/** …and only with a filler fitting at least this well, in that verb's sentence. */
const RELATED_MIN_FIT = 0.85;
/** The least fit of a count or measure answering in a centre that words one element of the question otherwise (`oneOff`). */
const ONE_OFF_FIT = 0.95;

/** Kinds a window answers by itself, with no slot to fill. */
const WINDOW_ANSWERS: ReadonlySet<string> = new Set(['yesno', 'quote', 'description']);

/** Elements every answer must hold. */
const REQUIRED: ReadonlySet<Element['role']> = new Set(['entity', 'topic', 'picks']);

/**
 * Kinds whose answer is an argument of the question's verb ("who won the contest", "when did it reopen",
 * "where were they taken"): a person, date or place in a window that never states the verb answers something
 * else. Held-out corpora showed it: "who owns the building" answered with a name near "building".
 */
const PREDICATED: ReadonlySet<string> = new Set(['person', 'organisation', 'place', 'date', 'time', 'name']);

/** The search keys of each article's headline. */
const headlineTerms = new WeakMap<object, Set<string>>();

/**
 * A topic noun the window's article states in its headline ("Here's how the military is helping search …"): the whole
 * article is about it, so a window of it holds the noun though its own sentences do not repeat it. The word itself or
 * its lemma, not a relation; names and a superlative asked must be in the window.
 */
function headlineHolds(article: Window['article'], e: Element): boolean {
  if (e.role !== 'topic' || e.entityIds || !article.title) return false;
  let t = headlineTerms.get(article);
  if (!t) headlineTerms.set(article, (t = new Set(terms(article.title))));
  for (const [k, v] of e.keys) if (v >= 0.9 && t.has(k)) return true;
  return false;
}

/** The article names the element somewhere — its headline or a sentence (the word or lemma, or the name itself), not only in a relation. */
function articleHolds(article: Window['article'], e: Element): boolean {
  let t = headlineTerms.get(article);
  if (!t) headlineTerms.set(article, (t = new Set(terms(article.title ?? ''))));
  for (const [k, v] of e.keys) if (v >= 0.9 && (t.has(k) || article.sentences.some((s) => sentenceKeys(s.text).has(k)))) return true;
  return false;
}

/**
 * A required topic noun no article writes (nor any word standing for it), of which the articles write a related word
 * (a broader or narrower one, a rarer sense’s synonym: at least RELATED_VERB). A close spelling of another word ("store"
 * for "storm") is no relation.
 */
function unwrittenTopic(deps: Pick<Deps, 'index'>, e: Element, required: Element[]): boolean {
  if (e.role !== 'topic' || e.entityIds || !e.term || !required.includes(e)) return false;
  const respelled = deps.index.correct(e.term.key);
  return [...e.keys].some(([k, w]) => k !== respelled && w >= RELATED_VERB && w < STANDS_FOR_WEIGHT && deps.index.docFreq(k) > 0);
}

/** Decide whether `q` is answered, from the retriever's windows. */
export function decide(deps: Pick<Deps, 'corpus' | 'index'>, q: ParsedQuestion, r: Retriever): Decision {
  const d = decideOn(deps, q, r);
  return d.answerable || deps.corpus.articles.length !== 1 ? d : { ...d, reason: oneArticle(d.reason) };
}

/** A refusal's verbs for one article: "The 1 article never mentions …", "… mentions X, but never says who". */
function oneArticle(reason: string): string {
  return reason
    .replace(/^(The 1 article (?:never )?)(mention|say|give|name|list)\b/, '$1$2s')
    .replace(/, but (never )?(say|give|name|list)\b/, ', but $1$2s')
    .replace(/, but don't say\b/, ", but doesn't say");
}

function decideOn(deps: Pick<Deps, 'corpus' | 'index'>, q: ParsedQuestion, r: Retriever): Decision {
  const searched = `${deps.corpus.articles.length} article${deps.corpus.articles.length === 1 ? '' : 's'}`;
  const windows = r.windows;
  // 1. Names and topic nouns the articles never use.
  if (q.unknown.length) return { answerable: false, reason: `The ${searched} never mention ${list(q.unknown)}.`, near: windows };
  // A name in a clause that says when ("when the titanic sank") stands for the clause's event: it holds only with its verb.
  const clauseOf = (e: Element) => {
    const span = e.term ?? q.entities.find((f, i) => e.id === `e${i}`);
    return span ? q.clauses.find((c) => span.start >= c.start && span.end <= c.end && !c.verbs.includes(e.term!)) : undefined;
  };
  // A name the story is set in (named in a large share of passages) does not tell passages apart: it ranks, it is not required.
  const required = r.elements.filter((e) => REQUIRED.has(e.role) && (!e.setting || clauseOf(e)));
  // What a refusal says the articles do mention: the names and nouns asked, the story's setting ones too ("Titanic").
  const mentioned = r.elements.filter((e) => REQUIRED.has(e.role) && (required.includes(e) || !!e.entityIds));
  // Whose words a quote question asks for is checked on the quotes themselves (their attribution), not as a word in the window.
  // The head ("which <company>") is the kind of thing asked, not a word an answer must repeat: it is not looked up here.
  // What is counted must be there to be counted ("how many bridges").
  // So must a facility asked for by its kind ("which hospital"): a town is none, and articles that never say "hospital"
  // name none. Kinds any place name may be ("which town", "what country") are not looked up.
  const facility = q.kind === 'place' && q.head && !ANY_PLACE_HEADS.has(q.head.lemma) ? r.elements.filter((e) => e.role === 'head' && e.term === q.head) : [];
  const counted = [...(q.kind === 'count' || q.kind === 'amount' ? r.elements.filter((e) => e.role === 'head' && e.term === q.head) : []), ...facility];
  const absent = [...r.elements.filter((e) => e.role === 'speaker'), ...required, ...counted].filter((e) => !inCorpus(deps, e) && !deps.corpus.articles.some((a) => headlineHolds(a, e)));
  const neverMentioned: Decision = { answerable: false, reason: `The ${searched} never mention ${list(absent.map((e) => phraseOf(q, e, deps)))}.`, near: windows };
  // A topic noun the articles never write, but write a word related to ("which judge has the case" — "Judge … consolidated
  // 31 of the suits"): the related word is the nearest the articles come to it. Such a question is answered only by a name
  // or value fitting all but perfectly in a sentence holding that word (below, before step 2's refusal); else refused so.
  // One such noun: two worded otherwise ("the dispute over the dredging plan" — "the quarrel over the berth levy") ask of something else.
  const unwritten = absent.length === 1 && !WINDOW_ANSWERS.has(q.kind) && unwrittenTopic(deps, absent[0]!, required) ? absent : [];
  if (absent.length && !unwritten.length) return neverMentioned;

  // 2. Windows holding every entity and topic together.
  const stands = (w: Window, e: Element) => {
    const s = w.support.get(e.id);
    return !!s && s.match >= STANDS_FOR_WEIGHT;
  };
  // "was the kiosk screen repaired", where the articles write "kiosk" but never "kiosk screen": a compound noun they never
  // write is held by its modifier, written in a window's centre — the modifier says which thing, the head only what of it.
  // Only where the window itself answers (yes/no, a quote, a description): a name, figure or date asked must stand by
  // the words asked, and the head is not there.
  const heldByModifier = new Map<Element, Element>();
  for (const m of WINDOW_ANSWERS.has(q.kind) ? r.elements : []) {
    const h = m.role === 'topic' && m.term ? compoundHead(q, m.term) : undefined;
    const head = h && r.elements.find((e) => e.role === 'topic' && e.term === h);
    if (head && !writtenTogether(deps, m.term!.key, h!.key)) heldByModifier.set(head, m);
  }
  const holds = (w: Window, e: Element): boolean => {
    const modifier = heldByModifier.get(e);
    if (modifier && !stands(w, e) && exactlyInCentre(w, modifier)) return true;
    if (!stands(w, e)) return headlineHolds(w.article, e) && !clauseOf(e);
    const c = clauseOf(e);
    return !c || r.elements.some((v) => v.term && c.verbs.includes(v.term) && stands(w, v));
  };
  // "the capital of Iran", "Harding's wife": the noun and the name written together, in one sentence.
  const bound = q.bound
    .map((b) => ({ t: r.elements.find((e) => e.term === b.term), e: r.elements.find((e) => e.entityIds && e.label === b.entity.text) }))
    .filter((b): b is { t: Element; e: Element } => !!b.t && !!b.e);
  // "the morning fire", where the fire is the story's setting (not required): the noun before it says which fire, and alone
  // ("… and Wednesday morning") it says nothing of what is asked — it holds only in a sentence writing the head too.
  for (const m of required) {
    const h = m.role === 'topic' && !m.entityIds && m.term ? compoundHead(q, m.term) : undefined;
    const head = h && r.elements.find((e) => e.setting && e.term === h && !required.includes(e));
    if (head) bound.push({ t: m, e: head });
  }
  const boundHolds = (w: Window) => bound.every(({ t, e }) => [...(w.holding.get(t.id) ?? [])].some((id) => w.holding.get(e.id)?.has(id)));
  let together = windows.filter((w) => required.every((e) => holds(w, e)) && boundHolds(w));
  if (q.kind === 'age') {
    // An age is read with its holder wherever it is written: the windows around the fitting ages.
    const seen = new Set(together.map((w) => w.sentence.id));
    for (const { article, sentence } of ageSentences(deps, r.elements)) {
      if (seen.has(sentence.id)) continue;
      seen.add(sentence.id);
      together.push(r.windowAt(article, sentence));
    }
  }
  // A typed value asked with two or more topic nouns ("how long into the dive did they lose contact"): when no window holding
  // them all gives it, a window stating the question's verb and all it names but one topic noun may ("lost contact … one hour
  // and 45 minutes after it descended") — the value's kind and the verb, in one sentence, hold it to the question.
  const topics = required.filter((e) => !e.entityIds);
  const verbs = r.elements.filter((e) => e.role === 'predicate' && e.term?.cls === 'verb');
  const partialWindows =
    PARTIAL_KINDS.has(q.kind) && topics.length >= 2 && verbs.length
      ? windows.filter(
          (w) =>
            !together.includes(w) &&
            required.filter((e) => !holds(w, e)).length === 1 &&
            required.every((e) => !e.entityIds || holds(w, e)) &&
            verbs.some((v) => holds(w, v)) &&
            boundHolds(w),
        )
      : [];
  // A figure whose sentence names all the question asks but one name or noun, which its article names elsewhere
  // (the article is about it: "The crossing normally takes about three hours", in the article that names the ship): the
  // value, fitting well in the window's centre beside what it does name and in the sentence that states the question's
  // verb, if it has one, answers — when nothing nearer does (below). Not a date: "when did Maduro visit Beijing" is not
  // answered by the date of a visit to Moscow in an article that names Beijing elsewhere.
  const inArticle =
    (q.kind === 'count' || q.kind === 'amount') && required.length >= 2
      ? windows.filter(
          (w) =>
            required.filter((e) => !holds(w, e)).length === 1 &&
            required.every((e) => (holds(w, e) ? w.holding.get(e.id)?.has(w.sentence.id) : articleHolds(w.article, e))) &&
            boundHolds(w),
        )
      : [];
  // A typed value ("what time", "when", "how many") in a sentence that names every topic noun, some only by a related
  // word that does not stand for it ("the first alert came at 6:18 p.m." for "what time did the alarm go off"; "the doctor
  // arrived at 11:20 p.m." for the surgeon): when no window holds the words themselves, the value — fitting well in that
  // sentence, the question's verb stated there if it has one — answers. Names must still be there by themselves.
  const relatedTopic = (w: Window, e: Element) => inCentre(w, e, RELATED_VERB);
  const loosely = PARTIAL_KINDS.has(q.kind)
    ? windows.filter((w) => !together.includes(w) && required.every((e) => holds(w, e) || (!e.entityIds && relatedTopic(w, e))) && boundHolds(w))
    : [];
  // A count or measure that fits the question all but perfectly, in a sentence naming every name asked and holding all the
  // rest but one element — a topic noun the sentence words otherwise, or the verb it does not state ("Gump lives … about a
  // mile from the derailment site" for "how far from the wreck does Sarah Gump live"; "up to 100 people were in the water"
  // for "how many people went into the ocean") — answers: the figure's own noun or unit ties it to what is asked, and every
  // other element is there (each noun at least by a related word, the verb by its own). A question with no topic noun is
  // not answered so: its verb is all that says what the figure measures ("how much was the ship insured for" is not "$85
  // for a crossing"). Nor a date or a time: "Monday" fits any event ("when did the boys go back to school").
  const oneOff =
    (q.kind === 'count' || q.kind === 'amount') && topics.length
      ? windows.filter((w) => {
          if (!required.every((e) => !e.entityIds || inCentre(w, e, 0.9))) return false;
          const missing = [...topics.filter((e) => !inCentre(w, e, RELATED_VERB)), ...verbs.filter((e) => !inCentre(w, e, STANDS_FOR_WEIGHT))];
          return missing.length === 1 && boundHolds(w);
        })
      : [];
  // A yes/no question whose verb a sentence states by its own word (or one standing for it), with every name asked by its own
  // and each noun at least by a related one ("did any of their workers die" — "… resulted in the death of a … employee";
  // "did any trees fall" — "two old oaks fell"): the verb is what is asked, and the sentence states it of the thing asked,
  // worded more broadly or narrowly. Only when no sentence holds the nouns themselves with the verb (step 3), as a
  // sentence holding the nouns by their own words answers with a related verb.
  const relatedYes =
    q.kind === 'yesno' && verbs.length && required.some((e) => !e.entityIds)
      ? windows.filter((w) => required.every((e) => (e.entityIds ? exactlyInCentre(w, e) : inCentre(w, e, RELATED_VERB))) && verbs.every((v) => inCentre(w, v, STANDS_FOR_WEIGHT)) && boundHolds(w))
      : [];
  // The slot (step 4 below): the right kind of thing, in a window that holds the rest.
  // "How did the council vote?" asks the manner as much as a cause: a window stating the verb answers it ("voted 7-2"),
  // one naming a cause ("died after inhaling smoke") answers it better.
  const manner = q.kind === 'reason' && /^\s*(?:and\s+)?how\b/i.test(q.text);
  const slotted = q.kind === 'yesno' || q.kind === 'quote' || q.kind === 'description' || manner;
  // Windows step 3 lets answer with the question's verb worded otherwise: a date, time or sum in them answers where its
  // sentence states the verb at least by a related word (short.ts's own check wants the verb itself).
  const worded = new Set<Window>();
  const fill = (candidates: Window[], partial: boolean, verbed = partial, verbFloor?: number): Answering[] => {
    const found: Answering[] = [];
    for (const w of candidates) {
      // A filler that barely fits (a measure of something else, a name tied to nothing asked) fills no slot.
      // What the question names must be in the filler's sentence or next to it, not two sentences away.
      const order = w.sentences.map((x) => x.id);
      const nearFiller = (f: Filler) =>
        required.every(
          (e) => (partial && !holds(w, e)) || (!stands(w, e) && headlineHolds(w.article, e)) || [...(w.holding.get(e.id) ?? [])].some((id) => Math.abs(order.indexOf(id) - order.indexOf((f.of ?? f.sentence).id)) <= 1),
        );
      // A window missing a topic noun answers only with a value that fits well, in the sentence that states the verb.
      // A phrase read by its preposition alone ("on the crew …") is tied to the question only by the verb it follows:
      // it answers in the sentence that states the verb, not beside a neighbour that does.
      const verbSentence = (f: Filler) => (!verbed && !(f.loose && verbs.length)) || verbs.some((v) => w.holding.get(v.id)?.has(f.sentence.id));
      const fillers = fillersOf(deps, q, r.elements, w, verbFloor ?? (worded.has(w) ? RELATED_VERB : undefined)).filter((f) => f.fit >= (partial ? PARTIAL_MIN_FIT : MIN_FIT) && nearFiller(f) && verbSentence(f));
      if ((partial || !slotted) && !fillers.length) continue;
      // An age's holder named by a clause ("the diver who died"): the clause must be true of its window.
      if (q.kind === 'age' && !q.entities.length && verbs.length && !verbs.some((e) => holds(w, e))) continue;
      const best = fillers[0]?.fit ?? 0;
      const base = w.score || 1;
      found.push({ ...w, fillers, rank: base * (slotted ? 1 : 0.6 + 0.4 * best) });
    }
    return found;
  };

  // An unwritten topic noun (step 1) is held by its related word in the window's centre; every other name and noun asked
  // holds, the question's verbs are stated there, and a filler fitting all but perfectly is in that same sentence.
  if (unwritten.length) {
    const candidates = windows.filter(
      (w) => unwritten.every((e) => inCentre(w, e, RELATED_VERB)) && required.every((e) => unwritten.includes(e) || holds(w, e)) && verbs.every((v) => inCentre(w, v, STANDS_FOR_WEIGHT)) && boundHolds(w),
    );
    const found = fill(candidates, true, verbs.length > 0)
      .map((w) => ({ ...w, fillers: w.fillers.filter((f) => f.sentence === w.sentence && f.fit >= RELATED_MIN_FIT) }))
      .filter((w) => w.fillers.length);
    return found.length ? { answerable: true, windows: wholeFirst(q, found.sort((a, b) => b.rank - a.rank)) } : neverMentioned;
  }
  if (!together.length && !partialWindows.length && !inArticle.length && !loosely.length && !oneOff.length && !relatedYes.length) {
    const shown = list(required.map((e) => phraseOf(q, e, deps)));
    return {
      answerable: false,
      reason: required.length > 1 ? `The ${searched} mention ${shown}, but never together in a way that answers this.` : `The ${searched} never say that.`,
      near: windows,
    };
  }
  if (!together.length) together = relatedYes;

  // A description asked of a name and a verb alone ("what did crwd close at on friday"), with no noun to say what is
  // asked, is told by the verb, as a figure asked so is (verbOnly, below): some window holding the name must state that
  // verb or a related one. One holding the name beside a far synonym only ("engaged" for "close") tells something else
  // the name did. Not a name the question asks for ("what sea was it coming from": the sea is the answer), nor a verb
  // the dictionary does not know (a misspelling, "happend", tells nothing).
  const askedName = q.entities.some((e) => /^\s*(?:and\s+)?(?:what|which)\s+$/i.test(q.text.slice(0, e.start)));
  if (
    q.kind === 'description' && verbs.length && together.length && !topics.length && !q.head && required.length && !askedName &&
    verbs.every((v) => !!v.term && partsOfSpeech(v.term.lemma).has('verb'))
  ) {
    const attributed = analysisOf(deps).attribution;
    const says = (w: Window) =>
      verbs.some((v) => {
        const s = w.support.get(v.id);
        return (!!s && s.match >= RELATED_VERB) || (!!v.term && SPEAKING.has(v.term.lemma) && (!!attributed[w.sentence.id] || SPOKE_RE.test(w.sentence.text)));
      });
    if (!together.some(says)) {
      const holder = required.filter((e) => e.entityIds).map((e) => phraseOf(q, e, deps));
      const shown = list(mentioned.map((e) => phraseOf(q, e, deps))) || 'this';
      return { answerable: false, reason: `The ${searched} mention ${shown}, but ${slotMissing(q, holder)}.`, near: together };
    }
  }

  // 3. A yes/no question asks about its verb: a window must state it (or its opposite). So does a figure asked of a
  // name with no noun to say what it measures ("how much was the Titan insured for?"): the verb is all that says it,
  // and a figure beside the name that no sentence ties to the verb ("oxygen for up to 96 hours") measures something else.
  // So does a figure asked of nothing but the story's setting, with no date to say when ("how long did the Titanic take
  // to sink?", "how many people lived in Lahaina?" — "people" says no more than "how many"): every window holds the
  // setting, and only the verb says which figure is asked.
  const vagueHead = !q.head || PEOPLE_WORDS.has(q.head.lemma) || PEOPLE_WORDS.has(fold(q.head.text));
  const verbOnly =
    (q.kind === 'count' || q.kind === 'amount') && !topics.length && verbs.length > 0 && ((!q.head && q.figures.length > 1) || (vagueHead && !required.length && !q.dates.length));
  let related: Window[] = [];
  if (together.length && (q.kind === 'yesno' || PREDICATED.has(q.kind) || verbOnly) && verbs.length) {
    // Said of them: the verb in the window's centre, with what the question names in that sentence or referred to there.
    // "Which minister is in charge of …", "which ship hauled …": when no window states the verb, one naming that kind
    // of thing with all the question names answers ("minister of … the Coast Guard"): the head noun says what the
    // answer is. A question with no head ("who owns the building") still needs its verb.
    const head = q.kind === 'yesno' ? undefined : r.elements.find((e) => e.role === 'head' && e.term === q.head);
    // "Where did she speak?": a verb of speech is stated by a sentence the articles attribute to a speaker ("…,” Murray said at …").
    const attributed = analysisOf(deps).attribution;
    const spoken = (w: Window, e: Element) => !!e.term && SPEAKING.has(e.term.lemma) && (!!attributed[w.sentence.id] || SPOKE_RE.test(w.sentence.text));
    // A yes/no question whose first verb says what became of an activity ("has OceanGate stopped running trips":
    // whether it stopped, not whether it runs them) asks about that verb: a window must state it.
    const first = [...verbs].sort((a, b) => (a.term?.start ?? 0) - (b.term?.start ?? 0))[0];
    const asked = q.kind === 'yesno' && verbs.length > 1 && first?.term && ASPECT_VERBS.has(first.term.lemma) ? [first] : verbs;
    let stated = together.filter((w) => asked.some((e) => holds(w, e) || spoken(w, e)));
    // The window's centre states a verb the question's is related to ("transported" for "brought", "operations" for "working").
    const statesRelated = (w: Window) => asked.some((e) => inCentre(w, e, RELATED_VERB));
    // Windows that state the verb answer first; only when none does, one naming the head's kind answers.
    if (!stated.length && head) stated = together.filter((w) => headNamed(w, head));
    // Nor does one sentence holding every name and topic noun asked (two or more), each by its own word or name: it is
    // about what is asked, and words the verb otherwise ("held responsible" for "blamed", "was put in charge of" for "leads").
    if (!stated.length && q.kind !== 'yesno' && required.length >= 2) {
      stated = together.filter((w) => required.every((e) => exactlyInCentre(w, e)));
      for (const w of stated) worded.add(w);
    }
    // Failing those, a window whose centre states a verb the question's is related to ("transported" for "brought"):
    // verbs rank, they do not veto; the slot must be filled well in that sentence (RELATED_MIN_FIT, below).
    // A yes/no question is answered by such a sentence only when it holds everything else asked (every name and noun,
    // each by its own word): "was the stock exchange still working" — "The New York Stock Exchange … carried out normal
    // operations"; "are the hotels filling up" — "Hotels … are not exactly packed" (one noun is enough: the sentence
    // names it by its own word, and the verb is what is asked).
    if (q.kind === 'yesno' && !stated.length && required.length >= 1) {
      stated = together.filter((w) => required.every((e) => exactlyInCentre(w, e)) && statesRelated(w));
    }
    if (q.kind === 'yesno' && !stated.length) stated = relatedYes;
    if (q.kind !== 'yesno') {
      related = together.filter((w) => !stated.includes(w) && statesRelated(w));
    }
    if (!stated.length && !partialWindows.length && !related.length && !loosely.length && !oneOff.length) {
      const shown = list(mentioned.map((e) => phraseOf(q, e, deps))) || 'this';
      const holder = required.filter((e) => e.entityIds).map((e) => phraseOf(q, e, deps));
      const missing = q.kind === 'yesno' ? whetherMissing(q, verbs) : slotMissing(q, holder);
      return { answerable: false, reason: `The ${searched} mention ${shown}, but ${missing}.`, near: together };
    }
    together = stated;
  }

  // A measure asked with nothing but a verb to say what it measures (verbOnly) is in the sentence that states the verb:
  // "how many days of mourning …" is not "waited a day and a half" beside a sentence naming the mourners. Not a count of
  // people, which a sentence beside the verb's may give ("… was transporting … All 25 crew … remain onboard").
  let answering = fill(together, false, verbOnly && q.kind === 'amount');
  if (!answering.length && related.length) {
    answering = fill(related, false, false, RELATED_VERB)
      // Everything the question names, in the filler's own sentence: the related verb ties nothing else to it.
      .map((w) => ({ ...w, fillers: w.fillers.filter((f) => f.fit >= RELATED_MIN_FIT && f.sentence === w.sentence && required.length > 0 && required.every((e) => w.holding.get(e.id)?.has(f.sentence.id))) }))
      .filter((w) => w.fillers.length);
  }
  if (!answering.length && partialWindows.length) answering = fill(partialWindows, true);
  // A window missing a word (or holding it only by a related one) answers with a value in its own centre, beside the verb.
  const fillInCentre = (ws: Window[]) =>
    fill(ws, true, verbs.length > 0)
      .map((w) => ({ ...w, fillers: w.fillers.filter((f) => f.sentence === w.sentence) }))
      .filter((w) => w.fillers.length);
  if (!answering.length && loosely.length) answering = fillInCentre(loosely);
  if (!answering.length && inArticle.length) answering = fillInCentre(inArticle);
  if (!answering.length && oneOff.length) {
    answering = fill(oneOff, true, false)
      .map((w) => ({ ...w, fillers: w.fillers.filter((f) => f.sentence === w.sentence && f.fit >= ONE_OFF_FIT) }))
      .filter((w) => w.fillers.length);
  }
  if (!answering.length) {
    const shown = list(mentioned.map((e) => phraseOf(q, e, deps)));
    const holder = required.filter((e) => e.entityIds).map((e) => phraseOf(q, e, deps));
    return { answerable: false, reason: `The ${searched} ${shown ? `mention ${shown}, but ` : ''}${slotMissing(q, holder)}.`, near: together.length ? together : partialWindows };
  }
  return { answerable: true, windows: wholeFirst(q, answering.sort((a, b) => b.rank - a.rank)) };
}

/** Windows answering about as well as the best, for a count of everyone: their counts are the whole and its parts. */
const WHOLE_FLOOR = 0.6;

/**
 * "How many people were on board?" counts everyone the verb holds for: where windows answering about as
 * well give several counts of people ("two canal pilots on board", "all 25 crew … remain onboard"; "about
 * 100 people including 12 divers"), the smaller are parts of the larger, and the largest leads. Only when
 * nothing narrows the people counted ("stateless people") and no time is asked (the latest or dated figure
 * leads then: figure-time.ts).
 */
function wholeFirst(q: ParsedQuestion, windows: Answering[]): Answering[] {
  const head = q.head ? fold(q.head.text) : '';
  if (q.kind !== 'count' || !(PEOPLE_WORDS.has(head) || PEOPLE_WORDS.has(q.head?.lemma ?? '')) || q.headModifiers.length || q.dates.length || q.now || q.rate) return windows;
  const top = windows[0];
  const lead = top?.fillers[0];
  if (!top || lead?.figure?.kind !== 'count') return windows;
  let best = top;
  for (const w of windows.slice(1)) {
    if (w.rank < top.rank * WHOLE_FLOOR) break;
    const f = w.fillers[0];
    if (f?.figure?.kind === 'count' && f.fit >= lead.fit * 0.5 && f.figure.value > best.fillers[0]!.figure!.value) best = w;
  }
  return best === top ? windows : [best, ...windows.filter((w) => w !== best)];
}

/** What the articles do not give, by what the question asks for. */
/**
 * What a yes/no question asks, restated for a refusal: "did microsoft stock drop too" → "never say whether Microsoft
 * stock dropped"; names as the articles write them. Without a subject before its verb, the verb alone is named.
 */
/** An auxiliary, a copula or a verb of speech or thought: a subject holding one is a clause of its own. */
const CLAUSE_VERB_RE = new RegExp(`\\b(?:is|was|were|are|am|be|been|being|has|have|had|do|does|did|${speechForms({ forms: ['base', 's', 'past'] }).join('|')})\\b`, 'i');

function whetherMissing(q: ParsedQuestion, verbs: Element[]): string {
  const aux = /^\s*(?:and\s+|so\s+|but\s+)?(did|does|do|has|have|had|is|was|were|are|will|would|can|could)(?:n['’]t)?\s+/i.exec(q.text);
  const verb = verbs.map((v) => v.term).filter((t): t is NonNullable<typeof t> => !!t && !!aux && t.start > aux[0].length).sort((a, b) => a.start - b.start)[0];
  if (verb && aux) {
    let subject = q.text.slice(aux[0].length, verb.start).trim();
    // "were there any kids flying": the subject is what follows "there", which keeps its place.
    const there = /^there\s+/i.exec(subject);
    if (there) subject = subject.slice(there[0].length);
    // The subject ends where the verb begins: a verb inside it ("did the captain say anything was wrong") means the
    // predicate read is not the main verb, and restating it would garble the question.
    const rest = q.text.slice(verb.end);
    const clean = subject && subject.split(/\s+/).length <= 6 && !CLAUSE_VERB_RE.test(subject) && !CLAUSE_VERB_RE.test(rest);
    if (clean) {
      // A name typed in lower case is written as the articles write it ("microsoft" → "Microsoft"), no other way.
      for (const f of q.entities) {
        const name = f.entities.length === 1 ? f.entities[0]!.name : null;
        if (name && f.text && fold(name) === fold(f.text) && subject.includes(f.text)) subject = subject.replace(f.text, name);
      }
      const a = aux[1]!.toLowerCase();
      const said = a === 'did' ? inTense(verb.text, 'past') : a === 'does' ? inTense(verb.text, 'present') : a === 'do' ? verb.text : `${a} ${verb.text}`;
      return there ? `never say whether there ${a === 'did' ? 'was' : a} ${subject} ${verb.text}` : `never say whether ${subject} ${said}`;
    }
  }
  return "don't say one way or the other";
}

function slotMissing(q: ParsedQuestion, names: string[]): string {
  const head = q.head ? fold(q.head.text).replace(/'s$/, '') : '';
  switch (q.kind) {
    case 'count':
      return head ? `give no number of ${head}` : 'give no figure for it';
    case 'amount':
      return q.figures.length > 1 && !head ? 'give no figure for it' : q.figures[0] === 'money' ? 'give no amount of money for it' : head ? `give no amount of ${head}` : `give no ${q.figures[0] === 'duration' ? 'length of time' : (q.figures[0] ?? 'figure')} for it`;
    case 'age':
      return `never give ${names.length === 1 ? `${names[0]}’s age` : 'an age for them'}`;
    case 'date':
      return 'never say when';
    case 'time':
      return 'never give a time for it';
    case 'person':
      return head ? `never name the ${head}` : 'never say who';
    case 'organisation':
      return head ? `never name the ${head}` : 'never name an organisation for it';
    case 'place':
      return head ? `never name the ${head}` : 'never say where';
    case 'reason':
      return 'never say why';
    case 'list':
      return head ? `never name the ${head}` : 'never list them';
    case 'name':
      return head ? `never name the ${head}` : 'never give its name';
    default:
      return 'never say that';
  }
}

/** An element as the question words it, with the words that modify it ("venezuela's population", "the diver's funeral"). */
function phraseOf(q: ParsedQuestion, e: Element, deps: Pick<Deps, 'corpus'>): string {
  // A name as the articles write it ("daniel okafor" → Daniel Okafor).
  if (e.entityIds) return analysisOf(deps).entities.entities.find((x) => e.entityIds!.has(x.id))?.name ?? e.label;
  // Words asked as alternatives ("trains or buses") are named as the question joins them.
  if (!e.term || e.label !== e.term.text) return e.label;
  const before = q.text.slice(0, e.term.start);
  const m = /((?:[\p{L}\d'’-]+\s+){0,2})$/u.exec(before);
  const lead = (m?.[1] ?? '').split(/\s+/).filter(Boolean);
  // Keep the modifiers right before the noun (possessives, adjectives), not function words.
  const kept: string[] = [];
  let at = e.term.start;
  for (const w of lead.reverse()) {
    const f = fold(w).replace(/'s$/, '');
    at = q.text.lastIndexOf(w, at - 1);
    // Function words, question words and the question's other names end the noun's phrase.
    if (STOPWORDS.has(f) || /^(?:what|which|who|how|when|where|why|many|much)$/.test(f) || q.entities.some((x) => at >= x.start && at < x.end && !/['’]s$/.test(w))) break;
    // So do the question's verbs ("who gave tips" names "tips", not "gave tips") and the words the tagger reads as adverbs.
    if (q.predicates.some((p) => p.cls === 'verb' && at >= p.start && at < p.end) || lexTags(f).has('Adverb')) break;
    kept.unshift(w);
  }
  return [...kept, e.term.text].join(' ');
}

function list(items: string[]): string {
  // "prime" and "prime minister": the longer phrase says both.
  const kept = [...new Set(items)].filter((x, _, all) => !all.some((y) => y !== x && y.toLowerCase().includes(x.toLowerCase())));
  const q = kept.map((x) => `“${x}”`);
  if (q.length <= 1) return q[0] ?? '';
  return `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
}

/** The element is in the window's centre sentence by its own word or name (not a related word, not a neighbour). */
function exactlyInCentre(w: Window, e: Element): boolean {
  return !!w.holding.get(e.id)?.has(w.sentence.id) && (w.support.get(e.id)?.match ?? 0) >= 0.9;
}

/** The window's centre names a thing of the head's kind: the head word itself, or an entity the articles describe with it. */
function headNamed(w: Window, head: Element): boolean {
  return inCentre(w, head, 0.8);
}

/** The element's best support in the window is in its centre sentence, at least `least` strong. */
function inCentre(w: Window, e: Element, least: number): boolean {
  const x = w.support.get(e.id);
  return !!x && x.sentence === w.sentence && x.match >= least;
}

/** Verbs of speaking a question uses ("where did she speak", "when did he talk to reporters"). */
const SPEAKING = new Set([...SPEECH_QUESTION_VERBS, ...SPEAKER_QUESTION_VERBS, 'speak', 'talk', 'announce', 'state']);
/** A sentence reporting what someone said, in the verbs of saying ("said at a news conference in Oslo that …"). */
const SPOKE_RE = wordRe(speechForms({ roles: ['say'], forms: ['s', 'past'] }));
