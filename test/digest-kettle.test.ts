/**
 * QA's kettle-recall corpus: a story the figure lexicon knows nothing about. Key figures
 * must still find the story's own counts (kettles recalled, burn reports, the refund), group
 * the same quantity across wordings and sources, and show where the sources disagree —
 * figures and a denied allegation — with who says so and when, cited verbatim.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../src/engines/digest.js';
import { digestFigures } from '../src/analysis/digest-figures.js';
import { parseArticle } from '../src/corpus/load.js';
import type { Answer } from '../src/types.js';
import { KETTLE, makeDeps, removeDir, tempDir, writeArticle } from './digest-fixtures.js';

const section = (a: Answer, heading: string) => a.sections!.find((s) => s.heading.startsWith(heading));

describe('digest on an unrelated corpus (a kettle recall)', () => {
  let dir: string;
  let a: Answer;
  beforeAll(async () => {
    dir = tempDir();
    for (const [name, text] of Object.entries(KETTLE)) writeArticle(dir, name, text, new Date('2026-03-18T12:00:00Z'));
    a = await digest(await makeDeps(dir), { chartDir: null });
  });
  afterAll(() => removeDir(dir));

  it('key figures: the recalled kettles and the burn reports, each grouped across sources, with who and when', () => {
    const f = section(a, 'Key figures')!.text;
    const lines = f.split('\n');
    const kettles = lines.find((l) => /kettles recalled/i.test(l));
    expect(kettles, f).toBeDefined();
    expect(kettles).toMatch(/about 40,000 electric kettles \([^)]*per The Riverton Ledger\) \[\d+\]/);
    expect(kettles).toMatch(/42,000 kettles \(last week, as of 16 Mar 2026; per Consumer advocates\) \[\d+\]/);
    expect(kettles).toMatch(/ vs /);
    const burns = lines.find((l) => /23 reports of burns/.test(l));
    expect(burns, f).toBeDefined();
    expect(burns).toMatch(/23 reports of burns \(14 Mar 2026; per the company\) \[\d+\] vs 31 burn injuries \(16 Mar 2026; per The Consumer Safety Board\) \[\d+\]/);
    expect(f).toMatch(/£35 refund per kettle/);
    expect(f).not.toMatch(/&pound;/);
    // The story's own figures come before the background headcount.
    expect(lines.findIndex((l) => /1,200 people/.test(l))).toBeGreaterThan(lines.indexOf(kettles!));
    // No model numbers, dates or years read as counts.
    expect(f).not.toMatch(/\b2 model|\b2026 |June 2025/);
  });

  it('where the sources disagree: 40,000 vs 42,000 kettles, 23 vs 31 burns, and the denied delay — each side cited', () => {
    const d = section(a, 'Where the sources disagree')!;
    expect(d, a.sections!.map((s) => s.heading).join(', ')).toBeDefined();
    const lines = d.text.split('\n');
    const kettle = lines.find((l) => /40,000/.test(l) && /42,000/.test(l));
    expect(kettle).toMatch(/The Riverton Ledger \(2026-03-14\): about 40,000 electric kettles \[\d+\] — vs — valleywire\.example \(2026-03-16\): 42,000 kettles \(per Consumer advocates\) \[\d+\]/);
    expect(lines.find((l) => /\b23\b/.test(l) && /\b31\b/.test(l))).toMatch(/The Riverton Ledger \(2026-03-14\): 23 reports of burns \(per the company\) \[\d+\] — vs — valleywire\.example \(2026-03-16\): 31 burn injuries \(per the Consumer Safety Board\) \[\d+\]/);
    const denial = lines.find((l) => /allegation and its denial/.test(l));
    expect(denial).toMatch(/^• An allegation and its denial by Priya Raman: Alleged — valleywire\.example \(2026-03-16\): “Consumer advocates said Riverton Appliances knew about the.* \[\d+\] — vs — Denied — valleywire\.example \(2026-03-16\): “Priya Raman, the chief executive, denied that/);
    const denialQuotes = a.disagreements!.find((x) => /allegation/.test(x.topic))!.sides.map((x) => a.citations.find((c) => c.n === x.citations[0])!.quote);
    expect(denialQuotes).toEqual([expect.stringContaining('knew about the faulty lids for months'), 'Priya Raman, the chief executive, denied that the company delayed the recall.']);
    // Shown text reads entities as characters; the quote keeps the article's bytes.
    expect(section(a, 'Where the story stands')!.text).not.toMatch(/&pound;/);
    expect(a.disagreements!.every((x) => x.sides.length === 2 && x.sides.every((s) => s.citations.length === 1))).toBe(true);
  });

  it('every quote is verbatim in its file, every marker resolves', () => {
    for (const c of a.citations) {
      const raw = readFileSync(path.join(dir, c.source), 'utf8');
      for (const part of c.quote.split(' … ')) expect(raw.includes(part), `[${c.n}] ${part}`).toBe(true);
    }
    const ns = new Set(a.citations.map((c) => c.n));
    for (const s of a.sections!) for (const m of s.text.matchAll(/\[(\d+)\]/g)) {
      expect(ns.has(Number(m[1]))).toBe(true);
      expect(s.citations).toContain(Number(m[1]));
    }
  });
});

describe('digest figures of any noun', () => {
  const figs = (text: string, date = '2024-05-10') =>
    digestFigures(parseArticle('t.md', `---\ntitle: Test\ndate: ${date}\n---\n${text}\n`), date).map((f) => [f.key, f.display, f.noun, f.verb ?? null]);

  it('counts any plural noun, with the verb before it; "reports of X" counts X', () => {
    expect(figs('The firm recalled about 40,000 electric kettles on Tuesday.')).toEqual([['count:kettle', 'about 40,000', 'electric kettles', 'recall']]);
    expect(figs('The company said it had received 23 reports of burns, including two serious ones.')).toEqual([['count:burn', '23', 'reports of burns', 'receiv']]);
    expect(figs('The maker shipped 1,500 units to stores in the region before the fault was found.')).toEqual([['count:unit', '1,500', 'units', 'ship']]);
  });

  it('percentages and entity-written money; not spans, model numbers or years', () => {
    expect(figs('Sales of the kettle fell 12 percent in the quarter after the recall, the company said.').map((f) => [f[0], f[1]])).toEqual([['percent:sale', '12%']]);
    expect(figs('The refund is &pound;35 per kettle, the company said.').map((f) => [f[0], f[1], f[2]])).toEqual([['money:refund', '£35', 'refund per kettle']]);
    expect(figs('The KettlePro 2 model was sold for 3 years from June 2025 across 12 weeks.')).toEqual([]);
  });
});

describe('digest on a third corpus (mill job cuts): actions kept apart, the denial paired with its accusation', () => {
  const MILL: Record<string, string> = {
    'a.md': `---\ntitle: Northfield mill to cut jobs\ndate: 2025-02-03\noutlet: Northfield Times\n---\nNorthfield Mills said on Monday it would cut 450 jobs at its riverside plant, about 30 percent of its workforce.\n\nThe company hired 120 workers last year when demand rose, chief executive Tom Reyes said.\n\nUnion leaders said the company had shipped 2,000 tonnes of paper abroad in January.\n`,
    'b.md': `---\ntitle: Union disputes mill job cuts\ndate: 2025-02-05\noutlet: Valley Post\n---\nThe union said Northfield Mills plans to cut 600 jobs, not the 450 the company announced.\n\nUnion leaders accused the company of moving production overseas, which the company denied.\n\nTom Reyes, the chief executive, denied that the mill was moving production to Poland. Sales fell 12 percent last year, he said.\n`,
  };
  let dir: string;
  let a: Answer;
  beforeAll(async () => {
    dir = tempDir();
    for (const [name, text] of Object.entries(MILL)) writeArticle(dir, name, text, new Date('2025-02-05T12:00:00Z'));
    a = await digest(await makeDeps(dir), { chartDir: null });
  });
  afterAll(() => removeDir(dir));

  it('450 vs 600 jobs cut is a disagreement; hired workers and percentages stay separate', () => {
    const f = section(a, 'Key figures')!.text;
    expect(f).toMatch(/Jobs cut: 450 jobs \([^)]*per Northfield Mills\) \[\d+\] vs 600 jobs \(5 Feb 2025; per the union\) \[\d+\]/);
    expect(f).toMatch(/120 workers \(.*per Tom Reyes\)/);
    expect(f).toMatch(/about 30% of workforce/);
    expect(f).toMatch(/2,000 tonnes of paper \(January; per Union leaders\)/);
    const d = section(a, 'Where the sources disagree')!.text;
    expect(d).toMatch(/Jobs: “450” vs “600” — figures that cannot both be true: Northfield Times \(2025-02-03\): 450 jobs \(per Northfield Mills\) \[\d+\] — vs — Valley Post \(2025-02-05\): 600 jobs \(per the union\) \[\d+\]/);
    expect(d).toMatch(/An allegation and its denial by Tom Reyes: Alleged — Valley Post \(2025-02-05\): .* \[\d+\] — vs — Denied — Valley Post \(2025-02-05\): “Tom Reyes, the chief executive, denied that/);
    const quotes = a.disagreements!.find((x) => /allegation/.test(x.topic))!.sides.map((x) => a.citations.find((c) => c.n === x.citations[0])!.quote);
    expect(quotes[0]).toContain('Union leaders accused the company of moving production overseas, which the company denied.');
    expect(quotes[1]).toBe('Tom Reyes, the chief executive, denied that the mill was moving production to Poland.');
  });
});
