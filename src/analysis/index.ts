/**
 * The analysis: everything the engines derive from the corpus alone — entities
 * with their mentions and aliases, attributed quotations and references, who said
 * and did what, the merged timeline events, the figures /verify, /compare and the
 * digest read, independence groups — built once per corpus version and shared by
 * every command. Engines read it through `analysisOf(deps)`; none keeps a cache of
 * its own.
 *
 * Each part is built on first use (a command pays only for the parts it reads) and,
 * when the deps carry a persistence folder (`buildDeps` with persistIndex), written to
 * `<DATA_DIR>/analysis/analysis.json` keyed by the corpus version and a hash of the
 * analysing code: a warm start loads it instead of recomputing, and any code change (a
 * new rule, a parser fix) makes the old file unusable rather than subtly wrong.
 * Per-article parts (figures, digest figures, date expressions) are keyed by article
 * id, content hash (and reference date), so after a watcher swap or a start with one
 * changed file only that article is read again; cross-article parts (entities, who
 * facts, events, figure facts, attribution, references, and the event and profile
 * postings over events and entities) are rebuilt whole, on first use.
 */
import type { Deps } from '../deps.js';
import type { Logger } from '../log.js';
import type { Article, Corpus, Paragraph, Sentence } from '../types.js';
import { buildEntityIndex, type Entity, type EntityIndex, type EntityMention } from '../index/entities.js';
import { buildFacts, nameChoice, nameChoices, type Fact, type Facts, type NameChoice } from './facts.js';
import { buildEvents, dateMentionsOf, datesBySentence, type SentenceDate, type TimelineBuild } from './events.js';
import type { DateMention } from '../index/dates.js';
import { plainCounts } from './claim-figures.js';
import { attributionOf, digestFigures, extractFigures, type CountedFigure, type Figure } from './digest-figures.js';
import { buildFigures, type FigureFact, type FigureKind, type FiguresAnalysis } from './figures.js';
import { figureFactsInMemory, figureFactsOfSection, figureFactsOfSectionInSlices, type FigureFactIndex, type FigureFactsSection } from './figure-facts.js';
import { attributeQuotes, attributeSentences, type Attribution } from './attribution.js';
import { buildReferences, type Reference } from './references.js';
import { buildRelations, relationsFromJson, relationsToJson, type Relations, type RelationsJson } from './relations.js';
import { buildEventIndex, buildProfileIndex, eventIndexFromJson, profileIndexFromJson, type EventIndex, type EventIndexJson, type ProfileIndex, type ProfileIndexJson } from './event-index.js';
import { buildRelated, entityLookupOf, relatedFromJson, type RelatedJson, type RelatedPostings } from './entity-lookup.js';
import { independenceGroups } from '../corpus/overlap.js';
import { ANALYSIS_SCHEMA, analysisStats, codeVersion, isEntitiesSection, isFactsSection, isKeyedSection, isSection, pendingWrites, writeAnalysisFile, type AnalysisFile, type AnalysisSlot, type LoadedAnalysis, type Section } from './file.js';
import {
  StaleAnalysisError,
  entitiesFromJson,
  entitiesFromJsonInSlices,
  entitiesToJson,
  eventsFromJson,
  eventsFromJsonInSlices,
  eventsToJson,
  factsFromItems,
  factsFromJson,
  factsFromJsonInSlices,
  factsToJson,
  figuresFromJson,
  figuresToJson,
  mentionCount,
  resolverFor,
  shareStrings,
  type EntitiesJson,
  type EntityHeadsJson,
  type EventsJson,
  type FactsJson,
  type FigureJson,
  type Resolver,
} from './persist.js';
import { eachInSlices, mapInSlices, spansInSlices, spansOf, type Slicer, type Span } from './sliced-json.js';

/** Everything corpus-only that the engines read, for one corpus version. */
export interface Analysis {
  /** The corpus version this analysis reads. */
  readonly version: string;
  readonly corpus: Corpus;
  /** Entities: names, kinds, aliases, every mention (sentence + offsets). */
  readonly entities: EntityIndex;
  /** Who said what (attributed quotations) and who did what, per entity. */
  readonly facts: Facts;
  /** Autocomplete choices (derived from `entities`; not persisted). */
  readonly names: NameChoice[];
  /** Every dated event, merged across articles, unfiltered. */
  readonly events: TimelineBuild;
  /** The dates those events have, by the id of a sentence that tells them (derived; not persisted). */
  readonly sentenceDates: Map<string, SentenceDate[]>;
  /**
   * The figure lexicon's readings, by sentence id. From a persisted file each article's are read from it when asked
   * for (the last few kept), not held: iterating reads every article's once, in corpus order.
   */
  readonly figures: FiguresBySentence;
  /** Every figure as src/analysis/figures.ts reads it (ages tied to people, counts, measures): plain data. Read whole: tools and tests; engines look them up in `figureFactIndex`. */
  readonly figureFacts: FiguresAnalysis;
  /**
   * The same facts looked up by sentence, id, value or kind (src/analysis/figure-facts.ts): from a
   * persisted file, each is read from it when asked for, and only what the lookups need is held.
   */
  readonly figureFactIndex: FigureFactIndex;
  /** Every quotation the articles attribute, with its speaker (src/analysis/attribution.ts): plain data. */
  readonly quotes: Attribution[];
  /** Who says each sentence, by sentence id (quotations and reported speech). */
  readonly attribution: Record<string, Omit<Attribution, 'sentenceIds'>>;
  /** "he", "the 79-year-old", "the company" resolved to entities (src/analysis/references.ts): plain data. */
  readonly references: Reference[];
  /** Plain counts ("42,000 kettles") the lexicon does not read (derived; not persisted, nor kept: made on each read). */
  readonly plainCounts: Figure[];
  /** Near-duplicate articles grouped into independent voices: article id → representative id. */
  readonly groups: Map<string, string>;
  /** WordNet relations of the corpus vocabulary (src/analysis/relations.ts): a question word → related corpus lemmas. */
  readonly relations: Relations;
  /** Postings over `events` (sentence, paragraph term, word run → events) for a filtered /timeline (derived from `events`; persisted with them). */
  readonly eventIndex: EventIndex;
  /** Entity profile terms → entities, for "the entity these words describe" (derived from `entities`; persisted with them). */
  readonly profileIndex: ProfileIndex;
  /**
   * The age figures of `figureFacts`, in corpus order (derived; persisted as a small section of its own, so a
   * /who reads the ages it states without reading every figure of the corpus).
   */
  readonly ageFacts: FigureFact[];
  /** Each entity's related entities, those named in the same sentences (derived from `entities`; persisted with them). */
  readonly related: RelatedPostings;
  /** The digest's figures of one article read against `ref` (the article's date, else the latest). */
  digestFigures(article: Article, ref: string | null): CountedFigure[];
  /**
   * The date expressions of a sentence of the corpus, as the events' build found them (`findDateMentions` of its text:
   * the same list, read instead of parsed), or undefined when this analysis holds none of its article's (the events
   * were neither built here nor written to the file read; or `sentence` is not the corpus's). Never builds anything:
   * from memory, else the file's entry of that one article. The lists are shared: readers must not change them.
   */
  dateMentionsIn(sentence: Sentence): readonly DateMention[] | undefined;
}

export { analysisStats, readAnalysisFile, type AnalysisSlot } from './file.js';
import { readAnalysisFile } from './file.js';

