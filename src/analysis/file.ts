/**
 * The persisted analysis file, `<DATA_DIR>/analysis/analysis.dat`: read at start-up
 * and written after parts are built. Kept apart from the builders so that reading it
 * (in `buildDeps`) does not load every engine: the parts are hydrated by
 * `analysisOf` when a command first needs them.
 *
 * Layout (schema 4): one header line of JSON (schema, code hash, corpus version, and the
 * name and byte length of each section), then the sections back to back, each the JSON
 * of one part, one set of postings or one per-article map. A start reads the header
 * only; a section is read and parsed when its part is first asked for (at 10,000
 * articles the whole file is ~440 MB, and parsing all of it was most of a warm start).
 * The entities are two sections: the entities without their mentions (`parts.entities`,
 * with each one's mention count), and every entity's mentions as one JSON array
 * (`entityMentions`) whose items' byte offsets are a section of their own
 * (`entityMentions@at`): a /who reads the mentions of the entities it shows, not all of
 * them. The who facts are one section as before, with where each entity's item is beside it
 * (`parts.facts@at`), so a /who reads those of its entities only (a file without it is read whole).
 * The date expressions of every sentence (`dateMentions`, by article) likewise have each article's entry's bytes beside
 * them (`dateMentions@at`, schema 4), so an `/ask` reads those of the articles it reads instead of parsing the sentences.
 * A part hydrated from a file and not rebuilt is written again from its bytes.
 * The file is replaced atomically by rename and a loaded file keeps its descriptor
 * open, so sections read later come from the file the header was read from, never
 * from a newer one written meanwhile (by a worker, another process).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, read as readAsync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';
import type { Analysis } from './index.js';
import { joinEntities, splitEntities, type EntitiesJson, type EntityHeadsJson, type EventsJson, type FactJson, type FactsJson, type FigureJson, type MentionJson } from './persist.js';
import type { FiguresAnalysis } from './figures.js';
import type { Attribution } from './attribution.js';
import type { Reference } from './references.js';
import type { RelationsJson } from './relations.js';
import type { DateMention } from '../index/dates.js';
import type { EventIndexJson, ProfileIndexJson } from './event-index.js';
import type { RelatedJson } from './entity-lookup.js';
import { eachEntryInSlices, parseJsonInSlices, windowedSource, type ByteSource, type Slicer } from './sliced-json.js';

/** Bump when the file layout changes (the code hash covers rule changes). */
export const ANALYSIS_SCHEMA = 4;
export const ANALYSIS_FILE = 'analysis.dat';
/** The single-JSON file of schema 1: removed when a schema-2 file is written next to it. */
const LEGACY_FILE = 'analysis.json';

/** Where deps keep the analysis between corpus versions: the persistence folder, the last analysis, a loaded file. */
export interface AnalysisSlot {
  /** Folder for the analysis file; none = never persisted (tests, one-off tools). */
  dir?: string;
  /** The analysis of the previous corpus version (its per-article parts are reused). */
  last?: Analysis;
  /** A file read at start-up, not yet bound to a corpus. */
  loaded?: LoadedAnalysis;
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
    /** The age figures of `parts.figureFacts` (what /who states), apart so a /who does not read every figure. */
    ageFacts?: FiguresAnalysis['figures'];
    /** Over `parts.entities`: each entity's related entities (positions), so a /who reads no other entity's mentions to list them. */
    related?: RelatedJson;
  };
  /** Per-article parts by `<article id>\0<content hash>\0<reference date>`. */
  figures: Record<string, FigureJson[]>;
  digest: Record<string, FigureJson[]>;
  /** Date expressions per article by `<article id>\0<content hash>\0` (text-only, so no reference date). */
  dateMentions?: Record<string, [sentenceId: string, mention: DateMention][]>;
}

