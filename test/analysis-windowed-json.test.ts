/**
 * A section of the analysis file parsed a window of its bytes at a time (`windowedSource`,
 * src/analysis/sliced-json.ts; `Section.readInSlices`, src/analysis/file.ts): the value is the one
 * the whole section's bytes give, for any window size (values straddling a window's end, an item
 * longer than a window), the section is never read whole, and a file cut short or damaged after
 * it was opened is refused with a clear error.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { eachEntryInSlices, parseJsonInSlices, windowedSource, type Slicer } from '../src/analysis/sliced-json.js';
import { ANALYSIS_FILE, ANALYSIS_SCHEMA, codeVersion, encodeAnalysisFile, readAnalysisFile, toJson, type AnalysisSlot } from '../src/analysis/file.js';
import { cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';

afterAll(() => cleanupTempDirs());

const quick = (bytesPerTurn: number): Slicer => ({ bytesPerTurn, itemsPerTurn: 10, turn: () => Promise.resolve() });

/** A source over `buf` read `window` bytes at a time, recording the largest read asked for; `cut` bytes readable at most. */
function source(buf: Buffer, window: number, cut = buf.length) {
  const reads = { max: 0, total: 0 };
  const src = windowedSource(
    buf.length,
    async (into, at, n, position) => {
      reads.max = Math.max(reads.max, n);
      const got = Math.max(0, Math.min(n, cut - position));
      buf.copy(into, at, position, position + got);
      reads.total += got;
      return got;
    },
    window,
    () => new Error('the section is short'),
  );
  return { src, reads };
}

/** Figure-like items, with a long string in item 40 (longer than the small windows) and non-ASCII text across window ends. */
function figures(n: number) {
  return {
    version: 1,
    figures: Array.from({ length: n }, (_, i) => ({
      sentenceId: `a${i % 97}:p${i % 13}:s${i % 7}`,
      text: i === 40 ? `${'long "quoted" text, é 中文 🚀 '.repeat(400)}` : `${i},000 "troops" — é ü 中文 🚀 ${'\\'.repeat(i % 3)}`,
      value: i * 1000,
      hi: i % 7 ? i : Infinity,
      nested: { k: [i, { deep: [i, `x${i}`] }] },
    })),
  };
}

describe('windowedSource', () => {
  it('gives what JSON.parse of the whole bytes gives, whatever the window and slice sizes, a window at most read at a time', async () => {
    const buf = Buffer.from(` ${toJson(figures(300))}\n`);
    const want = JSON.parse(buf.toString('utf8')) as unknown;
    const long = Buffer.byteLength(JSON.stringify(figures(41).figures[40]));
    for (const window of [1, 7, 64, 1000, 4096, 1 << 20])
      for (const bytes of [1, 64, 2048, 1 << 20]) {
        const { src, reads } = source(buf, window);
        const got = await parseJsonInSlices(src, quick(bytes));
        expect(isDeepStrictEqual(got, want), `window ${window}, slices ${bytes}`).toBe(true);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
        // A read is a window, or one range parsed together that is longer than a window: a scan chunk (4 slices), a run of
        // items (a slice), or one value longer than those (item 40's text); the whole only when a slice is larger than it.
        expect(reads.max).toBeLessThanOrEqual(Math.max(window, Math.min(buf.length, Math.max(4 * bytes, long))));
        if (window === 4096 && bytes === 2048) expect(reads.max).toBeLessThan(buf.length / 3);
      }
  });

  it('parses the items that straddle a window end as the whole read does (every window end a byte further)', async () => {
    const value = { a: ['x'.repeat(50), { b: 'é中🚀"\\'.repeat(9), c: [1, 2, 3] }, 'y'.repeat(70)], d: 'z'.repeat(30) };
    const buf = Buffer.from(toJson(value));
    for (let window = 5; window < 90; window++) {
      const { src } = source(buf, window);
      expect(JSON.stringify(await parseJsonInSlices(src, quick(16))), `window ${window}`).toBe(JSON.stringify(value));
    }
  });

  it('a source cut short is refused with its own error, at any point', async () => {
    const buf = Buffer.from(toJson(figures(60)));
    for (const cut of [0, 1, 100, Math.floor(buf.length / 2), buf.length - 1]) {
      const { src } = source(buf, 256, cut);
      await expect(parseJsonInSlices(src, quick(512)), `cut at ${cut}`).rejects.toThrow('the section is short');
    }
  });

  it('malformed bytes are refused as JSON.parse refuses them', async () => {
    const text = toJson(figures(60));
    for (const bad of [text.slice(0, -1), text.replace('"nested":{', '"nested":['), text.replace('"figures":[', '"figures":[,')]) {
      const { src } = source(Buffer.from(bad), 128);
      await expect(parseJsonInSlices(src, quick(256))).rejects.toThrow(SyntaxError);
    }
  });
});

