/**
 * "Who is the port trying to get money out of?" (issue #12): reports write money sought as "compensation", "payment",
 * "payout" or "settlement", rarely "money". A question's "money" finds those words (lexicon QUERY_EXPANSIONS, one way:
 * "compensation" does not find "money"), so the sentence naming who is asked to pay answers it.
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-post.txt': `16 May 2031\n\nPort counts cost of grounding\n\nThe port of Portreath hired lawyer Ada Quell after the grounding of the ferry Marlow Star.\n\nThe port plans to seek compensation from Brindle Lines, the ferry's operator, although no claim has been filed yet.\n\nThe grounding closed the harbour for four days.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('money as reports write it', () => {
  it('"get money out of" is answered by who is asked for compensation', async () => {
    const a = await ask('who is the port trying to get money out of?');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Brindle Lines \[\d+\]$/);
  }, 60_000);
});