type PartName = 'entities' | 'facts' | 'events' | 'figureFacts' | 'quotes' | 'attribution' | 'references' | 'relations' | 'eventIndex' | 'profileIndex' | 'ageFacts' | 'related';
/** Parts that point at entities (by position or id): usable only with the entities they were built with. */
const ON_ENTITIES: PartName[] = ['facts', 'figureFacts', 'quotes', 'attribution', 'references', 'profileIndex', 'ageFacts', 'related'];
/** Parts derived from the figure facts: usable only with the figure facts they were taken from. */
const ON_FIGURE_FACTS: PartName[] = ['ageFacts'];
/** Parts that point at events (by position): usable only with the events they were built with. */
const ON_EVENTS: PartName[] = ['eventIndex'];
const AGE: ReadonlySet<FigureKind> = new Set(['age']);

/** A stored part that is a section of a loaded file, readable by byte range (the figure facts are looked up there). */
function asFigureFactsSection(x: unknown): FigureFactsSection | undefined {
  if (!isSection(x) || typeof x.bytesAt !== 'function' || typeof x.windowed !== 'function' || typeof x.size !== 'number') return undefined;
  const s = x;
  return { size: s.size!, bytesAt: (from, to) => s.bytesAt!(from, to), windowed: () => s.windowed!() };
}

/** The figures of every article by sentence id (`Analysis.figures`): a Map's reading methods, an article's figures read when asked for. */
export interface FiguresBySentence extends Iterable<[string, Figure[]]> {
  get(sentenceId: string): Figure[] | undefined;
  has(sentenceId: string): boolean;
  keys(): IterableIterator<string>;
  values(): IterableIterator<Figure[]>;
  entries(): IterableIterator<[string, Figure[]]>;
}

const registry = new WeakMap<Corpus, Analysis>();
const internals = new WeakMap<Analysis, State>();

interface PerArticle<T> {
  /** Hydrated values, with the article object they point into. */
  live: Map<string, { article: Article; value: T }>;
  /** Stored (plain) values not yet hydrated (read `storedOf`: it takes in `unread` first). */
  stored: Record<string, unknown>;
  /** Sections of a loaded file whose values join `stored` when first needed (reading one parses it). */
  unread: Section[];
  codec: { toJson(value: T): unknown; fromJson(json: never, r: Resolver): T };
  /**
   * Values read one article at a time from an indexed section of `unread` (`entryIndexOf`), not taken into `live`:
   * the last `entriesHeld.last` read, and any still held elsewhere (one object per article while anything holds it).
   */
  read?: { recent: Map<string, Held<T>>; refs: Map<string, WeakRef<Held<T>>> };
}

type Held<T> = { article: Article; value: T };

/** Articles' values read from a file section (`PerArticle.read`) kept after their last use (~7 KB of digest figures each at 10,000 articles); tests lower it. */
export const entriesHeld = { last: 256 };

/**
 * Where each entry of a per-article section of a loaded file is (`[start, end)` of its value, by key), made by
 * the warm-up (`indexEntries`). By section: a newer corpus version that inherits the section reads it too.
 */
const entryIndex = new WeakMap<Section, Map<string, [number, number]>>();

/**
 * The entries of a per-article section found by a scan (nothing parsed but each key; the section read a window at
 * a time). Undefined for a section that is not a loaded file's; throws what `JSON.parse` throws on malformed
 * brackets, commas, strings or keys, and a TypeError when the section is not a JSON object. A key stored twice is
 * the last one's value, as `JSON.parse` takes it.
 */
async function indexEntries(section: Section, slicer: Slicer): Promise<Map<string, [number, number]> | undefined> {
  const bytesAt = section.bytesAt?.bind(section);
  if (!section.windowed || !bytesAt) return undefined;
  const known = entryIndex.get(section);
  if (known) return known;
  const { array, kids } = await spansInSlices(section.windowed(), slicer);
  if (array) throw new TypeError('not a map of articles');
  const map = new Map<string, [number, number]>();
  await eachInSlices(kids, slicer, entryOf(map, (from, to) => bytesAt(from, to)));
  entryIndex.set(section, map);
  return map;
}

/** `indexEntries` in one step, the section's bytes read whole (a command that reads entries before the warm-up made the index). */
function indexEntriesNow(section: Section): Map<string, [number, number]> | undefined {
  const known = entryIndex.get(section);
  if (known || !section.windowed || !section.bytesAt || section.size === undefined) return known;
  const bytes = section.bytesAt(0, section.size);
  const { array, kids } = spansOf(bytes);
  if (array) throw new TypeError('not a map of articles');
  const map = new Map<string, [number, number]>();
  kids.forEach(entryOf(map, (from, to) => bytes.subarray(from, to)));
  entryIndex.set(section, map);
  return map;
}

/** Adds an entry's key (parsed from its bytes) and where its value is. */
const entryOf = (map: Map<string, [number, number]>, bytes: (from: number, to: number) => Buffer) => (k: Span) => {
  const head = bytes(k.start, k.value).toString('utf8');
  const key = JSON.parse(head.slice(0, head.lastIndexOf(':'))) as unknown;
  if (typeof key !== 'string') throw new TypeError('not a map of articles');
  map.set(key, [k.value, k.end]);
};

/**
 * Whether `key`'s value is read from an indexed section of `store.unread` (every such section indexed: then the
 * first that holds the key has its value, as `storedOf` would take it), and not held live or stored plain.
 * Undefined when a section of `unread` is not indexed (then `storedOf` reads them whole, as before).
 */
function entryOnFile<T>(store: PerArticle<T>, key: string): { section: Section; at: [number, number] } | null | undefined {
  if (!store.unread.length || store.live.has(key) || store.stored[key] !== undefined) return undefined;
  let found: { section: Section; at: [number, number] } | null = null;
  for (const section of store.unread) {
    const spans = entryIndex.get(section);
    if (!spans) return undefined;
    const at = spans.get(key);
    if (at && !found) found = { section, at };
  }
  return found;
}

/** Stored parts not hydrated yet (the file's parts and its postings): plain data, or a file section not read yet. */
type Stored = Partial<Record<PartName, unknown>>;

type DateMentions = { sentence: Sentence; mention: DateMention }[];

const FIGURES_CODEC = { toJson: figuresToJson, fromJson: (j: FigureJson[], r: Resolver) => figuresFromJson(j, r) };
const MENTIONS_CODEC = {
  toJson: (list: DateMentions) => list.map(({ sentence, mention }) => [sentence.id, mention]),
  fromJson: (list: [string, DateMention][], r: Resolver): DateMentions => list.map(([id, mention]) => ({ sentence: r.sentence(id), mention })),
};

interface State {
  corpus: Corpus;
  slot?: AnalysisSlot;
  log?: Logger;
  resolver: Resolver;
  stored: Stored;
  figures: PerArticle<Figure[]>;
  digest: PerArticle<CountedFigure[]>;
  dateMentions: PerArticle<DateMentions>;
  /** Parts computed or hydrated so far. */
  memo: Map<string, unknown>;
  /** The file sections parts were hydrated from (unchanged since): a save writes their bytes again instead of serialising the parts. */
  sections: Map<PartName, Section>;
  /** The entity index built again because a stored entity's mentions did not fit the corpus (its mentions replace theirs). */
  rebuiltEntities?: EntityIndex;
  /** The facts built again because a stored entity's facts did not fit the corpus. */
  rebuiltFacts?: Facts;
  /** A persisted file of this corpus version was taken in (its parts are loaded from it, not built). */
  fromFile: boolean;
  saving?: Promise<void>;
  /** This analysis's entry in `pendingWrites` while it has unsaved parts. */
  flush?: () => Promise<void>;
  dirty: boolean;
  /**
   * What `warmAnalysis` runs before it asks for a part: the part's stored JSON read and hydrated in
   * slices (a turn of the event loop between them), then held as the getter would hold it.
   */
  warmers: Partial<Record<string, (slicer: Slicer) => Promise<void>>>;
}

