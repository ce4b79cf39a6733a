/**
 * A date (or a time, or a sum) answers a question whose verb the report writes otherwise (issue #12): "when were the
 * statues brought to the museum" is answered by "The statues were transported to the Harrow Museum on 3 March 2031",
 * though no sentence writes "brought" — the report's verb is one WordNet relates to the question's, and every name
 * and noun asked is in that sentence. The related-verb path (answerable.ts) picked that window, but the date's own
 * check (short.ts: a date answers the question's verb) wanted the verb itself, so the path could never answer a
 * "when": now the date's sentence may state the verb by the related word the path chose it for. A date beside the
 * related verb, with what is asked only in another sentence, still answers nothing; nor does one in another clause
 * ("who has guarded the fountain since 2015" is not when it was transported). Two stories written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_valley-herald.txt': `14 March 2031\n\nStatues moved\n\nThe bronze statues were transported to the Harrow Museum on 3 March 2031 by a crane lorry. Volunteers cleaned the plinths.\n\nThe keeper, who has guarded the stone fountain since 2015, said the fountain would be transported next.\n\nThe mayor thanked the sculptors.\n`,
  '02_garden-notes.txt': `30 April 2032\n\nSpring work\n\nThe estate gardeners pruned the old yew hedges on 21 April 2032. Blackbirds nested nearby.\n\nThe tearoom sold out of scones.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('a date beside a verb the report writes otherwise', () => {
  it('"brought" is answered where the statues were "transported"', async () => {
    const a = await ask('when were the statues brought to the museum');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? answerText(a), answerText(a)).toMatch(/3 March 2031/);
  }, 60_000);

  it('"cut" is answered where the gardeners "pruned" the hedges', async () => {
    const a = await ask('when did the gardeners cut the hedges');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? answerText(a), answerText(a)).toMatch(/21 April 2032/);
  }, 60_000);

  it('a date beside a verb unrelated to the question\'s answers nothing', async () => {
    const a = await ask('when did the gardeners paint the hedges');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('a date in another clause than the related verb answers nothing', async () => {
    const a = await ask('when was the fountain brought to the museum');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('a date beside a related verb, with what is asked only in the next sentence, answers nothing', async () => {
    const a = await ask('when were the plinths brought');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);
});
