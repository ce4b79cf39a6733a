/**
 * Yes/no and degree questions asked as people ask them (issue #12): "has X stopped running trips" asks whether it
 * stopped — a sentence saying X runs trips does not answer it (lexicon ASPECT_VERBS); "how cold was …" asks a
 * temperature, answered by one or refused saying none is given, not answered with any sentence about the water.
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_skarva-news.txt': `12 January 2036\n\nFerry stuck in sea ice off Skarva\n\nThe Polar Line runs three trips a week to Skarva island.\n\nIts ferry was stuck in sea ice for two days, and passengers waited on deck as the water froze around the hull.\n`,
  '02_north-weather.txt': `13 January 2036\n\nCold snap on the coast\n\nThe air temperature dropped to 4 degrees Celsius overnight.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('what a yes/no or degree question asks', () => {
  it('"has the polar line stopped running trips" is not answered by "runs three trips"', async () => {
    const a = await ask('has the polar line stopped running trips');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('"does the polar line run trips to skarva" still is', async () => {
    const a = await ask('does the polar line run trips to skarva');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/runs three trips a week/);
  }, 60_000);

  it('"how cold was the water" asks a temperature, and none is given for the water', async () => {
    const a = await ask('how cold was the water');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).toMatch(/temperature/);
  }, 60_000);

  it('"how cold did the air get" is answered with the temperature', async () => {
    const a = await ask('how cold did the air get');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/4 degrees Celsius/);
  }, 60_000);
});
