/**
 * The figure facts (src/analysis/figures.ts) as the engines look them up: by sentence, by id,
 * the later values of one, those of a value, those of some kinds. At 10,000 articles they are
 * ~450k facts of 22 fields (~150 MB held); every reader wants a few of them at a time.
 *
 * Built in process, the facts are held as built (`figureFactsInMemory`). Read from a persisted
 * analysis file (`figureFactsOfSection`), only what the lookups need is held — per fact its
 * article, kind, value, counted noun and head, and where its JSON is in the section (~47 bytes
 * with the slot of the object once read: 21 MB at 10,000 articles); a fact is parsed from its own
 * bytes when asked for (one read of the file per article a lookup needs).
 * The answers are the same facts in the same order (corpus order) either way. A fact read from
 * the file stays the same object while anything holds it (a reader may compare facts by
 * identity), and the last few thousand read are kept.
 */
import type { FigureFact, FigureKind } from './figures.js';
import { spansInSlices, spansOf, type ByteSource, type Slicer, type Span } from './sliced-json.js';

/** The figure facts of a corpus, looked up. Every list is in corpus order (the order of `buildFigures`). */
export interface FigureFactIndex {
  /** How many facts there are. */
  readonly size: number;
  /** The facts of one sentence (none for a sentence with none, or one the corpus does not hold). */
  inSentence(sentenceId: string): FigureFact[];
  /** The fact with this id, if any. */
  byId(id: string): FigureFact | undefined;
  /** The facts that are later values of the fact `id` (`refersTo` it, with `later`). */
  updatesOf(id: string): FigureFact[];
  /** The facts of this value (`===`), and when `like` is given of its kind and head (no head: none). */
  withValue(value: number, like?: Pick<FigureFact, 'kind' | 'head'>): FigureFact[];
  /**
   * The facts of one of `kinds` whose counted noun or head contains `word` (every fact of those
   * kinds when `word` is null): a pre-filter, so a reader's own test runs on few facts.
   */
  ofKinds(kinds: ReadonlySet<FigureKind>, word?: string | null): FigureFact[];
  /** Every fact (reads all of them: tools and tests). */
  all(): FigureFact[];
}

const sameKind = (f: Pick<FigureFact, 'kind' | 'head'>, like: Pick<FigureFact, 'kind' | 'head'>) => f.kind === like.kind && (f.head ?? '') === (like.head ?? '');
const hasWord = (f: FigureFact, word: string | null | undefined) => word == null || !!f.head?.includes(word) || !!f.noun?.includes(word);

/** The facts as built (or read whole): every lookup from memory. */
export function figureFactsInMemory(figures: FigureFact[]): FigureFactIndex {
  let bySentence: Map<string, FigureFact[]> | undefined;
  let ids: Map<string, FigureFact> | undefined;
  let later: Map<string, FigureFact[]> | undefined;
  const push = <K>(m: Map<K, FigureFact[]>, k: K, f: FigureFact) => {
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  };
  return {
    size: figures.length,
    inSentence(sentenceId) {
      if (!bySentence) {
        bySentence = new Map();
        for (const f of figures) push(bySentence, f.sentenceId, f);
      }
      return [...(bySentence.get(sentenceId) ?? [])];
    },
    byId(id) {
      ids ??= new Map(figures.map((f) => [f.id, f]));
      return ids.get(id);
    },
    updatesOf(id) {
      if (!later) {
        later = new Map();
        for (const f of figures) if (f.refersTo && f.later) push(later, f.refersTo, f);
      }
      return [...(later.get(id) ?? [])];
    },
    withValue: (value, like) => figures.filter((f) => f.value === value && (!like || sameKind(f, like))),
    ofKinds: (kinds, word) => figures.filter((f) => kinds.has(f.kind) && hasWord(f, word)),
    all: () => [...figures],
  };
}

/** The article a fact id (`<sentence id>@<offset>`) or sentence id (`<article>:p<n>:s<m>`, `<article>:byline:<offset>`) is of. */
export function articleOfId(id: string): string | null {
  const m = /^(.*):(?:p\d+:s\d+|byline:\d+)(?:@\d+)?$/.exec(id);
  return m ? m[1]! : null;
}

