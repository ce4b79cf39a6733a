/**
 * One detector of disagreements (src/analysis/disagreements.ts): /compare over the whole
 * corpus and the digest's "Where the sources disagree" list the same disagreements —
 * the same topics, each side citing the same sentences — on a project-written corpus
 * with planted disagreements and on the seeds. A topic only narrows that list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { digest } from '../src/engines/digest.js';
import { runCommand } from '../src/engines/index.js';
import type { Answer } from '../src/types.js';
import { PLANTED_ARTICLES } from './golden/claims.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

/** Each disagreement as its topic and, per side, the quotes it cites (citation numbers differ between answers). */
function listed(a: Answer): { topic: string; sides: string[][] }[] {
  return (a.disagreements ?? []).map((d) => ({
    topic: d.topic,
    sides: d.sides.map((s) => s.citations.map((n) => {
      const c = a.citations.find((x) => x.n === n)!;
      return `${c.source}: ${c.quote}`;
    })),
  }));
}

function expectSameList(compared: Answer, digested: Answer) {
  const c = listed(compared);
  expect(c.length).toBeGreaterThan(0);
  expect(listed(digested)).toEqual(c);
  // Every one of them is in the digest's section, with its sides' citation markers.
  const section = digested.sections!.find((s) => s.heading === 'Where the sources disagree')!;
  for (const d of digested.disagreements!) {
    const line = section.text.split('\n').find((l) => l.startsWith(`• ${d.topic}: `));
    expect(line, d.topic).toBeDefined();
    for (const s of d.sides) for (const n of s.citations) expect(line).toContain(`[${n}]`);
  }
}

describe('/compare and the digest list the same disagreements', () => {
  let planted: Deps;
  let seeds: Deps;
  beforeAll(async () => {
    planted = await depsFor(writeCorpus(PLANTED_ARTICLES, 'dispatch-consistency-'));
    seeds = await testDeps();
  });
  afterAll(async () => {
    await planted?.store.close();
    await seeds?.store.close();
    cleanupTempDirs();
  });

  it('on a planted corpus: the toll, the aid pledge, the denied report, the hedged claim', async () => {
    const c = await runCommand(planted, { command: 'compare', text: '' });
    const d = await digest(planted, { chartDir: null });
    expectSameList(c, d);
    const topics = d.disagreements!.map((x) => x.topic).join('\n');
    expect(topics).toMatch(/killed/i);
    expect(topics).toMatch(/aid/i);
    expect(topics).toMatch(/denial by Ana Lopez/);
    expect(topics).toMatch(/hedged/);
  }, 60_000);

  it('on the seeds', async () => {
    const c = await runCommand(seeds, { command: 'compare', text: '' });
    const d = await digest(seeds, { chartDir: null });
    expectSameList(c, d);
  }, 60_000);

  it('a topic narrows the same list: each disagreement on a topic is one of the whole corpus', async () => {
    const whole = listed(await runCommand(planted, { command: 'compare', text: '' }));
    for (const topic of ['aid pledge', 'killed']) {
      const narrowed = listed(await runCommand(planted, { command: 'compare', text: topic }));
      expect(narrowed.length, topic).toBeGreaterThan(0);
      for (const x of narrowed) expect(whole).toContainEqual(x);
    }
  }, 60_000);
});
