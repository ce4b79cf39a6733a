/**
 * "What started the fire?" asks a cause like "what caused it": the answer is the phrase before a cue that names the thing
 * asked about ("… whose welding torch sparked the warehouse fire" — the torch, not the contractor the relative word
 * describes). And "in" before a time, a place or a thing ("in the early morning", "in their cars") says when or where,
 * not why. Stories written here: a warehouse fire, runaway puppies.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const WAREHOUSE: Record<string, string> = {
  '01_dunmore-echo.txt': `12 May 2038\n\nFire guts Dunmore warehouse\n\nThe warehouse fire was first reported before dawn on Tuesday.\n\nFire crews said Halden Roofing, the contractor whose welding torch sparked the warehouse fire, had been working on the roof on Monday.\n\nNo one was hurt.\n`,
};
const PUPPIES: Record<string, string> = {
  '01_village-sheet.txt': `3 June 2038\n\nPuppies found safe\n\nSix puppies escaped from the Corrib animal shelter in the early morning, after the back door was left open.\n\nNeighbours found all six by lunchtime.\n`,
};
const warehouse = storyDeps(WAREHOUSE);
const puppies = storyDeps(PUPPIES);

describe('what started it: the cause before the cue', () => {
  it('"what started the fire" asks the cause; the phrase after "whose" is it (warehouse)', async () => {
    const a = await askIn(warehouse(), 'so what actually started the warehouse fire');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^welding torch \[\d+\]$/);
  }, 60_000);
});

describe('"in" before a time is no reason', () => {
  it('"in the early morning" is when; "after the back door was left open" is why (puppies)', async () => {
    const a = await askIn(puppies(), 'why did the puppies escape');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^after the back door was left open \[\d+\]$/);
  }, 60_000);
});
