/**
 * A yes/no question answered by a window whose centre holds what it asks about but not what it asks of it (issue #12):
 * "were any rare birds killed?" finds the sentence naming the birds ("no lasting danger to gulls, terns or other sea
 * birds"), and the sentence beside it says whether any were rare ("None of the gulls found were thought to be rare").
 * A neighbour holding a word of the question the centre does not is quoted with the centre, so the answer shows it.
 * Two stories written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const GULLS: Record<string, string> = {
  '01_coast-herald.txt': `Tuesday, 3 June 2031

Dead gulls found near Fenwick wind farm

By Lotte Brandt

Rangers counted 40 dead gulls on the beach below the Fenwick turbines on Monday.

The deaths are thought to have happened during the storm on Saturday night.

The council says there is no lasting danger to gulls, terns or other sea birds on the coast.

None of the gulls found were thought to be rare or protected.

The wind farm's owner said it would check the turbines for damage.
`,
  '02_bay-news.txt': `Wednesday, 4 June 2031

Fenwick turbines stopped for checks

By Omar Said

Two of the Fenwick turbines were stopped on Wednesday for checks after the storm.

The owner expects them to run again by the weekend.
`,
};

const PAINTING: Record<string, string> = {
  '01_city-post.txt': `Monday, 10 November 2031

Painting taken from Orlo museum

By Greta Falk

Thieves took a harbour scene by Ada Venn from the Orlo museum on Sunday night.

Police say the thieves broke a side window and were inside for less than five minutes.

The museum says the painting is one of the most valuable works in its collection.

The owners have confirmed it was insured with a Zurich firm.

The museum will stay closed until Wednesday.
`,
  '02_arts-daily.txt': `Tuesday, 11 November 2031

Orlo museum closes after break-in

By Ilan Berg

The Orlo museum closed its doors on Tuesday after the break-in.

Visitors with tickets will be offered another date.
`,
};

let gulls: Deps;
let painting: Deps;
beforeAll(async () => {
  gulls = await testDeps(writeCorpus(GULLS));
  painting = await testDeps(writeCorpus(PAINTING));
}, 120_000);
afterAll(() => cleanupTempDirs());

async function quotes(deps: Deps, story: Record<string, string>, question: string): Promise<string> {
  const a = await ask(deps, question);
  expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(true);
  for (const c of a.citations) expect(isVerbatim(story[c.source]!, c.quote)).toBe(true);
  return a.citations.map((c) => c.quote).join('\n');
}

describe('a yes/no answer quotes the neighbour that holds what its centre leaves out', () => {
  it('"were any rare birds killed?" quotes the sentence saying none were rare', async () => {
    const q = await quotes(gulls, GULLS, 'were any rare birds killed?');
    expect(q).toContain('no lasting danger to gulls, terns or other sea birds');
    expect(q).toContain('None of the gulls found were thought to be rare or protected.');
  }, 60_000);

  it('"was the stolen painting insured?" quotes the sentence saying it was insured', async () => {
    const q = await quotes(painting, PAINTING, 'was the stolen painting insured?');
    expect(q).toContain('The owners have confirmed it was insured with a Zurich firm.');
  }, 60_000);
});
