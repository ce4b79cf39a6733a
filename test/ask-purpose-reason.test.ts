/**
 * "Why did they leave?" — "… before leaving to answer other calls": an infinitive of purpose after the question's verb
 * (or after its object) says what it was done for. And a passive ("has been especially complicated because of …") puts
 * the cause after the participle, not before it. Stories written here: a ferry, a mayor's trip, a vote count, a blackout.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const FERRY: Record<string, string> = {
  '01_island-news.txt': `4 February 2037\n\nFerry crew praised\n\nThe crew of the Marram ferry left the harbour before dawn on Sunday to pick up the stranded hikers from Skellig Point.\n\nThe sea was calm by noon.\n\nAll nine hikers were brought back to the mainland.\n`,
  '02_coast-radio.txt': `5 February 2037\n\nHikers safe after night on rocks\n\nThe hikers had been cut off by the tide on Saturday evening.\n\nA coastguard spokesman said the ferry crew acted quickly.\n`,
};
const TRIP: Record<string, string> = {
  '01_city-paper.txt': `9 October 2037\n\nMayor in Brussels\n\nMayor Ilse Vandeven flew to Brussels on Tuesday to meet the transport commissioner about the tram line.\n\nThe city has asked for 40 million euros.\n\nShe returned on Wednesday.\n`,
};
const COUNT: Record<string, string> = {
  '01_county-herald.txt': `21 November 2037\n\nCount still going on\n\nThe count in Harrow County has been especially complicated because of storm damage to the roads between polling stations.\n\nOfficials expect a result by Friday.\n\nTurnout was 61 percent.\n`,
};
const BLACKOUT: Record<string, string> = {
  '01_valley-post.txt': `2 March 2038\n\nLights back on in Orrin\n\nThe blackout across Orrin on Monday was caused by a fault at the Kesh substation, the grid operator said.\n\nPower returned after six hours.\n`,
};
const ferry = storyDeps(FERRY);
const blackout = storyDeps(BLACKOUT);
const trip = storyDeps(TRIP);
const count = storyDeps(COUNT);

describe('an infinitive of purpose answers why', () => {
  it('after the verb and its object (ferry)', async () => {
    const a = await askIn(ferry(), 'why did the crew leave the harbour');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^to pick up the stranded hikers from Skellig Point \[\d+\]$/);
  }, 60_000);

  it('past a "to" before a place (mayor)', async () => {
    const a = await askIn(trip(), 'why did the mayor fly to brussels');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^to meet the transport commissioner about the tram line \[\d+\]$/);
  }, 60_000);
});

describe('a passive participle is not a cause before it', () => {
  it('"has been especially complicated because of" (count)', async () => {
    const a = await askIn(count(), 'why is the count taking so long');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^because of storm damage to the roads between polling stations \[\d+\]$/);
  }, 60_000);

  it('"was caused by" (blackout)', async () => {
    const a = await askIn(blackout(), 'why did the blackout happen');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^caused by a fault at the Kesh substation \[\d+\]$/);
  }, 60_000);
});
