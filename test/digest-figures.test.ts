import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/corpus/load.js';
import { attributionOf, conflicts, extractFigures, formatValue } from '../src/analysis/digest-figures.js';

const figures = (text: string, date = '2024-05-10') =>
  extractFigures(parseArticle('t.md', `---\ntitle: Test\ndate: ${date}\n---\n${text}\n`), date).map((f) => ({
    key: f.key,
    display: f.display,
    noun: f.noun,
    when: f.when,
    who: f.who,
    note: f.note,
  }));

describe('key figures by rule', () => {
  it('counts with what they count, qualifiers kept', () => {
    expect(figures('Police said 3 soldiers were killed near the border.')).toEqual([
      { key: 'killed', display: '3', noun: 'soldiers', when: null, who: 'Police', note: undefined },
    ]);
    expect(figures('The storm destroyed about 1,200 homes and damaged nearly 40 schools.').map((f) => [f.key, f.display])).toEqual([
      ['buildings:homes', 'about 1,200'],
      ['buildings:schools', 'nearly 40'],
    ]);
    expect(figures('At least 15 people died in the floods.').map((f) => [f.key, f.display])).toEqual([['killed', 'at least 15']]);
    expect(figures('Officers arrested 40 protesters outside parliament on Tuesday evening, the police said.').map((f) => f.key)).toEqual(['people:protesters']);
  });

  it('money: what it is, and "doubled" read as the new value', () => {
    expect(figures('Insurers put the damage at $2.5 billion, the regulator said.').map((f) => [f.key, f.display, f.noun])).toEqual([['money:damage', '$2.5 billion', 'damage']]);
    expect(figures('The ministry doubled the $10 million reward for information.').map((f) => [f.display, f.note])).toEqual([['$20 million', 'doubled from $10 million']]);
  });

  it('not counts: years, ages, percentages, distances, dates', () => {
    expect(figures('The 79-year-old said output fell 50 percent since 1998, on a 1,000 km route, on May 4.')).toEqual([]);
  });

  it('when: the date phrase in the sentence, against the article date', () => {
    expect(figures('In March, 200 troops arrived at the northern base to support the relief effort.', '2024-05-10')[0]).toMatchObject({ when: '2024-03', display: '200' });
    expect(figures('On April 2, 12 ships docked in the harbour carrying food and medicine for the region.', '2024-05-10')[0]).toMatchObject({ when: '2024-04-02', key: 'ships:ships' });
  });

  it('"that number has grown to…" inherits what the previous figure counted', () => {
    const f = figures('The first wave brought 500 troops. That number has since grown to roughly 2,000.');
    expect(f.map((x) => [x.key, x.display])).toEqual([
      ['troops:troops', '500'],
      ['troops:troops', 'roughly 2,000'],
    ]);
  });

  it('attribution patterns', () => {
    expect(attributionOf('According to the health ministry, 12 people died.')).toBe('the health ministry');
    expect(attributionOf('US officials have accused the group of smuggling.')).toBe('US officials');
    expect(attributionOf('Mayor Ruth Okafor said 400 residents left.')).toBe('Mayor Ruth Okafor');
    expect(attributionOf('The river rose overnight.')).toBeNull();
    // A day between the source and its verb says when, not who ("per Friday" was shown in a digest).
    expect(attributionOf('Brindle Lines on Friday announced it would return 9 ferries to service.')).toBe('Brindle Lines');
    expect(attributionOf('Harbour Master Jo Penrose last Monday said 12 ships were waiting.')).toBe('Harbour Master Jo Penrose');
  });

  it('ranges decide conflicts; formatting', () => {
    const one = (id: string, text: string) => extractFigures(parseArticle(id, `Flood report\n\n${text}\n`), null)[0];
    const a = one('a.md', 'At least 15 people were killed when the river burst its banks overnight.');
    const b = one('b.md', 'Police said 9 people were killed when the river burst its banks overnight.');
    const c = one('c.md', 'About 16 people were killed when the river burst its banks overnight.');
    expect(conflicts(a!, b!)).toBe(true);
    expect(conflicts(a!, c!)).toBe(false);
    expect(formatValue(50_000_000, '$')).toBe('$50 million');
    expect(formatValue(4500)).toBe('4,500');
  });
});
