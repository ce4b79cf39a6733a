/**
 * "When did they bring in the salvage company?" — "Brindle Salvage, which was brought in this week …" (issue #12): the
 * week or part of the day an article was written in ("this week", "earlier this week", "this morning") is too vague for
 * the timeline to place on a day, but it is what the report says of when, so /ask answers with it when nothing more
 * exact does. It is no deadline ("by when?" wants "by Friday"), and /verify, asking a claim's date the same way, reads
 * no day into it (chrono would guess one): "brought in on Monday" is not contradicted.
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-post.txt': `14 May 2031\n\nFerry still aground off Portreath\n\nThe ferry Marlow Star ran aground off Portreath on Sunday with 40 passengers aboard.\n\nThe owner of Brindle Salvage, which was brought in this week to help refloat the ferry, said the work could take days.\n\nThe harbour council asked the ferry's operator to report on the grounding by Friday.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; verdict?: string; short?: { text: string } | null; blocks: { text: string }[] };
const run = async (command: 'ask' | 'verify', text: string) => (await runCommand(deps(), { command, text })) as A;

describe('a vague date the report states', () => {
  it('answers "when" with "this week" when nothing more exact is written', async () => {
    const a = await run('ask', 'when did they bring in brindle salvage');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^this week \[\d+\]$/);
  }, 60_000);

  it('is no deadline: "by when" is answered with the day written after "by"', async () => {
    const a = await run('ask', 'by when does the operator have to report on the grounding?');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Friday/);
    expect(a.short?.text ?? '').not.toMatch(/this week/);
  }, 60_000);

  it('gives /verify no day to contradict a claimed one with', async () => {
    const v = await run('verify', 'Brindle Salvage was brought in on Monday');
    expect(v.verdict, answerText(v)).not.toBe('contradicted');
  }, 60_000);
});
