/**
 * A compound claim is split where a second clause starts, so each part is judged (verify.ts splitClaim). Two ways news
 * English opens that second clause were read as one claim, so a part the articles never address made the whole "not
 * addressed", or a part they support made it "supported":
 * - a quantifier standing as the subject after "and"/"but" ("…, and all of them were repaired", "but most were saved");
 * - an absolute clause after ", with" ("a deal was reached, with the city paying half of it").
 * Found on real news (a siren test, a settlement). Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { splitClaim, verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_valley-times.txt': `3 March 2031\n\nFlood pumps failed in Dunmore test\n\nOnly 9 of Dunmore's 14 flood pumps worked in a 2029 inspection, the water board said.\n\nThe river rose two metres overnight.\n`,
  '02_port-ledger.txt': `4 March 2031\n\nFerry strike ends\n\nA provisional $30 million agreement has been reached between the Kestrel Line and its crews, the union said.\n\nServices resume on Monday.\n`,
};

const deps = storyDeps(FILES);

describe('a second clause opened by a quantifier subject or an absolute "with"', () => {
  it('splits at "and all of them …" and "but most …" with their own verb, not at a list', () => {
    expect(splitClaim('Only 9 pumps worked in the test, and all of them were replaced later').map((p) => p.shown)).toEqual(['Only 9 pumps worked in the test', 'all of them were replaced later']);
    expect(splitClaim('Twelve miners were trapped but most were rescued').map((p) => p.shown)).toEqual(['Twelve miners were trapped', 'most were rescued']);
    expect(splitClaim('The fund paid the farmers and all of their suppliers')).toHaveLength(1);
  });

  it('splits at ", with <subject> <participle>", not at a "with" detail', () => {
    expect(splitClaim('A deal was reached, with the city paying half of it').map((p) => p.shown)).toEqual(['A deal was reached', 'the city paying half of it']);
    expect(splitClaim('The ferry sailed on, with two pilots on board')).toHaveLength(1);
  });

  it('a supported first part and an unaddressed quantifier part: partly supported', () => {
    const v = verify(deps(), "Only 9 of Dunmore's 14 flood pumps worked in a 2029 inspection, and all of them were replaced before the flood");
    expect(v.verdict, text(v)).toBe('partly supported');
    expect((v.meta as { parts: { verdict: string }[] }).parts[0]!.verdict).toBe('supported');
  }, 60_000);

  it('an agreement the articles report and a share they never mention: partly supported, not "not addressed"', () => {
    const v = verify(deps(), 'A $30 million agreement was reached, with the Kestrel Line paying a third of it');
    expect(v.verdict, text(v)).toBe('partly supported');
    expect((v.meta as { parts: { verdict: string }[] }).parts[1]!.verdict).toBe('not addressed');
  }, 60_000);
});
