/**
 * A claim that compares a measure with a reference one way ("going faster than the speed limit") against an article
 * that compares the same measure with the same reference the other way ("travelling below the speed limit") was
 * "supported" on real news: every content word but the comparison was the article's, and one uncovered word is
 * allowed under the coverage threshold. The two directions of a comparison against a reference are a state pair
 * (STATE_OPPOSITES in lexicon/states.ts): one measure is not both above and below one reference. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { supportOf } from '../src/evidence/support.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_valley-courier.txt': `3 March 2031\n\nTram leaves the rails in Dunmere\n\nA city tram left the rails near Corvell Square on Sunday evening, injuring four passengers.\n\nInvestigators said the tram was travelling below the posted speed limit when the front bogie failed.\n`,
  '02_harbour-times.txt': `8 June 2031\n\nRiver levels in Ossery\n\nThe Calder river rose higher than the flood wall at Brannock on Thursday, the water agency said.\n\nResidents of the lower town were moved to the school hall.\n`,
};

const deps = storyDeps(FILES);

describe('a comparison the other way round', () => {
  it('faster than a limit against below it: contradicted', () => {
    const v = verify(deps(), 'The Dunmere tram was going faster than the posted speed limit before it left the rails');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/below the posted speed limit/);
  }, 60_000);

  it('the same direction is not contradicted', () => {
    const v = verify(deps(), 'The Dunmere tram was travelling below the posted speed limit');
    expect(v.verdict, text(v)).not.toBe('contradicted');
  }, 60_000);

  it('another story: a river below a wall against higher than it', () => {
    const v = verify(deps(), 'The Calder river was below the flood wall at Brannock on Thursday');
    expect(v.verdict, text(v)).toBe('contradicted');
  }, 60_000);

  it('supportOf: a comparison against a reference one way never supports the other way', () => {
    expect(supportOf('The barge sailed slower than the harbour limit allows', 'The barge sailed faster than the harbour limit allows, the pilot said.').verdict).toBe('contradicts');
    expect(supportOf('Output was more than the target set in spring', 'Output was less than the target set in spring.').verdict).toBe('contradicts');
    expect(supportOf('Output was more than the target set in spring', 'Output was more than the target set in spring.').verdict).toBe('supported');
  });
});
