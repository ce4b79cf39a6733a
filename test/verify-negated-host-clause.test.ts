/**
 * A negation governs its clause; a clause on the negated verb's object ("the sell-off endured by …", "the blackout
 * which the hospital suffered") says what happened to someone else. A claim that the main clause's subject had that
 * same thing was "supported" on real news: the claim's verb was covered only by the unnegated verb of the clause on the
 * noun, so the main-clause negation was never compared. Now a word of the claim's own clause said only in such a
 * clause, where the quote's own clause negates its verb and names the claim's subject, is negated in one and not the
 * other. The clause's own subject may still be said to have had it. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { supportOf } from '../src/evidence/support.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const HOTEL = 'The harbour hotel kept its lights on Tuesday and did not face the blackout suffered by the hospital.';
const FERRY = 'Shares of the Orrin ferry operator slipped on Monday but did not see the slump which the airline suffered.';

const FILES: Record<string, string> = {
  '01_bay-herald.txt': `4 May 2032\n\nStorm cuts power across Kelmouth\n\nA storm cut power to most of Kelmouth on Tuesday night.\n\n${HOTEL}\n`,
  '02_market-post.txt': `9 May 2032\n\nTravel shares fall\n\nTravel shares fell sharply on Monday after the airline cancelled its summer routes.\n\n${FERRY}\n`,
};

const deps = storyDeps(FILES);

describe('a verb in a clause on the negated object', () => {
  it('supportOf: the main subject did not have what the clause on the noun says', () => {
    const a = supportOf('The harbour hotel suffered the same blackout as the hospital', HOTEL);
    expect(a.verdict).toBe('contradicts');
    expect(a.reason ?? '').toMatch(/suffered/);
    expect(supportOf("The Orrin ferry operator's shares suffered the same slump as the airline", FERRY).verdict).toBe('contradicts');
  });

  it("supportOf: the clause's own subject did have it", () => {
    expect(supportOf('The hospital suffered a blackout', HOTEL).verdict).toBe('supported');
    expect(supportOf('The airline suffered a slump', FERRY).verdict).toBe('supported');
  });

  it('verify: the hotel claim is contradicted', () => {
    const v = verify(deps(), 'The harbour hotel suffered the same blackout as the hospital');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/did not face the blackout/);
  }, 60_000);

  it('verify: the ferry claim is contradicted', () => {
    const v = verify(deps(), "The Orrin ferry operator's shares suffered the same slump as the airline");
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/did not see the slump/);
  }, 60_000);
});
