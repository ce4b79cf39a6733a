/**
 * /compare on a small unrelated corpus with planted disagreements, and on
 * hostile topics. Nothing here depends on the seed story.
 */
import { writeCorpus, depsFor, cleanupTempDirs } from './helpers/corpus-fixtures.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { runCommand } from '../src/engines/index.js';
import { isBadInputError } from '../src/errors.js';
import type { Answer } from '../src/types.js';
import { PLANTED_ARTICLES } from './golden/claims.js';

let dir: string;
let deps: Deps;

beforeAll(async () => {
  dir = writeCorpus(PLANTED_ARTICLES, 'dispatch-compare-');
  deps = await depsFor(dir);
});
afterAll(async () => {
  await deps?.store.close();
  cleanupTempDirs();
});

const compare = (topic?: string) => runCommand(deps, { command: 'compare', text: topic });
const all = (a: Answer) => a.blocks.map((b) => `${b.heading ?? ''}\n${b.text}`).join('\n');
/** The sources and quotes one disagreement cites. */
const cited = (a: Answer, topicRe: RegExp) => {
  const d = a.disagreements!.find((x) => topicRe.test(x.topic));
  if (!d) return null;
  return d.sides.flatMap((s) => s.citations).map((n) => a.citations.find((c) => c.n === n)!);
};
function assertVerbatim(a: Answer) {
  for (const c of a.citations) expect(isVerbatim(deps.corpus.byId.get(c.source)!.raw, c.quote), c.quote).toBe(true);
}

describe('/compare on a planted corpus', () => {
  it('finds each planted disagreement, with both sides cited', async () => {
    const a = await compare();
    assertVerbatim(a);
    const toll = cited(a, /killed/i);
    expect(toll?.map((c) => c.source).sort()).toEqual(['a_ledger.md', 'b_herald.md']);
    expect(a.disagreements!.find((d) => /killed/i.test(d.topic))!.topic).toMatch(/“at least 12” vs “31” — different figures that can both be true/);

    const aid = cited(a, /aid/i);
    expect(aid?.map((c) => c.source).sort()).toEqual(['a_ledger.md', 'b_herald.md']);
    expect(a.disagreements!.find((d) => /aid/i.test(d.topic))!.topic).toMatch(/cannot both be true/);

    const denial = cited(a, /denial/i);
    expect(denial?.some((c) => c.quote.includes('denied the Valley Times report'))).toBe(true);
    expect(denial?.some((c) => c.quote.includes('The Valley Times reported'))).toBe(true);
    expect(a.disagreements!.find((d) => /denial/i.test(d.topic))!.topic).toMatch(/Ana Lopez/);

    const hedge = cited(a, /hedged/i);
    expect(hedge?.map((c) => c.source).sort()).toEqual(['a_ledger.md', 'c_times.md']);
    expect(all(a)).toMatch(/Firm — Daily Ledger/);
    expect(all(a)).toMatch(/Hedged — Valley Times/);
  });

  it('never pits an article against its own syndicated copy, and lists the copy once', async () => {
    const a = await compare();
    for (const d of a.disagreements!) {
      const sources = new Set(d.sides.flatMap((s) => s.citations).map((n) => a.citations.find((c) => c.n === n)!.source));
      expect(sources.has('a_ledger.md') && sources.has('d_syndicated.md')).toBe(false);
    }
    const dupLines = all(a).split('\n').filter((l) => /repeats \d+% of/.test(l));
    expect(dupLines).toHaveLength(1);
    expect(dupLines[0]).toMatch(/repetition, not corroboration/);
  });

  it('narrows to a topic, and says when the topic is absent', async () => {
    const a = await compare('aid pledge');
    expect(a.disagreements!.map((d) => d.topic).join('\n')).toMatch(/aid/i);
    expect(a.disagreements!.some((d) => /killed/i.test(d.topic))).toBe(false);
    const none = await compare('stock market');
    expect(none.answered).toBe(false);
    expect(none.blocks[0]!.text).toMatch(/don't discuss/);
  });

  it('handles hostile topics: markdown is stripped, mentions alone are refused, over-long input is refused', async () => {
    const md = await compare('**aid** pledge <@123456789012345678>');
    expect(md.title).not.toMatch(/\*\*|<@/);
    expect(md.disagreements!.some((d) => /aid/i.test(d.topic))).toBe(true);
    // A topic that is only a mention is no topic: the whole comparison, never an echoed ping.
    const ping = await compare('@everyone');
    expect(ping.title).toBe('Where the articles differ');
    expect(JSON.stringify(ping)).not.toMatch(/@everyone/);
    await expect(compare('x'.repeat(5000))).rejects.toSatisfy(isBadInputError);
  });
});