type AnalysisDeps = Pick<Deps, 'corpus'> & { log?: Logger; analysis?: AnalysisSlot };

/** The analysis of `deps.corpus` (one per corpus object; parts built on first use, or loaded). */
export function analysisOf(deps: AnalysisDeps): Analysis {
  const hit = registry.get(deps.corpus);
  if (hit) {
    if (deps.analysis) adopt(hit, deps.analysis, deps.log);
    return hit;
  }
  const slot = deps.analysis;
  const a = createAnalysis(deps.corpus, slot, deps.log);
  registry.set(deps.corpus, a);
  if (slot) {
    slot.last = a;
    delete slot.loaded;
  }
  return a;
}

/**
 * Whether the analysis of `corpus` already took in a persisted file of its version (then its
 * parts load from that file: nothing to build off the event loop). False before any analysis of it exists.
 */
export function hasPersistedAnalysis(corpus: Corpus): boolean {
  const a = registry.get(corpus);
  return !!a && !!internals.get(a)?.fromFile;
}

/**
 * How finely `warmAnalysis` slices its work: entities and articles per turn of the event loop, the
 * bytes of a stored part's JSON parsed and its items hydrated per turn, and a hook on each turn.
 */
export interface WarmSteps {
  entitiesPerTurn?: number;
  articlesPerTurn?: number;
  bytesPerTurn?: number;
  itemsPerTurn?: number;
  onTurn?: () => void;
}

/** Build every part now (servers at start-up and after a corpus update) and persist them; returns the ms it took. */
export async function warmAnalysis(deps: AnalysisDeps, steps: WarmSteps = {}): Promise<number> {
  // Each step a few ms of CPU at 10,000 articles (a turn costs microseconds): 500 articles' digest figures
  // or 2,000 entities' mentions were ~200 ms at 1,000 articles, a part's JSON parsed whole up to 1–2 s at 10,000.
  const { entitiesPerTurn = 200, articlesPerTurn = 50, bytesPerTurn = 256 << 10, itemsPerTurn = 2000, onTurn } = steps;
  const turn = () => {
    onTurn?.();
    return nextTurn();
  };
  const slicer: Slicer = { bytesPerTurn, itemsPerTurn, turn };
  const t0 = performance.now();
  const a = analysisOf(deps);
  const state = internals.get(a)!;
  // Parts read from a file resolve sentence ids: the map of every sentence is made here in slices, not by the first part.
  if (state.fromFile) await state.resolver.mapInSlices(slicer);
  // One part at a time, with a turn of the event loop between them: on a server this runs
  // while the bot already answers. A part stored in the file is read and hydrated in slices
  // first (its warmer); one to build is built in one step.
  const parts: [string, () => unknown][] = [
    ['entities', () => a.entities],
    ['facts', () => a.facts],
    ['names', () => a.names],
    ['events', () => a.events],
    ['figures', () => a.figures],
    ['figureFactIndex', () => a.figureFactIndex],
    ['ageFacts', () => a.ageFacts],
    ['quotes', () => a.quotes],
    ['attribution', () => a.attribution],
    ['references', () => a.references],
    ['eventIndex', () => a.eventIndex],
    ['profileIndex', () => a.profileIndex],
    ['related', () => a.related],
    ['lookup', () => entityLookupOf(a.entities).warm()],
    ['relations', () => a.relations],
  ];
  for (const [name, part] of parts) {
    await state.warmers[name]?.(slicer);
    part();
    await turn();
  }
  // Every entity's mentions and facts, a slice of entities per turn: a first /who reads only its
  // entities' from the file, but once warm no /who should (hydrated, they take less memory than
  // the stored facts do, and the mentions ~70 MB at 10,000 Zipf articles).
  // A turn after `entitiesPerTurn` entities, or sooner once `itemsPerTurn` mentions were read (a few
  // entities have thousands).
  const entities = a.entities.entities;
  for (let i = 0, n = 0, items = 0; i < entities.length; i++) {
    items += mentionCount(entities[i]!);
    void entities[i]!.mentions;
    a.facts.quotes.get(entities[i]!);
    a.facts.actions.get(entities[i]!);
    if (++n >= entitiesPerTurn || items >= itemsPerTurn) {
      n = items = 0;
      await turn();
    }
  }
  await state.warmers.digest?.(slicer);
  const latest = a.corpus.articles.map((x) => x.date).filter((d): d is string => !!d).sort().pop() ?? null;
  const articles = a.corpus.articles;
  for (let i = 0; i < articles.length; i++) {
    // An article whose values the file holds is read when asked for (`readEntry`), not held: built are those it does not hold.
    const ref = articles[i]!.date ?? latest;
    if (!entryOnFile(state.digest, articleKey(articles[i]!, ref))) a.digestFigures(articles[i]!, ref);
    if (i % articlesPerTurn === articlesPerTurn - 1) await turn();
  }
  const ms = performance.now() - t0;
  // This analysis, even if the watcher swapped deps.corpus meanwhile (it yields between parts).
  await flushState(state);
  return ms;
}

/** Lets the event loop run pending I/O (an interaction, an acknowledgement) before the next part. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves once the analysis of `deps.corpus` is written (no-op without a persistence folder). */
export async function flushAnalysis(deps: AnalysisDeps): Promise<void> {
  await flushState(internals.get(analysisOf(deps)));
}

async function flushState(s: State | undefined): Promise<void> {
  if (!s) return;
  while (s.saving) await s.saving;
  if (s.dirty) await save(s);
}

/**
 * A helper that holds only the corpus (e.g. `countIndependent(corpus, …)`) may be first to
 * ask for an analysis: when the deps then come with their slot, the analysis takes it over —
 * the loaded file's parts it has not computed yet, and persistence.
 */
function adopt(a: Analysis, slot: AnalysisSlot, log: Logger | undefined): void {
  const state = internals.get(a)!;
  if (state.slot) return;
  state.slot = slot;
  state.log ??= log;
  slot.last = a;
  const file = slot.loaded;
  delete slot.loaded;
  if (file) takeFile(state, file);
  if (state.dirty) markDirty(state);
}

/**
 * Load the analysis file again into the analysis of `deps.corpus` (after a worker thread wrote
 * it, src/analysis/worker.ts): the parts not built here yet come from it. True when the file is
 * of this corpus version (per-article parts are taken either way).
 */
export async function absorbAnalysisFile(deps: AnalysisDeps): Promise<boolean> {
  const a = analysisOf(deps);
  const state = internals.get(a)!;
  const dir = state.slot?.dir ?? deps.analysis?.dir;
  if (!dir) return false;
  const read: AnalysisSlot = { dir };
  await readAnalysisFile(read, state.log);
  if (!read.loaded) return false;
  takeFile(state, read.loaded);
  return read.loaded.version === state.corpus.version;
}

