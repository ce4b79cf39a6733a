/**
 * /verify on a small unrelated corpus written to a temp dir: planted
 * contradictions (a death toll, an aid pledge, a year), a report and its
 * denial, a hedged claim and a syndicated near-duplicate. Nothing here may
 * depend on the seed story.
 */
import { writeCorpus, depsFor, cleanupTempDirs } from './helpers/corpus-fixtures.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { corroboration } from '../src/engines/claims.js';
import { runCommand } from '../src/engines/index.js';
import type { Answer } from '../src/types.js';
import { PLANTED_ARTICLES } from './golden/claims.js';

let dir: string;
let deps: Deps;

beforeAll(async () => {
  dir = writeCorpus(PLANTED_ARTICLES, 'dispatch-verify-');
  deps = await depsFor(dir);
});
afterAll(async () => {
  await deps?.store.close();
  cleanupTempDirs();
});

const verify = (claim: string) => runCommand(deps, { command: 'verify', text: claim });
const text = (a: Answer) => a.blocks.map((b) => `${b.heading ?? ''}\n${b.text}`).join('\n');
function assertVerbatim(a: Answer) {
  for (const c of a.citations) expect(isVerbatim(deps.corpus.byId.get(c.source)!.raw, c.quote), c.quote).toBe(true);
}

describe('/verify on a planted corpus', () => {
  it.each([
    ['The flood killed 5 people', 'contradicted'],
    ['The flood in Riverton killed 31 people', 'supported'],
    ['The state will send 2,000 soldiers', 'contradicted'],
    ['The state will send 200 soldiers', 'supported'],
    ['The Kesh River dam was built in 1975', 'contradicted'],
    // A year before a comma is a year ("In 1975, …" was read as no date at all).
    ['In 1975, the Kesh River dam was built', 'contradicted'],
    ['The Kesh River dam failed on Sunday', 'contradicted'],
    ['The Kesh River dam failed on Saturday', 'supported'],
    ['Mayor Lopez said 300 homes were destroyed', 'supported'],
    ['Engineers warned the council about cracks in the dam', 'supported'],
    ['Governor Henning pledged $5 million in aid', 'partly supported'],
    ['The dam had not been inspected for ten years', 'partly supported'],
    ['A volcano erupted near Riverton', 'not addressed'],
    ['The Riverton football team won the cup', 'not addressed'],
  ] as const)('%s → %s', async (claim, verdict) => {
    const a = await verify(claim);
    expect(a.verdict, text(a)).toBe(verdict);
    assertVerbatim(a);
  });

  it('states the numbers side by side', async () => {
    const a = await verify('The state will send 2,000 soldiers');
    expect(text(a)).toMatch(/The articles say “200” soldiers .*; the claim says 2,000 soldiers — these do not match/);
    const y = await verify('The Kesh River dam was built in 1975');
    // Other years of the sentences that say the rest of the claim ("… in 2021, council minutes show") are listed too.
    expect(text(y)).toMatch(/The articles say (?:\d{4} (\[\d+\])+ and )?1962 (\[\d+\])+; the claim says 1975/);
    const d = await verify('The Kesh River dam failed on Sunday');
    // The weekday is said with the day the timeline gives it (the article is of Sunday 10 March 2024).
    expect(text(d)).toMatch(/The articles say “on Saturday” \(Saturday 9 March 2024\) (\[\d+\])+; the claim says on Sunday — these do not match/);
  });

  it('says when independent sources disagree on the figure the claim gives', async () => {
    const a = await verify('Governor Henning pledged $5 million in aid');
    expect(text(a)).toMatch(/\$50 million/);
    expect(text(a)).toMatch(/\$5 million/);
  });

  it('reports a denial as such, not as support', async () => {
    const a = await verify('The dam had not been inspected for ten years');
    expect(text(a)).toMatch(/denial: “denied”/);
    expect(text(a)).toMatch(/reported, but also denied/);
  });

  it('collapses the syndicated copy: repetition is not corroboration', async () => {
    const a = await verify('The state will send 200 soldiers');
    expect(a.meta?.supportingArticles).toEqual(['a_ledger.md', 'd_syndicated.md']);
    expect(a.meta?.independentSupport).toBe(1);
    expect(text(a)).toMatch(/Supported by 1 independent article/);
    expect(text(a)).toMatch(/near-duplicate .*not counted again/);
  });

  it('marks hedged support', async () => {
    const a = await verify('Engineers allegedly warned the council about cracks in the dam in 2021');
    expect(a.verdict).toBe('supported');
    expect(text(a)).toMatch(/hedged: “allegedly”|hedged: “according to people familiar/);
    // The firm statement and the hedged one are two independent articles (the wire copy is not a third).
    expect(a.meta?.independentSupport).toBe(2);
  });

  it('compares names: a statement made by someone else is not the claim, and the articles say who made it', async () => {
    const a = await verify('Governor Henning said 300 homes were destroyed');
    expect(a.verdict).toBe('partly supported');
    expect(text(a)).toMatch(/attribute this to “Mayor Ana Lopez”, not Governor Henning/);
    assertVerbatim(a);
  });

  it('splits a compound claim and judges each part', async () => {
    const a = await verify('The state will send 200 soldiers and will build 40 new bridges');
    expect(a.verdict).toBe('partly supported');
    expect((a.meta?.parts as { verdict: string }[]).map((p) => p.verdict)).toEqual(['supported', 'not addressed']);
    expect(text(a)).toMatch(/Part 1: “The state will send 200 soldiers”/);
  });

  it('corroboration(): independent articles saying the same sentence, near-duplicates collapsed', () => {
    const ledger = deps.corpus.byId.get('a_ledger.md')!;
    const warned = ledger.sentences.find((s) => s.text.startsWith('Engineers warned'))!;
    const c = corroboration(deps, warned);
    expect(c.articles).toEqual(['a_ledger.md', 'c_times.md', 'd_syndicated.md']);
    expect(c.independent).toBe(2);
    // A figure that conflicts is not corroboration: $5 million vs $50 million.
    const aid = ledger.sentences.find((s) => s.text.includes('$5 million'))!;
    const d = corroboration(deps, aid);
    expect(d.articles).not.toContain('b_herald.md');
    expect(d.independent).toBe(1);
  });
});
