/**
 * Verbs rank, they do not veto (issue #12): "where were the pieces brought ashore?" is answered by "Large pieces of the
 * wreck were transported to Port Kellan", though no sentence writes "brought" or "ashore" — the report's verb is one
 * WordNet relates to the question's. Only when no window states the question's own verb with a fitting answer, only
 * with a place (or person, date …) that fits well, in that verb's sentence, with everything the question names there.
 * A related verb with nothing the question names beside it answers nothing. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_coast-post.txt': `21 May 2034\n\nWreck raised\n\nLarge pieces of the wreck were transported to Port Kellan in Nova Scotia on Wednesday by a supply ship. The bodies of the crew have not been found.\n\nThe harbour master thanked the volunteers.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('a verb the report writes otherwise', () => {
  it('"brought ashore" is answered where the pieces were "transported to"', async () => {
    const a = await ask('where were the pieces brought ashore');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Port Kellan \[\d+\]$/);
  }, 60_000);

  it('a place beside a related verb, with what is asked only in the next sentence, answers nothing', async () => {
    const a = await ask('where were the bodies brought');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);
});