/** A file's parts for the parts `state` has not built or hydrated yet. */
function takeFile(state: State, file: LoadedAnalysis): void {
  if (file.version === state.corpus.version) {
    state.fromFile = true;
    // Facts and figure facts point at the file's entities: usable only with those entities.
    const fileEntities = !state.memo.has('entities');
    const fileEvents = !state.memo.has('events');
    for (const [k, v] of Object.entries(partsOf(file)) as [PartName, never][]) {
      if (!state.memo.has(k) && (fileEntities || !ON_ENTITIES.includes(k)) && (fileEvents || !ON_EVENTS.includes(k))) state.stored[k] ??= v;
    }
  }
  if (file.figures) state.figures.unread.push(file.figures);
  if (file.digest) state.digest.unread.push(file.digest);
  if (file.dateMentions) state.dateMentions.unread.push(file.dateMentions);
}

/** The stored cross-article parts of a file, with the postings derived from them (sections, read on first use). */
function partsOf(file: LoadedAnalysis): Stored {
  return { ...file.parts, ...file.postings };
}

function createAnalysis(corpus: Corpus, slot: AnalysisSlot | undefined, log: Logger | undefined): Analysis {
  const file = slot?.loaded;
  const sameVersion = file?.version === corpus.version;
  const unread = (s: Section | undefined) => (s ? [s] : []);
  const state: State = {
    corpus,
    slot,
    log,
    resolver: resolverFor(corpus),
    stored: sameVersion ? partsOf(file!) : {},
    figures: { live: new Map(), stored: {}, unread: unread(file?.figures), codec: FIGURES_CODEC },
    digest: { live: new Map(), stored: {}, unread: unread(file?.digest), codec: FIGURES_CODEC },
    dateMentions: { live: new Map(), stored: {}, unread: unread(file?.dateMentions), codec: MENTIONS_CODEC },
    memo: new Map(),
    sections: new Map(),
    fromFile: sameVersion,
    dirty: false,
    warmers: {},
  };
  // The previous version's per-article parts: unchanged articles are not read again.
  const prev = slot?.last ? internals.get(slot.last) : undefined;
  if (prev) {
    const current = new Set(corpus.articles.map((x) => `${x.id}\u0000${x.hash}`));
    inherit(state.figures, prev.figures, current);
    inherit(state.digest, prev.digest, current);
    inherit(state.dateMentions, prev.dateMentions, current);
  }
  // Only lemmas new to the vocabulary are looked up in WordNet (plain data: holds no older corpus alive).
  const prevRelations = prev?.memo.get('relations') as Relations | undefined;

  const part = <T>(name: string, build: () => T): T => {
    if (!state.memo.has(name)) state.memo.set(name, build());
    return state.memo.get(name) as T;
  };
  /**
   * A persisted cross-article part: hydrated from the file when it holds it (`fromSection` reads a
   * section its own way), else built (and saved).
   */
  const persisted = <T>(name: PartName, fromJson: (json: never) => T, build: () => T, fromSection?: (section: Section) => T): T =>
    part(name, () => {
      const stored = state.stored[name];
      if (stored) {
        try {
          // A section of the loaded file is read and parsed here, when the part is first needed.
          const value = isSection(stored) && fromSection ? fromSection(stored) : fromJson((isSection(stored) ? stored.read() : stored) as never);
          // Held once: a save writes the section's bytes again (or serialises the part, if it was not a section).
          if (isSection(stored)) state.sections.set(name, stored);
          delete state.stored[name];
          return value;
        } catch (err) {
          // Another corpus's references, or a file damaged into other shapes: never half-applied, rebuilt.
          const why = err instanceof StaleAnalysisError ? 'does not fit the corpus' : 'is malformed';
          state.log?.warn({ part: name, err: (err as Error).message }, `persisted analysis ${why}; rebuilding that part`);
        }
      }
      analysisStats.built[name]++;
      const value = build();
      delete state.stored[name];
      // Parts built on the stored entities (events) are meaningless with new ones.
      if (name === 'entities') for (const p of ON_ENTITIES) delete state.stored[p];
      if (name === 'events') for (const p of ON_EVENTS) delete state.stored[p];
      if (name === 'figureFacts') for (const p of ON_FIGURE_FACTS) delete state.stored[p];
      markDirty(state);
      return value;
    });

  const latestDate = corpus.articles.map((x) => x.date).filter((d): d is string => !!d).sort().pop() ?? null;
  /** An article's figures read against its date, else the latest: from the file's indexed section when it holds them (`readEntry`), else live. */
  const articleFigures = (a: Article): Figure[] => {
    const ref = a.date ?? latestDate;
    const build = () => {
      analysisStats.built.figures++;
      return extractFigures(a, ref);
    };
    return readEntry(state, state.figures, a, ref, build) ?? perArticle(state, state.figures, a, ref, build);
  };

  /** A stored figure fact read from the file: it must name a sentence of the corpus; its strings are shared. */
  const factReader = {
    check: (f: FigureFact) => void state.resolver.sentence(f.sentenceId),
    hydrate: (f: FigureFact) => {
      state.resolver.sentence(f.sentenceId);
      shareStrings(f);
    },
  };
  const warnFacts = (err: unknown) => {
    const why = err instanceof StaleAnalysisError ? 'does not fit the corpus' : 'is malformed';
    state.log?.warn({ part: 'figureFacts', err: (err as Error).message }, `persisted analysis ${why}; rebuilding that part`);
  };
  /**
   * Lookups over the file's section (held as the part's section: a save writes its bytes again). A fact
   * that cannot be read from the file when asked for (the file cut short or changed since) makes the
   * facts be read whole (or built) once, and every lookup is then made in memory.
   */
  const lookedUp = (index: FigureFactIndex, section: Section): FigureFactIndex => {
    state.sections.set('figureFacts', section);
    let current = index;
    let failed = false;
    const safely =
      <A extends unknown[], R>(fn: (x: FigureFactIndex, ...args: A) => R) =>
      (...args: A): R => {
        if (!failed) {
          try {
            return fn(current, ...args);
          } catch (err) {
            failed = true;
            warnFacts(err);
            state.memo.delete('figureFacts');
            state.sections.delete('figureFacts');
            if (state.stored.figureFacts === section) {
              delete state.stored.figureFacts;
              analysisStats.built.figureFacts++;
              state.memo.set('figureFacts', buildFigures(corpus, { entities: analysis.entities, attribution: attributionOf }));
              markDirty(state);
            }
            current = figureFactsInMemory(analysis.figureFacts.figures);
          }
        }
        return fn(current, ...args);
      };
    return {
      get size() {
        return current.size;
      },
      inSentence: safely((x, id: string) => x.inSentence(id)),
      byId: safely((x, id: string) => x.byId(id)),
      updatesOf: safely((x, id: string) => x.updatesOf(id)),
      withValue: safely((x, value: number, like?: Pick<FigureFact, 'kind' | 'head'>) => x.withValue(value, like)),
      ofKinds: safely((x, kinds: ReadonlySet<FigureKind>, word?: string | null) => x.ofKinds(kinds, word)),
      all: safely((x) => x.all()),
    };
  };

  const analysis: Analysis = {
    version: corpus.version,
    corpus,
    get entities() {
      return persisted(
        'entities',
        (j: EntitiesJson) => entitiesFromJson(j, state.resolver),
        () => buildEntityIndex(corpus),
        // Each entity's mentions are read when first used: a /who reads those of the entities it shows.
        (section) => (isEntitiesSection(section) ? entitiesFromJson(section.heads(), state.resolver, (i) => section.mentionsOf(i), staleMentions) : entitiesFromJson(section.read() as EntitiesJson, state.resolver)),
      );
    },
    get facts() {
      const index = this.entities;
      const onStale = (side: keyof Facts, e: Entity, err: Error) => staleFacts(index, side, e, err);
      return persisted(
        'facts',
        (j: FactsJson) => factsFromJson(j, index, state.resolver, onStale),
        () => buildFacts(corpus, index, this.quotes),
        // Each entity's facts are read when first used, where the file says where they are.
        (section) => {
          const at = isFactsSection(section) ? section.at() : undefined;
          return at && isFactsSection(section) ? factsFromItems(at, (start, end) => section.item(start, end), index, state.resolver, onStale, () => section.read()) : factsFromJson(section.read() as FactsJson, index, state.resolver, onStale);
        },
      );
    },
    get names() {
      return part('names', () => nameChoices(this.entities));
    },
    get events() {
      const mentionsOf = (a: Article) =>
        perArticle(state, state.dateMentions, a, null, () => {
          analysisStats.built.dateMentions++;
          return dateMentionsOf(a);
        });
      return persisted('events', (j: EventsJson) => eventsFromJson(j, state.resolver), () => buildEvents(corpus, mentionsOf));
    },
    get sentenceDates() {
      return part('sentenceDates', () => datesBySentence(this.events));
    },
    get figures() {
      return part('figures', (): FiguresBySentence => {
        // An article's list grouped by sentence once while the list is held (the file's are read again when dropped).
        const grouped = new WeakMap<Figure[], Map<string, Figure[]>>();
        const ofArticle = (a: Article) => {
          const list = articleFigures(a);
          let bySentence = grouped.get(list);
          if (!bySentence) {
            bySentence = new Map();
            for (const f of list) {
              const at = bySentence.get(f.sentence.id);
              if (at) at.push(f);
              else bySentence.set(f.sentence.id, [f]);
            }
            grouped.set(list, bySentence);
          }
          return bySentence;
        };
        const articleOf = (sentenceId: string) => {
          try {
            return corpus.byId.get(state.resolver.sentence(sentenceId).articleId);
          } catch {
            return undefined;
          }
        };
        function* entries(): Generator<[string, Figure[]]> {
          for (const a of corpus.articles) yield* ofArticle(a);
        }
        return {
          get: (id) => {
            const a = articleOf(id);
            return a && ofArticle(a).get(id);
          },
          has: (id) => {
            const a = articleOf(id);
            return !!a && ofArticle(a).has(id);
          },
          *keys() {
            for (const [k] of entries()) yield k;
          },
          *values() {
            for (const [, v] of entries()) yield v;
          },
          entries,
          [Symbol.iterator]: entries,
        };
      });
    },
    get figureFacts() {
      const entities = this.entities;
      // Looked up from the file: read whole from there (the same objects the lookups give).
      const looked = state.memo.get('figureFactIndex') as FigureFactIndex | undefined;
      if (looked && !state.memo.has('figureFacts') && state.sections.has('figureFacts')) return part('figureFacts', (): FiguresAnalysis => ({ version: 1, figures: looked.all() }));
      return persisted(
        'figureFacts',
        (j: FiguresAnalysis) => {
          for (const f of j.figures) {
            state.resolver.sentence(f.sentenceId);
            shareStrings(f);
          }
          return j;
        },
        () => buildFigures(corpus, { entities, attribution: attributionOf }),
      );
    },
    get ageFacts() {
      this.entities;
      return persisted(
        'ageFacts',
        (j: FigureFact[]) => {
          for (const f of j) state.resolver.sentence(f.sentenceId);
          return j;
        },
        () => this.figureFactIndex.ofKinds(AGE, null),
      );
    },
    get figureFactIndex() {
      this.entities;
      return part('figureFactIndex', () => {
        const stored = state.stored.figureFacts;
        const section = asFigureFactsSection(stored);
        if (section && !state.memo.has('figureFacts')) {
          try {
            return lookedUp(figureFactsOfSection(section, factReader), stored as Section);
          } catch (err) {
            warnFacts(err);
          }
        }
        return figureFactsInMemory(this.figureFacts.figures);
      });
    },
    get quotes() {
      const entities = this.entities;
      return persisted('quotes', (j: Attribution[]) => checked(j, entities, ['sentenceIds'], ['speaker']), () => attributeQuotes(corpus, entities, this.references));
    },
    get attribution() {
      const entities = this.entities;
      const quotes = this.quotes;
      return persisted(
        'attribution',
        (j: Record<string, Omit<Attribution, 'sentenceIds'>>) => {
          checked(Object.entries(j).map(([id, x]) => ({ id, speaker: x.speaker })), entities, ['id'], ['speaker']);
          return j;
        },
        () => attributeSentences(corpus, entities, quotes),
      );
    },
    get references() {
      const entities = this.entities;
      return persisted('references', (j: Reference[]) => checked(j, entities, ['sentenceId'], ['entity']), () => buildReferences(corpus, entities));
    },
    get plainCounts() {
      // Not kept (23 MB at 10,000 articles). The disagreements (kept per corpus) read the same counts an article at a
      // time (`plainCountsIn`), between slices.
      return plainCounts(corpus, this.figures);
    },
    get groups() {
      return part('groups', () => independenceGroups(corpus.articles, corpus.overlaps));
    },
    get relations() {
      return persisted('relations', (j: RelationsJson) => relationsFromJson(j), () => buildRelations(corpus, prevRelations));
    },
    get eventIndex() {
      const events = this.events.events;
      return persisted('eventIndex', (j: EventIndexJson) => eventIndexFromJson(j, events.length), () => buildEventIndex(events));
    },
    get related() {
      const entities = this.entities;
      return persisted('related', (j: RelatedJson) => relatedFromJson(j, entities), () => buildRelated(entities));
    },
    get profileIndex() {
      const entities = this.entities;
      return persisted('profileIndex', (j: ProfileIndexJson) => profileIndexFromJson(j, entities.entities.length), () => buildProfileIndex(entities));
    },
    digestFigures(article, ref) {
      const build = () => {
        analysisStats.built.digestFigures++;
        return digestFigures(article, ref);
      };
      return readEntry(state, state.digest, article, ref, build) ?? perArticle(state, state.digest, article, ref, build);
    },
    dateMentionsIn(sentence) {
      const article = corpus.byId.get(sentence.articleId);
      if (!article || !isSentenceOf(article, sentence)) return undefined;
      const key = articleKey(article, null);
      let bySentence = mentionGroups.get(key);
      if (!bySentence) {
        const found = storedMentions(state, key);
        if (!found) return undefined;
        // A few articles' at a time (a question reads a few dozen): the callers keep what they read by text.
        if (mentionGroups.size >= 1_024) mentionGroups.clear();
        mentionGroups.set(key, (bySentence = found));
      }
      return bySentence.get(sentence.id) ?? NO_MENTIONS;
    },
  };
  /** The date expressions of the articles `dateMentionsIn` read lately, by article key, then by sentence id. */
  const mentionGroups = new Map<string, Map<string, DateMention[]>>();
  internals.set(analysis, state);

  /**
   * A stored part read and hydrated in slices (`warmAnalysis`), then held as its getter would hold
   * it: the same value from the same JSON. Anything that goes wrong is left to the getter, which
   * reads the part again and warns and rebuilds what does not fit; a part a command hydrated (or
   * entities built again) while this one yielded is not replaced.
   */
  const inSlices =
    <T>(name: PartName, hydrate: (json: never, slicer: Slicer, stored: unknown) => Promise<T> | T, read?: (section: Section, slicer: Slicer) => Promise<unknown>) =>
    async (slicer: Slicer): Promise<void> => {
      const stored = state.stored[name];
      const current = () => !state.memo.has(name) && state.stored[name] === stored;
      if (!stored || !current()) return;
      let value: T;
      try {
        const json = isSection(stored) ? await (read ? read(stored, slicer) : stored.readInSlices(slicer)) : stored;
        if (!current()) return;
        value = await hydrate(json as never, slicer, stored);
      } catch {
        return;
      }
      if (!current()) return;
      if (isSection(stored)) state.sections.set(name, stored);
      delete state.stored[name];
      state.memo.set(name, value);
    };
  const plainInSlices = <T>(name: PartName, each: (x: T) => void) => inSlices(name, async (list: T[], slicer) => (await eachInSlices(list, slicer, each), list));
  const checkedInSlices = (name: PartName, sentenceFields: string[], entityFields: string[]) =>
    inSlices(name, async (list: object[], slicer) => {
      await eachInSlices(list, slicer, checker(analysis.entities, sentenceFields, entityFields));
      return list;
    });
  /**
   * A per-article part's stored sections taken in (read and parsed in slices). An article's values whose key is
   * the one the warm-up asks for (`articleKey(a, a.date ?? latest)`) are hydrated as soon as they are parsed, as
   * `perArticle` hydrates them (one left stored if it does not fit: `perArticle` reads it again and builds it): the
   * section is never held parsed whole (the digest figures' JSON at 10,000 articles: ~105 MB, beside the rest).
   */
  const takeInSlices =
    <T>(store: PerArticle<T>) =>
    async (slicer: Slicer): Promise<void> => {
      while (store.unread.length) {
        const section = store.unread[0]!;
        let map: unknown;
        if (section.entriesInSlices) {
          const warm = warmKeys();
          try {
            await section.entriesInSlices(slicer, (k, v) => {
              // Taken meanwhile by a command (storedOf read it whole): what is left is its.
              if (store.unread[0] !== section) throw new Error('taken');
              if (store.stored[k] !== undefined || store.live.has(k)) return;
              const a = warm.get(k);
              if (a) {
                try {
                  store.live.set(k, { article: a, value: store.codec.fromJson(v as never, state.resolver) });
                  return;
                } catch {
                  // Kept as stored: perArticle tries it again and builds the article's values.
                }
              }
              store.stored[k] = v;
            });
          } catch {
            // Unreadable (or taken): storedOf reads (and warns about) what is left; entries taken in so far are kept.
            return;
          }
          if (store.unread[0] === section) store.unread.shift();
          continue;
        }
        try {
          map = await section.readInSlices(slicer);
        } catch {
          map = undefined;
        }
        // Taken meanwhile by a command (storedOf), or unreadable: storedOf reads (and warns about) what is left.
        if (store.unread[0] !== section || !map || typeof map !== 'object' || Array.isArray(map)) return;
        store.unread.shift();
        for (const [k, v] of Object.entries(map)) store.stored[k] ??= v;
      }
    };
  /** The key of each article's per-article values as the warm-up reads them (against its date, else the latest). */
  const warmKeys = () => {
    const latest = corpus.articles.map((x) => x.date).filter((d): d is string => !!d).sort().pop() ?? null;
    return new Map(corpus.articles.map((x) => [articleKey(x, x.date ?? latest), x]));
  };
  state.warmers = {
    entities: inSlices(
      'entities',
      (j: EntitiesJson | EntityHeadsJson, slicer, section) =>
        isEntitiesSection(section) ? entitiesFromJsonInSlices(j, state.resolver, slicer, (i) => section.mentionsOf(i), staleMentions) : entitiesFromJsonInSlices(j, state.resolver, slicer),
      (section, slicer) => (isEntitiesSection(section) ? section.headsInSlices(slicer) : section.readInSlices(slicer)),
    ),
    facts: inSlices('facts', (j: FactsJson, slicer) => {
      const index = analysis.entities;
      return factsFromJsonInSlices(j, index, state.resolver, slicer, (side, e, err) => staleFacts(index, side, e, err));
    }),
    // Derived, not stored: made in slices here (the getter makes them in one step).
    names: async (slicer) => {
      if (state.memo.has('names')) return;
      const entities = analysis.entities;
      const value = await mapInSlices(entities.entities, slicer, nameChoice);
      if (!state.memo.has('names') && analysis.entities === entities) state.memo.set('names', value);
    },
    events: inSlices('events', (j: EventsJson, slicer) => eventsFromJsonInSlices(j, state.resolver, slicer)),
    // The figures (~37 MB hydrated at 10,000 articles) are read an article at a time from the file's section (`readEntry`):
    // the warm-up finds where each article's are, and builds those the file does not hold. A section it cannot index is
    // taken in as before.
    figures: async (slicer) => {
      const store = state.figures;
      for (const section of [...store.unread]) {
        try {
          if (!(await indexEntries(section, slicer))) {
            await takeInSlices(store)(slicer);
            break;
          }
        } catch {
          // Malformed: storedOf reads (and warns about) it, as before.
          break;
        }
      }
      const perTurn = Math.max(1, Math.floor(slicer.itemsPerTurn / 20));
      const articles = corpus.articles;
      for (let i = 0; i < articles.length; i++) {
        const a = articles[i]!;
        if (!entryOnFile(store, articleKey(a, a.date ?? latestDate))) articleFigures(a);
        if (i % perTurn === perTurn - 1) await slicer.turn();
      }
    },
    figureFactIndex: async (slicer) => {
      const stored = state.stored.figureFacts;
      const section = asFigureFactsSection(stored);
      if (state.memo.has('figureFactIndex') || state.memo.has('figureFacts') || !section) return;
      analysis.entities;
      let index: FigureFactIndex;
      try {
        index = await figureFactsOfSectionInSlices(section, factReader, slicer);
      } catch {
        // Left to the getter, which reads it again and warns and rebuilds what does not fit.
        return;
      }
      if (state.memo.has('figureFactIndex') || state.memo.has('figureFacts') || state.stored.figureFacts !== stored) return;
      state.memo.set('figureFactIndex', lookedUp(index, stored as Section));
    },
    ageFacts: plainInSlices('ageFacts', (f: FigureFact) => state.resolver.sentence(f.sentenceId)),
    quotes: checkedInSlices('quotes', ['sentenceIds'], ['speaker']),
    attribution: inSlices('attribution', async (j: Record<string, Omit<Attribution, 'sentenceIds'>>, slicer) => {
      const check = checker(analysis.entities, ['id'], ['speaker']);
      await eachInSlices(Object.keys(j), slicer, (id) => check({ id, speaker: j[id]!.speaker }));
      return j;
    }),
    references: checkedInSlices('references', ['sentenceId'], ['entity']),
    eventIndex: inSlices('eventIndex', (j: EventIndexJson) => eventIndexFromJson(j, analysis.events.events.length)),
    profileIndex: inSlices('profileIndex', (j: ProfileIndexJson) => profileIndexFromJson(j, analysis.entities.entities.length)),
    related: inSlices('related', (j: RelatedJson) => relatedFromJson(j, analysis.entities)),
    relations: inSlices('relations', (j: RelationsJson) => relationsFromJson(j)),
    // The digest figures (~73 MB hydrated at 10,000 articles, ~105 MB of JSON) are read an article at a time from the file's
    // section (`readEntry`): the warm-up finds where each article's are. A section it cannot index is taken in as before.
    digest: async (slicer) => {
      const store = state.digest;
      for (const section of [...store.unread]) {
        try {
          if (!(await indexEntries(section, slicer))) return takeInSlices(store)(slicer);
        } catch {
          // Malformed: storedOf reads (and warns about) it, as before.
          return;
        }
      }
    },
    lookup: (slicer) => entityLookupOf(analysis.entities).warmInSlices(slicer),
  };
  return analysis;

  /**
   * A stored entity's mentions that do not fit the corpus (a damaged file of this version): the entity
   * index is built again and the same entity's mentions taken from it (same code, same corpus: same
   * entities); the file is rewritten from memory. Never half-applied: a different entity there throws.
   */
  function staleMentions(i: number, e: Entity, err: Error): EntityMention[] {
    state.log?.warn({ part: 'entities', entity: e.id, err: err.message }, 'persisted analysis does not fit the corpus; reading the entity index again for its mentions');
    if (!state.rebuiltEntities) {
      analysisStats.built.entities++;
      state.rebuiltEntities = buildEntityIndex(corpus);
    }
    const fresh = state.rebuiltEntities.entities[i];
    if (!fresh || fresh.id !== e.id) throw err;
    state.sections.delete('entities');
    markDirty(state);
    return fresh.mentions;
  }

  /** A stored entity's facts that do not fit the corpus: the facts are built again and that entity's taken from them. */
  function staleFacts(index: EntityIndex, side: keyof Facts, e: Entity, err: Error): Fact[] {
    state.log?.warn({ part: 'facts', entity: e.id, err: err.message }, 'persisted analysis does not fit the corpus; building the facts again for an entity');
    if (!state.rebuiltFacts) {
      analysisStats.built.facts++;
      state.rebuiltFacts = buildFacts(corpus, index);
    }
    state.sections.delete('facts');
    markDirty(state);
    return state.rebuiltFacts[side].get(e) ?? [];
  }

  /** Plain-data parts are used as stored once every sentence and entity they name exists. */
  function checked<T extends object>(list: T[], entities: EntityIndex, sentenceFields: string[], entityFields: string[]): T[] {
    list.forEach(checker(entities, sentenceFields, entityFields));
    return list;
  }

  /** Throws unless every sentence and entity one stored item names exists. */
  function checker(entities: EntityIndex, sentenceFields: string[], entityFields: string[]): (x: object) => void {
    const ids = new Set(entities.entities.map((e) => e.id));
    return (item) => {
      const x = item as Record<string, unknown>;
      for (const f of sentenceFields) for (const id of ([] as unknown[]).concat(x[f])) state.resolver.sentence(String(id));
      for (const f of entityFields) if (!ids.has(String(x[f]))) throw new StaleAnalysisError(`entity ${String(x[f])}`);
    };
  }
}