/** One section of a loaded file: parsed when first read (each read parses again; callers keep the value). */
export interface Section<T = unknown> {
  readonly section: string;
  read(): T;
  /** The same value as `read()`, its bytes read without blocking and parsed in slices with turns of the event loop between them. */
  readInSlices(slicer: Slicer): Promise<T>;
  /**
   * A section that is a JSON object (a per-article map): its entries given to `fn` one by one as they are
   * parsed (as `readInSlices` reads), the whole map never built (see `eachEntryInSlices`).
   */
  entriesInSlices?(slicer: Slicer, fn: (key: string, value: unknown) => void): Promise<void>;
  /** Its bytes as stored, with those of the sections it is read with: written again as they are (no parse, no serialising). */
  raw(): [name: string, bytes: Buffer][];
  /** Its length in bytes (a section of a loaded file). */
  readonly size?: number;
  /** Its bytes `[from, to)`, read from the file now (a section of a loaded file); throws when the file is short. */
  bytesAt?(from: number, to: number): Buffer;
  /** Its bytes as a source read a window at a time off the event loop (a section of a loaded file; see `windowedSource`). */
  windowed?(): ByteSource;
}

/** The entities of a loaded file: without their mentions (`heads`), and each entity's mentions read on their own. */
export interface EntitiesSection extends Section<EntitiesJson> {
  heads(): EntityHeadsJson;
  /** `heads()`, in slices (see `Section.readInSlices`). */
  headsInSlices(slicer: Slicer): Promise<EntityHeadsJson>;
  /** The stored mentions of the entity at position `i` (reads that entity's bytes only). */
  mentionsOf(i: number): MentionJson[];
}

/** The section of every entity's mentions (one item per entity), and the one of its items' byte offsets. */
const ENTITY_MENTIONS = 'entityMentions';
const ENTITY_MENTIONS_AT = `${ENTITY_MENTIONS}@at`;

/** Where each entity's who facts are in `parts.facts` (a section of its own, beside it). */
const FACTS_AT = 'parts.facts@at';

/** Per side, flat: entity position, then the start and end byte of its `[entity, facts]` item in the facts section. */
export interface FactsAt {
  quotes: number[];
  actions: number[];
}

/** The who facts of a loaded file, with where each entity's are (files written before that was stored have no `at`). */
export interface FactsSection extends Section<FactsJson> {
  /** Where each entity's facts are, or undefined when the file does not say. */
  at(): FactsAt | undefined;
  /** The item `[entity, facts]` stored at `[start, end)` of the section (reads those bytes only). */
  item(start: number, end: number): [entity: number, facts: FactJson[]];
}

/** Where each article's date expressions are in `dateMentions` (a section of its own, beside it). */
const DATE_MENTIONS_AT = 'dateMentions@at';

/** The article keys of a per-article map, and flat the start and end byte of each one's value in the section. */
interface KeysAt {
  keys: string[];
  at: number[];
}

/** A per-article map of a loaded file whose values can be read one by one (the file says where each is). */
export interface KeyedSection<T = unknown> extends Section<Record<string, T>> {
  /** The value stored under `key` (reads those bytes only), or undefined when the map has none. */
  entryOf(key: string): T | undefined;
}

export function isKeyedSection(x: unknown): x is KeyedSection {
  return isSection(x) && typeof (x as KeyedSection).entryOf === 'function';
}

export function isFactsSection(x: unknown): x is FactsSection {
  return isSection(x) && typeof (x as FactsSection).item === 'function';
}

export function isEntitiesSection(x: unknown): x is EntitiesSection {
  return isSection(x) && typeof (x as EntitiesSection).mentionsOf === 'function';
}

/** A file as a start reads it: the header, and each section to be read on demand. */
export interface LoadedAnalysis {
  schema: number;
  code: string;
  version: string;
  parts: { [K in keyof AnalysisFile['parts']]?: Section<AnalysisFile['parts'][K]> };
  postings: { [K in keyof NonNullable<AnalysisFile['postings']>]?: Section<NonNullable<AnalysisFile['postings']>[K]> };
  figures?: Section<AnalysisFile['figures']>;
  digest?: Section<AnalysisFile['digest']>;
  dateMentions?: Section<NonNullable<AnalysisFile['dateMentions']>>;
}

