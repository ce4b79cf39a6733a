/** The contract between engines and the optional model layer (src/llm/). */
import type { AnswerBlock, Citation } from '../types.js';

/** A retrieved passage handed to the model as untrusted, numbered data. */
export interface LlmPassage {
  /** Passage number as shown to the model (1-based). */
  n: number;
  /** Paragraph or sentence id in the corpus. */
  id: string;
  /** Article file name. */
  articleId: string;
  /** The exact text (a slice of the article's raw text). */
  text: string;
}

/** Display metadata of one article, copied onto the citations the model layer returns. */
export interface LlmArticleMeta {
  title: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
}

export type LlmTask = 'ask' | 'who-summary' | 'digest' | 'verify' | 'compare';

export interface LlmRequest {
  /** What the user wants, e.g. the question, or "Summarise the story" for the digest. */
  task: LlmTask;
  question: string;
  /** Earlier turns of the conversation, oldest first (plain text, may be empty). */
  history?: { question: string; answer: string }[];
  passages: LlmPassage[];
  /**
   * Optional metadata by article id. When given, citations carry the article's
   * title/outlet/date/url; otherwise title is the article id and the rest null, and
   * the caller should fill them from its corpus. Article URLs listed here are also
   * the only URLs (besides those inside passages) the model's prose may keep.
   */
  articles?: Record<string, LlmArticleMeta>;
}

/** A verified model answer: every quote in `citations` is verbatim in its passage. */
export interface LlmAnswer {
  blocks: AnswerBlock[];
  citations: Citation[];
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  model: string;
  /** `verify` only: the model's verdict, kept only when at least one sentence verified. */
  verdict?: 'supported' | 'contradicted' | 'partly supported' | 'not addressed';
  /** Sentences the model wrote that failed verification and were dropped. */
  dropped?: number;
  /** True when served from the answer cache (tokens and cost are then 0). */
  cached?: boolean;
}

/**
 * Why no model answer came back: `slow` (no reply within the per-request timeout or
 * the overall deadline), `declined` (it said the passages do not answer), `unverified`
 * (it answered, too little survived verification), `error` (anything else: HTTP errors,
 * quota, unparseable output), `aborted`.
 */
export type LlmFailure = 'slow' | 'declined' | 'unverified' | 'error' | 'aborted';

/** The model layer; absent when no OPENAI_API_KEY is configured. */
export interface Llm {
  /**
   * Ask the model. Resolves with a verified answer, or null when the model failed,
   * timed out, or too little of its output could be verified — the caller then
   * serves the extractive answer. Never rejects. `report` hears why when it is null.
   */
  answer(req: LlmRequest, signal?: AbortSignal, report?: (failure: LlmFailure) => void): Promise<LlmAnswer | null>;
}

/** The note an answer carries when the model's reply was not used; `instead` says what the user gets. */
export function modelFallbackNote(failure: LlmFailure | undefined, deadlineMs?: number, instead = "this is the articles' own words"): string {
  if (failure === 'slow') {
    const within = deadlineMs ? ` within ${Math.round(deadlineMs / 1000)} s` : ' in time';
    return `The model was too slow (no reply${within}), so ${instead}.`;
  }
  return `The model's answer could not be verified in time, so ${instead}.`;
}
