/**
 * The HTTP interactions front, run in its own thread (see http-interactions.ts): it
 * listens, reads each body up to the limit, checks the Ed25519 signature and the
 * timestamp, refuses replays, and acknowledges — so Discord's 3-second deadline never
 * waits on the main thread, whose engines, garbage collection and store saves can hold
 * it for seconds. The main thread gets every accepted interaction by message and
 * answers it through its router as usual.
 *
 * - PING is answered here.
 * - A command that runs an engine (its definition says `defer`) is answered here at
 *   once with a deferred response ({type:5}), then handed over: the router edits it.
 * - Anything whose HTTP response must carry data (autocomplete choices, a modal, a
 *   button's update, a refusal, a command that answers itself) is handed over and its
 *   response awaited; if the main thread has not answered within `ackWithinMs`, a
 *   deferred response of the right kind goes out from here instead.
 *
 * Imports stay lean (node, the signature check, option validation): this thread must
 * start fast and stay responsive.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { validateOptions } from './options.js';
import { ed25519PublicKey, verifyInteraction } from './http-signature.js';

/** What the front needs to know about a command (plain data: it crosses threads). */
export interface FrontCommand {
  def: RESTPostAPIChatInputApplicationCommandsJSONBody;
  defer?: 'public' | 'ephemeral';
}

export interface FrontOptions {
  port: number;
  host?: string;
  publicKey: string;
  maxSkewSeconds: number;
  /** Added to Date.now() for the timestamp check (a caller's own clock). */
  clockOffsetMs: number;
  ackWithinMs: number;
  /** How long an interaction id is remembered to refuse a replay. */
  replayMs: number;
  maxBodyBytes: number;
  commands: FrontCommand[];
}

/** The first response Discord got for an interaction. */
export interface FirstResponse {
  /** Interaction response type (5 deferred message, 6 deferred update, ...); 0 for a non-200 answer. */
  type: number;
  ephemeral: boolean;
}

/** Front → main thread. */
export type FrontMessage =
  | { op: 'listening'; port: number }
  | { op: 'listen-error'; message: string }
  /** An accepted interaction; `sent` when it was already acknowledged here. */
  | { op: 'interaction'; seq: number; body: any; sent?: FirstResponse }
  /** The fallback acknowledgement went out for `seq` (the main thread was too slow). */
  | { op: 'sent'; seq: number; first: FirstResponse }
  /** Reply to `respond`: whether the main thread's response was the one sent. */
  | { op: 'answered'; seq: number; accepted: boolean; first: FirstResponse }
  | { op: 'synced'; n: number }
  | { op: 'log'; level: 'warn' | 'error'; msg: string; err?: string }
  | { op: 'closed' };

/** Main thread → front. */
export type MainMessage =
  | { op: 'respond'; seq: number; status: number; text: string; json: boolean }
  /** Answered once every interaction accepted so far has been posted (for idle()). */
  | { op: 'sync'; n: number }
  /** Stop accepting connections. */
  | { op: 'stop' }
  /** Drop the remaining connections and reply `closed`. */
  | { op: 'close' };

