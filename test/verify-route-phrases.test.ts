/**
 * A claim that gives a route with one verb of travel ("The ship was heading to Rotterdam from China") against
 * articles that give the same route with another ("was sailing from China to Rotterdam", "is on its way from China to
 * Rotterdam") was only "partly supported" on real news: "heading" was a claim word no sentence said. The verb of a
 * route phrase (lexicon ROUTE_PHRASES in states.ts: a verb of travel before to/from/for, "on its way to", "en route
 * to") says no more than any other, so a route phrase of the sentence says it. The places must still be the
 * sentence's. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { supportOf } from '../src/evidence/support.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_sea-bulletin.txt': `14 January 2034\n\nFreighter loses power off Skerra\n\nThe freighter Norvik Dawn lost power off Skerra island on Monday. The freighter was sailing from Valport to Ostmark with a cargo of timber when its engine failed.\n\nTugs towed the freighter to Skerra harbour.\n`,
  '02_air-desk.txt': `2 June 2034\n\nCargo plane diverts to Lorne\n\nA cargo plane on its way from Brevin to Castamar landed at Lorne on Tuesday after a cabin alarm.\n\nNo one on board was hurt, the airline said.\n`,
};

const deps = storyDeps(FILES);

describe('one route, another verb of travel', () => {
  it('"heading to Ostmark from Valport" against "sailing from Valport to Ostmark": supported', () => {
    const v = verify(deps(), 'The Norvik Dawn freighter was heading to Ostmark from Valport');
    expect(v.verdict, text(v)).toBe('supported');
    expect(text(v)).toMatch(/sailing from Valport to Ostmark/);
  }, 60_000);

  it('another story: "flying to Castamar" against "on its way from Brevin to Castamar": supported', () => {
    const v = verify(deps(), 'The cargo plane that landed at Lorne was flying to Castamar from Brevin');
    expect(v.verdict, text(v)).toBe('supported');
    expect(text(v)).toMatch(/on its way from Brevin to Castamar/);
  }, 60_000);

  it('supportOf: a route phrase says another verb of travel, never another place', () => {
    expect(supportOf('The barge was heading to Tarn from Odell', 'The barge, travelling from Odell to Tarn, ran aground.').verdict).toBe('supported');
    expect(supportOf('The barge was heading to Mirre from Odell', 'The barge, travelling from Odell to Tarn, ran aground.').verdict).not.toBe('supported');
  });
});
