/**
 * The analysis as plain data, and back. Everything that points into the corpus is
 * written as a sentence id (plus offsets inside that sentence), never as a copy of
 * the text, and is resolved against the loaded corpus on the way back; a reference
 * the corpus does not hold makes the whole part unusable (`StaleAnalysisError`), so
 * a file written for other articles can never be half-applied.
 *
 * Fields are copied generically (all but the corpus references), so a field added
 * to an entity, mention, event or figure round-trips without a change here, as long
 * as it is plain JSON data.
 */
import type { Article, Corpus, Paragraph, Sentence } from '../types.js';
import type { Entity, EntityIndex, EntityMention } from '../index/entities.js';
import type { Fact, Facts } from './facts.js';
import type { EventMember, MergedEvent, TimelineBuild } from './events.js';
import type { Figure } from './digest-figures.js';
import { eachInSlices, mapInSlices, type Slicer } from './sliced-json.js';

/** A persisted part refers to a sentence or article the corpus does not have. */
export class StaleAnalysisError extends Error {
  constructor(what: string) {
    super(`the analysis refers to ${what}, which the corpus does not hold`);
    this.name = 'StaleAnalysisError';
  }
}

/** Resolves sentence ids against one corpus. */
export interface Resolver {
  article(id: string): Article;
  /** A body sentence, or a byline pseudo-sentence (`<article>:byline:<offset>`, `length` characters long). */
  sentence(id: string, length?: number): Sentence;
  /** Map every sentence of the corpus now, a slice of articles per turn (else the map is made in one step, by the lookup that first needs it). */
  mapInSlices(slicer: Slicer): Promise<void>;
}

const BYLINE_RE = /^(.*):byline:(\d+)$/;
/** Lookups a resolver answers through the article before it maps every sentence of the corpus (a first /who at 10,000 articles makes ~3,000). */
const DIRECT_LOOKUPS = 20_000;

export function resolverFor(corpus: Corpus): Resolver {
  let byId: Map<string, Sentence> | undefined;
  // Until every sentence is mapped (the warm-up maps them in slices, or after DIRECT_LOOKUPS), a sentence is
  // found through its article by the numbers in its id (`<article id>:p<paragraph>:s<sentence>`,
  // src/corpus/load.ts), checked by the id: a first /who resolves a few thousand mentions, and mapping the
  // whole corpus for them (361k ids hashed at 10,000 articles) cost ~250-300 ms of CPU.
  let direct = 0;
  const article = (id: string): Article => {
    const a = corpus.byId.get(id);
    if (!a) throw new StaleAnalysisError(`article ${id}`);
    return a;
  };
  const inArticle = (id: string): Sentence | undefined => {
    const sAt = id.lastIndexOf(':s');
    const pAt = sAt > 0 ? id.lastIndexOf(':p', sAt - 1) : -1;
    if (pAt <= 0) return undefined;
    const a = corpus.byId.get(id.slice(0, pAt));
    if (!a) return undefined;
    const pi = Number(id.slice(pAt + 2, sAt));
    let p: Paragraph | undefined = a.paragraphs[pi];
    if (p?.index !== pi) p = a.paragraphs.find((q) => q.index === pi);
    const s = p?.sentences[Number(id.slice(sAt + 2))];
    return s?.id === id ? s : undefined;
  };
  const mapAll = (map: Map<string, Sentence>) => {
    byId ??= map;
  };
  return {
    article,
    async mapInSlices(slicer) {
      if (byId) return;
      const map = new Map<string, Sentence>();
      // ~40 sentences an article: itemsPerTurn sentences a turn.
      await eachInSlices(corpus.articles, { ...slicer, itemsPerTurn: Math.max(1, Math.floor(slicer.itemsPerTurn / 40)) }, (a) => {
        for (const s of a.sentences) map.set(s.id, s);
      });
      mapAll(map);
    },
    sentence(id, length) {
      if (!byId && ++direct <= DIRECT_LOOKUPS) {
        const s = inArticle(id);
        if (s) return s;
      }
      // Bylines sit outside the body (see addBylines in src/index/entities.ts): rebuilt from the raw text.
      const m = BYLINE_RE.exec(id);
      if ((!m || direct > DIRECT_LOOKUPS) && !byId) {
        // Many lookups (a part hydrated whole: events resolve ~230k at 10,000 articles), or an id of another form: every sentence mapped once.
        const map = new Map<string, Sentence>();
        for (const a of corpus.articles) for (const s of a.sentences) map.set(s.id, s);
        mapAll(map);
      }
      const s = byId?.get(id);
      if (s) return s;
      if (m && length !== undefined) {
        const a = article(m[1]!);
        const at = Number(m[2]);
        if (at + length <= a.raw.length) return { id, articleId: a.id, paragraph: -1, index: -1, start: at, end: at + length, text: a.raw.slice(at, at + length) };
      }
      throw new StaleAnalysisError(`sentence ${id}`);
    },
  };
}

