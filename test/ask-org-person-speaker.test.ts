/**
 * "What did the <organisation> <person noun> say?" (issue #12): the speaker is the person the articles describe so
 * ("Allan Liska, a threat analyst at Recorded Future" for "what did the recorded future analyst say"), not the
 * organisation, which the articles never quote. Found on real news; story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_wire.txt': `8 June 2032\n\nPort systems down for a second day\n\n“Every terminal has to be restarted by hand, one at a time,” said Ona Petrak, a threat analyst at Corvo Research Inc. “There is no quick fix.”\n\nCorvo Research published a report on the outage on Monday.\n\nThe harbour master, Ilse Brandt, said ships were waiting offshore. “We expect delays all week,” Brandt said.\n`,
};

const deps = storyDeps(FILES);

describe('an organisation\'s person as the speaker asked about', () => {
  it('quotes the analyst the articles describe as working there', async () => {
    const a = await ask(deps(), 'what did the corvo research analyst say');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/restarted by hand/);
    expect(answerText(a)).not.toMatch(/delays all week/);
  }, 60_000);
});
