/**
 * The slot must be filled by the kind of thing asked (issue #12), found by probing refusals with questions the
 * articles do not answer:
 * - a measure restated in brackets keeps the dimension written before it: "half a kilometre long (400m)" is no
 *   answer to "how deep is the channel";
 * - "which hospital": a town is no hospital — a place fills a facility noun only when its name or the articles say
 *   it is one ("which town" is still filled by any town named);
 * - "how much fuel": a span of time measures a supply written before it or after "of" ("40 hours of oxygen"), not a
 *   noun that merely follows it ("two weeks to journeys and extra fuel costs").
 * Story written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const FILES: Record<string, string> = {
  '01_port-times.txt': `2 April 2031\n\nFreighter Osprey Crown blocks the Varna Channel\n\nNearly half a kilometre long (400m), the freighter Osprey Crown has blocked the Varna Channel since Monday.\n\nShippers may sail around the cape instead, adding about two weeks to journeys and extra fuel costs.\n\nThe crew of the Osprey Crown is safe, the channel authority said.\n`,
  '02_coast-herald.txt': `3 April 2031\n\nOsprey Crown: pilot taken ill\n\nA harbour pilot from the Osprey Crown was taken to Lindau, the nearest town, on Tuesday.\n\nThe tug Marta had about 40 hours of diesel remaining on Tuesday, its owner said.\n\nThe channel authority said dredgers were working through the night near the Osprey Crown.\n`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(FILES));
}, 120_000);
afterAll(() => cleanupTempDirs());

const text = (a: { blocks: { text: string }[] }) => a.blocks.map((b) => b.text).join('\n');

describe('the slot is filled by the kind of thing asked', () => {
  it('a length restated in brackets is no depth', async () => {
    const a = await ask(deps, 'how deep is the varna channel?');
    expect(a.short?.text ?? '', text(a)).not.toMatch(/400m/);
    expect(a.answered, text(a)).toBe(false);
  }, 60_000);

  it('a town is no hospital, though it is a town', async () => {
    const h = await ask(deps, 'which hospital was the pilot taken to?');
    expect(h.short?.text ?? '', text(h)).not.toMatch(/Lindau/);
    const t = await ask(deps, 'which town was the pilot taken to?');
    expect(t.short?.text, text(t)).toMatch(/^Lindau \[\d+\]$/);
  }, 60_000);

  it('a span of time answers how much of a supply only when it measures that supply', async () => {
    const fuel = await ask(deps, 'how much fuel did the osprey crown have?');
    expect(fuel.short?.text ?? '', text(fuel)).not.toMatch(/two weeks/);
    const diesel = await ask(deps, 'how much diesel did the tug marta have left?');
    expect(diesel.short?.text, text(diesel)).toMatch(/^about 40 hours \[\d+\]$/);
  }, 60_000);
});
