import { describe, expect, it } from 'vitest';
import { buildRelationMap, relatedLemmas, type Relation } from '../src/language/wordnet.js';

// A vocabulary as an index would collect it; the map is built once and queried without the database.
const map = buildRelationMap(['signatory', 'age', 'small', 'death', 'vessel', 'request', 'purchase', 'tiny']);

describe('WordNet relations precomputed for a vocabulary', () => {
  it.each<[string, string, Relation]>([
    ['sign', 'signatory', 'derivation'],
    ['old', 'age', 'attribute'],
    ['big', 'small', 'antonym'],
    ['die', 'death', 'derivation'],
    ['boat', 'vessel', 'hypernym'],
    ['buy', 'purchase', 'synonym'],
  ])('%s → %s (%s)', (word, corpusLemma, relation) => {
    expect(relatedLemmas(word, map)).toContainEqual({ lemma: corpusLemma, relation });
  });

  it('filters by relation kind', () => {
    expect(relatedLemmas('big', map, ['synonym'])).not.toContainEqual(expect.objectContaining({ lemma: 'small' }));
    expect(relatedLemmas('old', map, ['attribute']).map((r) => r.lemma)).toEqual(['age']);
  });

  it('knows nothing of words unrelated to the vocabulary, and survives JSON', () => {
    expect(relatedLemmas('xylophone', map)).toEqual([]);
    expect(relatedLemmas('constructor', map)).toEqual([]);
    const copy = JSON.parse(JSON.stringify(map));
    expect(relatedLemmas('sign', copy)).toEqual(relatedLemmas('sign', map));
  });
});
