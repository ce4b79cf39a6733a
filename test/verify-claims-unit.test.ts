/**
 * The shared claim analysis (src/engines/claims.ts) on plain strings: hedges,
 * denials, negation scope, antonyms, figures, dates and claim splitting. These
 * rules must hold for any story, so the examples are deliberately not the seeds'.
 */
import { describe, expect, it } from 'vitest';
import {
  antonymIn,
  cleanClaim,
  datesIn,
  denialOf,
  figuresInText,
  hedgeOf,
  isNonConfirmation,
  negatedTerms,
  relateDates,
  relateFigures,
  sameQuantity,
} from '../src/engines/claims.js';
import { splitClaim } from '../src/engines/verify.js';
import { terms } from '../src/language/tokenize.js';

describe('hedges', () => {
  it.each([
    ['The minister reportedly resigned on Monday.', 'reported', 'reportedly'],
    ['The company allegedly hid the losses.', 'reported', 'allegedly'],
    ['The plan was drafted in March, a source familiar with the talks told the Gazette.', 'reported', 'a source familiar with the talks told the Gazette'],
    ['The mayor sought a loan, according to documents obtained by the Tribune.', 'reported', 'according to documents obtained by the Tribune'],
    ['The deal is said to be worth billions.', 'reported', 'is said to'],
    ['"I doubt it," the coach said.', 'uncertain', 'I doubt'],
    ['It is not known how many people left.', 'uncertain', 'is not known'],
  ])('%s → %s', (text, kind, phrase) => {
    const h = hedgeOf(text);
    expect(h?.kind).toBe(kind);
    expect(h?.phrase).toBe(phrase);
  });

  it('a plain statement has no hedge', () => {
    expect(hedgeOf('The council approved the budget on Tuesday.')).toBeNull();
  });
});

describe('denials', () => {
  it('finds denials of something said, and tells non-confirmation apart', () => {
    expect(denialOf('The club denied the report that its coach had resigned.')).toBe('denied');
    expect(denialOf('"That story is false," she said.')).toMatch(/false/);
    const soft = denialOf('A spokesman did not confirm the report.');
    expect(soft).toBe('did not confirm');
    expect(isNonConfirmation(soft!)).toBe(true);
    // Denying an accusation of a crime without any report or claim in view is not a denial of a report.
    expect(denialOf('He denied wrongdoing.')).toBeNull();
  });
});

describe('negation scope', () => {
  it('covers the next few words only, and not "not only" or "not known"', () => {
    expect([...negatedTerms('The mayor did not confirm the closure of the school.')]).toEqual(expect.arrayContaining(terms('confirm closure school')));
    expect(negatedTerms('They sent not only food but also medicine.').size).toBe(0);
    expect(negatedTerms('It is not known who fired first.').size).toBe(0);
  });
});

describe('antonyms', () => {
  it('reads which of two opposite words applies to what the claim is about', () => {
    expect(antonymIn('The union supports the new pension law', 'The union supports higher wages and opposes the new pension law, its leader said.')).toBe('opposes');
    expect(antonymIn('The union opposes higher wages', 'The union supports higher wages and opposes the new pension law.')).toBe('supports');
    expect(antonymIn('The union supports higher wages', 'The union supports higher wages.')).toBeNull();
  });
});

describe('figures', () => {
  it('reads qualifiers as ranges and compares them', () => {
    const [claim] = figuresInText('Floods killed 40 people');
    const [atLeast] = figuresInText('Floods killed at least 61 people');
    const [moreThan] = figuresInText('Floods killed more than 60 people');
    expect(claim!.key).toBe('killed');
    expect(sameQuantity(claim!, atLeast!)).toBe(true);
    expect(relateFigures(claim!, atLeast!)).toBe('conflict');
    expect(relateFigures(atLeast!, moreThan!)).toBe('match');
    const [near] = figuresInText('Floods killed 60 people');
    expect(relateFigures(near!, moreThan!)).toBe('close');
  });

  it('reads "doubled the $25 million reward" as $50 million', () => {
    const [f] = figuresInText('The state doubled the $25 million reward for his capture.');
    expect(f!.value).toBe(50_000_000);
    expect(f!.note).toMatch(/doubled from \$25 million/);
  });
});

describe('dates', () => {
  it('compares only the parts both sides state', () => {
    const [oct10] = datesIn('on Oct. 10');
    const [oct24] = datesIn('On Oct. 24, the minister ordered');
    const [october] = datesIn('in October');
    const [friday] = datesIn('on Friday');
    expect(relateDates(oct10!, oct24!)).toBe('conflict');
    expect(relateDates(october!, oct24!)).toBe('match');
    expect(relateDates(friday!, oct24!)).toBe('incomparable');
    expect(datesIn('The dam was built in 1962')).toEqual([{ text: '1962', year: 1962 }]);
    expect(datesIn('The strike is happening now, this week')).toEqual([]);
  });
});

describe('claims', () => {
  it('cleans chat furniture and keeps the words', () => {
    expect(cleanClaim('<@123456789012345678> **The dam** [failed](https://x.example) @here')).toBe('The dam failed');
  });

  it('splits compound claims at new clauses, not at lists of names', () => {
    expect(splitClaim('Lopez met Henning and Osei').map((p) => p.shown)).toEqual(['Lopez met Henning and Osei']);
    const parts = splitClaim('Lopez said the dam failed, and that 300 homes were destroyed');
    expect(parts.map((p) => p.shown)).toEqual(['Lopez said the dam failed', 'that 300 homes were destroyed']);
    expect(parts[1]!.query).toBe('Lopez said 300 homes were destroyed');
    const borrowed = splitClaim('The state sent 200 soldiers and will build 40 bridges');
    expect(borrowed[1]!.shown).toBe('will build 40 bridges');
  });
});
