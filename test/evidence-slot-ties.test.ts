/**
 * The filler the question's verb governs (issue #12, item 4): on a story this project wrote, where
 * each sentence that answers stands beside one that names a thing of the same kind doing something
 * else — the place a ship sailed from beside the strait it blocked, the company that owns it beside one
 * that owns a tug firm, the country it is registered in as "Liberia-registered", the city a deal was
 * signed in after "the harbour city of", the court that ordered a seizure, the length beside the width,
 * the day a crew went into a tunnel beside a caption's date. The strait is named in every article: the
 * story's setting tells no answer apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const STRAIT: Record<string, string> = {
  '01_coast-herald.txt': `Tuesday, 6 May 2031

Freighter Marlin Star blocks the Brasken Strait

By Ola Renvik

The freighter Marlin Star ran aground in the Brasken Strait on Tuesday, halting traffic through the Brasken Strait.

The Marlin Star was sailing from Korsund to Vellport when it ran aground in the Brasken Strait.

Halvard Group owns Tessel Towage, which sent four tugs to free the ship in the Brasken Strait.

The ship is owned by Norrin Shipping, a family firm.

Erik Vang, the Coast Guard Director of Salvage Operations and Harbour Engineering, said the tugs would try again at high tide.

Captain Ivar Lund, engineer Sara Holm and cook Tomas Berg were on board when the Marlin Star ran aground.

Food for three weeks was on board, according to the Brasken Strait Authority.
`,
  '02_harbour-daily.txt': `Thursday, 8 May 2031

Marlin Star refloated in the Brasken Strait

By Kari Dahl

Nearly a quarter of a mile long (350m) and 50m wide, the ship had been stuck in the Brasken Strait since Tuesday.

A court in the city of Lorvik ordered the ship seized at the behest of the Brasken Strait Authority.

Seven engineers went into the flooded pump tunnel on 2 May, before the grounding, the harbour master said.

A hut 300 metres from the tunnel mouth is where the engineers set up their base.

The tunnel pumps failed at 20 minute intervals after the flood, and each failure lasted about six hours.
`,
  '03_sea-news.txt': `Friday, 16 May 2031

Deal frees the Marlin Star

By Per Ostby

The compensation agreement was signed at a ceremony in the Brasken Strait harbour city of Lorvik shortly after the Liberia-registered Marlin Star began to sail again.

Pump engineers outside the Brasken Strait tunnel where the Marlin Star went aground last week, 9 May 2031.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(STRAIT));
}, 120_000);
afterAll(() => cleanupTempDirs());

/** The short answer's words (without its marker), checked verbatim inside the quote it cites. */
function shortOf(a: Awaited<ReturnType<typeof ask>>): string {
  expect(a.answered, a.blocks[0]?.text).toBe(true);
  const s = a.short!;
  expect(s, a.blocks[0]?.text).toBeTruthy();
  const words = s.text.replace(/\s*\[\d+\]\s*$/, '');
  const cited = a.citations.find((c) => c.n === s.cites[0])!;
  expect(cited.quote).toContain(words);
  expect(isVerbatim(STRAIT[cited.source]!, cited.quote)).toBe(true);
  return words;
}

describe('the filler the question’s verb governs', () => {
  const cases: [string, RegExp, RegExp][] = [
    // The place after "from", in the clause of "sailing" — not the strait, nor the city of a later clause.
    ['where did it sail from?', /^Korsund$/, /Brasken|Lorvik/],
    // "owned by" the ship's owner; not the group that owns a tug firm "which" freed the ship.
    ['who owns the ship?', /^Norrin Shipping$/, /Halvard/],
    // The country hyphened to the verb asked.
    ['what country is the marlin star registered in?', /^Liberia$/, /Brasken|Lorvik/],
    // "the Brasken Strait harbour city of Lorvik": the strait only says which city.
    ['where was the deal signed?', /^Lorvik$/, /Brasken/],
    // The noun asked, then the name that says which: not the authority at whose behest it acted.
    ['which court ordered it seized?', /Lorvik$/, /Authority/],
    // The dimension written with the figure: "long (350m)", not "50m wide".
    ['how long is the ship?', /^350m$/, /^50m/],
    // "went into", not a caption's "went aground last week, 9 May".
    ['when did the engineers go into the tunnel?', /^2 May$/, /9 May/],
    // The words of a named person's title ("Director of Salvage Operations") are not another person.
    ['who runs salvage for the coast guard?', /^Erik Vang$/, /Operations/],
    // "X is where …": the place is the phrase before it, not a locative inside it.
    ['where did the engineers set up their base?', /^A hut 300 metres from the tunnel mouth$/, /^from/],
    // A frequency asked: written as one ("at 20 minute intervals"), not a span of time.
    ['how often did the pumps fail?', /20 minute intervals/, /six hours/],
  ];
  for (const [q, want, not] of cases) {
    it(q, async () => {
      const words = shortOf(await ask(deps, q));
      expect(words).toMatch(want);
      expect(words).not.toMatch(not);
    }, 60_000);
  }

  it('several people named alike in the answer’s clause are the answer together, each verbatim with its marker', async () => {
    const a = await ask(deps, 'who was on board?');
    const s = a.short!;
    expect(s.text).toMatch(/Ivar Lund \[\d+\], Sara Holm \[\d+\], Tomas Berg \[\d+\]/);
    // The source of a sentence ("according to …") is not who was on board.
    expect(s.text).not.toMatch(/Authority/);
    const quote = a.citations.find((c) => c.n === s.cites[0])!.quote;
    for (const name of ['Ivar Lund', 'Sara Holm', 'Tomas Berg']) expect(quote).toContain(name);
  }, 60_000);
});
