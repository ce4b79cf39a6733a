/**
 * A pertainym is one word's: "chiefly" is made from "chief", but its synonyms "primarily" and "mainly" are made from
 * "primary" and "main" (src/language/wordnet.ts). Followed through every synonym, the dictionary linked "primarily"
 * to the noun "chief" and "mainly" to "principal", so "who's the fire chief" was answered with a sentence that says
 * sirens are "primarily" for tsunamis, naming whoever spoke. Stories written here: a siren test, a school fund.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { buildRelationMap, relatedLemmas } from '../src/language/wordnet.js';
import { answerText, storyDeps } from './helpers/story.js';

const SIRENS: Record<string, string> = {
  '01_coast-news.txt': `2 April 2034\n\nSirens stay silent in Pelo Bay drill\n\nThe sirens in Pelo Bay are primarily used for tsunamis and fires, emergency manager Rafe Onder said on Monday.\n\nOnder said 40 of the 52 sirens sounded during the drill.\n`,
};
const SCHOOL: Record<string, string> = {
  '01_town-crier.txt': `5 May 2034\n\nSchool fund reaches its goal\n\nThe new fund is mainly for the library, teacher Ana Belko said on Friday.\n\nParents raised 12,000 pounds in six weeks.\n`,
};

const sirens = storyDeps(SIRENS);
const school = storyDeps(SCHOOL);

describe('a synonym\'s pertainym is not the word\'s', () => {
  it('links an adverb to the adjective it is made from, not to its synonyms\' adjectives', () => {
    const map = buildRelationMap(['primarily', 'mainly', 'chiefly']);
    const linked = (w: string) => relatedLemmas(w, map).map((r) => r.lemma);
    expect(linked('chief')).toContain('chiefly');
    expect(linked('chief')).not.toContain('primarily');
    expect(linked('chief')).not.toContain('mainly');
    expect(linked('principal')).not.toContain('mainly');
    expect(linked('primary')).toContain('primarily');
  });

  it('"primarily" does not stand for a chief', async () => {
    const a = await ask(sirens(), "who's the pelo bay fire chief");
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('Rafe Onder');
  }, 60_000);

  it('"mainly" does not stand for a principal', async () => {
    const a = await ask(school(), 'who is the principal of the school');
    expect(a.answered, answerText(a)).toBe(false);
    expect(answerText(a)).not.toContain('Ana Belko');
    // The sentence still answers what it says.
    const b = await ask(school(), 'what is the fund mainly for');
    expect(answerText(b)).toContain('mainly for the library');
  }, 60_000);
});
