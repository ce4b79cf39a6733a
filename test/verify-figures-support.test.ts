/**
 * A claim's figure is supported only when the articles pin it down: overlapping
 * ranges ("at least 61" vs "at least 100") are a near miss, not support.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { figuresInText, relateFigures } from '../src/engines/claims.js';
import { runCommand } from '../src/engines/index.js';
import { testDeps } from './helpers/deps.js';

const fig = (t: string) => figuresInText(t)[0]!;

describe('relateFigures', () => {
  it.each([
    ['Strikes killed at least 100 people', 'Strikes killed at least 61 people', 'close'],
    ['Strikes killed more than 50 people', 'Strikes killed at least 61 people', 'match'],
    ['Strikes killed 61 people', 'Strikes killed at least 61 people', 'match'],
    ['Strikes killed at least 61 people', 'Strikes killed more than 60 people', 'match'],
    ['Strikes killed 4,500 people', 'Strikes killed roughly 4,500 people', 'match'],
    ['Strikes killed 40 people', 'Strikes killed at least 61 people', 'conflict'],
  ])('claim %j vs article %j → %s', (claim, article, want) => {
    expect(relateFigures(fig(claim), fig(article))).toBe(want);
  });
});

describe('/verify with figures larger than the articles give', () => {
  let deps: Deps;
  beforeAll(async () => {
    deps = await testDeps();
  });
  afterAll(async () => deps?.store.close());

  it('"At least 100 people were killed" is not supported by "more than 60" / "at least 61"', async () => {
    const a = await runCommand(deps, { command: 'verify', text: 'At least 100 people were killed in the strikes' });
    expect(a.verdict).not.toBe('supported');
  });

  it('"More than 50 people were killed" is supported', async () => {
    const a = await runCommand(deps, { command: 'verify', text: 'More than 50 people were killed in the strikes' });
    expect(a.verdict).toBe('supported');
  });
});
