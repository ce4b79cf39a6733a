/**
 * The relations part of the analysis: WordNet over the corpus vocabulary, read once per
 * corpus version, and `expandQuery` turning a question's lemmas into weighted corpus terms.
 * Every text here is written for the test.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle, makeCorpus } from '../src/corpus/load.js';
import { buildRelations, expandQuery, relationsFromJson, relationsToJson, STANDS_FOR, type WeightedTerm } from '../src/analysis/relations.js';
import { analysisOf } from '../src/analysis/index.js';

const TEXT = [
  'Harbour board settles with the ferry union',
  'Forty-two signatories put their names to the accord on Monday.',
  'The captain, whose age the board did not give, has commanded the vessel for two decades.',
  'The council bought the ferry from an operator in the north.',
  'Dredgers doubled the width of the channel, which was too small for the ferry.',
].join('\n\n');
const corpus = makeCorpus('/nowhere', [parseArticle('harbour.txt', TEXT)]);
const relations = buildRelations(corpus);

const find = (terms: WeightedTerm[], from: string, lemma: string) => terms.find((t) => t.from === from && t.lemma === lemma);

describe('expandQuery: a question word → the corpus lemmas related to it, weighted', () => {
  it.each<[question: string, corpusLemma: string, relation: string, weight: number, key: string]>([
    ['sign', 'signatory', 'derivation', 0.6, 'signatory'],
    ['old', 'age', 'attribute', 0.5, 'age'],
    ['purchase', 'buy', 'synonym', 0.6, 'bought'],
    ['wide', 'width', 'attribute', 0.5, 'width'],
    ['boat', 'vessel', 'hypernym', 0.3, 'vessel'],
    ['port', 'harbour', 'hyponym', 0.3, 'harbour'],
  ])('%s → %s (%s, %d)', (q, corpusLemma, relation, weight, key) => {
    const t = find(expandQuery(relations, [q]).terms, q, corpusLemma);
    expect(t).toMatchObject({ relation, weight });
    // The search keys are those the index holds for the corpus's own forms ("bought", not "buy").
    expect(t!.keys).toContain(key);
  });

  it('keeps the question lemma itself first, at weight 1, with its corpus forms', () => {
    const { terms } = expandQuery(relations, ['ferry', 'buy']);
    expect(terms.slice(0, 2)).toEqual([
      { lemma: 'ferry', from: 'ferry', relation: 'exact', weight: 1, main: true, stands: true, keys: ['ferry'] },
      { lemma: 'buy', from: 'buy', relation: 'exact', weight: 1, main: true, stands: true, keys: ['bought'] },
    ]);
  });

  it('returns antonyms apart, never as search terms', () => {
    const { terms, antonyms } = expandQuery(relations, ['large']);
    expect(antonyms).toContainEqual(expect.objectContaining({ lemma: 'small', from: 'large', relation: 'antonym', weight: 0 }));
    expect(terms.some((t) => t.lemma === 'small')).toBe(false);
  });

  it('relates nothing to words unrelated to the corpus', () => {
    const { terms, antonyms } = expandQuery(relations, ['lighthouse', 'xylophone', 'constructor']);
    expect(terms.every((t) => t.relation === 'exact')).toBe(true);
    expect(antonyms).toEqual([]);
  });

  it('lets only close relations, in the word\'s main sense, stand for a word the articles never use', () => {
    expect([...STANDS_FOR].sort()).toEqual(['attribute', 'derivation', 'synonym']);
    const { terms } = expandQuery(relations, ['sign', 'boat', 'deep']);
    expect(find(terms, 'sign', 'signatory')).toMatchObject({ main: true, stands: true });
    expect(find(terms, 'boat', 'vessel')).toMatchObject({ main: true, stands: false });
    // "deep" is "mysterious" only in a rare sense: half the weight, and it never stands for "deep".
    const c = makeCorpus('/nowhere', [parseArticle('a.txt', 'Lights\n\nThe mysterious lights over the bay were never explained.')]);
    expect(find(expandQuery(buildRelations(c), ['deep']).terms, 'deep', 'mysterious')).toMatchObject({ relation: 'synonym', weight: 0.3, main: false, stands: false });
  });

  it('takes the lexicon derivation families WordNet lacks ("signee" → "sign")', () => {
    const c = makeCorpus('/nowhere', [parseArticle('a.txt', 'Pact signed\n\nThe signees met again on Friday to discuss the pact.')]);
    expect(find(expandQuery(buildRelations(c), ['sign']).terms, 'sign', 'signee')).toMatchObject({ relation: 'derivation', weight: 0.6 });
  });
});

describe('the relations part', () => {
  it('survives its compact JSON form', () => {
    const json = JSON.parse(JSON.stringify(relationsToJson(relations)));
    const back = relationsFromJson(json);
    for (const q of ['sign', 'old', 'purchase', 'boat', 'large']) expect(expandQuery(back, [q])).toEqual(expandQuery(relations, [q]));
    expect(() => relationsFromJson({ lemmas: ['a'], keys: [], related: {} })).toThrow();
    expect(() => relationsFromJson({ lemmas: ['a'], keys: [''], related: { b: '7s' } })).toThrow();
  });

  it('after an edit, looks up only new lemmas and drops links to lemmas gone from the corpus', () => {
    const edited = makeCorpus('/nowhere', [parseArticle('harbour.txt', TEXT.replace('bought', 'chartered'))]);
    const next = buildRelations(edited, relations);
    expect(next).toEqual(buildRelations(edited));
    expect(find(expandQuery(next, ['purchase']).terms, 'purchase', 'buy')).toBeUndefined();
    expect(find(expandQuery(next, ['rent']).terms, 'rent', 'charter')).toBeDefined();
  });

  it('is a part of the analysis; the next corpus version builds on the last one', () => {
    const slot = {};
    expect(expandQuery(analysisOf({ corpus, analysis: slot }), ['sign'])).toEqual(expandQuery(relations, ['sign']));
    const edited = makeCorpus('/nowhere', [parseArticle('harbour.txt', TEXT.replace('bought', 'chartered'))]);
    expect(analysisOf({ corpus: edited, analysis: slot }).relations).toEqual(buildRelations(edited));
  });
});
