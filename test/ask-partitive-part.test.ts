/**
 * "Only 12 of the town's 40 buses ran on Monday": the question's verb written right after the whole of a partitive is
 * done by the part — "how many buses ran" is answered with the part (12), in the whole's noun, not with the whole.
 * The whole still answers a question its verb is not written after. Stories written here: a bus strike, a fishing fleet.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const BUSES: Record<string, string> = {
  '01_harlow-echo.txt': `8 February 2034\n\nStrike halts most Harlow buses\n\nOnly 12 of the town's 40 buses ran on Monday as drivers walked out over pay, the transit office said.\n\nThe strike is expected to last until Friday.\n`,
};
const FLEET: Record<string, string> = {
  '01_coast-herald.txt': `17 October 2033\n\nStorm scatters Penmoor fleet\n\nNine of the harbour's 30 fishing boats returned safely before the storm hit Penmoor, the harbour master said.\n\nRescuers are searching for the rest.\n`,
};

const buses = storyDeps(BUSES);
const fleet = storyDeps(FLEET);

describe('the part of a partitive does what is written after the whole', () => {
  it('answers "how many buses ran" with the part', async () => {
    const a = await ask(buses(), 'how many buses ran on monday');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/^12 \[1\]/);
  }, 60_000);

  it('answers "how many boats returned" with the part', async () => {
    const a = await ask(fleet(), 'how many boats returned before the storm');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/^Nine \[1\]/);
  }, 60_000);
});
