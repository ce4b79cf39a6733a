/**
 * The evidence core behind /ask (src/evidence/), on a story written for this test: each answer
 * type is answered with a short answer taken verbatim from the quote it cites; questions typed
 * in lower case with typos find their people; refusals say which part is missing — a name or
 * topic the articles never use, or the fact they never give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { toJson } from '../src/console/render-text.js';
import type { Answer } from '../src/types.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';
import { DAM_CORPUS } from './evidence-corpus.js';

let deps: Deps;
let dir: string;
beforeAll(async () => {
  dir = writeCorpus(DAM_CORPUS);
  deps = await depsFor(dir);
}, 120_000);
afterAll(async () => {
  await deps?.store.close();
  cleanupTempDirs();
});

const ask = (text: string, session?: string) => runCommand(deps, { command: 'ask', text, ...(session ? { session } : {}) });
const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Every piece of the short answer ("X [1], up from Y [2]") is verbatim in the quote of the citation it marks. */
function expectShortVerbatim(a: Answer): void {
  expect(a.short, 'a short answer').toBeDefined();
  const parts = a.short!.text.split(/\[(\d+)\]/);
  expect(parts.length).toBeGreaterThanOrEqual(3);
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const piece = parts[i]!.replace(/^[\s,;:]+|[\s,;:]+$/g, '').replace(/^(?:vs|up from|down from)\s+/, '');
    const quote = a.citations.find((c) => c.n === Number(parts[i + 1]))!.quote;
    expect(squash(quote)).toContain(squash(piece));
  }
  // The answer's text begins with it, and the short's markers are among its citations.
  expect(a.blocks[0]!.text.startsWith(a.short!.text)).toBe(true);
  for (const n of a.short!.cites) expect(a.citations.some((c) => c.n === n)).toBe(true);
}

describe('each answer type: the fact named first, verbatim in its quote', () => {
  it.each([
    ['how many homes were flooded', /^At least 340 homes \[1\]/],
    ['how many evacuees were there on wednesday', /1,200/],
    ['how much will the repairs cost', /\$48 million/],
    ['how old is marta quillon', /^52 \[1\]/],
    ['when did the dam fail', /Tuesday/],
    ['what time did the dam fail', /^6:30 a\.m\. \[1\]/],
    ['who led the rescue', /^Daniel Okafor \[1\]/],
    ['who owns the dam', /^Orvin Hydro/],
    ['which company owns the dam', /^Orvin Hydro/],
    ['where were the evacuees taken', /Tessel/],
    ['why did the dam fail', /^because of a crack in the spillway/],
    ['which villages were evacuated', /^Brenn, Marl and Ostby \[1\]/],
    ['what was the rescue boat called', /^Sea Wren \[1\]/],
    ['how long is the lake', /12 kilometres/],
    ['who is marta quillon', /^Structural engineer \[1\]/],
  ])('%s', async (q, want) => {
    const a = await ask(q);
    expect(a.answered, a.blocks[0]?.text).toBe(true);
    expect(a.short?.text).toMatch(want);
    expectShortVerbatim(a);
  });

  it('a question with no single fact to name has no short answer, and is still answered from its quote', async () => {
    const said = await ask('what did okafor say');
    expect(said.answered).toBe(true);
    expect(said.short).toBeUndefined();
    expect(said.citations[0]!.quote).toMatch(/We were lucky/);
    const died = await ask('did anyone die');
    expect(died.answered).toBe(true);
    expect(died.citations.map((c) => c.quote).join(' ')).toMatch(/No one was killed/);
  });

  it('the CLI JSON carries "short" (null when there is none) and its text begins with it', async () => {
    const j = toJson(await ask('how many homes were flooded')) as { short: string | null; text: string };
    expect(j.short).toBe('At least 340 homes [1]');
    expect(j.text.startsWith(j.short!)).toBe(true);
    expect((toJson(await ask('what did okafor say')) as { short: unknown }).short).toBeNull();
    expect((toJson(await ask('what is the population of tessel')) as { short: unknown }).short).toBeNull();
  });
});

describe('people type names in lower case, with typos', () => {
  it.each([
    ['how old is marta quilon', /^52 \[1\]/],
    ['how old is quillon', /^52 \[1\]/],
  ])('%s', async (q, want) => {
    const a = await ask(q);
    expect(a.answered, a.blocks[0]?.text).toBe(true);
    expect(a.short?.text).toMatch(want);
    expectShortVerbatim(a);
  });

  it('"what did okafr say" quotes Okafor', async () => {
    const a = await ask('what did okafr say');
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.quote).toMatch(/Okafor said/);
  });
});

describe('refusals say which part is missing', () => {
  it.each([
    // a topic noun the articles never use
    ['what is the population of tessel', /never mention “population”/],
    ['what did the prime minister say', /never mention “prime minister”/],
    // the slot: the articles name the person, but give no age
    ['how old is daniel okafor', /mention “Daniel Okafor”, but never give Daniel Okafor’s age/],
    // a date or a sum answers the question's own verb: nothing says when the dam was built, or what building it cost
    ['when was the dam built', /never say when/],
    ['how much did it cost to build the dam', /give no amount of money/],
    // who/where answer the question's verb: people and places near the dam or Okafor that never did it answer nothing
    ['who designed the dam', /mention “dam”, but never say who/],
    ['where did okafor grow up', /never say where/],
    // no number of what is counted
    ['how many bridges were washed away', /never mention “bridges”|give no number of bridges/],
  ])('%s', async (q, why) => {
    const a = await ask(q);
    expect(a.answered, a.short?.text).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.short).toBeUndefined();
    expect(a.blocks[0]!.text).toMatch(/^The articles don't answer that\./);
    expect(a.blocks[0]!.text).toMatch(why);
  });
});

describe('follow-ups', () => {
  it('"how old is she?" after a question about Quillon is her age', async () => {
    const session = `evidence:${Math.random()}`;
    await ask('who is marta quillon', session);
    const a = await ask('how old is she?', session);
    expect(a.answered).toBe(true);
    expect(a.short?.text).toMatch(/^52 \[\d\]/);
    expectShortVerbatim(a);
  });
});
