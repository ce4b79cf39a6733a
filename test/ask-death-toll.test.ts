/**
 * "What's the death toll?" asks how many died — a count, not a price (a road "toll" is one: "what is the toll on the
 * bridge" still asks money). Two stories written here, an earthquake and a ferry sinking.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const QUAKE: Record<string, string> = {
  '01_mountain-news.txt': `14 June 2036\n\nQuake strikes Varno valley\n\nAt least 212 people were killed when a magnitude 6.8 earthquake struck the Varno valley on Tuesday.\n\nRescuers are still searching collapsed homes in Ostra.\n\nRepairs to the valley road will cost $40 million, officials said.\n`,
};
const FERRY: Record<string, string> = {
  '01_island-post.txt': `2 September 2036\n\nFerry sinks off Kellis\n\nThe ferry Aurora sank off Kellis on Sunday night, and 31 passengers died.\n\nThe toll on the Kellis bridge is $4 for cars, and the bridge stayed open during the search.\n`,
};
const quake = storyDeps(QUAKE);
const ferry = storyDeps(FERRY);

describe('the death toll', () => {
  it('is a count of the dead (quake)', async () => {
    const a = await askIn(quake(), "what's the death toll");
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^At least 212 people \[\d+\]$/);
  }, 60_000);

  it('is a count of the dead (ferry)', async () => {
    const a = await askIn(ferry(), 'what is the death toll');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^31 passengers \[\d+\]$/);
  }, 60_000);

  it('a road toll is still a price (ferry)', async () => {
    const a = await askIn(ferry(), 'what is the toll on the bridge');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^\$4 \[\d+\]/);
  }, 60_000);
});