describe('eachEntryInSlices', () => {
  /** A per-article map as the file stores one: key -> figures. */
  const perArticle = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}\u0000h${i}\u0000${i % 3 ? '2025-11-0' + (i % 9) : ''}`, figures(i % 5).figures]));

  it('gives the entries of the whole parse, in order, whatever the window and slice sizes (entries straddling a window end)', async () => {
    const value = { ...perArticle(80), __proto__x: [1] };
    const buf = Buffer.from(`\n${toJson(value)} `);
    const want = Object.entries(JSON.parse(buf.toString('utf8')) as object);
    for (const window of [3, 64, 777, 1 << 20])
      for (const bytes of [1, 100, 4096, 1 << 20]) {
        const got: [string, unknown][] = [];
        await eachEntryInSlices(source(buf, window).src, quick(bytes), (k, v) => got.push([k, v]));
        expect(isDeepStrictEqual(got, want), `window ${window}, slices ${bytes}`).toBe(true);
      }
  });

  it('gives no entry when the brackets, commas or strings are damaged, and refuses what is not an object', async () => {
    const text = toJson(perArticle(40));
    for (const bad of [text.slice(0, -1), text.replace('],"', '],,"'), `${text}x`, text.replace('"a7', 'a7')]) {
      for (const bytes of [64, 1 << 20]) {
        let given = 0;
        await expect(eachEntryInSlices(source(Buffer.from(bad), 256).src, quick(bytes), () => given++)).rejects.toThrow(SyntaxError);
        expect(given, `${bytes}`).toBe(0);
      }
    }
    await expect(eachEntryInSlices(Buffer.from('[1,2]'), quick(1), () => undefined)).rejects.toThrow(TypeError);
    await expect(eachEntryInSlices(Buffer.from('"x"'), quick(1 << 20), () => undefined)).rejects.toThrow(TypeError);
  });
});

describe('a section of the analysis file read in slices', () => {
  async function open(figureFacts: unknown) {
    const dir = tempDir('windowed-json-');
    const file = path.join(dir, ANALYSIS_FILE);
    writeFileSync(file, encodeAnalysisFile({ schema: ANALYSIS_SCHEMA, code: codeVersion(), version: 'v1', parts: { figureFacts: figureFacts as never }, figures: { 'a\u0000h\u0000': [] }, digest: {} }));
    const slot: AnalysisSlot = { dir };
    await readAnalysisFile(slot);
    return { file, section: slot.loaded!.parts.figureFacts! };
  }

  it('is the value of the whole section read at once', async () => {
    const { section } = await open(figures(2000));
    const whole = section.read();
    const sliced = await section.readInSlices(quick(4096));
    expect(isDeepStrictEqual(sliced, whole)).toBe(true);
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(figures(2000)));
  });

  it('a file cut short after it was opened is refused: "section … is short"', async () => {
    const { file, section } = await open(figures(2000));
    truncateSync(file, 20_000);
    await expect(section.readInSlices(quick(4096))).rejects.toThrow('analysis file section parts.figureFacts is short');
    expect(() => section.read()).toThrow('analysis file section parts.figureFacts is short');
  });

  it('a section damaged after it was opened is refused as the whole read refuses it', async () => {
    const { file, section } = await open(figures(2000));
    // An object opened as a list in the middle of the section (same length, same file: the opened descriptor sees it).
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"nested":{', 150_000) + '"nested":'.length;
    expect(at).toBeGreaterThan(150_000);
    bytes[at] = 0x5b;
    writeFileSync(file, bytes);
    expect(() => section.read()).toThrow(SyntaxError);
    await expect(section.readInSlices(quick(4096))).rejects.toThrow(SyntaxError);
  });
});
