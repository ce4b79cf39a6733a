/**
 * A spelling correction is for typos, not for words (issue #12: "typos corrected"). The index corrects a question
 * word the articles never write to their closest spelling; for "evacutaion" that is the word meant, but for a word
 * the dictionary lists it is another word: "start" is not "state", "storm" is not "store". Such a respelling still
 * ranks, but no longer stands for the question's word, so it cannot decide an answer on its own.
 * Stories written here: a flood, a power station.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const FLOOD: Record<string, string> = {
  '01_river-post.txt': `4 May 2031\n\nFlood reaches Marrow town centre\n\nState engineer Mara Tull inspected the flood barrier on Monday and said it had held.\n\nThe flood forced 600 people from their homes, the council said.\n\nFisherman Oli Brand filmed the flood as it began, from the roof of his boat shed.\n\nThe council said 600 people were evacuated by Tuesday.\n`,
};
const STATION: Record<string, string> = {
  '01_grid-weekly.txt': `9 March 2032\n\nCoal station to close\n\nThe operator, Halden Energy, said the station would close in 2035.\n\nCampaigners said the closure was good for the planet, and its spokesman Ivo Renn called it "overdue".\n\nAbout 300 workers are employed at the station, the company said.\n\nShopkeeper Lena Ostrow warned that the company store in Halden would close too.\n`,
};

const flood = storyDeps(FLOOD);
const station = storyDeps(STATION);

describe('a dictionary word is not respelled as another word', () => {
  it('does not let "state" stand for "start"', async () => {
    const a = await ask(flood(), 'who inspected the start of the barrier');
    expect(a.short?.text ?? '', answerText(a)).not.toMatch(/Mara Tull/);
    expect(answerText(a)).not.toContain('State engineer Mara Tull');
    // A word that means it ("began") still answers.
    const b = await ask(flood(), 'who filmed the start of the flood');
    expect(b.short?.text, answerText(b)).toMatch(/^Oli Brand \[\d+\]$/);
  }, 60_000);

  it('does not let "store" stand for "storm"', async () => {
    const a = await ask(station(), 'who warned about the storm');
    expect(answerText(a)).not.toContain('Lena Ostrow');
    expect(a.answered, answerText(a)).toBe(false);
    const b = await ask(station(), 'who warned about the store');
    expect(b.short?.text, answerText(b)).toMatch(/Lena Ostrow \[\d+\]$/);
  }, 60_000);

  it('still corrects a typo to the word meant', async () => {
    const a = await ask(flood(), 'how many people were evacutaed');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/^600 people \[\d+\]$/);
    const b = await ask(station(), 'when will the staton close');
    expect(b.short?.text, answerText(b)).toMatch(/2035/);
  }, 60_000);
});
