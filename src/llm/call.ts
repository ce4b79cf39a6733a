/**
 * One chat completion with our own retry policy. The SDK's built-in retries are
 * off (maxRetries: 0) because it retries every 429, including
 * `insufficient_quota`, which never heals by waiting. Here: 429/408/409/5xx,
 * connection failures and per-call timeouts are retried with jittered backoff
 * (or the server's Retry-After), never past the overall deadline.
 */
import OpenAI, { APIError, APIConnectionTimeoutError, APIUserAbortError } from 'openai';
import type { Logger } from '../log.js';

export type ChatCompletion = OpenAI.Chat.Completions.ChatCompletion;
export type ChatParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

export interface CallOptions {
  /** Epoch ms after which nothing more is attempted and any call in flight is abandoned. */
  deadlineAt: number;
  /** Longest one attempt may take. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  signal?: AbortSignal;
  log: Logger;
  /** First backoff step (ms); doubled per retry, jittered, capped at 4 s. */
  baseDelayMs?: number;
}

export interface CallResult {
  completion: ChatCompletion | null;
  attempts: number;
  /** Why no completion was returned. */
  failure?: string;
  /** The response format the server finally accepted. */
  format: 'json_schema' | 'json_object' | 'none';
}

interface Verdict {
  retry: boolean;
  reason: string;
  retryAfterMs?: number;
  formatRejected?: boolean;
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const ra = headers?.get('retry-after');
  if (!ra) return undefined;
  const s = Number.parseFloat(ra);
  if (Number.isFinite(s)) return s * 1000;
  const at = Date.parse(ra);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function judge(err: unknown): Verdict {
  if (err instanceof APIConnectionTimeoutError) return { retry: true, reason: 'timeout' };
  if (err instanceof APIUserAbortError) return { retry: true, reason: 'timeout' };
  if (err instanceof APIError) {
    const body = (err.error ?? {}) as Record<string, unknown>;
    const code = err.code ?? (body.code as string | undefined);
    if (code === 'insufficient_quota' || err.type === 'insufficient_quota') return { retry: false, reason: 'insufficient_quota' };
    const status = err.status;
    if (status === undefined) return { retry: true, reason: `connection: ${err.message}` };
    if (status === 400 && /response_format|json_schema|json_object|structured/i.test(err.message)) {
      return { retry: false, reason: 'response_format rejected', formatRejected: true };
    }
    if (status === 429 || status === 408 || status === 409 || status >= 500) {
      return { retry: true, reason: `http ${status}`, retryAfterMs: retryAfterMs(err.headers as Headers | undefined) };
    }
    return { retry: false, reason: `http ${status}: ${err.message.slice(0, 200)}` };
  }
  return { retry: false, reason: `error: ${String((err as Error)?.message ?? err).slice(0, 200)}` };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

const ABANDONED = Symbol('abandoned');

/** Run the request under the policy above. Never rejects. */
export async function completeWithRetries(client: OpenAI, params: ChatParams, opts: CallOptions): Promise<CallResult> {
  const base = opts.baseDelayMs ?? 250;
  let format: CallResult['format'] = params.response_format?.type === 'json_schema' ? 'json_schema' : 'none';
  let attempts = 0;
  let retries = 0;
  let lastReason = 'deadline';
  for (;;) {
    if (opts.signal?.aborted) return { completion: null, attempts, failure: 'aborted', format };
    const remaining = opts.deadlineAt - Date.now();
    if (remaining < 25) return { completion: null, attempts, failure: `deadline (last: ${lastReason})`, format };
    const attemptMs = Math.max(1, Math.floor(Math.min(opts.timeoutMs, remaining)));
    // The SDK's timeout covers only until headers arrive; this signal also covers the body.
    const signal = AbortSignal.any([AbortSignal.timeout(attemptMs), ...(opts.signal ? [opts.signal] : [])]);
    const body: ChatParams =
      format === 'json_schema' ? params
      : format === 'json_object' ? { ...params, response_format: { type: 'json_object' } }
      : (({ response_format: _drop, ...rest }) => rest)(params);
    attempts++;
    let guard: NodeJS.Timeout | undefined;
    try {
      // A last-resort guard so that nothing (a stuck body stream, a bug) outlives the attempt.
      const abandoned = new Promise<typeof ABANDONED>((resolve) => {
        guard = setTimeout(() => resolve(ABANDONED), attemptMs + 50);
      });
      const result = await Promise.race([
        client.chat.completions.create(body, { timeout: attemptMs, maxRetries: 0, signal }),
        abandoned,
      ]);
      if (result === ABANDONED) throw new APIConnectionTimeoutError();
      return { completion: result, attempts, format };
    } catch (err) {
      if (opts.signal?.aborted) return { completion: null, attempts, failure: 'aborted', format };
      const v = judge(err);
      lastReason = v.reason;
      if (v.formatRejected && format !== 'none') {
        // Older local servers reject json_schema: degrade the format, not the answer.
        format = format === 'json_schema' ? 'json_object' : 'none';
        opts.log.info({ format }, 'llm: server rejected response_format, trying a simpler one');
        continue;
      }
      if (!v.retry || retries >= opts.maxRetries) {
        opts.log.warn({ attempts, reason: v.reason }, 'llm: request failed');
        return { completion: null, attempts, failure: v.reason, format };
      }
      retries++;
      const backoff = base * 2 ** (retries - 1);
      // The server's Retry-After wins; the deadline check below bounds it.
      const delay = v.retryAfterMs ?? Math.min(backoff * (0.5 + Math.random() / 2), 4000);
      if (Date.now() + delay >= opts.deadlineAt - 25) {
        opts.log.warn({ attempts, reason: v.reason, delay }, 'llm: no time left to retry');
        return { completion: null, attempts, failure: `deadline (last: ${v.reason})`, format };
      }
      opts.log.info({ attempt: attempts, reason: v.reason, delay: Math.round(delay) }, 'llm: retrying');
      await sleep(delay, opts.signal);
    } finally {
      clearTimeout(guard);
    }
  }
}
