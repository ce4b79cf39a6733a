/**
 * A yes/no question the articles do not answer is refused in the reader's own terms: "did brine lines stock drop too"
 * → "… never say whether Brine Lines stock dropped", names as the articles write them; it used to say "never say
 * whether drop happened". Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_market-wire.txt': `8 June 2032\n\nTallis shares slide after ferry outage\n\nShares of Tallis Shipping fell 12% on Monday after its booking system failed.\n\nBrine Lines said its own stock and its ferries were not affected by the outage.\n`,
  '02_coast-wire.txt': `9 June 2032\n\nFerries back on time\n\nTallis Shipping said most ferries ran on time by Tuesday.\n\nBrine Lines runs the night ferry to Corvo.\n`,
};

const deps = storyDeps(FILES);
const ask = async (q: string) => runCommand(deps(), { command: 'ask', text: q }) as Promise<{ answered: boolean; blocks: { text: string }[] }>;

describe('a yes/no refusal restates the question', () => {
  it('"did X stock drop too" → never say whether X stock dropped', async () => {
    const a = await ask('did brine lines stock drop too');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).toContain('never say whether Brine Lines stock dropped');
  }, 60_000);

  it('"does X sink" → never say whether X sinks', async () => {
    const a = await ask('does the night ferry sink');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).toContain('never say whether the night ferry sinks');
  }, 60_000);

  it('"were there any X sinking" keeps "there" before the verb', async () => {
    const a = await ask('were there any ferries sinking');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).toContain('never say whether there were any ferries sinking');
  }, 60_000);

  it('a subject holding a verb is not restated', async () => {
    const a = await ask('did the ferry crew say anything was wrong');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toMatch(/whether the ferry crew say/);
    expect(answerText(a)).toContain("but don't say one way or the other");
  }, 60_000);
});
