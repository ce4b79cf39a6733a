/**
 * Counts take time into account (issue #12, part 4), on a story this project wrote: a figure
 * named by the one it updates ("That number has since grown to about 1,100") counts what that
 * one counted and is later than it; a question in the present or present perfect is answered by
 * the latest figure, the earlier one beside it ("up from 300 firefighters in June"); a question
 * with a date by the figure of that date; reports of one day that differ stand side by side; a
 * part is not the total asked. The digest's key figures state the same latest value, and /verify
 * reads the update as a count of the same thing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { analysisOf } from '../src/analysis/index.js';
import { digest } from '../src/engines/digest.js';
import { runCommand } from '../src/engines/index.js';
import { verify } from '../src/engines/verify.js';
import type { Answer } from '../src/types.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const RIDGE: Record<string, string> = {
  '01_ridge-gazette.md': `---
title: Wildfire drives thousands from Marrow Ridge
date: 2031-06-12
outlet: Ridge Gazette
---
A wildfire on Marrow Ridge forced 2,400 evacuees from their homes on Thursday, the fire service said.

A total of 46 trucks were destroyed, including 12 fire trucks, officials said.

Fire chief Anna Brekke said the wind had turned twice during the afternoon.
`,
  '02_coast-courier.md': `---
title: Villages below the ridge empty as the fire spreads
date: 2031-06-12
outlet: Coast Courier
---
About 2,100 evacuees left the villages below Marrow Ridge on Thursday, the county said.

Schools in Lunde were turned into shelters for the night.
`,
  '03_hill-times.md': `---
title: A month on, the Marrow Ridge fire still burns
date: 2031-07-08
outlet: Hill Times
---
The regional government first sent firefighters to Marrow Ridge in June, starting with 300 firefighters from the coast. That number has since grown to about 1,100, and more crews are expected.

The count of damaged farms reached 75 by the weekend, the county said.

By Tuesday, 5,000 evacuees were in shelters, the county said.
`,
  '04_valley-notes.txt': `Water from the air over Marrow Ridge

On Monday, some 20 helicopters were dropping water on the ridge.

With some 35 helicopters now in the air, the fire on the eastern slope is slowing.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(RIDGE));
}, 120_000);
afterAll(async () => {
  await deps?.store.close();
  cleanupTempDirs();
});

const ask = (text: string) => runCommand(deps, { command: 'ask', text });

/** Every piece of the short answer is verbatim in the quote of the citation it marks. */
function expectShortVerbatim(a: Answer): void {
  const parts = a.short!.text.split(/\[(\d+)\]/);
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const piece = parts[i]!.replace(/^[\s,;:]+|[\s,;:]+$/g, '').replace(/^(?:vs|up from|down from|in|on)\s+/, '');
    const quote = a.citations.find((c) => c.n === Number(parts[i + 1]))!.quote;
    expect(quote.replace(/\s+/g, ' ')).toContain(piece);
  }
  expect(a.blocks[0]!.text.startsWith(a.short!.text)).toBe(true);
}

describe('a figure named by the one it updates', () => {
  it('"That number has since grown to about 1,100" counts the firefighters before it, and is later', () => {
    const facts = analysisOf(deps).figureFacts.figures;
    const before = facts.find((f) => f.text === '300')!;
    const after = facts.find((f) => f.text === 'about 1,100')!;
    expect(before).toMatchObject({ kind: 'count', noun: 'firefighters' });
    expect(after).toMatchObject({ kind: 'count', noun: 'firefighters', head: 'firefighter', refersTo: before.id, later: true });
    // "The count of damaged farms reached 75": the anaphor names its own noun; it takes nothing from the firefighters.
    const farms = facts.find((f) => f.text === '75')!;
    expect(farms.refersTo).toBeUndefined();
    expect(farms.noun).not.toBe('firefighters');
  });
});

