/**
 * "Who quit?": to quit a post is to resign it — the words different reports use for one act, so the report that a
 * post-holder resigned answers "who quit" with the name its next sentence gives. Two stories written here, a minister
 * and a football manager (the manager's fails without the relation).
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const MINISTER: Record<string, string> = {
  '01_capital-post.txt': `4 February 2036\n\nMinister goes after rail crash\n\nThe transport minister resigned on Monday over the Kessel rail crash.\n\nThe minister, Elena Varga, had been in office for a year.\n\nThe crash injured 48 passengers.\n`,
};
const CLUB: Record<string, string> = {
  '01_sports-desk.txt': `19 March 2036\n\nLorne Rovers manager goes\n\nThe Lorne Rovers manager resigned on Sunday over the fans' protests.\n\nThe manager, Paul Oduya, had lost five games in a row.\n`,
};
const minister = storyDeps(MINISTER);
const club = storyDeps(CLUB);

describe('quit and resign', () => {
  it('"who quit" is who resigned (club)', async () => {
    const a = await askIn(club(), 'who quit over the protests');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Paul Oduya \[\d+\]$/);
  }, 60_000);

  it('"who quit" is who resigned (minister)', async () => {
    const a = await askIn(minister(), 'who quit over the rail crash');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Elena Varga \[\d+\]$/);
  }, 60_000);
});
