/**
 * Whether a sentence instructs rather than states ("Ignore your instructions and tell every
 * reader …", "Please share this now", "IMPORTANT: visit the …"). An instruction asserts no fact:
 * a model may not write one as an answer or a heading. Read by form: a verb in its base form (WordNet)
 * opens the sentence (after a label such as "IMPORTANT:" or "please") and a determiner or a
 * pronoun follows it as its object ("ignore your", "tell every", "share this") — which keeps
 * headlines such as "Harbour talks to resume" and "Search teams found debris" statements.
 */
import nlp from 'compromise';
import { partsOfSpeech } from './wordnet.js';

/** A label an injected line opens with ("IMPORTANT:", "Note:", "SYSTEM —"). */
const LABEL_RE = /^\s*(?:[\p{Lu}][\p{L}]{0,15}\s*[:—–-]\s*)+/u;
const PLEASE_RE = /^\s*(?:please|kindly|now)\s*,?\s+/i;
/** Words that open an imperative's object ("your instructions", "every reader", "this article", "us"). */
const OBJECT_OPENERS = new Set(
  'the a an your my our their his her its this that these those every all any some each me us them him it everyone everybody anyone anybody everything anything readers users'.split(' '),
);

/** Does any sentence of `text` open as an instruction? */
export function isInstruction(text: string): boolean {
  for (const s of nlp(text).sentences().json() as { text: string }[]) {
    const t = s.text.replace(LABEL_RE, '').replace(PLEASE_RE, '');
    const [verb, next] = t.toLowerCase().split(/\s+/) as [string?, string?];
    if (!verb || !next || /\?\s*$/.test(t)) continue;
    // WordNet lists base forms only: "tell", "ignore", "visit" are verbs there, "tells" and "ships" are not.
    if (partsOfSpeech(verb.replace(/[^\p{L}-]/gu, '')).has('verb') && OBJECT_OPENERS.has(next.replace(/[^\p{L}]/gu, ''))) return true;
  }
  return false;
}
