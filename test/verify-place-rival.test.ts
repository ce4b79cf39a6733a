/**
 * A place the articles never name, where they say the rest of the claim with another place, is contradicted by that
 * place (issue #12: "an incompatible … state for the same subject"). Found on real news: "The wreckage was brought
 * ashore in Halifax", where the articles say it "was returned to shore in Newfoundland", was "not addressed" because
 * Halifax is never mentioned. A claim whose rest the articles do not say stays not addressed. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_coast-wire.txt': `5 April 2034\n\nStricken ferry towed to port\n\nThe damaged ferry Sula Brae was towed into the harbour at Ostra on Tuesday by two tugs from the coast guard.\n\nPassengers were taken off the ferry by lifeboat the night before.\n\nLater in the day, wreckage from the ferry's lost lifeboat was returned to shore in Ostra aboard a fishing boat that had joined the search.\n`,
};

const deps = storyDeps(FILES);
const verify = async (claim: string) => runCommand(deps(), { command: 'verify', text: claim }) as Promise<{ verdict?: string; blocks: { text: string }[] }>;

describe('a place the articles never name, against the place they give', () => {
  it('is contradicted when the rest of the claim is said with another place', async () => {
    const a = await verify("The lifeboat's wreckage was brought ashore in Velmar");
    expect(a.verdict, answerText(a)).toBe('contradicted');
    expect(answerText(a)).toMatch(/Ostra, not Velmar/);
  }, 60_000);

  it('stays not addressed when the articles do not say the rest', async () => {
    const a = await verify('A submarine surfaced off Velmar');
    expect(a.verdict, answerText(a)).toBe('not addressed');
  }, 60_000);
});
