/**
 * "Who said …?" asks for the speaker of a statement, not for whoever the statement is about (issue #12). The speaker
 * is the name a reporting verb introduces ("…, said Marta Ilves"), the person a sentence describes ("The commander of
 * the coast guard station said …"), or the one the corpus analysis attributes a quotation to ("…,” he added." — the
 * name a few sentences before). A question's own reporting verb ("who announced …") picks the speaker given with it.
 * A statement the articles never make is still refused. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_coastal-ledger.txt': `14 March 2033\n\nVelmar port strike enters third week\n\nDock workers at the Port of Velmar stayed off the job for a third week on Tuesday.\n\n“The stoppage is deepening shortages of spare parts across the region, said Marta Ilves, head of the Velmar Chamber of Commerce,” the Coastal Ledger notes.\n\nUnion leader Pavel Grin met port managers on Monday.\n\nThe commander of the coast guard station said the harbour would stay closed to ferries until Friday.\n`,
  '02_velmar-post.txt': `15 March 2033\n\nMinister orders port inquiry\n\nTransport minister Oskar Lind announced an inquiry into the port authority on Wednesday.\n\n“I have told the port authority that we expect a settlement this month,” Lind said in a statement.\n\n“Families are waiting for deliveries.”\n\n“No driver should be left waiting at the gates overnight,” he added.\n\nPort managers said talks with the union would resume on Thursday.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('who said it: the speaker of the statement', () => {
  it('reads "who said/warned/claimed …" as asking for a speaker, and "who met …" not', () => {
    expect(parseQuestion(deps(), 'who said the stoppage was making the spare parts shortage worse').asksSpeaker).toBe(true);
    expect(parseQuestion(deps(), 'who first warned about the shortages?').asksSpeaker).toBe(true);
    expect(parseQuestion(deps(), 'who met the port managers').asksSpeaker).toBe(false);
    expect(parseQuestion(deps(), 'who called the strike').asksSpeaker).toBe(false);
  });

  it('names the speaker a reporting verb introduces inside a quotation, not the outlet quoting it', async () => {
    const a = await ask('who said the stoppage was making the spare parts shortage worse');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Marta Ilves \[\d+\]$/);
  }, 60_000);

  it('names the speaker of "…,” he added." from the sentence that names him', async () => {
    const a = await ask('who said no driver should be stuck at the gates overnight');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Lind/);
    expect(answerText(a)).toMatch(/No driver should be left waiting at the gates overnight/);
  }, 60_000);

  it('names a speaker the article only describes', async () => {
    const a = await ask('who said the harbour would stay closed to ferries');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^The commander of the coast guard station \[\d+\]$/);
  }, 60_000);

  it('picks the speaker given with the question\'s own reporting verb', async () => {
    const a = await ask('who announced the inquiry');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Oskar Lind/);
  }, 60_000);

  it('refuses a statement the articles never make', async () => {
    const a = await ask('who said the port would be sold');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);
});
