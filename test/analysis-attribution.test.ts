/**
 * Attribution as data: who says each sentence (quotations and reported speech),
 * on an article written for the test.
 */
import { describe, expect, it } from 'vitest';
import { attributeQuotes, attributeSentences } from '../src/analysis/attribution.js';
import { makeCorpus, parseArticle } from '../src/corpus/load.js';
import { buildEntityIndex } from '../src/index/entities.js';

const article = parseArticle(
  '001_planted.txt',
  `Bridge closure

Harbour master Ilsa Varn said the bridge would stay shut until Friday.

"We cannot risk another collapse," Varn said. "The pillars are cracked."

According to Trellis Mapping, the river rose two metres overnight.

Engineer Tomas Heel told reporters he had never seen the river so high.

The mayor, Odile Brant, visited the site. "It is a tragedy for the town," she said.

Rain is expected to continue.`,
);
const corpus = makeCorpus('/planted', [article]);
const index = buildEntityIndex(corpus);
const idOf = (name: string) => index.entities.find((e) => e.name === name)!.id;
const sentenceWith = (words: string) => article.sentences.find((s) => s.text.includes(words))!.id;

describe('attribution', () => {
  const bySentence = attributeSentences(corpus, index);
  it.each([
    ['the bridge would stay shut', 'Ilsa Varn', false],
    ['We cannot risk another collapse', 'Ilsa Varn', true],
    ['The pillars are cracked', 'Ilsa Varn', true],
    ['the river rose two metres', 'Trellis Mapping', false],
    ['never seen the river so high', 'Tomas Heel', false],
    ['It is a tragedy for the town', 'Odile Brant', true],
  ])('"%s" is said by %s (quoted: %s)', (words, speaker, quoted) => {
    const a = bySentence[sentenceWith(words)];
    expect(a?.speaker).toBe(idOf(speaker));
    expect(a?.quoted).toBe(quoted);
  });

  it('leaves sentences nobody says unattributed, and keeps a quotation running over two sentences together', () => {
    expect(bySentence[sentenceWith('Rain is expected')]).toBeUndefined();
    // The quotation standing alone after "…,” Varn said." continues hers.
    const q = attributeQuotes(corpus, index).find((x) => x.sentenceIds.includes(sentenceWith('The pillars are cracked')));
    expect(q).toMatchObject({ speaker: idOf('Ilsa Varn'), how: 'continues', quoted: true });
    expect(bySentence[sentenceWith('tragedy')]?.how).toBe('pronoun');
    // Plain data: it survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(bySentence))).toEqual(bySentence);
  });
});
