/**
 * Whose date a sentence gives (issue #12): a date inside a clause opened after the sentence's main words ("… after receiving
 * complaints over sailings that started when the storm last week caused chaos") dates that clause, not the main event.
 * When the clause holds none of the question's words, a date of the asked event elsewhere answers instead. A date's
 * own preposition ("since 2019") opens no clause. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-daily.txt': `20 March 2036

Regulator opens Polar Line inquiry

The Maritime Authority (MA) has opened an investigation into Polar Line, after receiving hundreds of complaints over cancelled and delayed sailings that started when the Orla storm last week caused chaos along the coast.

Transport Secretary Oskar Lind announced the news on Tuesday, saying that the investigation is to ensure the line is following the law.

Polar Line has been running the island route since 2019.
`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('a date in a clause of its own', () => {
  it('"what day did the ma start investigating polar line" is the day announced, not the storm\'s week', async () => {
    const a = await ask('what day did the ma start investigating polar line');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Tuesday \[\d+\]$/);
  }, 60_000);

  it('"since 2019" is the route\'s own date', async () => {
    const a = await ask('since when has polar line run the island route');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/2019/);
  }, 60_000);

  it('a sentence\'s dates, read once for every window and question, give each question the same answer again', async () => {
    // The date questions read the same sentences' dates (kept once read): asked again in another order, the same answers.
    const questions = ['what day did the ma start investigating polar line', 'since when has polar line run the island route', 'when did the orla storm cause chaos?'];
    const first = [];
    for (const q of questions) first.push(await ask(q));
    const again = [];
    for (const q of [...questions].reverse()) again.unshift(await ask(q));
    expect(again).toEqual(first);
    expect(first[0]!.short?.text ?? '').toMatch(/^Tuesday \[\d+\]$/);
  }, 60_000);
});