/** Whether `x` is a section not read yet (stored values are either sections or plain data). */
export function isSection(x: unknown): x is Section {
  return typeof x === 'object' && x !== null && typeof (x as Section).read === 'function' && typeof (x as Section).section === 'string';
}

/** How often each part was computed rather than loaded or reused, files read and written, and sections parsed: a warm start computes nothing. */
export const analysisStats = {
  built: { entities: 0, facts: 0, events: 0, figureFacts: 0, ageFacts: 0, related: 0, quotes: 0, attribution: 0, references: 0, relations: 0, eventIndex: 0, profileIndex: 0, figures: 0, digestFigures: 0, dateMentions: 0 },
  loaded: 0,
  saved: 0,
  /** Sections of a loaded file parsed so far, by name (`parts.entities`, `figures`, …). */
  sectionsRead: {} as Record<string, number>,
  /** Entities whose mentions were read one by one from a loaded file's `entityMentions`. */
  entityMentionsRead: 0,
  /** Entities whose who facts (one side) were read one by one from a loaded file's `parts.facts`. */
  factsRead: 0,
  /** Articles whose digest figures were read one by one from a loaded file's `digest` section (not held: read again when asked for again). */
  digestEntriesRead: 0,
  /** Articles whose figures (`Analysis.figures`) were read one by one from a loaded file's `figures` section. */
  figureEntriesRead: 0,
};

interface Header {
  schema: number;
  code: string;
  version: string;
  /** Section name and byte length, in file order. */
  sections: [name: string, bytes: number][];
}

/** The sections of a file, in the order they are written (names are `parts.<part>`, `postings.<name>`, or the per-article map). */
function sectionsOf(file: AnalysisFile): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(file.parts)) if (v !== undefined) out.push([`parts.${k}`, v]);
  for (const [k, v] of Object.entries(file.postings ?? {})) if (v !== undefined) out.push([`postings.${k}`, v]);
  out.push(['figures', file.figures], ['digest', file.digest]);
  if (file.dateMentions) out.push(['dateMentions', file.dateMentions]);
  return out;
}

/**
 * Each section's bytes (or JSON text), in file order. A value that is a section of a loaded file is
 * written as read; the entities are split into their heads and their mentions, one item per entity.
 */
function bodiesOf(file: AnalysisFile): [string, string | Buffer][] {
  const out: [string, string | Buffer][] = [];
  for (const [name, v] of sectionsOf(file)) {
    if (isSection(v)) out.push(...v.raw());
    else if (name === 'parts.entities' && Array.isArray((v as EntitiesJson)?.entities)) {
      const { heads, mentions } = splitEntities(v as EntitiesJson);
      const { text, at } = itemized(mentions);
      out.push([name, toJson(heads)], [ENTITY_MENTIONS, text], [ENTITY_MENTIONS_AT, JSON.stringify(at)]);
    } else if (name === 'parts.facts' && isFactsJson(v)) {
      const { text, at } = itemizedFacts(v);
      out.push([name, text], [FACTS_AT, JSON.stringify(at)]);
    } else if (name === 'dateMentions' && v && typeof v === 'object' && !Array.isArray(v)) {
      const { text, at } = itemizedMap(v as Record<string, unknown>);
      out.push([name, text], [DATE_MENTIONS_AT, JSON.stringify(at)]);
    } else out.push([name, toJson(v)]);
  }
  return out;
}

/**
 * The who facts written side by side as `toJson` writes them, with where each entity's item is
 * (`at.quotes`: entity position, start, end byte of its `[entity, facts]` item, flat): a first /who
 * reads the facts of the entities it shows, not the whole section (5.5 MB at 10,000 articles).
 */
function itemizedFacts(v: FactsJson): { text: string; at: FactsAt } {
  const at: FactsAt = { quotes: [], actions: [] };
  let text = '{';
  let pos = 1;
  (['quotes', 'actions'] as const).forEach((side, k) => {
    const head = `${k ? ',' : ''}${JSON.stringify(side)}:[`;
    text += head;
    pos += Buffer.byteLength(head);
    v[side].forEach((item, j) => {
      const t = `${j ? ',' : ''}${toJson(item)}`;
      const start = pos + (j ? 1 : 0);
      text += t;
      pos += Buffer.byteLength(t);
      at[side].push(item[0], start, pos);
    });
    text += ']';
    pos += 1;
  });
  return { text: `${text}}`, at };
}

