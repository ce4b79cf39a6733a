/**
 * "how many residents got sick": a verb of becoming with an adjective ("got sick", "fell ill", "went missing") is the act
 * asked of what is counted, as a verb is. A count of the residents bound to another verb ("1,500 residents living east
 * of the tracks") counts something else. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

describe('a spill story: residents living near the spill are no count of residents who got sick', () => {
  const deps = storyDeps({
    '01_spill-news.txt': `6 February 2031\n\nTanker spill in Brask\n\nA tanker truck spilled solvent in Brask on Friday. The evacuation order affects the 1,200 residents living east of the river. Officials said the air was being tested.\n`,
  });

  it('"how many brask residents got sick" is refused', async () => {
    const a = await askIn(deps(), 'how many brask residents got sick');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('1,200');
  }, 60_000);
});

describe('a school story: pupils taking a bus are no count of pupils who fell ill; pupils who fell ill are', () => {
  const deps = storyDeps({
    '01_school-news.txt': `12 October 2032\n\nIllness at Kedge school\n\nAbout 300 pupils riding the morning buses were sent home from Kedge school on Tuesday. Health officials said the canteen was closed.\n`,
    '02_school-later.txt': `15 October 2032\n\nKedge canteen\n\nHealth officials said 45 pupils fell ill after lunch at the Kedge canteen.\n`,
  });

  it('"how many kedge pupils fell ill" is answered with the 45', async () => {
    const a = await askIn(deps(), 'how many kedge pupils fell ill');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '').toContain('45');
  }, 60_000);
});
