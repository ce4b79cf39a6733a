/**
 * The model layer: the only module that talks to an OpenAI-compatible server.
 * `createLlm(config, deps).answer(req)` builds a budgeted prompt from the given
 * passages, calls the model under a deadline, verifies every quote, and returns a
 * verified answer or null (the caller then serves its extractive answer).
 */
import { createHash } from 'node:crypto';
import OpenAI from 'openai';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { completeWithRetries, type ChatParams } from './call.js';
import { estimateCostUsd, priceOf } from './cost.js';
import { buildPrompt, PROMPT_VERSION, type BuiltPrompt } from './prompt.js';
import { estimateTokens } from './tokens.js';
import type { Llm, LlmAnswer, LlmFailure, LlmRequest } from './types.js';
import { parseModelOutput, verifyOutput } from './verify.js';
import { SUPPORT_VERSION } from '../evidence/support.js';

export type { Llm, LlmAnswer, LlmArticleMeta, LlmFailure, LlmPassage, LlmRequest, LlmTask } from './types.js';
export { modelFallbackNote } from './types.js';
export { buildPrompt, parsePromptPassages, outputSchema, PROMPT_VERSION } from './prompt.js';
export { estimateTokens, estimateChatTokens } from './tokens.js';
export { findVerbatim, parseModelOutput, verifyOutput } from './verify.js';
export { sanitizeProse } from './sanitize.js';
export { estimateCostUsd } from './cost.js';

export type LlmConfig = Pick<
  Config,
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_MODEL'
  | 'OPENAI_TIMEOUT_MS'
  | 'OPENAI_DEADLINE_MS'
  | 'OPENAI_MAX_RETRIES'
  | 'OPENAI_PROMPT_TOKEN_BUDGET'
>;

export interface LlmDeps {
  store: Store;
  log: Logger;
  /** Part of the cache key: a changed corpus never serves an old answer. */
  /** The corpus version, or a function returning the current one (the corpus can change while running). */
  corpusVersion: string | (() => string);
  /** First retry backoff in ms (default 250; tests shorten it). */
  baseDelayMs?: number;
  /** How long verified answers stay cached (default 7 days). */
  cacheTtlMs?: number;
}

/** The verification bar: at least one sentence, and at least half of what the model wrote. */
function enoughSurvived(kept: number, total: number): boolean {
  return kept >= 1 && kept * 2 >= total;
}

/** One model run's result; shared by identical questions asked at once. */
interface Outcome {
  answer: LlmAnswer | null;
  failure?: LlmFailure;
}

/** A call.ts failure reason as the kind the user is told about. */
function failureOf(reason: string | undefined): LlmFailure {
  if (reason === 'aborted') return 'aborted';
  // "deadline (last: http 503)" ran out of time on errors; only a model that did not answer is slow
  return reason === 'timeout' || reason === 'deadline (last: timeout)' || reason === 'deadline (last: deadline)' ? 'slow' : 'error';
}

/** Reasoning models reject a non-default temperature; everything else answers more literally at 0. */
const fixedTemperature = (model: string) => /^(o\d|gpt-5)/i.test(model);

function cacheKey(req: LlmRequest, prompt: BuiltPrompt, model: string, corpusVersion: string): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify({
      v: PROMPT_VERSION,
      // an answer verified by an older judge may hold sentences the current one drops
      support: SUPPORT_VERSION,
      model,
      corpusVersion,
      task: req.task,
      question: req.question.trim(),
      history: (req.history ?? []).map((t) => [t.question, t.answer]),
      passages: prompt.passages.map((p) => [p.n, p.id, p.articleId, createHash('sha256').update(p.text).digest('hex').slice(0, 16)]),
      articles: req.articles ?? null,
    }),
  );
  return `llm:answer:${h.digest('hex')}`;
}

