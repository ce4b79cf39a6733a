/**
 * Question forms people type, read by what they ask (issue #12), each found on real news and checked on text
 * written here:
 * - "how many times …" is answered by a count of acts or events ("more than 20 expeditions to the reef"): WordNet
 *   files those nouns among acts and events; a count of things ("12 boats") still answers no "how many times";
 * - "what's X worth?" asks a value in money, not a description of X;
 * - "how many days …?" asks a span of time counted in days ("nine days"), not a count of things called days;
 * - "what happened to X?" asks what X did or went through: "happened" is no noun to name an answer after;
 * - a word made from the question's verb ("settle" → "settlement") is searched as the index term it is: the stemmer
 *   is not idempotent ("settlement" is indexed "settle", which it stems again to "settl"), so the passage saying
 *   "reached a settlement of …" was never found for "how much did they settle for?".
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { isOccasionNoun } from '../src/language/wordnet.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_reef-post.txt': `4 May 2032\n\nDiver Mara Quell joins search at Corvo Reef\n\nThe marine biologist Mara Quell, who has already taken part in more than 20 expeditions to the reef, joined the search on Monday.\n\nA fleet of 12 boats left the harbour at dawn, the coast guard said. The divers had searched the reef for nine days before the wreck was found.\n\nThe reef's tourist trade is worth roughly $3.2 million a year, the island council says.\n`,
  '03_court-wire.txt': `6 May 2032\n\nCouncil and ferry operator end dispute\n\nThe island council and the ferry operator reached a settlement worth about $4 million on Friday, a council spokesman confirmed.\n`,
  '02_island-daily.txt': `5 May 2032\n\nFerry fares soar as reef closes\n\nFerry fares to the island nearly tripled after the reef was closed to visitors, and hotel bookings fell by half.\n\nThe island ferry was withdrawn from service on Tuesday after its engine failed.\n\nThe council said the closure would last at least a month. Talks to settle the operator's claim stalled in April.\n`,
};

const deps = storyDeps(FILES);

const text = answerText;

describe('question forms', () => {
  it('WordNet tells acts and events from things', () => {
    for (const w of ['expedition', 'dive', 'trip', 'visit', 'attempt']) expect(isOccasionNoun(w), w).toBe(true);
    for (const w of ['boat', 'diver', 'dollar', 'reef']) expect(isOccasionNoun(w), w).toBe(false);
  });

  it('"how many times" is answered by a count of acts, not of things', async () => {
    const a = await ask(deps(), 'how many times has mara quell been to the reef?');
    expect(a.answered, text(a)).toBe(true);
    expect(a.short?.text, text(a)).toMatch(/^more than 20 expeditions \[\d+\]$/);
    const boats = await ask(deps(), 'how many times did the coast guard leave the harbour?');
    expect(boats.short?.text ?? '', text(boats)).not.toMatch(/12 boats/);
  }, 60_000);

  it('"what\'s X worth" asks a value in money', async () => {
    const a = await ask(deps(), "what's the reef's tourist trade worth?");
    expect(a.answered, text(a)).toBe(true);
    expect(a.short?.text, text(a)).toMatch(/^roughly \$3\.2 million \[\d+\]$/);
  }, 60_000);

  it('"how many days" asks how long, in days', async () => {
    const a = await ask(deps(), 'how many days did the divers search the reef?');
    expect(a.answered, text(a)).toBe(true);
    expect(a.short?.text, text(a)).toMatch(/^nine days \[\d+\]$/);
  }, 60_000);

  it('a noun made from the verb asked is found (the index term is not stemmed again)', async () => {
    expect(deps().index.search('settle', { terms: true }).map((h) => h.articleId)).toContain('03_court-wire.txt');
    const a = await ask(deps(), 'how much did they settle for?');
    expect(a.answered, text(a)).toBe(true);
    expect(a.short?.text, text(a)).toMatch(/^about \$4 million \[\d+\]$/);
  }, 60_000);

  it('"what happened to X" asks what X went through', async () => {
    const a = await ask(deps(), 'what happened to the island ferry?');
    expect(a.answered, text(a)).toBe(true);
    expect(text(a)).toMatch(/The island ferry was withdrawn from service/);
    const fares = await ask(deps(), 'what happened to ferry fares?');
    expect(text(fares)).toMatch(/Ferry fares to the island nearly tripled/);
  }, 60_000);
});
