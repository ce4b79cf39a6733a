/**
 * Core data types shared by every layer. The corpus, index and engines produce
 * these; front doors (Discord, console, CLI) only read them.
 */

/** A character range [start, end) into the original file text (UTF-16 offsets, as JS strings). */
export interface Span {
  start: number;
  end: number;
}

/** One sentence of an article, with its exact position in the original file. */
export interface Sentence extends Span {
  /** Stable id: `${articleId}:p${paragraph}:s${index}` */
  id: string;
  articleId: string;
  paragraph: number;
  index: number;
  /** The sentence exactly as it appears in the file (raw.slice(start, end)). */
  text: string;
}

/** A paragraph: the unit the search index holds (a "passage"). */
export interface Paragraph extends Span {
  /** Stable id: `${articleId}:p${index}` */
  id: string;
  articleId: string;
  index: number;
  text: string;
  sentences: Sentence[];
}

/** Metadata inferred from the text (or set by YAML front matter). */
export interface ArticleMeta {
  title: string;
  /** ISO date YYYY-MM-DD, or null when the article carries no date. */
  date: string | null;
  /**
   * When the article also says it was updated a few days after `date` ("Published: Feb. 22 | Updated: Feb. 23"): that day.
   * Its text may have been written on either; absent otherwise.
   */
  updated?: string;
  author: string | null;
  outlet: string | null;
  url: string | null;
}

/** A loaded, cleaned article. */
export interface Article extends ArticleMeta {
  /** The file name inside the corpus folder, e.g. `001_080066696a52c0c3.txt`. */
  id: string;
  /** Absolute path of the file. */
  path: string;
  /** The original file text, byte-for-byte decoded as UTF-8. Quotes are slices of it. */
  raw: string;
  /** Paragraphs of body text, boilerplate removed. */
  paragraphs: Paragraph[];
  /** All body sentences in reading order. */
  sentences: Sentence[];
  /** Word count of the cleaned body. */
  words: number;
  /** sha256 of raw, hex (for cache keys and corpus versioning). */
  hash: string;
  /** File modification time, ms since epoch (when the article was added). */
  addedAt: number;
  /**
   * For markup files (HTML): the raw ranges holding visible text. Quotes across a
   * tag are made of several verbatim fragments joined with " … ". Absent for plain text.
   */
  runs?: [number, number][];
  /** "txt" | "md" | "html" */
  format: 'txt' | 'md' | 'html';
}

/** One article largely contained in another. */
export interface Overlap {
  /** The article that is (largely) contained… */
  source: string;
  /** …in this one. */
  within: string;
  /** Share of `source`'s sentences found in `within`, 0..1. */
  share: number;
}

/** A file that could not be loaded, with a human reason. */
export interface LoadWarning {
  file: string;
  reason: string;
}

/** The whole corpus, as loaded. */
export interface Corpus {
  dir: string;
  articles: Article[];
  byId: Map<string, Article>;
  overlaps: Overlap[];
  warnings: LoadWarning[];
  /** A hash over every article's hash: changes when any article changes. */
  version: string;
  /**
   * Set by the watcher while the corpus folder is missing, unreadable or empty: this
   * corpus is then the last good one, kept (not emptied) since `since` (epoch ms).
   */
  unavailable?: { since: number; reason: string };
}

/** A citation shown to the user: `quote` is verbatim in article `source`. */
export interface Citation {
  n: number;
  source: string;
  quote: string;
  title: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
  /** Sentence ids the quote was taken from (not part of the CLI contract; used internally). */
  sentenceIds?: string[];
}

/** One paragraph-like block of an answer; `cites` are citation numbers. */
export interface AnswerBlock {
  heading?: string;
  text: string;
  cites: number[];
  /** The citation this block quotes word for word (an extractive answer's quote), when it is one. */
  quote?: number;
  /** Independent articles (near-duplicates counted once) that say much the same as this block. */
  independent?: number;
}

export type CommandName = 'ask' | 'who' | 'timeline' | 'sources' | 'digest' | 'verify' | 'compare';

/** An entity as /who describes it. */
export interface EntityInfo {
  name: string;
  kind: 'person' | 'organization' | 'place' | 'other';
  aliases: string[];
  description: string;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

/** A timeline entry. */
export interface TimelineEvent {
  date: string | null;
  precision: DatePrecision;
  text: string;
  citations: number[];
  reportedIn: string[];
  background?: boolean;
  /** Human note for unresolved or inferred dates, e.g. "a Tuesday, date not given". */
  note?: string;
}

/** One article as /sources lists it. */
export interface SourceInfo {
  source: string;
  title: string;
  outlet: string | null;
  date: string | null;
  author: string | null;
  url: string | null;
  words: number;
  cites: string[];
  overlapsWith: { source: string; share: number }[];
}

export interface DigestSection {
  heading: string;
  text: string;
  citations: number[];
}

export interface Disagreement {
  topic: string;
  sides: { text: string; citations: number[] }[];
}

/** The contract between engines and renderers. */
export interface Answer {
  command: CommandName;
  answered: boolean;
  title: string;
  /**
   * The answer in one line with its [n] markers, shown before any quote (filled by the
   * evidence layer when it can state one; absent otherwise).
   */
  short?: { text: string; cites: number[] };
  blocks: AnswerBlock[];
  citations: Citation[];
  followUps: string[];
  /** Short notes for the user (degraded memory, model fallback, …). */
  notes?: string[];
  entity?: EntityInfo;
  events?: TimelineEvent[];
  sources?: SourceInfo[];
  sections?: DigestSection[];
  image?: string;
  verdict?: 'supported' | 'contradicted' | 'partly supported' | 'not addressed';
  disagreements?: Disagreement[];
  /** Extra command data that renderers may use; not part of the CLI contract. */
  meta?: Record<string, unknown>;
}
