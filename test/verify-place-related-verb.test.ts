/**
 * A claim's place the articles never name, where they name another for the same event with a verb of their own
 * (issue #12): "The wreckage was brought ashore in Halverton" against "Large pieces of the wreck were transported to
 * Port Kellan": /ask answers "Where was the wreckage brought ashore?" with Port Kellan (verbs rank: "transported" is
 * one WordNet relates to "brought"), and /verify, which wants the answer's sentence to state the claim's verb, takes
 * the verb /ask read as the question's. Before, it was "not addressed: the articles never mention Halverton", while
 * /ask answered the question. The reason names the place without its preposition. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { runCommand } from '../src/engines/index.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_coast-post.txt': `21 May 2034\n\nWreck raised\n\nLarge pieces of the wreck were transported to Port Kellan in Nova Scotia on Wednesday by a supply ship.\n\nThe harbour master thanked the volunteers.\n`,
};

const deps = storyDeps(FILES);

describe('a place the articles never name, for an event they write with another verb', () => {
  it('/ask answers where, and /verify agrees: another place contradicts the claim', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'where was the wreckage brought ashore' })) as { answered: boolean; short?: { text: string } | null };
    expect(a.short?.text ?? '').toMatch(/^Port Kellan \[\d+\]$/);
    const v = verify(deps(), 'The wreckage was brought ashore in Halverton');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/asked as “Where was the wreckage brought ashore\?”, the articles answer “Port Kellan”, not “Halverton”/);
  }, 60_000);

  it('the place the articles give is supported', async () => {
    const v = verify(deps(), 'The wreckage was brought ashore in Port Kellan');
    expect(v.verdict, text(v)).toBe('supported');
  }, 60_000);
});
