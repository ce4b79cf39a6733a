/**
 * References resolved to the entity meant, as data (`referencesIn`), on text
 * written for the test.
 */
import { describe, expect, it } from 'vitest';
import { buildReferences, referencesIn } from '../src/analysis/references.js';
import { makeCorpus, parseArticle } from '../src/corpus/load.js';
import { buildEntityIndex } from '../src/index/entities.js';

const article = parseArticle(
  '001_planted.txt',
  `Ferry grounded

The ferry Morning Lark ran aground near Quarry Bend on Monday. The vessel was carrying 80 passengers. The Morning Lark lost its anchor in the storm, and it is not clear when it will move.

Captain Ilsa Varn, 61, said she had steered away from the rocks. The 61-year-old has sailed the route for years.

Tomas Heel, a spokesman for Trellis Lines, said the company would pay for repairs. He added that nobody was hurt.

Rain is expected to continue, the spokesman said.

Engineer Cal Brant said Mayor Nell Osei had asked him to stay. The mayor later thanked His Majesty the King.`,
);
const corpus = makeCorpus('/planted', [article]);
const index = buildEntityIndex(corpus);
const refs = buildReferences(corpus, index);
const idOf = (name: string) => index.entities.find((e) => e.name === name)!.id;
const sentenceWith = (words: string) => article.sentences.find((s) => s.text.includes(words))!.id;

describe('references', () => {
  it.each([
    ['The vessel was carrying', 'Morning Lark'],
    ['lost its anchor', 'Morning Lark'],
    ['she had steered away', 'Ilsa Varn'],
    ['The 61-year-old has sailed', 'Ilsa Varn'],
    ['the company would pay', 'Trellis Lines'],
    ['He added that nobody', 'Tomas Heel'],
    ['the spokesman said', 'Tomas Heel'],
  ])('"%s" refers to %s', (words, name) => {
    expect(referencesIn(refs, sentenceWith(words))).toContain(idOf(name));
  });

  it('an object pronoun is not its own verb\'s subject, and "His Majesty" is a title', () => {
    const asked = refs.filter((r) => r.sentenceId === sentenceWith('had asked him'));
    expect(asked.map((r) => [r.text, r.entity])).toEqual([['him', idOf('Cal Brant')]]);
    expect(refs.filter((r) => r.sentenceId === sentenceWith('His Majesty')).map((r) => r.text)).toEqual(['The mayor']);
    expect(referencesIn(refs, sentenceWith('His Majesty'))).toEqual([idOf('Nell Osei')]);
  });

  it('does not guess: "she" is never the man, and a sentence with no reference has none', () => {
    expect(referencesIn(refs, sentenceWith('she had steered'))).not.toContain(idOf('Tomas Heel'));
    expect(referencesIn(refs, sentenceWith('ran aground'))).toEqual([]);
    // "it is not clear" stands for nothing; only "its" with the sentence's named subject is resolved.
    expect(refs.filter((r) => r.sentenceId === sentenceWith('lost its anchor')).map((r) => r.text)).toEqual(['its']);
    expect(refs.every((r) => typeof r.why === 'string' && r.why.length > 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(refs))).toEqual(refs);
  });
});

describe('an age no person has', () => {
  const a = parseArticle(
    '002_planted.txt',
    `Chapel spared

Mayor Nell Osei thanked the crews on Tuesday. Firefighters saved the 600-year-old chapel by the quay. The 20-year-old ferry beside it burned. The 61-year-old said the town would rebuild.`,
  );
  const c = makeCorpus('/planted2', [a]);
  const r = buildReferences(c, buildEntityIndex(c));
  const inSentence = (words: string) => r.filter((x) => x.sentenceId === a.sentences.find((s) => s.text.includes(words))!.id).map((x) => x.text);

  it.each([
    ['the 600-year-old chapel', []], // no one lives 600 years
    ['The 20-year-old ferry', []], // the age of the noun after it
    ['The 61-year-old said', ['The 61-year-old']],
  ])('"%s" refers to a person: %j', (words, refsFound) => {
    expect(inSentence(words)).toEqual(refsFound);
  });
});

describe('"the submersible" before the article names it', () => {
  // The thing is named paragraphs after the description first stands for it, outside the nearest-mention window; a
  // noun of its kind ("the sub", a vessel) stands for it when the article names one thing of that kind.
  const a = parseArticle(
    '003_planted.txt',
    `Search for lost craft

Crews lost contact with the submersible about an hour after it dived on Sunday.

Weather in the area was calm, the coast guard said.

Rescue ships from two countries joined the search on Monday.

The dive was run by Keel Deep, which uses a five-person submersible called Nautilette. The Nautilette carries four days of oxygen.`,
  );
  const b = parseArticle(
    '004_planted.txt',
    `Two boats missing

The ferry was last seen near the cape, officials said.

Weather in the area was calm, the coast guard said.

Rescue ships from two countries joined the search on Monday.

The ferry Morning Lark and the tug Bram Sten both left port on Saturday.`,
  );
  const c = makeCorpus('/planted3', [a, b]);
  const index = buildEntityIndex(c);
  const r = buildReferences(c, index);
  const refsIn = (art: typeof a, words: string) => referencesIn(r, art.sentences.find((s) => s.text.includes(words))!.id);
  const id = (name: string) => index.entities.find((e) => e.name === name)?.id;

  it('is the one thing of that kind the article names', () => {
    expect(id('Nautilette')).toBeDefined();
    expect(refsIn(a, 'Crews lost contact')).toEqual([id('Nautilette')]);
  });

  it('is left unresolved when the article names two of that kind', () => {
    expect(id('Morning Lark')).toBeDefined();
    expect(refsIn(b, 'last seen near the cape')).toEqual([]);
  });
});

describe('a chain of "he" across paragraphs', () => {
  const story = parseArticle(
    '002_chain.txt',
    `Coach stays with his team

Coach Arvo Lenn stayed with the twelve players through the night at the quarry.

As he waited, neighbours gathered outside the quarry gate.

A note to him from the players' families was read out on Tuesday.

In reply, he wrote that he would take care of the players.`,
  );
  const c = makeCorpus('/planted', [story]);
  const idx = buildEntityIndex(c);
  const chainRefs = buildReferences(c, idx);
  const arvo = idx.entities.find((e) => e.name === 'Arvo Lenn')!.id;
  const inSentence = (words: string) => referencesIn(chainRefs, story.sentences.find((s) => s.text.includes(words))!.id);

  it('"he" two paragraphs after the name is whom "him" in the paragraph before meant', () => {
    expect(inSentence('A note to him')).toEqual([arvo]);
    expect(inSentence('In reply, he wrote')).toEqual([arvo]);
  });

  it('a chain never carries a man to "she"', () => {
    const other = parseArticle('003_chain.txt', `Coach stays\n\nCoach Arvo Lenn stayed with the players.\n\nAs he waited, neighbours gathered outside.\n\nA note to him was read out.\n\nIn reply, she wrote to the families.`);
    const c2 = makeCorpus('/planted', [other]);
    const idx2 = buildEntityIndex(c2);
    const r2 = buildReferences(c2, idx2);
    expect(referencesIn(r2, other.sentences.find((s) => s.text.includes('In reply, she'))!.id)).toEqual([]);
  });
});
