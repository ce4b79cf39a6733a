/**
 * A topic noun an article states in its headline holds for every window of that article (issue #12). "How many
 * helicopters did the navy send?" is answered by "three Sea Hawk helicopters were heading to the area" in an article
 * headlined "How the navy is helping the search": the body never repeats "navy". A topic in no headline and no window
 * is still missing ("how many helicopters did the army send?" is refused), and a headline never stands in for a name.
 * Story written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const FILES: Record<string, string> = {
  '01_harbour-daily.txt': `9 August 2031\n\nHow the navy is helping the search for the missing yacht Blue Heron\n\nOfficials said on Tuesday that three Sea Hawk helicopters were heading to the area with rescue equipment.\n\nThe yacht Blue Heron left Kestrel Bay on Sunday with four sailors aboard.\n\nSearch teams covered 2,000 square miles of ocean on Monday.\n`,
  '02_coast-news.txt': `10 August 2031\n\nSearch for yacht Blue Heron continues off Kestrel Bay\n\nFamilies of the four sailors gathered at the harbour on Wednesday.\n\nThe Blue Heron was last heard from on Sunday evening.\n\nVolunteers in fishing boats joined the search at dawn.\n`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(FILES));
}, 120_000);
afterAll(() => cleanupTempDirs());

describe('a topic stated in the headline', () => {
  it('holds for a window of that article', async () => {
    const a = await ask(deps, 'how many helicopters did the navy send?');
    expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(true);
    expect(a.short?.text).toMatch(/^three(?: Sea Hawk helicopters)? \[\d+\]$/);
    const cited = a.citations.find((c) => a.short!.text.endsWith(`[${c.n}]`))!;
    expect(isVerbatim(FILES[cited.source]!, cited.quote)).toBe(true);
  }, 60_000);

  it('does not make up a topic no headline or window states', async () => {
    const a = await ask(deps, 'how many helicopters did the army send?');
    expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(false);
    expect(a.blocks.map((b) => b.text).join('\n')).toMatch(/army/);
  }, 60_000);
});
