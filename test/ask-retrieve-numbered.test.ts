/**
 * retrieve() (src/evidence/retrieve.ts), past MAX_DERIVED paragraphs naming or referring to the entities asked about,
 * ranks them by the question's words their text holds. It reads the search index's postings by number
 * (`SearchIndex.numbered`): each paragraph's number once, kept with the index's view, then each word's passages as
 * numbers — not one passage-id test per paragraph and word (`holding`), which cost ~400 ms of a question at 10,000
 * articles. The choice must be exactly the one the per-passage test makes.
 *
 * The corpus is written here (invented names and events): each article names one harbour official (its own entity)
 * and refers back to him; one article states when the dispute over the dredging plan began.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';
import { officialName, surname } from './helpers/officials.js';
import { parseQuestion } from '../src/evidence/question.js';
import { elementsOf, retrieve, retrieveStats, type Retriever } from '../src/evidence/retrieve.js';
import { analysisOf } from '../src/analysis/index.js';
import type { Deps } from '../src/deps.js';
import type { NumberedPostings, SearchIndex } from '../src/index/search.js';


function article(i: number, n: number): string {
  const name = officialName(i);
  const day = (i % 27) + 1;
  // Some articles hold the question's words, so the ranking has something to tell apart.
  const words = i % 7 === 0 ? ' The dredging plan was discussed.' : i % 5 === 0 ? ' The dispute was not raised.' : '';
  const answer = i === Math.floor(n / 2) ? `\n\nThe dispute over the dredging plan began on March 4, when the harbour board halted work at the north quay.\n` : '';
  return `---
title: Harbour talks resume in Kellport
date: 2031-05-${String(day).padStart(2, '0')}
outlet: Kellport Ledger
---
Harbour Authority chief ${name} met shipping firms in Kellport on Monday.${words}

${surname(i)} said the talks about berths would continue next week.

He added that the crews at the quay were ready to work.

The talks are expected to last several days, officials said.${answer}`;
}

function corpus(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`${String(i).padStart(4, '0')}_ledger.md`] = article(i, n);
  return files;
}

const QUESTION = 'When did the dispute over the harbour dredging plan begin?';

/** The index with its numbered postings counted (`numberOf` calls), and its per-passage test counted. */
function counted(index: SearchIndex, opts: { numbered: boolean }) {
  const calls = { numberOf: 0, holding: 0 };
  const views = new WeakMap<NumberedPostings, NumberedPostings>();
  const wrapped = new Proxy(index, {
    get(target, prop) {
      if (prop === 'numbered') {
        if (!opts.numbered) return undefined;
        return () => {
          const view = target.numbered?.();
          if (!view) return undefined;
          let w = views.get(view);
          if (!w) {
            w = { numberOf: (id) => (calls.numberOf++, view.numberOf(id)), holding: (t) => view.holding(t), passageIdOf: (n) => view.passageIdOf(n) };
            views.set(view, w);
          }
          return w;
        };
      }
      if (prop === 'holding') {
        return (term: string) => {
          const holds = target.holding?.(term);
          return holds && ((id: string) => (calls.holding++, holds(id)));
        };
      }
      return Reflect.get(target, prop, target);
    },
  });
  return { index: wrapped, calls };
}

const view = (r: Retriever) => r.windows.map((w) => `${w.sentence.id} ${w.score}`);

describe('retrieve(): the capped paragraphs ranked from the index postings by number', () => {
  afterAll(cleanupTempDirs);

  it('picks exactly what the per-passage test picks, testing no passage id per word, and numbers each paragraph once', async () => {
    const deps = await depsFor(writeCorpus(corpus(300)));
    const q = parseQuestion(deps, QUESTION);
    const elements = elementsOf(deps, q);
    const byNumber = counted(deps.index, { numbered: true });
    const byTest = counted(deps.index, { numbered: false });
    const withNumbers: Deps = { ...deps, index: byNumber.index as Deps['index'] };
    const withTests: Deps = { ...deps, index: byTest.index as Deps['index'] };

    const before = retrieveStats.capped;
    const got = retrieve(withNumbers, q, elements);
    expect(retrieveStats.capped - before).toBe(1);
    const want = retrieve(withTests, q, elements);
    // The same windows, scores and order.
    expect(view(got)).toEqual(view(want));
    expect(got.windows[0]!.sentence.text).toMatch(/dispute over the dredging plan began on March 4/);
    // The per-passage test ran for every derived paragraph and word on one path, never on the other.
    expect(byTest.calls.holding).toBeGreaterThan(400);
    expect(byNumber.calls.holding).toBe(0);
    // Each derived paragraph was numbered once; asked again, none is looked up again.
    const first = byNumber.calls.numberOf;
    expect(first).toBeGreaterThan(400);
    const again = retrieve(withNumbers, q, elements);
    expect(byNumber.calls.numberOf).toBe(first);
    expect(view(again)).toEqual(view(got));
  }, 300_000);

  it('an article added to the index gives a new numbered view, and the same choice as the per-passage test', async () => {
    const deps = await depsFor(writeCorpus(corpus(300)));
    const q = parseQuestion(deps, QUESTION);
    const elements = elementsOf(deps, q);
    const old = deps.index.numbered?.();
    expect(old).toBeDefined();
    expect(deps.index.numbered?.()).toBe(old);
    retrieve(deps, q, elements);
    // Re-adding an article gives its passages new numbers in the index: what was read by the old view must not be used.
    const a = deps.corpus.articles[150]!;
    const number = old!.numberOf(a.paragraphs[0]!.id);
    (deps.index as unknown as { add(a: unknown): void }).add(a);
    const fresh = deps.index.numbered?.();
    expect(fresh).not.toBe(old);
    expect(fresh!.numberOf(a.paragraphs[0]!.id)).not.toBe(number);
    const byTest = counted(deps.index, { numbered: false });
    // The first search after a change scores a dirty index (MiniSearch drops the discarded passages from the postings it
    // reads, and the next search counts fewer): both readings below run after it.
    retrieve(deps, q, elements);
    const got = retrieve(deps, q, elements);
    const want = retrieve({ ...deps, index: byTest.index as Deps['index'] }, q, elements);
    expect(view(got)).toEqual(view(want));
  }, 300_000);

  it('a sentence referring to an entity is supported by the first reference there, as the references list it', async () => {
    const deps = await depsFor(writeCorpus(corpus(24)));
    const analysis = analysisOf(deps);
    // A reference in a sentence that does not name its entity ("He added that …").
    const ref = analysis.references.find((x) => {
      const e = analysis.entities.entities.find((y) => y.id === x.entity);
      return e?.kind === 'person' && !e.mentions.some((m) => m.sentence.id === x.sentenceId);
    })!;
    expect(ref).toBeDefined();
    const official = analysis.entities.entities.find((e) => e.id === ref.entity)!;
    const a = deps.corpus.byId.get(ref.articleId)!;
    const q = parseQuestion(deps, `What did ${official.name} add?`);
    const r = retrieve(deps, q);
    const element = r.elements.find((e) => e.entityIds?.has(official.id))!;
    expect(element).toBeDefined();
    const s = a.sentences.find((x) => x.id === ref.sentenceId)!;
    const first = analysis.references.filter((x) => x.sentenceId === s.id && element.entityIds!.has(x.entity))[0]!;
    expect(r.windowAt(a, s).support.get(element.id)).toMatchObject({ via: 'reference', at: first.start, sentence: s });
  }, 120_000);
});
