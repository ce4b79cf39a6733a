/**
 * The first /compare or digest of a corpus finds its differences once; on a large corpus that is seconds of work.
 * `disagreementsReady` does it a slice at a time, letting the event loop run between slices (an acknowledgement due
 * meanwhile is sent), and finds exactly what the one-go `disagreementsOf` finds.
 */
import { describe, expect, it } from 'vitest';
import { disagreementsOf, disagreementsReady, type Finding } from '../src/analysis/disagreements.js';
import { countTurns, FLOOD, makeDeps, removeDir, SEEDS, tempDir, writeArticle } from './digest-fixtures.js';
import { runCommand } from '../src/engines/index.js';
import { toJson } from '../src/console/render-text.js';
import { loadCorpus } from '../src/corpus/load.js';

const shape = (fs: Finding[]) => fs.map((f) => ({ kind: f.kind, topic: f.topic, note: !!f.note, sides: f.sides.map((s) => [s.text, s.sentences.map((x) => x.id)]) }));

describe('disagreements found in slices', () => {
  it('yields to the event loop between slices and finds what one go finds', async () => {
    const whole = shape(disagreementsOf(await makeDeps(SEEDS)));
    expect(whole.length).toBeGreaterThan(3);

    const deps = await makeDeps(SEEDS);
    const loop = countTurns();
    // A zero budget yields at every step: other work runs between them.
    const sliced = await disagreementsReady(deps, 0);
    const turns = loop.stop();
    expect(turns).toBeGreaterThan(10);
    expect(shape(sliced)).toEqual(whole);
    // Done once: the one-go call and later calls read the same findings.
    expect(disagreementsOf(deps)).toBe(sliced);
    expect(await disagreementsReady(deps)).toBe(sliced);
  });

  it('calls made while it runs share one computation', async () => {
    const deps = await makeDeps(SEEDS);
    const a = disagreementsReady(deps, 0);
    const b = disagreementsReady(deps, 0);
    expect(b).toBe(a);
    expect(await b).toBe(await a);
  });

  it('a /compare whose differences are being found answers for the corpus it began on when the watcher swaps it', async () => {
    const whole = toJson(await runCommand(await makeDeps(SEEDS), { command: 'compare' }));
    const deps = await makeDeps(SEEDS);
    const dir = tempDir();
    for (const [name, text] of Object.entries(FLOOD)) writeArticle(dir, name, text, new Date('2024-03-05T12:00:00Z'));
    const other = await loadCorpus(dir);
    const running = runCommand(deps, { command: 'compare' });
    // The watcher's swap (src/corpus/watch.ts: live.corpus = next) lands while the differences are found in slices.
    await new Promise((r) => setImmediate(r));
    deps.corpus = other;
    const answer = toJson(await running);
    removeDir(dir);
    expect(answer).toEqual(whole);
    expect(JSON.stringify(answer)).not.toMatch(/Alder|Millbrook/);
  });
});
