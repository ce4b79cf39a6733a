/**
 * /timeline on a story none of whose articles carries a date line: the dates the
 * articles state place the story (so "March 11" and "In January" get its year), an
 * article's own "Monday, March 17, 2025" dates its bare "Monday", and a "Tuesday" that
 * tells the event another article dates "March 11" gets that day. An article's own
 * weekday date outranks a similar telling in another article. Articles written for
 * this test (an invented harbour, lock and ferry line).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import type { Deps } from '../src/deps.js';
import type { Answer, TimelineEvent } from '../src/types.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';

const CORPUS = {
  'a-caption.txt': `Harbour traffic halted after lock gate fails

The cargo barge Merrow Star rests against the broken gate of the Vell lock, March 12, 2025, as seen from the north quay.

The harbour had been on a roll. In January, the port authority celebrated record tonnage at the lock and named a new harbour master, Tove Lindahl.
`,
  'b-timeline.txt': `How the gate failed

The Merrow Star struck the lower gate of the Vell lock just before midnight on March 11, flooding the chamber and stranding the barge inside.

Engineers had warned of corrosion on the gate hinges in a report to the port authority last year.
`,
  'c-reopening.txt': `Vell lock reopens to barges

Tugs pull the Merrow Star free of the Vell lock, Monday, March 17, 2025.

The port authority said Monday that the lock had reopened to barges after crews refloated the Merrow Star.

Harbour master Tove Lindahl said the repairs to the lower gate were holding.
`,
  'd-early.txt': `Barge strikes lock gate

The Merrow Star struck the lower gate of the Vell lock late Tuesday, flooding the chamber and stranding the barge, officials said.

Ferry crossings were suspended while divers inspected the gate.
`,
};

let deps: Deps;
let answer: Answer;
const find = (words: string): TimelineEvent | undefined => answer.events!.find((e) => e.text.includes(words));

beforeAll(async () => {
  deps = await depsFor(writeCorpus(CORPUS));
  answer = await runCommand(deps, { command: 'timeline' });
});
afterAll(async () => {
  await deps.store.close();
  cleanupTempDirs();
});

describe('/timeline when no article carries a date line', () => {
  it.each([
    // [words of the event, date, precision]
    ['rests against the broken gate', '2025-03-12', 'day'], // a full date needs no article date
    ['In January, the port authority', '2025-01', 'month'], // the one January in the story's span
    ['just before midnight on March 11', '2025-03-11', 'day'], // the one March 11 in the story's span
    ['Tugs pull the Merrow Star free', '2025-03-17', 'day'],
    ['said Monday that the lock had reopened', '2025-03-17', 'day'], // its own "Monday, March 17, 2025"
  ])('%s → %s', (words, date, precision) => {
    expect(find(words)).toMatchObject({ date, precision });
  });

  it('dates a "Tuesday" by the event another article dates "March 11" (one event, both tellings)', () => {
    const e = answer.events!.find((x) => x.reportedIn.includes('d-early.txt'));
    expect(e).toMatchObject({ date: '2025-03-11', precision: 'day' });
    expect(e!.reportedIn).toEqual(expect.arrayContaining(['b-timeline.txt', 'd-early.txt']));
  });

  it('says how each date was inferred', () => {
    expect(find('In January')!.note).toMatch(/year inferred/);
    expect(find('said Monday that the lock')!.note).toMatch(/date inferred/);
    const notes = (answer.notes ?? []).join('\n');
    expect(notes).toMatch(/c-reopening\.txt carries no date, but it gives "Monday, March 17, 2025"/);
    expect(notes).toMatch(/d-early\.txt carries no date, but it tells of an event "Tuesday" that b-timeline\.txt/);
  });

  it('keeps the events in date order', () => {
    const dated = answer.events!.filter((e) => e.date).map((e) => e.date!);
    expect(dated).toEqual([...dated].sort());
  });
});

describe('an article’s own weekday date outranks another article’s telling', () => {
  const corpus = {
    'p-first.md': `---
title: First barges freed from the Vell lock
date: 2025-03-11
---
Divers freed the first two barges from the flooded Vell lock on Monday, the port authority said.
`,
    // Undated: its "Monday" is 17 March (its own caption), though its wording is close to p-first's Monday (10 March).
    'q-second.txt': `Last barges freed from the Vell lock

Tugs tow the last barge out of the Vell lock, Monday, March 17, 2025.

Divers freed the last two barges from the flooded Vell lock on Monday, the port authority said.
`,
  };
  let d: Deps;
  afterAll(async () => {
    await d.store.close();
    cleanupTempDirs();
  });

  it('dates the bare weekday by the article’s own date', async () => {
    d = await depsFor(writeCorpus(corpus));
    const a = await runCommand(d, { command: 'timeline' });
    const byText = (w: string) => a.events!.find((e) => e.text.includes(w));
    expect(byText('freed the first two barges')).toMatchObject({ date: '2025-03-10' });
    expect(byText('freed the last two barges')).toMatchObject({ date: '2025-03-17' });
  });
});
