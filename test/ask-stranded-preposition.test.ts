/**
 * "Which country is the volcano near the border of?": a question ending on a noun and "of" asks for that preposition's
 * object — the place the sentence writes after the noun and a preposition ("near the border with Argentina"), not the
 * one the thing is in. Stories written here: a volcano, a dam.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const VOLCANO: Record<string, string> = {
  '01_andes-report.txt': `3 August 2034\n\nAsh column rises over Cerro Blanco\n\nThe volcano erupted in Chile near the border with Argentina on Sunday.\n\nFlights were cancelled across the region.\n`,
};
const DAM: Record<string, string> = {
  '01_water-news.txt': `21 May 2035\n\nCracks found in Hollis Dam\n\nEngineers found cracks in the Hollis Dam, which stands in Nevada near the border with Arizona.\n\nThe reservoir was lowered as a precaution.\n`,
};

const volcano = storyDeps(VOLCANO);
const dam = storyDeps(DAM);

describe('a stranded preposition asks for its object', () => {
  it('answers "which country is the volcano near the border of" with the neighbour', async () => {
    const a = await ask(volcano(), 'which country is the volcano near the border of');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/^Argentina/);
  }, 60_000);

  it('answers "which state is the dam near the border of" with the neighbour', async () => {
    const a = await ask(dam(), 'which state is the dam near the border of');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/^Arizona/);
  }, 60_000);
});
