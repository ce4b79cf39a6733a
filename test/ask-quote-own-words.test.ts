/**
 * "What did X say?" asks for X's own words (issue #12): among the windows where X speaks, those quoting X
 * ("… Tallin replied, “We will get every one of you out.”") come before those telling what X said in the
 * reporter's words ("Tallin said hello back to the boys"), though the latter share more of the question's words.
 * Story written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const FILES: Record<string, string> = {
  '01_valley-post.txt': `3 July 2031\n\nDivers reach boys trapped in Orun cave\n\nThe first diver to reach the boys was Peter Tallin, a volunteer from Leeds.\n\nPeter Tallin said hello back to the boys when they called out to him from the ledge.\n\nThe boys had been trapped in the Orun cave for ten days.\n`,
  '02_hill-times.txt': `4 July 2031\n\nHow the Orun cave divers found the boys\n\nRescuers said the water in the Orun cave was still rising on Tuesday.\n\nAsked how long the rescue would take, Tallin replied, "We will get every one of you out."\n\nThe boys were given food and blankets by the divers.\n`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(FILES));
}, 120_000);
afterAll(() => cleanupTempDirs());

describe('what a person said', () => {
  it('quotes their own words before words told about them', async () => {
    const a = await ask(deps, 'what did peter tallin say to the boys?');
    expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(true);
    const first = a.citations.find((c) => a.blocks[0]!.text.includes(`[${c.n}]`)) ?? a.citations[0]!;
    expect(first.quote).toContain('We will get every one of you out.');
    expect(isVerbatim(FILES[first.source]!, first.quote)).toBe(true);
  }, 60_000);
});
