/**
 * /timeline and /who on a small unrelated corpus written to a temp folder (a port
 * strike: other names, other dates, one undated article), to show nothing in the
 * engines depends on the seed story. Includes two people sharing a surname, a
 * year boundary, a day-first dotted date and a future-tense weekday.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { entityIndexOf, entityNames, who } from '../src/engines/who.js';
import { createStore } from '../src/store/index.js';
import type { Answer, TimelineEvent } from '../src/types.js';

const CORPUS: Record<string, string> = {
  'a-strike.md': `---
title: Harbour strike halts ferries in Port Ellery
date: 2024-03-15
outlet: Coastal Ledger
---
Dock workers in Port Ellery walked off the job on Tuesday, stranding thousands of ferry passengers.

"We will not load a single ship until the contract is signed," union leader Agnieszka Brennan told reporters outside the terminal.

Harbour Master Tobias Lindqvist said the Port Ellery Harbour Authority had offered a 4 percent raise in January.

The last general strike at the port was in 1987.

Mayor Olu Adeyemi will meet both sides on Monday.

Dr. Samuel Brennan, an economist at the University of Norhaven, said the stoppage costs the region about 2 million euros a day.

The ferry operator Bluewake Lines cancelled all sailings on 12.03.2024 after the walkout began.
`,
  'b-talks.md': `---
title: Port talks collapse before new year
date: 2024-01-06
outlet: Norhaven Post
---
Talks between the Port Ellery Harbour Authority and the dockers' union broke down on Dec. 30, according to Harbour Master Tobias Lindqvist.

Lindqvist said a new offer would follow "within weeks, not months, whatever the union says."

Union leader Agnieszka Brennan said last December was "the worst month for the docks in a decade, and everyone here knows it."
`,
  'c-undated.txt': `Ferry passengers stuck in Port Ellery

Passengers waited for hours on Thursday as the strike entered its second week.

Bluewake Lines spokeswoman Mirela Kos said refunds would be paid "as soon as the harbour reopens, every single one of them."

Kos added that the company had lost bookings since February.
`,
};

let dir: string;
let deps: Deps;

function expectVerbatim(a: Answer): void {
  for (const c of a.citations) {
    const raw = readFileSync(path.join(dir, c.source), 'utf8');
    expect(isVerbatim(raw, c.quote), `[${c.n}] ${c.quote}`).toBe(true);
  }
}

const find = (a: Answer, words: string): TimelineEvent | undefined => a.events!.find((e) => e.text.includes(words));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dispatch-timeline-'));
  for (const [name, text] of Object.entries(CORPUS)) writeFileSync(path.join(dir, name), text);
  const config = loadConfig({ SEEDS_DIR: dir, DATA_DIR: path.join(dir, '.data'), LOG_LEVEL: 'silent' }, process.cwd());
  deps = await buildDeps(config, { store: createStore({ kind: 'memory' }), persistIndex: false, llm: null });
});
afterAll(async () => {
  await deps.store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/timeline on an unrelated corpus', () => {
  it('dates events against each article’s own date, across a year boundary', async () => {
    const a = await runCommand(deps, { command: 'timeline' });
    expect(a.answered).toBe(true);
    // Friday 15 March 2024: "on Tuesday" is 12 March; "will meet … on Monday" is 18 March.
    expect(find(a, 'walked off the job')).toMatchObject({ date: '2024-03-12', precision: 'day' });
    expect(find(a, 'will meet both sides')).toMatchObject({ date: '2024-03-18', precision: 'day' });
    expect(find(a, 'raise in January')).toMatchObject({ date: '2024-01', precision: 'month' });
    expect(find(a, 'general strike')).toMatchObject({ date: '1987', precision: 'year', background: true });
    expect(find(a, 'cancelled all sailings')).toMatchObject({ date: '2024-03-12', precision: 'day' });
    // Saturday 6 January 2024: "Dec. 30" and "last December" are in 2023.
    expect(find(a, 'broke down on Dec. 30')).toMatchObject({ date: '2023-12-30', precision: 'day' });
    expect(find(a, 'last December')).toMatchObject({ date: '2023-12', precision: 'month' });
    // The undated article has nothing another article pins down: its weekday stays open; its month takes
    // the one year in which February falls within the span of the story's dates (as a month-day would).
    expect(find(a, 'on Thursday')).toMatchObject({ date: null, precision: 'unknown', note: 'a Thursday, date not given', reportedIn: ['c-undated.txt'] });
    expect(find(a, 'since February')).toMatchObject({ date: '2024-02', precision: 'month', note: 'year inferred from the dates of the other articles' });
    const dated = a.events!.filter((e) => e.date).map((e) => e.date!);
    expect(dated).toEqual([...dated].sort());
    expect(dated[0]).toBe('1987');
    expectVerbatim(a);
  });

  it('filters by a person through their aliases', async () => {
    const a = await runCommand(deps, { command: 'timeline', about: 'Lindqvist' });
    expect(a.events!.map((e) => e.date)).toEqual(['2023-12-30', '2024-01']);
    const b = await runCommand(deps, { command: 'timeline', from: '2024-03-01', to: '2024-03-31' });
    expect(b.events!.every((e) => e.date!.startsWith('2024-03'))).toBe(true);
    expect(b.events!.length).toBe(3);
  });
});

describe('/who on an unrelated corpus', () => {
  it('finds the people with their roles, titles stripped', async () => {
    const lind = await who(deps, 'Lindqvist');
    expect(lind.entity).toMatchObject({ name: 'Tobias Lindqvist', kind: 'person' });
    expect(lind.entity!.description).toContain('Harbour Master');
    const kos = await who(deps, 'kos');
    expect(kos.entity?.name).toBe('Mirela Kos');
    expect(kos.entity!.description).toMatch(/spokeswoman/);
    expect(kos.blocks.find((b) => b.heading === 'What they said')?.text).toContain('as soon as the harbour reopens');
    const sam = await who(deps, 'Dr. Samuel Brennan');
    expect(sam.entity).toMatchObject({ name: 'Samuel Brennan', kind: 'person' });
    expect(sam.entity!.description).toContain('an economist at the University of Norhaven');
    const mayor = await who(deps, 'Mayor Olu Adeyemi');
    expect(mayor.entity?.name).toBe('Olu Adeyemi');
    expect(mayor.entity!.description).toContain('Mayor');
    expectVerbatim(lind);
    expectVerbatim(kos);
  });

  it('lists both people who share a surname', async () => {
    const a = await who(deps, 'Brennan');
    expect(a.answered).toBe(true);
    expect(a.meta!.matches).toEqual(expect.arrayContaining(['Agnieszka Brennan', 'Samuel Brennan']));
    const text = a.blocks.map((b) => `${b.heading ?? ''} ${b.text}`).join('\n');
    expect(text).toContain('union leader');
    expect(text).toContain('an economist at the University of Norhaven');
    expect(a.followUps).toEqual(expect.arrayContaining(['/who Agnieszka Brennan', '/who Samuel Brennan']));
    const ag = await who(deps, 'Agnieszka Brennan');
    expect(ag.blocks.find((b) => b.heading === 'What they said')!.text).toContain('We will not load a single ship');
    const sam = await who(deps, 'Samuel Brennan');
    expect(sam.blocks.find((b) => b.heading === 'What they said')?.text ?? '').not.toContain('load a single ship');
    expectVerbatim(a);
  });

  it('knows nothing of the seed story', async () => {
    const names = entityIndexOf(deps).entities.map((e) => e.name);
    expect(names).not.toContain('Donald Trump');
    const t = await who(deps, 'Trump');
    expect(t.answered).toBe(false);
    expect(entityNames(deps, 'bre')).toEqual(expect.arrayContaining(['Agnieszka Brennan', 'Samuel Brennan']));
  });
});
