/**
 * A one-sentence paragraph that negates ("None of the birds affected were believed to be protected") takes the rest of
 * its subject from the sentence before it, across the paragraph break — as /verify already reads adjacent sentences
 * when it gathers evidence. The judge reads that pair too, so the negation contradicts a claim saying the opposite.
 * Such a pair only contradicts by its polarity: a figure from the other paragraph ("killing at least 20 people" before
 * a caption about the town) is of another event, and two paragraphs together support nothing. Found on real news:
 * "Endangered species were among the aquatic animals killed" was only partly supported. Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const SPILL: Record<string, string> = {
  '01_shore-post.txt': `3 March 2032\n\nOil reaches Mirren Bay\n\nOil from the stranded tanker Corvale reached the beaches of Mirren Bay on Tuesday, the coast authority said.\n\nWildlife officers estimated that about 900 coastal birds were killed in the first two days. Officers say there is no lasting threat to gulls, terns or other coastal species.\n\nNone of the birds affected were believed to be protected or rare.\n\nVolunteers cleaned two beaches by Friday.\n`,
  '02_bay-news.txt': `4 March 2032\n\nCleanup goes on at Mirren Bay\n\nThe tanker's owner said it would pay for the cleanup of Mirren Bay.\n\nDivers sealed the tanker's hull on Thursday.\n`,
};

const MILL: Record<string, string> = {
  '01_valley-times.txt': `12 October 2032\n\nFire at the Oskar paper mill\n\nFirefighters led about 140 night-shift workers out of the Oskar paper mill in Brannock on Sunday as smoke filled the drying hall.\n\nNone of them was seriously hurt, the fire chief said.\n\nThe mill will stay closed for a week.\n`,
  '02_brannock-herald.txt': `13 October 2032\n\nBrannock mill to reopen\n\nThe owners of the Oskar paper mill said the drying hall would be rebuilt.\n\nA storm flooded Brannock's main street, killing at least 20 people.\n\nThe mayor of Brannock opened a shelter for families whose homes were damaged.\n`,
};

const spill = storyDeps(SPILL);
const mill = storyDeps(MILL);
type V = { verdict?: string; blocks: { text: string }[] };
const verdict = async (deps: ReturnType<typeof spill>, text: string) => {
  const a = (await runCommand(deps, { command: 'verify', text })) as V;
  return { v: a.verdict ?? 'not addressed', text: answerText(a) };
};

describe('a negating paragraph is read with the sentence before it', () => {
  it('"None of the birds affected were protected" contradicts protected species among the birds killed', async () => {
    const a = await verdict(spill(), 'Protected species were among the coastal birds killed');
    expect(a.v, a.text).toBe('contradicted');
  }, 60_000);

  it('"None of them was seriously hurt", after the workers led out, contradicts that workers were seriously hurt', async () => {
    const a = await verdict(mill(), 'Night-shift workers led out of the Oskar mill were seriously hurt');
    expect(a.v, a.text).toBe('contradicted');
  }, 60_000);

  it('a figure in the paragraph before another one is not the claim\'s figure', async () => {
    const a = await verdict(mill(), 'About 6,000 people lived in Brannock before the storm');
    expect(a.v, a.text).not.toBe('contradicted');
  }, 60_000);
});
