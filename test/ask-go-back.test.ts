/**
 * "go back" is "return" (lexicon question-words.ts, phrasal verbs), as "come back" and "get back" were: "when did the
 * boys go back to school" asks when they returned, so an article's date beside the word "school" ("schooled as a
 * monk … on Tuesday") does not answer it, and "did people get sick after going back home" is answered where residents
 * "returned to their homes". Stories written here: a mine, a chemical fire.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const MINE: Record<string, string> = {
  '01_valley-post.txt': `Tuesday 3 March 2037\n\nTrapped miners freed at Kell\n\nSchooled in mine rescue since boyhood, foreman Ivo Tarr led the 14 miners out of the Kell pit on Tuesday.\n\nThe miners were taken to hospital in Brask.\n`,
  '02_brask-news.txt': `20 March 2037\n\nKell miners back underground\n\nThe 14 miners returned to work on Monday, the mine operator said.\n`,
};
const FIRE: Record<string, string> = {
  '01_river-gazette.txt': `9 May 2038\n\nResidents return after Orlo plant fire\n\nSome Orlo residents who have returned to their homes after the plant fire have reported headaches and sore throats.\n\nThe fire burned for two days, firefighters said.\n`,
};

const mine = storyDeps(MINE);
const fire = storyDeps(FIRE);

describe('"go back" is "return"', () => {
  it('answers "when did they go back to work" from the sentence that says they returned', async () => {
    const a = await ask(mine(), 'when did the miners go back to work');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/Monday/);
    expect(answerText(a)).toContain('returned to work on Monday');
  }, 60_000);

  it('does not answer "when did he go back to school" with a date beside "schooled"', async () => {
    const a = await ask(mine(), 'when did ivo tarr go back to school');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('Schooled in mine rescue');
  }, 60_000);

  it('answers "did people get sick after going back home" where residents returned to their homes', async () => {
    const a = await ask(fire(), 'did people get sick after going back home');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('returned to their homes after the plant fire have reported headaches');
  }, 60_000);
});
