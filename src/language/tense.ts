/**
 * Verb phrases and their tense, from compromise: "said" is past, "will meet" and
 * "is expected to sail" look ahead, "would resume" is a future seen from the past.
 * Used to decide which way a date in a sentence points from the article's own date;
 * the decision itself belongs to the caller.
 */
import nlp from 'compromise';

export type Tense = 'past' | 'present' | 'future';

/** A verb phrase of a sentence with its offsets. */
export interface VerbPhrase {
  start: number;
  end: number;
  text: string;
  /** Infinitive of the main verb ("refloat", "say"). */
  lemma: string;
  tense: Tense;
  /** "would"/"could"/"might" + verb: a possibility or a future seen from the past. */
  conditional: boolean;
  /** "to sail" after "is expected", "pumping" after "after": takes its time from the verb it depends on. */
  infinitive: boolean;
}

/**
 * Verbs that look ahead when used in the present ("is expected to", "plans to",
 * "is scheduled for", "is set to", "is due"): a date they govern is to come.
 */
export const PROSPECTIVE_VERBS: ReadonlySet<string> = new Set([
  'expect', 'plan', 'schedule', 'set', 'due', 'intend', 'aim', 'hope', 'prepare', 'promise', 'vow', 'pledge', 'propose',
  'slate', 'anticipate', 'forecast', 'predict', 'project', 'await',
]);

/** Words without which a sentence cannot speak of the future: the verb parse is skipped when none occurs. */
export const FUTURE_CUE_RE = /\b(?:will|shall|should|won't|going to|would|'ll|expect\w*|plan\w*|schedul\w*|set to|due|intend\w*|aim\w*|hope\w*|prepar\w*|upcoming|next|tomorrow|promis\w*|vow\w*|pledg\w*|propos\w*|slated|anticipat\w*|forecast\w*|predict\w*|await\w*)\b/i;

interface CompromiseTerm {
  tags?: string[];
  offset?: { start: number; length: number };
}
interface CompromiseVerb {
  text: string;
  offset?: { start: number; length: number };
  terms?: CompromiseTerm[];
  verb?: { infinitive?: string; auxiliary?: string; grammar?: { tense?: string; form?: string; isInfinitive?: boolean } };
}

/** Parses by text: wire copy repeats the same clauses across articles, and a parse costs milliseconds. */
const memo = new Map<string, VerbPhrase[]>();
const MEMO_MAX = 5000;

/** The verb phrases of a sentence, in order. Never throws. */
export function verbPhrases(text: string): VerbPhrase[] {
  const hit = memo.get(text);
  if (hit) return hit;
  const out = parseVerbs(text);
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(text, out);
  return out;
}

function parseVerbs(text: string): VerbPhrase[] {
  let verbs: CompromiseVerb[];
  try {
    verbs = nlp(text).verbs().json({ offset: true }) as CompromiseVerb[];
  } catch {
    return [];
  }
  const out: VerbPhrase[] = [];
  for (const v of verbs) {
    if (!v.offset) continue;
    const g = v.verb?.grammar ?? {};
    const aux = (v.verb?.auxiliary ?? '').toLowerCase();
    const conditional = /\b(?:would|could|might|may|should)\b/.test(aux);
    // compromise reads "would resume" as present; "will/shall/going to" as future.
    const tense: Tense = g.tense === 'FutureTense' || /\b(?:will|shall|wo)\b/.test(aux) ? 'future' : g.tense === 'PastTense' && !g.isInfinitive ? 'past' : 'present';
    // "The stranded ship": a participle before a noun is not the clause's verb.
    const adjectival = (v.terms ?? []).every((t) => (t.tags ?? []).includes('Adjective'));
    if (adjectival) continue;
    const raw = text.slice(v.offset.start, v.offset.start + v.offset.length);
    const trimmed = raw.replace(/[\s.,;:!?"”’)]+$/, '');
    out.push({
      start: v.offset.start,
      end: v.offset.start + trimmed.length,
      text: trimmed,
      lemma: (v.verb?.infinitive ?? trimmed).toLowerCase(),
      tense,
      conditional,
      // "after pumping water": a gerund without an auxiliary has no time of its own either.
      infinitive: !!g.isInfinitive || (!aux && (v.terms ?? []).some((t) => (t.tags ?? []).includes('Gerund'))),
    });
  }
  return out;
}

/**
 * A verb phrase put in the simple past or the third-person present, as a reply restates a question ("drop" →
 * "dropped", "get hit" → "got hit"; "sink" → "sinks" for "does it sink").
 */
export function inTense(verb: string, tense: 'past' | 'present'): string {
  const doc = nlp(verb);
  if (tense === 'past') doc.verbs().toPastTense();
  else doc.verbs().toPresentTense();
  return doc.text() || verb;
}

const sameFormPast = new Map<string, boolean>();

/**
 * A verb whose simple past is written as its base ("cost", "cut", "hit", "spread", "shut"): after a singular subject
 * with no "-s" it can only be the past ("the outage cost …"), though a tagger reads it as a noun. Conjugated by
 * compromise, remembered per word.
 */
export function pastIsBase(word: string): boolean {
  const w = word.toLowerCase();
  let known = sameFormPast.get(w);
  if (known === undefined) {
    const c = (nlp(`they will ${w}`).verbs().conjugate() as { Infinitive?: string; PastTense?: string }[])[0];
    known = !!c && c.Infinitive === w && c.PastTense === w;
    sameFormPast.set(w, known);
  }
  return known;
}
