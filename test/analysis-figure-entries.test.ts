/**
 * The figures by sentence (`Analysis.figures`, what /verify and the disagreements read) are read an article at a time
 * from the persisted analysis file (src/analysis/index.ts `readEntry`, issue 14: ~37 MB held at 10,000 articles when
 * the warm-up hydrated every article's): the warm-up reads none of them and builds none; each article's is read when
 * asked for and is the one built, pointing at this corpus's sentences; a damaged entry is built again (the others still
 * read) and the file written again holds every article's. The plain counts are made on each read, not kept.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, flushAnalysis, warmAnalysis } from '../src/analysis/index.js';
import { ANALYSIS_FILE } from '../src/analysis/file.js';
import type { Figure } from '../src/analysis/digest-figures.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { ROOT, SEEDS, cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';
import { damageEntry, sectionJson } from './helpers/analysis-file.js';

afterAll(() => cleanupTempDirs());

async function start(dataDir: string): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: SEEDS, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger, clock: () => new Date('2025-11-20T12:00:00Z') });
}

/** Figures as plain data, each sentence by id. */
const plain = (list: Figure[]) => list.map((f) => JSON.parse(JSON.stringify({ ...f, sentence: f.sentence.id })) as unknown);
const byId = (d: Deps) => new Map([...analysisOf(d).figures].map(([id, list]) => [id, plain(list)]));

function expectOwnSentences(d: Deps): void {
  const sentences = new Set(d.corpus.articles.flatMap((a) => a.sentences));
  for (const [id, list] of analysisOf(d).figures) for (const f of list) {
    expect(f.sentence.id).toBe(id);
    expect(sentences.has(f.sentence)).toBe(true);
  }
}

/** A data folder with the analysis written, and the figures and plain counts as built. */
async function written(): Promise<{ dataDir: string; built: Map<string, unknown[]>; counts: unknown[] }> {
  const dataDir = tempDir('dispatch-figure-entries-');
  const d = await start(dataDir);
  await warmAnalysis(d);
  await flushAnalysis(d);
  return { dataDir, built: byId(d), counts: plain(analysisOf(d).plainCounts) };
}

const figuresSection = (file: string) => sectionJson(file, 'figures');

describe('figures by sentence read an article at a time from the analysis file', () => {
  it('the warm-up reads and builds none; each article’s is read when asked for, the built one', async () => {
    const { dataDir, built, counts } = await written();
    const withFigures = [...built.keys()];
    expect(withFigures.length).toBeGreaterThan(5);
    const made = analysisStats.built.figures;
    let reads = analysisStats.figureEntriesRead;

    const warm = await start(dataDir);
    await warmAnalysis(warm, { bytesPerTurn: 2048, itemsPerTurn: 40 });
    expect(analysisStats.figureEntriesRead).toBe(reads);
    expect(analysisStats.built.figures).toBe(made);

    // One sentence asked for: its article's figures read from the file, alone.
    const a = analysisOf(warm);
    const id = withFigures[Math.floor(withFigures.length / 2)]!;
    expect(plain(a.figures.get(id)!)).toEqual(built.get(id));
    expect(a.figures.has(id)).toBe(true);
    expect(analysisStats.figureEntriesRead).toBe(reads + 1);
    // Asked again while kept: the same list, not read again.
    expect(a.figures.get(id)).toBe(a.figures.get(id));
    expect(analysisStats.figureEntriesRead).toBe(reads + 1);
    // A sentence without figures, and an id no sentence has.
    const bare = warm.corpus.articles.flatMap((x) => x.sentences).find((s) => !built.has(s.id))!;
    expect(a.figures.get(bare.id)).toBeUndefined();
    expect(a.figures.get('no-such-article:p0:s0')).toBeUndefined();
    expect(a.figures.has('no-such-article:p0:s0')).toBe(false);

    // Every article's, in corpus order, as built, on this corpus's sentences: each article read once in all.
    expect(byId(warm)).toEqual(built);
    expect([...a.figures.keys()]).toEqual([...built.keys()]);
    expectOwnSentences(warm);
    expect(analysisStats.figureEntriesRead - reads).toBe(warm.corpus.articles.length);
    expect(analysisStats.built.figures).toBe(made);

    // The plain counts: the same as built, made on each read (not kept).
    expect(plain(a.plainCounts)).toEqual(counts);
    expect(a.plainCounts).not.toBe(a.plainCounts);
  }, 120_000);

  it('a damaged entry is built again, the same; the others are still read; the file written again holds every article’s', async () => {
    const { dataDir, built } = await written();
    const file = path.join(dataDir, 'analysis', ANALYSIS_FILE);
    const stored = figuresSection(file);
    // A sentence id in the middle of the section that no sentence has (same length: the header still fits).
    const { at, from, bytes } = damageEntry(file, 'figures');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(from + bytes);

    const made = analysisStats.built.figures;
    const d = await start(dataDir);
    await warmAnalysis(d);
    expect(analysisStats.built.figures).toBe(made);
    expect(byId(d)).toEqual(built);
    expectOwnSentences(d);
    expect(analysisStats.built.figures).toBe(made + 1);
    await flushAnalysis(d);
    expect(figuresSection(file)).toEqual(stored);
    const again = await start(dataDir);
    expect(byId(again)).toEqual(built);
    expect(analysisStats.built.figures).toBe(made + 1);
  }, 120_000);
});
