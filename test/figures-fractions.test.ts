/**
 * "Lost two-thirds of its roof": a fraction written in words is a share (percent), not the count "two"; of a unit
 * ("two-thirds of an acre") it is a measure in that unit. /ask answers "how much of the roof …" with the share, and a
 * count of acres with the measure, not "two". Sentences and two stories written here (a church fire, a forest fire).
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

describe('a fraction in words', () => {
  it.each([
    ['The hall lost two-thirds of its roof.', 'two-thirds', 66.7],
    ['Nearly three quarters of the town was evacuated.', 'Nearly three quarters', 75],
    ['A quarter of the crop was lost.', 'A quarter', 25],
    ['One-third of the staff stayed home.', 'One-third', 33.3],
  ])('%s', (sentence, text, value) => {
    const figures = readFigures(sentence);
    expect(figures.map((f) => [f.text, f.kind, f.value])).toEqual([[text, 'percent', value]]);
  });

  it('of a unit is a measure in it', () => {
    expect(readFigures('It covers nearly two-thirds of an acre.').map((f) => [f.text, f.kind, f.value])).toEqual([['nearly two-thirds of an acre', 'area', 0.667]]);
    expect(readFigures('The path runs half a mile, about half an acre of it paved.').map((f) => [f.text, f.kind, f.value])).toEqual([
      ['half a mile', 'distance', 0.5],
      ['about half an acre', 'area', 0.5],
    ]);
    expect(readFigures('The ship is nearly a quarter of a mile long (350m).').map((f) => [f.text, f.kind, f.value])).toEqual([
      ['nearly a quarter of a mile', 'distance', 0.25],
      ['350m', 'distance', 350],
    ]);
  });

  it('leaves whole numbers and ordinals alone', () => {
    expect(readFigures('Two firefighters and a third engine arrived at a quarter past six.').map((f) => f.kind)).not.toContain('percent');
  });
});

const CHURCH: Record<string, string> = {
  '01_town-crier.txt': `9 April 2036\n\nFire at St Brannoc's\n\nSt Brannoc's church lost two-thirds of its roof in Tuesday's fire, the fire service said.\n\nThe bell tower was saved.\n`,
};
const FOREST: Record<string, string> = {
  '01_hill-gazette.txt': `20 July 2036\n\nBlaze reaches Coldmoor\n\nThe fire burned through the old orchard, which covers nearly two-thirds of an acre, before crews stopped it at the road.\n\nNo homes were lost.\n`,
};
const church = storyDeps(CHURCH);
const forest = storyDeps(FOREST);

describe('asked', () => {
  it('"how much of the roof" is the share (church)', async () => {
    const a = await askIn(church(), 'how much of the roof was lost');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^two-thirds \[\d+\]$/);
  }, 60_000);

  it('"how many acres" is the measure in acres, not "two" read out of "two-thirds of an acre" (forest)', async () => {
    const a = await askIn(forest(), 'how many acres burned');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^nearly two-thirds of an acre \[\d+\]$/);
  }, 60_000);
});