/** A section of the analysis file holding `{ version, figures: [...] }` (src/analysis/file.ts). */
export interface FigureFactsSection {
  readonly size: number;
  bytesAt(from: number, to: number): Buffer;
  windowed(): ByteSource;
}

/**
 * What reading a fact from the file does besides parsing it: `check` that it fits the corpus (throws when
 * it does not; every fact is checked when the index is made), and `hydrate` one that is kept (checks it and
 * shares its strings).
 */
export interface FactReader {
  check(f: FigureFact): void;
  hydrate(f: FigureFact): void;
}

/** Facts read from the file kept strongly (the most recent), beside those something else still holds. */
const KEPT = 16_384;
/** Bytes of facts' JSON parsed per `JSON.parse` when the index is made in one step. */
const RUN_BYTES = 256 << 10;

/** What is held per fact, and per article (a run of facts), to find facts without holding them. */
class Skeleton {
  n = 0;
  article = new Uint32Array(1024);
  kind = new Uint8Array(1024);
  value = new Float64Array(1024);
  head = new Int32Array(1024);
  noun = new Int32Array(1024);
  start = new Float64Array(1024);
  end = new Float64Array(1024);
  kinds: string[] = [];
  kindCode = new Map<string, number>();
  strings: string[] = [];
  stringCode = new Map<string, number>();
  /** Per run: its article id and its first fact (`runFirst[r + 1]` ends it). */
  runArticle: string[] = [];
  runFirst: number[] = [];
  runOf = new Map<string, number>();
  /** Later values by the id they refer to. */
  later = new Map<string, number[]>();

  add(f: FigureFact, start: number, end: number): void {
    if (!f || typeof f !== 'object' || typeof f.id !== 'string' || typeof f.articleId !== 'string' || typeof f.sentenceId !== 'string' || typeof f.kind !== 'string' || typeof f.value !== 'number') throw new TypeError('not a figure fact');
    // Lookups by id and by sentence go through the article the id names: it must be the fact's.
    if (articleOfId(f.id) !== f.articleId || articleOfId(f.sentenceId) !== f.articleId) throw new TypeError(`figure fact ${f.id} is not of article ${f.articleId}`);
    const i = this.n++;
    if (i >= this.article.length) this.grow();
    let run = this.runArticle.length - 1;
    if (run < 0 || this.runArticle[run] !== f.articleId) {
      if (this.runOf.has(f.articleId)) throw new TypeError(`figure facts of article ${f.articleId} are not together`);
      run = this.runArticle.push(f.articleId) - 1;
      this.runFirst.push(i);
      this.runOf.set(f.articleId, run);
    }
    this.article[i] = run;
    let k = this.kindCode.get(f.kind);
    if (k === undefined) {
      k = this.kinds.push(f.kind) - 1;
      if (k > 255) throw new TypeError('too many figure kinds');
      this.kindCode.set(f.kind, k);
    }
    this.kind[i] = k;
    this.value[i] = f.value;
    this.head[i] = this.code(f.head);
    this.noun[i] = this.code(f.noun);
    this.start[i] = start;
    this.end[i] = end;
    if (f.refersTo && f.later) {
      const list = this.later.get(f.refersTo);
      if (list) list.push(i);
      else this.later.set(f.refersTo, [i]);
    }
  }

  private code(s: string | null | undefined): number {
    if (typeof s !== 'string') return -1;
    let c = this.stringCode.get(s);
    if (c === undefined) {
      c = this.strings.push(s) - 1;
      this.stringCode.set(s, c);
    }
    return c;
  }

  private grow(): void {
    const size = this.article.length * 2;
    const more = <T extends Uint32Array | Uint8Array | Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.article = more(this.article);
    this.kind = more(this.kind);
    this.value = more(this.value);
    this.head = more(this.head);
    this.noun = more(this.noun);
    this.start = more(this.start);
    this.end = more(this.end);
  }

