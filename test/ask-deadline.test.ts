/**
 * "by when?" asks for a deadline: the date something must happen by ("schedule a hearing … by Wednesday"), though it
 * is only asked for; "by when" was not read as a "when" question at all. Found on real news: after "which committee
 * wants kurtz to testify?", "by when?" got the letter's own date. Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_capital-wire.txt': `CAPITAL CITY, June 8 (Wire) - The Harbour Committee of the assembly has sent a letter to Quillon chief executive Ada Morrow asking her to testify on last week's booking outage.\n\nThe letter urges the chief executive to schedule a hearing with the committee by Thursday.\n\nQuillon said on Monday that it would cooperate.\n`,
  '02_coast-wire.txt': `9 June 2032\n\nFerries back on time\n\nQuillon said a fix had been deployed.\n\nMost ferries ran on time by Wednesday.\n`,
};

const deps = storyDeps(FILES);

describe('"by when?" asks for a deadline', () => {
  it('parses as a date question asking a deadline', () => {
    const q = parseQuestion(deps(), 'by when?');
    expect(q.kind).toBe('date');
    expect(q.deadline).toBe(true);
    expect(parseQuestion(deps(), 'when did quillon deploy a fix?').deadline).toBe(false);
  });

  it('a follow-up "by when?" is answered with the date it must happen by', async () => {
    const session = 'deadline-test';
    await runCommand(deps(), { command: 'ask', text: 'which committee wants morrow to testify?', session });
    const a = (await runCommand(deps(), { command: 'ask', text: 'by when?', session })) as { short?: { text: string } | null; blocks: { text: string }[] };
    expect(a.short?.text ?? '', answerText(a)).toContain('Thursday');
  }, 60_000);
});
