/**
 * Counts compared by what they count and from which side they are bounded. "Fewer than 1,000 sailings" is ruled out by
 * "more than 1,000 sailings" (bounded from opposite sides of one number, however near), and is not said by "940
 * outages" (another thing counted, whatever the value); "about 2,400 machines" is said by "some 2,400 computers" (a
 * kind of machine). Found on real news: "Delta canceled fewer than 1,000 flights" was called supported by a sentence
 * pairing "more than 1,000 flights" with "911 outages". Text written here.
 */
import { describe, expect, it } from 'vitest';
import { figuresInText, relateFigures } from '../src/engines/claims.js';
import { runCommand } from '../src/engines/index.js';
import { storyDeps } from './helpers/story.js';

const deps = storyDeps({
  '01_coast-wire.txt': `14 February 2032\n\nStorm halts ferries\n\nMore than 1,000 sailings were cancelled on Friday as the storm reached the coast. Harbour police confirmed 940 outages of the radio network.\n\nSome 2,400 computers at the port authority were affected by the power cut, officials said.\n`,
});
type V = { verdict?: string; text?: string; blocks: { text: string }[] };
const verdictOf = async (claim: string) => ((await runCommand(deps(), { command: 'verify', text: claim })) as V).verdict;

describe('counts: what is counted, and from which side', () => {
  it('opposite bounds of one number conflict; "fewer than" excludes the number itself', () => {
    const [fewer] = figuresInText('fewer than 1,000 flights were cancelled');
    const [more] = figuresInText('more than 1,000 flights were cancelled');
    const [exact] = figuresInText('Officials said 1,000 flights were cancelled');
    expect(relateFigures(fewer!, more!)).toBe('conflict');
    expect(relateFigures(more!, fewer!)).toBe('conflict');
    expect(relateFigures(fewer!, exact!)).not.toBe('match');
  });

  it('"fewer than 1,000 sailings were cancelled" is contradicted, not supported by "940 outages"', async () => {
    expect(await verdictOf('Fewer than 1,000 sailings were cancelled on Friday')).toBe('contradicted');
  }, 60_000);

  it('a related counted noun still says it: "about 2,400 machines" for "some 2,400 computers"', async () => {
    expect(await verdictOf('About 2,400 machines at the port authority were affected by the power cut')).toBe('supported');
  }, 60_000);
});
