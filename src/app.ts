/**
 * Wires dependencies once: config → logger → store → corpus → index → (llm).
 * Front doors (console, CLI, Discord, HTTP interactions, benchmarks) all call this.
 */
import path from 'node:path';
import type { Config } from './config.js';
import type { Deps } from './deps.js';
import { createLogger, type Logger } from './log.js';
import { loadCorpus } from './corpus/load.js';
import { loadCorpusCached } from './scale/corpus-cache.js';
import { buildIndex } from './index/build.js';
import { readAnalysisFile } from './analysis/file.js';
import { createStore, type Store, type StoreKind } from './store/index.js';
import type { Llm } from './llm/types.js';

export interface BuildOptions {
  log?: Logger;
  /** Override the store (tests). */
  store?: Store;
  /** Force a store kind; default: redis when REDIS_URL is set, else file under DATA_DIR. */
  storeKind?: StoreKind;
  /** Override the model layer (tests); default: created from config when OPENAI_API_KEY is set. */
  llm?: Llm | null;
  clock?: () => Date;
  /** Persist the built index under DATA_DIR (default true). */
  persistIndex?: boolean;
}

export async function buildDeps(config: Config, opts: BuildOptions = {}): Promise<Deps> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const store =
    opts.store ??
    createStore({
      kind: opts.storeKind ?? (config.REDIS_URL ? 'redis' : 'file'),
      location: config.REDIS_URL ?? path.join(config.dataDir, 'store.json'),
      timeoutMs: config.STORE_TIMEOUT_MS,
      onError: (err) => log.warn({ err: String((err as Error)?.message ?? err) }, 'store error'),
    });
  // Persistent runs reuse a snapshot of the parsed corpus for unchanged files (a warm start
  // re-parses only what changed); tests that opt out of persistence parse afresh.
  const corpus =
    opts.persistIndex === false
      ? await loadCorpus(config.seedsDir, { log })
      : (await loadCorpusCached(config.seedsDir, { cacheDir: path.join(config.dataDir, 'corpus'), log })).corpus;
  const index = await buildIndex(corpus, {
    cacheDir: opts.persistIndex === false ? undefined : path.join(config.dataDir, 'index'),
    log,
  });
  let llm: Llm | undefined;
  if (opts.llm !== undefined) llm = opts.llm ?? undefined;
  else if (config.OPENAI_API_KEY) {
    const { createLlm } = await import('./llm/index.js');
    llm = createLlm(config, { store, log, corpusVersion: () => deps.corpus.version });
  }
  // The watcher swaps deps.corpus while running; the model's answer cache follows the current version.
  // The analysis (entities, events, figures…) persists next to the corpus snapshot; a warm start loads it.
  const analysis = { dir: opts.persistIndex === false ? undefined : path.join(config.dataDir, 'analysis') };
  const deps: Deps = { corpus, index, store, llm, clock: opts.clock ?? (() => new Date()), config, log, analysis };
  await readAnalysisFile(analysis, log);
  return deps;
}
