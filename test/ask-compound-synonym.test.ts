/**
 * A two-word noun the question writes ("press conference", "fire engine") that the articles write by another two-word
 * name the dictionary lists for the same sense ("news conference", "fire truck"): each word of the question's compound
 * is held by the other name's word in its place, as by its own word — so a place or a name asked of it is answered by
 * the sentence that writes the other name. The other name's word alone elsewhere does not stand for the compound, and
 * a compound with no such name in the dictionary is still refused. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { compoundSynonyms } from '../src/language/wordnet.js';
import { answerText, storyDeps } from './helpers/story.js';

type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };

describe('another dictionary name of a compound', () => {
  it('is read from WordNet for two-word nouns', () => {
    expect(compoundSynonyms(['press', 'conference']).map((w) => w.join(' '))).toContain('news conference');
    expect(compoundSynonyms(['fire', 'engine']).map((w) => w.join(' '))).toContain('fire truck');
    expect(compoundSynonyms(['kiosk', 'screen'])).toEqual([]);
  });

  const storm = storyDeps({
    '01_coast-news.txt': `3 March 2034\n\nStorm hits Vellan coast\n\nThe Vellan harbour master said at a news conference in Port Arel on Friday that two trawlers were still missing.\n\nFishermen gathered at the quay all afternoon.\n`,
    '02_weather-news.txt': `4 March 2034\n\nWinds ease\n\nForecasters said the winds would ease by Sunday, according to news reports.\n`,
  });

  it('answers where a press conference was held from a sentence that writes "news conference"', async () => {
    const a = (await runCommand(storm(), { command: 'ask', text: 'where did the harbour master give the press conference' })) as A;
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('Port Arel');
  }, 60_000);

  it('does not take a lone "news" for the compound', async () => {
    const a = (await runCommand(storm(), { command: 'ask', text: 'where did the forecasters give the press conference' })) as A;
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  const blaze = storyDeps({
    '01_town-news.txt': `12 July 2034\n\nWarehouse fire in Delmor\n\nA fire truck driven by volunteer Piet Harlan reached the burning warehouse in Delmor within ten minutes, the fire service said.\n\nThe warehouse roof collapsed shortly after midnight.\n`,
    '02_market-news.txt': `13 July 2034\n\nMarket reopens\n\nThe Delmor market reopened on Monday after the smoke cleared.\n`,
  });

  it('answers who drove the fire engine from a sentence that writes "fire truck"', async () => {
    const a = (await runCommand(blaze(), { command: 'ask', text: 'who drove the fire engine' })) as A;
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toContain('Piet Harlan');
  }, 60_000);
});
