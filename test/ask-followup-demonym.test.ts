/**
 * Suggested follow-ups name things to ask about, never a nationality written as an adjective: "an iconic Pakistani
 * business family" gives no "What do the articles say about Pakistani?" (the word list's suffixes miss "-i"; the
 * tagger's demonyms catch it). Story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_sea-post.txt': `2 July 2036\n\nYacht missing off Crete\n\nThe yacht Halcyon, carrying two members of an iconic Pakistani business family and an Israeli guide, went missing off Crete on Sunday.\n\nThe Greek coast guard said three ships were searching for the Halcyon.\n`,
};

const deps = storyDeps(FILES);

describe('follow-ups', () => {
  it('never suggest asking about a nationality word', async () => {
    const a = await ask(deps(), 'how many ships were searching for the yacht?');
    expect(a.answered).toBe(true);
    expect(a.followUps.join('\n')).not.toMatch(/\b(?:Pakistani|Israeli|Greek)\?/);
  }, 60_000);
});