/** Create the model layer. Requires OPENAI_API_KEY (any non-empty string for local servers). */
export function createLlm(config: LlmConfig, deps: LlmDeps): Llm {
  const { store, log, corpusVersion } = deps;
  const model = config.OPENAI_MODEL;
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY ?? 'unset',
    baseURL: config.OPENAI_BASE_URL,
    // Our own policy in call.ts; see there.
    maxRetries: 0,
    timeout: config.OPENAI_TIMEOUT_MS,
  });
  const ttl = deps.cacheTtlMs ?? 7 * 24 * 3600_000;
  const inflight = new Map<string, Promise<Outcome>>();
  if (!priceOf(model)) log.info({ model }, 'llm: no list price known for this model; cost is logged as 0');

  async function cached(key: string): Promise<LlmAnswer | undefined> {
    try {
      return await store.get<LlmAnswer>(key);
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'llm: answer cache unavailable (read)');
      return undefined;
    }
  }

  async function remember(key: string, answer: LlmAnswer): Promise<void> {
    try {
      await store.set(key, answer, ttl);
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'llm: answer cache unavailable (write)');
    }
  }

  async function run(req: LlmRequest, prompt: BuiltPrompt, key: string, signal?: AbortSignal): Promise<Outcome> {
    const started = Date.now();
    const params: ChatParams = {
      model,
      messages: prompt.messages,
      response_format: { type: 'json_schema', json_schema: { name: 'dispatch_answer', strict: true, schema: prompt.schema } },
      max_completion_tokens: prompt.maxCompletionTokens,
      ...(fixedTemperature(model) ? {} : { temperature: 0 }),
    };
    const res = await completeWithRetries(client, params, {
      deadlineAt: started + config.OPENAI_DEADLINE_MS,
      timeoutMs: config.OPENAI_TIMEOUT_MS,
      maxRetries: config.OPENAI_MAX_RETRIES,
      signal,
      log,
      baseDelayMs: deps.baseDelayMs,
    });
    const base = { task: req.task, model, attempts: res.attempts, estPromptTokens: prompt.estimatedTokens, passages: prompt.passages.length };
    if (!res.completion) {
      log.warn({ ...base, ms: Date.now() - started, reason: res.failure }, 'llm: no answer, serving extractive');
      return { answer: null, failure: failureOf(res.failure) };
    }
    const content = res.completion.choices?.[0]?.message?.content ?? null;
    const usage = res.completion.usage;
    const promptTokens = usage?.prompt_tokens ?? prompt.estimatedTokens;
    const completionTokens = usage?.completion_tokens ?? estimateTokens(content ?? '');
    const costUsd = estimateCostUsd(model, promptTokens, completionTokens);
    const spend = { promptTokens, completionTokens, usageReported: !!usage, costUsd };
    if (usage && usage.prompt_tokens > config.OPENAI_PROMPT_TOKEN_BUDGET) {
      log.warn({ ...base, ...spend, budget: config.OPENAI_PROMPT_TOKEN_BUDGET }, 'llm: server counted more prompt tokens than the budget');
    }
    const parsed = parseModelOutput(content);
    if (!parsed) {
      log.warn({ ...base, ...spend, ms: Date.now() - started, sample: (content ?? '').slice(0, 120) }, 'llm: unparseable reply, serving extractive');
      return { answer: null, failure: 'error' };
    }
    // "The passages do not answer this" ({"blocks": []}) is an answer, not a failure to verify.
    if (!parsed.blocks.some((b) => b.sentences.length)) {
      log.info({ ...base, ...spend, ms: Date.now() - started }, 'llm: the model says the passages do not answer');
      return { answer: null, failure: 'declined' };
    }
    const v = verifyOutput(parsed, prompt.passages, req.articles);
    const outcome = { ...base, ...spend, ms: Date.now() - started, sentences: v.total, verified: v.kept, dropped: v.total - v.kept };
    if (!enoughSurvived(v.kept, v.total) || !v.blocks.length) {
      log.warn({ ...outcome, reasons: v.reasons.slice(0, 5) }, 'llm: too little verified, serving extractive');
      return { answer: null, failure: 'unverified' };
    }
    log.info({ ...outcome, ...(v.reasons.length ? { reasons: v.reasons.slice(0, 5) } : {}) }, 'llm: verified answer');
    const answer: LlmAnswer = {
      blocks: v.blocks,
      citations: v.citations,
      promptTokens,
      completionTokens,
      costUsd,
      model: res.completion.model || model,
      ...(v.verdict ? { verdict: v.verdict } : {}),
      dropped: v.total - v.kept,
    };
    await remember(key, answer);
    return { answer };
  }

  return {
    async answer(req, signal, report) {
      try {
        if (!req.passages.length) return null;
        if (signal?.aborted) {
          report?.('aborted');
          return null;
        }
        const prompt = buildPrompt(req, config.OPENAI_PROMPT_TOKEN_BUDGET);
        if (!prompt) {
          log.warn({ task: req.task, budget: config.OPENAI_PROMPT_TOKEN_BUDGET }, 'llm: no passage fits the prompt budget');
          report?.('error');
          return null;
        }
        const key = cacheKey(req, prompt, model, typeof corpusVersion === 'function' ? corpusVersion() : corpusVersion);
        const hit = await cached(key);
        if (hit && Array.isArray(hit.blocks) && Array.isArray(hit.citations)) {
          log.info({ task: req.task, model, cached: true, promptTokens: 0, costUsd: 0 }, 'llm: cached answer');
          return { ...hit, promptTokens: 0, completionTokens: 0, costUsd: 0, cached: true };
        }
        // Identical questions asked at once share one model call.
        let p = inflight.get(key);
        if (!p) {
          p = run(req, prompt, key, signal).finally(() => inflight.delete(key));
          inflight.set(key, p);
        }
        const out = await p;
        if (out.failure) report?.(out.failure);
        return out.answer;
      } catch (err) {
        log.error({ err: (err as Error)?.message ?? String(err), task: req.task }, 'llm: unexpected failure, serving extractive');
        report?.('error');
        return null;
      }
    },
  };
}
