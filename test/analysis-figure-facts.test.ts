/**
 * The figure facts looked up from the persisted analysis file (src/analysis/figure-facts.ts,
 * issue 14: ~150 MB held at 10,000 articles when read whole): every lookup gives the facts a
 * whole read gives, in the same order, whether the index is made on first use or by the warm-up
 * in slices; an article the corpus does not hold has none; a damaged section, or a file cut short
 * after the index was made, ends in the built facts (never half-applied).
 */
import { readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, warmAnalysis } from '../src/analysis/index.js';
import { ANALYSIS_FILE } from '../src/analysis/file.js';
import type { FigureFactIndex } from '../src/analysis/figure-facts.js';
import type { FigureFact, FigureKind } from '../src/analysis/figures.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { ROOT, SEEDS, cleanupTempDirs, tempDir, writeCorpus } from './helpers/corpus-fixtures.js';
import { sectionAt } from './helpers/analysis-file.js';

afterAll(() => cleanupTempDirs());

/** The seeds, and an article whose figures speak of earlier ones again ("That number has since grown to …"). */
let corpus: string | undefined;
function corpusDir(): string {
  corpus ??= writeCorpus({
    ...Object.fromEntries(readdirSync(SEEDS).map((f) => [f, readFileSync(path.join(SEEDS, f))])),
    'zz_hill-times.md': `---
title: A month on, the Marrow Ridge fire still burns
date: 2031-07-08
outlet: Hill Times
---
The regional government first sent firefighters to Marrow Ridge in June, starting with 300 firefighters from the coast. That number has since grown to about 1,100, and more crews are expected.

The count of damaged farms reached 75 by the weekend, the county said. Fire chief Anna Brekke, 52, said 46 trucks were destroyed.

By Tuesday, 5,000 evacuees were in shelters, the county said, and the fire had burned 12 miles of the ridge.
`,
  });
  return corpus;
}

async function start(dataDir: string): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: corpusDir(), DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger, clock: () => new Date('2025-11-20T12:00:00Z') });
}

/** A data folder with the analysis written, and the facts as built (read whole). */
async function written(): Promise<{ dataDir: string; whole: FigureFact[]; deps: Deps }> {
  const dataDir = tempDir('dispatch-figure-facts-');
  const deps = await start(dataDir);
  await warmAnalysis(deps);
  return { dataDir, whole: analysisOf(deps).figureFacts.figures, deps };
}

/** Every lookup of `index` against a scan of `whole` (plain values: the facts are other objects). */
function expectSameLookups(index: FigureFactIndex, whole: FigureFact[], deps: Deps): void {
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
  expect(index.size).toBe(whole.length);
  for (const a of deps.corpus.articles) for (const s of a.sentences) expect(plain(index.inSentence(s.id)), s.id).toEqual(plain(whole.filter((f) => f.sentenceId === s.id)));
  for (const f of whole) {
    expect(plain(index.byId(f.id))).toEqual(plain(f));
    expect(plain(index.updatesOf(f.id)), f.id).toEqual(plain(whole.filter((g) => g.refersTo === f.id && g.later)));
  }
  for (const v of new Set(whole.map((f) => f.value))) expect(plain(index.withValue(v)), String(v)).toEqual(plain(whole.filter((f) => f.value === v)));
  for (const like of whole) {
    const same = whole.filter((f) => f.value === like.value && f.kind === like.kind && (f.head ?? '') === (like.head ?? ''));
    expect(plain(index.withValue(like.value, like)), like.id).toEqual(plain(same));
  }
  const kinds = [...new Set(whole.map((f) => f.kind))];
  const words = [null, ...new Set(whole.flatMap((f) => [f.head, f.noun?.split(' ')[0]]).filter((w): w is string => !!w).slice(0, 30)), 'zzz'];
  for (const k of [...kinds.map((k) => [k]), kinds, ['length', 'distance', 'depth', 'height']] as FigureKind[][]) {
    for (const w of words) {
      const expected = whole.filter((f) => k.includes(f.kind) && (w === null || !!f.head?.includes(w) || !!f.noun?.includes(w)));
      expect(plain(index.ofKinds(new Set(k), w)), `${k.join()} ${w}`).toEqual(plain(expected));
    }
  }
  expect(plain(index.all())).toEqual(plain(whole));
}