/**
 * A JSON object written entry by entry, the same bytes as `toJson(map)`, with where each value is: an `/ask` reads
 * the date expressions of the articles it reads, not the whole section (3.2 MB at 1,000 articles).
 */
function itemizedMap(map: Record<string, unknown>): { text: string; at: KeysAt } {
  const at: KeysAt = { keys: [], at: [] };
  const parts: string[] = [];
  let pos = 1;
  for (const [k, v] of Object.entries(map)) {
    const head = `${parts.length ? ',' : ''}${JSON.stringify(k)}:`;
    const body = toJson(v);
    pos += Buffer.byteLength(head);
    at.keys.push(k);
    at.at.push(pos, (pos += Buffer.byteLength(body)));
    parts.push(head + body);
  }
  return { text: `{${parts.join('')}}`, at };
}

const isFactsJson = (v: unknown): v is FactsJson =>
  !!v && typeof v === 'object' && Object.keys(v).join() === 'quotes,actions' && Array.isArray((v as FactsJson).quotes) && Array.isArray((v as FactsJson).actions);

/** A JSON array written item by item: `at[i]` is where item i starts, and it ends one byte before `at[i + 1]` (at its comma or the closing bracket). */
function itemized(items: unknown[]): { text: string; at: number[] } {
  const texts = items.map((x) => toJson(x));
  const at: number[] = [];
  let pos = 1;
  for (const t of texts) {
    at.push(pos);
    pos += Buffer.byteLength(t) + 1;
  }
  at.push(pos);
  return { text: `[${texts.join(',')}]`, at };
}

const byteLength = (b: string | Buffer) => (typeof b === 'string' ? Buffer.byteLength(b) : b.length);

/** A file's bytes: the header line, then each section's JSON. */
export function encodeAnalysisFile(file: AnalysisFile): Buffer {
  const bodies = bodiesOf(file).map(([name, v]) => [name, typeof v === 'string' ? Buffer.from(v) : v] as const);
  const header: Header = { schema: file.schema, code: file.code, version: file.version, sections: bodies.map(([name, b]) => [name, b.length]) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies.map(([, b]) => b)]);
}

/** A whole file read back (tools and tests; a start reads sections lazily instead), the entities with their mentions. */
export function decodeAnalysisFile(bytes: Buffer): AnalysisFile {
  const nl = bytes.indexOf(10);
  if (nl < 0) throw new Error('not an analysis file');
  const header = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as Header;
  const file: AnalysisFile = { schema: header.schema, code: header.code, version: header.version, parts: {}, postings: {}, figures: {}, digest: {} };
  let mentions: MentionJson[][] | undefined;
  let at = nl + 1;
  for (const [name, n] of header.sections) {
    const body = bytes.subarray(at, at + n);
    at += n;
    if (name === ENTITY_MENTIONS_AT || name === FACTS_AT || name === DATE_MENTIONS_AT) continue;
    const value = JSON.parse(body.toString('utf8')) as never;
    const [group, key] = name.split('.');
    if (name === ENTITY_MENTIONS) mentions = value;
    else if (key && (group === 'parts' || group === 'postings')) (file[group] as Record<string, unknown>)[key] = value;
    else (file as unknown as Record<string, unknown>)[name] = value;
  }
  if (file.parts.entities && mentions) file.parts.entities = joinEntities(file.parts.entities as unknown as EntityHeadsJson, mentions);
  return file;
}

/** Closes a loaded file's descriptor once nothing can read its sections any more. */
const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
});

