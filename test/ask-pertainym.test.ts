/**
 * A reader types the noun; the report writes its adjective (issue #12): "the congress letter" for "the congressional
 * panel wrote in its letter", "the robot" for "a robotic arm". WordNet files such an adjective as pertaining to the noun
 * (its pointer `\`): the relation map reads it as a derivation, in the adjective's main sense, so the question's noun is
 * not "never mentioned". Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_capitol-wire.txt': `3 June 2031\n\nLawmakers question software maker\n\nThe congressional panel wrote to Ravel Systems on Monday, asking its chief executive to testify about the outage.\n\nRavel Systems said it would cooperate.\n\nThe outage grounded flights at four airports.\n`,
  '02_harbour-post.txt': `4 June 2031\n\nSalvage begins\n\nA robotic arm lifted the first container from the harbour floor on Tuesday.\n\nDivers had marked the site a day earlier.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('a noun the articles write as its adjective', () => {
  it('"the congress panel" is the congressional panel', async () => {
    const a = await ask('who did the congress panel write to?');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('The congressional panel wrote to Ravel Systems');
  }, 60_000);

  it('"the robot" is the robotic arm', async () => {
    const a = await ask('what did the robot lift?');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('A robotic arm lifted the first container');
  }, 60_000);

  it('still refuses a noun with no adjective in the articles', async () => {
    const a = await ask('who did the senate panel write to?');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).toMatch(/never mention “senate”/);
  }, 60_000);
});
