/**
 * The plain counts the disagreements compare ("40,000 electric kettles", "23 reports of burns") are read with the shared
 * figure reader's kinds: a clock time is no count — "took off at about 5:07 p.m, according to …" gave a count "07 p" that
 * /compare and the digest set against "2:20 p.m." as "P: “07” vs “20” — figures that cannot both be true". Sentences
 * written here.
 */
import { describe, expect, it } from 'vitest';
import { countsIn } from '../src/analysis/claim-figures.js';
import type { Sentence } from '../src/types.js';

const at = (text: string): Sentence => ({ id: 'a:p0:s0', articleId: 'a', paragraph: 0, index: 0, text, start: 0, end: text.length });
const counts = (text: string) => countsIn(text, at(text), 'a').map((c) => `${c.display} ${c.noun}`);

describe('plain counts', () => {
  it('are not read from clock times', () => {
    expect(counts('The ferry left Portreath at about 5:07 p.m, according to the harbour log.')).toEqual([]);
    expect(counts('It is scheduled to depart at 2:20 p.m. Friday, according to the timetable.')).toEqual([]);
  });

  it('are still read beside them', () => {
    expect(counts('The ferry carried 40 passengers when it left at 9:15 p.m. on Friday.')).toEqual(['40 passengers']);
  });
});