// --- entities -------------------------------------------------------------------------

type Plain = Record<string, unknown>;
export interface MentionJson extends Plain {
  s: string;
}
interface EntityJson extends Plain {
  mentions: MentionJson[];
}
export interface EntitiesJson {
  entities: EntityJson[];
  /** byKey as entity positions, in the builder's order (lookups rank ties by it). */
  byKey: [string, number[]][];
}
/** The entities without their mentions, each with its mention count (`n`): what a lookup reads. */
export interface EntityHeadsJson {
  entities: (Plain & { n: number })[];
  byKey: [string, number[]][];
}

export function entitiesToJson(index: EntityIndex): EntitiesJson {
  const pos = new Map(index.entities.map((e, i) => [e, i]));
  return {
    entities: index.entities.map(({ mentions, ...rest }) => ({
      ...rest,
      mentions: mentions.map(({ article: _a, sentence, ...m }) => {
        const out: MentionJson = { s: sentence.id, ...m };
        // The name as written is (nearly always) the slice it sits at: stored once, in the corpus.
        if (m.surface === sentence.text.slice(m.start, m.end)) delete out.surface;
        if (sentence.paragraph === -1) out.len = sentence.end - sentence.start;
        return out;
      }),
    })),
    byKey: [...index.byKey].map(([k, list]) => [k, list.map((e) => pos.get(e)!)]),
  };
}

/** The entities as written to a file: heads (with mention counts) and the mentions apart, one list per entity. */
export function splitEntities(json: EntitiesJson): { heads: EntityHeadsJson; mentions: MentionJson[][] } {
  return {
    heads: { entities: json.entities.map(({ mentions, ...rest }) => ({ ...rest, n: Array.isArray(mentions) ? mentions.length : -1 })), byKey: json.byKey },
    mentions: json.entities.map((e) => e.mentions),
  };
}

export function joinEntities(heads: EntityHeadsJson, mentions: MentionJson[][]): EntitiesJson {
  if (!Array.isArray(heads?.entities) || !Array.isArray(mentions) || mentions.length !== heads.entities.length) throw new Error('entity mentions do not fit the entities');
  return { entities: heads.entities.map(({ n: _n, ...rest }, i) => ({ ...rest, mentions: mentions[i]! })), byKey: heads.byKey };
}

/** Where the stored mentions of an entity not read yet are: their count, how to read and resolve them, what to do when they do not fit. */
interface StoredMentions {
  i: number;
  n: number;
  /** The stored list, once parsed for one mention (`mentionAt`). */
  list?: MentionJson[];
  read: (i: number) => MentionJson[];
  hydrate: (m: MentionJson, surfaces?: Map<string, string>) => EntityMention;
  onStale?: (i: number, e: Entity, err: Error) => EntityMention[];
}
/** Entities whose mentions are not read yet. */
const unread = new WeakMap<Entity, StoredMentions>();

/** How many mentions `e` has, without reading them when they are still in the file. */
export function mentionCount(e: Entity): number {
  return unread.get(e)?.n ?? e.mentions.length;
}

/**
 * `e.mentions[k]`, resolving only that mention when `e`'s mentions are still in the file (a /who lists
 * its related entities each with one shared mention: reading each one's every mention cost most of a first
 * /who at 10,000 articles). The mention is equal to `e.mentions[k]` (same article, sentence and fields),
 * though not the same object; anything unexpected falls back to `e.mentions[k]`.
 */
