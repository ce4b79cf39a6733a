/**
 * A persisted analysis is hydrated in slices (issue 14, "never late for Discord"): after a worker
 * rebuild or at a warm start, `warmAnalysis` reads each part the file holds without parsing a whole
 * section in one step — between two turns of the event loop it parses at most a few slices of JSON
 * — so a timer or an interaction's I/O waits for one slice, not for a part (at 10,000 articles one
 * section was ~170 MB of JSON, seconds of CPU). The parts it makes are the parts the getters make.
 * No wall-clock assertion: the JSON parsed between turns is counted.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, warmAnalysis, type Analysis } from '../src/analysis/index.js';
import { entitiesToJson, eventsToJson, factsToJson, figuresToJson } from '../src/analysis/persist.js';
import { relationsToJson } from '../src/analysis/relations.js';
import { entityLookupOf } from '../src/analysis/entity-lookup.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { ROOT, SEEDS, cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';

afterAll(() => cleanupTempDirs());
afterEach(() => vi.restoreAllMocks());

async function start(dataDir: string): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: SEEDS, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger, clock: () => new Date('2025-11-20T12:00:00Z') });
}

/** Everything an analysis holds, as plain data (what the engines read). */
function snapshot(a: Analysis) {
  const latest = a.corpus.articles.map((x) => x.date).filter((d): d is string => !!d).sort().pop() ?? null;
  return {
    entities: entitiesToJson(a.entities),
    facts: factsToJson(a.facts, a.entities),
    names: a.names,
    events: eventsToJson(a.events),
    figures: [...a.figures].map(([id, list]) => [id, figuresToJson(list)]),
    figureFacts: a.figureFacts,
    ageFacts: a.ageFacts,
    quotes: a.quotes,
    attribution: a.attribution,
    references: a.references,
    relations: relationsToJson(a.relations),
    eventIndex: a.eventIndex.toJson(),
    profileIndex: a.profileIndex.toJson(),
    related: a.related.toJson(),
    lookup: a.entities.entities.map((e) => entityLookupOf(a.entities).byWords(e.keys[0]?.split(' ') ?? []).length),
    digest: a.corpus.articles.map((x) => figuresToJson(a.digestFigures(x, x.date ?? latest))),
  };
}

/**
 * Run `warmAnalysis` with a probe on every turn of the event loop: the most JSON text parsed
 * between two turns, and how many turns ran while it worked. `during` runs on each turn.
 */
async function warmWithProbe(deps: Deps, steps: Parameters<typeof warmAnalysis>[1], during?: () => void) {
  let sinceTurn = 0;
  let most = 0;
  let total = 0;
  const parse = JSON.parse;
  vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    sinceTurn += text.length;
    total += text.length;
    return parse(text, reviver) as unknown;
  });
  let turns = 0;
  let done = false;
  const probe = () => {
    most = Math.max(most, sinceTurn);
    sinceTurn = 0;
    if (done) return;
    turns++;
    during?.();
    setImmediate(probe);
  };
  setImmediate(probe);
  await warmAnalysis(deps, steps);
  done = true;
  most = Math.max(most, sinceTurn);
  vi.restoreAllMocks();
  return { most, total, turns };
}

describe('a persisted analysis hydrated in slices', () => {
  it('parses no more than a few slices of JSON between two turns of the event loop, and makes the parts the getters make', async () => {
    const dataDir = tempDir('dispatch-slices-');
    const cold = await start(dataDir);
    await warmAnalysis(cold);

    // Read part by part by the getters (a command's way): the reference.
    const byGetters = snapshot(analysisOf(await start(dataDir)));

    const built = { ...analysisStats.built };
    const warm = await start(dataDir);
    const bytesPerTurn = 2048;
    const { most, total, turns } = await warmWithProbe(warm, { bytesPerTurn, itemsPerTurn: 40, entitiesPerTurn: 20, articlesPerTurn: 1 });
    // Nothing was built: every part came from the file.
    expect(analysisStats.built).toEqual(built);
    // The file is far bigger than a slice (figure facts alone are tens of KB even for the seeds)...
    expect(total).toBeGreaterThan(50 * bytesPerTurn);
    // ...and no turn parsed more than a few slices of it (a part parsed whole is ~100× that).
    expect(most).toBeLessThanOrEqual(4 * bytesPerTurn);
    expect(turns).toBeGreaterThan(total / (4 * bytesPerTurn));
    expect(isDeepStrictEqual(snapshot(analysisOf(warm)), byGetters)).toBe(true);
  }, 120_000);

  it('a part a command reads while its slices are parsed is the one the analysis keeps', async () => {
    const dataDir = tempDir('dispatch-slices-');
    await warmAnalysis(await start(dataDir));
    const byGetters = snapshot(analysisOf(await start(dataDir)));

    const warm = await start(dataDir);
    const a = analysisOf(warm);
    let seen: Analysis['figureFacts'] | undefined;
    let events: Analysis['events'] | undefined;
    const read0 = analysisStats.sectionsRead['parts.figureFacts'] ?? 0;
    await warmWithProbe(warm, { bytesPerTurn: 2048, itemsPerTurn: 40 }, () => {
      // A command between two slices of the figure facts reads them (the getter: whole, at once), and the events.
      if (!seen && (analysisStats.sectionsRead['parts.figureFacts'] ?? 0) > read0) {
        seen = a.figureFacts;
        events = a.events;
      }
    });
    expect(seen).toBeDefined();
    expect(a.figureFacts).toBe(seen);
    expect(a.events).toBe(events);
    expect(isDeepStrictEqual(snapshot(a), byGetters)).toBe(true);
  }, 120_000);
});
