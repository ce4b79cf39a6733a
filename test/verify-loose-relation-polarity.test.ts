/**
 * A word the quote says only through a broad WordNet relation, and only the other way round, is not said: "an aerial
 * shot of the roof" does not say "killed" ("shoot" is a kind of killing), so it can neither contradict "nobody was
 * killed" nor support it. A derivation or a synonym still carries the negation ("does not include any admission of
 * fault" against "admitted fault": verify-negative-polarity). Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { supportOf } from '../src/evidence/support.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const deps = storyDeps({
  '01_city-herald.txt': `14 May 2040\n\nFire guts Varrow library\n\nAn aerial shot of the burned library roof was released by the city on Tuesday.\n\nThe fire at the Varrow library was put out on Tuesday morning, and nobody was killed, although one firefighter was hurt.\n`,
});

describe('a loose relation carries no negation', () => {
  it('the judge: "an aerial shot" neither contradicts nor supports "nobody was killed"', () => {
    const v = supportOf('Nobody was killed in the library fire', 'An aerial shot of the burned library roof was released by the city on Tuesday.');
    expect(v.verdict).not.toBe('contradicts');
    expect(v.verdict).not.toBe('supports');
  });

  it('/verify cites the sentence that says it, and does not call the claim contradicted', () => {
    const v = verify(deps(), 'Nobody was killed in the Varrow library fire');
    expect(v.verdict, text(v)).not.toBe('contradicted');
    expect(['supported', 'partly supported'], text(v)).toContain(v.verdict);
    expect(text(v)).toMatch(/nobody was killed/);
    expect(text(v)).not.toMatch(/aerial shot/);
  });
});
