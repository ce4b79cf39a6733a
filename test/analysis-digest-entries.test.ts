/**
 * The digest figures read an article at a time from the persisted analysis file (src/analysis/index.ts `readEntry`,
 * issue 14: ~73 MB held at 10,000 articles when every article's were hydrated by the warm-up): each article's are the
 * ones built, whether read before the warm-up or after it; the warm-up reads none of them, and every article's are read
 * from the file when asked for after it (not held by the warm-up); the same list while anything holds it; a damaged entry is built again (the others still read), and a save
 * writes every article's; a section whose brackets are broken is left to the whole read (warned, built again).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, entriesHeld, flushAnalysis, warmAnalysis } from '../src/analysis/index.js';
import { ANALYSIS_FILE } from '../src/analysis/file.js';
import type { CountedFigure } from '../src/analysis/digest-figures.js';
import type { Article } from '../src/types.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { ROOT, SEEDS, cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';
import { damageEntry, sectionAt, sectionJson } from './helpers/analysis-file.js';

afterAll(() => cleanupTempDirs());

async function start(dataDir: string): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: SEEDS, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger, clock: () => new Date('2025-11-20T12:00:00Z') });
}

const latestOf = (d: Deps) => d.corpus.articles.map((x) => x.date).filter((x): x is string => !!x).sort().pop() ?? null;
/** A figure as plain data, its sentence by id. */
const plain = (list: CountedFigure[]) => list.map((f) => JSON.parse(JSON.stringify({ ...f, sentence: f.sentence.id })) as unknown);
const ask = (d: Deps, a: Article) => analysisOf(d).digestFigures(a, a.date ?? latestOf(d));

/** A data folder with the analysis written, and every article's digest figures as built. */
async function written(): Promise<{ dataDir: string; built: Map<string, unknown[]> }> {
  const dataDir = tempDir('dispatch-digest-entries-');
  const d = await start(dataDir);
  await warmAnalysis(d);
  await flushAnalysis(d);
  return { dataDir, built: new Map(d.corpus.articles.map((a) => [a.id, plain(ask(d, a))])) };
}

/** Every article's digest figures against the built ones, each pointing at `d`'s own sentences. */
function expectBuilt(d: Deps, built: Map<string, unknown[]>): void {
  for (const a of d.corpus.articles) {
    const list = ask(d, a);
    expect(plain(list), a.id).toEqual(built.get(a.id));
    for (const f of list) expect(a.sentences).toContain(f.sentence);
  }
}

const digestSection = (file: string) => sectionJson(file, 'digest');

describe('digest figures read an article at a time from the analysis file', () => {
  it('are the built ones before and after the warm-up; the warm-up reads none, and each is read when asked for', async () => {
    const { dataDir, built } = await written();
    const articles = [...built.values()].filter((l) => l.length).length;
    expect(articles).toBeGreaterThan(3);
    const made = analysisStats.built.digestFigures;

    // Before the warm-up: where each article's are is found on the first ask (the section read once), then each read alone.
    const sections = () => analysisStats.sectionsRead.digest ?? 0;
    let reads = analysisStats.digestEntriesRead;
    let whole = sections();
    const first = await start(dataDir);
    expectBuilt(first, built);
    expect(analysisStats.digestEntriesRead - reads).toBe(first.corpus.articles.length);
    expect(sections()).toBe(whole + 1);
    // Asked again: the same list, not read again — kept among the last read (here only one is), or while anything holds it.
    const [a, b] = first.corpus.articles.filter((x) => ask(first, x).length);
    const last = entriesHeld.last;
    try {
      entriesHeld.last = 1;
      reads = analysisStats.digestEntriesRead;
      const list = ask(first, a!);
      expect(ask(first, a!)).toBe(list);
      ask(first, b!);
      expect(ask(first, a!)).toBe(list);
      expect(analysisStats.digestEntriesRead).toBe(reads);
    } finally {
      entriesHeld.last = last;
    }

    // After the warm-up (in small slices): it read none of them; each is read when asked for.
    reads = analysisStats.digestEntriesRead;
    whole = sections();
    const warm = await start(dataDir);
    await warmAnalysis(warm, { bytesPerTurn: 2048, itemsPerTurn: 40 });
    expect(analysisStats.digestEntriesRead).toBe(reads);
    expectBuilt(warm, built);
    expect(analysisStats.digestEntriesRead - reads).toBe(warm.corpus.articles.length);
    expect(sections()).toBe(whole + 1);
    expect(analysisStats.built.digestFigures).toBe(made);
  }, 120_000);

  it('a damaged entry is built again, the same; the others are still read; a save writes every article’s', async () => {
    const { dataDir, built } = await written();
    const file = path.join(dataDir, 'analysis', ANALYSIS_FILE);
    const stored = digestSection(file);
    // A sentence id in the middle of the section that no sentence has (same length: the header still fits).
    const { at, from, bytes } = damageEntry(file, 'digest');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(from + bytes);

    const made = analysisStats.built.digestFigures;
    const reads = analysisStats.digestEntriesRead;
    const d = await start(dataDir);
    await warmAnalysis(d);
    expectBuilt(d, built);
    expect(analysisStats.built.digestFigures).toBe(made + 1);
    // Every article's read from the file (the damaged one too, then built).
    expect(analysisStats.digestEntriesRead - reads).toBe(d.corpus.articles.length);
    // The built article made the analysis dirty: the file written again holds every article's, as first stored.
    await flushAnalysis(d);
    expect(digestSection(file)).toEqual(stored);
    // And they are still read from the file (the new one, next start).
    const again = await start(dataDir);
    expectBuilt(again, built);
    expect(analysisStats.built.digestFigures).toBe(made + 1);
  }, 120_000);

  it('a section with broken brackets is read whole as before: warned, and every article built again, the same', async () => {
    const { dataDir, built } = await written();
    const file = path.join(dataDir, 'analysis', ANALYSIS_FILE);
    const { from, bytes } = sectionAt(file, 'digest');
    const buf = readFileSync(file);
    const at = buf.indexOf(']', from + Math.floor(bytes / 2));
    expect(at).toBeLessThan(from + bytes);
    buf.write('}', at);
    writeFileSync(file, buf);
    for (const warmFirst of [false, true]) {
      const made = analysisStats.built.digestFigures;
      const d = await start(dataDir);
      if (warmFirst) await warmAnalysis(d);
      expectBuilt(d, built);
      expect(analysisStats.built.digestFigures - made).toBe(d.corpus.articles.length);
    }
  }, 120_000);
});
