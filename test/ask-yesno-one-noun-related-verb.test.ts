/**
 * A yes/no question naming one thing ("are the hotels filling up") is answered by a sentence that names that thing by its
 * own word and states a verb related to the question's ("… are not exactly packed"): verbs rank, they do not veto. Before,
 * this held only for questions naming two or more things, and the one-noun question was refused ("mention hotels, but
 * never say whether the hotels are filling"). A sentence whose verb is unrelated still does not answer. Stories written
 * here: a stadium on match day, ferry fares.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const STADIUM: Record<string, string> = {
  '01_city-sport.txt': `4 May 2036\n\nDerby day in Corran\n\nThe gates opened at ten.\n\nBy noon the stadium was packed with fans from both towns.\n\nPolice closed two roads near the river.\n`,
  '02_evening-wire.txt': `4 May 2036\n\nTrains added\n\nThe rail company added four trains for the match.\n\nThe last train leaves at eleven.\n`,
};
const FARES: Record<string, string> = {
  '01_island-post.txt': `9 March 2037\n\nFerry costs climb\n\nThe ferry company blamed fuel prices.\n\nFares soared by 40 percent in March.\n\nIslanders held a meeting on Friday.\n`,
  '02_harbour-news.txt': `10 March 2037\n\nNew timetable\n\nThe morning crossing now leaves at seven.\n`,
};
const stadium = storyDeps(STADIUM);
const fares = storyDeps(FARES);

describe('a yes/no question naming one thing, answered by a related verb in its sentence', () => {
  it('"is the stadium filling up" — "the stadium was packed"', async () => {
    const a = await askIn(stadium(), 'is the stadium filling up');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/stadium was packed/);
  }, 60_000);

  it('"did the fares rise" — "Fares soared"', async () => {
    const a = await askIn(fares(), 'did the fares rise');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/Fares soared by 40 percent/);
  }, 60_000);

  it('an unrelated verb still does not answer: "were the fares frozen"', async () => {
    const a = await askIn(fares(), 'were the fares frozen');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);
});
