import { describe, expect, it } from 'vitest';
import { CLOCK_MARKS, COLLECTIVE_NOUNS, CURRENCIES, DIMENSION_WORDS, MEASURE_UNITS, QUALIFIER_RANGES, QUALIFIERS } from '../src/language/lexicon/index.js';

const unitOf = (form: string) => MEASURE_UNITS.find((u) => u.forms.includes(form));

describe('units of measure', () => {
  it.each([
    ['mph', 'mph', 'speed'],
    ['miles per hour', 'mph', 'speed'],
    ['knots', 'knots', 'speed'],
    ['kilometres', 'km', 'distance'],
    ['miles', 'miles', 'distance'],
    ['feet', 'feet', 'distance'],
    ['metres', 'm', 'distance'],
    ['tonnes', 'tonnes', 'weight'],
    ['kg', 'kg', 'weight'],
    ['hours', 'hours', 'duration'],
    ['square miles', 'sq miles', 'area'],
    ['cubic metres', 'cubic m', 'volume'],
  ])('"%s" is %s, a %s', (form, unit, kind) => {
    expect(unitOf(form)?.unit).toBe(unit);
    expect(unitOf(form)?.kind).toBe(kind);
  });

  it('no written form belongs to two units', () => {
    const seen = new Map<string, string>();
    for (const u of MEASURE_UNITS) for (const f of u.forms) {
      expect(seen.get(f.toLowerCase()), f).toBeUndefined();
      seen.set(f.toLowerCase(), u.unit);
    }
  });

  it('a speed in miles per hour is not a distance', () => {
    expect(unitOf('miles per hour')?.kind).not.toBe(unitOf('miles')?.kind);
  });

  it.each([
    ['$', '$'],
    ['dollars', '$'],
    ['euros', '€'],
  ])('currency %s is %s', (w, c) => expect(CURRENCIES[w]).toBe(c));

  it('clock marks, dimensions and collective nouns', () => {
    expect(CLOCK_MARKS).toEqual(expect.arrayContaining(['p.m.', 'a.m.', 'pm']));
    expect(DIMENSION_WORDS.deep).toBe('depth');
    expect(DIMENSION_WORDS.long).toBe('length');
    expect(COLLECTIVE_NOUNS.has('crew')).toBe(true);
    expect(COLLECTIVE_NOUNS.has('ships')).toBe(false);
  });

  it.each([
    ['close to', 0.9, 1.0001],
    ['at most', 0, 1],
    ['just over', 1.0001, 1.15],
  ])('qualifier "%s" allows %f–%f of the figure', (q, lo, hi) => {
    expect(QUALIFIERS).toContain(q);
    expect(QUALIFIER_RANGES[q]).toEqual([lo, hi]);
  });
});
