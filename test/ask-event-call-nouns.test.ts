/**
 * "how long was delta a mess for" (issue #12), found on real news (an airline outage) and checked on text written here:
 * a noun a reader calls the story's event by (lexicon EVENT_CALL_NOUNS: "mess", "fiasco", "saga", "ordeal" …), which the
 * articles never use, names the event the articles are about — it is no topic they lack. It was refused ("The articles
 * never mention “mess”"). Where the articles do use the word ("a 16-day ordeal"), it is a topic as any other noun.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_port-daily.txt': `Friday, 12 June 2026\n\nKessel ferries sail again\n\nBy Ana Ruiz\n\nKessel ferries sailed again on Friday after five days of cancellations caused by the dock strike, the operator said.\n\nThe crew of one ferry described a two-day ordeal stuck offshore.\n`,
};

const deps = storyDeps(FILES);

describe('a chat noun for the event', () => {
  it('that the articles never use is the event: answered, not refused', async () => {
    const q = parseQuestion(deps(), 'how long were the kessel ferries a mess for');
    expect(q.topics.map((t) => t.text)).not.toContain('mess');
    expect(q.unknown).toEqual([]);
    const a = await ask(deps(), 'how long were the kessel ferries a mess for');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text).toContain('five days');
  });

  it('that the articles use is a topic as any other noun', () => {
    const q = parseQuestion(deps(), 'how long was the ordeal');
    expect(q.topics.map((t) => t.text)).toContain('ordeal');
  });
});
