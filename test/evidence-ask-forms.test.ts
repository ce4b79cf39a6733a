/**
 * Forms of question the evidence core reads (issue #12), on a story this project wrote: a rate
 * ("a day"), a measure named by a noun ("how big an area"), a model's plural ("c-130s"), a
 * destination or origin ("headed", "from"), a part beside its total ("310 people, including 40
 * crew"), a compound's modifier ("delivery trucks"), a clock time for "when", the manner of a
 * death ("how did … die"), a name the question's noun describes ("the rescue ship"), and
 * follow-ups: an ordinal swapped ("and the second one?") and "they" for what was counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { runCommand } from '../src/engines/index.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const FERRY: Record<string, string> = {
  '01_harbour-gazette.txt': `Saturday, 14 March 2026

Ferry fire off Tromvik: passengers rescued, port closed

By Lena Hovde

The ferry Nordlys caught fire on Saturday while sailing from Tromvik to Halden, the coast guard said.

The ferry carried 310 people, including 40 crew members, when the fire broke out in its engine room at around 5:40 p.m.

The first lifeboat reached the shore at 9 p.m. The second lifeboat reached the shore at 11 p.m.

Most passengers were taken off by the rescue ship Valka, which stayed beside the burning ferry for six hours.

The smoke plume covered an area of 30 square kilometres, the environment agency said.

The fire destroyed 12 cars and three delivery trucks on the vehicle deck.
`,
  '02_coast-post.txt': `Sunday, 15 March 2026

Tromvik port stays shut after ferry blaze

By Arne Solberg

The port of Tromvik will stay closed until Wednesday, harbour master Ingrid Moe said on Sunday.

The closure costs the port about $2 million a day in lost fees, Moe said, and repairs to the quay could cost $40 million in all.

The air force sent three C-130 transport planes to fly injured passengers to hospitals in Halden.

The Nordlys had an all-Filipino crew of 40, the operator Fjordline said.

One passenger, a 71-year-old man, died after inhaling smoke, police said.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(FERRY));
}, 120_000);
afterAll(() => cleanupTempDirs());

/** The short answer's words (without its marker), checked verbatim inside the quote it cites. */
function shortOf(a: Awaited<ReturnType<typeof ask>>): string {
  expect(a.answered, a.blocks[0]?.text).toBe(true);
  const s = a.short!;
  const words = s.text.replace(/\s*\[\d+\]\s*$/, '');
  const cited = a.citations.find((c) => c.n === s.cites[0])!;
  expect(cited.quote).toContain(words);
  expect(isVerbatim(FERRY[cited.source]!, cited.quote)).toBe(true);
  return words;
}

describe('forms of question', () => {
  const cases: [string, RegExp][] = [
    ['how much is the closure costing the port a day?', /^about \$2 million$/],
    ['how big an area did the smoke cover?', /^30 square kilometres$/],
    ['how many c-130s did the air force send?', /^three$/],
    ['where was the ferry headed?', /Halden$/],
    ['where did the ferry sail from?', /Tromvik$/],
    ['how many people were on the ferry?', /^310 people$/],
    ['how many delivery trucks were destroyed?', /^three delivery trucks$/],
    ['when did the first lifeboat reach the shore?', /^9 p\.m\.$/],
    ['how did the passenger die?', /^after inhaling smoke$/],
    ['what was the rescue ship called?', /^Valka$/],
  ];
  for (const [q, want] of cases) {
    it(q, async () => {
      expect(shortOf(await ask(deps, q))).toMatch(want);
    }, 60_000);
  }

  it('a rate asked is not answered by a total ("$40 million in all" is no daily cost)', async () => {
    const a = await ask(deps, 'how much is the closure costing the port a day?');
    expect(a.short?.text).not.toMatch(/40 million/);
  }, 60_000);
});

describe('follow-ups', () => {
  it('"and the second one?" asks the same of the second lifeboat', async () => {
    await runCommand(deps, { command: 'ask', text: 'when did the first lifeboat reach the shore?', session: 'forms-1' });
    const a = await runCommand(deps, { command: 'ask', text: 'and the second one?', session: 'forms-1' });
    expect(String(a.meta?.resolvedQuestion)).toMatch(/second lifeboat/);
    expect(a.short?.text).toMatch(/^11 p\.m\. \[\d+\]$/);
  }, 60_000);

  it('"where are they from?" after a count of crew is about the crew', async () => {
    await runCommand(deps, { command: 'ask', text: 'how many crew were on the nordlys?', session: 'forms-2' });
    const a = await runCommand(deps, { command: 'ask', text: 'where are they from?', session: 'forms-2' });
    expect(a.answered).toBe(true);
    expect(a.short?.text).toMatch(/Filipino/);
  }, 60_000);
});
