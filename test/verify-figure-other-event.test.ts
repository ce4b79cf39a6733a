/**
 * A count of people is a count of those who did what the claim says. The judge read "About 12,000 people lived in X
 * before the fire" as contradicted by "the fire raged through X, killing at least 99 people" (real news), for two
 * reasons: the quote's "people" also counted as the claim's "lived" (WordNet has "people" as a verb of inhabiting) —
 * now a quote word that is one of the claim's own words says that word only (support.ts); and another figure could
 * contradict when the sentence never says the claim's main verb, which figureSlot already refused — now `opposes`
 * (verify.ts) refuses it too. (That real claim is still contradicted through another WordNet sense, "hotel rooms".)
 * Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { supportOf } from '../src/evidence/support.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_river-post.txt': `2 April 2033\n\nFlood hits Tarrow\n\nThe flood swept through Tarrow on Sunday, killing at least 14 people and destroying 300 homes.\n\nRescuers searched the river banks.\n`,
  '02_sport-wire.txt': `5 April 2033\n\nCrush at Corvo stadium\n\nA crush at the gates of Corvo stadium before the cup final killed 9 fans on Saturday, police said.\n\nThe match was postponed.\n`,
};

const deps = storyDeps(FILES);

describe('a figure of another event does not contradict', () => {
  it('the quote word "people" is the claim word "people", not also its "lived"', () => {
    const s = supportOf('About 3,000 people lived in Tarrow', { quote: 'The flood swept through Tarrow, killing at least 14 people.' });
    expect(s.uncovered).toContain('lived');
  });

  it('a town population is not contradicted by its death toll', () => {
    const v = verify(deps(), 'About 3,000 people lived in Tarrow before the flood');
    expect(v.verdict, text(v)).not.toBe('contradicted');
  }, 60_000);

  it('a crowd is not contradicted by a death toll', () => {
    const v = verify(deps(), 'About 40,000 fans watched the cup final at Corvo stadium');
    expect(v.verdict, text(v)).not.toBe('contradicted');
  }, 60_000);
});
