/**
 * A typed value ("what time", "when", "how many") in a sentence that names every topic noun, some only by a related word
 * that does not stand for it on its own — "The first alert came at 6:18 p.m." for "what time did the alarm go off", "The
 * doctor arrived at 11:20 p.m." for "what time did the surgeon arrive" — answers when no window holds the words
 * themselves (issue #12): the value fits well in that very sentence, and the question's verb is stated there if it has
 * one. A story whose sentences hold no such word still gets a refusal. Two stories written here, a museum fire and a
 * night at a hospital, each over two articles.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const MUSEUM: Record<string, string> = {
  '01_city-post.txt': `9 June 2036\n\nFire at the museum\n\nThe museum's fire alarm system had been replaced last year.\n`,
  '02_evening-news.txt': `10 June 2036\n\nHow the museum fire spread\n\nStaff left the building quickly.\n\nCrews reached the roof within minutes.\n\nThe first alert came at 6:18 p.m., officials said.\n`,
};
const HOSPITAL: Record<string, string> = {
  '01_valley-post.txt': `9 June 2036\n\nSurgeon flown in after crash\n\nA surgeon was flown in from Penmore by helicopter.\n`,
  '02_county-news.txt': `10 June 2036\n\nNight at the county hospital\n\nNurses worked double shifts.\n\nThe car park was full by midnight.\n\nThe doctor arrived at 11:20 p.m., the hospital said.\n`,
};

const museum = storyDeps(MUSEUM);
const hospital = storyDeps(HOSPITAL);

describe('a value beside a related word for the noun asked', () => {
  it('answers "what time" with the time in that sentence (museum)', async () => {
    const a = await askIn(museum(), 'what time did the alarm go off');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^6:18 p\.m\. \[\d+\]$/);
  }, 60_000);

  it('answers "what time" with the time in the sentence that states the verb (hospital)', async () => {
    const a = await askIn(hospital(), 'what time did the surgeon arrive');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^11:20 p\.m\. \[\d+\]$/);
  }, 60_000);

  it('does not answer when no sentence holds the noun or a related word with the value', async () => {
    const a = await askIn(hospital(), 'what time did the nurse leave');
    expect(answerText(a)).not.toMatch(/11:20/);
  }, 60_000);
});
