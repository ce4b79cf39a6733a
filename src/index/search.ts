/**
 * Full-text search over passages (paragraphs) with MiniSearch: accent-insensitive,
 * typo-tolerant, prefix-aware. Persisted as JSON keyed by the corpus version so a
 * restart with an unchanged corpus does not rebuild.
 */
import type { Corpus, Paragraph, Sentence } from '../types.js';

/** One search hit: a passage with MiniSearch's score and matched terms. */
export interface PassageHit {
  id: string;
  articleId: string;
  score: number;
  /** Query terms (normalised) that matched. */
  terms: string[];
  /** Matched document term → fields. */
  match: Record<string, string[]>;
}

export interface SearchOptions {
  /** Max hits to return (default 20). */
  limit?: number;
  /** Restrict to these articles. */
  articles?: string[];
  /**
   * Per query word (as written in the query), a weight below or above 1: a word the
   * question only relates to ("vessel" for "boat") counts for less than its own words.
   */
  boost?: Record<string, number>;
  /**
   * The query's words are index terms already (stems, as `SearchIndex.docFreq` keys them): a word the index holds is
   * searched as it is, not stemmed again. The stemmer is not idempotent ("settlement" is indexed as "settle", which it
   * would stem to "settl"), so a derived key would otherwise miss the passages it was derived for.
   */
  terms?: boolean;
}

/** A search index's postings by passage number: numbers hold while the index is not changed (an article added or removed). */
export interface NumberedPostings {
  /** The passage's number, or undefined when it is not indexed. */
  numberOf(passageId: string): number | undefined;
  /** The numbers of the passages whose text holds `term` (normalised): the index's own posting, read-only. */
  holding(term: string): { has(n: number): boolean; readonly size: number; keys(): Iterable<number> } | undefined;
  /** The id of the passage of a number (`numberOf`'s inverse). */
  passageIdOf(n: number): string | undefined;
}

/** The searchable view of a corpus. */
export interface SearchIndex {
  readonly version: string;
  search(query: string, opts?: SearchOptions): PassageHit[];
  passage(id: string): Paragraph | undefined;
  sentence(id: string): Sentence | undefined;
  /**
   * The corpus term a (normalised) query term most likely means: itself when the
   * corpus has it, else the most frequent term within a small edit distance
   * (swapped letters count as one edit), else itself.
   */
  correct(term: string): string;
  /** Number of passages containing `term` (normalised), for answerability checks. */
  docFreq(term: string): number;
  /**
   * Which passages' text holds `term` (normalised), read from the index's postings (no passage
   * is tokenised): a test by passage id. Optional: an index that cannot tell returns nothing.
   */
  holding?(term: string): ((passageId: string) => boolean) | undefined;
  /**
   * The same postings by number, for a caller testing many passages against many terms: one lookup per passage
   * (`numberOf`), then each term's passages as numbers (no passage id hashed per term). The same view is returned until
   * the index changes, so what a caller reads by it (a passage's number) may be kept with it. Optional, like `holding`.
   */
  numbered?(): NumberedPostings | undefined;
  /** Every indexed term (stemmed, folded), for spelling correction. */
  vocabulary(): Iterable<string>;
  /** Total passages indexed. */
  readonly size: number;
}
