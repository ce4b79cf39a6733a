/**
 * The persisted analysis file, `<DATA_DIR>/analysis/analysis.json`: read at start-up
 * and written after parts are built. Kept apart from the builders so that reading it
 * (in `buildDeps`) does not load every engine: the parts are hydrated by
 * `analysisOf` when a command first needs them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';
import type { Analysis } from './index.js';
import type { EntitiesJson, EventsJson, FactsJson, FigureJson } from './persist.js';
import type { FiguresAnalysis } from './figures.js';
import type { Attribution } from './attribution.js';
import type { Reference } from './references.js';
import type { RelationsJson } from './relations.js';
import type { DateMention } from '../index/dates.js';
import type { EventIndexJson, ProfileIndexJson } from './event-index.js';

/** Bump when the file layout changes (the code hash covers rule changes). */
export const ANALYSIS_SCHEMA = 1;
export const ANALYSIS_FILE = 'analysis.json';

/** Where deps keep the analysis between corpus versions: the persistence folder, the last analysis, a loaded file. */
export interface AnalysisSlot {
  /** Folder for the analysis file; none = never persisted (tests, one-off tools). */
  dir?: string;
  /** The analysis of the previous corpus version (its per-article parts are reused). */
  last?: Analysis;
  /** A file read at start-up, not yet bound to a corpus. */
  loaded?: AnalysisFile;
}

/** The file: cross-article parts for one corpus version, per-article parts for any article they still fit. */
export interface AnalysisFile {
  schema: number;
  /** `codeVersion()` of the process that wrote it. */
  code: string;
  /** The corpus version the cross-article parts read. */
  version: string;
  parts: {
    entities?: EntitiesJson;
    facts?: FactsJson;
    events?: EventsJson;
    figureFacts?: FiguresAnalysis;
    quotes?: Attribution[];
    attribution?: Record<string, Omit<Attribution, 'sentenceIds'>>;
    references?: Reference[];
    relations?: RelationsJson;
  };
  /**
   * Postings derived from the parts, for the same corpus version (so a warm start does not
   * tokenise the corpus again); each is usable only with the parts it was built from.
   */
  postings?: {
    /** Over `parts.events` (positions in its events). */
    eventIndex?: EventIndexJson;
    /** Over `parts.entities` (positions in its entities). */
    profileIndex?: ProfileIndexJson;
  };
  /** Per-article parts by `<article id>\0<content hash>\0<reference date>`. */
  figures: Record<string, FigureJson[]>;
  digest: Record<string, FigureJson[]>;
  /** Date expressions per article by `<article id>\0<content hash>\0` (text-only, so no reference date). */
  dateMentions?: Record<string, [sentenceId: string, mention: DateMention][]>;
}

/** How often each part was computed rather than loaded or reused, and files read and written: a warm start computes nothing. */
export const analysisStats = {
  built: { entities: 0, facts: 0, events: 0, figureFacts: 0, quotes: 0, attribution: 0, references: 0, relations: 0, eventIndex: 0, profileIndex: 0, figures: 0, digestFigures: 0, dateMentions: 0 },
  loaded: 0,
  saved: 0,
};

/**
 * Read the analysis file into `slot.loaded` (start-up). A missing file is a cold
 * start; an unreadable one is logged and ignored (parts are rebuilt on use and the
 * file rewritten); one written by other code is ignored.
 */
export async function readAnalysisFile(slot: AnalysisSlot, log?: Logger): Promise<void> {
  if (!slot.dir) return;
  const file = path.join(slot.dir, ANALYSIS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return; // first start: nothing persisted yet
  }
  try {
    const f = JSON.parse(text) as AnalysisFile;
    if (!f || typeof f !== 'object' || typeof f.parts !== 'object' || !f.parts || typeof f.figures !== 'object' || typeof f.digest !== 'object' || typeof f.version !== 'string') {
      throw new Error('not an analysis file');
    }
    if (f.schema !== ANALYSIS_SCHEMA || f.code !== codeVersion()) {
      log?.info({ file }, 'the analysis file was written by other code; rebuilding it');
      return;
    }
    slot.loaded = f;
    analysisStats.loaded++;
    log?.info({ file, version: f.version, parts: Object.keys(f.parts) }, 'corpus analysis loaded');
  } catch (err) {
    log?.warn({ file, err: (err as Error).message }, 'ignoring an unreadable analysis file; it is rebuilt');
  }
}

/** Write the file atomically (a crash mid-write leaves the previous file). */
export async function writeAnalysisFile(dir: string, file: AnalysisFile): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, ANALYSIS_FILE);
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, toJson(file));
  await rename(tmp, target);
  analysisStats.saved++;
}

const POS_INF = '\u0000+inf';
const NEG_INF = '\u0000-inf';
/**
 * JSON with infinite numbers kept ("at least 61" reaches up to Infinity): written as
 * 1e999 / -1e999, which JSON.parse reads back as ±Infinity, so loading needs no reviver.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v === Infinity ? POS_INF : v === -Infinity ? NEG_INF : v))
    .replaceAll(JSON.stringify(POS_INF), '1e999')
    .replaceAll(JSON.stringify(NEG_INF), '-1e999');
}

/** Writes scheduled but not finished (see `flushAnalysisWrites`). */
export const pendingWrites = new Set<() => Promise<void>>();

/**
 * Finish every scheduled analysis write. A one-shot front door (the CLI) calls it before
 * exiting, so what its command built is kept for the next run; servers need not.
 */
export async function flushAnalysisWrites(): Promise<void> {
  for (const write of [...pendingWrites]) await write();
}

let codeHash: string | undefined;
/**
 * Hash of the code the analysis is computed by (this folder, the corpus parser, the
 * index, the language tables and the engine builders): any edit makes older files unusable.
 */
export function codeVersion(): string {
  if (codeHash) return codeHash;
  const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const h = createHash('sha256').update(`schema:${ANALYSIS_SCHEMA}`);
  const add = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) add(path.join(p, f));
    else if (/\.(ts|js)$/.test(p)) h.update(path.relative(src, p)).update(readFileSync(p));
  };
  for (const d of ['analysis', 'corpus', 'index', 'language', 'types.ts']) add(path.join(src, d));
  codeHash = h.digest('hex').slice(0, 16);
  return codeHash;
}
