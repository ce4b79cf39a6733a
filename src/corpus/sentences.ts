/**
 * Sentence splitting with exact offsets. Hand-written because news text is full of
 * abbreviations ("U.S.", "Gerald R. Ford", "Oct. 24") and quotes that end sentences
 * ("…justice,” Leavitt said."), which generic segmenters split wrongly.
 */
import type { Span } from '../types.js';

// Lower-cased abbreviations (without the final dot) after which a period does not end a sentence.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt sgt adm cmdr gov sen rep pres st jr sr inc corp co ltd ' +
    'no vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ' +
    'u.s u.k u.n e.u a.m p.m i.e e.g d.c u.s.a'
  ).split(' '),
);

/** Abbreviations that often end a sentence: a clock time's "a.m." and "p.m.". */
const CLOCK_ENDINGS = new Set(['a.m', 'p.m']);
/** Words that open a sentence rather than continue a clock time ("9 p.m. Tuesday", "10 a.m. EDT" go on). */
const SENTENCE_OPENERS = /^(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That|These|Those|His|Her|Their|Its|There|After|Before|When|While|By|As)\s/;

const CLOSERS = `"'”’)]»`;
const OPENERS = `"'“‘([«`;

function isUpperStart(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\p{Lu}\p{N}]/u.test(ch) || OPENERS.includes(ch) || ch === '•' || ch === '-' || ch === '—' || ch === '–';
}

/** The word (letters and inner dots) ending right before position `i` (the dot). */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}.]/u.test(text[j - 1]!)) j--;
  return text.slice(j, i);
}

/**
 * Split `text` into sentence spans relative to `text`. Leading bullets and
 * whitespace are excluded from spans; spans never start or end with whitespace.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /[\s•·▪●\-–—*]/u.test(text[s]!) && !/^-?\d/.test(text.slice(s, s + 2))) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e - s >= 2 && /[\p{L}\p{N}]/u.test(text.slice(s, e))) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      // A line break ends a sentence when the next non-blank line starts like a sentence or the line ended with punctuation.
      let k = i + 1;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
      const prev = text.slice(start, i).trimEnd();
      const blank = text[k] === '\n';
      if (blank || /[.!?:"”’)…]$/.test(prev) || isUpperStart(text[k])) {
        push(start, i);
        start = i + 1;
      }
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    // Extend over repeated terminators and closing quotes/brackets.
    let j = i + 1;
    while (j < text.length && '.!?…'.includes(text[j]!)) j++;
    while (j < text.length && CLOSERS.includes(text[j]!)) j++;
    if (j < text.length && !/\s/u.test(text[j]!)) continue; // "U.S.-led", "3.5", "example.com"
    let k = j;
    while (k < text.length && /[ \t\u00a0]/.test(text[k]!)) k++;
    const next = text[k];
    if (next === undefined || next === '\n') {
      push(start, j);
      start = j;
      i = j - 1;
      continue;
    }
    if (!isUpperStart(next)) continue;
    if (ch === '.') {
      const w = wordBefore(text, i).toLowerCase();
      // "… reached the shore at 9 p.m. The second boat …": a clock time ends a sentence when a function word
      // opens the next ("The", "He", "In") and the time does not open its own line ("12:05 a.m. A pilot boards").
      const clockEnds = CLOCK_ENDINGS.has(w) && SENTENCE_OPENERS.test(text.slice(k)) && /\p{L}{2,}\s+\S+\s+\S+\s*$/u.test(text.slice(start, i - w.length));
      if (ABBREVIATIONS.has(w) && !clockEnds) continue;
      // Single initials ("Gerald R. Ford"), but not a sentence-final pronoun "I."
      if (/^\p{L}$/u.test(w) && w !== 'i') continue;
      // "U.S." style dotted acronyms are abbreviations unless followed by a clear sentence start after a quote.
      if (/^(\p{L}\.)+\p{L}$/u.test(w) && !CLOSERS.includes(text[j - 1]!) && !clockEnds) continue;
    }
    push(start, j);
    start = k;
    i = k - 1;
  }
  push(start, text.length);
  return spans;
}
