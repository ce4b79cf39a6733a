/** WordNet's kinds of person: a role noun the lexicon does not list is still known as one. */
import { describe, expect, it } from 'vitest';
import { isPersonNoun } from '../src/language/wordnet.js';

describe('isPersonNoun', () => {
  it.each([
    ['chaplain', true],
    ['beekeeper', true],
    ['rector', true],
    ['founder', true], // its first sense is a horse's lameness; the second is a person
    ['cathedral', false],
    ['landmark', false],
    ['ferry', false],
    ['port', false],
    ['Chaplain', true], // any case
    ['', false],
  ])('%s → %s', (word, want) => {
    expect(isPersonNoun(word)).toBe(want);
  });
});
