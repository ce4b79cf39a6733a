/**
 * A claim naming a place as its subject's modifier ("The Lahaina banyan tree burned to the ground") against an article
 * whose sentence writes the opposite state ("a burned – but still standing – banyan tree") without the name, which only
 * its title gives ("… visits Lahaina"), was "not addressed" on real news: the judge asked the sentence itself to name the
 * place. Now a sentence writing the opposite state is read with its article's title for the claim's names, and
 * "still standing" / "burned to the ground" is a state pair (states.ts). Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_coast-news.txt': `9 May 2032\n\nGale batters Pellow harbour\n\nThe gale tore roofs from a dozen houses overnight.\n\nWalking past the scorched – but still standing – old lighthouse, the mayor promised that repairs would begin within a week.\n\nFishing boats stayed in port.\n`,
  '02_valley-times.txt': `14 June 2032\n\nFire sweeps through Dunmore\n\nThe blaze started in a bakery before dawn on Friday.\n\nThe old clock tower, blackened but still standing, drew crowds of onlookers by noon.\n\nSchools were closed for the day.\n\nDunmore last saw a fire this size in 1998.\n`,
};

const deps = storyDeps(FILES);

describe('an opposite state about a subject the title names', () => {
  it('still standing against burned to the ground: contradicted, citing the sentence', () => {
    const v = verify(deps(), 'The Pellow lighthouse burned to the ground');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/still standing – old lighthouse/);
  }, 60_000);

  it('another story: a clock tower said burned to the ground', () => {
    const v = verify(deps(), 'The Dunmore clock tower burned to the ground in the fire');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/blackened but still standing/);
  }, 60_000);

  it('the same state is not contradicted', () => {
    const v = verify(deps(), 'The Dunmore clock tower is still standing');
    expect(v.verdict, text(v)).not.toBe('contradicted');
  }, 60_000);
});
