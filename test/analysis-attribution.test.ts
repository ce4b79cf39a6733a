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

describe('a speaker referred to by what they are, and a short reply', () => {
  // "the diver replied, “Brilliant.”": a one-word statement bound to a verb of saying is a quotation, and "the diver"
  // is the diver named before; a word in scare quotes ("described as “banging,”") is no statement of anyone's.
  const a = parseArticle(
    '002_planted.txt',
    `Divers reach the miners

A man surfaced beside the miners: the British diver Rob Castellan, who waved to them.

The miners told him all nine were alive, and the diver replied, "Brilliant."

Noises, described as "banging," were heard by a search plane.

The rescue chief, Anna Pohl, spoke to the families. "We are hopeful," said the chief.`,
  );
  const c = makeCorpus('/planted-short', [a]);
  const idx = buildEntityIndex(c);
  const quotes = attributeQuotes(c, idx);
  const id = (name: string) => idx.entities.find((e) => e.name === name)?.id;
  const said = (words: string) => quotes.find((q) => q.sentenceIds.includes(a.sentences.find((s) => s.text.includes(words))!.id));

  it('attributes the one-word reply to the diver the sentence refers to', () => {
    expect(id('Rob Castellan')).toBeDefined();
    expect(said('the diver replied')).toMatchObject({ speaker: id('Rob Castellan'), how: 'reference' });
  });

  it('attributes an inverted "said the chief" to the chief named before', () => {
    expect(said('said the chief')?.speaker).toBe(id('Anna Pohl'));
  });

  it('leaves scare quotes unattributed', () => {
    expect(said('described as')).toBeUndefined();
  });
});
