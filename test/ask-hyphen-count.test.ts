/**
 * "a 22-story hotel" counts the hotel's stories. The search index held "22-story" as one key, so "how many stories" never
 * met the sentence (the articles "never mention stories"), and the figure reader read a bare 22. Now the index holds a
 * hyphenated word's parts as well (one tokenizer for the index, its term counts and the corpus's word relations), and a
 * number hyphened to a noun that is no unit counts that noun, in every command. "How many floors" asks for storeys: the
 * noun a count asks for is named by its synonyms in any of its senses. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { indexTerms, indexWords } from '../src/language/tokenize.js';
import { runCommand } from '../src/engines/index.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const HOTEL = storyDeps({
  '01_bay-courier.txt': `11 June 2040\n\nHotel fire in Sallow Bay\n\nFire swept through the 22-story Marrow Hotel in Sallow Bay on Saturday night, the fire service said.\n\nGuests were led down the stairs by staff. The hotel, which opened in 2009, has 310 rooms and a rooftop pool.\n\nThree firefighters were treated for smoke inhalation.\n`,
  '02_coast-herald.txt': `12 June 2040\n\nSallow Bay hotel fire began in kitchen, chief says\n\nFire chief Oona Petrak said the blaze began in a ground-floor kitchen. A three-alarm response brought 60 firefighters to the scene.\n\nThe Marrow Hotel will stay closed while engineers inspect it.\n`,
});

describe('a number hyphened to a noun', () => {
  it('counts the noun ("14-story", "five-bedroom"); units, ages and "three-fold" read as before', () => {
    const read = (t: string) => readFigures(t).map((f) => [f.text, f.kind, f.head]);
    expect(read('Part of the 14-story tower collapsed.')).toEqual([['14-story', 'count', 'story']]);
    expect(read('They rented a five-bedroom house with a two-car garage.')).toEqual([
      ['five-bedroom', 'count', 'bedroom'],
      ['two-car', 'count', 'car'],
    ]);
    expect(read('a two-hour wait')).toEqual([['two-hour', 'duration', null]]);
    expect(read('a 12-year-old boy').map((x) => x[1])).toEqual(['age']);
    expect(read('a three-fold rise')).toEqual([['three', 'number', null]]);
    expect(read('a one-time payment')).toEqual([]);
  });

  it('the index reads its parts: one list for the tokenizer and the term counts', () => {
    expect(indexWords('the 22-story Marrow Hotel')).toEqual(['the', '22-story', '22', 'story', 'marrow', 'hotel']);
    expect(new Set(indexTerms('the 22-story Marrow Hotel'))).toEqual(new Set(['22-story', '22', 'story', 'marrow', 'hotel']));
    // A noun made of a verb and its particle has no parts of its own: a check-in is no check.
    expect(indexWords('the check-in kiosk')).toEqual(['the', 'check-in', 'kiosk']);
    expect(indexWords('the burned-out sections')).toEqual(['the', 'burned-out', 'burned', 'out', 'sections']);
  });

  it('"how many stories": the search finds the compound, and the answer is the count written in it', async () => {
    const deps = HOTEL();
    expect(deps.index.docFreq('stories')).toBe(1);
    expect(deps.index.search('stories').map((h) => h.id)).toEqual([expect.stringMatching(/^01_bay-courier/)]);
    const a = await askIn(deps, 'how many stories is the hotel');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^22-story \[\d+\]$/);
    // "floors": "storey" is "floor" in its second sense — the count asked for says which sense is meant.
    const f = await askIn(deps, 'how many floors does the hotel have');
    expect(f.short?.text ?? '', answerText(f)).toMatch(/^22-story \[\d+\]$/);
    // The count of rooms stays the rooms' answer.
    const b = await askIn(deps, 'how many rooms does the hotel have');
    expect(b.short?.text ?? '', answerText(b)).toMatch(/^310 rooms \[\d+\]$/);
  }, 60_000);

  it('/verify reads the same count: 22 stories supported, 30 contradicted, and the figure line says "30-story" once', async () => {
    const deps = HOTEL();
    const yes = await runCommand(deps, { command: 'verify', text: 'The Marrow Hotel has 22 stories' });
    expect(answerText(yes)).toMatch(/Verdict: supported/);
    const no = await runCommand(deps, { command: 'verify', text: 'The Marrow Hotel is a 30-story hotel' });
    expect(answerText(no)).toMatch(/Verdict: contradicted/);
    expect(answerText(no)).toMatch(/the claim says 30-story — these do not match/);
  }, 60_000);
});
