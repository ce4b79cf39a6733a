/**
 * "When did it happen?": a year ("the 2040 Lantern Festival turned into a disaster") and a day in it ("the Aug. 9
 * Lantern Festival show") both say when; the day says more. A cited window's date within the lead's year (or month),
 * fitting nearly as well, is the short answer (finerDate); a date outside it, or one fitting much worse, is not.
 */
import { describe, expect, it } from 'vitest';
import { finerDate } from '../src/engines/ask-evidence.js';
import type { Answering } from '../src/evidence/answerable.js';
import type { Filler } from '../src/evidence/short.js';
import type { Sentence } from '../src/types.js';

const sentence = (id: string, text: string): Sentence => ({ id, articleId: id, paragraph: 0, index: 0, text, start: 0, end: text.length });
const filler = (s: Sentence, text: string, fit: number): Filler => ({ text, sentence: s, start: s.text.indexOf(text), end: s.text.indexOf(text) + text.length, fit });
const cite = (f: Filler) => ({ w: {} as Answering, n: 1, filler: f });

describe('the finer of two consistent dates', () => {
  const year = sentence('a', 'Six people died when the 2040 Lantern Festival turned into a disaster.');
  const day = sentence('b', 'Six people died in a crush at the Aug. 9 Lantern Festival show.');
  const other = sentence('c', 'The 2039 festival passed without incident on July 2.');
  const dates: Record<string, string> = { a: '2040', b: '2040-08-09', c: '2039-07-02' };
  const dateOf = (f: Filler) => dates[f.sentence.id] ?? null;

  it('a day within the lead year answers', () => {
    const got = finerDate([cite(filler(year, '2040', 1)), cite(filler(day, 'Aug. 9', 0.9))], dateOf);
    expect(got?.filler.text).toBe('Aug. 9');
  });

  it('not a day of another year, nor one fitting much worse, nor when the lead is a day already', () => {
    expect(finerDate([cite(filler(year, '2040', 1)), cite(filler(other, 'July 2', 1))], dateOf)).toBeNull();
    expect(finerDate([cite(filler(year, '2040', 1)), cite(filler(day, 'Aug. 9', 0.5))], dateOf)).toBeNull();
    expect(finerDate([cite(filler(day, 'Aug. 9', 1)), cite(filler(year, '2040', 1))], dateOf)).toBeNull();
  });
});
