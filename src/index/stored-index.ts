/**
 * The search index on disk, in a form a start loads in a fraction of MiniSearch's JSON.
 *
 * MiniSearch's own `toJSON`/`loadJS` round trip makes one Map entry per posting: at 10,000
 * articles 5.3 million entries (term → field → passage → count), ~1.5 s of CPU to parse and
 * convert at every start and ~250 MB of heap, though a search reads the postings of a handful
 * of terms. Here the postings are two typed arrays (passage numbers ascending, counts), each
 * term's list is a `StoredPosting` over its slice of them — a read-only Map view that answers
 * `get`/`has` by binary search and iterates the slice — and only a list that is changed (an
 * article added or removed at run time) becomes a real Map.
 *
 * What a start builds is exactly what `MiniSearch.loadJS(JSON.parse(JSON.stringify(ms)))` builds:
 * the same terms inserted into the radix tree in the same order, the same maps in the same
 * key order (JSON gives an object's integer keys in ascending order, so every list here is
 * written sorted), the same field-length arrays and stored fields; the postings hold the same
 * entries in the same order. A search, fuzzy and prefix included, reads them through the Map
 * interface, so its results are the same.
 *
 * File layout: a 4-byte little-endian header length, the header (JSON), padding to 4 bytes, then
 * the binary sections the header lists (byte offset and element count of each).
 */
import { open, readFile } from 'node:fs/promises';
import MiniSearch, { type Options } from 'minisearch';

/** The file format itself (the caller keys files by its own schema as well). */
const FORMAT = 'dispatch-search-index/1';

/** The parts of a MiniSearch instance read and written here (version 7). */
interface Internals {
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown; [Symbol.iterator](): IterableIterator<[string, Map<number, Map<number, number>>]> };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

interface SectionRef {
  at: number;
  n: number;
}

interface Header {
  format: string;
  /** The caller's own data (corpus fingerprint, term document frequencies). */
  extra: unknown;
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  /** Document ids, aligned with the `docs` section (short ids, ascending). */
  documentIds: string[];
  /** Field lengths: null when every document has one integer per field (section `lengths`), else one JSON value per document. */
  fieldLength: unknown[] | null;
  /** Stored fields: when every document stores exactly `{ [storedKey]: string }`, the distinct strings (section `stored` indexes them); else one JSON value per document. */
  storedKey: string | null;
  storedValues: unknown[];
  terms: string[];
  sections: { docs: SectionRef; lengths?: SectionRef; stored?: SectionRef; shape: SectionRef; ids: SectionRef; freqs: SectionRef };
}

/** A term's passages in one field as stored: a read-only Map until something changes it. */
export class StoredPosting extends Map<number, number> {
  #ids: Uint32Array | undefined;
  #freqs: Uint16Array | undefined;
  #real: Map<number, number> | undefined;
  #owner: Map<number, Map<number, number>> | undefined;
  #field: number;

  constructor(ids: Uint32Array, freqs: Uint16Array, owner: Map<number, Map<number, number>>, field: number) {
    super();
    this.#ids = ids;
    this.#freqs = freqs;
    this.#owner = owner;
    this.#field = field;
  }

  /** The stored arrays (passage numbers ascending, counts), or undefined once the list is a Map. */
  get stored(): { ids: Uint32Array; freqs: Uint16Array } | undefined {
    return this.#ids ? { ids: this.#ids, freqs: this.#freqs! } : undefined;
  }

  /** A real Map of the same entries, in the same order; it replaces this view in its term's field map. */
  #map(): Map<number, number> {
    if (!this.#real) {
      const m = new Map<number, number>();
      const ids = this.#ids!;
      const freqs = this.#freqs!;
      for (let i = 0; i < ids.length; i++) m.set(ids[i]!, freqs[i]!);
      this.#real = m;
      this.#ids = undefined;
      this.#freqs = undefined;
      if (this.#owner?.get(this.#field) === this) this.#owner.set(this.#field, m);
      this.#owner = undefined;
    }
    return this.#real;
  }

