/**
 * A claim that gives a state and when it held ("The ship was travelling south when it got stuck") against articles
 * that write the opposite state in other words ("transiting northbound", "a northbound convoy … when it ran aground")
 * was "supported" on real news: the search never reached the sentences with the opposite state (they share no word of
 * it with the claim), supportOf asked the clause of time ("when it got stuck") to be worded as the sentence words it
 * before the state could contradict, and a sentence that only shares the claim's words ("a southern section of the
 * canal") counted for it. Now the opposite state is searched for as written, a clause of time says when, not what
 * (support.ts), and a sentence writing the opposite state outweighs one that does not write the claim's.
 * The same holds of a negated main clause: "Sirens were sounded as the fire approached X" against "his decision not
 * to sound warning sirens as wildfires swept across the island". Stories written here; the clauses of time of the claims are worded otherwise than the articles'.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_coast-news.txt': `9 May 2032\n\nFerry aground in Larrick Sound\n\nThe ferry Marigold Star ran onto a sandbank in an eastern channel of Larrick Sound on Tuesday, delaying shipping for hours.\n\nAccording to the harbour master, the Marigold Star was westbound with 200 passengers when it hit the bank.\n\nTugs pulled it free at high tide.\n`,
  '02_shore-gazette.txt': `10 May 2032\n\nStorm alarms stayed silent in Pellham\n\nThe county's emergency chief defended his decision not to activate the storm alarms as the water rose, saying people would have driven towards the river.\n\nHe resigned two days later.\n`,
  '03_civic-post.txt': `12 May 2032\n\nTreasurer keeps post\n\nDespite calls from three councillors, Dena Ames stayed on as treasurer of Orrin Council.\n\nThe audit of the council's accounts was published on Monday. Officials kept the Arlen bridge open through the night, choosing not to close it while the gale blew.\n`,
};

const deps = storyDeps(FILES);

describe('a state or polarity with a clause of time', () => {
  it('travelling the opposite way: contradicted, citing the sentence with the opposite direction', () => {
    const v = verify(deps(), 'The Marigold Star was travelling east when it got stuck');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/westbound/);
  }, 60_000);

  it('the same direction is not contradicted by it', () => {
    const v = verify(deps(), 'The Marigold Star was heading west when it got stuck');
    expect(v.verdict, text(v)).not.toBe('contradicted');
  }, 60_000);

  it('another state pair: resigned against stayed on', () => {
    const v = verify(deps(), 'Dena Ames resigned as treasurer when the audit was published');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/stayed on/);
  }, 60_000);

  it('a main clause the articles negate: contradicted, whatever the clause of time says', () => {
    const v = verify(deps(), "The county's storm alarms were activated as the flood reached Pellham");
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/decision not to activate/);
  }, 60_000);

  it('another negated main clause: a bridge not closed while a gale blew', () => {
    const v = verify(deps(), 'The Arlen bridge was closed while the storm battered Orrin');
    expect(v.verdict, text(v)).toBe('contradicted');
    expect(text(v)).toMatch(/not to close/);
  }, 60_000);
});
