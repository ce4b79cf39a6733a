/**
 * Sentence units for quoting. The sentence splitter cuts inside quotations
 * ("I doubt it. | I don't think so," he said.), so a citation of one piece would
 * lose its speaker or its start. These helpers widen a sentence to the whole
 * quotation it belongs to, staying inside its paragraph.
 */
import type { Article, Sentence } from '../types.js';

const OPEN = /[“]/g;
const CLOSE = /[”]/g;
const STRAIGHT = /"/g;

/** Quotation-mark balance of a text: >0 opens more than it closes, <0 closes an earlier one. */
function balance(text: string): number {
  const open = (text.match(OPEN) ?? []).length;
  const close = (text.match(CLOSE) ?? []).length;
  const straight = (text.match(STRAIGHT) ?? []).length;
  let b = open - close;
  if (straight % 2 === 1) {
    // An odd straight quote opens when it starts the sentence, else it closes one.
    b += /^\s*"/.test(text) ? 1 : -1;
  }
  return b;
}

/** The sentences of `s`'s paragraph, in order. */
function paragraphSentences(article: Article, s: Sentence): Sentence[] {
  return article.paragraphs[s.paragraph]?.sentences ?? [s];
}

/**
 * `s` widened to a balanced quotation: back to where an unclosed quote opened,
 * forward to where an unfinished one closes (at most `max` sentences each way).
 */
export function quoteUnit(article: Article, s: Sentence, max = 4): Sentence[] {
  const para = paragraphSentences(article, s);
  let i = para.findIndex((x) => x.id === s.id);
  if (i < 0) return [s];
  let j = i;
  let b = balance(s.text);
  let steps = 0;
  while (b < 0 && i > 0 && steps++ < max) {
    i--;
    b += balance(para[i]!.text);
  }
  steps = 0;
  while (b > 0 && j < para.length - 1 && steps++ < max) {
    j++;
    b += balance(para[j]!.text);
  }
  return para.slice(i, j + 1);
}
