/**
 * /verify matches a claim by its slots (issue #12, item 5): its subject, its figure, the role a person holds, and
 * judges a value there as the same (supported) or incompatible (contradicted) though the rest is worded otherwise.
 * A project-written story; every case failed before the slots were read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import type { Answer } from '../src/types.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';

const ARTICLES: Record<string, string> = {
  'a_ridge.md': `---
title: Search for lost climbers on Vessa Ridge
outlet: Highland Courier
date: 2031-05-12
---

The Petrel rescue pod was thought to carry enough heating fuel on board to last 40 hours, the mountain service said.

Guide Anton Brask stayed with the four climbers from the day they entered the gorge on May 3 until they were found eight days later by mountain rescuers.

Lena Varga, minister of Fisheries and Coastal Affairs, said at a news conference in Kora on Wednesday that the search would go on.

The climbers' backpacks had been found on the ridge below the summit, the police said.

The park authority had initially demanded $712 million in damages from the tour company, a figure the company contested.

The park authority claimed damages from the tour company in a court in Kora, and the two sides later settled.
`,
  'b_valley.md': `---
title: Park authority seeks damages after ridge rescue
outlet: Valley Gazette
date: 2031-05-20
---

The park authority seized the tour company's buses as it sought damages of more than $700 million.

Governor Ilse Moran travelled to the northern province of Tessin on Friday to support the families of the climbers.

The rescue cost the mountain service about 2 million euros, its director said.

Alpcare chief executive Jonas Weil said the pod had been checked before the climb.

Austrian rescue contractor Alpcare sent two helicopters to the ridge on Thursday.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await depsFor(writeCorpus(ARTICLES, 'dispatch-verify-slots-'));
});
afterAll(async () => {
  await deps?.store.close();
  cleanupTempDirs();
});

const verify = (claim: string) => runCommand(deps, { command: 'verify', text: claim }) as Promise<Answer>;
const text = (a: Answer) => a.blocks.map((b) => `${b.heading ?? ''}\n${b.text}`).join('\n');

describe('a figure anchors the claim: the same subject and figure, the rest worded otherwise', () => {
  it('the same value supports it ("had 40 hours of fuel when it set off" / "enough fuel on board to last 40 hours")', async () => {
    const a = await verify('The Petrel had 40 hours of heating fuel when it set off');
    expect(a.verdict, text(a)).toBe('supported');
    expect(a.citations.some((c) => c.quote.includes('to last 40 hours'))).toBe(true);
  });

  it("but the claim's main verb must be the sentence's: what happened to the figure is the claim", async () => {
    const a = await verify('The Petrel burned 40 hours of heating fuel');
    expect(a.verdict, text(a)).not.toBe('supported');
  });

  it('another value of the same quantity contradicts it ("found three days after" / "found eight days later")', async () => {
    const a = await verify('The climbers were found three days after they went missing');
    expect(a.verdict, text(a)).toBe('contradicted');
    expect(a.citations.some((c) => c.quote.includes('eight days later'))).toBe(true);
    expect(text(a)).toContain("the quote gives 'eight days");
  });

  it('an open bound ("more than $700 million") that an exact figure meets ("$712 million") does not soften a conflict with it', async () => {
    const a = await verify('The park authority claimed $2.5 billion in damages');
    expect(a.verdict, text(a)).toBe('contradicted');
    expect(text(a)).toContain('$712 million');
  });
});

describe("a person's role is one slot", () => {
  it("the same office word with other portfolio words contradicts it", async () => {
    const a = await verify("Lena Varga is Norway's transport minister");
    expect(a.verdict, text(a)).toBe('contradicted');
    expect(text(a)).toMatch(/minister of Fisheries/);
  });

  it("the article's own portfolio words support it", async () => {
    const a = await verify('Lena Varga is the fisheries minister');
    expect(a.verdict, text(a)).toBe('supported');
  });
});

describe('who heads a company, and its nationality, are slots of the names the articles describe', () => {
  it('"X runs Y, a Swiss company": the apposition is a part of its own; one part supported, one contradicted', async () => {
    const a = await verify('Jonas Weil runs Alpcare, a Swiss company');
    expect(a.verdict, text(a)).toBe('partly supported');
    expect((a.meta as { parts: { verdict: string }[] }).parts.map((p) => p.verdict)).toEqual(['supported', 'contradicted']);
    expect(text(a)).toContain('Alpcare chief executive Jonas Weil');
    expect(text(a)).toMatch(/Austrian, not Swiss/);
  });

  it('the nationality the articles give supports it', async () => {
    expect((await verify('Alpcare is an Austrian company')).verdict).toBe('supported');
  });
});

describe('synonyms read from either word, never to place a contradiction', () => {
  it('"recovered" is supported by "found", and a compound claim with one part unaddressed is partly supported', async () => {
    expect((await verify("The climbers' backpacks were recovered")).verdict).toBe('supported');
    const a = await verify("The climbers' backpacks were recovered and have been handed to their families in Kora");
    expect(a.verdict, text(a)).toBe('partly supported');
    expect((a.meta as { parts: { verdict: string }[] }).parts.map((p) => p.verdict)).toEqual(['supported', 'not addressed']);
  });

  it('words matched only by a rare sense ("held" ~ "support", "home" ~ "family") do not make another place a contradiction', async () => {
    const a = await verify("The guide's funeral was held in his home province of Lenz");
    expect(a.verdict, text(a)).toBe('not addressed');
  });
});

describe('a role the articles give only as held once', () => {
  let deps: Deps;
  beforeAll(async () => {
    const dir = writeCorpus({
      '001_a.txt': 'Airline sale talks stall\n\nFormer Kestrel Air chief executive Mara Holm said on Monday the airline should be sold to a rival. Kestrel Air is now run by Joss Orrin, who took over in March. The carrier flies 40 routes from Velmore.',
      '002_b.txt': 'Kestrel Air board meets\n\nThe board of Kestrel Air met on Tuesday. Joss Orrin, the chief executive, said no sale was planned.',
    });
    deps = await depsFor(dir);
  }, 120_000);
  afterAll(() => cleanupTempDirs());
  const verdict = async (claim: string) => ((await runCommand(deps, { command: 'verify', text: claim })) as Answer & { verdict: string }).verdict;

  it('contradicts a claim that she holds it now, supports one that she held it', async () => {
    expect(await verdict('Mara Holm runs Kestrel Air')).toBe('contradicted');
    expect(await verdict('Mara Holm is the chief executive of Kestrel Air')).toBe('contradicted');
    expect(await verdict('Mara Holm used to run Kestrel Air')).toBe('supported');
    expect(await verdict('Joss Orrin runs Kestrel Air')).toBe('supported');
  }, 60_000);
});
