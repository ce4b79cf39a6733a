/**
 * One fact, one answer across commands: an age or count that /who or the digest states
 * is what /ask and /verify find — on the seeds and on a story written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { verify } from '../src/engines/verify.js';
import { who } from '../src/engines/who.js';
import { digest } from '../src/engines/digest.js';
import { analysisOf } from '../src/analysis/index.js';
import type { Deps } from '../src/deps.js';
import type { Answer } from '../src/types.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';
import { checkAges, checkCounts, digestCounts, statedAges } from './helpers/figure-consistency.js';
import { STORM_CORPUS } from './figures-storm-corpus.js';

const text = (a: Answer) => a.blocks.map((b) => b.text).join('\n');

describe('seeds: one age, one count, whichever command asks', () => {
  let deps: Deps;
  beforeAll(async () => {
    deps = await testDeps();
  }, 120_000);

  it('Trump is 79: /who the 79-year-old, /ask how old, /verify all agree', async () => {
    const w = await who(deps, 'the 79-year-old');
    expect(w.blocks[0]!.heading).toMatch(/Trump/);
    expect(w.blocks.find((b) => b.heading === 'Age')?.text).toMatch(/\b79 years old/);
    const a = await ask(deps, 'How old is Trump?');
    expect(a.answered).toBe(true);
    expect(text(a)).toMatch(/Trump: 79 years old/);
    // The quote says whose age it is: the sentence naming him, then "the 79-year-old".
    expect(a.citations[0]!.quote).toMatch(/Trump[\s\S]*79-year-old/);
    expect(verify(deps, 'Trump is 79 years old').verdict).toBe('supported');
    expect(verify(deps, 'Trump is 75 years old').verdict).toBe('contradicted');
    // Said as news writes it, without "years old".
    expect(verify(deps, 'Zeihan is 52.').verdict).toBe('supported');
    expect(verify(deps, 'Zeihan is 60.').verdict).toBe('contradicted');
  }, 60_000);

  it('every age the analysis ties to a person is what /who, /ask and /verify say', async () => {
    const ages = statedAges(deps);
    expect(ages.map((a) => `${a.subject} ${a.value}`)).toEqual(expect.arrayContaining(['Donald Trump 79', 'Peter Zeihan 52']));
    expect(await checkAges(deps, ages)).toEqual([]);
  }, 120_000);

  it("every count in the digest's key figures is the count /verify reads in the same sentence", async () => {
    const counts = await digestCounts(deps);
    expect(counts.length).toBeGreaterThan(0);
    expect(checkCounts(deps, counts)).toEqual([]);
  }, 120_000);
});

describe('a story written for this test: clock times, speeds, outages, ages', () => {
  let deps: Deps;
  beforeAll(async () => {
    deps = await testDeps(writeCorpus(STORM_CORPUS));
  }, 120_000);
  afterAll(() => cleanupTempDirs());

  it('reads each figure as what it measures', () => {
    const facts = analysisOf(deps).figureFacts.figures;
    const kindOf = (t: string) => facts.filter((f) => f.text === t).map((f) => f.kind);
    expect(kindOf('8:30 p.m.')).toEqual(['clock']);
    expect(kindOf('10 p.m.')).toEqual(['clock']);
    expect(kindOf('150 mph')).toEqual(['speed']);
    expect(kindOf('12 miles')).toEqual(['distance']);
    expect(facts.find((f) => f.text === 'More than 20,000')).toMatchObject({ kind: 'count', noun: 'evacuees', qualifier: 'more than' });
    expect(facts.find((f) => f.text === '5,000')).toMatchObject({ kind: 'count', noun: 'people' });
    // Clock times and years are never counts of anything.
    expect(facts.filter((f) => f.kind === 'count').map((f) => f.value)).not.toEqual(expect.arrayContaining([8, 10, 6, 2029]));
  });

  it('ties "<Name>, 68," and "the 25-year-old coach" to their holders', () => {
    const ages = statedAges(deps).map((a) => `${a.subject} ${a.value}`);
    expect(ages).toEqual(expect.arrayContaining(['Ilse Brandvik 68', 'the coach 25', 'Teodor Vass 25']));
  });

  it('every age is what /who, /ask and /verify say', async () => {
    expect(await checkAges(deps)).toEqual([]);
    expect(text(await ask(deps, 'how old is the coach'))).toMatch(/\b25 years old/);
    expect(verify(deps, 'The coach is 35 years old').verdict).toBe('contradicted');
    expect(verify(deps, 'Brandvik is 68 years old').verdict).toBe('supported');
    // "Harbour master Ilse Brandvik": the harbour master's age is hers.
    expect(text(await ask(deps, 'how old is the harbour master'))).toMatch(/Ilse Brandvik: 68 years old/);
  }, 120_000);

  it("every count in the digest's key figures is what /verify reads", async () => {
    const counts = await digestCounts(deps);
    expect(counts.length).toBeGreaterThan(0);
    expect(checkCounts(deps, counts)).toEqual([]);
  }, 120_000);

  it('the digest keeps power outages and water outages apart, and counts no clock time, speed or rainfall', async () => {
    const d = await digest(deps, { chartDir: null });
    const block = d.blocks.find((b) => /^Key figures/.test(b.heading ?? ''))!;
    const lines = block.text.split('\n');
    expect(lines.find((l) => /power outages/.test(l))).toMatch(/120,000[^\n]*40,000/);
    expect(lines.find((l) => /power outages/.test(l))).not.toMatch(/water outages/);
    expect(lines.find((l) => /water outages/.test(l))).not.toMatch(/power outages/);
    expect(block.text).not.toMatch(/millimetres|mph|p\.m\./);
    const disagree = d.blocks.find((b) => /disagree/i.test(b.heading ?? ''))?.text ?? '';
    expect(disagree).not.toMatch(/power outages[^\n]*water outages|water outages[^\n]*power outages/);
  }, 60_000);

  it('a crew of 9 contradicts a crew of 20; distances compare across units', () => {
    expect(verify(deps, 'Rescuers found the missing ferry with all 20 crew alive').verdict).toBe('contradicted');
    expect(verify(deps, 'Rescuers found the missing ferry with all 9 crew alive').verdict).toBe('supported');
    expect(verify(deps, 'Rescuers found the missing ferry 12 miles from Port Merrow').verdict).toBe('supported');
    expect(verify(deps, 'Rescuers found the missing ferry 60 kilometres from Port Merrow').verdict).toBe('contradicted');
  }, 60_000);

  it('a length is one answer to /ask and /verify, in any unit', async () => {
    expect(text(await ask(deps, 'how long is the quay'))).toMatch(/400-?\s?metres/);
    expect(verify(deps, 'The quay is 400 metres long').verdict).toBe('supported');
    expect(verify(deps, 'The quay is 2 km long').verdict).toBe('contradicted');
  }, 60_000);

  it('a claim with an age and another figure is judged on both', () => {
    const v = verify(deps, "The town's youth rowing team, 40 rowers, sheltered in the school gym with their 25-year-old coach.");
    expect(v.verdict).not.toBe('supported');
  }, 60_000);
});
