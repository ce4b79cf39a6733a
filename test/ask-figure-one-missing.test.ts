/**
 * A count or a measure that fits the question (nearly) perfectly, in a sentence naming every name asked and all the rest
 * of the question but one element, answers — the figure's own noun or unit ties it to what is asked, where the sentence
 * words one noun otherwise ("about two miles from the refinery" for "from the explosion") or never states the verb
 * ("about 40 passengers were in the sea" for "went into the ocean"). Every name asked must be in that sentence: Tom
 * Reyes's distance is not Lena Ortiz's. Stories written here: a refinery blast, a ferry capsizing.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const BLAST: Record<string, string> = {
  '01_harlan-courier.txt': `Monday 4 June 2040\n\nExplosion at Harlan refinery\n\nAn explosion tore through the Harlan refinery on Sunday night, shaking windows across the valley.\n\nInvestigators have not said what caused it.\n`,
  '02_valley-times.txt': `5 June 2040\n\nNeighbours fear for their health\n\nTom Reyes lives about two miles from the refinery with his wife and daughter.\n\nHe said the family was woken by the noise and has not slept well since.\n\nLena Ortiz, a teacher in the valley, said her pupils were frightened.\n`,
};
const FERRY: Record<string, string> = {
  '01_coast-post.txt': `12 August 2041\n\nFerry capsizes off Mira Point\n\nThe Mira Point ferry capsized on Friday in rough weather, the port authority said.\n\nThe crossing is one of the busiest on that stretch of ocean.\n`,
  '02_island-news.txt': `13 August 2041\n\nRescuers praised after ferry sinking\n\nOfficials said about 40 passengers were in the sea when lifeboats arrived.\n\nAll of them were brought ashore by midnight.\n`,
};

const blast = storyDeps(BLAST);
const ferry = storyDeps(FERRY);

describe('a figure that fits, with one element of the question worded otherwise', () => {
  it('answers "how far from the explosion" from the distance to the refinery, the verb and the name stated', async () => {
    const a = await ask(blast(), 'how far from the explosion does tom reyes live');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/two miles/);
    expect(answerText(a)).toContain('Tom Reyes lives about two miles from the refinery');
  }, 60_000);

  it('answers "how many went into the ocean" from a count of people "in the sea"', async () => {
    const a = await ask(ferry(), 'how many passengers went into the ocean');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text, answerText(a)).toMatch(/40 passengers/);
    expect(answerText(a)).toContain('about 40 passengers were in the sea');
  }, 60_000);

  it('does not give one person\'s distance for another named in the question', async () => {
    const a = await ask(blast(), 'how far from the explosion does lena ortiz live');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('two miles');
  }, 60_000);
});
