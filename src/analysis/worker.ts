/**
 * The corpus analysis built in a worker thread (issue 14): a cold build or a rebuild
 * after a big change is tens of seconds of CPU at 10,000 articles, and on the main
 * thread it would hold every answer, acknowledgement and autocomplete behind it.
 *
 * The worker reads the corpus itself (the snapshot in `DATA_DIR/corpus`, re-reading only
 * changed files), builds every part with the same code as `warmAnalysis`, and writes
 * `DATA_DIR/analysis/analysis.json`; the main thread then loads that file into the
 * analysis of its current corpus, exactly as a warm start does. Nothing but a version
 * string crosses the threads. If the corpus changed meanwhile, the file's per-article
 * parts still fit every unchanged article, and the next update builds the rest.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Logger } from '../log.js';
import type { Corpus, Overlap } from '../types.js';
import type { AnalysisSlot } from './file.js';
import { hasPersistedAnalysis } from './index.js';
import { offThreadMin } from '../scale/rebuild.js';

/** What the worker needs (plain data: it crosses threads). */
export interface AnalysisJob {
  corpusDir: string;
  /** Corpus snapshot folder (src/scale/corpus-cache.ts), shared with the main thread. */
  snapshotDir: string;
  /** Where analysis.json is written. */
  analysisDir: string;
  /**
   * Also build and persist the search index of the version read, here (src/index/build.ts, under this
   * folder): a watcher update then need not serialise the live index on the main thread (~5 s at 10k).
   */
  indexDir?: string;
  /** Send back the near-duplicate overlaps of the version read (the main thread would spend ~20 s on them at 10k). */
  overlaps?: boolean;
}

/** The worker's reply. */
type Reply = { ok: true; version: string; ms: number; overlaps?: Overlap[] } | { ok: false; error: string };

/** What `buildAnalysisOffThread` did. */
export interface OffThreadBuild {
  /** The corpus version the worker analysed. */
  version: string;
  /** Whether it is the version the deps hold now (then every part is loaded from the file). */
  current: boolean;
  /** Worker build time, ms. */
  ms: number;
}

/** Deps as far as this module needs them. */
interface BuildDeps {
  corpus: Corpus;
  analysis?: AnalysisSlot;
  config: { dataDir: string };
  log?: Logger;
}

/** From this many articles a server builds the analysis in a worker thread (below it, a build takes well under a second). */
export const OFF_THREAD_MIN_ARTICLES = 200;

/**
 * Whether `warmUp` should build the analysis of `deps` off the event loop: a large corpus whose
 * analysis was not loaded — neither read at start-up and waiting (`loaded`), nor already taken in
 * by its analysis (a command that came before `warmUp` does that, and the file is then current).
 */
export function wantsOffThreadBuild(deps: BuildDeps, min = offThreadMin()): boolean {
  return !!deps.analysis?.dir && deps.corpus.articles.length >= min && deps.analysis.loaded?.version !== deps.corpus.version && !hasPersistedAnalysis(deps.corpus);
}

/**
 * Build and persist the analysis of the corpus folder in a worker thread, then load it
 * into `deps`' analysis. The event loop stays free while the worker runs. Needs a
 * persistence folder (`deps.analysis.dir`).
 */
export async function buildAnalysisOffThread(deps: BuildDeps): Promise<OffThreadBuild> {
  const dir = deps.analysis?.dir;
  if (!dir) throw new Error('buildAnalysisOffThread needs a persistence folder (deps.analysis.dir)');
  const { markAnalysisBuilding } = await import('../scale/rebuild.js');
  // Commands that read the analysis wait for this (src/discord/router.ts) rather than build its parts on the main thread.
  const built = (async () => {
    const reply = await runAnalysisWorker({ corpusDir: deps.corpus.dir, snapshotDir: path.join(deps.config.dataDir, 'corpus'), analysisDir: dir });
    const { absorbAnalysisFile } = await import('./index.js');
    return { reply, current: await absorbAnalysisFile(deps) };
  })();
  markAnalysisBuilding(deps.analysis, built);
  const { reply, current } = await built;
  // Hydrated in small steps (warmUp's warmAnalysis then finds it done); commands no longer wait: they read what they need.
  if (current) await (await import('../scale/rebuild.js')).warmInSteps(deps);
  deps.log?.info({ version: reply.version, current, ms: Math.round(reply.ms) }, 'corpus analysis built in a worker thread');
  return { version: reply.version, current, ms: reply.ms };
}

/** Build and write the analysis of a corpus folder in a worker thread (nothing is loaded here). */
export async function runAnalysisWorker(job: AnalysisJob): Promise<{ version: string; ms: number; overlaps?: Overlap[] }> {
  const reply = await new Promise<Reply>((resolve, reject) => {
    const worker = spawn(job);
    worker.once('message', (m: Reply) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`analysis worker exited (${code}) without a result`)));
  });
  if (!reply.ok) throw new Error(`analysis worker failed: ${reply.error}`);
  return reply;
}

/** Workers do not inherit a TypeScript loader (vitest's, tsx's): a small bootstrap registers tsx first. */
function spawn(job: AnalysisJob): Worker {
  const here = new URL(import.meta.url);
  const data = { dispatchAnalysisJob: job };
  if (!here.pathname.endsWith('.ts')) return new Worker(here, { workerData: data });
  const tsx = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs');
  const boot = `import(${JSON.stringify(new URL(`file://${tsx}`).href)}).then((m) => { m.register(); return import(${JSON.stringify(here.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

async function runJob(job: AnalysisJob): Promise<Reply> {
  const t0 = performance.now();
  const { loadCorpusCached } = await import('../scale/corpus-cache.js');
  const { warmAnalysis, readAnalysisFile } = await import('./index.js');
  const { corpus } = await loadCorpusCached(job.corpusDir, { cacheDir: job.snapshotDir });
  if (job.indexDir) {
    // Loaded when this version's index is already persisted; else built and persisted (then dropped: the analysis needs the memory).
    const { buildIndex } = await import('../index/build.js');
    await buildIndex(corpus, { cacheDir: job.indexDir });
  }
  // The file as it is: its parts for this version, and per-article parts of unchanged articles, are reused.
  const slot: AnalysisSlot = { dir: job.analysisDir };
  await readAnalysisFile(slot);
  await warmAnalysis({ corpus, analysis: slot });
  return { ok: true, version: corpus.version, ms: performance.now() - t0, ...(job.overlaps ? { overlaps: corpus.overlaps } : {}) };
}

if (!isMainThread && (workerData as { dispatchAnalysisJob?: AnalysisJob } | null)?.dispatchAnalysisJob) {
  const job = (workerData as { dispatchAnalysisJob: AnalysisJob }).dispatchAnalysisJob;
  runJob(job).then(
    (r) => parentPort!.postMessage(r),
    (err: unknown) => parentPort!.postMessage({ ok: false, error: (err as Error)?.stack ?? String(err) } satisfies Reply),
  );
}
