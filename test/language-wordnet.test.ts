import { describe, expect, it } from 'vitest';
import { buildRelationMap, placeWithin, relatedLemmas, type Relation } from '../src/language/wordnet.js';

// A vocabulary as an index would collect it; the map is built once and queried without the database.
const map = buildRelationMap(['signatory', 'age', 'small', 'death', 'vessel', 'request', 'purchase', 'tiny', 'mysterious', 'travel', 'constructor']);

describe('WordNet relations precomputed for a vocabulary', () => {
  it.each<[string, string, Relation]>([
    ['sign', 'signatory', 'derivation'],
    ['old', 'age', 'attribute'],
    ['big', 'small', 'antonym'],
    ['die', 'death', 'derivation'],
    ['boat', 'vessel', 'hypernym'],
    ['buy', 'purchase', 'synonym'],
  ])('%s → %s (%s)', (word, corpusLemma, relation) => {
    expect(relatedLemmas(word, map)).toContainEqual(expect.objectContaining({ lemma: corpusLemma, relation }));
  });

  it('marks whether a link holds in the word\'s main sense', () => {
    expect(relatedLemmas('old', map)).toContainEqual({ lemma: 'age', relation: 'attribute', main: true });
    expect(relatedLemmas('sign', map)).toContainEqual({ lemma: 'signatory', relation: 'derivation', main: true });
    // "deep" means "mysterious" only in a rare sense.
    expect(relatedLemmas('deep', map)).toContainEqual({ lemma: 'mysterious', relation: 'synonym', main: false });
    // "go" has 30 senses as a verb: even its first ("travel") is no telling guess of what a question means.
    expect(relatedLemmas('go', map)).toContainEqual({ lemma: 'travel', relation: 'synonym', main: false });
  });

  it('reads an adjective that pertains to a noun as its derivation, as main as the adjective\'s sense', () => {
    const m = buildRelationMap(['congressional', 'robotic', 'presidential']);
    // "congressional" pertains to congress in WordNet's third sense of the noun; the adjective's own sense is its first.
    expect(relatedLemmas('congress', m)).toContainEqual({ lemma: 'congressional', relation: 'derivation', main: true });
    expect(relatedLemmas('robot', m)).toContainEqual(expect.objectContaining({ lemma: 'robotic', relation: 'derivation', main: true }));
    expect(relatedLemmas('president', m)).toContainEqual(expect.objectContaining({ lemma: 'presidential', relation: 'derivation' }));
  });

  it('filters by relation kind', () => {
    expect(relatedLemmas('big', map, ['synonym'])).not.toContainEqual(expect.objectContaining({ lemma: 'small' }));
    expect(relatedLemmas('old', map, ['attribute']).map((r) => r.lemma)).toEqual(['age']);
  });

  it('knows nothing of words unrelated to the vocabulary, and survives JSON', () => {
    expect(relatedLemmas('xylophone', map)).toEqual([]);
    // A word named like an object property is a word like any other.
    expect(relatedLemmas('builder', map)).toContainEqual(expect.objectContaining({ lemma: 'constructor', relation: 'synonym' }));
    expect(relatedLemmas('toString', map)).toEqual([]);
    const copy = JSON.parse(JSON.stringify(map));
    expect(relatedLemmas('sign', copy)).toEqual(relatedLemmas('sign', map));
  });
});

describe('places within places (WordNet part holonyms)', () => {
  it('knows a place is part of a larger one, in either order and through several steps', () => {
    expect(placeWithin('Texas', 'US')).toBe(true);
    expect(placeWithin('United States', 'Texas')).toBe(true);
    expect(placeWithin('Baltimore', 'Maryland')).toBe(true);
    expect(placeWithin('Halifax', 'Canada')).toBe(true);
    expect(placeWithin('the Suez Canal', 'Egypt')).toBe(true);
  });
  it('keeps apart places neither of which holds the other, and names WordNet does not list', () => {
    expect(placeWithin('Texas', 'California')).toBe(false);
    expect(placeWithin('Halifax', 'Baltimore')).toBe(false);
    expect(placeWithin('Portreath', 'Cornwall')).toBe(false);
    expect(placeWithin('', 'Texas')).toBe(false);
  });
});
