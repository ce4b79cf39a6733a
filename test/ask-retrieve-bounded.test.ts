/**
 * retrieve() (src/evidence/retrieve.ts) reads candidate paragraphs best bound first and stops once a paragraph's bound
 * is below the limit-th best window read: the windows it returns must be exactly those of a reading of every candidate.
 * The bound is read without tokenising a sentence, so the corpus (invented names and events) holds what it must count:
 * a word written only inside a hyphenated word ("dredging-plan"), support from a neighbouring one-sentence paragraph,
 * references ("he") to an official a topic noun describes, and many windows of equal score.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';
import { officialName, surname } from './helpers/officials.js';
import { parseQuestion } from '../src/evidence/question.js';
import { elementsOf, retrieve, retrieveStats, type Window } from '../src/evidence/retrieve.js';
import type { Deps } from '../src/deps.js';


/** Articles of five kinds, so windows score in a few tiers with many ties. */
function corpus(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const name = officialName(i);
    const last = surname(i);
    const body = [
      `Harbour Authority chief ${name} met shipping firms in Kellport on Monday.`,
      `${last} said the talks about berths would continue next week.`,
    ];
    switch (i % 5) {
      case 0:
        // The plan written only as a hyphenated word: "dredging" and "plan" are its parts (the index holds them too).
        body.push(`The dispute over the harbour dredging-plan began in March, ${last} said.`);
        break;
      case 1:
        // The dispute in one paragraph, when it began in the next one-sentence paragraph: a neighbour supports it.
        body.push('The dispute over the dredging plan has split the port board.', 'It began after the spring storms, officials said.');
        break;
      case 2:
        body.push('He said the dredging plan would be put to a vote in June.');
        break;
      case 3:
        body.push('He added that the crews at the quay were ready to work.');
        break;
      default:
        body.push('The dispute over the dredging plan began on March 4, when the harbour board halted work.');
    }
    files[`${String(i).padStart(4, '0')}_ledger.md`] = `---
title: Harbour talks resume in Kellport
date: 2031-05-${String((i % 27) + 1).padStart(2, '0')}
outlet: Kellport Ledger
---
${body.join('\n\n')}
`;
  }
  return files;
}

const QUESTIONS = [
  'When did the dispute over the harbour dredging plan begin?',
  'What did the harbour chief say about the dredging plan?',
  'Who halted work at the harbour?',
];

const shape = (ws: Window[]) => ws.map((w) => ({ id: w.sentence.id, score: w.score, sentences: w.sentences.map((s) => s.id), support: [...w.support] }));

describe('retrieve(): candidate paragraphs read best bound first', () => {
  afterAll(cleanupTempDirs);
  let deps: Deps;

  it('returns the windows of a reading of every candidate paragraph, and leaves paragraphs unread', async () => {
    // 80 articles: the search's 40 hits hold paragraphs of every kind (at 160 the two strongest kinds fill them all).
    deps = await depsFor(writeCorpus(corpus(80)));
    for (const question of QUESTIONS) {
      const q = parseQuestion(deps, question);
      const elements = elementsOf(deps, q);
      // No limit: every candidate paragraph is read (the limit-th best score is never reached).
      const start = retrieveStats.paragraphs;
      const every = retrieve(deps, q, elements, 1_000_000);
      const all = retrieveStats.paragraphs - start;
      // The limits include those where the last window kept is one the bound must count a hyphenated word's part or a
      // neighbouring paragraph for: a bound that missed them would leave that window unread.
      const text = (w: Window) => w.sentences.map((s) => s.text).join(' ');
      const ranks = [/dredging-plan began in March/, /split the port board\. It began after the spring storms/].map((re) => every.windows.findIndex((w) => re.test(text(w))));
      if (question === QUESTIONS[0]) expect(ranks.every((r) => r >= 0)).toBe(true);
      for (const limit of [60, 12, 1, ...ranks.filter((r) => r >= 0).map((r) => r + 1)]) {
        const before = { ...retrieveStats };
        const got = retrieve(deps, q, elements, limit);
        expect(shape(got.windows), `${question} (limit ${limit})`).toEqual(shape(every.windows.slice(0, limit)));
        if (limit <= 12) {
          expect(retrieveStats.bounded - before.bounded, `${question} (limit ${limit})`).toBeGreaterThan(0);
          expect(retrieveStats.paragraphs - before.paragraphs).toBeLessThan(all);
        }
      }
    }
  }, 300_000);
});
