/**
 * A span of time right before "after", "later" or "ago" ("comes 13 days after the flood") is the distance between two
 * events: it says when, not how long an act lasted. It answers "how long after …" and "how long did it take", not "how
 * long did she spend there". Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

describe('a flood story: "13 days after the flood" is no length of the visit', () => {
  const deps = storyDeps({
    '01_valley-news.txt': `20 March 2031\n\nMinister Hala Droste visits Orvin\n\nMinister Hala Droste toured the flooded town of Orvin on Monday. The visit comes 13 days after the river burst its banks. Droste met families in a school gym.\n`,
  });

  it('"how long did droste spend in orvin" is refused; "how long after the flood" is answered', async () => {
    const a = await askIn(deps(), 'how long did droste spend in orvin');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('13 days');
    const b = await askIn(deps(), 'how long after the river burst its banks did droste visit');
    expect(b.answered, answerText(b)).toBe(true);
    expect(answerText(b)).toContain('13 days');
  }, 60_000);
});

describe('a mine story: "two weeks later" is no length of the inspection', () => {
  const deps = storyDeps({
    '01_mine-news.txt': `2 August 2032\n\nInspectors at Kell mine\n\nA tunnel collapsed at the Kell copper mine in July. Inspector Amos Brecht arrived at the mine two weeks later. Brecht checked the tunnel supports and the pumps.\n`,
  });

  it('"how long did brecht inspect the mine" is refused', async () => {
    const a = await askIn(deps(), 'how long did brecht spend inspecting the mine');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('two weeks');
  }, 60_000);
});
