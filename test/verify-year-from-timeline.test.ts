/**
 * /verify reads a date an article writes without its year ("on January 3") with the year the timeline gives it, as
 * /ask and /timeline do (issue #12, "one fact, one answer"). Found on real news: a CNN piece saying "It happened again
 * on January 3. Then, again on January 4." had /timeline date the first to 3 January 2024, while /verify called
 * "It happened again on 3 January 2024" contradicted: the quote's "January 3" did not state the claim's year, and the
 * next sentence's "January 4" was read as another date for it. The piece carried no date: the timeline reads its year
 * from the story's other articles. Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_valley-post.txt': `Pump alarm rings twice at Orlen dam\n\nThe pump alarm at the Orlen dam first sounded on December 28, engineers said.\n\nIt happened again on January 3. Then, again on January 4.\n\nThe dam's operator, Keld Water, said no water was released.\n`,
  '02_river-news.txt': `13 January 2032\n\nOrlen dam checks ordered\n\nRegulators ordered checks at the Orlen dam on Monday after a run of pump alarms.\n\nKeld Water said the pumps worked normally.\n`,
};

const deps = storyDeps(FILES);
const verify = async (claim: string) => runCommand(deps(), { command: 'verify', text: claim }) as Promise<{ verdict?: string; blocks: { text: string }[] }>;

describe('verify reads a date written without its year with the year the timeline gives it', () => {
  it('a claim giving the year the timeline reads is supported by the sentence', async () => {
    const a = await verify('It happened again on 3 January 2032');
    expect(a.verdict, answerText(a)).toBe('supported');
    expect(answerText(a)).toContain('It happened again on January 3.');
  }, 60_000);

  it('the same day the year before is not what the articles say', async () => {
    const a = await verify('It happened again on 3 January 2031');
    expect(a.verdict, answerText(a)).toBe('contradicted');
    expect(answerText(a)).toContain('It happened again on January 3.');
  }, 60_000);

  it('the first alarm, in the year before the article, is read with that year', async () => {
    const a = await verify('The pump alarm first sounded on 28 December 2031');
    expect(a.verdict, answerText(a)).toBe('supported');
  }, 60_000);
});
