/**
 * The persisted analysis is read section by section (src/analysis/file.ts, issue 14): a
 * warm start reads the file's header only, a command parses only the parts it reads,
 * and sections read after the file was replaced come from the file the start opened.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, warmAnalysis } from '../src/analysis/index.js';
import { relatedEntities } from '../src/engines/who.js';
import { ANALYSIS_FILE, decodeAnalysisFile, encodeAnalysisFile } from '../src/analysis/file.js';
import { runCommand } from '../src/engines/index.js';
import { wantsOffThreadBuild } from '../src/analysis/worker.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { ROOT, SEEDS, cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';

afterAll(() => cleanupTempDirs());

async function start(dataDir: string): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: SEEDS, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger, clock: () => new Date('2025-11-20T12:00:00Z') });
}

const read = () => ({ ...analysisStats.sectionsRead });
const readSince = (before: Record<string, number>) =>
  Object.keys(analysisStats.sectionsRead).filter((k) => analysisStats.sectionsRead[k] !== before[k]).sort();

describe('analysis file read section by section', () => {
  it('a warm start parses no part; /who parses the parts it reads and not the timeline or figures', async () => {
    const dataDir = tempDir('dispatch-lazy-');
    const cold = await start(dataDir);
    await warmAnalysis(cold);
    const expected = await runCommand(cold, { command: 'who', text: 'Hegseth' });

    let before = read();
    const built = { ...analysisStats.built };
    const warm = await start(dataDir);
    expect(readSince(before)).toEqual([]);
    before = read();
    expect(await runCommand(warm, { command: 'who', text: 'Hegseth' })).toEqual(expected);
    const whoRead = readSince(before);
    expect(whoRead).toContain('parts.entities');
    for (const s of ['parts.events', 'postings.eventIndex', 'figures', 'digest', 'dateMentions']) expect(whoRead).not.toContain(s);
    // The rest is read (once each) when the server warms up; nothing is computed.
    before = read();
    await warmAnalysis(warm);
    expect(readSince(before)).toEqual(expect.arrayContaining(['parts.events', 'postings.eventIndex', 'figures', 'digest']));
    expect(readSince(before).filter((s) => whoRead.includes(s))).toEqual([]);
    expect(analysisStats.built).toEqual(built);
  }, 120_000);

  it("a /who after a warm start reads the mentions of the entities it shows and their related ones, not every entity's, nor every figure, and answers as a fully loaded analysis does", async () => {
    const dataDir = tempDir('dispatch-lazy-');
    const cold = await start(dataDir);
    await warmAnalysis(cold);
    const index = analysisOf(cold).entities;
    // People with ages, an organisation, a name several entities share, a typo, and one not in the articles.
    const names = ['Hegseth', 'Maduro', 'Trump', 'Rubio', 'Madurro', 'Pentagon', 'Zebulon Nobody', ...index.entities.slice(0, 5).map((e) => e.name)];
    const expected = [];
    for (const text of names) expected.push(await runCommand(cold, { command: 'who', text }));
    expect(expected.some((a) => a.blocks.some((b) => b.heading === 'Age'))).toBe(true);
    expect(expected.some((a) => a.blocks.some((b) => b.heading === 'Related'))).toBe(true);

    for (const [i, text] of names.entries()) {
      const warm = await start(dataDir);
      const before = read();
      const entitiesRead = analysisStats.entityMentionsRead;
      const answer = await runCommand(warm, { command: 'who', text });
      expect(answer, text).toEqual(expected[i]);
      // At most the five entities a shared name shows, each with its six related ones.
      const mentionsRead = analysisStats.entityMentionsRead - entitiesRead;
      expect(mentionsRead, text).toBeLessThanOrEqual(5 * 7);
      expect(mentionsRead, text).toBeLessThan(index.entities.length / 4);
      expect(readSince(before), text).not.toContain('parts.figureFacts');
      expect(readSince(before), text).not.toContain('entityMentions');
    }
  }, 120_000);

  it("the related entities kept with the analysis are those a scan of every mention finds, for every entity", async () => {
    const dataDir = tempDir('dispatch-lazy-');
    const cold = await start(dataDir);
    await warmAnalysis(cold);
    const warm = await start(dataDir);
    const a = analysisOf(warm);
    const fresh = analysisOf(cold).entities;
    expect(a.entities.entities.length).toBe(fresh.entities.length);
    a.entities.entities.forEach((e, i) => {
      const scan = relatedEntities(fresh.entities[i]!, fresh, 'scan');
      const kept = a.related.of(e)!;
      expect(kept.map((r) => [r.other.id, r.n, r.m.sentence.id, r.m.start]), e.name).toEqual(scan.map((r) => [r.other.id, r.n, r.m.sentence.id, r.m.start]));
    });
    expect(a.ageFacts).toEqual(analysisOf(cold).figureFacts.figures.filter((f) => f.kind === 'age'));
    expect(a.ageFacts.length).toBeGreaterThan(0);
  }, 120_000);

  it('a command answered before the warm-up (src/main.ts warms in the background) does not make it rebuild the analysis in a worker', async () => {
    const dataDir = tempDir('dispatch-lazy-');
    const cold = await start(dataDir);
    await warmAnalysis(cold);
    const warm = await start(dataDir);
    expect(wantsOffThreadBuild(warm, 1)).toBe(false);
    await runCommand(warm, { command: 'who', text: 'Hegseth' });
    // The file was taken in by the analysis the command read: still current, nothing to build.
    expect(wantsOffThreadBuild(warm, 1)).toBe(false);
    const before = read();
    const built = { ...analysisStats.built };
    await warmAnalysis(warm);
    expect(analysisStats.built).toEqual(built);
    expect(Object.values(analysisStats.sectionsRead).every((n) => n === 1) || readSince(before).every((k) => analysisStats.sectionsRead[k]! - (before[k] ?? 0) === 1)).toBe(true);
  }, 120_000);

  it('sections read after the file is replaced come from the file the start opened', async () => {
    const dataDir = tempDir('dispatch-lazy-');
    const cold = await start(dataDir);
    await warmAnalysis(cold);
    const expected = await runCommand(cold, { command: 'timeline', about: 'Maduro' });
    const fileOf = path.join(dataDir, 'analysis', ANALYSIS_FILE);

    const warm = await start(dataDir);
    // Another writer replaces the file (same version and code) with events that no longer fit.
    const file = decodeAnalysisFile(readFileSync(fileOf));
    (file.parts as Record<string, unknown>).events = { broken: true };
    writeFileSync(`${fileOf}.new`, encodeAnalysisFile(file));
    const { renameSync } = await import('node:fs');
    renameSync(`${fileOf}.new`, fileOf);
    const built = { ...analysisStats.built };
    expect(await runCommand(warm, { command: 'timeline', about: 'Maduro' })).toEqual(expected);
    expect(analysisStats.built.events).toBe(built.events);
  }, 120_000);
});
