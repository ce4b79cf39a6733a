/**
 * A negation reaches what "any" introduces, whatever verbs stand between: "the payment does not include or represent
 * any admission of fault" negates the admission, so a claim that the company admitted fault is contradicted. On real
 * news the negation stopped at the first verb after "not" ("include"), and the claim was "not addressed". The words are
 * data (NEGATIVE_POLARITY, POLARITY_BARRIERS in denials.ts), read by the one judge (support.ts). A clause of its own
 * ("did not wait because any delay …") is not reached. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { supportOf } from '../src/evidence/support.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-post.txt': `3 March 2031\n\nFerry operator settles with Pellow families\n\nBluewake Ferries agreed on Monday to pay 4 million pounds to families of passengers hurt when its ferry struck the Pellow breakwater. A judge must still approve the deal.\n\nBluewake said the settlement "does not include or represent any admission of fault" and that it would keep its crossings running. Its insurer will pay part of the sum.\n\nThe harbour master said repairs to the breakwater would take a month.\n`,
  '02_valley-gazette.txt': `21 August 2031\n\nAudit of Harwick council published\n\nThe independent audit of Harwick Council did not turn up any evidence of fraud, the auditors said on Tuesday.\n\nThe council had been accused of overspending on its new library.\n\nCouncillors will vote on the library budget next month.\n`,
};

const deps = storyDeps(FILES);

describe('a negation reaches what "any" introduces', () => {
  it('"does not include … any admission of fault" against "admitted fault": contradicted', () => {
    const v = verify(deps(), 'Bluewake Ferries admitted fault as part of the settlement');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/any admission of fault/);
  }, 60_000);

  it('another story: "did not turn up any evidence of fraud" against "found evidence of fraud"', () => {
    const v = verify(deps(), 'The audit of Harwick Council found evidence of fraud');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/did not turn up any evidence of fraud/);
  }, 60_000);

  it('the judge: the word after "any" is negated, not one in a clause of its own', () => {
    const settled = supportOf('Bluewake admitted fault in the settlement', 'Bluewake said the settlement does not include or represent any admission of fault.');
    expect(settled.verdict).toBe('contradicts');
    expect(settled.parts.find((p) => p.check === 'negation')?.detail).toMatch(/'admitted' is negated/);
    expect(supportOf('The inspectors found evidence of a leak', 'The inspectors did not turn up any evidence of a leak.').parts.find((p) => p.check === 'negation')?.contradicts).toBe(true);
    expect(supportOf('A delay would sink the boat', 'The crew did not wait because any delay would sink the boat.').verdict).not.toBe('contradicts');
  });
});
