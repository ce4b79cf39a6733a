/**
 * "up to a mile", "about an acre": an article before a unit of length or area written as a word is one of it — a figure
 * like "1.5 miles" — except inside a fraction ("half a mile", "two-thirds of an acre", which is the figure). Found on real
 * news ("deadly shrapnel traveling up to a mile" went unread, so "how far could the shrapnel fly" was refused). Stories
 * written here: a gas leak, a grass fire, a flooded park. "How much of <a place> burned" asks a share or an area of it
 * (lexicon: the share question's figures include areas), not a count of whoever put the fire out.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const read = (t: string) => readFigures(t).map((f) => [f.text, f.kind, f.value]);

const LEAK: Record<string, string> = {
  '01_harbour-post.txt': `12 August 2040\n\nGas leak closes Quay Street\n\nA cracked main leaked gas under Quay Street on Tuesday.\n\nFire officers said a spark could send flames up to a mile along the old sewer.\n\nThe street reopened on Thursday.\n`,
};
const FIRE: Record<string, string> = {
  '01_downs-gazette.txt': `3 July 2040\n\nGrass fire on Carrow Down\n\nA grass fire burned about an acre of Carrow Down on Sunday afternoon.\n\nTwo crews put it out within an hour.\n`,
};
const PARK: Record<string, string> = {
  '01_city-desk.txt': `18 February 2041\n\nRiver bursts into Fenmoor Park\n\nThe river flooded 40 hectares of Fenmoor Park overnight, the council said.\n\nThree families were moved from houseboats.\n`,
};
const leak = storyDeps(LEAK);
const park = storyDeps(PARK);
const fire = storyDeps(FIRE);

describe('"a mile", "an acre": one of the unit', () => {
  it('reads the figure, and leaves a fraction whole', () => {
    expect(read('flames up to a mile along the sewer')).toEqual([['up to a mile', 'distance', 1]]);
    expect(read('burned about an acre of the down')).toEqual([['about an acre', 'area', 1]]);
    expect(read('half a mile away')).toEqual([['half a mile', 'distance', 0.5]]);
    expect(read('nearly a quarter of a kilometre long')).toEqual([['nearly a quarter of a kilometre', 'distance', 0.25]]);
    expect(read('they met in a yard, once a day')).toEqual([]);
  });

  it('answers how far (leak)', async () => {
    const a = await askIn(leak(), 'how far could the flames go');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^up to a mile \[\d+\]$/);
  }, 60_000);

  it('"how much of <a place>" asks a share or an area of it, not a count of something else (fire, park)', async () => {
    const a = await askIn(fire(), 'how much of carrow down burned');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^about an acre \[\d+\]$/);
    const b = await askIn(park(), 'how much of fenmoor park flooded');
    expect(b.short?.text ?? '', answerText(b)).toMatch(/^40 hectares \[\d+\]$/);
  }, 60_000);

  it('answers how much land (fire)', async () => {
    const a = await askIn(fire(), 'how much land burned on carrow down');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^about an acre \[\d+\]$/);
  }, 60_000);
});
