/**
 * A new corpus version built off the event loop, then swapped in at once (issue 14: "never late for
 * Discord"). At 10,000 articles the work a version change costs on the main thread was seconds to
 * minutes of one synchronous stretch each — the near-duplicate overlaps of every article (~20 s CPU),
 * serialising the whole search index to persist it (~5 s), and, while the worker built the new
 * analysis, every part a command needed built again on the main thread. Here:
 *
 * - the worker (src/analysis/worker.ts) reads the folder itself, and for the version it read builds
 *   the analysis file, the overlaps (returned: they are small) and the persisted search index;
 * - the main thread parses only the changed files (one per event-loop turn), then takes the new
 *   version's analysis in from the worker's file and warms it — one part per turn — while the
 *   previous version keeps answering; only then are the corpus (and the index's few changes)
 *   swapped in, in one synchronous step (src/corpus/watch.ts).
 *
 * And while a server's first analysis is built in a worker (a cold start: there is no previous
 * version to serve), commands that read the analysis wait for it (acknowledged, the event loop free)
 * instead of building its parts on the main thread: `analysisBuilding` (src/discord/router.ts).
 */
import path from 'node:path';
import type { AnalysisSlot } from '../analysis/file.js';
import type { Logger } from '../log.js';
import type { Corpus, Overlap } from '../types.js';

/** What a watcher (or a server) holds: the live corpus, and where its analysis and data persist. */
export interface RebuildTarget {
  corpus: Corpus;
  analysis?: AnalysisSlot;
  config?: { dataDir: string };
  log?: Logger;
}

/** From this many articles an analysis or a version change is built off the event loop (below it, a build takes well under a second). */
let minArticles = 200;

/** The corpus size from which analyses and watcher updates are built in a worker thread. */
export const offThreadMin = () => minArticles;

/** Tests: set that size (default 200). Returns the previous value. */
export function setOffThreadMin(n: number): number {
  const prev = minArticles;
  minArticles = n;
  return prev;
}

/** Whether an update of `live` to `articleCount` articles is built in a worker, then swapped in. */
export function rebuildsOffThread(live: RebuildTarget, articleCount: number): boolean {
  return !!live.analysis?.dir && !!live.config?.dataDir && Math.max(articleCount, live.corpus.articles.length) >= minArticles;
}

/** What the worker built: the version it read and that version's near-duplicate overlaps. */
export interface BuiltVersion {
  version: string;
  overlaps: Overlap[];
  ms: number;
}

/** Build the analysis file, the persisted index and the overlaps of the folder's version in a worker thread. */
export async function buildVersionOffThread(live: RebuildTarget, indexDir: string | undefined): Promise<BuiltVersion> {
  const { runAnalysisWorker } = await import('../analysis/worker.js');
  const reply = await runAnalysisWorker({
    corpusDir: live.corpus.dir,
    snapshotDir: path.join(live.config!.dataDir, 'corpus'),
    analysisDir: live.analysis!.dir!,
    ...(indexDir ? { indexDir } : {}),
    overlaps: true,
  });
  return { version: reply.version, overlaps: reply.overlaps ?? [], ms: reply.ms };
}

/**
 * Take the worker's file into the analysis of `next` (not live yet) and warm it, a part per
 * event-loop turn, so it answers at once when swapped in. False when the file is not of `next`'s
 * version (the folder changed after the worker read it): nothing cross-article is built here then.
 */
export async function warmNextVersion(live: RebuildTarget, next: Corpus): Promise<boolean> {
  const { absorbAnalysisFile } = await import('../analysis/index.js');
  const deps = { corpus: next, analysis: live.analysis, log: live.log };
  if (!(await absorbAnalysisFile(deps))) return false;
  await warmInSteps(deps);
  return true;
}

/**
 * `warmAnalysis` in small steps, each turn counted: every entity's mentions and facts 200 entities (or
 * 2,000 mentions) a turn, the digest figures 50 articles a turn, and each part the file holds read off
 * the event loop, parsed 256 KB of JSON a turn and hydrated 2,000 items a turn (at 10,000 articles one
 * part parsed whole was up to ~170 MB of JSON, 1–2 s CPU in one step). These are warmAnalysis' defaults
 * too (a server's warm start); here they are spelled out because the update path depends on them.
 */
export async function warmInSteps(deps: { corpus: Corpus; analysis?: AnalysisSlot; log?: Logger }): Promise<void> {
  const { warmAnalysis } = await import('../analysis/index.js');
  await warmAnalysis(deps, { entitiesPerTurn: 200, articlesPerTurn: 50, bytesPerTurn: 256 << 10, itemsPerTurn: 2000, onTurn: () => rebuildStats.chunks++ });
}

/** Builds in progress per analysis slot (a server's first analysis, built in a worker). */
const building = new WeakMap<AnalysisSlot, Promise<unknown>>();

/** Mark the analysis of `slot` as being built off the event loop until `p` settles. */
export function markAnalysisBuilding(slot: AnalysisSlot | undefined, p: Promise<unknown>): void {
  if (!slot) return;
  const settled = p.then(
    () => undefined,
    () => undefined,
  );
  building.set(slot, settled);
  void settled.then(() => {
    if (building.get(slot) === settled) building.delete(slot);
  });
}

/** Resolves when the off-thread build of `slot`'s analysis is over (never rejects); undefined when none runs. */
export function analysisBuilding(slot: AnalysisSlot | undefined): Promise<unknown> | undefined {
  return slot ? building.get(slot) : undefined;
}

/** Lets the event loop run (I/O, timers) before the next chunk of main-thread work. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Chunks of main-thread work a watcher update ran between event-loop turns (tests: no chunk is the whole update). */
export const rebuildStats = { chunks: 0, offThread: 0, swaps: 0 };
