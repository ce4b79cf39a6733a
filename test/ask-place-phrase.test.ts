/**
 * "Where was it found?": a place name at the end of a locative phrase about a thing ("in the backyard of a teacher's home
 * in Eastfield") only says where that thing is — the phrase whole is the short answer; so is a place's own thing written
 * after it ("at Harlow's town hall", "at Harlow town hall"). A name alone still answers where nothing holds it. Two
 * stories written here, a lost aircraft panel and a museum flood.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const PANEL: Record<string, string> = {
  '01_valley-post.txt': `8 March 2036\n\nMissing jet panel turns up\n\nThe missing wing panel was found in the backyard of a teacher's home in Eastfield on Sunday.\n\nThe panel fell from a Norwind Air jet shortly after take-off.\n\nInvestigators collected it on Monday and took it to Marlow.\n`,
};
const MUSEUM: Record<string, string> = {
  '01_river-news.txt': `2 May 2036\n\nPaintings moved after museum flood\n\nThe rescued paintings will be stored at Harlow's town hall while the galleries dry out.\n\nWater entered the Harlow Museum basement on Friday night.\n\nThe damaged frames were sent to a workshop in Denby.\n`,
  '02_county-wire.txt': `3 May 2036\n\nMuseum staff work through the night\n\nStaff carried the sculptures to a store room at Harlow town hall before dawn.\n`,
};
const panel = storyDeps(PANEL);
const museum = storyDeps(MUSEUM);

describe('a place held by a phrase', () => {
  it('is the locative phrase whole (panel)', async () => {
    const a = await askIn(panel(), 'where did they find the panel');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^in the backyard of a teacher's home in Eastfield \[\d+\]$/);
  }, 60_000);

  it("is the place's own thing after a possessive (museum)", async () => {
    const a = await askIn(museum(), 'where are the paintings going to be kept');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Harlow's town hall \[\d+\]$/);
  }, 60_000);

  it('is the thing the name modifies, in its phrase (museum)', async () => {
    const a = await askIn(museum(), 'where did staff carry the sculptures');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^to a store room at Harlow town hall \[\d+\]$/);
  }, 60_000);

  it('is the name alone where nothing holds it (panel)', async () => {
    const a = await askIn(panel(), 'where did investigators take the panel');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Marlow \[\d+\]$/);
  }, 60_000);
});
