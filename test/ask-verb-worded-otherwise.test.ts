/**
 * "Verbs rank, they do not veto": a question asking who or where of two or more things it names ("who leads the bridge
 * inquiry?") is answered by a sentence holding every one of them by its own word, though it words the verb otherwise
 * ("was put in charge of the bridge inquiry"). A window holding only one of them still needs the verb. Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_river-times.txt': `4 May 2033\n\nBrennan bridge reopens to cyclists\n\nThe Brennan bridge reopened to cyclists on Monday, a week after a barge struck one of its piers.\n\nHarbour commissioner Lena Ostrova was put in charge of the bridge inquiry by the city council.\n\nCouncillor Tomas Reyes said the barge company would pay for the repairs.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };

describe('a sentence holding everything asked answers, its verb worded otherwise', () => {
  it('"who leads the bridge inquiry?" names the one put in charge of it', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'who leads the bridge inquiry?' })) as A;
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Lena Ostrova/);
  }, 60_000);

  it('with one thing named, the verb is still needed: "who designed the barge?" is refused', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'who designed the barge?' })) as A;
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);
});