/** Read and check the header of the file at `file`; its sections are read on demand from the same descriptor. */
function openAnalysisFile(file: string): { header: Header; loaded: LoadedAnalysis } | 'missing' {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return 'missing';
  }
  try {
    const size = fstatSync(fd).size;
    // The header is a few hundred bytes; read until its newline.
    let head = Buffer.alloc(0);
    let nl = -1;
    while (nl < 0 && head.length < size && head.length < 1 << 20) {
      const chunk = Buffer.alloc(Math.min(4096, size - head.length));
      const n = readSync(fd, chunk, 0, chunk.length, head.length);
      if (n <= 0) break;
      head = Buffer.concat([head, chunk.subarray(0, n)]);
      nl = head.indexOf(10);
    }
    if (nl < 0) throw new Error('not an analysis file');
    const header = JSON.parse(head.subarray(0, nl).toString('utf8')) as Header;
    if (!header || typeof header !== 'object' || typeof header.version !== 'string' || !Array.isArray(header.sections)) throw new Error('not an analysis file');
    const total = header.sections.reduce((n, [, b]) => n + b, nl + 1);
    if (total !== size) throw new Error(`the file is ${size} bytes, its header says ${total}`);
    // The descriptor is held by the sections (closed when they are all gone).
    const handle = { fd };
    openFiles.register(handle, fd);
    const loaded: LoadedAnalysis = { schema: header.schema, code: header.code, version: header.version, parts: {}, postings: {} };
    const bytesAt = (from: number, bytes: number, name: string) => {
      const buf = Buffer.allocUnsafe(bytes);
      for (let got = 0; got < bytes; ) {
        const n = readSync(handle.fd, buf, got, bytes - got, from + got);
        if (n <= 0) throw new Error(`analysis file section ${name} is short`);
        got += n;
      }
      return buf;
    };
    // Bytes read off the event loop (the thread pool).
    const readAt = (into: Buffer, at: number, n: number, position: number) =>
      new Promise<number>((resolve, reject) => readAsync(handle.fd, into, at, n, position, (err, got) => (err ? reject(err) : resolve(got))));
    const shortSection = (name: string) => new Error(`analysis file section ${name} is short`);
    // A section read a window at a time: its bytes are never held whole (169 MB of figure facts at 10,000 articles).
    const windowOf = (from: number, bytes: number, name: string) => windowedSource(bytes, (into, at, n, position) => readAt(into, at, n, from + position), READ_CHUNK, () => shortSection(name));
    const sections = new Map<string, Section>();
    let at = nl + 1;
    for (const [name, bytes] of header.sections) {
      const from = at;
      at += bytes;
      const section: Section & { from: number; bytes: number } = {
        section: name,
        from,
        bytes,
        read() {
          const buf = bytesAt(from, bytes, name);
          analysisStats.sectionsRead[name] = (analysisStats.sectionsRead[name] ?? 0) + 1;
          return JSON.parse(buf.toString('utf8')) as unknown;
        },
        async readInSlices(slicer) {
          analysisStats.sectionsRead[name] = (analysisStats.sectionsRead[name] ?? 0) + 1;
          return parseJsonInSlices(windowOf(from, bytes, name), slicer);
        },
        async entriesInSlices(slicer, fn) {
          analysisStats.sectionsRead[name] = (analysisStats.sectionsRead[name] ?? 0) + 1;
          return eachEntryInSlices(windowOf(from, bytes, name), slicer, fn);
        },
        raw: () => [[name, bytesAt(from, bytes, name)]],
        size: bytes,
        bytesAt(start, end) {
          if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > bytes) throw new Error(`no bytes ${start}-${end} in analysis file section ${name}`);
          if (start === 0 && end === bytes) analysisStats.sectionsRead[name] = (analysisStats.sectionsRead[name] ?? 0) + 1;
          return bytesAt(from + start, end - start, name);
        },
        windowed() {
          analysisStats.sectionsRead[name] = (analysisStats.sectionsRead[name] ?? 0) + 1;
          return windowOf(from, bytes, name);
        },
      };
      sections.set(name, section);
    }
    for (const [name, section] of sections) {
      if (name === ENTITY_MENTIONS || name === ENTITY_MENTIONS_AT || name === FACTS_AT || name === DATE_MENTIONS_AT) continue;
      const [group, key] = name.split('.');
      const value =
        name === 'parts.entities'
          ? entitiesSection(section as never, sections.get(ENTITY_MENTIONS) as never, sections.get(ENTITY_MENTIONS_AT), bytesAt)
          : name === 'parts.facts'
            ? factsSection(section as never, sections.get(FACTS_AT), bytesAt)
            : section;
      if (key && (group === 'parts' || group === 'postings')) (loaded[group] as Record<string, Section>)[key] = value;
      else if (name === 'dateMentions') loaded.dateMentions = keyedSection(section as never, sections.get(DATE_MENTIONS_AT), bytesAt) as never;
      else if (name === 'figures' || name === 'digest') loaded[name] = section as never;
    }
    return { header, loaded };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

