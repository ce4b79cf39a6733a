/**
 * A bare number that is the subject of a passive ("80 were completely destroyed") had another act done to it: it answers
 * no count of things that had the question's act done to them ("how many … were insured"), unless the acts are one.
 * Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

describe('a quake story: houses destroyed are no count of houses insured', () => {
  const deps = storyDeps({
    '01_quake-news.txt': `11 April 2031\n\nQuake hits Dorvan\n\nA strong earthquake shook the mountain village of Dorvan on Friday night. Of the village's houses, 80 were completely destroyed.\n`,
  });

  it('"how many houses were insured" is refused; "how many houses were destroyed" is answered', async () => {
    const a = await askIn(deps(), 'how many houses were insured');
    expect(a.answered, answerText(a)).toBe(false);
    const b = await askIn(deps(), 'how many houses were destroyed');
    expect(b.answered, answerText(b)).toBe(true);
    expect(b.short?.text ?? '').toContain('80');
  }, 60_000);
});

describe('a storm story: boats sunk are no count of boats rescued', () => {
  const deps = storyDeps({
    '01_port-news.txt': `3 October 2032\n\nStorm at Mellick port\n\nA storm struck Mellick port on Tuesday. Of the fleet's fishing boats, 12 were sunk at their moorings.\n`,
  });

  it('"how many boats were towed" is refused', async () => {
    const a = await askIn(deps(), 'how many boats were towed to safety');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);
});
