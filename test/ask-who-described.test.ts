/**
 * "Who …?" answered by a person the articles describe rather than name (issue #12): "who gets blamed for accidents
 * under the canal rules" — "According to the Harbour Board's rules, a ship's master or captain will be held responsible for
 * any accidents" — is "a ship's master or captain", not a refusal saying the articles "never say who". A person noun
 * the question itself uses is no answer ("who holds the captain responsible" is not "a master or captain"), and a name still comes first.
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-news.txt': `12 May 2031\n\nTanker grounded in Orla channel\n\nThe tanker Grey Heron ran aground in the Orla channel on Monday, blocking traffic for a day.\n\nAccording to the Harbour Board's navigation rules, a ship's master or captain will be held responsible for any accidents in the channel.\n\nThe pilot on board had joined the ship at dawn, the board said.\n`,
  '02_port-wire.txt': `13 May 2031\n\nChannel reopens\n\nTugs refloated the Grey Heron on Tuesday.\n\nHarbour master Ines Calloway said the channel reopened at noon.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('who, described rather than named', () => {
  it('answers with the person the rules describe', async () => {
    const a = await ask('who gets blamed for accidents under the channel rules');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^a ship's master or captain \[\d+\]$/);
  }, 60_000);

  it('does not answer with the question\'s own person noun', async () => {
    const a = await ask('who holds the captain responsible for accidents');
    expect(a.short?.text ?? '', answerText(a)).not.toMatch(/master or captain/);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Harbour Board \[\d+\]$/);
  }, 60_000);

  it('still names a named person first', async () => {
    const a = await ask('who said the channel reopened');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Ines Calloway/);
  }, 60_000);
});
