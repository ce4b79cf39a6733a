/**
 * The digest reads the whole corpus (every sentence's terms, its developments, every figure); on a large corpus that
 * is seconds of work, and a scheduled digest ran it in one synchronous call, so an interaction arriving meanwhile
 * waited for it. It is now done a slice at a time (src/scale/slices.ts, as the disagreements are): with a zero budget
 * it yields after every step, other work runs between the steps, and the digest is exactly the one-go digest.
 */
import { describe, expect, it } from 'vitest';
import { digest } from '../src/engines/digest.js';
import { disagreementsReady } from '../src/analysis/disagreements.js';
import { finish, slicer, type Steps } from '../src/scale/slices.js';
import { toJson } from '../src/console/render-text.js';
import { countTurns, FLOOD, makeDeps, removeDir, SEEDS, tempDir, writeArticle } from './digest-fixtures.js';
import { loadCorpus } from '../src/corpus/load.js';

describe('the digest in slices', () => {
  it('lets the event loop run between its steps and gives the same digest', async () => {
    const at = () => new Date('2025-11-10T12:00:00Z');
    const whole = toJson(await digest(await makeDeps(SEEDS, { clock: at }), { chartDir: null, turnMs: 1e9 }));
    expect(whole.answered).toBe(true);

    const deps = await makeDeps(SEEDS, { clock: at });
    // The differences are found (in slices of their own) first: the turns counted are the digest's sections'.
    await disagreementsReady(deps);
    const loop = countTurns();
    const sliced = toJson(await digest(deps, { chartDir: null, turnMs: 0 }));
    const turns = loop.stop();
    // Five articles: their sentences, the figures of each, the clustered candidates, each key-figure line.
    expect(turns).toBeGreaterThan(50);
    expect(sliced).toEqual(whole);
  });
});

describe('the digest while the corpus changes', () => {
  it('is the digest of the corpus it began on when the watcher swaps the corpus between its slices', async () => {
    const at = () => new Date('2025-11-10T12:00:00Z');
    const whole = toJson(await digest(await makeDeps(SEEDS, { clock: at }), { chartDir: null, turnMs: 1e9 }));

    const deps = await makeDeps(SEEDS, { clock: at });
    await disagreementsReady(deps);
    const dir = tempDir();
    for (const [name, text] of Object.entries(FLOOD)) writeArticle(dir, name, text, new Date('2024-03-05T12:00:00Z'));
    const other = await loadCorpus(dir);
    const running = digest(deps, { chartDir: null, turnMs: 0 });
    // The watcher's swap (src/corpus/watch.ts: live.corpus = next) lands between two slices.
    await new Promise((r) => setImmediate(r));
    deps.corpus = other;
    const sliced = toJson(await running);
    removeDir(dir);
    expect(sliced).toEqual(whole);
  });
});

describe('slices', () => {
  function* count(n: number, seen: number[]): Steps<number> {
    for (let i = 0; i < n; i++) {
      seen.push(i);
      yield;
    }
    return n * 2;
  }

  it('runs steps to the same end in one go and in slices, one slicer budget across computations', async () => {
    const a: number[] = [];
    expect(finish(count(5, a))).toBe(10);
    const b: number[] = [];
    const s = slicer(0);
    expect(await s.run(count(5, b))).toBe(10);
    expect(await s.run(count(3, b))).toBe(6);
    expect(b).toEqual([0, 1, 2, 3, 4, 0, 1, 2]);
    expect(a).toEqual([0, 1, 2, 3, 4]);
  });

  it('a step that throws rejects the run, and the slicer stays usable', async () => {
    function* bad(): Steps<number> {
      yield;
      throw new Error('broken step');
    }
    const s = slicer(0);
    await expect(s.run(bad())).rejects.toThrow('broken step');
    expect(await s.run(count(2, []))).toBe(4);
  });
});
