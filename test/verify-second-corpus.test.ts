/**
 * A second unrelated corpus (a rail merger), written inside the test, so the
 * rules are exercised on vocabulary that shares nothing with the seeds or the
 * flood corpus: money, percentages, dates, a denial, a hedge, a speaker.
 * Written before running the engine on it: the first run got 9 of 14 verdicts
 * and part of /compare; the misses led to generic fixes (counts of nouns the
 * figure lexicon lacks, a claim restating a denial, close rival figures,
 * short firm statements, names not counted as what a denial is about).
 */
import { writeCorpus, depsFor, cleanupTempDirs } from './helpers/corpus-fixtures.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { runCommand } from '../src/engines/index.js';
import type { Answer } from '../src/types.js';

const ARTICLES: Record<string, string> = {
  'a_times.md': `---
title: Halvard Energy to buy Orion Rail
outlet: Meridian Times
date: 2025-03-04
---

Halvard Energy agreed to buy Orion Rail for $2.3 billion, the companies said on Monday.

The Meridian Times reported that about 500 jobs would be cut after the merger.

Orion Rail shares rose 8 percent after the announcement.

Regulators approved the deal on March 3.
`,
  'b_post.md': `---
title: Orion Rail deal draws union anger
outlet: Strait Post
date: 2025-03-05
---

Halvard Energy will pay $2.1 billion for Orion Rail, a person familiar with the talks said.

Halvard's chief executive Rosa Delgado denied the Meridian Times report that about 500 jobs would be cut. "No jobs will be cut," she said.

Regulators reportedly approved the deal on March 3.
`,
  'c_wire.md': `---
title: What the Orion Rail deal means for Aldmouth
outlet: Northern Wire
date: 2025-03-05
---

Orion Rail employs 3,000 people at its depots in Aldmouth.

Unions said they would strike if any jobs were cut.

The merged company will run 40 freight lines across the region, Delgado said.
`,
};

let dir: string;
let deps: Deps;

beforeAll(async () => {
  dir = writeCorpus(ARTICLES, 'dispatch-merger-');
  deps = await depsFor(dir);
});
afterAll(async () => {
  await deps?.store.close();
  cleanupTempDirs();
});

const all = (a: Answer) => a.blocks.map((b) => `${b.heading ?? ''}\n${b.text}`).join('\n');
function assertVerbatim(a: Answer) {
  for (const c of a.citations) expect(isVerbatim(deps.corpus.byId.get(c.source)!.raw, c.quote), c.quote).toBe(true);
}

describe('/verify on a second unrelated corpus', () => {
  it.each([
    ['Halvard Energy agreed to buy Orion Rail for $3 billion', 'contradicted'],
    ['Halvard Energy agreed to buy Orion Rail for $2.3 billion', 'partly supported'],
    ['Orion Rail shares rose 12 percent', 'contradicted'],
    ['Orion Rail shares rose 8 percent', 'supported'],
    ['Regulators approved the deal on March 5', 'contradicted'],
    ['Regulators approved the deal on March 3', 'supported'],
    ['About 500 jobs will be cut after the merger', 'partly supported'],
    ['Rosa Delgado said no jobs will be cut', 'supported'],
    ['Delgado said the merged company will run 40 freight lines', 'supported'],
    ['Delgado said the merged company will run 60 freight lines', 'contradicted'],
    ['Orion Rail employs 3,000 people', 'supported'],
    ['Orion Rail employs 10,000 people', 'contradicted'],
    ['Halvard Energy was fined by regulators', 'not addressed'],
    ['The Aldmouth football club was sold', 'not addressed'],
  ] as const)('%s → %s', async (claim, verdict) => {
    const a = await runCommand(deps, { command: 'verify', text: claim });
    expect(a.verdict, all(a)).toBe(verdict);
    assertVerbatim(a);
  });
});

describe('/compare on a second unrelated corpus', () => {
  it('finds the price difference, the denied report and the hedged approval', async () => {
    const a = await runCommand(deps, { command: 'compare' });
    assertVerbatim(a);
    const topics = a.disagreements!.map((d) => d.topic).join('\n');
    expect(topics).toMatch(/(“\$2\.3 billion” vs “\$2\.1 billion”|“\$2\.1 billion” vs “\$2\.3 billion”) — figures that cannot both be true/);
    expect(topics).toMatch(/denial by Rosa Delgado/);
    const text = all(a);
    expect(text).toMatch(/Reported — Meridian Times .*500 jobs/);
    expect(text).toMatch(/Firm — Meridian Times .*Regulators approved the deal/);
    expect(text).toMatch(/Hedged — Strait Post .*reportedly approved/);
    expect(text).not.toMatch(/Near-duplicates/);
  });
});
