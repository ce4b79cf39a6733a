/**
 * "What happened to him after?": a pronoun that can only mean a person carries the person it means, not the places
 * the last turn named, which would rank sentences about the place above those about the person (issue #12,
 * follow-ups), on two stories this project wrote: a reservoir engineer and a ferry captain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';
import { shortAndBlocks } from './helpers/story.js';

const STORIES: Record<string, string> = {
  '01_harlow-courier.txt': `Monday, 9 March 2026

Harlow flood: engineer kept the spill gates shut

By Lea Brandt

Engineer Petra Vance kept the spill gates of the Harlow reservoir shut on Sunday while the river rose, officials in Harlow said.

Vance told Harlow officials that opening the gates would flood farms below the Harlow dam.

The Harlow council defended Vance in a statement and said Harlow would rebuild.

Petra Vance was given another post at the regional water board while inspectors look into the decision.
`,
  '02_coast-daily.txt': `Friday, 12 June 2026

Ferry runs aground off Skerrin

By Tomas Ek

Captain Anton Broek steered the ferry Maren onto the rocks off Skerrin on Thursday night, the shipping authority said.

Broek radioed the Skerrin harbour at once, and the lifeboat crew from Skerrin brought 40 passengers ashore.

Skerrin residents praised Broek and said the Skerrin pier would stay closed for a week.

Anton Broek was suspended from duty by the ferry company pending an inquiry.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(STORIES));
}, 120_000);
afterAll(() => cleanupTempDirs());

const text = shortAndBlocks;

describe('a person pronoun carries the person, not the places of the last turn', () => {
  it('"what happened to her after?" after "who kept the spill gates shut?" tells of the engineer', async () => {
    const first = await runCommand(deps, { command: 'ask', text: 'who kept the spill gates of the harlow reservoir shut?', session: 'p-1' });
    expect(first.answered).toBe(true);
    expect(text(first)).toContain('Petra Vance');
    const a = await runCommand(deps, { command: 'ask', text: 'what happened to her after?', session: 'p-1' });
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.quote).toContain('another post at the regional water board');
  });

  it('"what happened to him then?" after "who steered the ferry onto the rocks?" tells of the captain', async () => {
    const first = await runCommand(deps, { command: 'ask', text: 'who steered the ferry onto the rocks off skerrin?', session: 'p-2' });
    expect(first.answered).toBe(true);
    expect(text(first)).toContain('Anton Broek');
    const a = await runCommand(deps, { command: 'ask', text: 'what happened to him then?', session: 'p-2' });
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.quote).toContain('suspended from duty');
  });
});
