/**
 * Words as people type them (issue #12): nouns joined by "or" ask for either ("any tv or radio stations"), so a
 * sentence holding one answers and no refusal says the articles "never mention 'tv'"; abbreviations the lexicon pairs
 * with the word reports write ("pcs" for "computers", "hq" for "headquarters") find it; contractions typed without
 * their apostrophe ("wouldve") and "nobody" are function words, not topics. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { writtenOut } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_orla-herald.txt': `2 February 2034\n\nBlackout hits Orla for nine hours\n\nA radio station in Orla went off the air during the blackout on Monday.\n\nAbout 400 computers at the city's tax office crashed when the power failed.\n\nThe utility said nobody was hurt.\n\nEngineers had expected the grid to run out of spare capacity by Friday, the mayor said.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('either word, abbreviations and chat contractions', () => {
  it('"tv or radio stations": a sentence with one of them answers', async () => {
    const a = await ask('did any tv or radio stations go off the air');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/A radio station in Orla went off the air/);
  }, 60_000);

  it('refuses when the articles hold neither word, naming both', async () => {
    const a = await ask('were any trains or buses stopped by the blackout');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).toMatch(/trains or buses/);
    // one article: the refusal's verbs agree with it
    expect(answerText(a)).toMatch(/The 1 article never mentions “trains or buses”/);
  }, 60_000);

  it('"pcs" finds the computers', async () => {
    const a = await ask('how many pcs crashed at the tax office');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^About 400 computers \[\d+\]$/);
  }, 60_000);

  it('"wouldve" is written out and asks nothing of its own', async () => {
    expect(writtenOut('when wouldve the grid run out')).toBe("when would've the grid run out");
    const a = await ask('when wouldve the grid run out of spare capacity');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Friday/);
  }, 60_000);
});
