/** What /ask's figure slot reads from a question, and how /verify keys a claim's figures. Text written for this test. */
import { describe, expect, it } from 'vitest';
import { comparableFigures, figureQuestion } from '../src/engines/figure-slots.js';
import type { Sentence } from '../src/types.js';

describe('figureQuestion', () => {
  it.each([
    ['How old is Trump?', { kinds: ['age'], subject: 'Trump' }],
    ['how old is the coach', { kinds: ['age'], subject: 'the coach' }],
    ['how many power outages were there on Monday', { kinds: ['count'], noun: 'power outages' }],
    ['how many evacuees', { kinds: ['count'], noun: 'evacuees' }],
    ['how far from the harbour was the ferry', { kinds: ['distance'] }],
    ['how fast could it go', { kinds: ['speed'] }],
    ['how heavy was the barge', { kinds: ['weight'] }],
    ['how deep is the wreck', { kinds: ['depth'] }],
    ['how long is the quay', { kinds: ['length'] }],
    ['how long did the oxygen last', { kinds: ['duration'] }],
    ['how long were they stuck', { kinds: ['duration'] }],
  ])('%s', (q, want) => {
    expect(figureQuestion(q)).toMatchObject(want);
  });

  it.each(['who is the coach', 'what did the mayor say', 'how did they get out', 'how much did it cost'])('%s is not a figure question', (q) => {
    expect(figureQuestion(q)).toBeNull();
  });
});

describe('comparableFigures', () => {
  const s = (text: string): Sentence => ({ id: 'x:p0:s0', articleId: 'x', paragraph: 0, index: 0, text, start: 0, end: text.length });
  const read = (text: string) => comparableFigures(text, s(text), 'x').map((f) => ({ key: f.key, display: f.display, noun: f.noun, lo: Math.round(f.lo) }));

  it('counts are keyed by their counted noun, measures by kind and what they are of, in base units', () => {
    expect(read('The crew of 20 stayed aboard.')).toEqual([{ key: 'count:crew', display: '20', noun: 'crew', lo: 20 }]);
    expect(read('The ferry was found 12 miles from Port Merrow.')).toEqual([{ key: 'distance:port merrow', display: '12', noun: 'miles', lo: 19312 }]);
    expect(read('The quay is 400 metres long.')).toEqual([{ key: 'length:quay', display: '400', noun: 'metres long', lo: 400 }]);
  });

  it('clock times, dates and years are not compared as figures', () => {
    expect(read('At 10 p.m. on March 3, 2019, the gates closed.')).toEqual([]);
  });
});
