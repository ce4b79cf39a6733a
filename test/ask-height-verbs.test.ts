/**
 * "How tall is the tree?": a measure after a verb of height ("rises 60 feet", "soars 310 metres") is a height, however
 * the figure reader took it (a distance): the dimension written with it says so. Two stories written here, a storm-hit
 * lighthouse and a new tower.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const LIGHTHOUSE: Record<string, string> = {
  '01_coast-post.txt': `5 January 2036\n\nStorm batters Gull Point\n\nThe Gull Point lighthouse, which rises 40 metres above the rocks, lost its lamp in Sunday's storm.\n\nThe keeper's cottage stands 200 metres from the lighthouse.\n`,
};
const TOWER: Record<string, string> = {
  '01_city-news.txt': `9 June 2036\n\nOrbis Tower opens\n\nThe Orbis Tower soars 310 metres over the old harbour and opened to visitors on Friday.\n\nThe nearest station is 2 km away.\n`,
};
const lighthouse = storyDeps(LIGHTHOUSE);
const tower = storyDeps(TOWER);

describe('a verb of height', () => {
  it('"rises" (lighthouse)', async () => {
    const a = await askIn(lighthouse(), 'how tall is the lighthouse');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^40 metres \[\d+\]$/);
  }, 60_000);

  it('"soars" (tower)', async () => {
    const a = await askIn(tower(), 'how high is the tower');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^310 metres \[\d+\]$/);
  }, 60_000);
});
