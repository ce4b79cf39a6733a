/**
 * A claim of one word or one number states nothing about anything, yet `/verify "faster than faster than"` on the seeds
 * came back "supported" by a sentence about "fast boats", and `/verify "Maduro"` by any sentence naming him: the later
 * readings (the judge, the role slot) ran on claims the first reading had already found empty. Such a claim is "not
 * addressed" with a message saying what a claim needs, and no later reading overturns it. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_valley-courier.txt': `3 March 2031\n\nFast ferry grounded off Dunmere\n\nA fast ferry ran aground off Dunmere on Sunday evening, the harbour master Ilse Varga said.\n\nAll 61 passengers were taken ashore by lifeboat.\n`,
  '02_harbour-times.txt': `8 June 2031\n\nBrannock mayor quits\n\nThe mayor of Brannock, Tobias Fenn, resigned on Thursday after a vote of no confidence.\n\nHis deputy will serve until an election in the autumn.\n`,
};

const deps = storyDeps(FILES);

describe('a claim too short to check', () => {
  for (const claim of ['faster than faster than', 'Fenn', 'Varga!', 'fast', '61', 'the 61']) {
    it(`“${claim}” is not addressed, and says why`, () => {
      const v = verify(deps(), claim);
      expect(v.verdict, text(v)).toBe('not addressed');
      expect(v.citations).toHaveLength(0);
      expect(text(v)).toMatch(/too short to check|no words I can look up/);
    }, 60_000);
  }

  it('names the one word as typed', () => {
    expect(text(verify(deps(), 'Fenn'))).toContain('one word (“Fenn”)');
  }, 60_000);

  it('two words are a claim: still judged, in both stories', () => {
    expect(verify(deps(), 'Fenn resigned').verdict).toBe('supported');
    expect(verify(deps(), 'The ferry ran aground').verdict).toBe('supported');
    expect(verify(deps(), '61 passengers').verdict).not.toBe('contradicted');
  }, 60_000);
});
