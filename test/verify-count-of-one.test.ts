/**
 * One fact, one answer (issue #12) for a count of one: "A volunteer firefighter has died after …" says one firefighter
 * died. /ask reads it so for "how many firefighters died" (the question's verb, its subject a single one of the kind
 * counted); /verify reads it the same way (src/analysis/claim-figures.ts `singleSubjectBefore`, shared): "Two
 * firefighters died …" is contradicted, not "not addressed" as it was. Only before the claim's own verb and for its
 * own noun: "Two firefighters were injured …" is not judged by it. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_kessel-post.txt': `Monday, 2 March 2026\n\nFirefighter dies in Kessel warehouse blaze\n\nBy Ana Ruiz\n\nA volunteer firefighter has died after a wall collapsed during the Kessel warehouse fire, the fire chief said on Monday.\n\nCrews worked through the night to stop the flames reaching the harbour.\n`,
};

const deps = storyDeps(FILES);
const verify = (claim: string) => runCommand(deps(), { command: 'verify', text: claim });

describe('a count of one, read the same way by /ask and /verify', () => {
  it('/ask: "how many firefighters died" is the single one', async () => {
    const a = await runCommand(deps(), { command: 'ask', text: 'how many firefighters died in the warehouse fire?' });
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text).toContain('A volunteer firefighter');
  });

  it('/verify: another count of them is contradicted, with the single one shown as the figure', async () => {
    const a = await verify('Two firefighters died in the Kessel warehouse fire');
    expect(a.verdict, answerText(a)).toBe('contradicted');
    expect(answerText(a)).toContain('The articles say “A volunteer firefighter”');
    expect(answerText(a)).not.toContain('“A volunteer firefighter” firefighter');
  });

  it('/verify: one of them is supported', async () => {
    const a = await verify('One firefighter died in the Kessel warehouse fire');
    expect(a.verdict, answerText(a)).toBe('supported');
  });

  it('another verb is not judged by it', async () => {
    const a = await verify('Two firefighters were injured in the Kessel warehouse fire');
    expect(a.verdict, answerText(a)).not.toBe('contradicted');
  });
});
