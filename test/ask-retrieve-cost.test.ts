/**
 * retrieve() (src/evidence/retrieve.ts) reads the windows where the entities a question names are
 * named or referred to. A topic noun written in many entities' titles ("harbour" in every port
 * official's "Harbour Authority chief") matches all of them: past MAX_DERIVED such paragraphs only
 * the best are read, so the work of one question does not grow with how many entities a word matches.
 *
 * The corpus is written here (invented names and events): each article names one harbour official
 * (its own entity) and refers back to him; one article states when the dispute over the dredging plan began.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';
import { officialName, surname } from './helpers/officials.js';
import { parseQuestion } from '../src/evidence/question.js';
import { elementsOf, MAX_DERIVED, retrieve, retrieveStats, type Window } from '../src/evidence/retrieve.js';
import { analysisOf } from '../src/analysis/index.js';
import type { Deps } from '../src/deps.js';


function corpus(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const name = officialName(i);
    const last = surname(i);
    const day = (i % 27) + 1;
    const answer =
      i === Math.floor(n / 2)
        ? `\n\nThe dispute over the dredging plan began on March 4, when the harbour board halted work at the north quay.\n`
        : '';
    files[`${String(i).padStart(4, '0')}_ledger.md`] = `---
title: Harbour talks resume in Kellport
date: 2031-05-${String(day).padStart(2, '0')}
outlet: Kellport Ledger
---
Harbour Authority chief ${name} met shipping firms in Kellport on Monday.

${last} said the talks about berths would continue next week.

He added that the crews at the quay were ready to work.

The talks are expected to last several days, officials said.${answer}`;
  }
  return files;
}

const QUESTION = 'When did the dispute over the harbour dredging plan begin?';

/** Every window a full reading scores: the search's hits, and every paragraph where the question's entities are named or referred to. */
function referenceWindows(deps: Deps): Window[] {
  const q = parseQuestion(deps, QUESTION);
  const elements = elementsOf(deps, q);
  const r = retrieve(deps, q, elements, 1_000_000);
  const analysis = analysisOf(deps);
  const wanted = new Set(elements.flatMap((e) => [...(e.entityIds ?? []), ...(e.described ?? [])]));
  // Paragraph → its search score (a window's score counts a hundredth of it), 0 when the search did not find it.
  const paragraphs = new Map<string, number>();
  const query = [...new Set(elements.flatMap((e) => [...e.keys].filter(([, w]) => w >= 0.3).map(([k]) => k)))].join(' ');
  for (const h of deps.index.search(query, { limit: 40 })) paragraphs.set(h.id, h.score);
  const add = (pid: string) => paragraphs.has(pid) || paragraphs.set(pid, 0);
  for (const e of analysis.entities.entities) if (wanted.has(e.id)) for (const m of e.mentions) add(`${m.sentence.articleId}:p${m.sentence.paragraph}`);
  for (const ref of analysis.references) if (wanted.has(ref.entity)) add(ref.sentenceId.replace(/:s\d+$/, ''));
  const out: Window[] = [];
  for (const [pid, hit] of paragraphs) {
    const p = deps.index.passage(pid)!;
    const article = deps.corpus.byId.get(p.articleId)!;
    for (const s of p.sentences) {
      const w = r.windowAt(article, s);
      if (w.score > 0) out.push({ ...w, score: w.score + hit * 0.01 });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

const key = (w: Window) => w.sentence.id;

describe('retrieve(): a word many entities hold', () => {
  afterAll(cleanupTempDirs);

  it('reads every paragraph of a small corpus: the same windows as a full reading', async () => {
    const deps = await depsFor(writeCorpus(corpus(12)));
    const q = parseQuestion(deps, QUESTION);
    const elements = elementsOf(deps, q);
    const harbour = elements.find((e) => e.label === 'harbour');
    expect(harbour?.described?.size).toBeGreaterThanOrEqual(10);
    const got = retrieve(deps, q, elements);
    const want = referenceWindows(deps);
    // The same windows, the same scores (ties may fall in another order only among equal scores).
    expect(got.windows.map((w) => w.score)).toEqual(want.slice(0, got.windows.length).map((w) => w.score));
    expect(new Set(got.windows.map(key))).toEqual(new Set(want.slice(0, got.windows.length).map(key)));
    expect(got.windows[0]!.sentence.text).toMatch(/dispute over the dredging plan began on March 4/);
  }, 120_000);

  it('past MAX_DERIVED paragraphs, reads a bounded number of windows and keeps the best', async () => {
    const deps = await depsFor(writeCorpus(corpus(300)));
    const q = parseQuestion(deps, QUESTION);
    const elements = elementsOf(deps, q);
    const harbour = elements.find((e) => e.label === 'harbour');
    // Every official is described by "harbour": the word matches one entity per article.
    expect(harbour?.described?.size).toBeGreaterThan(100);
    const before = { ...retrieveStats };
    const got = retrieve(deps, q, elements);
    const paragraphsRead = retrieveStats.paragraphs - before.paragraphs;
    const windowsRead = retrieveStats.windows - before.windows;
    expect(retrieveStats.capped - before.capped).toBe(1);
    // The hits (40), the best MAX_DERIVED of the paragraphs naming or referring to an official, nothing more:
    // a full reading is every paragraph of the corpus that names or refers to one (over 600 here).
    expect(paragraphsRead).toBeLessThanOrEqual(40 + MAX_DERIVED);
    const want = referenceWindows(deps);
    expect(windowsRead).toBeLessThan(want.length);
    // The window that answers is the best of both readings, and the best windows agree.
    expect(got.windows[0]!.sentence.text).toMatch(/dispute over the dredging plan began on March 4/);
    expect(key(got.windows[0]!)).toBe(key(want[0]!));
    expect(got.windows.slice(0, 5).map((w) => w.score)).toEqual(want.slice(0, 5).map((w) => w.score));
  }, 300_000);
});