const articleKey = (a: Article, ref: string | null) => `${a.id}\u0000${a.hash}\u0000${ref ?? ''}`;

/** A per-article part: live, else stored (hydrated now), else computed (and saved). */
function perArticle<T>(state: State, store: PerArticle<T>, a: Article, ref: string | null, build: () => T): T {
  const key = articleKey(a, ref);
  const live = store.live.get(key);
  if (live && live.article === a) return live.value;
  // The same text in a re-read article object: the same values, pointed at the new object's sentences.
  const json = live ? store.codec.toJson(live.value) : storedOf(store, state.log)[key];
  if (json) {
    try {
      const value = store.codec.fromJson(json as never, state.resolver);
      delete store.stored[key];
      store.live.set(key, { article: a, value });
      return value;
    } catch {
      // Does not fit this article (or is damaged): read the article again.
    }
  }
  const value = build();
  store.live.set(key, { article: a, value });
  markDirty(state);
  return value;
}

/**
 * A per-article value read from the file's indexed section (`entryOnFile`): the one `perArticle` would take from it,
 * parsed from the article's bytes alone and not taken into `live` (the last `entriesHeld.last` kept, and one object per
 * article while anything holds it). An entry that cannot be read or does not fit the article is built, as `perArticle`
 * builds it (and saved). Undefined when the value is not read this way: `perArticle` answers.
 */
