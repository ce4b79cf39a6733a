/**
 * "Harlan Mills and four other directors were fined": the others, with the name listed before them, make the whole
 * ("five directors, including Harlan Mills"). readFigures reads "four other directors" as a count of directors of up to
 * five; the digest's figure rules take that bound, so /verify compares the claim with either article; and the claim is
 * one whole, not "Harlan Mills were fined" and "four other directors were fined". Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const DAM = storyDeps({
  '01_tolvard-post.txt': `8 July 2046\n\nDirectors fined over Brack dam\n\nA court in Tolvard fined five directors of the Brack dam company, including chairman Harlan Mills, on Monday.\n\nThe company said it would appeal.\n`,
  '02_dam-watch.txt': `9 July 2046\n\nBrack dam fines\n\nHarlan Mills and four other directors were fined by the Tolvard court for safety failures at the Brack dam.\n`,
});

const verify = async (text: string) => answerText(await runCommand(DAM(), { command: 'verify', text }));

describe('a count of others', () => {
  it('counts the noun after "other", up to the whole with the names listed before it', () => {
    const read = (t: string) => readFigures(t).map((f) => [f.text, f.head, f.lo, f.hi]);
    expect(read('Harlan Mills and four other directors were fined.')).toEqual([['four', 'director', 4, 5]]);
    expect(read('Smith, Jones and 20 other crew members were rescued.')).toEqual([['20', 'crew', 20, 22]]);
    // No names before it: the others are all there is.
    expect(read('The company and three other firms were fined.')).toEqual([['three', 'firm', 3, 3]]);
  });

  it('/verify: the name and the others are one whole, matched by "five" and by "four other"', async () => {
    expect(await verify('Harlan Mills and four other directors were fined over the Brack dam')).toMatch(/^Verdict: supported/m);
    expect(await verify('Five directors were fined over the Brack dam')).toMatch(/^Verdict: supported/m);
    const seven = await verify('Harlan Mills and seven other directors were fined over the Brack dam');
    expect(seven).toMatch(/^Verdict: contradicted/m);
    expect(seven).not.toMatch(/Part 1/);
  }, 60_000);
});
