/**
 * A yes/no question asks about its verb: a sentence stating that verb by its own word, with the thing asked worded more
 * broadly or narrowly ("employee" for "workers", "oaks" for "trees"), answers it when no sentence holds the noun itself
 * with the verb (issue #12) — the mirror of a sentence holding the noun by its own word beside a related verb. A sentence
 * with the related noun but not the verb still answers nothing. Two stories written here, a mill fire and a park in an
 * ice storm, each over two articles.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const MILL: Record<string, string> = {
  '01_ridge-gazette.txt': `4 February 2038\n\nFire guts the Ormond paper mill\n\nFlames spread through the Ormond paper mill overnight, the fire chief said.\n\nThe workers' union has asked for an inquiry.\n`,
  '02_ormond-record.txt': `6 February 2038\n\nMill fire: what we know\n\nThe blaze resulted in the death of one employee, the company confirmed.\n\nThe mill will stay closed for a month.\n`,
};
const PARK: Record<string, string> = {
  '01_north-herald.txt': `12 January 2038\n\nIce storm closes Kelby park\n\nKelby park was closed on Sunday as freezing rain coated the paths.\n\nThe trees along the lake were coated in ice.\n`,
  '02_valley-bulletin.txt': `13 January 2038\n\nPark reopens after the ice storm\n\nTwo old oaks fell across the main path during the storm, the parks office said.\n\nNo one was hurt.\n`,
};

const mill = storyDeps(MILL);
const park = storyDeps(PARK);

describe('a yes/no question answered by its verb, the thing asked worded otherwise', () => {
  it('answers "did any workers die" with the death of an employee (mill)', async () => {
    const a = await askIn(mill(), 'did any workers die');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/death of one employee/);
  }, 60_000);

  it('answers "did any trees fall" with the oaks that fell (park)', async () => {
    const a = await askIn(park(), 'did any trees fall in the storm');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/Two old oaks fell/);
  }, 60_000);

  it('answers nothing where no sentence states the verb', async () => {
    const a = await askIn(park(), 'did any trees burn in the storm');
    expect(a.answered, answerText(a)).toBe(false);
    const b = await askIn(mill(), 'did any workers quit');
    expect(b.answered, answerText(b)).toBe(false);
  }, 60_000);
});
