/**
 * A persisted snapshot of the parsed corpus, so a restart does not re-parse every
 * article: at 10,000 articles parsing is ~20 s of CPU, while the snapshot loads in
 * a fraction of a second. Articles whose file (name, size, mtime) is unchanged are reused;
 * new or changed files are parsed; deleted ones dropped. When nothing changed, the
 * near-duplicate overlaps and the corpus version are reused too.
 *
 * The file (`corpus.snap`, schema 4) is a JSON header — the corpus' and each article's own
 * fields, the file stamps — then each article's paragraph and sentence structure as numbers
 * (index, offsets), every paragraph and sentence id, and the raw texts as UTF-8. Texts that
 * are slices of the article's raw text (all of them for .txt/.md) are restored as
 * `raw.slice(start, end)`: the same strings, and V8 keeps the slices pointing into `raw`
 * instead of holding copies. An article whose paragraphs or sentences are not of the
 * parser's usual shape is stored as JSON as it is. Schema 2 was a v8 serialisation of the
 * whole Corpus (`corpus.v8`): at 10,000 articles ~1.6 s of CPU to read, most of it
 * deserialising half a million small objects key by key.
 *
 * It is keyed by a hash of the corpus parser's own source, so a change to the parsing
 * code invalidates it. A snapshot that cannot be read is logged and the corpus parsed again.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';
import type { Article, Corpus, LoadWarning, Paragraph, Sentence } from '../types.js';
import { ARTICLE_EXTENSIONS, CorpusError, loadArticleFile, makeCorpus } from '../corpus/load.js';

/** 3: the first corpus.snap layout (ids rebuilt from numbers); 4: ids stored. */
const SNAPSHOT_SCHEMA = 4;
const SNAPSHOT_FILE = 'corpus.snap';
/** Earlier schemas' files, removed when a new snapshot is written. */
const OLD_FILES = ['corpus.v8'];

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

/** The keys, in order, of a paragraph and a sentence as the parser makes them (others are stored as they are). */
const PARAGRAPH_KEYS = 'id,articleId,index,start,end,text,sentences';
const SENTENCE_KEYS = 'id,articleId,paragraph,index,start,end,text';

/** Plain JSON data that `JSON.parse(JSON.stringify(v))` gives back equal (no undefined, -0, NaN, holes, prototypes). */
function jsonSafe(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !jsonSafe(v[i])) return false;
    return true;
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v as object)) if (k === '__proto__' || !jsonSafe(x)) return false;
    return true;
  }
  return false;
}

/** In a `u` regex a surrogate range matches unpaired ones only: text UTF-8 cannot carry. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const int32 = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0x7fffffff && !Object.is(n, -0);

interface SnapshotHeader {
  format: string;
  schema: number;
  parser: string;
  stamps: [string, FileStamp][];
  /** The corpus' own fields in order; `articles` and `byId` hold places only. */
  corpus: Record<string, unknown>;
  /** Each article's own fields in order; `raw`, `paragraphs` and `sentences` hold places only. */
  articles: Record<string, unknown>[];
  /** UTF-8 byte offsets of each article's raw text in the text section (n + 1); -1 for one stored in `rawJson`. */
  rawAt: number[];
  /** Raw texts UTF-8 cannot carry (unpaired surrogates), by article position. */
  rawJson: Record<string, string>;
  /** Paragraph and sentence texts that are not slices of the raw text, by article position, then `<paragraph>` / `<paragraph>:<sentence>` (positions). */
  texts: Record<string, Record<string, string>>;
  /** Paragraphs of articles not of the usual shape, stored whole, by article position. */
  generic: Record<string, unknown[]>;
  /** Byte lengths of the structure (Int32), id (UTF-8) and text (UTF-8) sections after the header. */
  structureBytes: number;
  idBytes: number;
  textBytes: number;
}

const FORMAT = 'dispatch-corpus-snapshot';

/** A snapshot that cannot be used, and why. */
class SnapshotError extends Error {}

/** Whether an article's paragraphs and sentences are the parser's usual ones (rebuilt from numbers on load). */
function regular(a: Article): boolean {
  for (const p of a.paragraphs) {
    if (Object.keys(p).join(',') !== PARAGRAPH_KEYS || p.articleId !== a.id || !int32(p.index) || !int32(p.start) || !int32(p.end) || p.id !== `${a.id}:p${p.index}`) return false;
    if (typeof p.text !== 'string' || !Array.isArray(p.sentences)) return false;
    for (const x of p.sentences) {
      if (Object.keys(x).join(',') !== SENTENCE_KEYS || x.articleId !== a.id || !int32(x.paragraph) || !int32(x.index) || !int32(x.start) || !int32(x.end)) return false;
      if (typeof x.text !== 'string' || x.id !== `${a.id}:p${x.paragraph}:s${x.index}`) return false;
    }
  }
  return true;
}

