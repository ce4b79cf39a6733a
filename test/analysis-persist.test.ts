/**
 * The analysis is computed once per corpus version and persisted: a warm start
 * loads it (nothing is recomputed, answers are the same), a file for another corpus
 * version or other code is rebuilt, a corrupted file is ignored with a warning and
 * rebuilt, and the watcher's swap produces a fresh analysis in which only the
 * changed article's per-article parts are read again.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, flushAnalysis, warmAnalysis } from '../src/analysis/index.js';
import { ANALYSIS_FILE, decodeAnalysisFile, encodeAnalysisFile } from '../src/analysis/file.js';
import { runCommand } from '../src/engines/index.js';
import { attributedQuotes } from '../src/engines/who.js';
import { watchCorpus } from '../src/corpus/watch.js';
import { silentLogger, type Logger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { ROOT, SEEDS, cleanupTempDirs, cli, tempDir } from './helpers/corpus-fixtures.js';

afterAll(() => cleanupTempDirs());

const CLOCK = () => new Date('2025-11-20T12:00:00Z');

async function start(seedsDir: string, dataDir: string, log: Logger = silentLogger): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: seedsDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log, clock: CLOCK });
}

/** A logger that keeps every line (level and message) for assertions. */
function recordingLogger(): { log: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as { level: number; msg: string }) });
  return { log, lines };
}

const built = () => ({ ...analysisStats.built });
const fileOf = (dataDir: string) => path.join(dataDir, 'analysis', ANALYSIS_FILE);
const readFile = (dataDir: string) => decodeAnalysisFile(readFileSync(fileOf(dataDir)));

/** What a user sees from the corpus-derived commands (every entity's /who, the timeline, filtered too, the quotes). */
async function answers(deps: Deps, names: string[]) {
  const who = [];
  for (const n of names) who.push(await runCommand(deps, { command: 'who', text: n }));
  return {
    who,
    timeline: await runCommand(deps, { command: 'timeline' }),
    about: await runCommand(deps, { command: 'timeline', about: 'Maduro' }),
    quotes: attributedQuotes(deps),
    verify: await runCommand(deps, { command: 'verify', text: 'The US deployed 10,000 troops to the Caribbean' }),
  };
}

function copySeeds(): string {
  const dir = tempDir('dispatch-analysis-seeds-');
  cpSync(SEEDS, dir, { recursive: true });
  return dir;
}

