/**
 * "Which <noun> …?" answered by the one of that noun a sentence picks out by its place in a row or its number (issue
 * #12): "which carriage had the broken door" — "the door of the fourth carriage had jammed"; "which locker was forced
 * open" — "locker No. 12 had been forced open". Such a thing has no name for the name readers to find, but its ordinal
 * or number says which it is, and is the short answer. Two stories written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const TRAIN: Record<string, string> = {
  '01_rail-gazette.txt': `Thursday, 2 October 2031

Passengers stuck on Harwell line train

By Nora Quint

About 200 passengers were stuck for two hours on a train outside Harwell station on Wednesday evening.

The operator said a sensor on the train had reported a fault with a door.

Engineers found that the door of the fourth carriage had jammed half open.

Passengers were moved to another train at 9 p.m.
`,
  '02_harwell-news.txt': `Friday, 3 October 2031

Harwell line back to normal

By Sami Roth

Trains on the Harwell line ran on time on Thursday, the operator said.

The train that broke down has been taken to the depot for repairs.
`,
};

const LOCKER: Record<string, string> = {
  '01_town-crier.txt': `Monday, 12 May 2031

Thieves break into Lindell sports centre

By Eva Marsh

Thieves broke into the Lindell sports centre on Saturday night and took cash and phones.

Staff found the back door open when they arrived on Sunday morning.

Police said locker No. 12 had been forced open with a crowbar.

The centre reopened on Monday afternoon.
`,
  '02_county-post.txt': `Tuesday, 13 May 2031

Sports centre adds cameras after break-in

By Raj Patel

The Lindell sports centre will fit new cameras after the weekend break-in, its manager said on Tuesday.

Members were asked to keep valuables at home for now.
`,
};

let train: Deps;
let locker: Deps;
beforeAll(async () => {
  train = await testDeps(writeCorpus(TRAIN));
  locker = await testDeps(writeCorpus(LOCKER));
}, 120_000);
afterAll(() => cleanupTempDirs());

async function shortOf(deps: Deps, story: Record<string, string>, question: string): Promise<{ short: string; quote: string }> {
  const a = await ask(deps, question);
  expect(a.answered, a.blocks.map((b) => b.text).join('\n')).toBe(true);
  const short = a.short?.text ?? '';
  const cited = a.citations.find((c) => short.endsWith(`[${c.n}]`));
  expect(cited, short).toBeDefined();
  expect(isVerbatim(story[cited!.source]!, cited!.quote)).toBe(true);
  return { short, quote: cited!.quote };
}

describe('"which <noun>" is answered by the one its ordinal or number picks out', () => {
  it('"which carriage had the broken door" is the fourth carriage', async () => {
    const { short, quote } = await shortOf(train, TRAIN, 'which carriage had the broken door');
    expect(short).toMatch(/^fourth carriage \[\d+\]$/);
    expect(quote).toContain('the door of the fourth carriage had jammed');
  }, 60_000);

  it('"which locker was forced open" is locker No. 12', async () => {
    const { short, quote } = await shortOf(locker, LOCKER, 'which locker was forced open');
    expect(short).toMatch(/^locker No\. 12 \[\d+\]$/);
    expect(quote).toContain('locker No. 12 had been forced open');
  }, 60_000);
});
