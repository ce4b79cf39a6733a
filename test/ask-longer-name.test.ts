/**
 * A longer name of what the question names ("SMIT Salvage" for "smit") is the question's own subject, never its
 * answer. Found on real news: "what other famous wrecks has smit worked on" was answered "SMIT Salvage", and the
 * sentence naming the wrecks was not quoted. Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-times.txt': `6 June 2032\n\nSalvors called to stranded barge\n\nThe stranded barge has turned attention to the work of VELA Salvage, a company whose divers have raised famous wrecks.\n\nThe company has raised the ferry Lindqvist and the tanker Marisol, among other famous wrecks.\n`,
  '02_coast-wire.txt': `7 June 2032\n\nBarge refloated\n\nVELA, a unit of Norrow Marine, is one of the companies hired to refloat the barge.\n\nThe harbour reopened on Monday.\n`,
};

const deps = storyDeps(FILES);

describe('a longer name of the subject asked is no answer', () => {
  it('"which wrecks has vela raised" is not answered "VELA Salvage"', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'which famous wrecks has vela raised' })) as { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).not.toContain('VELA Salvage');
    expect(answerText(a)).toContain('Lindqvist');
  }, 60_000);
});
