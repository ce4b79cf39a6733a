/**
 * A follow-up that asks on about what the last question asked ("was that all because of …?", "why?") is answered
 * where the article goes on from the sentence that answered it (issue #12, follow-ups), on two stories this project
 * wrote: a rail stoppage and a flooded bakery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';
import { shortAndBlocks } from './helpers/story.js';

const STORIES: Record<string, string> = {
  '01_rail-times.txt': `Tuesday, 3 March 2026

Storm halts trains across Dunmore

By Lea Brandt

A storm brought down power lines across the Dunmore region on Monday, and rail operator Northline cancelled hundreds of trains.

At Dunmore Central, the disruption eased on Tuesday, station manager Ivo Petrak said.

Out of roughly 400 trains at Dunmore Central on Monday, 96 were cancelled. Some of those cancellations could have been caused by other problems, such as staff shortages, Petrak said.

The storm caused most of the cancellations across the region, Northline said, and the storm also closed two roads.

Ivo Petrak, the station manager who kept the station open overnight, was moved to a post at the Northline head office in Kessby, the operator said on Wednesday.
`,
  '02_valley-post.txt': `Friday, 12 June 2026

Flooded bakery slow to reopen on Mill Street

By Tomas Ek

Most shops on Mill Street reopened on Monday after the flood, but the Rosen bakery stayed shut until Thursday.

Owner Clara Rosen said the ovens had to be dried and tested first, because the water reached them. The inspectors came only on Wednesday, she said.

The council paid for sandbags in Mill Street and in the harbour.

Other shops on Mill Street were slower to reopen last year, because the river flooded their cellars, the council said.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(STORIES));
}, 120_000);
afterAll(() => cleanupTempDirs());

const text = shortAndBlocks;

describe('a follow-up about the same thing is answered where the article goes on', () => {
  it('"was that all because of the storm?" after a count is the next sentence, on other causes', async () => {
    const first = await runCommand(deps, { command: 'ask', text: 'how many trains were cancelled at dunmore central on monday', session: 'c-1' });
    expect(first.answered).toBe(true);
    expect(first.citations[0]!.quote).toContain('96 were cancelled');
    const a = await runCommand(deps, { command: 'ask', text: 'was that all because of the storm?', session: 'c-1' });
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.quote).toContain('staff shortages');
  });

  it('"why?" after "was the bakery slower to reopen …?" is the reason the article gives next', async () => {
    const first = await runCommand(deps, { command: 'ask', text: 'was the rosen bakery slower to reopen than other shops?', session: 'c-2' });
    expect(first.answered).toBe(true);
    expect(first.citations[0]!.quote).toContain('stayed shut until Thursday');
    const a = await runCommand(deps, { command: 'ask', text: 'why?', session: 'c-2' });
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.quote).toContain('dried and tested');
  });

  it('a stored turn whose cited sentences are garbage (a broken or forged store) still answers the follow-up', async () => {
    await runCommand(deps, { command: 'ask', text: 'how many trains were cancelled at dunmore central on monday', session: 'c-3' });
    const history = (await deps.store.get<Record<string, unknown>[]>('session:c-3'))!;
    history[history.length - 1]!.cited = [':p', 'no-such-article.txt:p9:s9', null, { id: 'x' }, 42];
    await deps.store.set('session:c-3', history);
    const a = await runCommand(deps, { command: 'ask', text: 'was that all because of the storm?', session: 'c-3' });
    expect(a.answered).toBe(true);
    expect(a.citations.length).toBeGreaterThan(0);
    history[history.length - 1]!.cited = 'not a list';
    await deps.store.set('session:c-3', history);
    const b = await runCommand(deps, { command: 'ask', text: 'why?', session: 'c-3' });
    expect(b.command).toBe('ask');
    expect(b.blocks.map((x) => x.text).join(' ')).not.toBe('');
  });
});
