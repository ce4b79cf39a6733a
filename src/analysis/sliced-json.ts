/**
 * `JSON.parse` of a large buffer in slices, with a turn of the event loop between them
 * (issue 14, "never late for Discord"). A section of the analysis file is one JSON value of
 * up to ~170 MB at 10,000 articles (the figure facts); parsed in one call it held the main
 * thread for seconds after every worker rebuild. Here the value's top two levels are found by a
 * scan (strings and escapes honoured), and its items are parsed a few hundred KB at a time:
 * the result is the value `JSON.parse` gives (same items, same key order, `__proto__` kept as an
 * own key, 1e999 read as Infinity), built from the same `JSON.parse` calls on its pieces.
 * The bytes come from a `ByteSource`: a buffer, or a file read a window at a time
 * (`windowedSource`), so a section's bytes are never held whole while it is parsed (at
 * 10,000 articles the figure facts' 169 MB were most of the peak of a warm start).
 */

/** How finely a slow step is cut: bytes of JSON (or items of a list) per turn, and the turn itself. */
export interface Slicer {
  /** JSON bytes parsed per turn (scanning counts a quarter: it is ~4× cheaper than parsing). */
  bytesPerTurn: number;
  /** Items of a list hydrated per turn (sentence ids resolved, entities made, …). */
  itemsPerTurn: number;
  /** Yield to the event loop (resolves on a later turn). */
  turn: () => Promise<void>;
}

/** A slicer's running account: `spend` yields once a turn's share of work is done. */
export interface Budget {
  readonly slicer: Slicer;
  spend(bytes: number): Promise<void> | undefined;
}

export function budgetOf(slicer: Slicer): Budget {
  let used = 0;
  return {
    slicer,
    spend(bytes) {
      used += bytes;
      if (used < slicer.bytesPerTurn) return undefined;
      used = 0;
      return slicer.turn();
    },
  };
}

/** Call `fn` on every item of `list`, `slicer.itemsPerTurn` items per turn (an item weighing `weight(item)` counts as that many). */
export async function eachInSlices<T>(list: readonly T[], slicer: Slicer, fn: (item: T, i: number) => void, weight?: (item: T) => number): Promise<void> {
  const per = Math.max(1, slicer.itemsPerTurn);
  for (let i = 0, done = 0; i < list.length; i++) {
    fn(list[i]!, i);
    done += weight ? weight(list[i]!) : 1;
    if (done >= per && i < list.length - 1) {
      done = 0;
      await slicer.turn();
    }
  }
}

/** `list.map(fn)`, in slices as `eachInSlices`. */
export async function mapInSlices<T, U>(list: readonly T[], slicer: Slicer, fn: (item: T, i: number) => U, weight?: (item: T) => number): Promise<U[]> {
  const out: U[] = new Array<U>(list.length);
  await eachInSlices(list, slicer, (x, i) => (out[i] = fn(x, i)), weight);
  return out;
}

/** One item of a container: its bytes `[start, end)`, where its value starts (after the key, in an object), and its own items when it is a container. */
export interface Span {
  start: number;
  end: number;
  value: number;
  /** The item is an array (`true`) or object (`false`) whose items are `kids`; absent when it is not a container. */
  array?: boolean;
  kids?: Span[];
}

/**
 * The bytes of one JSON value, read in ranges: positions are the value's own (0 to `length`). What
 * `bytes` returns is used before the next call (a windowed source may reuse its buffer).
 */
export interface ByteSource {
  readonly length: number;
  bytes(from: number, to: number): Buffer | Promise<Buffer>;
}

/** A buffer as a source. */
export const bufferSource = (buf: Buffer): ByteSource => ({ length: buf.length, bytes: (from, to) => buf.subarray(from, to) });

/**
 * `length` bytes read by `read(into, at, bytes, position)` (which reads up to `bytes`, returns how many,
 * 0 at the end) a window of `window` bytes at a time, into one buffer reused for every window; a range
 * longer than a window (one value that large) is read into a buffer of its own. A short read throws `short()`.
 */
