/**
 * Regressions from QA on /who, on a small corpus written to a temp folder (a
 * product recall: nothing from the seed story). Only the actor of a sentence
 * "did" it; appositions and roles describe a person before an age does; typo
 * tolerance is consistent (a doubled or swapped letter is one edit); "the
 * 58-year-old" finds the person the article ties it to; lower-case titles
 * ("Chief executive", "spokeswoman for X") are roles; company cues make an
 * organisation.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { editsAllowed, entityIndexOf, lookupEntity, who } from '../src/engines/who.js';
import { isMainSubject } from '../src/analysis/facts.js';
import { typoDistance as distance } from '../src/language/edit-distance.js';
import { createStore } from '../src/store/index.js';

const CORPUS: Record<string, string> = {
  'a-recall.md': `---
title: Brightloom recalls 40,000 kettles
date: 2024-06-12
outlet: Home Wire
---
Chief executive Dana Okafor said the recall would cost the company about 3 million pounds.

The 58-year-old said the fault had been found by an engineer in Ardley.

Brightloom, the kettle maker, stopped production at its plant in Ardley on Monday.

"We acted as soon as we knew," said Ines Marlow, spokeswoman for Brightloom.

Consumer minister Lena Voss rejected a claim that Okafor had hidden the fault.

She ordered an inquiry into the testing of small appliances.

Halvard, a furniture retailer, said its stores would take back the kettles.

Tomas Reyes, chief financial officer at Halvard, declined to comment.

Okafor, 58, has led the firm since 2019, and Okafor approved the recall on Friday.
`,
  'b-followup.md': `---
title: Kettle recall widens
date: 2024-06-14
outlet: Ardley Echo
---
Okafor told staff that the recall would be finished by July.

The retailer Halvard reported long queues at its returns desks.

Sunmesh Ltd, which makes the heating element, said its parts met every standard.

A spokeswoman for Kestrel Foods, Ada Lindgren, said its kettles were not affected.

Chief operating officer Mei Sato said on Monday that 40 staff were affected.

Omar Haddad, chief executive of Norvik, said the merger was off.

Norvik shares fell 8 percent after the announcement.
`,
};

let dir: string;
let deps: Deps;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dispatch-who-qa-'));
  for (const [name, text] of Object.entries(CORPUS)) writeFileSync(path.join(dir, name), text);
  const config = loadConfig({ SEEDS_DIR: dir, DATA_DIR: path.join(dir, '.data'), LOG_LEVEL: 'silent' }, process.cwd());
  deps = await buildDeps(config, { store: createStore({ kind: 'memory' }), persistIndex: false, llm: null });
});
afterAll(async () => {
  await deps.store.close();
  rmSync(dir, { recursive: true, force: true });
});

const section = (a: Awaited<ReturnType<typeof who>>, heading: string) => a.blocks.find((b) => b.heading === heading)?.text ?? '';

describe('/who QA regressions', () => {
  it('lists only sentences where the entity is the actor under "What they did"', async () => {
    const ok = await who(deps, 'Dana Okafor');
    const did = section(ok, 'What they did');
    expect(did).toContain('approved the recall');
    expect(did).not.toContain('rejected a claim'); // Voss's act, Okafor is in its object
    const voss = await who(deps, 'Lena Voss');
    expect(section(voss, 'What they did')).toContain('rejected a claim');
    // "She ordered an inquiry": the pronoun stands for the person the previous sentence made its subject.
    expect(section(voss, 'What they did')).toContain('She ordered an inquiry');
  });

  it('tells the main subject from a name in an object or subordinate clause', () => {
    const subj = (t: string, name: string) => isMainSubject(t, t.indexOf(name));
    expect(subj('Minister Lena Voss rejected a claim that Okafor had hidden the fault.', 'Okafor')).toBe(false);
    expect(subj('Minister Lena Voss rejected a claim that Okafor had hidden the fault.', 'Lena')).toBe(true);
    expect(subj('On Tuesday afternoon, Okafor approved the recall.', 'Okafor')).toBe(true);
    expect(subj('When asked about the fault, Okafor declined to answer.', 'Okafor')).toBe(true);
    expect(subj('When Okafor arrived, the staff cheered.', 'Okafor')).toBe(false);
    expect(subj('Even if Halvard wanted to help, it could not.', 'Halvard')).toBe(false);
    expect(subj('Okafor, 58, has led the firm, and Okafor approved the recall.', 'Okafor approved')).toBe(true);
    expect(subj('“We acted,” Okafor insisted.', 'Okafor')).toBe(true);
  });

  it('describes a person by role or apposition before an age, keeping the age as an alias', async () => {
    const ok = await who(deps, 'Okafor');
    expect(ok.entity!.description).toMatch(/Chief executive/);
    expect(ok.blocks[0]!.text).toMatch(/Chief executive/);
    expect(ok.entity!.aliases).toContain('the 58-year-old');
    const marlow = await who(deps, 'Ines Marlow');
    expect(marlow.entity!.description).toMatch(/spokeswoman for Brightloom/);
    const reyes = await who(deps, 'Reyes');
    expect(reyes.entity!.description).toMatch(/chief financial officer at Halvard/);
  });

  it('resolves a descriptive reference the article ties to a name', async () => {
    const a = await who(deps, 'the 58-year-old');
    expect(a.answered).toBe(true);
    expect(a.entity!.name).toBe('Dana Okafor');
  });

  it('treats a doubled or swapped letter as one edit, consistently', async () => {
    expect(distance('madurro', 'maduro', 2)).toBe(1);
    expect(distance('maudro', 'maduro', 2)).toBe(1);
    expect(distance('pezkov', 'peskov', 2)).toBe(1);
    expect(editsAllowed('okafor')).toBe(2);
    expect(editsAllowed('reys')).toBe(1);
    expect(editsAllowed('voz')).toBe(0);
    const index = entityIndexOf(deps);
    for (const typo of ['Okaffor', 'Okafro', 'Oakfor', 'Okafr', 'Dana Okafro']) {
      const l = lookupEntity(index, typo);
      expect(l.matches[0]?.name, typo).toBe('Dana Okafor');
      expect(l.exact).toBe(false);
    }
    for (const typo of ['Marlwo', 'Marllow', 'Brightlom', 'Brihgtloom']) expect(lookupEntity(index, typo).matches.length, typo).toBeGreaterThan(0);
    const miss = await who(deps, 'Zzyzx');
    expect(miss.answered).toBe(false);
  });

  it('makes companies organisations from general cues (maker, retailer, Ltd, the company)', () => {
    const kind = (n: string) => lookupEntity(entityIndexOf(deps), n).matches[0]?.kind;
    expect(kind('Brightloom')).toBe('organization');
    expect(kind('Halvard')).toBe('organization');
    expect(kind('Sunmesh Ltd')).toBe('organization');
    expect(kind('Dana Okafor')).toBe('person');
    // "chief executive of Norvik", "Norvik shares", "a spokeswoman for Kestrel Foods".
    expect(kind('Norvik')).toBe('organization');
    expect(kind('Kestrel Foods')).toBe('organization');
  });

  it('reads lower-case titles and "a spokeswoman for X, Name" as roles', async () => {
    expect((await who(deps, 'Ada Lindgren')).entity!.description).toBe('Ada Lindgren, a spokeswoman for Kestrel Foods');
    expect((await who(deps, 'Mei Sato')).entity!.description).toBe('Mei Sato, Chief operating officer');
    expect((await who(deps, 'Omar Haddad')).entity!.description).toBe('Omar Haddad, chief executive of Norvik');
  });
});