describe('persisted analysis', () => {
  it('a warm start loads the analysis instead of computing it, and answers the same', async () => {
    const dataDir = tempDir('dispatch-analysis-data-');
    const cold = await start(SEEDS, dataDir);
    const before = built();
    await warmAnalysis(cold);
    expect(analysisStats.built.entities).toBe(before.entities + 1);
    const names = analysisOf(cold).entities.entities.slice(0, 12).map((e) => e.name);
    const coldAnswers = await answers(cold, names);
    const file = readFile(dataDir);
    expect(file.version).toBe(cold.corpus.version);
    expect(Object.keys(file.parts).sort()).toEqual(['attribution', 'entities', 'events', 'facts', 'figureFacts', 'quotes', 'references', 'relations']);
    expect(Object.keys(file.figures)).toHaveLength(cold.corpus.articles.length);

    const loadedBefore = analysisStats.loaded;
    const afterCold = built();
    const warm = await start(SEEDS, dataDir);
    expect(analysisStats.loaded).toBe(loadedBefore + 1);
    expect(warm.corpus).not.toBe(cold.corpus);
    const warmAnswers = await answers(warm, names);
    await runCommand(warm, { command: 'compare', text: '' });
    await runCommand(warm, { command: 'digest' });
    // Nothing corpus-derived was computed again: every part came from the file.
    expect(built()).toEqual(afterCold);
    expect(warmAnswers).toEqual(coldAnswers);
    expect(analysisOf(warm).figureFacts).toEqual(analysisOf(cold).figureFacts);
    expect(new Map(analysisOf(warm).figures)).toEqual(new Map(analysisOf(cold).figures));
    for (const part of ['quotes', 'attribution', 'references', 'relations'] as const) expect(analysisOf(warm)[part], part).toEqual(analysisOf(cold)[part]);
    expect(analysisOf(warm).references.length).toBeGreaterThan(0);
    expect(warmAnswers.who.every((a) => a.answered)).toBe(true);
    expect(warmAnswers.timeline.events!.length).toBeGreaterThan(10);
    await cold.store.close();
    await warm.store.close();
  });

  it('a helper holding only the corpus may ask first: the deps then still load the file and persist', async () => {
    const dataDir = tempDir('dispatch-analysis-data-');
    const first = await start(SEEDS, dataDir);
    await warmAnalysis(first);
    const expected = await runCommand(first, { command: 'who', text: 'Maduro' });
    const before = built();
    const second = await start(SEEDS, dataDir);
    // countIndependent(corpus, …) and the like reach the analysis with the corpus alone.
    expect(analysisOf({ corpus: second.corpus }).groups.size).toBe(second.corpus.articles.length);
    expect(await runCommand(second, { command: 'who', text: 'Maduro' })).toEqual(expected);
    await runCommand(second, { command: 'timeline' });
    expect(built()).toEqual(before);
    await first.store.close();
    await second.store.close();
  });

  it('the one-shot CLI keeps what its command built for the next run', async () => {
    const dataDir = tempDir('dispatch-analysis-data-');
    const first = await cli(['who', 'Maduro', '--json'], { SEEDS_DIR: SEEDS, DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    const file = readFile(dataDir);
    expect(file.parts.entities?.entities.length).toBeGreaterThan(10);
    expect(file.parts.facts).toBeDefined();
    // The next one-shot reads it: the same answer.
    const second = await cli(['who', 'Maduro', '--json'], { SEEDS_DIR: SEEDS, DATA_DIR: dataDir });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  });

  it('rebuilds a file written for another corpus version, reading again only the articles that changed', async () => {
    const seeds = copySeeds();
    const dataDir = tempDir('dispatch-analysis-data-');
    const first = await start(seeds, dataDir);
    await warmAnalysis(first);
    const oldVersion = first.corpus.version;

    const name = '002_fc5e09306d15ac96.txt';
    const text = readFileSync(path.join(seeds, name), 'utf8');
    writeFileSync(path.join(seeds, name), text.replace('\n\nMaduro is reportedly', '\n\nHarbour pilot Zebulon Quartermaine said on Thursday that 14 tankers had been turned away from the port of La Guaira.\n\nMaduro is reportedly'));
    const before = built();
    const second = await start(seeds, dataDir);
    expect(second.corpus.version).not.toBe(oldVersion);
    const who = await runCommand(second, { command: 'who', text: 'Quartermaine' });
    expect(who.answered).toBe(true);
    expect(who.entity?.name).toBe('Zebulon Quartermaine');
    const tl = await runCommand(second, { command: 'timeline', about: 'Quartermaine' });
    expect(tl.events?.map((e) => e.text).join(' ')).toContain('Zebulon Quartermaine said on Thursday');
    await warmAnalysis(second);
    expect(analysisStats.built.entities).toBe(before.entities + 1);
    expect(analysisStats.built.events).toBe(before.events + 1);
    // Per-article parts: only the edited article was read again (its figures and its date expressions).
    expect(analysisStats.built.figures).toBe(before.figures + 1);
    expect(analysisStats.built.dateMentions).toBe(before.dateMentions + 1);
    expect(analysisStats.built.digestFigures).toBe(before.digestFigures + 1);
    const file = readFile(dataDir);
    expect(file.version).toBe(second.corpus.version);
    // The edited article's old figures are not kept.
    expect(Object.keys(file.figures)).toHaveLength(second.corpus.articles.length);
    await first.store.close();
    await second.store.close();
  });

  it('ignores a file written by other analysis code', async () => {
    const dataDir = tempDir('dispatch-analysis-data-');
    const first = await start(SEEDS, dataDir);
    await warmAnalysis(first);
    const file = readFile(dataDir);
    writeFileSync(fileOf(dataDir), encodeAnalysisFile({ ...file, code: 'some-older-code' }));
    const before = built();
    const loaded = analysisStats.loaded;
    const second = await start(SEEDS, dataDir);
    expect(analysisStats.loaded).toBe(loaded);
    expect((await runCommand(second, { command: 'who', text: 'Hegseth' })).entity?.name).toBe('Pete Hegseth');
    expect(analysisStats.built.entities).toBe(before.entities + 1);
    await flushAnalysis(second);
    expect(readFile(dataDir).code).not.toBe('some-older-code');
    await first.store.close();
    await second.store.close();
  });

  it('a corrupted file is ignored with a warning and rebuilt; answers are those of a fresh build', async () => {
    const dataDir = tempDir('dispatch-analysis-data-');
    const reference = await start(SEEDS, tempDir('dispatch-analysis-data-'));
    const names = ['Maduro', 'Hegseth', 'the 79-year-old', 'Peskov'];
    const expected = await answers(reference, names);

    const first = await start(SEEDS, dataDir);
    await warmAnalysis(first);
    const good = readFileSync(fileOf(dataDir), 'utf8');
    writeFileSync(fileOf(dataDir), good.slice(0, Math.floor(good.length / 2)));
    const rec = recordingLogger();
    const before = built();
    const second = await start(SEEDS, dataDir, rec.log);
    expect(rec.lines.some((l) => l.level === 40 && /unreadable analysis file/.test(l.msg))).toBe(true);
    expect(await answers(second, names)).toEqual(expected);
    expect(analysisStats.built.entities).toBe(before.entities + 1);
    await warmAnalysis(second);
    expect(readFile(dataDir).version).toBe(second.corpus.version);
    await reference.store.close();
    await first.store.close();
    await second.store.close();
  });

  it('a well-formed JSON file with the wrong shapes inside is rebuilt part by part, answers unchanged', async () => {
    const dataDir = tempDir('dispatch-analysis-data-');
    const first = await start(SEEDS, dataDir);
    await warmAnalysis(first);
    const names = ['Maduro', 'Hegseth'];
    const expected = await answers(first, names);
    const file = readFile(dataDir);
    const damaged = {
      ...file,
      parts: { entities: { entities: 5, byKey: 'x' }, facts: [], events: { events: [{ members: 7 }] }, figureFacts: { figures: [{ sentenceId: 42 }] } },
      figures: Object.fromEntries(Object.keys(file.figures).map((k) => [k, 'not a list'])),
    };
    writeFileSync(fileOf(dataDir), encodeAnalysisFile(damaged as never));
    const rec = recordingLogger();
    const before = built();
    const second = await start(SEEDS, dataDir, rec.log);
    expect(await answers(second, names)).toEqual(expected);
    void analysisOf(second).figureFacts;
    expect(analysisStats.built.entities).toBe(before.entities + 1);
    expect(analysisStats.built.events).toBe(before.events + 1);
    expect(analysisStats.built.figures).toBe(before.figures + second.corpus.articles.length);
    expect(rec.lines.filter((l) => l.level === 40 && /malformed/.test(l.msg)).length).toBeGreaterThanOrEqual(2);
    await first.store.close();
    await second.store.close();
  });

  it('a file whose references do not fit the corpus is not half-applied: that part is rebuilt', async () => {
    const dataDir = tempDir('dispatch-analysis-data-');
    const first = await start(SEEDS, dataDir);
    await warmAnalysis(first);
    const expected = await runCommand(first, { command: 'who', text: 'Maduro' });
    const file = readFile(dataDir);
    // Same version and code, but the entity lookup points at an entity the file does not hold.
    file.parts.entities!.byKey[0]![1] = [file.parts.entities!.entities.length + 5];
    writeFileSync(fileOf(dataDir), encodeAnalysisFile(file));
    const rec = recordingLogger();
    const before = built();
    const second = await start(SEEDS, dataDir, rec.log);
    expect(await runCommand(second, { command: 'who', text: 'Maduro' })).toEqual(expected);
    expect(analysisStats.built.entities).toBe(before.entities + 1);
    // Facts refer to entities by position: rebuilt with them, never joined to other entities.
    expect(analysisStats.built.facts).toBe(before.facts + 1);
    expect(rec.lines.some((l) => l.level === 40 && /does not fit the corpus/.test(l.msg))).toBe(true);
    await first.store.close();
    await second.store.close();
  });

  it("an entity's stored mentions that do not fit the corpus are read again from the corpus, for that entity only", async () => {
    const dataDir = tempDir('dispatch-analysis-data-');
    const first = await start(SEEDS, dataDir);
    await warmAnalysis(first);
    const names = analysisOf(first).entities.entities.slice(0, 6).map((e) => e.name);
    const expected = await answers(first, names);
    const file = readFile(dataDir);
    const original = structuredClone(file.parts.entities!.entities[0]!.mentions);
    // Same version and code, but a mention of the first entity points at a sentence no article has.
    file.parts.entities!.entities[0]!.mentions[0]!.s = '000_46500a0d823731af.txt:p999:s0';
    writeFileSync(fileOf(dataDir), encodeAnalysisFile(file));
    const rec = recordingLogger();
    const before = built();
    const second = await start(SEEDS, dataDir, rec.log);
    expect(await answers(second, names)).toEqual(expected);
    expect(analysisOf(second).entities.entities[0]!.mentions).toEqual(analysisOf(first).entities.entities[0]!.mentions);
    // The entities and what points at them stand: only the damaged mentions were read again.
    expect(analysisStats.built.entities).toBe(before.entities + 1);
    expect(analysisStats.built.facts).toBe(before.facts);
    expect(rec.lines.some((l) => l.level === 40 && /does not fit the corpus/.test(l.msg))).toBe(true);
    // The file is written again from memory: the next start reads mentions that fit.
    await flushAnalysis(second);
    expect(readFile(dataDir).parts.entities!.entities[0]!.mentions).toEqual(original);
    await first.store.close();
    await second.store.close();
  });

  it("an entity's stored facts that do not fit the corpus are built again; the others are read as stored", async () => {
    const dataDir = tempDir('dispatch-analysis-data-');
    const first = await start(SEEDS, dataDir);
    await warmAnalysis(first);
    const file = readFile(dataDir);
    const [pos] = file.parts.facts!.quotes[0]!;
    const name = file.parts.entities!.entities[pos]!.name as string;
    const expected = await runCommand(first, { command: 'who', text: name });
    const quotes = attributedQuotes(first);
    // Same version and code, but a quote of one entity points at a sentence no article has.
    file.parts.facts!.quotes[0]![1][0]![1][0] = '000_46500a0d823731af.txt:p999:s0';
    writeFileSync(fileOf(dataDir), encodeAnalysisFile(file));
    const rec = recordingLogger();
    const before = built();
    const second = await start(SEEDS, dataDir, rec.log);
    expect(await runCommand(second, { command: 'who', text: name })).toEqual(expected);
    expect(analysisStats.built.facts).toBe(before.facts + 1);
    expect(analysisStats.built.entities).toBe(before.entities);
    expect(rec.lines.some((l) => l.level === 40 && /does not fit the corpus/.test(l.msg))).toBe(true);
    expect(attributedQuotes(second)).toEqual(quotes);
    await first.store.close();
    await second.store.close();
  });

  it('stored event and profile postings are used only with the events and entities they index', async () => {
    const dataDir = tempDir('dispatch-analysis-data-');
    const first = await start(SEEDS, dataDir);
    await warmAnalysis(first);
    const about = await runCommand(first, { command: 'timeline', about: 'Maduro' });
    const who = await runCommand(first, { command: 'who', text: 'Hegseth' });
    await flushAnalysis(first);
    const file = readFile(dataDir);
    expect(file.postings?.eventIndex?.size).toBe(analysisOf(first).events.events.length);
    expect(file.postings?.profileIndex?.size).toBe(analysisOf(first).entities.entities.length);

    // Postings written for another number of events: rebuilt, never half-used.
    file.postings!.eventIndex!.size += 1;
    writeFileSync(fileOf(dataDir), encodeAnalysisFile(file));
    let before = built();
    const second = await start(SEEDS, dataDir);
    expect(await runCommand(second, { command: 'timeline', about: 'Maduro' })).toEqual(about);
    expect(analysisStats.built.eventIndex).toBe(before.eventIndex + 1);
    expect(analysisStats.built.events).toBe(before.events);

    // Events rebuilt (their stored part is unusable): the stored event postings go with them.
    await flushAnalysis(second);
    const again = readFile(dataDir);
    (again.parts as Record<string, unknown>).events = { broken: true };
    writeFileSync(fileOf(dataDir), encodeAnalysisFile(again));
    before = built();
    const third = await start(SEEDS, dataDir);
    expect(await runCommand(third, { command: 'timeline', about: 'Maduro' })).toEqual(about);
    expect(await runCommand(third, { command: 'who', text: 'Hegseth' })).toEqual(who);
    expect(analysisStats.built.events).toBe(before.events + 1);
    expect(analysisStats.built.eventIndex).toBe(before.eventIndex + 1);
    for (const d of [first, second, third]) await d.store.close();
  });

  it('the watcher swap gives a fresh analysis for a changed article, and persisting it makes the next start warm', async () => {
    const seeds = copySeeds();
    const dataDir = tempDir('dispatch-analysis-data-');
    const deps = await start(seeds, dataDir);
    await warmAnalysis(deps);
    const old = analysisOf(deps);
    expect((await runCommand(deps, { command: 'who', text: 'Quartermaine' })).answered).toBe(false);

    const watcher = watchCorpus(deps, { rescanMs: 0, debounceMs: 20, persist: false });
    try {
      const name = '003_83f7e1146e4f08e2.txt';
      const text = readFileSync(path.join(seeds, name), 'utf8');
      const para = text.indexOf('\n\n', 200);
      writeFileSync(path.join(seeds, name), `${text.slice(0, para)}\n\nHarbour pilot Zebulon Quartermaine said on Thursday that 14 tankers had been turned away from the port of La Guaira.${text.slice(para)}`);
      const before = built();
      const update = await watcher.rescan();
      expect(update.changed).toEqual([name]);
      const fresh = analysisOf(deps);
      expect(fresh).not.toBe(old);
      expect(fresh.version).toBe(deps.corpus.version);
      expect(fresh.entities.entities.map((e) => e.name)).toContain('Zebulon Quartermaine');
      const who = await runCommand(deps, { command: 'who', text: 'Quartermaine' });
      expect(who.entity?.name).toBe('Zebulon Quartermaine');
      expect(who.citations[0]?.source).toBe(name);
      const tl = await runCommand(deps, { command: 'timeline', about: 'Quartermaine' });
      expect(tl.events?.[0]?.reportedIn).toEqual([name]);
      // What main.ts does after an update (warmUp): build the rest and persist.
      await warmAnalysis(deps);
      expect(analysisStats.built.figures).toBe(before.figures + 1);
      expect(analysisStats.built.events).toBe(before.events + 1);
      expect(analysisStats.built.dateMentions).toBe(before.dateMentions + 1);
      expect(readFile(dataDir).version).toBe(deps.corpus.version);

      const after = built();
      const restarted = await start(seeds, dataDir);
      expect((await runCommand(restarted, { command: 'who', text: 'Quartermaine' })).entity?.name).toBe('Zebulon Quartermaine');
      await runCommand(restarted, { command: 'timeline' });
      expect(built()).toEqual(after);
      await restarted.store.close();
    } finally {
      await watcher.close();
      await deps.store.close();
    }
  });
});
