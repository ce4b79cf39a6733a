/**
 * "How many came out?": a count of people with one more person named after "and" ("four boys and their coach") is the
 * answer whole, when the question counts people without narrowing them to the counted noun; "how many climbers" is
 * still "three climbers". Two stories written here, a mountain rescue and a school trip.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const MOUNTAIN: Record<string, string> = {
  '01_valley-post.txt': `3 March 2036\n\nClimbers airlifted off Ben Carrow\n\nThree climbers and their guide were airlifted off the mountain on Sunday after a night in a snow hole.\n\nAll were taken to hospital in Penmore.\n`,
};
const SCHOOL: Record<string, string> = {
  '01_coast-news.txt': `9 May 2036\n\nSchool trip cut short by flood\n\nTwelve pupils and a teacher were evacuated from the field centre on Tuesday as the river rose.\n\nNone was hurt.\n`,
};
const mountain = storyDeps(MOUNTAIN);
const school = storyDeps(SCHOOL);

describe('a count of people and one more', () => {
  it('is the short answer whole (mountain)', async () => {
    const a = await askIn(mountain(), 'how many were airlifted');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Three climbers and their guide \[\d+\]$/);
  }, 60_000);

  it('is the short answer whole (school)', async () => {
    const a = await askIn(school(), 'how many people were evacuated');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Twelve pupils and a teacher \[\d+\]$/);
  }, 60_000);

  it('is the counted noun alone when the question names it', async () => {
    const a = await askIn(mountain(), 'how many climbers were airlifted');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Three climbers \[\d+\]$/);
  }, 60_000);
});
