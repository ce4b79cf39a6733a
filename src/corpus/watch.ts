/**
 * Pick up new, changed and deleted articles in the corpus folder while the bot
 * runs: no restart, no full rebuild. Each changed file is parsed on its own and
 * added to the live search index (which replaces that article's old passages);
 * the Corpus value is rebuilt around it (cheap next to parsing) and swapped into
 * the shared deps object, so the next command sees it. The grown index is then
 * persisted under the new corpus version, so a restart loads it instead of
 * rebuilding everything.
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
import type { Article, Corpus, LoadWarning } from '../types.js';
import { ARTICLE_EXTENSIONS, loadArticleFile, makeCorpus } from './load.js';

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
}

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
  const index = live.index;
  if (!isMutableIndex(index)) throw new Error('watchCorpus needs the mutable index that buildIndex returns');
  const dir = live.corpus.dir;
  const log = opts.log;
  const debounceMs = opts.debounceMs ?? 250;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** Apply changes to the named files (null = compare the whole folder). Serialised. */
  const apply = (names: string[] | null): Promise<CorpusUpdate> => {
    const run = chain.then(() => applyNow(names));
    chain = run.catch(() => {});
    return run;
  };

  const applyNow = async (names: string[] | null): Promise<CorpusUpdate> => {
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
      const missing = [...articles.keys()].filter((id) => !present.includes(id));
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
    for (const name of todo) {
      const file = path.join(dir, name);
      const exists = await stat(file).then((s) => s.isFile(), () => false);
      const old = articles.get(name);
      if (!exists) {
        gone.push(name);
        continue;
      }
      const result = await loadArticleFile(file);
      if ('reason' in result) {
        // A broken or half-written file: keep serving the previous version, if any.
        warnings.set(name, { file: name, reason: result.reason });
        update.skipped.push({ file: name, reason: result.reason });
        log?.warn({ file: name }, `skipped article ${name}: ${result.reason}`);
        continue;
      }
      warnings.delete(name);
      if (old && old.hash === result.hash) {
        articles.set(name, result); // only the mtime moved
        continue;
      }
      index.add(result);
      articles.set(name, result);
      (old ? update.changed : update.added).push(name);
    }
    if (gone.length) {
      // Remove only what is really gone from a folder that is still there (it may have moved away meanwhile),
      // and never the last article: a folder with nothing usable left keeps the last good corpus.
      const again = await listArticles(dir);
      const drop: string[] = [];
      if (!('problem' in again)) {
        for (const name of gone) {
          // Recreated meanwhile (an editor's delete-and-write): its own event re-reads it.
          const back = again.names.includes(name) && (await stat(path.join(dir, name)).then((s) => s.isFile(), () => false));
          if (!back) drop.push(name);
        }
      }
      for (const name of drop) warnings.delete(name);
      const remaining = [...articles.keys()].filter((id) => !drop.includes(id)).length;
      if ('problem' in again) unavailable(again.problem, update);
      else if (drop.some((name) => articles.has(name)) && remaining === 0) unavailable('no usable article is left in the folder', update);
      else {
        for (const name of drop) {
          if (!articles.has(name)) continue;
          index.remove(name);
          articles.delete(name);
          update.removed.push(name);
        }
      }
    }
    const touched = update.added.length + update.changed.length + update.removed.length;
    const warningsChanged = before.warnings.length !== warnings.size || before.warnings.some((w) => warnings.get(w.file) !== w);
    if (touched || warningsChanged || todo.length) {
      const sorted = [...articles.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const next = makeCorpus(dir, sorted, [...warnings.values()]);
      if (before.unavailable) next.unavailable = before.unavailable;
      live.corpus = next;
    }
    if (!problemThisRun) available();
    update.version = live.corpus.version;
    if (touched) {
      log?.info({ added: update.added, changed: update.changed, removed: update.removed, version: update.version }, 'corpus updated without restart');
      if (opts.persist !== false) {
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
