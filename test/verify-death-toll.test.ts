/**
 * "The final death toll was 98" is a count of the dead, whatever words the articles use for it ("killed 98 people"):
 * /verify read the toll as a count of "death" and found "no figure for death", and looked for "toll" as a word. The
 * figure reader takes a figure noun's value with a phrase between ("the death toll from the quarry blast was 14"), the
 * claim's count of the dead is compared with the counts of people killed (as the digest keys them), and the figure
 * noun is how the count is written, no word to find. /ask says the same number. A story written here.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/analysis/figures.js';
import { runCommand } from '../src/engines/index.js';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const QUARRY = storyDeps({
  '01_dunmere-post.txt': `9 October 2042\n\nQuarry blast at Dunmere\n\nA blast at the Dunmere quarry killed 14 people on Monday, the county said.\n\nRescue teams searched the site through the night.\n`,
  '02_valley-news.txt': `10 October 2042\n\nDunmere mourns\n\nThe blast that killed 14 people was caused by a gas leak, investigators said on Tuesday.\n`,
});

describe('a death toll in a claim', () => {
  it('is read with a phrase between the toll and its value', () => {
    const read = (t: string) => readFigures(t).map((f) => [f.text, f.kind, f.head]);
    expect(read('The death toll from the Dunmere quarry blast was 14')).toEqual([['14', 'count', 'death']]);
    expect(read('The death toll in Surfside rose to 98 on Friday')).toEqual([['98', 'count', 'death']]);
    // Naming nothing, "the toll" is still no count of its own.
    expect(read('the toll rose to 61')).toEqual([['61', 'number', null]]);
  });

  it('is compared with the count of people killed: 14 supported, 40 contradicted', async () => {
    const deps = QUARRY();
    const yes = await runCommand(deps, { command: 'verify', text: 'The death toll from the Dunmere quarry blast was 14' });
    expect(answerText(yes)).toMatch(/Verdict: supported/);
    expect(answerText(yes)).toMatch(/the claim says 14 dead — consistent/);
    const no = await runCommand(deps, { command: 'verify', text: 'The death toll from the Dunmere quarry blast was 40' });
    expect(answerText(no)).toMatch(/Verdict: contradicted/);
    expect(answerText(no)).toMatch(/“14” people .*; the claim says 40 dead — these do not match/);
  }, 60_000);

  it('/ask gives the same number', async () => {
    const a = await askIn(QUARRY(), 'what was the death toll');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^14 people \[\d+\]/);
  }, 60_000);
});
