/**
 * Whom a follow-up's "he" or "she" means (issue #12, follow-ups), and questions the articles
 * answer in other words, on a story this project wrote: "he" after "who is …?" is the person
 * the answer names, not another person the question's noun describes; "she" is never a man;
 * after an answer about someone it does not name ("a harbour pilot died"), "he" is that
 * person, not someone else the conversation met; "which minister is in charge of …" is
 * answered by the minister the articles name, though they never write "in charge"; "where did
 * she speak" by where she said it; "did it lose power" by a blackout, "did anyone get hurt" by
 * the crew being safe. After a "who …" the articles do not answer, "where does he work" has no one to mean: it
 * says so rather than answer about someone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';
import { shortAndBlocks } from './helpers/story.js';

const HARBOUR: Record<string, string> = {
  '01_tide-herald.txt': `Tuesday, 9 June 2026

Cargo ship Marlow runs aground in Kessel harbour

By Ana Ruiz

The cargo ship Marlow ran aground in Kessel harbour on Tuesday after suffering a blackout as it entered the channel, the port authority said.

All 18 crew members are safe, the operator Brightsea Lines said.

Omar Haddad, director of Kessel General Hospital, said the hospital was ready to take patients. Haddad said extra staff had been called in overnight.

Haddad said the hospital had treated nobody from the ship by the evening, and Haddad thanked the volunteers.

Paul Renner, the port authority's director of salvage, said divers found two damaged fuel tanks under the hull.

Lise Aune, minister of Transport and the Coastal Administration, said at a news conference in Oslo that the harbour would reopen on Friday.
`,
  '02_coast-courier.txt': `Wednesday, 10 June 2026

Harbour pilot dies during Marlow salvage

By Jonas Berg

A harbour pilot died during the salvage work on Wednesday after he was struck by a snapped tow line, police chief Maria Lund said.

Omar Haddad said the hospital had sent two ambulances to the quay. Haddad said the volunteers had worked through the night.

Brightsea Lines said it would pay for the salvage of the Marlow.

The divers worked from the tug Sterna, their parent ship, which stayed beside the Marlow.

Department of Defense spokeswoman Kara Mills said two US Navy divers had joined the salvage team.

The Marlow was refloated at 14:20hrs local time on Thursday and towed to a quay.

Omar Haddad, 67, will retire this summer. Nina Sato, 52, will take over from Haddad as director of the hospital in August, the city council said.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(HARBOUR));
}, 120_000);
afterAll(() => cleanupTempDirs());

const text = shortAndBlocks;

describe('a pronoun after an answer means the person it named', () => {
  it('"he" after "who is the … director?" is the director the answer names, not another director', async () => {
    const first = await runCommand(deps, { command: 'ask', text: "who is the port authority's salvage director?", session: 'p-1' });
    expect(first.answered).toBe(true);
    expect(text(first)).toContain('Renner');
    const a = await runCommand(deps, { command: 'ask', text: 'what did he say they found?', session: 'p-1' });
    expect(a.answered).toBe(true);
    expect(text(a)).toContain('fuel tanks');
    expect(a.citations[0]!.quote).toContain('Renner');
  });

  it('"she" after "who will take over from <a man>?" is the woman the answer names, not the man the question named', async () => {
    const first = await runCommand(deps, { command: 'ask', text: 'who will take over from haddad?', session: 'p-4' });
    expect(first.answered).toBe(true);
    expect(text(first)).toContain('Nina Sato');
    const a = await runCommand(deps, { command: 'ask', text: 'how old is she?', session: 'p-4' });
    expect(a.answered).toBe(true);
    expect(a.short?.text).toContain('52');
  });

  it('"he" after an answer about someone it does not name is that person, not another the conversation met', async () => {
    const first = await runCommand(deps, { command: 'ask', text: 'did someone die during the salvage?', session: 'p-2' });
    expect(first.answered).toBe(true);
    const a = await runCommand(deps, { command: 'ask', text: 'how did he die?', session: 'p-2' });
    expect(a.answered).toBe(true);
    expect(text(a)).toContain('tow line');
  });

  it('"which minister is in charge of …" names the minister; "where did she speak?" is where she said it', async () => {
    const first = await runCommand(deps, { command: 'ask', text: 'which minister is in charge of the coastal administration?', session: 'p-3' });
    expect(first.answered).toBe(true);
    expect(first.short?.text).toContain('Lise Aune');
    const a = await runCommand(deps, { command: 'ask', text: 'where did she speak?', session: 'p-3' });
    expect(a.answered).toBe(true);
    expect(a.short?.text).toContain('Oslo');
  });

  it('"he" after a "who …" the articles do not answer means no one they name: it says so and answers nothing', async () => {
    const first = await runCommand(deps, { command: 'ask', text: 'who repaired the tug sterna?', session: 'p-5' });
    expect(first.answered).toBe(false);
    const a = await runCommand(deps, { command: 'ask', text: 'where does he work?', session: 'p-5' });
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.short).toBeUndefined();
    expect(text(a)).toContain("can't tell who “he” is");
    expect(text(a)).toContain('who repaired the tug sterna?');
    expect(text(a)).not.toContain('Kessel General Hospital');
    // A follow-up that names its own subject is answered as usual.
    const named = await runCommand(deps, { command: 'ask', text: 'how old is omar haddad?', session: 'p-5' });
    expect(named.answered).toBe(true);
    expect(named.short?.text).toContain('67');
  });
});

describe('a question the articles answer in other words', () => {
  it('"did it lose power?" is answered by the blackout', async () => {
    const a = await runCommand(deps, { command: 'ask', text: 'did the marlow lose power?' });
    expect(a.answered).toBe(true);
    expect(a.citations.map((c) => c.quote).join(' ')).toContain('blackout');
  });

  it('"did anyone get hurt?" is answered by the crew being safe', async () => {
    const a = await runCommand(deps, { command: 'ask', text: 'did anyone get hurt?' });
    expect(a.answered).toBe(true);
    expect(a.citations.map((c) => c.quote).join(' ')).toContain('safe');
  });

  it('"the mother ship" is found as the "parent ship" the articles write (a related word before the same noun)', async () => {
    const a = await runCommand(deps, { command: 'ask', text: 'what was the mother ship called?' });
    expect(a.answered).toBe(true);
    expect(a.short?.text).toContain('Sterna');
  });

  it('"the pentagon" is the Department of Defense the articles name', async () => {
    const a = await runCommand(deps, { command: 'ask', text: 'who spoke for the pentagon?' });
    expect(a.answered).toBe(true);
    expect(a.short?.text).toContain('Kara Mills');
  });

  it('a clock time written "14:20hrs" answers "what time"', async () => {
    const a = await runCommand(deps, { command: 'ask', text: 'what time did the marlow come free?' });
    expect(a.answered).toBe(true);
    expect(a.short?.text).toContain('14:20hrs');
  });

  it('a mother never stands for a parent outside that compound, and a question about a missing thing is refused', async () => {
    const a = await runCommand(deps, { command: 'ask', text: "who is the pilot's mother?" });
    expect(a.answered).toBe(false);
  });

  it('still refuses what the articles never say', async () => {
    const a = await runCommand(deps, { command: 'ask', text: 'did the marlow lose its anchor?' });
    expect(a.answered).toBe(false);
  });
});
