/**
 * `shapedCopy` (src/analysis/persist.ts): a stored item hydrated by one object literal per shape (every field in the
 * object itself) gives the same keys, in the same order, with the same values, as the field-by-field copy and the
 * spread it replaces — duplicate keys, a missing or present tail, the strings shared, and the shapes it does not make
 * (`__proto__`, array indices) copied as before. And the figures and mentions of a persisted analysis read back the same.
 */
import { describe, expect, it } from 'vitest';
import { shapedCopy, sharedField, sharedString } from '../src/analysis/persist.js';

type Plain = Record<string, unknown>;

/** What `copyFields({ ...lead }, json, skip, skip2)` then `out[tail] ??= tailValue`-when-absent made (the code before). */
function reference(json: Plain, skip: string, skip2: string | undefined, lead: string[], leadValues: unknown[], tail: string | undefined, tailValue: unknown, str?: (v: unknown) => unknown): Plain {
  const out: Plain = {};
  lead.forEach((k, i) => (out[k] = leadValues[i]));
  for (const k in json) {
    if (k === skip || k === skip2 || !Object.hasOwn(json, k)) continue;
    const v = json[k];
    if (k === '__proto__') Object.defineProperty(out, k, { value: str ? str(v) : v, writable: true, enumerable: true, configurable: true });
    else out[k] = str ? str(v) : v;
  }
  if (tail !== undefined && !(tail in json && tail !== skip && tail !== skip2)) out[tail] = tailValue;
  return out;
}

const entries = (x: Plain) => Object.keys(x).map((k) => [k, x[k]]);

describe('shapedCopy', () => {
  const sentence = { id: 's1' };
  const cases: [string, Plain][] = [
    ['a figure', { value: 61, display: 'at least 61', lo: 61, hi: Infinity, s: 'a:0:1', noun: 'people', when: null, core: ['kettle'] }],
    ['a mention', { s: 'a:0:1', start: 3, end: 9, inQuote: false, surface: 'Brekke', role: 'Fire chief' }],
    ['a byline mention', { s: 'a:byline:0', len: 12, start: 0, end: 12, inQuote: false }],
    ['a key the lead also has', { s: 'x', article: 'stored', start: 1 }],
    ['the tail stored', { s: 'x', sentence: 'stored', value: 2 }],
    ['fractional and negative numbers', { s: 'x', value: 0.25, lo: -3.5, hi: 1e21 }],
    ['no fields', { s: 'x' }],
  ];
  for (const [name, json] of cases) {
    it(`copies ${name} as field by field`, () => {
      for (const [lead, tail] of [
        [[], 'sentence'],
        [['article', 'sentence'], 'surface'],
        [['article', 'sentence'], undefined],
      ] as [string[], string | undefined][]) {
        for (const str of [undefined, sharedField]) {
          const values = lead.map((k) => `${k}-value`);
          const made = shapedCopy(json, 's', 'len', lead, values, tail, sentence, str);
          expect(made).toBeDefined();
          expect(entries(made!)).toEqual(entries(reference(json, 's', 'len', lead, values, tail, sentence, str)));
          expect(Object.getPrototypeOf(made)).toBe(Object.prototype);
        }
      }
    });
  }

  it('shares strings when asked (one copy of an equal string)', () => {
    const a = JSON.parse('{"s":"x","label":"Evacuees"}') as Plain;
    const b = JSON.parse('{"s":"y","label":"Evacuees"}') as Plain;
    const ma = shapedCopy(a, 's', undefined, [], [], 'sentence', 1, sharedField)!;
    const mb = shapedCopy(b, 's', undefined, [], [], 'sentence', 2, sharedField)!;
    expect(ma.label).toBe(sharedString('Evacuees'));
    expect(mb.label).toBe(ma.label);
    expect(mb.sentence).toBe(2);
  });

  it('does not make a shape with __proto__ or an array index (the caller copies field by field)', () => {
    const proto = JSON.parse('{"s":"x","__proto__":{"polluted":true},"a":1}') as Plain;
    expect(shapedCopy(proto, 's', undefined, [], [], 'sentence', 1)).toBeUndefined();
    expect(({} as Plain).polluted).toBeUndefined();
    expect(shapedCopy({ s: 'x', 0: 'first', a: 1 }, 's', undefined, [], [], 'sentence', 1)).toBeUndefined();
  });

  it('quotes any key (no key is code)', () => {
    const json = JSON.parse('{"s":"x","a\\"b":1,"c}; throw 1; {":2,"\\u2028":3,"":4}') as Plain;
    const made = shapedCopy(json, 's', undefined, [], [], 'sentence', 0)!;
    expect(entries(made)).toEqual(entries(reference(json, 's', undefined, [], [], 'sentence', 0)));
  });

  it('one maker per shape: items of different shapes in turn each keep their own keys', () => {
    const one = { s: 'x', a: 1, b: 2 };
    const two = { s: 'x', b: 2, a: 1 };
    for (let i = 0; i < 3; i++) {
      expect(Object.keys(shapedCopy(one, 's', undefined, [], [], 'sentence', 0)!)).toEqual(['a', 'b', 'sentence']);
      expect(Object.keys(shapedCopy(two, 's', undefined, [], [], 'sentence', 0)!)).toEqual(['b', 'a', 'sentence']);
    }
  });
});