export function windowedSource(length: number, read: (into: Buffer, at: number, bytes: number, position: number) => Promise<number>, window: number, short: () => Error): ByteSource {
  const buf = Buffer.allocUnsafe(Math.max(1, Math.min(window, length)));
  let from = 0;
  let to = 0;
  const fill = async (into: Buffer, start: number, bytes: number) => {
    for (let got = 0; got < bytes; ) {
      const n = await read(into, got, bytes - got, start + got);
      if (n <= 0) throw short();
      got += n;
    }
  };
  return {
    length,
    async bytes(a, b) {
      if (a < 0 || b > length || b < a) throw short();
      if (a >= from && b <= to) return buf.subarray(a - from, b - from);
      if (b - a > buf.length) {
        const own = Buffer.allocUnsafe(b - a);
        await fill(own, a, b - a);
        return own;
      }
      const end = Math.min(length, a + buf.length);
      // Marked empty while it is read: a failed read leaves no stale window.
      from = to = 0;
      await fill(buf, a, end - a);
      from = a;
      to = end;
      return buf.subarray(0, b - a);
    },
  };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** `JSON.parse(buf.toString('utf8'))`, in slices. Throws what `JSON.parse` throws on malformed input (a SyntaxError). */
export async function parseJsonInSlices(buf: Buffer | ByteSource, slicer: Slicer): Promise<unknown> {
  const src = Buffer.isBuffer(buf) ? bufferSource(buf) : buf;
  return valueOf(src, 0, src.length, budgetOf(slicer));
}

/**
 * The entries of a JSON object, given one by one to `fn` as they are parsed (in slices, as
 * `parseJsonInSlices`), the object itself never built: a caller that takes each entry in (hydrates
 * it, drops it) never holds the whole value parsed. The whole object is scanned before the first
 * entry is given, so input JSON.parse refuses for its brackets, commas or strings gives none;
 * a bad value inside an entry throws once the entries before it were given. Throws a TypeError
 * when the value is not an object.
 */
export async function eachEntryInSlices(buf: Buffer | ByteSource, slicer: Slicer, fn: (key: string, value: unknown) => void): Promise<void> {
  const src = Buffer.isBuffer(buf) ? bufferSource(buf) : buf;
  const budget = budgetOf(slicer);
  const { first, at } = await firstByte(src, 0, src.length);
  if (src.length <= slicer.bytesPerTurn || first !== OPEN_OBJECT) {
    const value = await parseRange(src, 0, src.length);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('not a JSON object');
    for (const k of Object.keys(value)) fn(k, (value as Record<string, unknown>)[k]);
    return;
  }
  const { array, kids, close } = await scan(src, at, src.length, budget);
  // Anything after the object but whitespace is JSON.parse's error to report.
  if (!(await onlySpace(src, close + 1, src.length))) await parseRange(src, 0, src.length);
  await assemble(src, array, kids, budget, fn);
}

/**
 * Where the items of the JSON container `src` holds are (two levels: each item's own items when it
 * is a container), scanned in slices, nothing parsed: a reader can then parse one item, or a run of
 * them, from its bytes alone. Throws what `JSON.parse` throws on malformed input, and a TypeError
 * when the value is not an array or object.
 */
export async function spansInSlices(src: ByteSource, slicer: Slicer): Promise<{ array: boolean; kids: Span[] }> {
  const { first, at } = await firstByte(src, 0, src.length);
  if (first !== OPEN_ARRAY && first !== OPEN_OBJECT) {
    await parseRange(src, 0, src.length);
    throw new TypeError('not a JSON array or object');
  }
  const { array, kids, close } = await scan(src, at, src.length, budgetOf(slicer));
  if (!(await onlySpace(src, close + 1, src.length))) await parseRange(src, 0, src.length);
  return { array, kids };
}

/** `spansInSlices` of a buffer, in one step. */
export function spansOf(buf: Buffer): { array: boolean; kids: Span[] } {
  let at = 0;
  while (at < buf.length && isSpace(buf[at]!)) at++;
  const opener = buf[at];
  if (opener !== OPEN_ARRAY && opener !== OPEN_OBJECT) {
    JSON.parse(buf.toString('utf8'));
    throw new TypeError('not a JSON array or object');
  }
  const st = scanState(opener, at);
  const end = scanChunk(st, buf, 0, at + 1, buf.length);
  let rest = end;
  while (rest < buf.length && isSpace(buf[rest]!)) rest++;
  if (st.close < 0 || st.malformed || rest < buf.length) {
    JSON.parse(buf.toString('utf8'));
    throw new SyntaxError('malformed JSON');
  }
  return { array: st.array, kids: st.kids };
}

/** The first byte of `[from, to)` that is not whitespace (-1 if none), and where it is. */
async function firstByte(src: ByteSource, from: number, to: number): Promise<{ first: number; at: number }> {
  for (let o = from; o < to; ) {
    const head = await src.bytes(o, Math.min(to, o + PEEK));
    let k = 0;
    while (k < head.length && isSpace(head[k]!)) k++;
    if (k < head.length) return { first: head[k]!, at: o + k };
    o += k;
  }
  return { first: -1, at: to };
}

/** Whether `[from, to)` is whitespace only. */
async function onlySpace(src: ByteSource, from: number, to: number): Promise<boolean> {
  for (let i = from; i < to; i += PEEK) {
    const tail = await src.bytes(i, Math.min(to, i + PEEK));
    for (const b of tail) if (!isSpace(b)) return false;
  }
  return true;
}

const parseRange = async (src: ByteSource, from: number, to: number) => JSON.parse((await src.bytes(from, to)).toString('utf8')) as unknown;

/** Bytes read for a look at what starts a value (whitespace before it, then its first byte). */
const PEEK = 4096;

async function valueOf(src: ByteSource, from: number, to: number, budget: Budget): Promise<unknown> {
  const big = to - from > budget.slicer.bytesPerTurn;
  // The first byte that is not whitespace (only a large value needs it).
  const { first, at: o } = big ? await firstByte(src, from, to) : { first: -1, at: from };
  if (!big || (first !== OPEN_ARRAY && first !== OPEN_OBJECT)) {
    const value = await parseRange(src, from, to);
    await budget.spend(to - from);
    return value;
  }
  const { array, kids, close } = await scan(src, o, to, budget);
  // Anything after the container but whitespace is JSON.parse's error to report.
  if (!(await onlySpace(src, close + 1, to))) return parseRange(src, from, to);
  return assemble(src, array, kids, budget);
}

/** A container's value from its items: runs of small items parsed together, a large one on its own (in slices). */
async function assemble(src: ByteSource, array: boolean, kids: Span[], budget: Budget, sink?: (key: string, value: unknown) => void): Promise<unknown> {
  const out: unknown[] | Record<string, unknown> = array ? [] : {};
  const put = (key: string | undefined, value: unknown) => {
    if (sink && !array) sink(key!, value);
    else if (array) (out as unknown[]).push(value);
    // JSON.parse makes "__proto__" an own key; an assignment would set the prototype instead.
    else if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
    else (out as Record<string, unknown>)[key!] = value;
  };
  let runFrom = -1;
  let runTo = -1;
  // A full run (the next item would not fit) is a turn's share of work: the turn follows it.
  const flush = async (full = false) => {
    if (runFrom < 0) return;
    const text = (await src.bytes(runFrom, runTo)).toString('utf8');
    const part = JSON.parse(array ? `[${text}]` : `{${text}}`) as unknown[] | Record<string, unknown>;
    if (array) for (const x of part as unknown[]) put(undefined, x);
    else for (const k of Object.keys(part)) put(k, (part as Record<string, unknown>)[k]);
    const bytes = full ? Math.max(runTo - runFrom, budget.slicer.bytesPerTurn) : runTo - runFrom;
    runFrom = runTo = -1;
    await budget.spend(bytes);
  };
  const max = budget.slicer.bytesPerTurn;
  for (const kid of kids) {
    if (kid.end - kid.start > max) {
      await flush();
      const key = array ? undefined : (JSON.parse((await src.bytes(kid.start, kid.value - 1)).toString('utf8')) as string);
      const value = kid.kids ? await assemble(src, kid.array!, kid.kids, budget) : await valueOf(src, kid.value, kid.end, budget);
      put(key, value);
      continue;
    }
    if (runFrom >= 0 && kid.end - runFrom > max) await flush(true);
    if (runFrom < 0) runFrom = kid.start;
    runTo = kid.end;
  }
  await flush();
  return out;
}

/**
 * The items of the container opening at `open` (and the items of each item that is a container:
 * two levels, enough for every section; a deeper large item is scanned again when it is parsed).
 * Malformed input (unbalanced, a bad string) ends in a JSON.parse of the whole range, which throws.
 */
async function scan(src: ByteSource, open: number, to: number, budget: Budget): Promise<{ array: boolean; kids: Span[]; close: number }> {
  const opener = (await src.bytes(open, open + 1))[0]!;
  const st = scanState(opener, open);
  // The scan runs in a plain loop (a chunk per call) so it is optimised; between chunks, turns.
  const chunk = Math.max(1, budget.slicer.bytesPerTurn * 4);
  for (let i = open + 1; i < to && st.close < 0; ) {
    const from = i;
    const end = Math.min(to, i + chunk);
    // A chunk's positions are the value's; its bytes a window's (an escape's second byte may lie past `end`: skipped).
    i = scanChunk(st, await src.bytes(from, end), from, from, end);
    await budget.spend((i - from) / 4);
  }
  // Unbalanced or otherwise malformed: JSON.parse of the whole range throws its own error.
  if (st.close < 0 || st.malformed) await parseRange(src, open, to);
  return { array: st.array, kids: st.kids, close: st.close };
}

interface ScanState {
  array: boolean;
  kids: Span[];
  /** The depth-1 item being read, and whether it has bytes other than whitespace. */
  kid: Span;
  content1: boolean;
  /** The depth-2 item being read. */
  grand: Span | undefined;
  content2: boolean;
  depth: number;
  /** The open brackets (a close must match), and input JSON.parse would refuse that the pieces might not show. */
  stack: number[];
  malformed: boolean;
  /** Inside a string (a chunk may end in one; an escape's second byte is skipped even past a chunk's end). */
  inString: boolean;
  close: number;
}

/** The state of a scan of the container whose opening bracket `opener` is at `open`. */
function scanState(opener: number, open: number): ScanState {
  return { array: opener === OPEN_ARRAY, kids: [], kid: { start: open + 1, end: -1, value: open + 1 }, content1: false, grand: undefined, content2: false, depth: 1, stack: [opener], malformed: false, inString: false, close: -1 };
}

/** Scan `[from, end)`, whose bytes are `buf` from position `base`; returns where it stopped (past the closing bracket, or `end`). */
function scanChunk(st: ScanState, buf: Buffer, base: number, from: number, end: number): number {
  let { kid, content1, grand, content2, depth, inString } = st;
  const { kids, stack } = st;
  let i = from;
  for (; i < end; i++) {
    const b = buf[i - base]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
      continue;
    }
    if (b === QUOTE) {
      inString = true;
      if (depth === 1) content1 = true;
      else if (depth === 2) content2 = true;
    } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      depth++;
      stack.push(b);
      if (depth === 2) {
        content1 = true;
        kid.array = b === OPEN_ARRAY;
        kid.kids = [];
        grand = { start: i + 1, end: -1, value: i + 1 };
        content2 = false;
      } else if (depth === 3) content2 = true;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
      if (stack.pop() !== (b === CLOSE_ARRAY ? OPEN_ARRAY : OPEN_OBJECT)) st.malformed = true;
      depth--;
      if (depth === 0) {
        if (content1) kids.push({ ...kid, end: i });
        else if (kids.length) st.malformed = true; // a trailing comma
        st.close = i;
        i++;
        break;
      }
      if (depth === 1 && grand) {
        if (content2) kid.kids!.push({ ...grand, end: i });
        else if (kid.kids!.length) st.malformed = true;
        grand = undefined;
      }
    } else if (b === COMMA) {
      if (depth === 1) {
        if (!content1) st.malformed = true; // an empty item
        kids.push({ ...kid, end: i });
        kid = { start: i + 1, end: -1, value: i + 1 };
        content1 = false;
      } else if (depth === 2 && grand) {
        if (!content2) st.malformed = true;
        kid.kids!.push({ ...grand, end: i });
        grand = { start: i + 1, end: -1, value: i + 1 };
        content2 = false;
      }
    } else if (b === COLON) {
      if (depth === 1) {
        if (st.array || kid.value !== kid.start) st.malformed = true;
        kid.value = i + 1;
      } else if (depth === 2 && grand) {
        if (kid.array || grand.value !== grand.start) st.malformed = true;
        grand.value = i + 1;
      }
    } else if (!isSpace(b)) {
      if (depth === 1) content1 = true;
      else if (depth === 2) content2 = true;
    }
  }
  Object.assign(st, { kid, content1, grand, content2, depth, inString });
  return i;
}
