/**
 * Questions about a group of people (issue #12, item 4), on a story this project wrote: "how many people
 * were on board" counts everyone aboard — the crew all of whom "remain onboard" (the phrase written as one
 * word), not the two pilots one sentence names; "how old are the kids" is answered by the range the boys'
 * sentence gives ("ages 9-12"), not by their coach's age; "who was on board" names the people a quote
 * lists, not the company that speaks of them — and a nationality joined by a hyphen ("Norwegian-Danish")
 * is no one of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const FERRY: Record<string, string> = {
  '01_sound-gazette.txt': `Monday, 3 March 2031

Ferry Ostra Bell aground off Harrow Point

By Lin Sarvik

The ferry Ostra Bell was crossing the sound with two harbour pilots on board when it ran aground off Harrow Point, the port authority said in a statement on Monday.

"All 14 crew are safe and well. The crew are Danish nationals and remain onboard," the operator Kelby Lines said.

Tugs from Harrow Point will try to pull the ferry free at high tide on Tuesday.
`,
  '02_point-courier.txt': `Tuesday, 4 March 2031

School trip ends on the Harrow Point rocks

By Tove Malm

The six boys on the ferry were members of the Harrow Point junior sailing club, ages 9-12, on a school trip with their 30-year-old coach.

The club said the children would be home by the weekend.
`,
};

const LIFEBOAT: Record<string, string> = {
  '01_fjord-times.txt': `Friday, 7 March 2031

Lifeboat from the Ostra Bell found drifting

By Per Ostby

Three people were on board the lifeboat when it drifted away from the Ostra Bell on Thursday night.

Norwegian-Danish skipper Mats Oren and his daughter Lise Oren are on the lifeboat with engineer Pia Strand.

The coast guard searched the fjord until dawn.
`,
  '02_bay-weekly.txt': `Saturday, 8 March 2031

Ferry operator mourns lifeboat crew

By Nils Hauge

Kelby Lines, the company operating the ferry, issued a statement mourning the loss of the three people on board the lifeboat.

Divers will search the fjord again on Monday.
`,
};

let ferry: Deps;
let lifeboat: Deps;
beforeAll(async () => {
  ferry = await testDeps(writeCorpus(FERRY));
  lifeboat = await testDeps(writeCorpus(LIFEBOAT));
}, 120_000);
afterAll(() => cleanupTempDirs());

/** The short answer's words (markers removed), checked verbatim inside the quote each marker cites. */
async function shortOf(deps: Deps, files: Record<string, string>, question: string): Promise<string> {
  const a = await ask(deps, question);
  expect(a.answered, a.blocks[0]?.text).toBe(true);
  const s = a.short!;
  expect(s, a.blocks.map((b) => b.text).join('\n')).toBeTruthy();
  for (const piece of s.text.split(/,\s*/)) {
    const m = /^(.*?)\s*\[(\d+)\]$/.exec(piece.trim())!;
    const cited = a.citations.find((c) => c.n === Number(m[2]))!;
    expect(cited.quote).toContain(m[1]);
    expect(isVerbatim(files[cited.source]!, cited.quote)).toBe(true);
  }
  return s.text;
}

describe('questions about a group of people', () => {
  it('a count of everyone aboard is the whole crew, not the two pilots one sentence names', async () => {
    const short = await shortOf(ferry, FERRY, 'how many people were on board');
    expect(short).toMatch(/^14 crew \[\d+\]$/);
  }, 60_000);

  it('the ages of the kids are the range the boys’ sentence gives, not the coach’s age', async () => {
    const short = await shortOf(ferry, FERRY, 'how old are the kids');
    expect(short).toMatch(/^9-12 \[\d+\]$/);
  }, 60_000);

  it('who was on board: the people a quote lists, not the company speaking of them, nor a nationality', async () => {
    const short = await shortOf(lifeboat, LIFEBOAT, 'who was on board');
    expect(short).toMatch(/Mats Oren \[\d+\], Lise Oren \[\d+\], Pia Strand \[\d+\]/);
    expect(short).not.toMatch(/Kelby|Norwegian/);
  }, 60_000);
});
