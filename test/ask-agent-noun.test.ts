/**
 * "Who's the ship insured with?" asks who insures it (issue #12): the verb's agent noun ("the ship's insurer, the
 * Nordic Hull Club") stands for the verb in a who-question, and "the ship" followed by a verb is the question's
 * subject, not a role asked for ("who's the captain?" asks a role; "who's the ship insured with" does not).
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_maritime-desk.txt': `2 May 2036\n\nGrounded tanker refloated\n\nThe tanker Skarva Dawn was refloated on Monday, marine services firm Kestrel Marine said.\n\nThe ship's insurer for cargo losses, the Nordic Hull Club, said in a statement that the owner had received a claim for $40 million.\n\nCaptain Ilse Varga has commanded the ship since 2031.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('the one who does it, named by an agent noun', () => {
  it('"who\'s the ship insured with" has no head noun; "who\'s the captain" does', () => {
    expect(parseQuestion(deps(), "who's the ship insured with").head).toBeNull();
    expect(parseQuestion(deps(), "who's the captain").head?.lemma).toBe('captain');
  });

  it('answers with the insurer, not the firm that refloated it', async () => {
    const a = await ask("who's the ship insured with");
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Nordic Hull Club/);
  }, 60_000);
});