  /** Trimmed to its size, the string table's map let go (lookups compare strings through `strings`). */
  finish(): this {
    const n = this.n;
    this.article = this.article.slice(0, n);
    this.kind = this.kind.slice(0, n);
    this.value = this.value.slice(0, n);
    this.head = this.head.slice(0, n);
    this.noun = this.noun.slice(0, n);
    this.start = this.start.slice(0, n);
    this.end = this.end.slice(0, n);
    this.runFirst.push(n);
    this.stringCode = new Map();
    return this;
  }
}

/** The item spans of the `figures` array, from the scan of a `{ version, figures }` object (`keys`: each item's key). */
function figureSpansOf(kids: Span[], array: boolean, keys: (kid: Span) => string): Span[] {
  if (array) throw new TypeError('figure facts: not an object');
  const kid = kids.find((k) => keys(k) === 'figures');
  if (!kid) throw new TypeError('figure facts: no `figures`');
  if (!kid.array || !kid.kids) throw new TypeError('figure facts: `figures` is not an array');
  return kid.kids;
}

/** Parse a run of items `[a, b)` of `spans` from their bytes (`text` is bytes `[spans[a].start, spans[b-1].end)`), adding each to `sk`. */
function addRun(sk: Skeleton, spans: Span[], a: number, b: number, text: string, reader: FactReader): void {
  const items = JSON.parse(`[${text}]`) as FigureFact[];
  if (items.length !== b - a) throw new SyntaxError('figure facts: items do not match their scan');
  for (let k = 0; k < items.length; k++) {
    reader.check(items[k]!);
    sk.add(items[k]!, spans[a + k]!.start, spans[a + k]!.end);
  }
}

/** Runs of item spans of at most ~`bytes` (an item larger than that on its own). */
function* runsOf(spans: Span[], bytes: number): Generator<[number, number]> {
  for (let a = 0; a < spans.length; ) {
    let b = a + 1;
    while (b < spans.length && spans[b]!.end - spans[a]!.start <= bytes) b++;
    yield [a, b];
    a = b;
  }
}

/**
 * The index of the figure facts in a file section, made now: the section is read whole once (every
 * fact checked by `reader.check`, as a whole read checks it), and only what the lookups need is kept.
 * Throws what a whole read would throw for a section that is damaged or does not fit the corpus.
 */
export function figureFactsOfSection(section: FigureFactsSection, reader: FactReader): FigureFactIndex {
  const buf = section.bytesAt(0, section.size);
  const { array, kids } = spansOf(buf);
  const spans = figureSpansOf(kids, array, (kid) => JSON.parse(buf.toString('utf8', kid.start, kid.value - 1)) as string);
  const sk = new Skeleton();
  for (const [a, b] of runsOf(spans, RUN_BYTES)) addRun(sk, spans, a, b, buf.toString('utf8', spans[a]!.start, spans[b - 1]!.end), reader);
  return storedIndex(sk.finish(), section, reader);
}

/** `figureFactsOfSection`, its bytes read a window at a time and parsed in slices (the warm-up). */
export async function figureFactsOfSectionInSlices(section: FigureFactsSection, reader: FactReader, slicer: Slicer): Promise<FigureFactIndex> {
  const src = section.windowed();
  const { array, kids } = await spansInSlices(src, slicer);
  const keys = new Map<Span, string>();
  for (const kid of array ? [] : kids) keys.set(kid, JSON.parse((await src.bytes(kid.start, kid.value - 1)).toString('utf8')) as string);
  const spans = figureSpansOf(kids, array, (kid) => keys.get(kid)!);
  const sk = new Skeleton();
  // A turn's share of JSON parsed per run (the slicer's bytes per turn).
  for (const [a, b] of runsOf(spans, slicer.bytesPerTurn)) {
    addRun(sk, spans, a, b, (await src.bytes(spans[a]!.start, spans[b - 1]!.end)).toString('utf8'), reader);
    await slicer.turn();
  }
  return storedIndex(sk.finish(), section, reader);
}

