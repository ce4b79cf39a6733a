/**
 * News names a person in full once ("Dara Okafor, the deputy director, …") and by surname after ("Okafor was
 * re-deployed …"). A claim naming the person in full is said by the surname-only sentence too, when the article gives
 * the full name and the entity index ties the two to one person (verify.ts assess): the rest of the name counts as said
 * nearby. Before, the missing first name kept that sentence below the bar, so a compound claim whose other part the
 * articles never address came out "not addressed" instead of "partly supported". Found on real news (an official moved
 * to another division). Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_county-post.txt': `12 April 2031\n\nWater official reassigned\n\nDara Okafor, the deputy director of the water commission, delayed a permit for three days, officials said.\n\nThe farmers moved their cattle in March.\n\nThe water office moved to a new building in 2029.\n\nThe permit was moved up the queue on Friday.\n\nThe dry season starts in May.\n\nThe commission said on Monday that Okafor was being re-deployed to a different unit.\n\nFarmers had asked for the permit in March.\n`,
  '02_coast-weekly.txt': `3 August 2031\n\nNew harbour pilot\n\nTomas Reyes, a former ferry captain, has worked on the coast for twenty years.\n\nThe ferry terminal moved across the bay last year.\n\nThe cranes were moved in June.\n\nThe ships moved slowly in the fog.\n\nThe harbour handles 40 ships a day.\n\nThe port authority said Reyes was being re-deployed to the northern station.\n\nA new pilot boat arrives in May.\n`,
};

const deps = storyDeps(FILES);
const parts = (v: ReturnType<typeof verify>) => (v.meta as { parts: { verdict: string }[] }).parts.map((p) => p.verdict);

describe('a full name said by the surname alone', () => {
  it('a move said of "Okafor", a lawsuit never mentioned: partly supported', () => {
    const v = verify(deps(), 'Dara Okafor was moved to a different unit, and she later sued the county over it');
    expect(v.verdict, text(v)).toBe('partly supported');
    expect(parts(v)[0], text(v)).not.toBe('not addressed');
    expect(text(v)).toContain('Okafor was being re-deployed to a different unit');
  }, 60_000);

  it('a move said of "Reyes", a pay rise never mentioned: partly supported', () => {
    const v = verify(deps(), 'Tomas Reyes was moved to the northern station, and he later got a pay rise');
    expect(v.verdict, text(v)).toBe('partly supported');
    expect(parts(v)[0], text(v)).not.toBe('not addressed');
    expect(text(v)).toContain('Reyes was being re-deployed to the northern station');
  }, 60_000);

  it('a different first name is not the same person', () => {
    const v = verify(deps(), 'Maria Okafor was moved to a different unit');
    expect(v.verdict, text(v)).not.toBe('supported');
  }, 60_000);
});
