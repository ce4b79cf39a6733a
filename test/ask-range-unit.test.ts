/**
 * A range written with its unit once, after the second number ("between 170 and 200 degrees", "5 to 8 feet"), is a
 * range of that unit (src/analysis/figures.ts), not a bare pair of numbers: "at what temperature …" and "how high …"
 * are answered with the whole range, its first number included. Stories written here: a freight line, a river flood.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { readFigures } from '../src/analysis/figures.js';
import { answerText, storyDeps } from './helpers/story.js';

const RAIL: Record<string, string> = {
  '01_plains-courier.txt': `4 April 2036\n\nHot axle rules at Dunmore Freight\n\nDunmore Freight has alarm thresholds for hot axles.\n\nBetween 140 and 180 degrees, crews are to stop and inspect the train.\n\nAbove 180 degrees, a crew must set the car out of the train at once, the company said.\n`,
};
const RIVER: Record<string, string> = {
  '01_valley-times.txt': `11 June 2035\n\nLume River floods Carrow\n\nThe Lume River rose 5 to 8 feet overnight in Carrow, the town's flood office said.\n\nAbout 300 homes were flooded.\n`,
};

const rail = storyDeps(RAIL);
const river = storyDeps(RIVER);

describe('a range with its unit after the second number', () => {
  it('reads the range in that unit', () => {
    const [f] = readFigures('Between 140 and 180 degrees, crews are to stop and inspect the train.');
    expect(f).toMatchObject({ text: '140 and 180 degrees', kind: 'temperature', value: 140, valueHi: 180 });
    const [g] = readFigures('The river rose 5 to 8 feet overnight.');
    expect(g).toMatchObject({ text: '5 to 8 feet', value: 5, valueHi: 8 });
    expect(g!.kind).not.toBe('number');
  });

  it('answers "at what temperature …" with the whole range', async () => {
    const a = await ask(rail(), 'at what temperature are crews supposed to stop and inspect the train');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/140 and 180 degrees/);
  }, 60_000);

  it('answers "how many feet did the river rise" with the whole range', async () => {
    const a = await ask(river(), 'how many feet did the river rise');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/5 to 8 feet/);
  }, 60_000);
});
