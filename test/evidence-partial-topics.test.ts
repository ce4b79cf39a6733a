/**
 * A typed value asked with two topic nouns, where the sentence giving it names only one (issue #12): "how long into
 * the climb did they lose contact" is answered by "lost radio contact with the team two hours and 10 minutes after it
 * set off up the ridge" — the verb and the value's kind hold that sentence to the question though it never says
 * "climb". The span of time is read whole ("two hours and 10 minutes"). Story written here. (Refusals are guarded by the
 * dev evaluation's refusal sets, unchanged by this path.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const STORY: Record<string, string> = {
  '01_ridge-herald.txt': `Saturday, 5 July 2031

Climbers missing on Sorrel Ridge

By Ines Marr

A team of four climbers is missing on Sorrel Ridge, the mountain rescue service said on Saturday.

The climb was planned as a two-day route to the summit hut.

Rescuers said they lost radio contact with the team two hours and 10 minutes after it set off up the ridge on Friday morning.

A helicopter will search the north face when the cloud lifts.
`,
  '02_valley-news.txt': `Sunday, 6 July 2031

Families wait for news of Sorrel Ridge climbers

By Tomas Reyes

Relatives of the four climbers gathered at the rescue post in Orlen on Sunday.

The guide who organised the climb said the team carried a satellite phone but had made no contact since Friday.

Weather on the ridge is expected to improve on Monday.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(STORY));
}, 120_000);
afterAll(() => cleanupTempDirs());

describe('a value given by a sentence that names all but one topic noun', () => {
  it('"how long into the climb did they lose contact" is the span the contact sentence gives, read whole', async () => {
    const a = await ask(deps, 'how long into the climb did they lose contact?');
    expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(true);
    expect(a.short?.text).toMatch(/^two hours and 10 minutes \[\d+\]$/);
    const cited = a.citations.find((c) => a.short!.text.endsWith(`[${c.n}]`))!;
    expect(cited.quote).toContain('lost radio contact with the team two hours and 10 minutes after');
    expect(isVerbatim(STORY[cited.source]!, cited.quote)).toBe(true);
  }, 60_000);
});