describe('figure facts looked up from the analysis file', () => {
  it('gives the facts a whole read gives, in order, made on first use and by the warm-up in slices; holds none of them whole', async () => {
    const { dataDir, whole, deps } = await written();
    expect(whole.length).toBeGreaterThan(30);
    expect(whole.some((f) => f.refersTo && f.later)).toBe(true);

    const built = { ...analysisStats.built };
    // The section is read once to make the index, and never whole again by the lookups (read whole, it is read twice).
    const reads = () => analysisStats.sectionsRead['parts.figureFacts'] ?? 0;
    let before = reads();
    const first = analysisOf(await start(dataDir));
    expectSameLookups(first.figureFactIndex, whole, deps);
    expect(reads()).toBe(before + 1);

    before = reads();
    const warm = await start(dataDir);
    await warmAnalysis(warm, { bytesPerTurn: 2048, itemsPerTurn: 40 });
    const a = analysisOf(warm);
    expectSameLookups(a.figureFactIndex, whole, deps);
    expect(reads()).toBe(before + 1);
    expect(analysisStats.built).toEqual(built);

    // One fact is one object while it is held, whichever lookup gives it.
    const f = whole.find((x) => x.refersTo && x.later)!;
    const held = a.figureFactIndex.byId(f.id)!;
    expect(a.figureFactIndex.inSentence(f.sentenceId)).toContain(held);
    expect(a.figureFactIndex.withValue(f.value)).toContain(held);
    expect(a.figureFactIndex.updatesOf(f.refersTo!)).toContain(held);
    // The whole list, asked for after the lookups, is the same objects.
    expect(a.figureFacts.figures).toContain(held);
  }, 120_000);

  it('has no facts for an article the corpus does not hold, nor for ids of no article', async () => {
    const { dataDir, whole } = await written();
    const a = analysisOf(await start(dataDir));
    const index = a.figureFactIndex;
    const f = whole[0]!;
    const other = f.sentenceId.replace(f.articleId, `${f.articleId}-removed`);
    expect(index.inSentence(other)).toEqual([]);
    expect(index.byId(`${other}@${f.start}`)).toBeUndefined();
    expect(index.updatesOf(`${other}@${f.start}`)).toEqual([]);
    expect(index.inSentence('not an id')).toEqual([]);
    expect(index.byId('not an id')).toBeUndefined();
    // A sentence of an article that has facts, but not this one.
    const quiet = a.corpus.articles.flatMap((x) => x.sentences).find((s) => !whole.some((g) => g.sentenceId === s.id))!;
    expect(index.inSentence(quiet.id)).toEqual([]);
    expect(index.byId(`${f.id}0`)).toBeUndefined();
  }, 120_000);

  it('a damaged figure facts section is refused at first use: the facts are built again, the same', async () => {
    const { dataDir, whole, deps } = await written();
    const file = path.join(dataDir, 'analysis', ANALYSIS_FILE);
    const { from, bytes } = sectionAt(file, 'parts.figureFacts');
    const buf = readFileSync(file);
    // A value in the middle of the section no longer JSON (same length: the header still fits).
    const mid = buf.indexOf('"value":', from + Math.floor(bytes / 2));
    expect(mid).toBeGreaterThan(0);
    buf.write('"value":x', mid);
    writeFileSync(file, buf);
    const built = analysisStats.built.figureFacts;
    for (const warmFirst of [false, true]) {
      const d = await start(dataDir);
      if (warmFirst) await warmAnalysis(d);
      const index = analysisOf(d).figureFactIndex;
      expectSameLookups(index, whole, deps);
    }
    expect(analysisStats.built.figureFacts).toBeGreaterThan(built);
  }, 120_000);

  it('a file cut short after the index was made: the facts are built again once, and every lookup still gives them', async () => {
    const { dataDir, whole, deps } = await written();
    const file = path.join(dataDir, 'analysis', ANALYSIS_FILE);
    const d = await start(dataDir);
    const index = analysisOf(d).figureFactIndex;
    const built = analysisStats.built.figureFacts;
    const { from } = sectionAt(file, 'parts.figureFacts');
    truncateSync(file, from + 10);
    expectSameLookups(index, whole, deps);
    expect(analysisStats.built.figureFacts).toBe(built + 1);
  }, 120_000);
});
