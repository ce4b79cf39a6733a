/**
 * "Why didnt they sound the sirens?": a fear someone acted on ("as she feared …", "fearing …", "we were afraid that …") is
 * a reason, and to "set off" the sirens is to sound them. Two stories written here, a flood warning and a school kept
 * indoors.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const FLOOD: Record<string, string> = {
  '01_dale-times.txt': `6 March 2036\n\nNo sirens as river rose\n\nThe town's flood sirens stayed silent on Friday night.\n\nThe mayor, Ruth Okafor, decided not to sound the sirens as she feared drivers would head down to the flooded bridge to look.\n\nWater reached the high street by midnight.\n`,
  '02_valley-radio.txt': `7 March 2036\n\nMayor defends flood decision\n\n"We were afraid that people would come down to the river," Okafor said on Saturday.\n\nTwo homes were flooded.\n`,
};
const SCHOOL: Record<string, string> = {
  '01_north-post.txt': `11 May 2036\n\nPupils kept in as storm hits\n\nThe head teacher of Fenwick Primary kept pupils indoors all Monday afternoon, fearing the storm would bring down power lines across the playground.\n\nParents collected their children at 5pm.\n`,
};
const flood = storyDeps(FLOOD);
const school = storyDeps(SCHOOL);

describe('a fear acted on is a reason', () => {
  it('"as she feared" (flood)', async () => {
    const a = await askIn(flood(), 'why didnt they set off the sirens');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^as she feared drivers would head down to the flooded bridge to look \[\d+\]/);
  }, 60_000);

  it('"fearing" (school)', async () => {
    const a = await askIn(school(), 'why did they keep the kids inside');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^fearing the storm would bring down power lines across the playground \[\d+\]$/);
  }, 60_000);
});
