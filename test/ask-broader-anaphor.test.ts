/**
 * An article names a thing by its own word, then refers back to it by a broader one: "banging" … "the noises are
 * coming every 20 minutes". A question in the first word ("how often were the bangs heard") is answered by the later
 * sentence, which never repeats it. Only a definite broader noun ("the noises") in an article that wrote the word before
 * refers back; another article's "noises" are other noises. Found on real news (a search for a lost submersible).
 * Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_valley-post.txt': `12 March 2031\n\nRescuers hear signs of life at Corran mine\n\nRescuers at the Corran mine said on Tuesday that listening equipment had picked up banging from below the collapsed shaft.\n\nMine manager Ilse Varga said crews were drilling a second borehole toward the sound.\n\nShe said the noises were coming every 20 minutes, and that the rescuers took it as a sign that the trapped miners were alive.\n`,
  '02_hill-gazette.txt': `13 March 2031\n\nQuarry blasting halted near Corran\n\nThe quarry next to the Corran mine stopped blasting on Wednesday at the request of the rescue teams.\n\nResidents had complained for months that the noises from the quarry came every 90 minutes.\n`,
};

const deps = storyDeps(FILES);

describe('a broader noun refers back to the question’s word', () => {
  it('"how often were the bangs heard" is answered by "the noises were coming every 20 minutes"', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'how often were the bangs heard?' })) as { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/20 minutes/);
    expect(answerText(a)).not.toMatch(/90 minutes/);
  }, 60_000);

  it('another article’s noises, with no banging before them, are not the bangs', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'how often were the bangs heard from the quarry?' })) as { answered: boolean; blocks: { text: string }[] };
    expect(answerText(a)).not.toMatch(/90 minutes/);
  }, 60_000);
});