function readEntry<T>(state: State, store: PerArticle<T>, a: Article, ref: string | null, build: () => T): T | undefined {
  const key = articleKey(a, ref);
  if (store.live.has(key)) return undefined;
  const read = (store.read ??= { recent: new Map(), refs: new Map() });
  let held = read.recent.get(key);
  if (held) read.recent.delete(key);
  else held = read.refs.get(key)?.deref();
  if (held && held.article !== a) held = undefined;
  if (!held) {
    let found = entryOnFile(store, key);
    if (found === undefined && store.unread.length && !store.live.has(key) && store.stored[key] === undefined) {
      // Asked for before the warm-up found where each article's values are: found now, in one step.
      try {
        for (const section of store.unread) if (!indexEntriesNow(section)) return undefined;
      } catch {
        // Malformed: storedOf reads (and warns about) it, as before.
        return undefined;
      }
      found = entryOnFile(store, key);
    }
    if (found === undefined) return undefined;
    if (found) {
      try {
        const [start, end] = found.at;
        const json = JSON.parse(found.section.bytesAt!(start, end).toString('utf8')) as unknown;
        if (store === state.digest) analysisStats.digestEntriesRead++;
        else if (store === state.figures) analysisStats.figureEntriesRead++;
        held = { article: a, value: store.codec.fromJson(json as never, state.resolver) };
      } catch {
        // Damaged, or does not fit this article: read the article again.
      }
    }
    if (!held) {
      const value = build();
      store.live.set(key, { article: a, value });
      markDirty(state);
      return value;
    }
    read.refs.set(key, new WeakRef(held));
    if (read.refs.size > 4 * entriesHeld.last) for (const [k, r] of read.refs) if (!r.deref()) read.refs.delete(k);
  }
  read.recent.set(key, held);
  if (read.recent.size > entriesHeld.last) read.recent.delete(read.recent.keys().next().value!);
  return held.value;
}

