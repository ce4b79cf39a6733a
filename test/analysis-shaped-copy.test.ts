/**
 * `shapedCopy` (src/analysis/persist.ts): a stored item hydrated by one object literal per shape (every field in the
 * object itself) gives the same keys, in the same order, with the same values, as the field-by-field copy and the
 * spread it replaces — duplicate keys, a missing or present tail, the strings shared, and the shapes it does not make
 * (`__proto__`, array indices) copied as before. And the figures and mentions of a persisted analysis read back the same.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { shapedCopy, sharedField, sharedString } from '../src/analysis/persist.js';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, flushAnalysis, warmAnalysis } from '../src/analysis/index.js';
import type { EntityMention } from '../src/index/entities.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { ROOT, SEEDS, cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';

afterAll(() => cleanupTempDirs());

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

describe('a persisted analysis read back', () => {
  const start = (dataDir: string): Promise<Deps> =>
    buildDeps(loadConfig({ SEEDS_DIR: SEEDS, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT), { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger });
  /** A mention as plain data: its article and sentence by id (a mention read back has its surface last, built it has it before inQuote: as before). */
  const plainMention = (m: EntityMention) =>
    Object.entries(m)
      .map(([k, v]) => [k, k === 'article' || k === 'sentence' ? (v as { id: string }).id : v])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));

  it('gives every entity the mentions built (the name as written cut from its sentence), and the same figures', async () => {
    const dataDir = tempDir('dispatch-shaped-');
    const built = await start(dataDir);
    await warmAnalysis(built);
    await flushAnalysis(built);
    const b = analysisOf(built);
    const entitiesBuilt = analysisStats.built.entities;
    const read = await start(dataDir);
    await warmAnalysis(read);
    const a = analysisOf(read);
    expect(analysisStats.built.entities).toBe(entitiesBuilt);
    expect(a.entities.entities.length).toBe(b.entities.entities.length);
    let mentions = 0;
    a.entities.entities.forEach((e, i) => {
      const mine = b.entities.entities[i]!;
      expect(e.mentions.map(plainMention), e.id).toEqual(mine.mentions.map(plainMention));
      for (const m of e.mentions) {
        expect(read.corpus.byId.get(m.article.id)).toBe(m.article);
        if (!m.sentence.id.includes(':byline:')) expect(m.article.sentences).toContain(m.sentence);
      }
      mentions += e.mentions.length;
    });
    expect(mentions).toBeGreaterThan(100);
    // (read back, a figure has its sentence last and no undefined fields: as before)
    const figures = (x: typeof a) => [...x.figures].map(([id, list]) => [id, list.map((f) => Object.entries({ ...f, sentence: f.sentence.id }).filter(([, v]) => v !== undefined).sort((p, q) => p[0].localeCompare(q[0])))]);
    expect(figures(a)).toEqual(figures(b));
  }, 120_000);
});
