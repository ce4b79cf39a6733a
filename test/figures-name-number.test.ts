/**
 * A number written right after a capitalised word is part of a name ("Fortune 500 companies", "Flight 3310", "Windows
 * 11"), not a count of what follows: "Fortune 500 companies lost $5.4 billion" counts no 500 companies. A title-case
 * headline ("Ferry Line Cancels 3,500 Sailings"), a sentence's first word, a qualifier, a month or a weekday before the
 * number leave it a figure. Found on real news (an airline flight number, a list of companies). Text written here.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const deps = storyDeps({
  '01_air-wire.txt': `8 January 2031\n\nJet returns after window cracks\n\nCoastal Air Flight 3310 returned to Harwick on Sunday after a cabin window cracked at 16,000 feet.\n\nThe plane carried 171 passengers and six crew members, the airline said.\n`,
});

const counts = (text: string) => readFigures(text).map((f) => [f.kind, f.value, f.noun ?? null]);

describe('a number in a name is no figure', () => {
  it('reads names with numbers as names', () => {
    expect(counts('Analysts said Fortune 500 companies lost $5.4 billion.')).toEqual([['money', 5.4e9, null]]);
    expect(counts('Passengers on Coastal Air Flight 3310 were shaken.')).toEqual([]);
    expect(counts('Machines running Orbix 11 crashed.')).toEqual([]);
  });

  it('keeps figures after a first word, a qualifier, a month, a weekday, and in title case', () => {
    expect(counts('About 300 people waited.')).toEqual([['count', 300, 'people']]);
    expect(counts('It said Over 20 ships waited.').map((x) => x[1])).toContain(20);
    expect(counts('On Tuesday 13 people were rescued.')).toEqual([['count', 13, 'people']]);
    expect(counts('In March 2021, 300 ships waited.').map((x) => x[0])).toEqual(['year', 'count']);
    expect(counts('Ferry Line Cancels 3,500 Sailings').map((x) => x[1])).toEqual([3500]);
  });

  it('/ask counts passengers, not the flight number', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'how many people were on flight 3310?' })) as { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/171/);
    expect(a.short?.text ?? '').not.toMatch(/3310/);
  }, 60_000);
});
