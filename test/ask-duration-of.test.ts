/**
 * A span of time followed by "of" (or "worth of") and a noun measures that noun ("20 days worth of food", "48 hours of
 * water"): it is how long that lasts, not the length of what the question asks about ("how many days is the trip" is
 * a "ten-day voyage"). Stories written here: a polar cruise, a desert trek.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const CRUISE: Record<string, string> = {
  '01_travel-wire.txt': `2 January 2035\n\nIcebreaker sets out from Tromvik\n\nThe Nordlys trip to the pack ice left Tromvik on Monday with 120 passengers on board.\n\nThe icebreaker carries 30 days worth of food, the operator said.\n\nIts website sells a ten-day voyage to the ice for 9,000 euros a person.\n`,
};
const TREK: Record<string, string> = {
  '01_dune-daily.txt': `5 March 2036\n\nHikers set out across the Sarn\n\nThe Sarn trip, led by guide Omar Bel, set out from Kadir on Tuesday with 14 hikers.\n\nEach hiker carries 72 hours of water, the guides said.\n\nThe organisers advertise a four-day journey across the dunes.\n`,
};

const cruise = storyDeps(CRUISE);
const trek = storyDeps(TREK);

describe('a span of time of a noun measures that noun', () => {
  it('answers "how many days is the whole trip" with the voyage, not the food', async () => {
    const a = await ask(cruise(), 'how many days is the whole trip');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/ten-day/);
  }, 60_000);

  it('answers "how many days is the trip" with the journey, not the water', async () => {
    const a = await ask(trek(), 'how many days is the trip');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/four-day/);
  }, 60_000);
});
