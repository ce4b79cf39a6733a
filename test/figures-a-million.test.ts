/**
 * "a million dollars", "half a billion dollars", "a thousand people": an article or "half" before a scale word is a
 * number, as "one million" is. Found on real news and in the way people type claims ("a trip cost a million dollars"
 * was not addressed, its "million" and "dollars" looked up as words). Text written here.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { runCommand } from '../src/engines/index.js';
import { storyDeps } from './helpers/story.js';

const values = (text: string) => readFigures(text).map((f) => [f.kind, f.value]);

const deps = storyDeps({
  '01_sky-wire.txt': `2 May 2033\n\nBalloon flights to the stratosphere go on sale\n\nAltara Voyages is selling seats on its stratospheric balloon for $125,000 per person, the company said on Monday.\n`,
});

describe('"a million", "half a billion"', () => {
  it('reads an article or "half" before a scale word as a number', () => {
    expect(values('The repairs cost a million dollars.')).toEqual([['money', 1e6]]);
    expect(values('This cost us a half a billion dollars.')).toEqual([['money', 5e8]]);
    expect(values('A thousand people queued.')).toEqual([['count', 1000]]);
    expect(values('A man walked in.')).toEqual([]);
  });

  it('a claimed "a million dollars per person" is checked against the price the articles give', async () => {
    const v = (await runCommand(deps(), { command: 'verify', text: 'A seat on the balloon costs a million dollars per person' })) as { verdict?: string };
    expect(v.verdict).toBe('contradicted');
  }, 60_000);
});
