/**
 * Figures as reports write them (issue #12): a stay counted in nights ("a seven-night voyage") is a span of time like
 * days; a number written with a decimal point ("CC BY 4.0") counts nothing; "whole", "entire", "exact" say how much of
 * a thing is meant, not what it is, so "how many days is the whole trip" asks what "how many days is the trip" does.
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { runCommand } from '../src/engines/index.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_polar-post.txt': `3 March 2035\n\nIce cruise ship returns\n\nThe operator sells a seven-night voyage to the ice shelf for 9,000 euros.\n\nImage: Satellite imagery shows tugs working to free the Polar Star container ship grounded in the ice (CC BY 4.0)\n\nThe ship carries about 180 passengers.\n`,
  '02_ice-wire.txt': `4 March 2035\n\nRadio lost on ice cruise\n\nCrews lost radio contact with the ship for approximately one hour and 45 minutes on Sunday.\n\nThe trip to the ice shelf is run by Polar Lines, a Norwegian company.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('nights, decimals and the whole of a thing', () => {
  it('reads "seven-night" as a span of seven nights', () => {
    expect(readFigures('a seven-night voyage').map((f) => [f.kind, f.value, f.unit])).toEqual([['duration', 7, 'nights']]);
    expect(readFigures('they spent three nights on the ice').map((f) => [f.kind, f.value, f.unit])).toEqual([['duration', 3, 'nights']]);
  });

  it('"whole" asks nothing of its own', () => {
    expect(parseQuestion(deps(), 'how many days is the whole trip').predicates.map((p) => p.lemma)).toEqual([]);
  });

  it('answers how long the voyage is with its nights', async () => {
    const a = await ask('how many days is the whole voyage');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^seven-night \[\d+\]$/);
  }, 60_000);

  it('counts a span in the unit asked: one shorter than a day is no answer to "how many days"', async () => {
    expect(parseQuestion(deps(), 'how many days is the whole trip').durationUnit).toBe('days');
    expect(parseQuestion(deps(), 'how many hours were they without radio').durationUnit).toBe('hours');
    expect(parseQuestion(deps(), 'how long is the trip').durationUnit).toBeNull();
    const a = await ask('how many days is the whole trip');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^seven-night \[\d+\]$/);
    const h = await ask('how many hours were they without radio contact');
    expect(h.short?.text ?? '', answerText(h)).toMatch(/^approximately one hour and 45 minutes \[\d+\]$/);
  }, 60_000);

  it('a licence version counts no containers', async () => {
    const a = await ask('how many containers can it hold');
    expect(answerText(a)).not.toMatch(/4\.0 \[/);
  }, 60_000);
});

describe('"how deep underground": the words after "deep" restate the dimension', () => {
  const caveDeps = storyDeps({
    '01_karst-news.txt': `9 May 2035\n\nDivers reach flooded chamber\n\nThe divers reached a chamber about 3km from the entrance and up to 800 metres below the surface.\n`,
    '02_health-desk.txt': `10 May 2035\n\nDoctors warn on cave stays\n\nDoctors said nobody should stay underground for long.\n`,
  });

  it('answers with the depth, not a refusal that "underground" is never said with a figure', async () => {
    const a = (await runCommand(caveDeps(), { command: 'ask', text: 'how deep underground did the divers get' })) as A;
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/800 metres/);
  }, 60_000);
});
