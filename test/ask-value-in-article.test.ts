/**
 * A typed value ("how long …") whose sentence names all the question asks but one name or noun, which the same article
 * names a few sentences away (the article is about it), answers when no window holds everything (issue #12). The
 * value must fit well in the window's centre; a name the article never writes is no licence, nor is a sentence of
 * another article. Two stories written here, a ferry line and a hospital.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const FERRY: Record<string, string> = {
  '01_strait-news.txt': `3 March 2036\n\nNew timetable on the strait\n\nThe Marlow Star left Portreath on Monday with 40 passengers on its first sailing of the year.\n\nThe harbour master said conditions were calm.\n\nA coastguard helicopter flew overhead as it cleared the breakwater.\n\nThe crossing normally takes about three hours.\n`,
  '02_island-post.txt': `4 March 2036\n\nIsland welcomes second ferry\n\nThe Brindle Queen will join the route in April, the operator said.\n\nIts owners bought it from a Norwegian company last year.\n`,
};
const HOSPITAL: Record<string, string> = {
  '01_valley-post.txt': `9 June 2036\n\nEmergency wing opens\n\nSt Aldric's Hospital opened its new emergency wing on Tuesday.\n\nThe wing has 40 beds and two operating theatres.\n\nStaff spent the spring training on the new equipment.\n\nThe average wait is now 25 minutes, down from two hours last winter.\n`,
};

const ferry = storyDeps(FERRY);
const hospital = storyDeps(HOSPITAL);

describe('a value whose article names what its sentence leaves out', () => {
  it('answers "how long" with the span in the sentence, the ship named earlier in its article (ferry)', async () => {
    const a = await askIn(ferry(), 'how long is the crossing on the marlow star');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^about three hours \[\d+\]$/);
  }, 60_000);

  it('answers "how long" with the span in the sentence, the hospital named earlier in its article (hospital)', async () => {
    const a = await askIn(hospital(), 'how long is the wait at the hospital');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^25 minutes/);
  }, 60_000);

  it('does not lend a value to a name only another article writes', async () => {
    const a = await askIn(ferry(), 'how long is the crossing on the brindle queen');
    expect(answerText(a)).not.toMatch(/three hours/);
  }, 60_000);
});
