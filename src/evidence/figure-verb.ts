/**
 * The verb a figure is bound to in its sentence: the one whose subject the counted noun is ("some 240 ships now waiting
 * to cross", "288 vessels were waiting"), whose object it is ("a submersible carrying five people", "covers nearly
 * two-thirds of an acre"), whose agent it is ("escorted out of the waterway by four tugboats") or whose instrument ("push
 * and pull the ship with 10 tugboats"). A copula or an auxiliary alone ("Five people are on board") binds it to no content
 * verb: nothing is known then. Read with the project's tagger, in context (~2-30 ms a sentence), only on the sentences a
 * count question's candidate figures come from, each tagged once.
 */
import { lemma, fold } from '../language/tokenize.js';
import { partsOfSpeech } from '../language/wordnet.js';
import { tagWords, type TaggedWord } from '../language/word-tags.js';
import { AGENT_PREPOSITIONS, CLAUSE_OPENERS, FIGURE_VERB_ADVERBS, INSTRUMENT_PREPOSITIONS } from '../language/lexicon/slot-ties.js';
import { SPEECH_VERBS } from '../language/lexicon/speech-verbs.js';
import { QUALIFIERS } from '../language/lexicon/units.js';
import { COPULAS } from '../language/lexicon/states.js';

/** A bound verb as written, with its offset in the sentence, and the figure's part in it. */
export interface FigureVerb {
  text: string;
  start: number;
  /** The figure's noun is the verb's subject, its object, its agent (after "by") or its instrument (after its object and "with"). */
  role: 'subject' | 'object' | 'agent' | 'instrument';
  /** A subject of a passive ("80 were destroyed", "12 people got rescued"): the act was done to the counted things. */
  passive?: boolean;
}

const tagged = new Map<string, TaggedWord[]>();
function tagsOf(text: string): TaggedWord[] {
  let t = tagged.get(text);
  if (!t) {
    if (tagged.size > 2000) tagged.clear();
    tagged.set(text, (t = tagWords(text)));
  }
  return t;
}

/** Forms of "be" (and "get") that make a participle after them passive ("were destroyed", "got knocked over"). */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set([...COPULAS, 'get', 'gets', 'got', 'gotten', 'getting']);

const SAYING: ReadonlySet<string> = new Set(SPEECH_VERBS.map((v) => v.lemma));
const OPENERS: ReadonlySet<string> = new Set(CLAUSE_OPENERS.filter((w) => !w.includes(' ')));

/** Qualifiers and a determiner right before a figure ("at least", "the", "nearly"), which stand between it and its verb. */
const QUALIFIED_RE = new RegExp(`(?:\\s*\\b(?:${[...QUALIFIERS].map((q) => q.replace(/\\s+/g, '\\s+')).join('|')}|the|some|all|another|its|their|his|her)\\b)*\\s*$`, 'i');

const functionVerb = (t: TaggedWord) => t.tags.has('Copula') || t.tags.has('Auxiliary') || t.tags.has('Modal');
/** A content verb in its sentence: tagged a verb and no copula or auxiliary, nor a verb of saying (its object is a clause). */
function contentVerb(t: TaggedWord, looseForm = false): boolean {
  const w = fold(t.text);
  if (SAYING.has(lemma(w))) return false;
  if (t.tags.has('Verb')) return !functionVerb(t) && !t.tags.has('Adjective');
  // "a submersible carrying five people", "the garden covers nearly two-thirds of an acre": the tagger may read a verb right
  // before a figure as a noun; its -ing, -ed or -s form of a WordNet verb says it (no noun stands right before a number).
  return looseForm && /^\p{Ll}+(?:ing|ed|s)$/u.test(t.text) && lemma(w) !== w && partsOfSpeech(lemma(w)).has('verb');
}
const adverb = (t: TaggedWord) => t.cls === 'adverb' || t.tags.has('Negative') || FIGURE_VERB_ADVERBS.has(fold(t.text));

/**
 * The content verbs a figure written at [start, end) (its counted noun included) is bound to, or [] when none is known
 * (a copula, a noun it modifies, a preposition other than the agent's, the sentence's edge).
 */
export function figureVerbs(text: string, start: number, end: number): FigureVerb[] {
  const t = tagsOf(text);
  const first = t.findIndex((x) => x.end > start);
  let last = -1;
  for (let i = 0; i < t.length; i++) if (t[i]!.start < end) last = i;
  if (first < 0 || last < first) return [];
  const at = (x: TaggedWord, role: FigureVerb['role']): FigureVerb => ({ text: x.text, start: x.start, role });
  // The subject of what follows: adverbs and auxiliaries, then the verb ("240 ships now waiting", "vessels were waiting").
  // A comma or a clause's edge in between ends it.
  let i = last + 1;
  while (i < t.length && adverb(t[i]!) && !/[,;:]/.test(text.slice(t[i - 1]!.end, t[i]!.start))) i++;
  let aux = false;
  let be = false;
  while (i < t.length && functionVerb(t[i]!) && !/[,;:]/.test(text.slice(t[i - 1]!.end, t[i]!.start))) {
    aux = true;
    if (PASSIVE_AUXILIARIES.has(fold(t[i]!.text))) be = true;
    i++;
    while (i < t.length && adverb(t[i]!)) i++;
  }
  const next = t[i];
  if (next && !/[,;:(]/.test(text.slice(t[i - 1]!.end, next.start))) {
    if (contentVerb(next)) return [{ ...at(next, 'subject'), ...(be && !/ing$/i.test(next.text) ? { passive: true } : {}) }];
  }
  // A subject of a copula or an auxiliary alone ("Five people are on board"): bound to no content verb.
  if (aux) return [];
  // The object of the verb before (qualifiers and adverbs between: "killed at least 102 people", "covers nearly …").
  const lead = QUALIFIED_RE.exec(text.slice(0, t[first]!.start))!;
  let j = first - 1;
  while (j >= 0 && t[j]!.end > lead.index) j--;
  while (j >= 0 && adverb(t[j]!) && !/[,;:]/.test(text.slice(t[j]!.end, t[j + 1]!.start))) j--;
  const before = t[j];
  if (!before || /[,;:(]/.test(text.slice(before.end, t[j + 1]!.start))) return [];
  if (contentVerb(before, true)) return [at(before, 'object')];
  // The agent of a passive verb before "by", in the same clause ("escorted out of the waterway by four tugboats"); the
  // instrument of a verb before its object and "with" ("push and pull the ship with 10 tugboats").
  const agent = AGENT_PREPOSITIONS.has(fold(before.text));
  const instrument = INSTRUMENT_PREPOSITIONS.has(fold(before.text));
  if (!agent && !instrument) return [];
  let object = false;
  for (let k = j - 1; k >= 0 && k >= j - 8; k--) {
    const x = t[k]!;
    if (/[,;:(]/.test(text.slice(x.end, t[k + 1]!.start)) || OPENERS.has(fold(x.text))) break;
    if (contentVerb(x)) {
      if (agent && (x.tags.has('Passive') || x.tags.has('PastTense') || x.tags.has('Participle'))) return [at(x, 'agent')];
      if (instrument && object) return [at(x, 'instrument')];
      return [];
    }
    if (x.cls === 'noun' || x.cls === 'name' || x.cls === 'pronoun') object = true;
  }
  return [];
}