export function mentionAt(e: Entity, k: number): EntityMention | undefined {
  const one = unread.get(e);
  if (one && Number.isInteger(k) && k >= 0 && k < one.n) {
    try {
      one.list ??= one.read(one.i);
      if (!Array.isArray(one.list) || one.list.length !== one.n || !one.list[k]) throw new Error(`mention ${k} of entity #${one.i} is not stored`);
      return one.hydrate(one.list[k]!);
    } catch {
      // a list that does not fit the corpus: the getter's own handling (onStale)
    }
  }
  return e.mentions[k];
}

/** The entity's mentions from now on (read from the file, or set by a caller). */
function setMentions(e: Entity, value: EntityMention[]): EntityMention[] {
  unread.delete(e);
  Object.defineProperty(e, 'mentions', { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * The lazy `mentions` of an entity read from the file: one descriptor for every entity (no closures made per
 * entity: ~40k entities at 10,000 articles), the entity's own data in `unread`.
 */
const LAZY_MENTIONS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Entity) {
    const st = unread.get(this);
    if (!st) throw new Error('entity mentions are not stored');
    try {
      return setMentions(this, hydrateList(st.read(st.i), st.hydrate));
    } catch (err) {
      if (!st.onStale) throw err;
      return setMentions(this, st.onStale(st.i, this, err as Error));
    }
  },
  set(this: Entity, value: EntityMention[]) {
    setMentions(this, value);
  },
};

/**
 * The entities of stored JSON. With `mentionsOf` (entities stored without their mentions), each
 * entity's mentions are read and resolved the first time they are used; a list that does not fit
 * the corpus then goes to `onStale`, which gives the mentions instead (or throws).
 */
export function entitiesFromJson(
  json: EntitiesJson | EntityHeadsJson,
  r: Resolver,
  mentionsOf?: (i: number) => MentionJson[],
  onStale?: (i: number, e: Entity, err: Error) => EntityMention[],
): EntityIndex {
  return indexOf(json, (json.entities as Plain[]).map(entityFromJson(r, mentionsOf, onStale)));
}

/** `entitiesFromJson`, `slicer.itemsPerTurn` entities per turn of the event loop. */
export async function entitiesFromJsonInSlices(
  json: EntitiesJson | EntityHeadsJson,
  r: Resolver,
  slicer: Slicer,
  mentionsOf?: (i: number) => MentionJson[],
  onStale?: (i: number, e: Entity, err: Error) => EntityMention[],
): Promise<EntityIndex> {
  const entities = await mapInSlices(json.entities as Plain[], slicer, entityFromJson(r, mentionsOf, onStale));
  const byKey = new Map<string, Entity[]>();
  const at = entityAt(entities);
  await eachInSlices(json.byKey, slicer, ([k, list]) => byKey.set(k, list.map(at)), ([, list]) => 1 + list.length);
  return { entities, byKey };
}

/**
 * An entity's stored mentions hydrated, the name as written (`surface`, cut from the sentence when not stored) one string
 * per spelling in the list: an entity's mentions write it a few ways, and a cut of each sentence took ~40 bytes a mention.
 */
function hydrateList(list: MentionJson[], hydrate: (m: MentionJson, surfaces?: Map<string, string>) => EntityMention): EntityMention[] {
  const surfaces = new Map<string, string>();
  return list.map((m) => hydrate(m, surfaces));
}

/** `s`, or the equal string `seen` holds (then `s` is dropped). */
function oneCopy(s: string, seen: Map<string, string> | undefined): string {
  if (!seen) return s;
  const hit = seen.get(s);
  if (hit !== undefined) return hit;
  seen.set(s, s);
  return s;
}

function entityFromJson(r: Resolver, mentionsOf?: (i: number) => MentionJson[], onStale?: (i: number, e: Entity, err: Error) => EntityMention[]): (x: Plain, i: number) => Entity {
  // A spread here: for mentions (two fields set first, a few after) it took less memory than copyFields (74 vs 84 MB at 10,000 articles).
  // Since: one object literal per stored shape (`shapedCopy`), every field in the object itself; the spread when it cannot.
  const hydrateOne = (json: MentionJson, surfaces?: Map<string, string>) => {
    const sentence = r.sentence(json.s, json.len as number | undefined);
    const article = r.article(sentence.articleId);
    const surface = Object.hasOwn(json, 'surface') ? undefined : oneCopy(sentence.text.slice(json.start as number, json.end as number), surfaces);
    const made = shapedCopy(json, 's', 'len', MENTION_LEAD, [article, sentence], 'surface', surface) as EntityMention | undefined;
    if (made) {
      made.surface ??= sentence.text.slice(made.start, made.end);
      return made;
    }
    const { s, len, ...m } = json;
    void s;
    void len;
    const mention = { article, sentence, ...m } as EntityMention;
    mention.surface ??= sentence.text.slice(mention.start, mention.end);
    return mention;
  };
  return ({ mentions, n, ...rest }, i) => {
    if (Array.isArray(mentions)) return { ...(rest as Omit<Entity, 'mentions'>), mentions: hydrateList(mentions as MentionJson[], hydrateOne) };
    if (!mentionsOf || typeof n !== 'number') throw new Error(`entity #${i} has no mentions`);
    // `rest` is a fresh object of the stored fields in their order: the entity itself.
    const e = rest as unknown as Entity;
    Object.defineProperty(e, 'mentions', LAZY_MENTIONS);
    unread.set(e, { i, n, read: mentionsOf, hydrate: hydrateOne, onStale });
    return e;
  };
}

/**
 * The entity index of stored entities: each key's entities are made from its stored positions when the
 * key is first read (a first /who reads a few keys of ~100k at 10,000 articles); every position is
 * checked now, so a file that does not fit is still refused whole.
 */
function indexOf(json: EntitiesJson | EntityHeadsJson, entities: Entity[]): EntityIndex {
  const byKey = new LazyMap<string, Entity[], number[]>((_k, list) => list.map((i) => entities[i]!));
  for (const [k, list] of json.byKey) {
    for (const i of list) if (!entities[i]) throw new StaleAnalysisError(`entity #${i}`);
    byKey.lazy(k, list);
  }
  return { entities, byKey };
}

const entityAt = (entities: Entity[]) => (i: number) => {
  const e = entities[i];
  if (!e) throw new StaleAnalysisError(`entity #${i}`);
  return e;
};

// --- who: quotes and actions -----------------------------------------------------------

export type FactJson = [articleId: string, sentenceIds: string[]];
export interface FactsJson {
  quotes: [entity: number, facts: FactJson[]][];
  actions: [entity: number, facts: FactJson[]][];
}

export function factsToJson(facts: Facts, index: EntityIndex): FactsJson {
  const pos = new Map(index.entities.map((e, i) => [e, i]));
  const side = (m: Map<Entity, Fact[]>): FactsJson['quotes'] => [...m].map(([e, list]) => [pos.get(e)!, list.map((f) => [f.article.id, f.sentences.map((s) => s.id)])]);
  return { quotes: side(facts.quotes), actions: side(facts.actions) };
}

/**
 * The facts of stored JSON. Each entity's quotes and actions are resolved against the corpus when
 * first read (a /who reads those of the entities it shows; iterating a map reads them all); a list
 * that does not fit the corpus goes to `onStale`, which gives the facts instead (or throws).
 */
export function factsFromJson(json: FactsJson, index: EntityIndex, r: Resolver, onStale?: (side: keyof Facts, e: Entity, err: Error) => Fact[]): Facts {
  const side = (name: keyof Facts) => {
    const map = new LazyMap<Entity, Fact[], FactJson[]>(factLoader(name, r, onStale));
    for (const x of json[name]) map.lazy(...factEntry(index, x));
    return map;
  };
  return { quotes: side('quotes'), actions: side('actions') };
}

/**
 * The facts of a file that says where each entity's are (`at`: per side, entity position, start, end):
 * each entity's list is read (`item`) and resolved when first asked for; the section is never read whole
 * unless a map is iterated. Positions are checked now (a file that does not fit is refused whole); an
 * item that is not the entity's, or does not fit the corpus, goes to `onStale`.
 */
export function factsFromItems(
  at: { quotes: number[]; actions: number[] },
  item: (start: number, end: number) => [entity: number, facts: FactJson[]],
  index: EntityIndex,
  r: Resolver,
  onStale?: (side: keyof Facts, e: Entity, err: Error) => Fact[],
  readAll?: () => FactsJson,
): Facts {
  let all: FactsJson | undefined;
  let reads = 0;
  let done = 0;
  const side = (name: keyof Facts) => {
    const flat = at[name];
    if (!Array.isArray(flat) || flat.length % 3) throw new Error('facts offsets are malformed');
    const resolve = factLoader(name, r, onStale);
    let left = flat.length / 3;
    if (left === 0) done++;
    const map = new LazyMap<Entity, Fact[], number>((e, k) => {
      let facts: FactJson[];
      try {
        // After a few hundred entities (a warm-up hydrating every one), the section is read whole once.
        if (readAll && ++reads > ITEM_READS) all ??= readAll();
        const [i, list] = all?.[name][k / 3] ?? item(flat[k + 1]!, flat[k + 2]!);
        // Every entity of both sides read: the whole section is let go.
        if (--left === 0 && ++done === 2) all = undefined;
        if (i !== flat[k] || !Array.isArray(list)) throw new Error(`the facts stored for entity #${flat[k]} are not its own`);
        facts = list;
      } catch (err) {
        if (!onStale) throw err;
        return onStale(name, e, err as Error);
      }
      return resolve(e, facts);
    });
    for (let k = 0; k < flat.length; k += 3) {
      const e = index.entities[flat[k]!];
      if (!e) throw new StaleAnalysisError(`entity #${flat[k]}`);
      map.lazy(e, k);
    }
    return map;
  };
  return { quotes: side('quotes'), actions: side('actions') };
}

/** Entities whose facts `factsFromItems` reads one by one before it reads the section whole. */
const ITEM_READS = 256;

/** `factsFromJson`, `slicer.itemsPerTurn` entities per turn of the event loop. */
export async function factsFromJsonInSlices(json: FactsJson, index: EntityIndex, r: Resolver, slicer: Slicer, onStale?: (side: keyof Facts, e: Entity, err: Error) => Fact[]): Promise<Facts> {
  const side = async (name: keyof Facts) => {
    const map = new LazyMap<Entity, Fact[], FactJson[]>(factLoader(name, r, onStale));
    await eachInSlices(json[name], slicer, (x) => map.lazy(...factEntry(index, x)));
    return map;
  };
  return { quotes: await side('quotes'), actions: await side('actions') };
}

/** One entity's stored facts as a lazy map entry: the entity and its stored list (checked for shape only). */
function factEntry(index: EntityIndex, [i, facts]: [entity: number, facts: FactJson[]]): [Entity, FactJson[]] {
  const e = index.entities[i];
  if (!e) throw new StaleAnalysisError(`entity #${i}`);
  if (!Array.isArray(facts)) throw new Error(`facts of entity #${i} are malformed`);
  return [e, facts];
}

/**
 * How a side's stored facts are resolved against the corpus when first read: one function for every
 * entity (a closure per entity was ~80k of them at 10,000 articles, made by a first /who); a list that
 * does not fit the corpus goes to `onStale`, which gives the facts instead (or throws).
 */
const factLoader =
  (name: keyof Facts, r: Resolver, onStale?: (side: keyof Facts, e: Entity, err: Error) => Fact[]) =>
  (e: Entity, facts: FactJson[]): Fact[] => {
    try {
      return facts.map(([a, ids]): Fact => ({ article: r.article(a), sentences: ids.map((id) => r.sentence(id)) }));
    } catch (err) {
      if (!onStale) throw err;
      return onStale(name, e, err as Error);
    }
  };

/** A map whose values are made when first read (from what `lazy` stored, by `make`): by key, or all of them when it is iterated. */
class LazyMap<K, V, P> extends Map<K, V> {
  #pending = new Map<K, P>();
  readonly #make: (k: K, stored: P) => V;
  constructor(make: (k: K, stored: P) => V) {
    super();
    this.#make = make;
  }
  /** Add `k`, its value made from `stored` when first read. */
  lazy(k: K, stored: P): void {
    super.set(k, undefined as V);
    this.#pending.set(k, stored);
  }
  override get(k: K): V | undefined {
    this.#take(k);
    return super.get(k);
  }
  override set(k: K, v: V): this {
    this.#pending?.delete(k);
    return super.set(k, v);
  }
  override delete(k: K): boolean {
    this.#pending.delete(k);
    return super.delete(k);
  }
  override clear(): void {
    this.#pending.clear();
    super.clear();
  }
  override forEach(cb: (v: V, k: K, m: Map<K, V>) => void, thisArg?: unknown): void {
    this.#all();
    super.forEach(cb, thisArg);
  }
  override entries(): MapIterator<[K, V]> {
    this.#all();
    return super.entries();
  }
  override values(): MapIterator<V> {
    this.#all();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.#all();
    return super[Symbol.iterator]();
  }
  #take(k: K): void {
    if (!this.#pending.has(k)) return;
    const stored = this.#pending.get(k)!;
    this.#pending.delete(k);
    super.set(k, this.#make(k, stored));
  }
  #all(): void {
    for (const k of [...this.#pending.keys()]) this.#take(k);
  }
}

// --- timeline events ---------------------------------------------------------------------

interface EventJson extends Plain {
  members: MentionJson[];
}
export interface EventsJson {
  events: EventJson[];
  inferred: [string, Plain][];
}

export function eventsToJson(build: TimelineBuild): EventsJson {
  return {
    events: build.events.map(({ members, ...rest }) => ({ ...rest, members: members.map(({ article: _a, sentence, ...m }) => ({ s: sentence.id, ...m })) })),
    inferred: [...build.inferred].map(([id, w]) => [id, { ...w }]),
  };
}

export function eventsFromJson(json: EventsJson, r: Resolver): TimelineBuild {
  return timelineOf(json, json.events.map(eventFromJson(r)), r);
}

/** `eventsFromJson`, `slicer.itemsPerTurn` events per turn of the event loop. */
export async function eventsFromJsonInSlices(json: EventsJson, r: Resolver, slicer: Slicer): Promise<TimelineBuild> {
  // An event weighs its members (each a sentence resolved).
  return timelineOf(json, await mapInSlices(json.events, slicer, eventFromJson(r), (e) => 1 + (Array.isArray(e.members) ? e.members.length : 0)), r);
}

const eventFromJson =
  (r: Resolver) =>
  (json: EventJson): MergedEvent => {
    const members = json.members.map((m): EventMember => {
      const sentence = r.sentence(m.s);
      const article = r.article(sentence.articleId);
      return (shapedCopy(m, 's', undefined, MENTION_LEAD, [article, sentence], undefined, undefined) as EventMember | undefined) ?? copyFields({ article, sentence } as EventMember, m, 's');
    });
    const made = shapedCopy(json, 'members', undefined, NO_LEAD, NO_LEAD, 'members', members) as MergedEvent | undefined;
    if (made) return made;
    const event = copyFields({} as MergedEvent, json, 'members');
    event.members = members;
    return event;
  };

function timelineOf(json: EventsJson, events: MergedEvent[], r: Resolver): TimelineBuild {
  for (const [id] of json.inferred) r.article(id);
  return { events, inferred: new Map(json.inferred.map(([id, w]) => [id, w as unknown as TimelineBuild['inferred'] extends Map<string, infer W> ? W : never])) };
}

// --- figures (per article) ---------------------------------------------------------------

export type FigureJson = Plain & { s: string };

export function figuresToJson(list: Figure[]): FigureJson[] {
  return list.map(({ sentence, ...f }) => ({ s: sentence.id, ...f }));
}

export function figuresFromJson<F extends Figure>(list: FigureJson[], r: Resolver): F[] {
  return list.map((json) => {
    const sentence = r.sentence(json.s);
    const made = shapedCopy(json, 's', undefined, NO_LEAD, NO_LEAD, 'sentence', sentence, sharedField) as F | undefined;
    if (made) {
      // json's own "sentence" field (not one this writes) keeps its place and takes the sentence, as copyFields then setting it does.
      if (Object.hasOwn(json, 'sentence')) made.sentence = sentence;
      return made;
    }
    const f = copyFields({} as F, json, 's', undefined, sharedString);
    f.sentence = sentence;
    return f;
  });
}

/** Strings kept by `sharedString` before it starts again (a bound on what it holds: ~4 MB). */
const SHARED_STRINGS = 1 << 16;
let shared = new Map<string, string>();

/**
 * One copy of an equal string: `JSON.parse` makes a new string for every value, and the figures of
 * 10,000 articles repeat a few thousand (keys, labels, nouns, dates, speakers, article ids) millions of
 * times. The table is bounded (started again when full), so it holds no corpus alive for long.
 */
export function sharedString(s: string): string {
  const hit = shared.get(s);
  if (hit !== undefined) return hit;
  if (shared.size >= SHARED_STRINGS) shared = new Map();
  shared.set(s, s);
  return s;
}

/** Every string field of a stored item (plain data) replaced by its shared copy (`sharedString`). */
export function shareStrings(item: object): void {
  const x = item as Plain;
  for (const k in x) {
    const v = x[k];
    if (typeof v === 'string') x[k] = sharedString(v);
  }
}

type ShapedMaker = (json: Plain, lead: readonly unknown[], tail: unknown, str: (v: unknown) => unknown) => Plain;
/** Makers kept per stored shape before new shapes are copied field by field (`shapedCopy` answers undefined). */
const SHAPES = 512;
const makers = new Map<string, ShapedMaker | null>();
const ARRAY_INDEX_RE = /^(?:0|[1-9]\d*)$/;

/**
 * `{ [lead[i]]: leadValues[i], ...json without skip and skip2, [tail]: tailValue }` (`tail` only when json has no
 * such key left after the skipped ones), the strings of json's values passed through `str`, made by one object literal per shape (the lead
 * names, json's keys in order, the tail): every field in the object itself, sized to its fields, where fields set
 * one by one (`copyFields`) or a spread after set fields grow a separate, over-sized store of properties. Same keys,
 * same order, same values as those: a later duplicate of a key keeps the first one's place and takes the last value,
 * as both do. Undefined for a shape it does not make (a key `__proto__` or an array index, or too many shapes seen):
 * the caller copies field by field.
 */
export function shapedCopy(json: Plain, skip: string, skip2: string | undefined, lead: readonly string[], leadValues: readonly unknown[], tail: string | undefined, tailValue: unknown, str?: (v: unknown) => unknown): Plain | undefined {
  const keys = Object.keys(json);
  const fields: string[] = [];
  for (const k of keys) if (k !== skip && k !== skip2) fields.push(k);
  const withTail = tail !== undefined && !fields.includes(tail);
  const id = `${str ? 's' : 'p'}\u0001${lead.join('\u0000')}\u0001${fields.join('\u0000')}\u0001${withTail ? tail : ''}`;
  let make = makers.get(id);
  if (make === undefined) {
    const names = [...lead, ...fields, ...(withTail ? [tail!] : [])];
    if (makers.size >= SHAPES || names.some((k) => k === '__proto__' || ARRAY_INDEX_RE.test(k))) make = null;
    else {
      const q = (k: string) => JSON.stringify(k);
      const body = [
        ...lead.map((k, i) => `${q(k)}: l[${i}]`),
        ...fields.map((k) => (str ? `${q(k)}: S(j[${q(k)}])` : `${q(k)}: j[${q(k)}]`)),
        ...(withTail ? [`${q(tail!)}: t`] : []),
      ].join(', ');
      make = new Function('j', 'l', 't', 'S', `return { ${body} };`) as ShapedMaker;
    }
    if (makers.size < SHAPES) makers.set(id, make);
  }
  if (!make) return undefined;
  return make(json, leadValues, tailValue, str ?? same);
}

const same = (v: unknown) => v;
/** A field's value with a string replaced by its shared copy (`sharedString`). */
export const sharedField = (v: unknown): unknown => (typeof v === 'string' ? sharedString(v) : v);
const NO_LEAD: readonly string[] = [];
const MENTION_LEAD: readonly string[] = ['article', 'sentence'];

/**
 * `{ ...into, ...json }` without the fields `skip`, `skip2`: the same keys in the same order, copied one
 * by one. Objects made by a rest pattern and a spread (`({ s, ...f }) => ({ ...f, sentence })`) take about
 * twice the memory of these at 10,000 articles (the digest figures: ~225 MB, ~100 MB this way).
 */
function copyFields<T extends object>(into: T, json: Plain, skip: string, skip2?: string, str?: (s: string) => string): T {
  const out = into as Plain;
  for (const k in json) {
    if (k === skip || k === skip2 || !Object.hasOwn(json, k)) continue;
    let v = json[k];
    if (str && typeof v === 'string') v = str(v);
    // As a spread defines it: an own key, never the prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
    else out[k] = v;
  }
  return into;
}