const NO_MENTIONS: readonly DateMention[] = Object.freeze([]);

/** Whether `s` is the sentence of `a` its id names, with the same text (then the article's date expressions are its). */
function isSentenceOf(a: Article, s: Sentence): boolean {
  let p: Paragraph | undefined = a.paragraphs[s.paragraph];
  if (p?.index !== s.paragraph) p = a.paragraphs.find((q) => q.index === s.paragraph);
  const own = p?.sentences[s.index];
  return own === s || (own?.id === s.id && own.text === s.text);
}

/**
 * One article's date expressions by sentence id (every sentence of the article was read: one not in the map has none),
 * from what the analysis holds: built or hydrated in memory, else stored plain, else the entry of a loaded file's
 * section read on its own (the first section that has one, as `storedOf` takes them). Undefined when none holds it,
 * or an entry is not a list of `[sentence id, mention]` (then nothing of it is used).
 */
function storedMentions(state: State, key: string): Map<string, DateMention[]> | undefined {
  const store = state.dateMentions;
  const out = new Map<string, DateMention[]>();
  const add = (id: string, m: DateMention) => {
    const list = out.get(id);
    if (list) list.push(m);
    else out.set(id, [m]);
  };
  const live = store.live.get(key);
  if (live) {
    for (const { sentence, mention } of live.value) add(sentence.id, mention);
    return out;
  }
  let json = store.stored[key];
  for (let i = 0; json === undefined && i < store.unread.length; i++) {
    const section = store.unread[i];
    if (!isKeyedSection(section)) continue;
    try {
      json = section.entryOf(key);
    } catch (err) {
      state.log?.warn({ section: section.section, err: (err as Error).message }, 'persisted date expressions are unreadable; parsing the sentences instead');
      return undefined;
    }
  }
  if (!Array.isArray(json)) return undefined;
  for (const item of json as unknown[]) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !item[1] || typeof item[1] !== 'object') return undefined;
    add(item[0], item[1] as DateMention);
  }
  return out;
}

