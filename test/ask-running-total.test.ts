/**
 * "How many flights has Harbor Air cancelled?" (issue #12) asks the count as it stands now. Where the articles' dates
 * cannot order two counts of the same thing, a larger one written as a running total ("since the storm began", "so far",
 * "in total") is the later: a running total only grows. Found on real news, where "3,500 canceled flights through
 * Saturday" was answered over "has canceled more than 6,600 flights since the outage started". /verify reads the same
 * answer. Story written here; the articles carry no dates, as many pages do not.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_air-wire.txt': `Storm grounds flights\n\nHarbor Air chief executive Lena Ortiz said Harbor Air paused flying on Friday, resulting in 900 canceled Harbor Air flights through Saturday.\n\nCrews worked through the night.\n`,
  '02_travel-desk.txt': `Harbor Air under scrutiny\n\nHarbor Air is under review. Since the storm began, the airline has canceled more than 2,100 flights, more than any other carrier.\n\nThe transport ministry said it would review the airline's response.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('a running total is the count as it stands', () => {
  it('"how many flights has harbor air cancelled" is answered with the running total', async () => {
    const a = await ask('how many flights has harbor air cancelled');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^more than 2,100 flights \[\d+\]/);
  }, 60_000);

  it('a count asked in the past is not a running total', async () => {
    const a = await ask('how many flights did harbor air cancel through saturday');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^900 canceled Harbor Air flights \[\d+\]/);
  }, 60_000);
});
