/**
 * "died last night about 2am" in Friday's paper happened on Friday, past that night's midnight; "last night" alone is
 * Thursday. The dates reader (language/dates.ts) reads the small-hours time with the night, so /ask and /timeline give
 * one date. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { parseDates } from '../src/language/dates.js';
import { runCommand } from '../src/engines/index.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const FRIDAY = new Date(Date.UTC(2040, 2, 9, 12)); // Friday 9 March 2040

describe('"last night" and a small-hours time', () => {
  it('are one date, the day of writing; "last night" alone is the day before', () => {
    const read = (t: string) => parseDates(t, FRIDAY, { timezone: 0 }).map((d) => [d.text, d.resolved.day, d.resolved.hour ?? null]);
    expect(read('The climber died last night about 2am, police said.')).toEqual([['last night about 2am', 9, 2]]);
    expect(read('The climber died late last night at around 1:30 a.m.')).toEqual([['last night at around 1:30 a.m.', 9, 1]]);
    expect(read('The climber died last night.')).toEqual([['last night', 8, null]]);
    expect(read('Rescuers arrived last night at 11pm.')).toEqual([['last night at 11pm', 8, 23]]);
    // Two events: the night's, then a time of its own.
    expect(read('The boat sank last night, and at 2am the crew was rescued.').map((x) => x[1])).toEqual([8, 9]);
  });
});

const deps = storyDeps({
  '01_mountain-post.txt': `9 March 2040\n\nClimber dies on Kessa ridge\n\nA volunteer climber who was helping the search died last night about 3am, the police said.\n\nThe search for the two missing hikers resumed at dawn.\n`,
});

describe('one date for the death, whichever command asks', () => {
  it('/ask labels it Friday 9 March 2040, and /timeline puts it on that day', async () => {
    const a = await askIn(deps(), 'when did the volunteer climber die');
    expect(answerText(a)).toMatch(/Friday 9 March 2040 —/);
    const t = await runCommand(deps(), { command: 'timeline', text: '' });
    const events = (t as unknown as { events: { date: string; text: string }[] }).events;
    expect(events.find((e) => /died last night about 3am/.test(e.text))?.date, JSON.stringify(events)).toBe('2040-03-09');
  }, 60_000);
});
