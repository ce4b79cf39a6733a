/**
 * Two ways a weekday gets its day that no date line gives:
 * - "toured the valley on Friday, 13 days after the dam burst": an undated article's weekday is the one such weekday
 *   in the span after the event the phrase names, where another article places that event; a span the weekday does
 *   not fall in dates nothing;
 * - "Published: May 3 | Updated: May 4": an article updated days after its date may be of either day — a weekday it
 *   tells reads as the nearer one ("Thursday morning" on an article updated on a Thursday is that day, not six before).
 * Articles written for this test (an invented dam and valley; a mine rescue; a town council; a brush fire).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spanAfter } from '../src/analysis/article-dates.js';
import { runCommand } from '../src/engines/index.js';
import type { Deps } from '../src/deps.js';
import type { Answer } from '../src/types.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';

const SPANS = {
  'a-dam.txt': `Kessler dam bursts above Orrin valley

Published March 2, 2024

The Kessler dam burst on March 2, 2024, sending a wall of water through the Orrin valley and cutting the river road.

Engineers said the spillway had been blocked by debris for weeks.
`,
  'b-tour.txt': `Governor tours flooded valley

Governor Alma Ruiz toured the flooded Orrin valley on Friday, 13 days after the Kessler dam burst upstream.

She promised money to rebuild the river road and the footbridge at Pell.

The county clerk resigned Wednesday, one day after the Kessler dam burst report was published.
`,
  'c-mine.txt': `Fourteen trapped in Brannock mine

Published October 9, 2023

The Brannock mine collapsed on October 9, 2023, trapping 14 workers in a gallery 300 metres below the surface.
`,
  'd-rescue.txt': `Miners brought to the surface

Rescuers reached the 14 miners on Thursday, nearly three weeks after the Brannock mine collapsed.

All of them were taken to the hospital in Corrow.
`,
};

const UPDATES = {
  'e-council.txt': `Council passes the harbour budget

Published: May 3, 2023 at 9:00 AM EDT | Updated: May 4, 2023 at 2:00 PM EDT

The Lessing town council approved the harbour budget Thursday morning after a six-hour debate.

The mayor said the vote would let dredging start in June.
`,
  'f-fire.txt': `Brush fire contained near Tarrow

Posted Sept. 12, 2022 · Updated Sept. 13, 2022

Firefighters contained the Tarrow ridge brush fire Tuesday after it burned 400 acres.
`,
  'h-bad-update.txt': `Harbour crane repaired

Published: May 3, 2023 at 9:00 AM EDT | Updated: Mayy 40, 2023 at 2:00 PM EDT

The Lessing harbour crane returned to work Thursday after repairs.
`,
  'i-late-update.txt': `Harbour dredging begins

Published: May 3, 2023 at 9:00 AM EDT | Updated: June 20, 2023 at 2:00 PM EDT

Dredging of the Lessing harbour began Tuesday.
`,
  'g-plain.txt': `Ferry service resumes

Published: June 5, 2023 at 8:00 AM EDT

The Dunmore ferry resumed service Thursday after repairs to its ramp.
`,
};

const dateOf = (a: Answer, words: string) => a.events!.filter((e) => e.text.includes(words)).map((e) => e.date);

describe('a span after an event the articles date', () => {
  it.each([
    ['Governor Alma Ruiz toured the valley on Friday, 13 days after the dam burst upstream.', [13, 13], 'the dam burst upstream'],
    ['Rescuers reached them on Thursday, nearly three weeks after the mine collapsed.', [16, 21], 'the mine collapsed'],
    ['The agency acted less than a day after an incident on the runway.', [0, 1], 'an incident on the runway'],
    ['Crews returned three weeks after the flood.', [18, 24], 'the flood'],
    ['The plant restarted one month after the fire.', [26, 35], 'the fire'],
    ['The plant restarted after the fire.', null, null],
  ])('%s → days %j after %j', (text, days, phrase) => {
    const s = spanAfter(text);
    expect(s ? [s.lo, s.hi] : null).toEqual(days);
    expect(s?.phrase ?? null).toBe(phrase);
  });

  let deps: Deps;
  let answer: Answer;
  beforeAll(async () => {
    deps = await depsFor(writeCorpus(SPANS));
    answer = await runCommand(deps, { command: 'timeline' });
  });
  afterAll(() => cleanupTempDirs());

  it('dates the weekday the span after the dated event falls on', () => {
    // 2 March 2024 + 13 days = Friday 15 March.
    expect(dateOf(answer, 'Governor Alma Ruiz toured')).toEqual(['2024-03-15']);
    // 9 October 2023 + 17 to 21 days: Thursday 26 October is the only Thursday.
    expect(dateOf(answer, 'Rescuers reached the 14 miners')).toEqual(['2023-10-26']);
  });

  it('leaves a weekday the span does not fall on undated', () => {
    // "Wednesday, one day after" the burst (a Saturday) would be a Sunday: nothing is dated by it.
    expect(dateOf(answer, 'The county clerk resigned')).not.toContain('2024-03-03');
    expect(dateOf(answer, 'The county clerk resigned')).not.toContain('2024-03-06');
  });
});

describe('an article updated days after its date', () => {
  let deps: Deps;
  let answer: Answer;
  beforeAll(async () => {
    deps = await depsFor(writeCorpus(UPDATES));
    answer = await runCommand(deps, { command: 'timeline' });
  });
  afterAll(() => cleanupTempDirs());

  it('keeps the publication date as the article date and reads the update', () => {
    const a = deps.corpus.articles.find((x) => x.id === 'e-council.txt')!;
    expect([a.date, a.updated]).toEqual(['2023-05-03', '2023-05-04']);
    const f = deps.corpus.articles.find((x) => x.id === 'f-fire.txt')!;
    expect([f.date, f.updated]).toEqual(['2022-09-12', '2022-09-13']);
    expect(deps.corpus.articles.find((x) => x.id === 'g-plain.txt')!.updated).toBeUndefined();
    // A malformed update date, or one weeks later (a correction, not the same text), is no update: the date stands alone.
    for (const id of ['h-bad-update.txt', 'i-late-update.txt']) {
      const x = deps.corpus.articles.find((y) => y.id === id)!;
      expect([x.date, x.updated]).toEqual(['2023-05-03', undefined]);
    }
    // Read against 3 May (a Wednesday) alone: the Tuesday before.
    expect(dateOf(answer, 'Dredging of the Lessing harbour began')).toEqual(['2023-05-02']);
  });

  it('reads a weekday as the nearer day of the two', () => {
    // Published Wednesday 3 May, updated Thursday 4 May: "Thursday morning" is 4 May, not 27 April.
    expect(dateOf(answer, 'approved the harbour budget')).toEqual(['2023-05-04']);
    // Posted Monday 12 September, updated Tuesday 13 September: "Tuesday" is the 13th, not the 6th.
    expect(dateOf(answer, 'contained the Tarrow ridge brush fire')).toEqual(['2022-09-13']);
    // No update: the publication date alone (Monday 5 June 2023 → the Thursday before).
    expect(dateOf(answer, 'The Dunmore ferry resumed')).toEqual(['2023-06-01']);
  });
});
