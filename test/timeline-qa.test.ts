/**
 * Regressions from QA on /timeline, on a small corpus written to a temp folder
 * (nothing from the seed story): a number after a month-day is a quantity, not a
 * year; a role's span ("… director from 2015–2021") is background, not the date of
 * the sentence; an undated article's inferred year is one short note per event and
 * one explanation overall; words filter by sentence, paragraph and entity
 * profile; a blank or punctuation-only filter is no filter.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { timeline } from '../src/engines/timeline.js';
import { findDateMentions } from '../src/index/dates.js';
import { createStore } from '../src/store/index.js';
import type { Answer, TimelineEvent } from '../src/types.js';

const CORPUS: Record<string, string> = {
  'a-harbour.md': `---
title: Backlog grows at Velmont harbour
date: 2024-05-10
outlet: Velmont Courier
---
On April 2, 12 ships arrived at the harbour of Velmont at once.

In April, 30 crews signed a petition for more berths.

On 3 March, 40 trucks were turned away at the gate.

Marta Quill, the longtime harbour director for Velmont from 2015–2021, said the backlog was the worst she had seen.

The harbour first opened in April '98.

The icebreaker Nordlys, the fleet's oldest ice-class vessel, reached Velmont on Wednesday after a storm.
`,
  'c-fair.md': `---
title: Book fair opens in Dunmore
date: 2024-05-03
outlet: Dunmore Daily
---
The Dunmore book fair opened on Thursday with 200 stalls.

Organiser Priya Nandakumar said sales in April were the best in a decade.
`,
  'd-market.md': `---
title: Farmers market moves indoors
date: 2024-04-20
outlet: Dunmore Daily
---
The farmers market moved into the old tram depot on Saturday because of the rain.
`,
  'b-undated.txt': `Ships queue outside Velmont

The icebreaker Nordlys reached Velmont harbour on Wednesday after a storm, its captain said.

In March, harbour pilots had warned that the queue would grow.
`,
};

let dir: string;
let deps: Deps;
const find = (a: Answer, words: string): TimelineEvent | undefined => a.events!.find((e) => e.text.includes(words));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dispatch-timeline-qa-'));
  for (const [name, text] of Object.entries(CORPUS)) writeFileSync(path.join(dir, name), text);
  const config = loadConfig({ SEEDS_DIR: dir, DATA_DIR: path.join(dir, '.data'), LOG_LEVEL: 'silent' }, process.cwd());
  deps = await buildDeps(config, { store: createStore({ kind: 'memory' }), persistIndex: false, llm: null });
});
afterAll(async () => {
  await deps.store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('years are four digits (or an explicit apostrophe year)', () => {
  it('reads a number after a month-day or "Month," as a quantity', () => {
    const one = (t: string) => findDateMentions(t).map((m) => ({ text: m.text, kind: m.kind, year: m.year, month: m.month, day: m.day }));
    expect(one('On April 2, 12 ships arrived.')).toEqual([{ text: 'April 2', kind: 'month-day', year: undefined, month: 4, day: 2 }]);
    expect(one('On Oct. 24, 25 ships left.')).toEqual([{ text: 'Oct. 24', kind: 'month-day', year: undefined, month: 10, day: 24 }]);
    expect(one('On 3 March, 40 trucks were turned away.')[0]).toMatchObject({ kind: 'month-day', month: 3, day: 3 });
    expect(one('In April, 30 crews signed.')[0]).toMatchObject({ text: 'April', kind: 'month', month: 4 });
    expect(one('On April 2 12 ships arrived.')[0]).toMatchObject({ kind: 'month-day', month: 4, day: 2 });
    // Four digits and apostrophe years still are years.
    expect(one('On April 2, 2024, it rained.')[0]).toMatchObject({ kind: 'full', year: 2024, month: 4, day: 2 });
    expect(one("On April 2, '24 it rained.")[0]).toMatchObject({ kind: 'full', year: 2024, month: 4, day: 2 });
    expect(one("It opened in April '98.")[0]).toMatchObject({ kind: 'month-year', year: 1998, month: 4 });
    expect(one('On April 24 it rained.')[0]).toMatchObject({ kind: 'month-day', month: 4, day: 24 });
    expect(one('On March 3, 1,200 people fled.')).toEqual([{ text: 'March 3', kind: 'month-day', year: undefined, month: 3, day: 3 }]);
    expect(one('Since March 2020, 12 ships waited.')).toEqual([{ text: 'March 2020', kind: 'month-year', year: 2020, month: 3, day: undefined }]);
    expect(one('On May 5, 2025, 12 ships left.')).toEqual([{ text: 'May 5, 2025', kind: 'full', year: 2025, month: 5, day: 5 }]);
  });

  it('dates those sentences in the article’s own year on a temp corpus', async () => {
    const a = await runCommand(deps, { command: 'timeline' });
    expect(find(a, '12 ships arrived')).toMatchObject({ date: '2024-04-02', precision: 'day' });
    expect(find(a, '30 crews signed')).toMatchObject({ date: '2024-04', precision: 'month' });
    expect(find(a, '40 trucks')).toMatchObject({ date: '2024-03-03', precision: 'day' });
    expect(find(a, "April '98")).toMatchObject({ date: '1998-04', precision: 'month' });
    expect(a.events!.some((e) => e.date?.startsWith('2012') || e.date?.startsWith('2030') || e.date?.startsWith('2040'))).toBe(false);
  });
});

describe('tenure ranges and inferred years', () => {
  it('marks a role’s span as background, not the date of the statement', async () => {
    const a = await runCommand(deps, { command: 'timeline' });
    const quill = find(a, 'Marta Quill')!;
    expect(quill).toMatchObject({ date: '2015', precision: 'year', background: true });
    expect(quill.note).toMatch(/^tenure 2015–2021/);
    // A range that is the event itself ("rose from …") is not a tenure.
    expect(findDateMentions('Prices rose from 2015–2021.')[0]!.tenure).toBeUndefined();
    expect(findDateMentions('In 2019–2020, prices rose.')[0]!.tenure).toBeUndefined();
    expect(findDateMentions('The drought, from 2019–2021, ruined crops.')[0]!.tenure).toBeUndefined();
    expect(findDateMentions('Ana Ruiz, a judge on the court from 1999–2011, disagreed.')[0]!.tenure).toBe(true);
    expect(findDateMentions('She served as mayor from 2010 to 2014.')[0]).toMatchObject({ year: 2010, yearTo: 2014, tenure: true });
  });

  it('says "year inferred" on each event and explains the inference once', async () => {
    const a = await runCommand(deps, { command: 'timeline' });
    // b-undated tells of the icebreaker's Wednesday arrival, which a-harbour (Friday 10 May 2024) puts on 8 May.
    const march = a.events!.find((e) => e.text.includes('harbour pilots'))!;
    expect(march).toMatchObject({ date: '2024-03', precision: 'month', note: 'year inferred' });
    const notes = (a.notes ?? []).filter((n) => n.startsWith('Inferred:'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/b-undated\.txt carries no date/);
    // The arrival itself is dated by the dated article: no inference note on it.
    const arrival = a.events!.filter((e) => e.text.includes('Nordlys'));
    expect(arrival.length).toBe(1);
    expect(arrival[0]).toMatchObject({ date: '2024-05-08' });
    expect(arrival[0]!.note ?? '').not.toMatch(/inferred/);
  });
});

describe('--about', () => {
  it('matches words in the sentence, its paragraph, or an entity’s profile (stemmed, accent-folded)', () => {
    // "the icebreaker Nordlys" is "the fleet's oldest ice-class vessel"; "vessels" finds it through that profile.
    const v = timeline(deps, { about: 'vessels' });
    expect(v.events!.some((e) => e.text.includes('Nordlys'))).toBe(true);
    expect(v.events!.some((e) => e.text.includes('40 trucks'))).toBe(false);
    expect(timeline(deps, { about: 'pétition' }).events!.map((e) => e.date)).toEqual(['2024-04']);
  });

  it('treats a blank or punctuation-only filter as no filter', async () => {
    const total = timeline(deps).events!.length;
    for (const about of ['', '   ', '?!', '—', '"  "']) {
      const a = await runCommand(deps, { command: 'timeline', about });
      expect(a.answered).toBe(true);
      expect(a.events!.length).toBe(total);
      expect(a.title).toMatch(/^Timeline: /);
    }
  });
});

describe('console /timeline options', () => {
  it('accepts about:, from:, to: and page: key forms and passes page on', async () => {
    const { parseConsoleLine } = await import('../src/console/repl.js');
    expect(parseConsoleLine('/timeline about:Quill', 's')).toEqual({ command: 'timeline', session: 's', about: 'Quill' });
    expect(parseConsoleLine('/timeline about: "aircraft carrier" from:2024-03 to:2024-05-01 page:2', 's')).toEqual({
      command: 'timeline', session: 's', about: 'aircraft carrier', from: '2024-03', to: '2024-05-01', page: 2,
    });
    expect(parseConsoleLine('/timeline --about=Quill --page=3', 's')).toEqual({ command: 'timeline', session: 's', about: 'Quill', page: 3 });
    expect(parseConsoleLine('/timeline Quill to:2024', 's')).toEqual({ command: 'timeline', session: 's', about: 'Quill', to: '2024' });
    // "to" as a plain word stays in the topic.
    expect(parseConsoleLine('/timeline ships to Velmont', 's')).toEqual({ command: 'timeline', session: 's', about: 'ships to Velmont' });
    expect(parseConsoleLine('/timeline page:x', 's')).toHaveProperty('error');
    const parsed = parseConsoleLine('/timeline about:Quill page:1', 's') as Parameters<typeof runCommand>[1];
    const a = await runCommand(deps, parsed);
    expect(a.title).toMatch(/^Timeline \(about "Quill"\)/);
    const p2 = await runCommand(deps, parseConsoleLine('/timeline page:2', 's') as Parameters<typeof runCommand>[1]);
    expect(p2.meta).toMatchObject({ page: Math.min(2, p2.meta!.pages as number) });
  });
});
