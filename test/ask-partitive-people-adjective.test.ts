/**
 * "And so far, 31 of the deceased have been identified", "nine of the missing have been found alive": after "the", an
 * adjective that names people (the dead, the deceased, the injured, the wounded, the missing; lexicon PEOPLE_ADJECTIVES)
 * is the plural noun a partitive counts, so the number is a count of them — not a bare number a nearer count of
 * something else outranks. A noun after it is still the one counted ("three of the injured workers"). Stories
 * written here: a ferry fire, an avalanche.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { readFigures } from '../src/analysis/figures.js';
import { answerText, storyDeps } from './helpers/story.js';

const FERRY: Record<string, string> = {
  '01_isle-courier.txt': `2 May 2034\n\nFerry fire toll rises\n\nAnd so far, 31 of the deceased have been positively identified, the coroner said.\n\nThe coroner said the 58 confirmed deaths should still be considered provisional.\n`,
};
const MOUNTAIN: Record<string, string> = {
  '01_alpine-news.txt': `14 January 2034\n\nAvalanche near Tresk\n\nSo far, nine of the missing have been found alive, the mountain rescue service said.\n\nThe service said the search for the 30 missing climbers would go on through the night.\n`,
};

const ferry = storyDeps(FERRY);
const mountain = storyDeps(MOUNTAIN);

describe('an adjective naming people, counted by a partitive', () => {
  it('is the counted noun', () => {
    const f = readFigures('And so far, 31 of the deceased have been positively identified.');
    expect(f.map((x) => [x.text, x.kind, x.noun])).toEqual([['31', 'count', 'deceased']]);
    const g = readFigures('Three of the injured workers were flown out.');
    expect(g.map((x) => [x.text, x.kind, x.noun])).toEqual([['Three', 'count', 'injured workers']]);
  });

  it('answers how many of the dead were identified with the part identified', async () => {
    const a = await ask(ferry(), 'how many of the dead have been identified');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/^31 of the deceased \[1\]/);
  }, 60_000);

  it('answers how many of the missing have been found with the part found', async () => {
    const a = await ask(mountain(), 'how many of the missing have been found');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/^nine of the missing \[1\]/);
  }, 60_000);
});
