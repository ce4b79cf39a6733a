/**
 * A sentence that tells two days: each day told in a clause of its own is an event of its
 * own ("the barge, which ran aground on Sunday, …, the authority said on Thursday"); two
 * days coordinated in one phrase ("on March 10 and 11") or a day with its date ("Tuesday
 * (March 11)") are one telling, at its first day. Sentences written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import type { Deps } from '../src/deps.js';
import type { Answer } from '../src/types.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';

// Published Friday 14 March 2025.
const ARTICLE = `---
title: Barge refloated at the Vell lock
date: 2025-03-14
---
The barge Merrow Star, which ran aground at the lock gate on Sunday with six crew aboard, was refloated after a long salvage, the port authority said on Thursday.

Divers worked on March 10 and 11 to clear the gate.

The gate was inspected on Tuesday (March 11) by engineers from the port authority.
`;

let deps: Deps;
let answer: Answer;
beforeAll(async () => {
  deps = await depsFor(writeCorpus({ 'a.md': ARTICLE }));
  answer = await runCommand(deps, { command: 'timeline' });
});
afterAll(async () => {
  await deps.store.close();
  cleanupTempDirs();
});

describe('the days one sentence tells', () => {
  it.each([
    // [words of the sentence, the dates its events have]
    ['which ran aground at the lock gate on Sunday', ['2025-03-09', '2025-03-13']],
    ['Divers worked on March 10 and 11', ['2025-03-10']],
    ['inspected on Tuesday (March 11)', ['2025-03-11']],
  ])('%s → %j', (words, dates) => {
    expect(answer.events!.filter((e) => e.text.includes(words)).map((e) => e.date)).toEqual(dates);
  });
});
