/**
 * "who is X" is answered with what the articles call X (a role or an apposition); a question with a verb of its own
 * about X ("what does X want Y to do") asks what X does or wants, and X's role is no answer to it. Found on real news:
 * "what does buttigieg want delta to do for passengers" got the short answer "Transportation Secretary". Text written
 * here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-times.txt': `6 June 2032\n\nMinister orders ferry review\n\nThe ferry cancellations drew scrutiny from the ministry, with Harbour Minister Ilse Varga saying officials aimed to ensure Brine Lines was “looking after its passengers.”\n\n“Brine Lines must pay back every traveller who chose not to rebook,” Varga said in a post on Sunday.\n`,
  '02_coast-wire.txt': `7 June 2032\n\nBrine Lines cancels 900 sailings\n\nBrine Lines cancelled 900 sailings over the weekend after a booking system failure.\n\nThe company said most services ran normally by Tuesday.\n`,
};

const deps = storyDeps(FILES);
const ask = async (q: string) => runCommand(deps(), { command: 'ask', text: q }) as Promise<{ answered: boolean; short?: { text: string } | null; blocks: { text: string }[] }>;

describe('a question with a verb of its own is not answered with the role of whom it names', () => {
  it('"what does X want Y to do" does not get X\'s role as its short answer', async () => {
    const a = await ask('what does varga want brine lines to do for passengers');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '').not.toContain('Harbour Minister');
  }, 60_000);

  it('"who is X" still does', async () => {
    const a = await ask('who is ilse varga');
    expect(a.short?.text ?? '', answerText(a)).toContain('Harbour Minister');
  }, 60_000);
});