/** Carry over the per-article parts of articles still in the corpus unchanged (`current`: id + hash). */
function inherit<T>(into: PerArticle<T>, from: PerArticle<T>, current: Set<string>): void {
  const fits = (key: string) => current.has(key.slice(0, key.lastIndexOf('\u0000')));
  for (const [k, v] of from.live) if (fits(k) && !into.live.has(k)) into.live.set(k, v);
  // Sections the previous version never read are read by this one when it first needs them.
  into.unread.push(...from.unread);
  for (const [k, v] of Object.entries(from.stored)) if (fits(k)) into.stored[k] ??= v;
}

/**
 * The stored values of a per-article part, with the sections not read yet taken in first
 * (one section holds every article's values). A section that cannot be read or is not a
 * map is dropped: its articles are read again.
 */
function storedOf<T>(store: PerArticle<T>, log?: Logger): Record<string, unknown> {
  while (store.unread.length) {
    const section = store.unread.shift()!;
    try {
      const map = section.read();
      if (!map || typeof map !== 'object' || Array.isArray(map)) throw new Error('not a map of articles');
      for (const [k, v] of Object.entries(map)) store.stored[k] ??= v;
    } catch (err) {
      log?.warn({ section: section.section, err: (err as Error).message }, 'persisted analysis is malformed; rebuilding that part');
    }
  }
  return store.stored;
}

/**
 * `storedOf` for a save: the same values, but when every unread section is indexed (its articles read one at a time,
 * `readEntry`) each entry is parsed from its bytes for this write only and the sections stay unread (held as their
 * index, not as plain values). An entry that does not parse is left out (its article is built when next read).
 */
function storedForSave<T>(store: PerArticle<T>, log?: Logger): Record<string, unknown> {
  if (!store.unread.length || !store.unread.every((s) => entryIndex.has(s))) return storedOf(store, log);
  const out: Record<string, unknown> = { ...store.stored };
  for (const section of store.unread) {
    let bad: Error | undefined;
    for (const [k, [start, end]] of entryIndex.get(section)!) {
      if (out[k] != null) continue;
      try {
        out[k] ??= JSON.parse(section.bytesAt!(start, end).toString('utf8')) as unknown;
      } catch (err) {
        // Left out of the write (its article is built when next read, here or after a restart).
        bad ??= err as Error;
      }
    }
    if (bad) log?.warn({ section: section.section, err: bad.message }, 'persisted analysis is malformed; rebuilding those articles');
  }
  return out;
}

function markDirty(state: State): void {
  state.dirty = true;
  if (!state.slot?.dir) return;
  state.flush ??= () => save(state);
  pendingWrites.add(state.flush);
  if (state.saving) return;
  // After the command that needed the part has answered: the write is not on its path.
  const timer = setTimeout(() => void save(state), 0);
  timer.unref();
}

/** Write everything this analysis holds (built, hydrated or still stored) atomically. */
function save(state: State): Promise<void> {
  const dir = state.slot?.dir;
  if (state.saving) return state.saving.then(() => save(state));
  if (!dir || !state.dirty) {
    if (state.flush) pendingWrites.delete(state.flush);
    return Promise.resolve();
  }
  state.dirty = false;
  if (state.flush) pendingWrites.delete(state.flush);
  const run = (async () => {
    await null; // `state.saving` is set before the write starts (and cleared after it ends)
    try {
      const a = registry.get(state.corpus)!;
      // A newer corpus version took this folder over (a watcher swap): it inherits what this one
      // built per article and writes its own file; writing this version now would only undo that.
      if (state.slot?.last && state.slot.last.version !== a.version) return;
      // Only articles of this corpus (by id and content): the file never grows with deleted or edited ones.
      const current = new Set(state.corpus.articles.map((x) => `${x.id}\u0000${x.hash}`));
      const ofCurrent = (key: string) => current.has(key.slice(0, key.lastIndexOf('\u0000')));
      const perArticle = <T>(p: PerArticle<T>) => {
        const out: Record<string, never> = {};
        for (const [k, v] of Object.entries(storedForSave(p, state.log))) if (ofCurrent(k)) out[k] = v as never;
        for (const [k, v] of p.live) if (ofCurrent(k)) out[k] = p.codec.toJson(v.value) as never;
        return out;
      };
      // Parts never asked for pass through as stored (a section of the loaded file: its bytes, unparsed).
      const plain: Record<string, unknown> = { ...state.stored };
      const { eventIndex: storedEventIndex, profileIndex: storedProfileIndex, ageFacts: storedAgeFacts, related: storedRelated, ...stored } = plain;
      const parts = stored as AnalysisFile['parts'];
      const postings = { eventIndex: storedEventIndex, profileIndex: storedProfileIndex, ageFacts: storedAgeFacts, related: storedRelated } as NonNullable<AnalysisFile['postings']>;
      // Parts in use are written from memory, or as the section they were hydrated from (unchanged:
      // the entities' mentions need not all be read to write them again); parts never asked for pass through.
      const has = (name: PartName) => state.memo.has(name);
      const as = <T>(name: PartName, json: () => T): T => (state.sections.get(name) as T | undefined) ?? json();
      if (has('entities')) parts.entities = as('entities', () => entitiesToJson(a.entities));
      if (has('facts')) parts.facts = as('facts', () => factsToJson(a.facts, a.entities));
      if (has('events')) parts.events = as('events', () => eventsToJson(a.events));
      if (has('figureFacts') || state.memo.has('figureFactIndex')) parts.figureFacts = as('figureFacts', () => a.figureFacts);
      if (has('quotes')) parts.quotes = as('quotes', () => a.quotes);
      if (has('attribution')) parts.attribution = as('attribution', () => a.attribution);
      if (has('references')) parts.references = as('references', () => a.references);
      if (has('relations')) parts.relations = as('relations', () => relationsToJson(a.relations));
      if (has('eventIndex')) postings.eventIndex = as('eventIndex', () => a.eventIndex.toJson());
      if (has('profileIndex')) postings.profileIndex = as('profileIndex', () => a.profileIndex.toJson());
      if (has('ageFacts')) postings.ageFacts = as('ageFacts', () => a.ageFacts);
      if (has('related')) postings.related = as('related', () => a.related.toJson());
      const t0 = performance.now();
      await writeAnalysisFile(dir, { schema: ANALYSIS_SCHEMA, code: codeVersion(), version: state.corpus.version, parts, postings, figures: perArticle(state.figures), digest: perArticle(state.digest), dateMentions: perArticle(state.dateMentions) });
      state.log?.debug({ version: state.corpus.version, parts: Object.keys(parts), ms: Math.round(performance.now() - t0) }, 'corpus analysis saved');
    } catch (err) {
      state.log?.warn({ err: (err as Error).message }, 'could not persist the analysis; the next start rebuilds it');
    } finally {
      state.saving = undefined;
      // Parts built while this write ran are written next.
      if (state.dirty) markDirty(state);
    }
  })();
  state.saving = run;
  return run;
}
