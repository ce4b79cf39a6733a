/**
 * The who facts are stored with where each entity's are (`parts.facts@at`, src/analysis/file.ts):
 * a /who after a warm start reads the facts of the entities it shows, not the whole section, and
 * answers as a fully loaded analysis does; every entity's facts read that way are the built ones;
 * an offset that points at another entity's facts is caught and that entity's facts built again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, flushAnalysis, warmAnalysis } from '../src/analysis/index.js';
import { ANALYSIS_FILE } from '../src/analysis/file.js';
import { runCommand } from '../src/engines/index.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { ROOT, SEEDS, cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';

afterAll(() => cleanupTempDirs());

async function start(dataDir: string): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: SEEDS, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger, clock: () => new Date('2025-11-20T12:00:00Z') });
}

const factsJson = (d: Deps) => {
  const f = analysisOf(d).facts;
  const side = (m: typeof f.quotes) => [...m].map(([e, list]) => [e.id, list.map((x) => [x.article.id, x.sentences.map((s) => s.id)])]);
  return JSON.stringify([side(f.quotes), side(f.actions)]);
};

/** The file's sections by name (header order kept), and a writer for it with some sections replaced. */
function sectionsOf(file: string) {
  const bytes = readFileSync(file);
  const nl = bytes.indexOf(10);
  const header = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as { sections: [string, number][] };
  const bodies = new Map<string, Buffer>();
  let at = nl + 1;
  for (const [name, n] of header.sections) {
    bodies.set(name, bytes.subarray(at, at + n));
    at += n;
  }
  const write = (replace: Record<string, string>) => {
    const out = header.sections.map(([name]) => [name, replace[name] !== undefined ? Buffer.from(replace[name]!) : bodies.get(name)!] as const);
    const head = { ...header, sections: out.map(([name, b]) => [name, b.length]) };
    writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), ...out.map(([, b]) => b)]));
  };
  return { bodies, write };
}

describe('who facts read per entity', () => {
  it('a warm /who reads the facts of the entities it shows, not the section, and answers as a loaded analysis does', async () => {
    const dataDir = tempDir('dispatch-facts-items-');
    const cold = await start(dataDir);
    await warmAnalysis(cold);
    await flushAnalysis(cold);
    const expected = await runCommand(cold, { command: 'who', text: 'Hegseth' });
    const { bodies } = sectionsOf(path.join(dataDir, 'analysis', ANALYSIS_FILE));
    expect(bodies.has('parts.facts@at')).toBe(true);

    const warm = await start(dataDir);
    const sections = { ...analysisStats.sectionsRead };
    const items = analysisStats.factsRead;
    expect(await runCommand(warm, { command: 'who', text: 'Hegseth' })).toEqual(expected);
    expect(analysisStats.sectionsRead['parts.facts'] ?? 0).toBe(sections['parts.facts'] ?? 0);
    const read = analysisStats.factsRead - items;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(analysisOf(warm).entities.entities.length / 4);
    // Every entity's, read one by one (or the section whole after a few hundred), are the built ones.
    expect(factsJson(warm)).toBe(factsJson(cold));
  }, 120_000);

  it("an offset that points at another entity's facts: that entity's facts are built again, the answers stand", async () => {
    const dataDir = tempDir('dispatch-facts-items-');
    const cold = await start(dataDir);
    await warmAnalysis(cold);
    await flushAnalysis(cold);
    const expected = factsJson(cold);
    const file = path.join(dataDir, 'analysis', ANALYSIS_FILE);
    const { bodies, write } = sectionsOf(file);
    const at = JSON.parse(bodies.get('parts.facts@at')!.toString('utf8')) as { quotes: number[]; actions: number[] };
    expect(at.quotes.length).toBeGreaterThanOrEqual(6);
    // The first entity's quotes point at the second's.
    at.quotes[1] = at.quotes[4]!;
    at.quotes[2] = at.quotes[5]!;
    write({ 'parts.facts@at': JSON.stringify(at) });

    const warm = await start(dataDir);
    const built = analysisStats.built.facts;
    expect(factsJson(warm)).toBe(expected);
    expect(analysisStats.built.facts).toBe(built + 1);
  }, 120_000);
});