describe('the time a question asks', () => {
  it('present perfect: the latest figure, the one it updates beside it with its date', async () => {
    const a = await ask('How many firefighters has the government sent?');
    expect(a.answered).toBe(true);
    expect(a.short?.text).toMatch(/^about 1,100 \[(\d+)\], up from 300 firefighters \[\1\] in June \[\1\]$/);
    expectShortVerbatim(a);
    // The quote says what the later figure counts: the sentence it speaks of is quoted with it.
    expect(a.citations[0]!.quote).toMatch(/300 firefighters[\s\S]*about 1,100/);
  });

  it('past tense, no time named, of a figure the articles later update: the latest leads, the first beside it', async () => {
    const a = await ask('How many firefighters did the government send?');
    expect(a.answered).toBe(true);
    expect(a.short?.text).toMatch(/^about 1,100 \[(\d+)\], up from 300 firefighters \[\1\] in June \[\1\]$/);
    expectShortVerbatim(a);
  });

  it('"now": the latest figure of what is counted, across articles', async () => {
    const a = await ask('How many evacuees are there now?');
    expect(a.short?.text).toMatch(/^5,000 evacuees \[\d+\], up from (?:About )?2,[14]00 evacuees \[\d+\]/);
    expectShortVerbatim(a);
  });

  it('a stated month: the figure of that month', async () => {
    const a = await ask('How many firefighters were sent in June?');
    expect(a.short?.text).toMatch(/^300 firefighters \[\d+\]/);
    expectShortVerbatim(a);
  });

  it('a stated day: reports of that day that differ stand side by side', async () => {
    const a = await ask('How many evacuees left on Thursday?');
    expect(a.short?.text).toMatch(/^(?:2,400 evacuees \[\d+\] vs About 2,100 evacuees|About 2,100 evacuees \[\d+\] vs 2,400 evacuees) \[\d+\]$/);
    expectShortVerbatim(a);
  });
});

describe('an article with no date of its own', () => {
  it('a figure told "now" is later than one it dates "on Monday", and the two are no rival reports', async () => {
    const now = await ask('How many helicopters are there now?');
    expect(now.short?.text).toMatch(/^some 35 helicopters \[(\d+)\], up from some 20 helicopters \[(\d+)\] on Monday \[\2\]$/);
    expectShortVerbatim(now);
    const asked = await ask('How many helicopters were dropping water?');
    expect(asked.short?.text).not.toMatch(/ vs /);
  });
});

describe('a part beside its total', () => {
  it('"46 trucks …, including 12 fire trucks": how many trucks is the total', async () => {
    const a = await ask('How many trucks were destroyed?');
    expect(a.short?.text).toMatch(/^46 trucks \[\d+\]/);
  });
});

describe("one fact, one answer: the digest's key figures", () => {
  it('the latest value a key figure reaches is what /ask answers for now, the earlier one beside it', async () => {
    const d = await digest(deps, { chartDir: null });
    const lines = d.blocks.find((b) => /^Key figures/.test(b.heading ?? ''))!.text.split('\n');
    expect(lines.find((l) => /^• Firefighters/.test(l))).toMatch(/300 firefighters[^\n]*→[^\n]*about 1,100 firefighters \(since then/);
    expect(lines.find((l) => /^• Evacuees/.test(l))).toMatch(/→ 5,000 evacuees/);
    expect((await ask('How many firefighters are there now?')).short?.text).toMatch(/^about 1,100 \[\d+\], up from 300 firefighters/);
    expect((await ask('How many evacuees have there been so far?')).short?.text).toMatch(/^5,000 evacuees \[/);
  }, 60_000);

  it('/verify reads the update as a count of the same thing', () => {
    expect(verify(deps, 'The regional government has sent about 1,100 firefighters to Marrow Ridge').verdict).not.toBe('contradicted');
    const wrong = verify(deps, 'The regional government has sent 2,000 firefighters to Marrow Ridge');
    expect(wrong.verdict).toBe('contradicted');
    expect(wrong.blocks.map((b) => b.text).join('\n')).toMatch(/about 1,100/);
  }, 60_000);
});