/** The snapshot file's bytes; throws when the corpus holds what the format cannot store (it is then not persisted). */
function encodeSnapshot(parser: string, stamps: [string, FileStamp][], corpus: Corpus): Buffer {
  const { articles: _articles, byId: _byId, ...rest } = corpus;
  const corpusFields: Record<string, unknown> = {};
  for (const k of Object.keys(corpus)) corpusFields[k] = k === 'articles' || k === 'byId' ? 0 : (rest as Record<string, unknown>)[k];
  if (!jsonSafe(corpusFields)) throw new Error('the corpus fields are not plain data');
  const structure: number[] = [];
  const texts: Record<string, Record<string, string>> = {};
  const generic: Record<string, unknown[]> = {};
  const rawJson: Record<string, string> = {};
  const rawAt: number[] = [0];
  const ids: string[] = [];
  const raws: Buffer[] = [];
  let bytes = 0;
  const metas = corpus.articles.map((a, i) => {
    const meta: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a)) {
      if (k === 'raw' || k === 'paragraphs' || k === 'sentences') meta[k] = 0;
      else if (!jsonSafe(v)) throw new Error(`article ${a.id}: field ${k} is not plain data`);
      else meta[k] = v;
    }
    if (typeof a.raw !== 'string') throw new Error(`article ${a.id} has no raw text`);
    if (!LONE_SURROGATE.test(a.raw)) {
      const b = Buffer.from(a.raw, 'utf8');
      raws.push(b);
      bytes += b.length;
      rawAt.push(bytes);
    } else {
      rawJson[i] = a.raw;
      rawAt.push(-1);
    }
    if (!regular(a)) {
      if (!jsonSafe(a.paragraphs)) throw new Error(`article ${a.id}: paragraphs are not plain data`);
      generic[i] = a.paragraphs;
      structure.push(-1);
      return meta;
    }
    structure.push(a.paragraphs.length);
    a.paragraphs.forEach((p, pi) => {
      structure.push(p.index, p.start, p.end, p.sentences.length, p.id.length);
      ids.push(p.id);
      if (p.text !== a.raw.slice(p.start, p.end)) (texts[i] ??= {})[pi] = p.text;
      p.sentences.forEach((x, si) => {
        structure.push(x.paragraph, x.index, x.start, x.end, x.id.length);
        ids.push(x.id);
        if (x.text !== a.raw.slice(x.start, x.end)) (texts[i] ??= {})[`${pi}:${si}`] = x.text;
      });
    });
    return meta;
  });
  const numbers = Int32Array.from(structure);
  // Every id, one after another: read back as one string, each id a slice of it (built from numbers, an id is a
  // concatenation: ~5x the CPU, and a string V8 must flatten before the first lookup by it).
  const idBlob = Buffer.from(ids.join(''), 'utf8');
  const header: SnapshotHeader = {
    format: FORMAT,
    schema: SNAPSHOT_SCHEMA,
    parser,
    stamps,
    corpus: corpusFields,
    articles: metas,
    rawAt,
    rawJson,
    texts,
    generic,
    structureBytes: numbers.byteLength,
    idBytes: idBlob.length,
    textBytes: bytes,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const at = Math.ceil((4 + head.length) / 4) * 4;
  const out = Buffer.alloc(at + numbers.byteLength + idBlob.length + bytes);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength).copy(out, at);
  idBlob.copy(out, at + numbers.byteLength);
  let o = at + numbers.byteLength + idBlob.length;
  for (const b of raws) {
    b.copy(out, o);
    o += b.length;
  }
  return out;
}

