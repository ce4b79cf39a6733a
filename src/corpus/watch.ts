/**
 * Pick up new, changed and deleted articles in the corpus folder while the bot
 * runs: no restart, no full rebuild. Each changed file is parsed on its own; the
 * Corpus value is rebuilt around the articles and swapped into the shared deps
 * object together with the search index's changes (that article's passages added
 * or replaced, a deleted one's dropped), in one synchronous step, so the next
 * command sees the new version whole and no command sees half of it. The index
 * is then persisted under the new corpus version, so a restart loads it instead
 * of rebuilding everything.
 *
 * A large corpus with a persistence folder (a server's deps; src/scale/rebuild.ts) never
 * spends the update's big steps on the event loop: a worker thread reads the folder and
 * builds the new version's analysis, near-duplicate overlaps and persisted index; the
 * new analysis is loaded and warmed here a part per event-loop turn while the previous
 * version keeps answering every command, and only then is the new version swapped in.
 *
 * fs.watch (inotify) drives it; a slow periodic rescan catches events a mounted
 * volume may not deliver.
 *
 * A folder that is briefly missing, unreadable or empty (moved away, an unmounted
 * volume, a deploy swapping it) never empties the live corpus: the last good corpus
 * keeps answering, marked `corpus.unavailable` (shown by /sources and /digest status),
 * and the folder is polled until it returns; then the watch is re-opened on it and
 * the differences are applied.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.js';
import type { MutableSearchIndex } from '../index/build.js';
import type { SearchIndex } from '../index/search.js';
import type { AnalysisSlot } from '../analysis/file.js';
import type { Article, Corpus, LoadWarning } from '../types.js';
import { ARTICLE_EXTENSIONS, corpusVersion, loadArticleFile, makeCorpus } from './load.js';
import { buildVersionOffThread, rebuildStats, rebuildsOffThread, warmNextVersion, yieldToLoop } from '../scale/rebuild.js';

/** What one round of changes did. */
export interface CorpusUpdate {
  added: string[];
  changed: string[];
  removed: string[];
  /** Files that could not be used, with the reason. */
  skipped: LoadWarning[];
  /** The corpus version after the update. */
  version: string;
}

/** The part of Deps the watcher updates in place. */
export interface LiveCorpus {
  corpus: Corpus;
  index: SearchIndex;
  /** The analysis's persistence (deps.analysis) and the data folder: with both, a large corpus's update is built off the event loop. */
  analysis?: AnalysisSlot;
  config?: { dataDir: string };
}

/** A change to the search index, applied when the corpus version it belongs to is swapped in. */
type IndexOp = { add: Article } | { remove: string };

/**
 * Index changes applied in the swap's own synchronous step (a few ms each at 10,000 articles). More
 * (a folder replaced or restored) and a new index of the new version is built instead, a few articles
 * per event-loop turn, while the live one keeps answering, and swapped in with the corpus.
 */
const SWAP_OPS = 16;

export interface WatchOptions {
  log?: Logger;
  /** Quiet time after the last event before applying (default 250 ms): a file being written fires many events. */
  debounceMs?: number;
  /** Full rescan period (default 60 s; 0 = never). */
  rescanMs?: number;
  /** How often to look for the folder while it is unavailable (default 2 s). */
  retryMs?: number;
  /** Persist the index after each update (default true). */
  persist?: boolean;
  onUpdate?: (u: CorpusUpdate) => void;
}

