/**
 * A compound claim is split where its second clause starts, so each part is judged (verify.ts splitClaim). Two openings
 * of that second clause were read as more of the first, so a part the articles never address made the whole claim
 * "not addressed" or "contradicted" where another part is supported ("partly supported"):
 * - a verb the lexicon reads as a noun ("set", "cut") with its object right after it ("… and set a trial date for 2025");
 * - a counted subject with an "of" phrase ("…, and dozens of pet dogs and cats fell ill").
 * Found on real news (a court case, a chemical spill). Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { splitClaim, verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbor-gazette.txt': `9 May 2031\n\nCouncil backs new bus lines\n\nMayor Ilsa Varga approved 12 new bus lines for the harbor district on Tuesday.\n\nThe first buses run in June.\n`,
  '02_upland-echo.txt': `2 June 2031\n\nSpill at Colder reservoir\n\nHundreds of trout died in the Colder reservoir after a tanker spilled fuel into it, the water board said.\n\nThe reservoir is closed to anglers.\n`,
};

const deps = storyDeps(FILES);
const parts = (v: ReturnType<typeof verify>) => (v.meta as { parts: { claim: string; verdict: string }[] }).parts;

describe('a second clause opened by a noun-looking verb with its object, or by a counted "of" subject', () => {
  it('splits at "and set a …" and "and dozens of … fell", not inside a list', () => {
    expect(splitClaim('Mayor Ilsa Varga approved 12 new bus lines and set a budget for 2040')).toEqual([
      { shown: 'Mayor Ilsa Varga approved 12 new bus lines', query: 'Mayor Ilsa Varga approved 12 new bus lines' },
      { shown: 'set a budget for 2040', query: 'Mayor Ilsa Varga set a budget for 2040' },
    ]);
    expect(splitClaim('Hundreds of trout died in the reservoir, and dozens of grey herons fell ill').map((p) => p.shown)).toEqual(['Hundreds of trout died in the reservoir', 'dozens of grey herons fell ill']);
    expect(splitClaim('The board sold the boats and the vans')).toHaveLength(1);
  });

  it('approved lines the articles report, a budget they never mention: partly supported', () => {
    const v = verify(deps(), 'Mayor Ilsa Varga approved 12 new bus lines and set a budget for 2040');
    expect(v.verdict, text(v)).toBe('partly supported');
    expect(parts(v).map((p) => p.verdict)).toEqual(['supported', 'not addressed']);
  }, 60_000);

  it('dead trout the articles report, sick herons they never mention: partly supported, not "not addressed"', () => {
    const v = verify(deps(), 'Hundreds of trout died in the reservoir, and dozens of grey herons fell ill');
    expect(v.verdict, text(v)).toBe('partly supported');
    expect(parts(v).map((p) => p.verdict)).toEqual(['supported', 'not addressed']);
  }, 60_000);
});
