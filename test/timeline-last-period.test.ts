/**
 * An undated article that tells an event of "last month" or "last week", where another article dates that event,
 * was written in the period after it ("the Velda bridge collapse last month": the month after the day the bridge
 * fell). Its days the period does not settle get the month every reading falls in, never a day picked among
 * several; "at a 2016 hearing" is a year. Articles written for this test (an invented bridge and ferry; a data
 * centre fire).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import type { Deps } from '../src/deps.js';
import type { Answer } from '../src/types.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';

const CORPUS = {
  'a-bridge.txt': `Velda river bridge falls

Published March 10, 2022

The Velda river bridge collapsed on March 10, 2022, cutting the ferry route between Orrin and Pell.

Divers searched the river for two lorries.
`,
  'b-ferry.txt': `Ferry route stays shut

The Velda river bridge collapse last month cut the ferry route between Orrin and Pell for good.

The harbour board voted on Friday to sell the ferry.

At a 2016 hearing, the harbour master warned that the bridge piers were cracked.
`,
  'e-datacentre.txt': `Payments down after data centre fire

Published May 17, 2024

A fire at the Harlow data centre knocked out card payment systems across the region on May 17, 2024.
`,
  'f-inquiry.txt': `Regulator opens inquiry

The regulator opened an inquiry after the Harlow data centre fire last week knocked out card payment systems across the region.

The minister announced the inquiry on Tuesday.

The fire, which began Thursday night, took two days to put out.
`,
};

const datesOf = (a: Answer, words: string) => a.events!.filter((e) => e.text.includes(words)).map((e) => e.date);

describe('an undated article that calls a dated event "last month" or "last week"', () => {
  let deps: Deps;
  let answer: Answer;
  beforeAll(async () => {
    deps = await depsFor(writeCorpus(CORPUS));
    answer = await runCommand(deps, { command: 'timeline' });
  });
  afterAll(() => cleanupTempDirs());

  it('was written in the month after the event: its "last month" is that month, its Friday in the next', () => {
    // March 2022 is "last month": written in April 2022, whose every Friday is in April (the 1st is one).
    expect(datesOf(answer, 'The Velda river bridge collapse last month')).toEqual(['2022-03']);
    expect(datesOf(answer, 'The harbour board voted')).toEqual(['2022-04']);
    expect(answer.notes?.join(' ')).toMatch(/b-ferry\.txt carries no date, but it tells of "last month"/);
  });

  it('gives days the week after the event leaves open their month, not a day among several', () => {
    // Written 19–26 May 2024: "Tuesday" is 14 or 21 May, "Thursday" 16 or 23 May.
    expect(datesOf(answer, 'The minister announced the inquiry')).toEqual(['2024-05']);
    expect(datesOf(answer, 'The fire, which began Thursday night')).toEqual(['2024-05']);
  });

  it('reads a year after "a" as a date', () => {
    expect(datesOf(answer, 'At a 2016 hearing')).toEqual(['2016']);
  });
});
