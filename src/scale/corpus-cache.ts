/**
 * A persisted snapshot of the parsed corpus, so a restart does not re-parse every
 * article: at 10,000 articles parsing is ~20 s of CPU, while the snapshot loads in
 * about a second. Articles whose file (name, size, mtime) is unchanged are reused;
 * new or changed files are parsed; deleted ones dropped. When nothing changed, the
 * near-duplicate overlaps and the corpus version are reused too.
 *
 * The snapshot is v8-serialised (structured clone). Paragraph and sentence texts
 * that are plain slices of the article's raw text (all of them for .txt/.md) are
 * stored as null and restored as `raw.slice(start, end)`: the same strings, a
 * snapshot a fraction of the size, and V8 keeps the restored slices pointing into
 * `raw` instead of holding copies. It is keyed by a hash of the corpus parser's own
 * source, so a change to the parsing code invalidates it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Logger } from '../log.js';
import type { Article, Corpus, LoadWarning, Sentence } from '../types.js';
import { ARTICLE_EXTENSIONS, CorpusError, loadArticleFile, makeCorpus } from '../corpus/load.js';

const SNAPSHOT_SCHEMA = 2;

interface FileStamp {
  size: number;
  mtimeMs: number;
}

interface Snapshot {
  schema: number;
  parser: string;
  stamps: [string, FileStamp][];
  corpus: Corpus;
}

export interface CachedLoadOptions {
  /** Folder for the snapshot (e.g. `<DATA_DIR>/corpus`). */
  cacheDir: string;
  log?: Logger;
}

export interface CachedLoad {
  corpus: Corpus;
  /** Articles reused from the snapshot (0 on a cold start). */
  reused: number;
  /** Articles parsed now. */
  parsed: number;
}

/** Drop texts that are slices of `raw` (kept as null so key order survives the round trip). */
function pack(corpus: Corpus): Corpus {
  const articles = corpus.articles.map((a) => ({
    ...a,
    sentences: [] as Sentence[], // rebuilt from the paragraphs on load
    paragraphs: a.paragraphs.map((p) => ({
      ...p,
      text: (p.text === a.raw.slice(p.start, p.end) ? null : p.text) as string,
      sentences: p.sentences.map((x) => (x.text === a.raw.slice(x.start, x.end) ? { ...x, text: null as unknown as string } : x)),
    })),
  }));
  return { ...corpus, articles, byId: new Map() };
}

/** Inverse of `pack`, in place: restore texts, article sentence lists and the id map. */
function unpack(corpus: Corpus): Corpus {
  for (const a of corpus.articles) {
    const sentences: Sentence[] = [];
    for (const p of a.paragraphs) {
      p.text ??= a.raw.slice(p.start, p.end);
      for (const x of p.sentences) {
        x.text ??= a.raw.slice(x.start, x.end);
        sentences.push(x);
      }
    }
    a.sentences = sentences;
  }
  corpus.byId = new Map(corpus.articles.map((a) => [a.id, a]));
  return corpus;
}

let parserHash: Promise<string> | undefined;
/** Hash of the corpus parsing code: any edit to it invalidates old snapshots. */
function parserVersion(): Promise<string> {
  parserHash ??= (async () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'corpus');
    const h = createHash('sha256').update(`schema:${SNAPSHOT_SCHEMA}`);
    try {
      for (const f of (await readdir(dir)).sort()) if (/\.(ts|js)$/.test(f)) h.update(f).update(await readFile(path.join(dir, f)));
    } catch {
      h.update('unknown');
    }
    return h.digest('hex').slice(0, 16);
  })();
  return parserHash;
}

/** Load `dir` like `loadCorpus`, reusing the snapshot for unchanged files, and refresh the snapshot. */
export async function loadCorpusCached(dir: string, opts: CachedLoadOptions): Promise<CachedLoad> {
  const file = path.join(opts.cacheDir, 'corpus.v8');
  const parser = await parserVersion();
  let snap: Snapshot | undefined;
  try {
    const s = deserialize(await readFile(file)) as Snapshot;
    if (s.schema === SNAPSHOT_SCHEMA && s.parser === parser && path.resolve(s.corpus.dir) === path.resolve(dir)) snap = { ...s, corpus: unpack(s.corpus) };
  } catch {
    snap = undefined; // missing or unreadable: parse everything
  }

  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (err) {
    throw new CorpusError(`Cannot read the corpus folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const oldStamps = new Map(snap?.stamps ?? []);
  const oldWarnings = new Map((snap?.corpus.warnings ?? []).map((w) => [w.file, w]));
  const stamps: [string, FileStamp][] = [];
  const articles: Article[] = [];
  const warnings: LoadWarning[] = [];
  let reused = 0;
  let parsed = 0;
  for (const name of names) {
    if (name.startsWith('.') || !ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase())) continue;
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => null);
    const old = snap?.corpus.byId.get(name);
    const stamp = oldStamps.get(name);
    const same = !!info && !!stamp && stamp.size === info.size && stamp.mtimeMs === info.mtimeMs;
    if (same && old) {
      articles.push(old);
      stamps.push([name, stamp!]);
      reused++;
      continue;
    }
    const oldWarning = same ? oldWarnings.get(name) : undefined;
    if (oldWarning) {
      // A file that was unusable and has not changed since: still unusable, no need to read it
      // (but every start still says so).
      warnings.push(oldWarning);
      opts.log?.warn({ file: name }, `skipped article ${name}: ${oldWarning.reason}`);
      stamps.push([name, stamp!]);
      continue;
    }
    const result = await loadArticleFile(full);
    parsed++;
    if ('reason' in result) {
      warnings.push({ file: name, reason: result.reason });
      opts.log?.warn({ file: name }, `skipped article ${name}: ${result.reason}`);
      if (info) stamps.push([name, { size: info.size, mtimeMs: info.mtimeMs }]);
      continue;
    }
    articles.push(result);
    if (info) stamps.push([name, { size: info.size, mtimeMs: info.mtimeMs }]);
  }
  if (articles.length === 0) {
    throw new CorpusError(`No usable articles in ${dir}` + (warnings.length ? ` (${warnings.map((w) => `${w.file}: ${w.reason}`).join('; ')})` : ''));
  }
  const unchanged =
    !!snap && parsed === 0 && articles.length === snap.corpus.articles.length && warnings.length === snap.corpus.warnings.length;
  const corpus: Corpus = unchanged
    ? { ...snap!.corpus, dir, articles, byId: new Map(articles.map((a) => [a.id, a])), warnings }
    : makeCorpus(dir, articles, warnings);
  if (!unchanged) {
    try {
      await mkdir(opts.cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, serialize({ schema: SNAPSHOT_SCHEMA, parser, stamps, corpus: pack(corpus) } satisfies Snapshot));
      await rename(tmp, file);
    } catch (err) {
      opts.log?.warn({ err: (err as Error).message }, 'could not persist the corpus snapshot; the next start parses again');
    }
  }
  return { corpus, reused, parsed };
}