type StoredSection = Section & { from: number; bytes: number };

/** Bytes per read (the window held) when a section is read off the event loop and parsed in slices. */
const READ_CHUNK = 4 << 20;

/**
 * The entities of a file: the heads section, and the mentions section read item by item through
 * its offsets (read once, on the first entity asked for). A file without the mentions section
 * keeps them in the heads (then they are all there).
 */
function entitiesSection(heads: StoredSection, mentions: StoredSection | undefined, offsets: Section | undefined, bytesAt: (from: number, bytes: number, name: string) => Buffer): EntitiesSection {
  let at: number[] | undefined;
  const parts = [heads, mentions, offsets].filter((x): x is StoredSection => !!x);
  return {
    section: heads.section,
    heads: () => heads.read() as EntityHeadsJson,
    headsInSlices: (slicer) => heads.readInSlices(slicer) as Promise<EntityHeadsJson>,
    mentionsOf(i) {
      if (!mentions || !offsets) throw new Error(`the analysis file has no ${ENTITY_MENTIONS} section`);
      at ??= offsets.read() as number[];
      const start = at[i];
      const end = at[i + 1];
      if (start === undefined || end === undefined || end - 1 < start || end - 1 > mentions.bytes) throw new Error(`no mentions of entity #${i} in the analysis file`);
      analysisStats.entityMentionsRead++;
      return JSON.parse(bytesAt(mentions.from + start, end - 1 - start, ENTITY_MENTIONS).toString('utf8')) as MentionJson[];
    },
    read() {
      const h = heads.read() as EntityHeadsJson;
      return mentions ? joinEntities(h, mentions.read() as MentionJson[][]) : (h as unknown as EntitiesJson);
    },
    async readInSlices(slicer) {
      const h = (await heads.readInSlices(slicer)) as EntityHeadsJson;
      return mentions ? joinEntities(h, (await mentions.readInSlices(slicer)) as MentionJson[][]) : (h as unknown as EntitiesJson);
    },
    raw: () => parts.flatMap((p) => p.raw()),
  };
}

/**
 * A per-article map section, each article's value read on its own through the offsets section when there is one
 * (`entryOf` answers undefined for every key without it: the caller then reads what it needs its own way). The
 * offsets are read on the first lookup and held (an article key and two numbers per article).
 */
function keyedSection(map: StoredSection, offsets: Section | undefined, bytesAt: (from: number, bytes: number, name: string) => Buffer): KeyedSection {
  const parts = [map, offsets].filter((x): x is StoredSection => !!x);
  let where: Map<string, number> | undefined;
  let at: number[] = [];
  return {
    section: map.section,
    read: () => map.read() as Record<string, unknown>,
    readInSlices: (slicer) => map.readInSlices(slicer) as Promise<Record<string, unknown>>,
    entriesInSlices: map.entriesInSlices ? (slicer, fn) => map.entriesInSlices!(slicer, fn) : undefined,
    entryOf(key) {
      if (!offsets) return undefined;
      if (!where) {
        const json = offsets.read() as KeysAt;
        if (!json || !Array.isArray(json.keys) || !Array.isArray(json.at) || json.at.length !== 2 * json.keys.length) throw new Error(`analysis file section ${DATE_MENTIONS_AT} is malformed`);
        where = new Map(json.keys.map((k, i) => [k, i]));
        at = json.at;
      }
      const i = where.get(key);
      if (i === undefined) return undefined;
      const start = at[2 * i]!;
      const end = at[2 * i + 1]!;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > map.bytes) throw new Error(`no value of ${JSON.stringify(key)} at ${start}-${end} in the analysis file`);
      return JSON.parse(bytesAt(map.from + start, end - start, map.section).toString('utf8')) as unknown;
    },
    raw: () => parts.flatMap((p) => p.raw()),
    size: map.bytes,
  };
}

