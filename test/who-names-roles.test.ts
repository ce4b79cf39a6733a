/**
 * /who on names and roles as news prints them (issue #11): a middle initial that spells a
 * short word ("Maria T. Oduya") stays inside the name; a role after a possessive
 * ("Lukas Brenner, Norway's deputy transport minister,") and a bare role whose noun is a
 * kind of person the lexicon does not list ("beekeeper of …", WordNet) describe the name;
 * an apposition's head decides its kind ("the chief executive of the shipping group
 * Norvik" is a person's); "the 600-year-old chapel" is no one's age; a surname as written
 * with a first name of the same initial finds the one person so named. Articles written
 * for this test (an invented harbour town).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { entityIndexOf, lookupEntity, who } from '../src/engines/who.js';
import type { Answer } from '../src/types.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';

const CORPUS = {
  'a-tunnel.md': `---
title: Harbour tunnel to reopen
date: 2025-05-06
outlet: Coast Ledger
---
Traffic through the port will recover within weeks, said Maria T. Oduya, a senior analyst at the Harbour Institute.

Lukas Brenner, Norway's deputy transport minister, said the tunnel would reopen in June.

Once Ilse Varga, beekeeper of the Old Mill Society, got inside, she found the hives intact.

Halvor Dunne is the chief executive of the shipping group Norvik, which owns four ferries.

Jonatan Eklund, a harbour pilot, guided the first ferry out.
`,
  'b-chapel.md': `---
title: Chapel spared by the fire
date: 2025-05-07
outlet: Coast Ledger
---
Mayor Petra Lund praised the crews who fought the fire through the night on the quay.

Firefighters saved the 600-year-old chapel beside the quay, she said.
`,
};

let deps: Deps;
const ask = (name: string): Promise<Answer> => who(deps, name);

beforeAll(async () => {
  deps = await depsFor(writeCorpus(CORPUS));
});
afterAll(async () => {
  await deps.store.close();
  cleanupTempDirs();
});

describe('/who: names and roles as printed', () => {
  it.each([
    // [query, name shown, kind, words its description holds]
    ['maria oduya', 'Maria T. Oduya', 'person', 'senior analyst'],
    ['lukas brenner', 'Lukas Brenner', 'person', "Norway's deputy transport minister"],
    ['ilse varga', 'Ilse Varga', 'person', 'beekeeper of the Old Mill Society'],
    ['halvor dunne', 'Halvor Dunne', 'person', 'chief executive of the shipping group Norvik'],
  ])('%s → %s (%s): %s', async (query, name, kind, words) => {
    const a = await ask(query);
    expect(a.answered).toBe(true);
    expect(a.entity).toMatchObject({ name, kind });
    expect(a.entity!.description).toContain(words);
  });

  it('ties no age beyond a lifetime to a person', async () => {
    const a = await ask('petra lund');
    expect(a.answered).toBe(true);
    expect(JSON.stringify(a)).not.toContain('600-year-old');
    expect(lookupEntity(entityIndexOf(deps), 'the 600-year-old').matches).toEqual([]);
  });

  it.each([
    // [typed, found]: the surname as written, a first name with the same initial
    ['johan eklund', 'Jonatan Eklund'],
    ['jon eklund', 'Jonatan Eklund'],
  ])('%s → %s (not an exact match)', (typed, found) => {
    const l = lookupEntity(entityIndexOf(deps), typed);
    expect(l.matches.map((e) => e.name)).toEqual([found]);
    expect(l.exact).toBe(false);
  });

  it.each(['maria eklund', 'eklund jonatan x', 'peter oduya'])('does not guess for %s', (typed) => {
    expect(lookupEntity(entityIndexOf(deps), typed).matches).toEqual([]);
  });
});
