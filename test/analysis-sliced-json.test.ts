/**
 * The analysis file's sections parsed in slices (src/analysis/sliced-json.ts): the value is
 * the one JSON.parse gives, for any JSON (strings holding brackets, commas, colons, quotes and
 * escapes; nesting deeper than the scan's two levels; "__proto__" keys; 1e999), malformed input
 * still throws, and a large value is parsed over many turns of the event loop.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseJsonInSlices, type Slicer } from '../src/analysis/sliced-json.js';
import { toJson } from '../src/analysis/file.js';

const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));
const slicer = (bytesPerTurn: number, onTurn?: () => void): Slicer => ({ bytesPerTurn, itemsPerTurn: 10, turn: () => (onTurn?.(), immediate()) });
/** Turns that are only a resolved promise: the random cases cut into 1-byte slices stay fast. */
const quick = (bytesPerTurn: number): Slicer => ({ bytesPerTurn, itemsPerTurn: 10, turn: () => Promise.resolve() });

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = ['', 'a', '],[', '"}', '{"x":1}', 'a\\b', '\\"', 'line\nbreak', 'tab\t', 'é ü 中文 🚀', ':', ',', '\\', '\u0000', '__proto__', 'constructor', '1', '10', '-0'];

function randomValue(r: () => number, depth: number): unknown {
  const k = r();
  if (depth > 5 || k < 0.35) {
    const p = r();
    if (p < 0.3) return NASTY[Math.floor(r() * NASTY.length)]! + (r() < 0.5 ? String(Math.floor(r() * 1000)) : '');
    if (p < 0.55) return Math.round((r() - 0.5) * 1e6) / 100;
    if (p < 0.6) return r() < 0.5 ? Infinity : -Infinity;
    if (p < 0.75) return r() < 0.5;
    if (p < 0.85) return null;
    return Math.floor(r() * 100);
  }
  const n = Math.floor(r() * (depth < 2 ? 40 : 6));
  if (k < 0.65) return Array.from({ length: n }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const key = r() < 0.3 ? NASTY[Math.floor(r() * NASTY.length)]! : `k${Math.floor(r() * 50)}`;
    if (key === '__proto__') Object.defineProperty(o, key, { value: randomValue(r, depth + 1), enumerable: true, writable: true, configurable: true });
    else o[key] = randomValue(r, depth + 1);
  }
  return o;
}

describe('parseJsonInSlices', () => {
  it('gives what JSON.parse gives, for random JSON cut into pieces of every size', async () => {
    const r = rng(14);
    for (let n = 0; n < 100; n++) {
      const text = ` ${toJson(randomValue(r, 0))}\n`;
      const buf = Buffer.from(text);
      const want = JSON.parse(text) as unknown;
      for (const bytes of [1, 7, 64, 1 << 20]) {
        const got = await parseJsonInSlices(buf, quick(bytes));
        // node's deep equality (vitest's toStrictEqual calls two parses of one text with a "__proto__" key unequal), and the same key order.
        expect(isDeepStrictEqual(got, want)).toBe(true);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      }
    }
  });

  it('keeps a "__proto__" key as an own key, never as the prototype', async () => {
    const text = `{"a":[1,2,3],"__proto__":{"polluted":true},"b":{"__proto__":[1],"c":2}}`;
    const got = (await parseJsonInSlices(Buffer.from(text), slicer(2))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['a', '__proto__', 'b']);
    expect(JSON.stringify(got)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('throws on malformed JSON as JSON.parse does, whatever the slice size', async () => {
    const bad = ['[1,2,]', '{"a":1,}', '[1,,2]', '[1}', '{"a":[1,2}', '[1,2', '{"a" 1}', '[1:2]', '{"a"::1}', '[[1,],2]', '{"a":{"b":1,}}', '[1] x', '[1,"a]', '{"a":1}}', '[[1:2],3]', '{"a":{"b"}}'];
    for (const text of bad) {
      expect(() => JSON.parse(text), text).toThrow(SyntaxError);
      for (const bytes of [1, 3, 1 << 20]) await expect(parseJsonInSlices(Buffer.from(text), slicer(bytes)), `${text} @${bytes}`).rejects.toThrow(SyntaxError);
    }
  });

  it('parses a large value over many turns of the event loop, each turn a bounded piece', async () => {
    const value = { version: 1, figures: Array.from({ length: 5000 }, (_, i) => ({ id: `a:p${i}:s0@4`, text: `${i},000 "troops"`, value: i * 1000, hi: i % 7 ? i : Infinity })) };
    const buf = Buffer.from(toJson(value));
    let turns = 0;
    let ticks = 0;
    // An immediate scheduled while the parse runs turns before the parse is over.
    const tick = () => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    const got = await parseJsonInSlices(buf, slicer(16 * 1024, () => turns++));
    done = true;
    expect(isDeepStrictEqual(got, JSON.parse(buf.toString()))).toBe(true);
    // Every 16 KB parsed (and every 64 KB scanned) is a turn: no turn parses the whole value.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(buf.length / (16 * 1024)));
    expect(ticks).toBeGreaterThan(10);
  });
});