export interface CorpusWatcher {
  /** Compare the folder with the corpus now and apply every difference. */
  rescan(): Promise<CorpusUpdate>;
  /** Resolves once no change is pending or being applied. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function isMutableIndex(index: SearchIndex): index is MutableSearchIndex {
  return typeof (index as Partial<MutableSearchIndex>).add === 'function' && typeof (index as Partial<MutableSearchIndex>).remove === 'function';
}

const isArticleName = (name: string) => !name.startsWith('.') && ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase());

/** The folder's article file names, or why it cannot be listed. */
async function listArticles(dir: string): Promise<{ names: string[] } | { problem: string }> {
  try {
    return { names: (await readdir(dir)).filter(isArticleName) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT' ? 'the folder is missing' : code === 'ENOTDIR' ? 'it is not a folder' : code === 'EACCES' || code === 'EPERM' ? 'the folder cannot be read (permission denied)' : `the folder cannot be read (${code ?? (err as Error).message})`;
    return { problem };
  }
}

/** One line for status output while the live corpus is the last good copy (null when the folder is fine). */
export function corpusUnavailableNote(corpus: Corpus): string | null {
  const u = corpus.unavailable;
  if (!u) return null;
  const since = new Date(u.since).toISOString().slice(0, 16).replace('T', ' ');
  const n = corpus.articles.length;
  return `The corpus folder is unavailable since ${since} UTC (${u.reason}): answering from the last good copy (${n} article${n === 1 ? '' : 's'}); new or changed articles are picked up when it returns.`;
}

/** Watch `live.corpus.dir` and keep `live.corpus` / `live.index` current. */
export function watchCorpus(live: LiveCorpus, opts: WatchOptions = {}): CorpusWatcher {
  if (!isMutableIndex(live.index)) throw new Error('watchCorpus needs the mutable index that buildIndex returns');
  /** The live index (a large update swaps in a new one). */
  let index: MutableSearchIndex = live.index;
  const dir = live.corpus.dir;
  const log = opts.log;
  const debounceMs = opts.debounceMs ?? 250;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;

  const applyOp = (op: IndexOp) => ('add' in op ? index.add(op.add) : index.remove(op.remove));

  /** A search index of `corpus` built here, four articles per event-loop turn (what buildIndex builds in one stretch). */
  const indexOf = async (corpus: Corpus): Promise<MutableSearchIndex> => {
    const { buildIndex } = await import('../index/build.js');
    const built = await buildIndex({ ...corpus, articles: [], byId: new Map() }, { log });
    for (let i = 0; i < corpus.articles.length; i++) {
      built.add(corpus.articles[i]!);
      if (i % 4 === 3) {
        rebuildStats.chunks++;
        await yieldToLoop();
      }
    }
    return built;
  };

  /** Whether this update is built off the event loop (a large corpus with a persistence folder). */
  const offThread = (count: number): boolean => rebuildsOffThread({ ...live, log }, count);

  /**
   * The next version, built in a worker (analysis file, overlaps, persisted index) and its analysis
   * warmed here: 'moved' when the worker read another version (the folder changed meanwhile),
   * 'failed' when it failed (the update then runs on this thread, as small corpora's do).
   */
  const buildOffThread = async (sorted: Article[], warnings: LoadWarning[]): Promise<Corpus | 'moved' | 'failed'> => {
    rebuildStats.offThread++;
    const target = { ...live, log };
    const version = corpusVersion(sorted);
    try {
      const built = await buildVersionOffThread(target, opts.persist === false || !live.config ? undefined : path.join(live.config.dataDir, 'index'));
      if (built.version !== version) return 'moved';
      const next = makeCorpus(dir, sorted, warnings, built.overlaps);
      if (!(await warmNextVersion(target, next))) return 'moved';
      log?.info({ version, workerMs: Math.round(built.ms) }, 'new corpus version built off the event loop');
      return next;
    } catch (err) {
      log?.warn({ err: (err as Error).message }, 'building the new corpus version in a worker failed; building it on the main thread');
      return 'failed';
    }
  };

  /** Apply changes to the named files (null = compare the whole folder). Serialised. */
  const apply = (names: string[] | null): Promise<CorpusUpdate> => {
    const run = chain.then(() => applyNow(names));
    chain = run.catch(() => {});
    return run;
  };

  const applyNow = async (names: string[] | null, attempt = 0): Promise<CorpusUpdate> => {
    const before = live.corpus;
    const articles = new Map(before.articles.map((a) => [a.id, a]));
    const warnings = new Map(before.warnings.map((w) => [w.file, w]));
    const update: CorpusUpdate = { added: [], changed: [], removed: [], skipped: [], version: before.version };
    // A missing, unreadable or emptied folder is not "every article was deleted".
    problemThisRun = false;
    const listing = await listArticles(dir);
    if ('problem' in listing) return unavailable(listing.problem, update);
    if (listing.names.length === 0 && articles.size) return unavailable('the folder holds no article files', update);
    // The watch follows the folder's inode: it may be watching the moved-away folder, or have died with a deleted one.
    if (before.unavailable) openWatch();
    let todo: string[];
    if (names) todo = names;
    else {
      const present = listing.names;
      const listed = new Set(present);
      const missing = [...articles.keys()].filter((id) => !listed.has(id));
      // Unchanged files (same mtime) are not re-read on a rescan.
      const fresh: string[] = [];
      for (const name of present) {
        const a = articles.get(name);
        if (!a) {
          if (!warnings.has(name)) fresh.push(name);
          continue;
        }
        const info = await stat(path.join(dir, name)).catch(() => null);
        if (!info || info.mtimeMs !== a.addedAt) fresh.push(name);
      }
      todo = [...fresh, ...missing];
    }
    const gone: string[] = [];
    const ops: IndexOp[] = [];
    for (const name of todo) {
      const file = path.join(dir, name);
      const exists = await stat(file).then((s) => s.isFile(), () => false);
      const old = articles.get(name);
      if (!exists) {
        gone.push(name);
        continue;
      }
      const result = await loadArticleFile(file);
      rebuildStats.chunks++; // one file parsed per step: its reads turn the event loop between files
      if ('reason' in result) {
        // A broken or half-written file: keep serving the previous version, if any.
        warnings.set(name, { file: name, reason: result.reason });
        update.skipped.push({ file: name, reason: result.reason });
        log?.warn({ file: name }, `skipped article ${name}: ${result.reason}`);
        continue;
      }
      warnings.delete(name);
      if (old && old.hash === result.hash) {
        // Only the mtime moved: the same article (kept, so the corpus and its analysis stay as they are).
        old.addedAt = result.addedAt;
        continue;
      }
      ops.push({ add: result });
      articles.set(name, result);
      (old ? update.changed : update.added).push(name);
    }
    if (gone.length) {
      // Remove only what is really gone from a folder that is still there (it may have moved away meanwhile),
      // and never the last article: a folder with nothing usable left keeps the last good corpus.
      const again = await listArticles(dir);
      const drop: string[] = [];
      if (!('problem' in again)) {
        const listed = new Set(again.names);
        for (const name of gone) {
          // Recreated meanwhile (an editor's delete-and-write): its own event re-reads it.
          const back = listed.has(name) && (await stat(path.join(dir, name)).then((s) => s.isFile(), () => false));
          if (!back) drop.push(name);
        }
      }
      for (const name of drop) warnings.delete(name);
      const dropped = new Set(drop);
      const remaining = [...articles.keys()].filter((id) => !dropped.has(id)).length;
      if ('problem' in again) unavailable(again.problem, update);
      else if (drop.some((name) => articles.has(name)) && remaining === 0) unavailable('no usable article is left in the folder', update);
      else {
        for (const name of drop) {
          if (!articles.has(name)) continue;
          ops.push({ remove: name });
          articles.delete(name);
          update.removed.push(name);
        }
      }
    }
    const touched = update.added.length + update.changed.length + update.removed.length;
    const warningsChanged = before.warnings.length !== warnings.size || before.warnings.some((w) => warnings.get(w.file) !== w);
    let savedOffThread = false;
    if (touched || warningsChanged || todo.length) {
      const sorted = [...articles.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      let next: Corpus | undefined;
      if (!touched) {
        // The same articles (a moved mtime, a skipped file's warning): the same corpus version, kept as it is —
        // a new Corpus object would start an analysis with nothing built (minutes of main-thread work at 10,000).
        if (warningsChanged) before.warnings = [...warnings.values()];
        next = before;
      } else if (offThread(sorted.length)) {
        // The new version is built by a worker and warmed here while `before` keeps answering.
        const built = await buildOffThread(sorted, [...warnings.values()]);
        if (built === 'moved' && attempt < 2 && !closed) {
          // The folder changed again after it was read here: start over from the live (unchanged) corpus.
          log?.info({ attempt }, 'the corpus folder changed while its new version was built; reading it again');
          return applyNow(null, attempt + 1);
        }
        if (typeof built === 'object') {
          next = built;
          savedOffThread = opts.persist !== false;
        }
      }
      next ??= makeCorpus(dir, sorted, [...warnings.values()]);
      if (before.unavailable) next.unavailable = before.unavailable;
      if (next === before) {
        if (!problemThisRun) available();
        update.version = before.version;
        return update;
      }
      // Many index changes: a new index of the new version, built a few articles per turn, then swapped in.
      // (Only when this index need not be persisted here: the worker wrote the new version's. On this thread
      // — a small corpus, or the worker failed — the changes go into the live index, which is then saved.)
      const fresh = ops.length > SWAP_OPS && (savedOffThread || opts.persist === false) && offThread(next.articles.length) ? await indexOf(next) : undefined;
      // The swap: the index (or its few changes) and the corpus, in one synchronous step.
      if (fresh) {
        live.index = index = fresh;
      } else for (const op of ops) applyOp(op);
      live.corpus = next;
      rebuildStats.swaps++;
    }
    if (!problemThisRun) available();
    update.version = live.corpus.version;
    if (touched) {
      log?.info({ added: update.added, changed: update.changed, removed: update.removed, version: update.version }, 'corpus updated without restart');
      if (opts.persist !== false && !savedOffThread) {
        await index.save(update.version).catch((err: Error) => log?.warn({ err: err.message }, 'could not persist the updated index'));
      }
      opts.onUpdate?.(update);
    }
    return update;
  };

  let retryTimer: NodeJS.Timeout | undefined;
  let problemThisRun = false;
  /** Keep the last good corpus, say so once, and look for the folder until it returns. */
  const unavailable = (reason: string, update: CorpusUpdate): CorpusUpdate => {
    problemThisRun = true;
    const corpus = live.corpus;
    if (corpus.unavailable?.reason !== reason) {
      // Marked on the same object, so per-corpus caches stay warm while it keeps answering.
      corpus.unavailable = { since: corpus.unavailable?.since ?? Date.now(), reason };
      log?.warn(
        { dir, reason, articles: corpus.articles.length, version: corpus.version },
        `corpus folder unavailable (${reason}); keeping the last good corpus of ${corpus.articles.length} articles`,
      );
    }
    if (!retryTimer && !closed) {
      retryTimer = setInterval(() => void apply(null).catch(() => {}), opts.retryMs ?? 2000);
      retryTimer.unref();
    }
    update.version = corpus.version;
    return update;
  };
  const available = () => {
    const corpus = live.corpus;
    if (!corpus.unavailable && !retryTimer) return;
    const since = corpus.unavailable?.since;
    delete corpus.unavailable;
    clearInterval(retryTimer);
    retryTimer = undefined;
    log?.info({ dir, unavailableMs: since ? Date.now() - since : undefined }, 'corpus folder is back; resuming updates');
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const names = [...pending];
      pending.clear();
      void apply(names).catch((err: Error) => log?.error({ err: err.message }, 'corpus update failed'));
    }, debounceMs);
  };

  let watcher: FSWatcher | undefined;
  const openWatch = () => {
    watcher?.close();
    watcher = undefined;
    if (closed) return;
    try {
      watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (closed) return;
        // No name (some platforms), or the folder itself moved or was deleted: compare the whole folder.
        if (!name || String(name) === path.basename(dir)) {
          void apply(null).catch(() => {});
          return;
        }
        if (!isArticleName(String(name))) return;
        pending.add(String(name));
        schedule();
      });
      watcher.on('error', (err) => log?.warn({ err: err.message }, 'corpus watch error; relying on periodic rescans'));
    } catch (err) {
      log?.warn({ err: (err as Error).message }, 'cannot watch the corpus folder; relying on periodic rescans');
    }
  };
  openWatch();
  const rescanMs = opts.rescanMs ?? 60_000;
  const rescanTimer = rescanMs > 0 ? setInterval(() => void apply(null).catch(() => {}), rescanMs) : undefined;
  rescanTimer?.unref();

  return {
    rescan: () => apply(null),
    async idle() {
      // Wait out the debounce, then the apply chain (which may have grown meanwhile).
      for (;;) {
        if (pending.size) await new Promise((r) => setTimeout(r, debounceMs + 20));
        const current = chain;
        await current;
        if (current === chain && pending.size === 0) return;
      }
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(retryTimer);
      if (rescanTimer) clearInterval(rescanTimer);
      watcher?.close();
      await chain;
    },
  };
}
