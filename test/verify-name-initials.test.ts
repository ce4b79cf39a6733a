/**
 * A name of several words is said by its initials in capitals: "Caldera's Department of Wildlife" by "CDW", the
 * "Marlow Port Authority" by "MPA". On real news a claim naming an agency in full ("<State>'s Department of …") was
 * "not addressed" where the article's sentence gave only its initials, and no article glossed them, so the entity
 * index could not join the two. The one judge (support.ts) reads the initials itself, with the capitalised word that
 * says whose the name is ("Caldera's"). Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { supportOf } from '../src/evidence/support.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_river-news.txt': `12 April 2033\n\nFish die-off on the Tarn river\n\nDead fish were found along a 3-mile stretch of the Tarn river on Saturday, downstream of the Hollin paper mill.\n\nAfter a day of counting, CDW estimated that 4,150 trout were killed.\n\nThe mill said it had stopped all discharges while tests were carried out.\n`,
  '02_coast-daily.txt': `2 May 2033\n\nDredging halted at Marlow harbour\n\nWork to deepen the Marlow shipping channel was halted on Thursday after a crane barge tipped over.\n\nThe MPA ordered a safety review of all dredging contractors.\n\nNo one was hurt.\n`,
};

const deps = storyDeps(FILES);

describe('a name said by its initials', () => {
  it("Caldera's Department of Wildlife / CDW: supported by the sentence that gives the count", () => {
    const v = verify(deps(), "Caldera's Department of Wildlife estimated that 4,150 trout were killed");
    expect(v.verdict, text(v)).toBe('supported');
    expect(text(v)).toMatch(/CDW estimated that 4,150 trout/);
  }, 60_000);

  it('another story: the Marlow Port Authority / the MPA', () => {
    const v = verify(deps(), 'The Marlow Port Authority ordered a safety review of dredging contractors');
    expect(v.verdict, text(v)).toBe('supported');
    expect(text(v)).toMatch(/MPA ordered a safety review/);
  }, 60_000);

  it('the judge: initials must be those of the name', () => {
    expect(supportOf('The Marlow Port Authority ordered a review', 'The MPA ordered a review.').supported).toBe(true);
    expect(supportOf('The Marlow Port Authority ordered a review', 'The MPB ordered a review.').supported).toBe(false);
    expect(supportOf('Marlow Port ordered a review', 'The MPA ordered a review.').supported).toBe(false);
  });
});
