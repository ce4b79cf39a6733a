/**
 * "Who did the trust sue?" — "Pellam Services", then "what did they say back?": the name the short answer gave is what the
 * follow-up's pronoun likeliest means, before the names the question wrote (issue #12, follow-ups), on two stories this
 * project wrote: a hospital trust and a school board, each suing a firm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const STORIES: Record<string, string> = {
  '01_harwick-herald.txt': `Thursday, 4 June 2026

Hospital trust takes cleaning firm to court

By Lea Brandt

The Harwick hospital trust has sued the cleaning firm Pellam Services after an outbreak on two wards.

The Harwick hospital trust said the firm skipped night shifts on dozens of wards.

Pellam Services said it "regrets the outbreak but rejects the claims" and blamed a shortage of cleaners.
`,
  '02_tarsen-news.txt': `Tuesday, 9 June 2026

School board takes bus firm to court

By Tomas Ek

The Tarsen school board has sued the bus operator Brightway Coaches after a winter of missed school runs.

The Tarsen school board said the operator left pupils waiting in the snow on dozens of mornings.

Brightway Coaches said it "regrets the delays but rejects the claims" and blamed a shortage of drivers.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(STORIES));
}, 120_000);
afterAll(() => cleanupTempDirs());

describe('a follow-up pronoun means the name the last answer gave first', () => {
  it('"what did they say back?" after "who did the harwick hospital trust sue?" quotes the firm sued', async () => {
    const first = await runCommand(deps, { command: 'ask', text: 'who did the harwick hospital trust sue?', session: 's-1' });
    expect(first.short?.text).toContain('Pellam Services');
    const a = await runCommand(deps, { command: 'ask', text: 'what did they say back?', session: 's-1' });
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.quote).toContain('rejects the claims');
  });

  it('"what did they say back?" after "who did the tarsen school board sue?" quotes the bus operator', async () => {
    const first = await runCommand(deps, { command: 'ask', text: 'who did the tarsen school board sue?', session: 's-2' });
    expect(first.short?.text).toContain('Brightway Coaches');
    const a = await runCommand(deps, { command: 'ask', text: 'what did they say back?', session: 's-2' });
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.quote).toContain('regrets the delays');
  });
});
