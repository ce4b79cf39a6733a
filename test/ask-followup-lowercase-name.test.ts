/**
 * "when did trump visit" + "and buttigieg?": names typed in lower case are found by the names the turn was about, and the
 * new name takes the old one's place (written as a name: "united" is United). And a count whose noun another name
 * modifies ("300 Skyline flights") is that one's, not a count for the name asked. Found on real news (an East Palestine
 * follow-up answered the first visitor's day; "how many United flights … on monday" answered Delta's). Stories written
 * here: two visits, two airlines. Driven through runCommand with a session, as the front doors do.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const VISITS = storyDeps({
  '01_valley-times.txt': `14 March 2042\n\nLeaders visit flooded Brenna\n\nGovernor Paul Zeller visited Brenna on Tuesday, a week after the river burst its banks.\n\nHis trip followed Mayor Ruth Okafor’s Monday visit, when she toured the flooded high street.\n\nBoth promised money for repairs.\n`,
});
const AIRLINES = storyDeps({
  '01_air-desk.txt': `22 May 2042\n\nStorm grounds flights\n\nOn Monday, another 300 Skyline flights were delayed as the storm moved east, according to a tracking website.\n\nIn comparison, Nordjet delayed 12 flights.\n\nSkyline said it would add crews.\n`,
});

const chat = async (deps: ReturnType<typeof VISITS>, turns: string[]) => {
  const session = `t:${Math.random()}`;
  let last;
  for (const text of turns) last = await runCommand(deps, { command: 'ask', text, session });
  return last!;
};

describe('a follow-up swaps a name typed in lower case', () => {
  it('"and zeller?" after "when did okafor visit" (visits)', async () => {
    const a = await chat(VISITS(), ['when did okafor visit', 'and zeller?']);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Tuesday \[\d+\]$/);
  }, 60_000);

  it('"and nordjet?" after "how many skyline flights were delayed" (airlines)', async () => {
    const a = await chat(AIRLINES(), ['how many skyline flights were delayed', 'and nordjet?']);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^12 flights \[\d+\]$/);
  }, 60_000);
});

const MONDAY = storyDeps({
  '01_air-wire.txt': `19 May 2042\n\nStorm grounds flights\n\nOn Monday, when most other airlines had largely recovered from the storm, another 300 Skyline flights were delayed, according to a tracking website.\n\nIn comparison, Nordjet delayed 12 flights.\n\nSkyline said it would add crews.\n`,
});

describe("a count another name modifies is that one's", () => {
  it('"how many nordjet flights were delayed on monday" is not "300 Skyline flights"', async () => {
    const a = await runCommand(MONDAY(), { command: 'ask', text: 'how many nordjet flights were delayed on monday' });
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^12 flights \[\d+\]$/);
  }, 60_000);

  it('and after a follow-up swaps the name', async () => {
    const a = await chat(MONDAY(), ['how many skyline flights were delayed on monday', 'and nordjet?']);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^12 flights \[\d+\]$/);
  }, 60_000);
});

describe('hostile follow-ups', () => {
  it('replacement patterns in the new name are text, not patterns', async () => {
    const { resolveFollowUp } = await import('../src/engines/ask.js');
    const prev = { question: 'when did Okafor visit', resolved: 'when did Okafor visit', answer: '', names: ['Ruth Okafor'], at: 0 };
    expect(resolveFollowUp('and $&?', prev).resolved).toBe('when did $& visit');
    const lower = { ...prev, question: 'when did okafor visit', resolved: 'when did okafor visit' };
    expect(resolveFollowUp("and $`zeller?", lower).resolved).toBe('when did $`zeller visit');
  });
});