const EPHEMERAL = 64;
const SNOWFLAKE = /^\d{15,22}$/;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The first response that answers `body` when the main thread is too slow (Discord's 3 s). */
function fallbackFor(body: any): { payload: unknown; first: FirstResponse } {
  switch (body.type) {
    case 4:
      return { payload: { type: 8, data: { choices: [] } }, first: { type: 8, ephemeral: false } };
    case 3:
      return { payload: { type: 6 }, first: { type: 6, ephemeral: false } };
    case 5:
      // a modal submit is a question whose answer is public
      return { payload: { type: 5 }, first: { type: 5, ephemeral: false } };
    default:
      // commands that answer for themselves (settings, help) answer privately: a public
      // "thinking…" must not turn a private answer public
      return { payload: { type: 5, data: { flags: EPHEMERAL } }, first: { type: 5, ephemeral: true } };
  }
}

/** Start the front; `post` sends to the main thread. */
export function startFront(o: FrontOptions, post: (m: FrontMessage) => void): { onMessage(m: MainMessage): void } {
  const key = ed25519PublicKey(o.publicKey);
  const byName = new Map(o.commands.map((c) => [c.def.name, c]));
  /** Interaction ids seen lately: a replayed signed request is refused here, without the main thread. */
  const seen = new Map<string, number>();
  const prune = setInterval(() => {
    const t = Date.now();
    for (const [id, until] of seen) if (until < t) seen.delete(id);
  }, 60_000);
  prune.unref();
  /** Interactions waiting for the main thread's response. */
  const waiting = new Map<number, { res: ServerResponse; timer: NodeJS.Timeout }>();
  let seq = 0;

  const plain = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(text);
  };
  const json = (res: ServerResponse, payload: unknown) => {
    const text = JSON.stringify(payload);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  /** An engine-backed command, well formed and valid, that is acknowledged here at once. */
  function deferNow(body: any): FrontCommand['defer'] {
    if (body.type !== 2 || body.data?.type !== 1) return undefined;
    const cmd = byName.get(str(body.data?.name) ?? '');
    if (!cmd?.defer || cmd.def.default_member_permissions) return undefined;
    if (!str(body.member?.user?.id) && !str(body.user?.id)) return undefined;
    if (!str(body.channel_id) && !str(body.channel?.id)) return undefined;
    try {
      // a refusal must be the HTTP response itself (an ephemeral message): leave those to the router
      validateOptions(cmd.def, body.data.options);
    } catch {
      return undefined;
    }
    return cmd.defer;
  }

  function accepted(body: any, res: ServerResponse): void {
    const id = str(body.id)!;
    const n = ++seq;
    const mode = deferNow(body);
    if (mode) {
      const ephemeral = mode === 'ephemeral';
      json(res, { type: 5, ...(ephemeral ? { data: { flags: EPHEMERAL } } : {}) });
      post({ op: 'interaction', seq: n, body, sent: { type: 5, ephemeral } });
      return;
    }
    const timer = setTimeout(() => {
      const w = waiting.get(n);
      if (!w) return;
      const { payload, first } = fallbackFor(body);
      waiting.delete(n); // a late `respond` is refused; the main thread learns of this one first
      json(w.res, payload);
      post({ op: 'sent', seq: n, first });
      post({ op: 'log', level: 'warn', msg: `interaction ${id} acknowledged by the HTTP front: the main thread had not answered within ${o.ackWithinMs} ms` });
    }, o.ackWithinMs);
    waiting.set(n, { res, timer });
    post({ op: 'interaction', seq: n, body });
  }

  function respond(m: Extract<MainMessage, { op: 'respond' }>): void {
    const w = waiting.get(m.seq);
    // already acknowledged here (the main thread was told by a `sent` message first)
    if (!w) return post({ op: 'answered', seq: m.seq, accepted: false, first: { type: 0, ephemeral: false } });
    clearTimeout(w.timer);
    let first: FirstResponse = { type: 0, ephemeral: false };
    if (m.status === 200 && m.json) {
      const p = JSON.parse(m.text) as { type: number; data?: { flags?: number } };
      first = { type: p.type, ephemeral: ((p.data?.flags ?? 0) & EPHEMERAL) !== 0 };
      w.res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(m.text) });
      w.res.end(m.text);
    } else {
      plain(w.res, m.status, m.text);
    }
    waiting.delete(m.seq);
    post({ op: 'answered', seq: m.seq, accepted: true, first });
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return plain(res, 405, 'method not allowed');
    // Refuse an over-limit body as soon as it is known to be one, and stop reading it: the
    // 413 goes out and the connection is dropped shortly after (time for the client to read
    // the answer; closing at once would reset it mid-upload), never drained to its end.
    const tooLarge = () => {
      req.removeAllListeners('data');
      req.pause();
      const text = 'payload too large';
      res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), connection: 'close' });
      // write, not end: ending makes node close the socket at once, and closing it with unread
      // upload data resets the connection before the client has read the 413
      res.write(text);
      setTimeout(() => req.socket?.destroy(), 1000).unref();
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > o.maxBodyBytes) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > o.maxBodyBytes) return tooLarge();
      chunks.push(c);
    });
    req.on('end', () => {
      if (size > o.maxBodyBytes) return;
      const raw = Buffer.concat(chunks);
      const sig = req.headers['x-signature-ed25519'];
      const ts = req.headers['x-signature-timestamp'];
      if (!verifyInteraction(key, str(sig), str(ts), raw, Date.now() + o.clockOffsetMs, o.maxSkewSeconds)) {
        return plain(res, 401, 'invalid request signature');
      }
      let body: any;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return plain(res, 400, 'invalid JSON');
      }
      if (body?.type === 1) return json(res, { type: 1 });
      const id = str(body?.id);
      if (!id || ![2, 3, 4, 5].includes(body.type) || typeof body.token !== 'string' || !SNOWFLAKE.test(String(body.application_id))) {
        return plain(res, 400, 'unsupported interaction');
      }
      // Each interaction is answered once: a replayed signed request (within the timestamp
      // window) is refused with no side effect. (The main thread also claims each id in the
      // store, which covers replays sent to another instance.)
      if (seen.has(id)) return plain(res, 409, 'interaction already received');
      seen.set(id, Date.now() + o.replayMs);
      accepted(body, res);
    });
    req.on('error', () => res.destroy());
  };

  const server = createServer((req, res) => {
    try {
      onRequest(req, res);
    } catch (err) {
      post({ op: 'log', level: 'error', msg: 'HTTP front failed on a request', err: (err as Error)?.message });
      if (!res.headersSent) plain(res, 500, 'internal error');
    }
  });
  server.once('error', (err) => post({ op: 'listen-error', message: err.message }));
  server.listen(o.port, o.host, () => post({ op: 'listening', port: (server.address() as AddressInfo).port }));

  return {
    onMessage(m) {
      switch (m.op) {
        case 'respond':
          return respond(m);
        case 'sync':
          return post({ op: 'synced', n: m.n });
        case 'stop':
          server.close();
          return;
        case 'close':
          server.closeAllConnections();
          clearInterval(prune);
          for (const w of waiting.values()) clearTimeout(w.timer);
          post({ op: 'closed' });
          return;
      }
    },
  };
}

if (!isMainThread && parentPort && (workerData as { dispatchHttpFront?: FrontOptions })?.dispatchHttpFront) {
  const port = parentPort;
  const front = startFront((workerData as { dispatchHttpFront: FrontOptions }).dispatchHttpFront, (m) => port.postMessage(m));
  port.on('message', (m: MainMessage) => front.onMessage(m));
}
