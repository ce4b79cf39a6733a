/**
 * Three ways a claim is judged by its parts rather than as one figure or one list:
 * - another figure or date is of another thing when the sentence does not say the claim's subject ("a magnitude 3.1
 *   aftershock … three days later" is not contradicted by "the magnitude 5.4 tremor … in more than 40 years");
 * - a claim with several figures, some stated by the sentence and another given another value ("$40 million … over
 *   eight years" against "$40 million … over the next three years"), is partly supported, as a compound claim with
 *   one part wrong;
 * - names listed after a preposition of the subject ("Fire crews from Norland and Kessar helped …") are each that
 *   subject, judged one by one.
 * Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_valley-news.txt':
    '3 March 2031\n\nTremor shakes Orrel valley\n\nWhen the magnitude 5.4 tremor – the strongest in the valley in more than 40 years – struck on Monday, it cut power to 3,000 homes.\n\nSchools in the valley stayed closed on Tuesday while engineers checked the buildings.\n',
  '02_river-gazette.txt':
    '8 June 2031\n\nCrane falls at Feldway\n\nA 40-tonne crane collapsed onto the Feldway bridge on Sunday, the worst accident on the river in 25 years.\n\nThe bridge will stay shut for a month, the harbour board said.\n',
  '03_coast-times.txt':
    '12 April 2031\n\nSea walls for Marrow Bay\n\nMarrow Bay will spend $40 million on new sea walls over the next three years, the mayor said on Thursday.\n\nThe walls will protect the old harbour from winter storms.\n',
  '04_strait-post.txt':
    '20 April 2031\n\nFerry returns to the strait\n\nThe Tessa ferry carried 212 passengers and 14 cars across the Linden strait on Friday, its first crossing since the storm.\n\nThe Tessa had been laid up for repairs since January.\n',
  '05_hill-courier.txt':
    '2 August 2031\n\nBlaze near Vell contained\n\nFire crews from Norland helped local teams fight the blaze near Vell on Thursday.\n\nThe fire burned through dry pine forest for three days before the wind turned.\n\nFarmers near the coast moved their sheep to the valley floor.\n\nTwo water bombers flew in from the south on Friday.\n',
  '06_mine-herald.txt':
    '9 September 2031\n\nMiners treated after collapse\n\nArmy doctors from Ambria treated the injured miners at the Harrow clinic after the collapse.\n\nThe shaft had been closed twice before for repairs to its roof.\n\nRescuers worked through the night to clear the main tunnel.\n\nThe union said it would pay for the miners to rest at home.\n',
};

const deps = storyDeps(FILES);

describe('another figure of another subject', () => {
  it('an aftershock is not the tremor the articles measure', () => {
    const v = verify(deps(), 'A magnitude 3.1 aftershock struck the region two days later');
    expect(v.verdict, text(v)).not.toBe('contradicted');
    expect(text(v)).not.toMatch(/5\.4/);
  }, 60_000);

  it('a barge is not the crane the articles weigh', () => {
    const v = verify(deps(), 'A 12-tonne barge collapsed onto the Feldway bridge on Sunday');
    expect(v.verdict, text(v)).not.toBe('contradicted');
    expect(text(v)).not.toMatch(/40-tonne/);
  }, 60_000);

  it('the same subject with another figure is still contradicted', () => {
    const v = verify(deps(), 'A 12-tonne crane collapsed onto the Feldway bridge on Sunday');
    expect(v.verdict, text(v)).toBe('contradicted');
  }, 60_000);
});

describe('some figures stated, another given another value', () => {
  it('the sum holds, the span does not: partly supported', () => {
    const v = verify(deps(), 'Marrow Bay will spend $40 million on new sea walls over eight years');
    expect(v.verdict, text(v)).toBe('partly supported');
    expect(text(v)).toMatch(/\$40 million/);
    expect(text(v)).toMatch(/three years/);
  }, 60_000);

  it('the passengers hold, the cars do not: partly supported', () => {
    const v = verify(deps(), 'The Tessa ferry carried 212 passengers and 30 cars across the Linden strait');
    expect(v.verdict, text(v)).toBe('partly supported');
    expect(text(v)).toMatch(/212 passengers/);
  }, 60_000);

  it('a single wrong figure is still contradicted', () => {
    const v = verify(deps(), 'Marrow Bay will spend $90 million on new sea walls');
    expect(v.verdict, text(v)).toBe('contradicted');
  }, 60_000);
});

describe('names listed after a preposition of the subject', () => {
  it('fire crews from two places: one said, one not', () => {
    const v = verify(deps(), 'Fire crews from Norland and Kessar helped fight the blaze near Vell');
    expect(v.verdict, text(v)).toBe('partly supported');
    expect(text(v)).toMatch(/Fire crews from Norland helped fight the blaze near Vell” is supported/);
  }, 60_000);

  it('doctors from two places: one said, one not', () => {
    const v = verify(deps(), 'Army doctors from Ambria and Tolsk treated the injured miners');
    expect(v.verdict, text(v)).toBe('partly supported');
    expect(text(v)).toMatch(/Army doctors from Ambria treated the injured miners” is supported/);
  }, 60_000);
});
