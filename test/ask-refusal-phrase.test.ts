/**
 * A refusal names what the articles lack as the reader wrote it, with the modifiers right before the noun ("canal
 * rules", "prime minister") but not the question's verbs or adverbs: "who gave tips on saving fuel" lacks “tips”, not
 * “gave tips”; "was the exchange still trading" is not missing “exchange still trading”. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-post.txt': `16 May 2031\n\nFerry adrift\n\nThe ferry Marlow Star drifted for six hours after its engines failed, the coastguard said.\n\nThe crew saved fuel by shutting down the generators.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('what a refusal says is missing', () => {
  it('names the noun without the verb before it', async () => {
    const a = await ask('who gave tips on saving fuel');
    expect(a.answered).toBe(false);
    expect(answerText(a)).toMatch(/never mentions “tips”\./);
  }, 60_000);

  it('keeps a modifier that is part of the noun phrase', async () => {
    const a = await ask('what did the harbour authority say');
    expect(a.answered).toBe(false);
    expect(answerText(a)).toMatch(/never mentions “harbour authority”\./);
  }, 60_000);
});
