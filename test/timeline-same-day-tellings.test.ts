/**
 * Two mechanisms of undated articles' dates, each in two invented stories (a ferry, a mine):
 * - an undated article's weekday is matched to the day other articles give an event of that weekday; two
 *   tellings of that one day do not compete with each other (only a telling of another day does), so the
 *   article is placed and its other weekdays read;
 * - an event told by several undated articles is shown in the words of the one that states the date itself
 *   ("on 5 May 2019") before one whose date was inferred.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import type { TimelineEvent } from '../src/types.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';

async function eventsOf(files: Record<string, string>): Promise<TimelineEvent[]> {
  const deps = await depsFor(writeCorpus(files));
  const a = await runCommand(deps, { command: 'timeline' });
  return (a as { events?: TimelineEvent[] }).events ?? [];
}

describe('undated articles placed by a day two tellings give', () => {
  afterAll(cleanupTempDirs);
  // Articles of other news, so that the story's own words weigh.
  const others = {
    'x-other.md': `---\ntitle: Library reopens\ndate: 2019-03-02\n---\nThe town library reopened after a new roof was fitted and the reading room was painted.\n`,
    'y-other.md': `---\ntitle: Bakery prize\ndate: 2019-03-09\n---\nA family bakery won the regional bread prize for a sourdough loaf baked in a wood oven.\n`,
  };

  it('ferry: the Sunday after the Friday grounding', async () => {
    const events = await eventsOf({
      ...others,
      'a-dated.md': `---\ntitle: Ferry aground\ndate: 2019-05-04\n---\nThe ferry Northern Star ran aground on rocks off Kell Island on Friday with 212 passengers aboard, the coastguard said. Lifeboats took the passengers off the stranded ferry on Friday evening.\n`,
      'c-undated.md': `---\ntitle: Ferry towed to port\n---\nThe ferry Northern Star, which ran aground on rocks off Kell Island with 212 passengers on Friday, was refloated at high tide after lifeboats took the passengers off.\n\nOn Sunday, salvage tugs towed the damaged ferry into Port Avel for repairs.\n`,
    });
    const towed = events.find((e) => /salvage tugs towed/.test(e.text));
    expect(towed?.date).toBe('2019-05-05');
  });

  it('mine: the Wednesday after the Monday collapse', async () => {
    const events = await eventsOf({
      ...others,
      'a-dated.md': `---\ntitle: Miners trapped\ndate: 2021-11-16\n---\nA tunnel collapsed at the Greyridge copper mine on Monday, trapping nine miners underground, the operator said. Rescue teams began drilling a shaft toward the trapped miners on Monday night.\n`,
      'c-undated.md': `---\ntitle: Miners brought up\n---\nThe nine miners trapped underground when a tunnel collapsed at the Greyridge copper mine on Monday are all alive after rescue teams drilled a shaft to them.\n\nRescuers reached them through the narrow shaft on Wednesday and lifted them out one by one.\n`,
    });
    const reached = events.find((e) => /narrow shaft/.test(e.text));
    expect(reached?.date).toBe('2021-11-17');
  });
});

describe('an event told by undated articles leads with the telling that states its date', () => {
  afterAll(cleanupTempDirs);

  it('ferry: the caption with its full date', async () => {
    const events = await eventsOf({
      'a-dated.md': `---\ntitle: Ferry aground\ndate: 2019-05-04\n---\nThe ferry Northern Star ran aground on rocks off Kell Island on Friday with 212 passengers aboard, the coastguard said.\n`,
      'b-undated.md': `---\ntitle: Ferry towed\n---\nThe ferry Northern Star, which ran aground on rocks off Kell Island on Friday, is damaged.\n\nSalvage tugs towed the damaged ferry Northern Star into Port Avel harbour on Sunday.\n`,
      'c-undated.md': `---\ntitle: Ferry in harbour\n---\nSalvage tugs tow the damaged ferry Northern Star into Port Avel harbour on 5 May 2019, two days after it ran aground.\n`,
    });
    const day = events.filter((e) => e.date === '2019-05-05');
    expect(day.length).toBe(1);
    expect(day[0]!.text).toMatch(/on 5 May 2019/);
  });

  it('mine: the caption with its full date', async () => {
    const events = await eventsOf({
      'a-dated.md': `---\ntitle: Miners trapped\ndate: 2021-11-16\n---\nA tunnel collapsed at the Greyridge copper mine on Monday, trapping nine miners underground, the operator said.\n`,
      'b-undated.md': `---\ntitle: Miners freed\n---\nNine miners were trapped when a tunnel collapsed at the Greyridge copper mine on Monday.\n\nRescuers lifted the nine Greyridge miners out through a narrow shaft on Wednesday.\n`,
      'c-undated.md': `---\ntitle: Miners freed, in pictures\n---\nRescuers lift the nine Greyridge miners out through a narrow shaft on 17 November 2021, after two days underground.\n`,
    });
    const day = events.filter((e) => e.date === '2021-11-17');
    expect(day.length).toBe(1);
    expect(day[0]!.text).toMatch(/on 17 November 2021/);
  });
});
