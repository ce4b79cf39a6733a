/**
 * An act asked for or planned has not happened (issue #12): "a letter asking him to testify" gives no date for the
 * testimony, so "what day did he testify?" is refused, not answered with the letter's date (found on real news: a
 * congressional committee's letter "asking him to testify", dated by its wire dateline). An act the articles report
 * as done is still dated. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-news.txt': `9 March 2035\n\nBoard wants answers on quay collapse\n\nOn Tuesday the harbour board sent a letter to the dredging firm's chief, Ona Petrak, asking her to testify before its safety panel.\n\nThe board also plans to inspect the north quay.\n\nEngineers surveyed the south quay on Wednesday and found no cracks.\n`,
};

const deps = storyDeps(FILES);

describe('an act asked for or planned is not dated by its request', () => {
  it('is refused when the articles only ask for it', async () => {
    const a = await ask(deps(), 'what day did ona petrak testify?');
    expect(a.short?.text ?? '', answerText(a)).not.toMatch(/Tuesday/);
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('is refused when the articles only plan it', async () => {
    const a = await ask(deps(), 'when did the board inspect the north quay?');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('an act done is dated', async () => {
    const a = await ask(deps(), 'when did the engineers survey the south quay?');
    expect(a.short?.text, answerText(a)).toMatch(/^Wednesday/);
  }, 60_000);
});