/** Lookups over a skeleton, each fact parsed from the section when asked for. */
function storedIndex(sk: Skeleton, section: FigureFactsSection, reader: FactReader): FigureFactIndex {
  const n = sk.n;
  // A fact read stays the same object while anything holds it; `kept` holds the last KEPT read.
  const refs: (WeakRef<FigureFact> | undefined)[] = new Array(n);
  const gone = new FinalizationRegistry<number>((i) => {
    if (refs[i] && !refs[i]!.deref()) refs[i] = undefined;
  });
  const kept: FigureFact[] = new Array(KEPT);
  let next = 0;
  const known = (i: number) => refs[i]?.deref();

  /**
   * The facts at `idx` (ascending, of one article), read from the file where not held: the bytes from
   * the first to the last in one read, and only the facts not held parsed, each from its own bytes.
   */
  const read = (idx: readonly number[]): FigureFact[] => {
    const out: FigureFact[] = new Array(idx.length);
    let missing = false;
    for (let k = 0; k < idx.length; k++) if (!(out[k] = known(idx[k]!)!)) missing = true;
    if (!missing) return out;
    const base = sk.start[idx[0]!]!;
    const buf = section.bytesAt(base, sk.end[idx[idx.length - 1]!]!);
    for (let k = 0; k < idx.length; k++) {
      if (out[k]) continue;
      const i = idx[k]!;
      const f = JSON.parse(buf.toString('utf8', sk.start[i]! - base, sk.end[i]! - base)) as FigureFact;
      if (f?.articleId !== sk.runArticle[sk.article[i]!] || (f.value !== sk.value[i] && !(Number.isNaN(f.value) && Number.isNaN(sk.value[i])))) throw new SyntaxError('figure facts: the file does not hold what it held when read');
      reader.hydrate(f);
      refs[i] = new WeakRef(f);
      gone.register(f, i);
      kept[next] = f;
      next = (next + 1) % KEPT;
      out[k] = f;
    }
    return out;
  };
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

  /** The facts at `idx` (ascending), each article's read in one go. */
  const facts = (idx: number[]): FigureFact[] => {
    const out: FigureFact[] = [];
    for (let a = 0; a < idx.length; ) {
      const run = sk.article[idx[a]!]!;
      let b = a + 1;
      while (b < idx.length && sk.article[idx[b]!] === run) b++;
      out.push(...read(idx.slice(a, b)));
      a = b;
    }
    return out;
  };

  const ofArticle = (articleId: string | null): FigureFact[] => {
    const run = articleId === null ? undefined : sk.runOf.get(articleId);
    if (run === undefined) return [];
    const from = sk.runFirst[run]!;
    const to = sk.runFirst[run + 1]!;
    return from < to ? read(range(from, to)) : [];
  };

  return {
    size: n,
    inSentence: (sentenceId) => ofArticle(articleOfId(sentenceId)).filter((f) => f.sentenceId === sentenceId),
    byId: (id) => ofArticle(articleOfId(id)).find((f) => f.id === id),
    updatesOf: (id) => facts(sk.later.get(id) ?? []),
    withValue(value, like) {
      const kind = like ? sk.kindCode.get(like.kind) : undefined;
      if (like && kind === undefined) return [];
      // No head is the empty head (`(head ?? '')`): either code.
      const head = like ? (like.head ?? '') : '';
      const idx: number[] = [];
      for (let i = 0; i < n; i++) {
        if (sk.value[i] !== value) continue;
        if (like && (sk.kind[i] !== kind || (sk.head[i]! < 0 ? '' : sk.strings[sk.head[i]!]) !== head)) continue;
        idx.push(i);
      }
      return facts(idx);
    },
    ofKinds(kinds, word) {
      const codes = new Set([...kinds].map((k) => sk.kindCode.get(k)).filter((c): c is number => c !== undefined));
      if (!codes.size) return [];
      const fits = new Map<number, boolean>();
      const has = (c: number) => {
        if (c < 0) return false;
        let v = fits.get(c);
        if (v === undefined) fits.set(c, (v = sk.strings[c]!.includes(word!)));
        return v;
      };
      const idx: number[] = [];
      for (let i = 0; i < n; i++) if (codes.has(sk.kind[i]!) && (word == null || has(sk.head[i]!) || has(sk.noun[i]!))) idx.push(i);
      return facts(idx);
    },
    all: () => facts(range(0, n)),
  };
}