  #find(k: number): number {
    const ids = this.#ids!;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid]!;
      if (v === k) return mid;
      if (v < k) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  override get size(): number {
    return this.#ids ? this.#ids.length : this.#real!.size;
  }
  override get(k: number): number | undefined {
    if (!this.#ids) return this.#real!.get(k);
    const at = typeof k === 'number' ? this.#find(k) : -1;
    return at < 0 ? undefined : this.#freqs![at];
  }
  override has(k: number): boolean {
    if (!this.#ids) return this.#real!.has(k);
    return typeof k === 'number' && this.#find(k) >= 0;
  }
  override set(k: number, v: number): this {
    this.#map().set(k, v);
    return this;
  }
  override delete(k: number): boolean {
    return this.#map().delete(k);
  }
  override clear(): void {
    this.#map().clear();
  }
  override *keys(): MapIterator<number> {
    if (!this.#ids) return yield* this.#real!.keys();
    const ids = this.#ids;
    for (let i = 0; i < ids.length; i++) yield ids[i]!;
    return undefined;
  }
  override *values(): MapIterator<number> {
    if (!this.#ids) return yield* this.#real!.values();
    const freqs = this.#freqs!;
    for (let i = 0; i < freqs.length; i++) yield freqs[i]!;
    return undefined;
  }
  override *entries(): MapIterator<[number, number]> {
    if (!this.#ids) return yield* this.#real!.entries();
    const ids = this.#ids;
    const freqs = this.#freqs!;
    for (let i = 0; i < ids.length; i++) yield [ids[i]!, freqs[i]!];
    return undefined;
  }
  override [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }
  override forEach(cb: (v: number, k: number, m: Map<number, number>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this);
  }
}

/** Sorted entries of a posting as JSON would give them back (integer keys ascending). */
function sortedEntries(m: Map<number, number>): [number, number][] {
  return [...m].sort((a, b) => a[0] - b[0]);
}

/** The index as file bytes (see the file layout above); throws when the index holds what the format cannot store. */
export function encodeIndex(ms: MiniSearch<unknown>, extra: unknown): Buffer {
  const I = ms as unknown as Internals;
  const docs = [...I._documentIds.keys()].sort((a, b) => a - b);
  if (I._fieldLength.size !== docs.length || I._storedFields.size !== docs.length || docs.some((d) => !I._fieldLength.has(d) || !I._storedFields.has(d))) {
    throw new Error('the index documents, field lengths and stored fields do not match');
  }
  const nFields = Object.keys(I._fieldIds).length;
  const lengthsDense = docs.every((d) => {
    const l = I._fieldLength.get(d)!;
    return Array.isArray(l) && l.length === nFields && l.every((x) => Number.isInteger(x) && x >= 0 && x <= 0x7fffffff);
  });
  const storedKeys = new Set<string>();
  for (const d of docs) for (const k of Object.keys(I._storedFields.get(d) ?? { '': 0 })) storedKeys.add(k);
  const storedKey = storedKeys.size === 1 ? [...storedKeys][0]! : null;
  const uniformStored =
    storedKey !== null &&
    storedKey !== '' &&
    storedKey !== '__proto__' &&
    docs.every((d) => {
      const s = I._storedFields.get(d)!;
      return Object.getPrototypeOf(s) === Object.prototype && typeof s[storedKey] === 'string';
    });

  // Postings: per term, its fields ascending, each field's passages ascending.
  const terms: string[] = [];
  const shape: number[] = [];
  const lists: Map<number, number>[] = [];
  let total = 0;
  for (const [term, data] of I._index) {
    terms.push(term);
    const fields = [...data.keys()].sort((a, b) => a - b);
    shape.push(fields.length);
    for (const f of fields) {
      const list = data.get(f)!;
      shape.push(f, list.size);
      lists.push(list);
      total += list.size;
    }
  }
  const ids = new Uint32Array(total);
  const freqs = new Uint16Array(total);
  let at = 0;
  for (const list of lists) {
    const stored = list instanceof StoredPosting ? list.stored : undefined;
    if (stored) {
      ids.set(stored.ids, at);
      freqs.set(stored.freqs, at);
      at += stored.ids.length;
      continue;
    }
    for (const [id, f] of sortedEntries(list)) {
      if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new Error(`a posting names passage ${id}`);
      if (!Number.isInteger(f) || f < 0 || f > 0xffff) throw new Error(`a posting counts ${f}`);
      ids[at] = id;
      freqs[at++] = f;
    }
  }

  const storedValues: unknown[] = [];
  let storedIdx: Uint32Array | undefined;
  if (uniformStored) {
    const pos = new Map<string, number>();
    storedIdx = new Uint32Array(docs.length);
    docs.forEach((d, i) => {
      const v = I._storedFields.get(d)![storedKey] as string;
      let p = pos.get(v);
      if (p === undefined) {
        p = storedValues.length;
        pos.set(v, p);
        storedValues.push(v);
      }
      storedIdx![i] = p;
    });
  } else for (const d of docs) storedValues.push(I._storedFields.get(d) ?? null);
  let lengths: Int32Array | undefined;
  if (lengthsDense) {
    lengths = new Int32Array(docs.length * nFields);
    docs.forEach((d, i) => lengths!.set(I._fieldLength.get(d)!, i * nFields));
  }

  // Sections, 4-byte aligned after the header.
  type Blob = [keyof Header['sections'], Uint32Array | Uint16Array | Int32Array];
  const blobs: Blob[] = [['docs', Int32Array.from(docs)]];
  if (lengths) blobs.push(['lengths', lengths]);
  if (storedIdx) blobs.push(['stored', storedIdx]);
  blobs.push(['shape', Int32Array.from(shape)], ['ids', ids], ['freqs', freqs]);
  const sections = {} as Header['sections'];
  let offset = 0;
  for (const [name, arr] of blobs) {
    sections[name] = { at: offset, n: arr.length };
    offset += Math.ceil(arr.byteLength / 4) * 4;
  }
  const header: Header = {
    format: FORMAT,
    extra,
    documentCount: I._documentCount,
    nextId: I._nextId,
    fieldIds: I._fieldIds,
    averageFieldLength: I._avgFieldLength,
    dirtCount: I._dirtCount,
    documentIds: docs.map((d) => I._documentIds.get(d)!),
    fieldLength: lengthsDense ? null : docs.map((d) => I._fieldLength.get(d)),
    storedKey: uniformStored ? storedKey : null,
    storedValues,
    terms,
    sections,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Math.ceil((4 + head.length) / 4) * 4;
  const out = Buffer.alloc(start + offset);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  for (const [name, arr] of blobs) Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, start + sections[name]!.at);
  return out;
}

/** A stored index file that cannot be used, and why. */
export class StoredIndexError extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'StoredIndexError';
  }
}

/** The caller's data stored with an index (`extra`), read without building the index. */
export async function readIndexExtra(file: string): Promise<unknown> {
  const fh = await open(file, 'r');
  try {
    const len = Buffer.alloc(4);
    if ((await fh.read(len, 0, 4, 0)).bytesRead < 4) throw new StoredIndexError('truncated header');
    const n = len.readUInt32LE(0);
    const head = Buffer.alloc(n);
    if ((await fh.read(head, 0, n, 4)).bytesRead < n) throw new StoredIndexError('truncated header');
    return (parseHeader(head) as Header).extra;
  } finally {
    await fh.close();
  }
}

function parseHeader(bytes: Buffer): Header {
  let h: Header;
  try {
    h = JSON.parse(bytes.toString('utf8')) as Header;
  } catch {
    throw new StoredIndexError('unreadable header');
  }
  if (h?.format !== FORMAT) throw new StoredIndexError(`not a ${FORMAT} file`);
  return h;
}

/**
 * The index of a file written by `encodeIndex`, with `options` (the ones it was built with), and the
 * caller's `extra`. Throws `StoredIndexError` when the file is truncated, damaged or of another format.
 */
export async function loadIndexFile<T>(file: string, options: Options<T>): Promise<{ ms: MiniSearch<T>; extra: unknown }> {
  return decodeIndex(await readFile(file), options);
}

export function decodeIndex<T>(buf: Buffer, options: Options<T>): { ms: MiniSearch<T>; extra: unknown } {
  if (buf.length < 4) throw new StoredIndexError('truncated header');
  const n = buf.readUInt32LE(0);
  if (4 + n > buf.length) throw new StoredIndexError('truncated header');
  const h = parseHeader(buf.subarray(4, 4 + n));
  const start = Math.ceil((4 + n) / 4) * 4;
  // The sections are views of the read bytes (copied first when they are not 4-byte aligned).
  let body = new Uint8Array(buf.buffer, buf.byteOffset + Math.min(start, buf.length), Math.max(0, buf.length - start));
  if (body.byteOffset % 4) body = body.slice();
  const view = <A>(ref: SectionRef | undefined, Ctor: { new (b: ArrayBuffer, at: number, n: number): A; BYTES_PER_ELEMENT: number }, name: string): A => {
    if (!ref || !Number.isInteger(ref.at) || !Number.isInteger(ref.n) || ref.at < 0 || ref.n < 0 || ref.at % 4 || ref.at + ref.n * Ctor.BYTES_PER_ELEMENT > body.length) {
      throw new StoredIndexError(`section ${name} is missing or truncated`);
    }
    return new Ctor(body.buffer as ArrayBuffer, body.byteOffset + ref.at, ref.n);
  };
  const s = h.sections ?? ({} as Header['sections']);
  const docs = view(s.docs, Int32Array, 'docs');
  const shape = view(s.shape, Int32Array, 'shape');
  const ids = view(s.ids, Uint32Array, 'ids');
  const freqs = view(s.freqs, Uint16Array, 'freqs');
  const nFields = Object.keys(h.fieldIds ?? {}).length;
  const lengths = h.fieldLength === null ? view(s.lengths, Int32Array, 'lengths') : undefined;
  const stored = h.storedKey !== null ? view(s.stored, Uint32Array, 'stored') : undefined;
  if (!Array.isArray(h.documentIds) || h.documentIds.length !== docs.length || !Array.isArray(h.terms) || !Array.isArray(h.storedValues)) {
    throw new StoredIndexError('documents do not match');
  }
  if (lengths ? lengths.length !== docs.length * nFields : h.fieldLength?.length !== docs.length) throw new StoredIndexError('field lengths do not match');
  if (stored ? stored.length !== docs.length : h.storedValues.length !== docs.length) throw new StoredIndexError('stored fields do not match');

  // As MiniSearch.loadJS builds it, from an index with no documents; then the maps in JSON's key order.
  const ms = MiniSearch.loadJS<T>(
    {
      documentCount: h.documentCount,
      nextId: h.nextId,
      documentIds: {},
      fieldIds: h.fieldIds,
      fieldLength: {},
      averageFieldLength: h.averageFieldLength,
      storedFields: {},
      dirtCount: h.dirtCount,
      index: [],
      serializationVersion: 2,
    } as never,
    options,
  );
  const I = ms as unknown as Internals;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const id = h.documentIds[i]!;
    I._documentIds.set(d, id);
    if (lengths) {
      const l = new Array<number>(nFields);
      for (let f = 0; f < nFields; f++) l[f] = lengths[i * nFields + f]!;
      I._fieldLength.set(d, l);
    } else I._fieldLength.set(d, h.fieldLength![i] as number[]);
    if (stored) {
      const v = h.storedValues[stored[i]!];
      if (v === undefined) throw new StoredIndexError('stored fields do not match');
      I._storedFields.set(d, { [h.storedKey!]: v });
    } else I._storedFields.set(d, h.storedValues[i] as Record<string, unknown>);
  }
  for (const [shortId, id] of I._documentIds) I._idToShortId.set(id, shortId);
  let k = 0;
  let p = 0;
  for (const term of h.terms) {
    const data = new Map<number, Map<number, number>>();
    const fields = shape[k++];
    if (fields === undefined) throw new StoredIndexError('postings do not match the terms');
    for (let f = 0; f < fields; f++) {
      const field = shape[k++];
      const count = shape[k++];
      if (field === undefined || count === undefined || count < 0 || p + count > ids.length) throw new StoredIndexError('postings do not match the terms');
      data.set(field, new StoredPosting(ids.subarray(p, p + count), freqs.subarray(p, p + count), data, field));
      p += count;
    }
    I._index.set(term, data);
  }
  if (k !== shape.length || p !== ids.length || freqs.length !== ids.length) throw new StoredIndexError('postings do not match the terms');
  return { ms, extra: h.extra };
}
