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

export interface LlmRequest {
  /** What the user wants, e.g. the question, or "Summarise the story" for the digest. */
  task: 'ask' | 'who-summary' | 'digest' | 'verify' | 'compare';
  question: string;
  /** Earlier turns of the conversation, oldest first (plain text, may be empty). */
  history?: { question: string; answer: string }[];
  passages: LlmPassage[];
}

/** A verified model answer: every quote in `citations` is verbatim in its passage. */
export interface LlmAnswer {
  blocks: AnswerBlock[];
  citations: Citation[];
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  model: string;
}

/** The model layer; absent when no OPENAI_API_KEY is configured. */
export interface Llm {
  /**
   * Ask the model. Resolves with a verified answer, or null when the model failed,
   * timed out, or too little of its output could be verified — the caller then
   * serves the extractive answer. Never rejects.
   */
  answer(req: LlmRequest, signal?: AbortSignal): Promise<LlmAnswer | null>;
}
