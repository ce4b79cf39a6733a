/**
 * "up to 12 times" counts occasions: it answers "how many times" or a count of things done ("how many dives"), not a count
 * of the passengers, customers or trucks its sentence happens to name ("in one message to a passenger, the operator said
 * the ferry had been refloated up to 12 times"). Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };

describe('a ferry story: "N times" is no count of the passengers its sentence names', () => {
  const deps = storyDeps({
    '01_harbour-news.txt': `3 May 2033\n\nFerry Norvik runs aground\n\nThe ferry Norvik ran aground off Tessel island on Tuesday. In one message to a passenger, the operator said the ferry had been refloated up to 12 times in past years.\n`,
  });

  it('"how many passengers" is refused; "how many times" is still answered', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'how many passengers were on the norvik' })) as A;
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('12 times');
    const b = (await runCommand(deps(), { command: 'ask', text: 'how many times has the norvik been refloated' })) as A;
    expect(b.answered, answerText(b)).toBe(true);
    expect(answerText(b)).toContain('12 times');
  }, 60_000);
});

describe('a mine story: "N times" is no count of the trucks its sentence names', () => {
  const deps = storyDeps({
    '01_mine-news.txt': `9 June 2034\n\nFlooding at Ardent mine\n\nWater flooded the Ardent copper mine near Kessa on Friday. In one notice about a loading truck, the company said the shaft had been drained up to 20 times in past years.\n`,
  });

  it('"how many trucks" is refused', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'how many trucks does the ardent mine have' })) as A;
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('20 times');
  }, 60_000);
});
