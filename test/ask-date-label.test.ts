/**
 * /ask labels a "when" answer's quote with the date /timeline gives the answer's own words (issue #12, one fact, one
 * answer): in "services should be back to normal Thursday, after cancelling 300 trips since Friday" the answer is
 * "Thursday", so the label is that Thursday, not the Friday the sentence also names. Found by the dev-corpus date
 * consistency check on real news (a CEO's "back to normal Thursday, after canceling nearly 7,000 flights since
 * Friday"). Story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_ferry-news.md': `---\ntitle: Ferry timetable still disrupted\ndate: 2031-07-16\n---\nThe ferry operator said services should be back to normal Thursday, after cancelling 300 trips since Friday.\n`,
};

const deps = storyDeps(FILES);

describe('the date label of a "when" answer', () => {
  it('is the date of the words that answer', async () => {
    const a = await ask(deps(), 'when should services be back to normal?');
    expect(a.short?.text, answerText(a)).toMatch(/^Thursday \[\d+\]$/);
    expect(answerText(a)).toMatch(/Thursday 17 July 2031/);
    expect(answerText(a)).not.toMatch(/Friday 11 July 2031/);
  }, 60_000);
});
