/**
 * The analysis built in a worker thread (src/analysis/worker.ts, issue 14) is the analysis
 * the main thread builds: the same file, and once loaded nothing is computed again; and
 * the main thread keeps answering while the worker builds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, flushAnalysis, warmAnalysis } from '../src/analysis/index.js';
import { ANALYSIS_FILE, decodeAnalysisFile } from '../src/analysis/file.js';
import { buildAnalysisOffThread, wantsOffThreadBuild } from '../src/analysis/worker.js';
import { runCommand } from '../src/engines/index.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { ROOT, cleanupTempDirs, tempDir, writeCorpus } from './helpers/corpus-fixtures.js';
import { generateArticles } from '../bench/generate.js';

afterAll(() => cleanupTempDirs());

async function start(seedsDir: string, dataDir: string): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: seedsDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger, clock: () => new Date('2026-01-01T00:00:00Z') });
}

const fileOf = (dataDir: string) => {
  const f = decodeAnalysisFile(readFileSync(path.join(dataDir, 'analysis', ANALYSIS_FILE)));
  return { version: f.version, code: f.code, parts: f.parts, figures: f.figures, digest: f.digest, dateMentions: f.dateMentions };
};

describe('analysis built in a worker thread', () => {
  it('writes what the in-process build writes, loads it without recomputing, and leaves the event loop free', async () => {
    const files: Record<string, string> = {};
    for (const a of generateArticles({ count: 24, seed: 5, words: 250 })) files[a.name] = a.text;
    const dir = writeCorpus(files, 'dispatch-worker-');

    const inProcessData = tempDir('dispatch-data-');
    const here = await start(dir, inProcessData);
    await warmAnalysis(here);
    await flushAnalysis(here);

    const workerData = tempDir('dispatch-data-');
    const there = await start(dir, workerData);
    expect(wantsOffThreadBuild(there, 1)).toBe(true);
    const order: string[] = [];
    const build = buildAnalysisOffThread(there).then((r) => (order.push('built'), r));
    // While the worker builds, the main thread answers.
    const sources = await runCommand(there, { command: 'sources' });
    order.push('answered');
    const result = await build;
    expect(sources.answered).toBe(true);
    expect(order).toEqual(['answered', 'built']);
    expect(result).toMatchObject({ version: there.corpus.version, current: true });

    expect(fileOf(workerData)).toEqual(fileOf(inProcessData));

    // Every part is loaded from the worker's file: warming computes nothing.
    const before = { ...analysisStats.built };
    await warmAnalysis(there);
    expect(analysisStats.built).toEqual(before);
    const name = analysisOf(here).entities.entities[0]!.name;
    expect(await runCommand(there, { command: 'who', text: name })).toEqual(await runCommand(here, { command: 'who', text: name }));
    const tl = await runCommand(there, { command: 'timeline', about: 'port' });
    expect(tl).toEqual(await runCommand(here, { command: 'timeline', about: 'port' }));
  }, 300_000);
});
