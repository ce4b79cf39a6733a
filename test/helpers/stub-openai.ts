/**
 * A scriptable OpenAI-compatible server (POST /v1/chat/completions) on
 * 127.0.0.1:0, for tests and benchmarks that drive the real `openai` client.
 *
 * Replies are taken from a queue (`script(...)`) in order; when it is empty the
 * `fallback` answers (by default: a well-formed answer quoting the first sentence
 * of the first passages it was given). Every request is recorded with its parsed
 * body, so tests can assert what the model was shown and how many calls were made.
 *
 *   const stub = await startStubOpenai();
 *   stub.script(apiError(429, { type: 'rate_limit' }), reply(modelJson({ blocks: [] })));
 *   // OPENAI_BASE_URL = stub.baseURL
 *   await stub.close();
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { estimateChatTokens, estimateTokens } from '../../src/llm/tokens.js';
import { parsePromptPassages } from '../../src/llm/prompt.js';

/** One request the stub received. */
export interface StubRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (undefined if it was not JSON). */
  body: any;
  /** ms since epoch when it arrived. */
  at: number;
}

/** What to answer one request with. */
export type StubReply =
  /** A chat completion whose message content is `content` (usage filled in from the request). */
  | { content: string | null; model?: string; usage?: false | { prompt_tokens: number; completion_tokens: number }; delayMs?: number }
  /** Any JSON body with a status (errors, odd shapes). */
  | { status: number; json: unknown; headers?: Record<string, string>; delayMs?: number }
  /** Raw bytes (malformed bodies). */
  | { status: number; raw: string; headers?: Record<string, string>; delayMs?: number }
  /** Never answer; the connection stays open until the client gives up or the stub closes. */
  | { hang: true };

export type StubHandler = (req: StubRequest, index: number) => StubReply | Promise<StubReply>;

export interface StubOpenai {
  /** Base URL including /v1, for OPENAI_BASE_URL. */
  baseURL: string;
  port: number;
  /** Every request received, in order. */
  requests: StubRequest[];
  /** Queue replies (or handlers) for the next requests, in order. */
  script(...replies: (StubReply | StubHandler)[]): void;
  /** Forget queued replies and recorded requests (between tests). */
  reset(): void;
  /** What answers when the queue is empty. */
  fallback: StubReply | StubHandler;
  close(): Promise<void>;
}

/** A completion reply with this message content. */
export const reply = (content: string | null, extra: Omit<Extract<StubReply, { content: unknown }>, 'content'> = {}): StubReply => ({
  content,
  ...extra,
});

/** A completion reply whose content is `obj` as JSON. */
export const modelJson = (obj: unknown): StubReply => reply(JSON.stringify(obj));

/** An OpenAI-shaped error: `{"error": {message, type, code}}`. */
export const apiError = (
  status: number,
  error: { message?: string; type?: string; code?: string | null },
  headers?: Record<string, string>,
): StubReply => ({
  status,
  json: { error: { message: error.message ?? `stub error ${status}`, type: error.type ?? 'server_error', param: null, code: error.code ?? null } },
  headers,
});

/** The text of all messages of a recorded request, joined. */
export function promptOf(req: StubRequest): string {
  return ((req.body?.messages ?? []) as { content?: unknown }[])
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
    .join('\n');
}

/** Estimated prompt tokens of a recorded request (same heuristic the budget uses: src/llm/tokens.ts). */
export function promptTokensOf(req: StubRequest): number {
  const messages = ((req.body?.messages ?? []) as { content?: unknown }[]).map((m) => ({ content: String(m.content ?? '') }));
  return estimateChatTokens(messages, req.body?.response_format?.json_schema?.schema);
}

/** Passages the request showed the model (parsed from the user message). */
export function passagesOf(req: StubRequest): { n: number; source: string; text: string }[] {
  const user = ((req.body?.messages ?? []) as { role: string; content?: unknown }[]).filter((m) => m.role === 'user');
  return user.flatMap((m) => parsePromptPassages(String(m.content ?? '')));
}

/** First sentence of a passage (up to the first terminal punctuation followed by space). */
function firstSentence(text: string): string {
  const m = /^[\s\S]*?[.!?]["”’)]*(?=\s|$)/.exec(text.trim());
  return (m ? m[0] : text.trim()).slice(0, 400);
}

/**
 * A "model" that behaves: one sentence per passage (up to `k`), each restating and
 * quoting the passage's first sentence verbatim.
 */
export function quotingAnswer(k = 2): StubHandler {
  return (req) => {
    const ps = passagesOf(req).slice(0, k);
    return modelJson({
      blocks: [
        {
          heading: '',
          sentences: ps.map((p) => {
            const quote = firstSentence(p.text);
            return { text: `According to the reporting, ${quote.replace(/^["“]/, '')}`, citations: [{ passage: p.n, quote }] };
          }),
        },
      ],
    });
  };
}

function completion(req: StubRequest, r: Extract<StubReply, { content: unknown }>) {
  const usage =
    r.usage === false ? undefined
    : (r.usage ?? { prompt_tokens: promptTokensOf(req), completion_tokens: estimateTokens(r.content ?? '') });
  return {
    id: `chatcmpl-stub-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: r.model ?? req.body?.model ?? 'stub-model',
    choices: [{ index: 0, message: { role: 'assistant', content: r.content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
  };
}

/** Start the stub on 127.0.0.1 with an ephemeral port. */
export async function startStubOpenai(fallback: StubReply | StubHandler = quotingAnswer()): Promise<StubOpenai> {
  const queue: (StubReply | StubHandler)[] = [];
  const requests: StubRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const stub = { fallback } as StubOpenai;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = undefined;
    }
    const rec: StubRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, at: Date.now() };
    const index = requests.push(rec) - 1;
    if (req.method !== 'POST' || !rec.path.replace(/\?.*$/, '').endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    const next = queue.shift() ?? stub.fallback;
    let r: StubReply;
    try {
      r = typeof next === 'function' ? await next(rec, index) : next;
    } catch (err) {
      r = apiError(500, { message: `stub handler threw: ${(err as Error).message}` });
    }
    if ('hang' in r) return; // left open on purpose
    const send = () => {
      if (res.destroyed) return;
      if ('content' in r) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(rec, r)));
      } else if ('raw' in r) {
        res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers }).end(r.raw);
      } else {
        res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers }).end(JSON.stringify(r.json));
      }
    };
    if (r.delayMs) {
      const t = setTimeout(() => {
        timers.delete(t);
        send();
      }, r.delayMs);
      timers.add(t);
    } else send();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return Object.assign(stub, {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    script: (...replies: (StubReply | StubHandler)[]) => void queue.push(...replies),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}
