/**
 * "update" is a topic when it names a thing ("the bad update", "the software update") and noise only when someone asks
 * for news ("any updates on the rescue?", "latest update on the outage": lexicon NOISE_PHRASES). Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_tech-wire.txt': `8 April 2036\n\nBooking systems crash across ferry lines\n\nA faulty software update from Norda Systems crashed the booking computers of three ferry lines on Monday.\n\nThe ferry lines said about 4,000 passengers were delayed.\n\nNorda posted an apology on its website.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };

describe('"update" as a thing and as a request for news', () => {
  it('keeps "update" as a topic in "the bad update", not in "any updates on"', () => {
    expect(parseQuestion(deps(), 'which company put out the bad update').topics.map((t) => t.lemma)).toContain('update');
    expect(parseQuestion(deps(), 'any updates on the ferry lines?').topics.map((t) => t.lemma)).not.toContain('update');
    expect(parseQuestion(deps(), 'whats the latest update on the booking computers').topics.map((t) => t.lemma)).not.toContain('update');
  });

  it('answers from the sentence about the update', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'when did the bad update crash the booking computers' })) as A;
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Monday/);
  }, 60_000);
});