/** The who facts section, each entity's item read on its own through the offsets section when there is one. */
function factsSection(facts: StoredSection, offsets: Section | undefined, bytesAt: (from: number, bytes: number, name: string) => Buffer): FactsSection {
  const parts = [facts, offsets].filter((x): x is StoredSection => !!x);
  return {
    section: facts.section,
    read: () => facts.read() as FactsJson,
    readInSlices: (slicer) => facts.readInSlices(slicer) as Promise<FactsJson>,
    at: () => (offsets ? (offsets.read() as FactsAt) : undefined),
    item(start, end) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > facts.bytes) throw new Error(`no facts at ${start}-${end} in the analysis file`);
      analysisStats.factsRead++;
      return JSON.parse(bytesAt(facts.from + start, end - start, facts.section).toString('utf8')) as [number, FactJson[]];
    },
    raw: () => parts.flatMap((p) => p.raw()),
  };
}

/**
 * Read the analysis file's header into `slot.loaded` (start-up): its sections are parsed
 * when their parts are first used. A missing file is a cold start; an unreadable one is
 * logged and ignored (parts are rebuilt on use and the file rewritten); one written by
 * other code is ignored.
 */
export async function readAnalysisFile(slot: AnalysisSlot, log?: Logger): Promise<void> {
  if (!slot.dir) return;
  const file = path.join(slot.dir, ANALYSIS_FILE);
  try {
    const opened = openAnalysisFile(file);
    if (opened === 'missing') return; // first start: nothing persisted yet
    const f = opened.loaded;
    if (f.schema !== ANALYSIS_SCHEMA || f.code !== codeVersion()) {
      log?.info({ file }, 'the analysis file was written by other code; rebuilding it');
      return;
    }
    slot.loaded = f;
    analysisStats.loaded++;
    log?.info({ file, version: f.version, sections: opened.header.sections.map(([n]) => n) }, 'corpus analysis loaded');
  } catch (err) {
    log?.warn({ file, err: (err as Error).message }, 'ignoring an unreadable analysis file; it is rebuilt');
  }
}

let writes = 0;

/** Write the file atomically (a crash mid-write leaves the previous file; a reader keeps the one it opened). */
export function writeAnalysisFile(dir: string, file: AnalysisFile): Promise<void> {
  // One write at a time per folder, in the order asked: an older version's write never lands after a newer one's.
  const prev = writing.get(dir) ?? Promise.resolve();
  const next = prev.catch(() => undefined).then(() => writeNow(dir, file));
  writing.set(dir, next);
  void next.finally(() => writing.get(dir) === next && writing.delete(dir)).catch(() => undefined);
  return next;
}

const writing = new Map<string, Promise<void>>();

async function writeNow(dir: string, file: AnalysisFile): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, ANALYSIS_FILE);
  // Unique per write: two analyses of one process (a watcher swap) may save in the same millisecond.
  const tmp = `${target}.${process.pid}.${Date.now()}.${++writes}.tmp`;
  // Section by section: the whole file is never one string (hundreds of MB at 10,000 articles).
  const bodies = bodiesOf(file);
  const header: Header = { schema: file.schema, code: file.code, version: file.version, sections: bodies.map(([name, text]) => [name, byteLength(text)]) };
  const out = await open(tmp, 'w');
  try {
    await out.write(`${JSON.stringify(header)}\n`);
    for (const [, text] of bodies) {
      if (typeof text === 'string') await out.write(text);
      else await out.write(text);
    }
  } finally {
    await out.close();
  }
  await rename(tmp, target);
  await rm(path.join(dir, LEGACY_FILE), { force: true });
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
