/**
 * "How many people died?" (issue #12): "A former military diver has died after … helping rescue efforts for 12 boys"
 * says one died — the question's verb, its subject a single one of the kind counted (a person, for "people"), written
 * with "a", "an" or "one". It was answered "12 boys" on real news, a figure of something else in the sentence.
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_hill-post.txt': `4 July 2036\n\nMine rescue claims a life\n\nA volunteer diver has died after running out of air while helping rescue efforts for 9 miners trapped in the Corvo mine, officials said on Friday.\n\nPumps worked through the night.\n`,
  '02_valley-news.txt': `5 July 2036\n\nMiners still trapped\n\nThe 9 miners trapped in the Corvo mine are in good health, the mine's owner said.\n\nRescuers hope to reach them by Monday.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('a single one, the subject of the verb, is a count of one', () => {
  it('"how many people died" is answered with the one who died', async () => {
    const a = await ask('how many ppl died');
    expect(a.short?.text ?? '', answerText(a as never)).toMatch(/^A volunteer diver \[\d+\]$/);
  }, 60_000);

  it('a figure of the thing counted still answers', async () => {
    const a = await ask('how many miners are trapped');
    expect(a.short?.text ?? '', answerText(a as never)).toMatch(/^(?:The )?9 miners(?: trapped)? \[\d+\]/);
  }, 60_000);
});