/** The snapshot's header and Corpus (texts, ids, article sentence lists and the id map restored). */
function decodeSnapshot(buf: Buffer): { header: SnapshotHeader; corpus: Corpus } {
  if (buf.length < 4) throw new SnapshotError('truncated');
  const n = buf.readUInt32LE(0);
  if (4 + n > buf.length) throw new SnapshotError('truncated');
  let h: SnapshotHeader;
  try {
    h = JSON.parse(buf.toString('utf8', 4, 4 + n)) as SnapshotHeader;
  } catch {
    throw new SnapshotError('unreadable header');
  }
  if (h?.format !== FORMAT) throw new SnapshotError('not a corpus snapshot');
  if (h.schema !== SNAPSHOT_SCHEMA) return { header: h, corpus: undefined as unknown as Corpus };
  const at = Math.ceil((4 + n) / 4) * 4;
  const count = h.articles?.length;
  if (!Array.isArray(h.articles) || !Array.isArray(h.rawAt) || h.rawAt.length !== count + 1 || !int32(h.structureBytes) || h.structureBytes % 4 || !int32(h.idBytes) || !int32(h.textBytes)) {
    throw new SnapshotError('header does not describe the sections');
  }
  if (at + h.structureBytes + h.idBytes + h.textBytes !== buf.length) throw new SnapshotError('truncated');
  const numbers = new Int32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + h.structureBytes));
  const idText = buf.toString('utf8', at + h.structureBytes, at + h.structureBytes + h.idBytes);
  let ic = 0;
  const nextId = (length: number) => {
    if (!(length > 0) || ic + length > idText.length) throw new SnapshotError('ids truncated');
    return idText.slice(ic, (ic += length));
  };
  const textAt = at + h.structureBytes + h.idBytes;
  const texts = h.texts ?? {};
  let k = 0;
  const next = () => {
    if (k >= numbers.length) throw new SnapshotError('structure truncated');
    return numbers[k++]!;
  };
  const articles = h.articles.map((meta, i) => {
    const a = meta as unknown as Article;
    const from = h.rawAt[i]!;
    const to = h.rawAt[i + 1]!;
    if (to === -1) {
      a.raw = h.rawJson?.[i]!;
      if (typeof a.raw !== 'string') throw new SnapshotError('raw text missing');
      h.rawAt[i + 1] = from; // the next article's text starts where this one's would have
    } else {
      if (!(from >= 0 && to >= from && to <= h.textBytes)) throw new SnapshotError('raw text offsets out of range');
      a.raw = buf.toString('utf8', textAt + from, textAt + to);
    }
    const raw = a.raw;
    const id = a.id;
    const own = texts[i];
    const nP = next();
    const sentences: Sentence[] = [];
    if (nP === -1) {
      a.paragraphs = h.generic?.[i] as Paragraph[];
      if (!Array.isArray(a.paragraphs)) throw new SnapshotError('paragraphs missing');
      for (const p of a.paragraphs) for (const x of p.sentences) sentences.push(x);
    } else {
      const paragraphs = new Array<Paragraph>(nP);
      for (let pi = 0; pi < nP; pi++) {
        const index = next();
        const start = next();
        const end = next();
        const nS = next();
        const list = new Array<Sentence>(nS);
        const p: Paragraph = { id: nextId(next()), articleId: id, index, start, end, text: own?.[pi] ?? raw.slice(start, end), sentences: list };
        for (let si = 0; si < nS; si++) {
          const paragraph = next();
          const sIndex = next();
          const sStart = next();
          const sEnd = next();
          const x: Sentence = { id: nextId(next()), articleId: id, paragraph, index: sIndex, start: sStart, end: sEnd, text: (own && own[`${pi}:${si}`]) ?? raw.slice(sStart, sEnd) };
          list[si] = x;
          sentences.push(x);
        }
        paragraphs[pi] = p;
      }
      a.paragraphs = paragraphs;
    }
    a.sentences = sentences;
    return a;
  });
  if (k !== numbers.length || ic !== idText.length) throw new SnapshotError('structure does not match the articles');
  const corpus = h.corpus as unknown as Corpus;
  corpus.articles = articles;
  corpus.byId = new Map(articles.map((a) => [a.id, a]));
  return { header: h, corpus };
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
  const file = path.join(opts.cacheDir, SNAPSHOT_FILE);
  const parser = await parserVersion();
  let snap: Snapshot | undefined;
  try {
    const { header, corpus } = decodeSnapshot(await readFile(file));
    if (header.schema !== SNAPSHOT_SCHEMA || header.parser !== parser) opts.log?.info({ file }, 'corpus snapshot written by other parsing code; parsing the articles again');
    else if (path.resolve(corpus.dir) !== path.resolve(dir)) opts.log?.info({ file }, 'corpus snapshot of another folder; parsing the articles again');
    else snap = { schema: header.schema, parser: header.parser, stamps: header.stamps, corpus };
  } catch (err) {
    // Missing: a first start. Anything else: said, and every file parsed again (the snapshot is then rewritten).
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      opts.log?.warn({ file, err: (err as Error).message || (err as Error).name }, 'corpus snapshot unreadable; parsing every article again');
    }
    snap = undefined;
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
    // One synchronous stat per file: ~3 µs each, where an awaited one costs ~20 µs of CPU (10,000 files at every start).
    let info: { size: number; mtimeMs: number } | undefined;
    try {
      info = statSync(full, { throwIfNoEntry: false });
    } catch {
      info = undefined;
    }
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
      await writeFile(tmp, encodeSnapshot(parser, stamps, corpus));
      await rename(tmp, file);
      for (const old of OLD_FILES) await unlink(path.join(opts.cacheDir, old)).catch(() => undefined);
    } catch (err) {
      opts.log?.warn({ err: (err as Error).message }, 'could not persist the corpus snapshot; the next start parses again');
    }
  }
  return { corpus, reused, parsed };
}

/** The snapshot file's encoding alone (tests: articles of shapes the parser does not make). */
export const snapshotCodec = {
  encode: (corpus: Corpus, stamps: [string, FileStamp][] = []): Buffer => encodeSnapshot('test', stamps, corpus),
  decode: (bytes: Buffer): Corpus => decodeSnapshot(bytes).corpus,
};
