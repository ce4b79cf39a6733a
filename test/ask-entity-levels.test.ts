/**
 * Where the entities of an element are named or referred to (retrieve.ts `entityLevels`) is read for the bound of each
 * candidate paragraph and for the estimate that picks the best MAX_DERIVED derived paragraphs; it depends on the analysis
 * and the set of entities alone, so it is kept per analysis for the sets recently asked about. Questions asked one after
 * another — a topic noun describing every official ("the harbour chief"), then single officials of sets of the same size —
 * must retrieve the windows each retrieves in modules loaded afresh, where nothing was kept.
 *
 * The corpus is written here (invented names and events): each article names one harbour official and refers back to him.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { officialName, surname } from './helpers/officials.js';

function corpus(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const answer = i === Math.floor(n / 2) ? `\n\nThe dispute over the dredging plan began on March 4, when the harbour board halted work at the north quay.\n` : '';
    files[`${String(i).padStart(4, '0')}_ledger.md`] = `---
title: Harbour talks resume in Kellport
date: 2031-05-${String((i % 27) + 1).padStart(2, '0')}
outlet: Kellport Ledger
---
By ${officialName((i + 5) % n)}

Harbour Authority chief ${officialName(i)} met shipping firms in Kellport on Monday.

${surname(i)} said the talks about berths would continue next week.

He added that the crews at the quay were ready to work.

The talks are expected to last several days, officials said.${answer}`;
  }
  return files;
}

const QUESTIONS = [
  'When did the dispute over the harbour dredging plan begin?',
  `What did ${officialName(3)} say about the berths?`,
  `What did ${officialName(7)} say about the berths?`,
  `Who did ${officialName(11)} meet in Kellport?`,
  'When did the dispute over the harbour dredging plan begin?',
  `What did ${officialName(3)} say about the berths?`,
];

async function freshModules() {
  vi.resetModules();
  const { depsFor } = await import('./helpers/corpus-fixtures.js');
  const { parseQuestion } = await import('../src/evidence/question.js');
  const { retrieve, retrieveStats } = await import('../src/evidence/retrieve.js');
  return { depsFor, parseQuestion, retrieve, retrieveStats };
}

afterAll(() => cleanupTempDirs());

describe('entityLevelAt: where a set of entities is named or referred to', () => {
  it('equals a pass over every mention and reference, for sets asked one after another', async () => {
    const m = await freshModules();
    const { entityLevelAt } = await import('../src/evidence/retrieve.js');
    const { analysisOf } = await import('../src/analysis/index.js');
    const deps = await m.depsFor(writeCorpus(corpus(60)));
    const { entities, references } = analysisOf(deps);
    const idOf = (name: string) => entities.entities.find((e) => e.name === name)!.id;
    const officials = entities.entities.filter((e) => e.kind === 'person').map((e) => e.id);
    const sets = [new Set(officials), new Set([idOf(officialName(3))]), new Set([idOf(officialName(7))]), new Set([idOf(officialName(3)), idOf(officialName(7))]), new Set([idOf(officialName(3))])];
    let bylines = 0;
    for (const ids of sets) {
      const want = new Map<string, number>();
      for (const r of references) if (ids.has(r.entity)) want.set(r.sentenceId.slice(0, r.sentenceId.lastIndexOf(':')), 1);
      for (const e of entities.entities) {
        if (!ids.has(e.id)) continue;
        for (const x of e.mentions) {
          // A byline's mention is in no paragraph.
          if (x.sentence.paragraph < 0) bylines++;
          else want.set(`${x.sentence.articleId}:p${x.sentence.paragraph}`, 2);
        }
      }
      const at = entityLevelAt(deps, ids);
      // Every paragraph, and the key a byline's mention is numbered by ("<article>:p-1"), which derives a candidate too.
      for (const a of deps.corpus.articles) {
        for (const key of [...a.paragraphs.map((p) => `${a.id}:p${p.index}`), `${a.id}:p-1`]) expect(at(key), key).toBe(want.get(key) ?? 0);
      }
    }
    // The corpus names officials in bylines, and refers to them.
    expect(bylines).toBeGreaterThan(0);
    expect(references.length).toBeGreaterThan(0);
  }, 300_000);
});

describe('retrieve(): where a set of entities is named, kept per analysis', () => {
  it('gives each question the windows a first reading gives, whatever was asked before', async () => {
    const dir = writeCorpus(corpus(300));
    const windows = (m: Awaited<ReturnType<typeof freshModules>>, deps: Awaited<ReturnType<typeof m.depsFor>>, text: string) =>
      m.retrieve(deps, m.parseQuestion(deps, text)).windows.map((w) => `${w.sentence.id} ${w.score}`);
    // Each question on its own, in modules loaded afresh.
    const cold: string[][] = [];
    for (const text of QUESTIONS) {
      const m = await freshModules();
      cold.push(windows(m, await m.depsFor(dir), text));
    }
    // One after another, in one set of modules.
    const m = await freshModules();
    const deps = await m.depsFor(dir);
    const capped = m.retrieveStats.capped;
    const warm = QUESTIONS.map((text) => windows(m, deps, text));
    expect(warm).toEqual(cold);
    // The topic question derives more than MAX_DERIVED paragraphs (the estimate reads the levels too), and finds the answer.
    expect(m.retrieveStats.capped - capped).toBe(2);
    expect(cold[0]![0]).toMatch(/^0150_ledger\.md:p4:s0 /);
    // Each official's question leads with his own article.
    expect(cold[1]![0]).toMatch(/^0003_ledger\.md:/);
    expect(cold[2]![0]).toMatch(/^0007_ledger\.md:/);
  }, 300_000);
});
