/**
 * A count of a narrower kind is a part of a count, not a rival to it: "including 65 container ships" does not
 * contradict "more than 300 ships were waiting", and the article's "at least 369 vessels" says it. Found on real news
 * (ships queued at a blocked canal). Text written here.
 */
import { describe, expect, it } from 'vitest';
import { sameQuantity } from '../src/analysis/figure-relations.js';
import { figuresInText } from '../src/engines/claims.js';
import { runCommand } from '../src/engines/index.js';
import { storyDeps } from './helpers/story.js';

const deps = storyDeps({
  '01_port-wire.txt': `28 March 2031\n\nQueue grows at the Varn strait\n\nA total of 290 vessels were waiting on Friday, including 70 container ships and 60 bulk carriers, a shipping source said.\n\nAt least 369 vessels were waiting to pass the strait on Sunday, the strait authority said.\n`,
});

describe('a narrower count is a part, not a rival', () => {
  it('"container ships" is not the same quantity as "ships"; "suspected traffickers" is as "traffickers"', () => {
    const [part] = figuresInText('officials said 70 container ships were waiting');
    const [whole] = figuresInText('officials said 300 ships were waiting');
    expect(part && whole, 'both read').toBeTruthy();
    expect(sameQuantity(part!, whole!)).toBe(false);
    const [a] = figuresInText('officials said 40 suspected traffickers were killed');
    const [b] = figuresInText('officials said 40 traffickers were killed');
    expect(sameQuantity(a!, b!)).toBe(true);
  });

  it('"more than 300 ships were waiting" is supported, not contradicted by the container ships', async () => {
    const v = (await runCommand(deps(), { command: 'verify', text: 'More than 300 ships were waiting to pass the strait' })) as { verdict?: string };
    expect(v.verdict).toBe('supported');
  }, 60_000);
});
