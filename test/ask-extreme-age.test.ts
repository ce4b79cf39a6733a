/**
 * "How old was the youngest one?" asks an extreme of an age: the age a sentence writes nearest the same adjective answers
 * it ("the youngest was just 9 years old", "as young as 1-year-old …"), whoever holds it. The "old" of "58-year-old" is
 * no "oldest": a story that never names the oldest is refused. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { analysisOf } from '../src/analysis/index.js';
import { runCommand } from '../src/engines/index.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const FERRY = storyDeps({
  '01_isle-weekly.txt': `2 August 2041\n\nFerry capsizes off Tarrow Point\n\nSeven passengers died when the ferry Merrin capsized off Tarrow Point on Thursday, the coastguard said. The youngest was just 6 years old.\n\nThe coastguard named 71-year-old Pell Osgard, a retired teacher, among the dead.\n`,
  '02_harbour-line.txt': `3 August 2041\n\nMerrin inquiry opens\n\nThe passengers ranged in age from as young as 6-year-old Emily Reel to Edda Vorn, 88, the operator said.\n\nThe inquiry will report in the spring.\n`,
});

describe('the youngest, the oldest', () => {
  it('a baby\'s age is in months or weeks ("4-month-old", "8 months old")', () => {
    const read = (t: string) => readFigures(t).map((f) => [f.text, f.kind, f.unit]);
    expect(read('The 4-month-old girl was rescued.')).toEqual([['4-month-old', 'age', 'months']]);
    expect(read('The baby, 8 months old, survived.')).toEqual([['8 months old', 'age', 'months']]);
    expect(read('a 3-week-old foal')).toEqual([['3-week-old', 'age', 'weeks']]);
  });

  it('the age written with the superlative answers "how old was the youngest one"', async () => {
    const a = await askIn(FERRY(), 'how old was the youngest one');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^6(?: years old|-year-old) \[\d+\]/);
    expect(a.short?.text ?? '').not.toMatch(/88|71/);
  }, 60_000);

  it('"as young as" is the adjective too, and the nearest age to it is the one', async () => {
    const a = await askIn(FERRY(), 'how young was the youngest passenger');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^6(?: years old|-year-old) \[\d+\]/);
    expect(a.short?.text ?? '').not.toMatch(/88|71/);
  }, 60_000);

  it('an age written out is an age whoever the name is taken for ("71-year-old Pell Osgard", an unfamiliar name)', () => {
    const ages = analysisOf(FERRY()).ageFacts.map((f) => [f.text, f.kind]);
    expect(ages).toContainEqual(['71-year-old', 'age']);
  });

  it('"who was the youngest passenger": the name written right after the extreme ("as young as 6-year-old Emily Reel")', async () => {
    const a = await askIn(FERRY(), 'who was the youngest passenger');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Emily Reel \[\d+\]$/);
  }, 60_000);

  it('"and the oldest?" after it asks the same of the other extreme, not the youngest again', async () => {
    const session = 'extreme-age-followup';
    const first = await runCommand(FERRY(), { command: 'ask', text: 'who was the youngest passenger', session });
    expect(first.short?.text ?? '').toMatch(/^Emily Reel/);
    const next = await runCommand(FERRY(), { command: 'ask', text: 'and the oldest?', session });
    // No sentence names the oldest ("to Edda Vorn, 88" says no extreme): refused, never the youngest's name.
    expect(next.short?.text ?? '', answerText(next)).not.toMatch(/Emily Reel/);
    expect(next.answered, answerText(next)).toBe(false);
  }, 60_000);

  it('"oldest" is not the "old" of "71-year-old": no sentence names the oldest, so no age is given for it', async () => {
    const a = await askIn(FERRY(), 'how old was the oldest one');
    expect(a.short?.text ?? '', answerText(a)).not.toMatch(/71-year-old/);
  }, 60_000);
});
