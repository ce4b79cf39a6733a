/**
 * HTTP interactions mode: Discord POSTs each interaction to this endpoint; the
 * first response travels back in the HTTP response, later ones (edits,
 * follow-ups) go through the webhook REST routes. Stateless apart from the
 * store, so several instances can sit behind a load balancer.
 *
 * Every request is verified first — Ed25519 over `X-Signature-Timestamp` + the raw
 * body, with node's own crypto — and anything that fails gets 401 before any
 * parsing or work happens (Discord probes with bad signatures and removes
 * endpoints that accept them). Stale timestamps are refused too (replays).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST, Routes, type RESTOptions } from 'discord.js';
import { commands as defaultCommands } from '../../commands/index.js';
import type { Deps } from '../deps.js';
import type { Incoming, RawOption, ResolvedChannel, Responder, RunFn, SlashCommand } from './command.js';
import type { MessagePayload } from './render.js';
import { createRouter, type Router } from './router.js';
import { INTERACTION_CLAIM_MS } from '../scale/claim.js';

export interface HttpInteractionsOptions {
  run?: RunFn;
  commands?: readonly SlashCommand[];
  /** Hex Ed25519 public key (default: config DISCORD_PUBLIC_KEY). */
  publicKey?: string;
  /** Interface to listen on (default all; tests use 127.0.0.1). */
  host?: string;
  rest?: Partial<RESTOptions>;
  deferAfterMs?: number;
  cooldownSeconds?: number;
  /** Oldest/newest accepted X-Signature-Timestamp, in seconds from now (default 300). */
  maxSkewSeconds?: number;
  /** Auto-acknowledge when a handler has not answered within this many ms (default 2500; Discord allows 3 s). */
  ackWithinMs?: number;
  now?: () => number;
}

export interface HttpInteractionsServer {
  server: Server;
  port: number;
  router: Router;
  /** Stop accepting, finish in-flight answers, close. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
// DER prefix that wraps a raw 32-byte Ed25519 key as SubjectPublicKeyInfo
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const EPHEMERAL = 64;

/** A KeyObject for Discord's hex public key. */
export function ed25519PublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** True when `signature` (hex) signs `timestamp + body` under `key`, and the timestamp is fresh. */
export function verifyInteraction(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number,
  maxSkewSeconds = 300,
): boolean {
  if (!signature || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxSkewSeconds) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}

export const apiMessage = (p: MessagePayload, ephemeral = false) => ({
  ...(p.content !== undefined ? { content: p.content } : {}),
  embeds: p.embeds,
  components: p.components,
  allowed_mentions: { parse: [] },
  ...(ephemeral ? { flags: EPHEMERAL } : {}),
  // Uploaded files are listed by the index of their multipart part (files[i]).
  // (a snowflake-typed field: Discord's spec wants the index as a string)
  ...(p.files?.length ? { attachments: p.files.map((f, i) => ({ id: String(i), filename: f.name })) } : {}),
});

/** The files of a payload as @discordjs/rest uploads them (multipart: payload_json + files[i]). */
const restFiles = (p: MessagePayload) =>
  p.files?.length ? { files: p.files.map((f) => ({ name: f.name, data: f.data, ...(/\.png$/i.test(f.name) ? { contentType: 'image/png' } : {}) })) } : {};

/**
 * An interaction *response* (the HTTP reply to Discord's POST) is JSON only here, so
 * it cannot carry files: drop them, and any embed image that pointed at one.
 */
function withoutFiles(p: MessagePayload): MessagePayload {
  if (!p.files?.length) return p;
  const { files: _files, ...others } = p;
  return { ...others, embeds: p.embeds.map((e) => (e.image?.url?.startsWith('attachment://') ? { ...e, image: undefined } : e)) };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The channels Discord resolved for the command's channel options (in the signed
 * payload). Discord sends partial channels, usually without `guild_id`; when one is
 * present it is kept, so a channel of another server is refused.
 */
function resolvedChannels(data: any): Record<string, ResolvedChannel> {
  const out: Record<string, ResolvedChannel> = {};
  const raw = data?.resolved?.channels;
  if (!raw || typeof raw !== 'object') return out;
  for (const [id, c] of Object.entries<any>(raw)) {
    if (!/^\d{15,22}$/.test(id) || typeof c?.type !== 'number') continue;
    out[id] = { type: c.type, ...(c.guild_id !== undefined ? { guildId: str(c.guild_id) ?? null } : {}) };
  }
  return out;
}

/** Normalise a raw interaction payload; null when it is not something the bot handles. */
export function incomingFromApi(body: any): Incoming | null {
  const id = str(body?.id);
  const userId = str(body?.member?.user?.id) ?? str(body?.user?.id);
  const channelId = str(body?.channel_id) ?? str(body?.channel?.id);
  if (!id || !userId || !channelId) return null;
  let permissions: bigint | null = null;
  try {
    permissions = typeof body?.member?.permissions === 'string' ? BigInt(body.member.permissions) : null;
  } catch {
    permissions = null;
  }
  const origin = { id, userId, channelId, guildId: str(body?.guild_id) ?? null, permissions };
  const data = body?.data ?? {};
  const options = (Array.isArray(data.options) ? data.options : []) as RawOption[];
  switch (body.type) {
    case 2:
      return data.type === 1 && str(data.name) ? { ...origin, kind: 'command', name: data.name, options, channels: resolvedChannels(data) } : null;
    case 4:
      return str(data.name) ? { ...origin, kind: 'autocomplete', name: data.name, options } : null;
    case 3:
      if (data.component_type !== 2 || !str(data.custom_id)) return null;
      // the message's button rows, to disable them when the answer behind them has expired
      return { ...origin, kind: 'button', customId: data.custom_id, ...(Array.isArray(body?.message?.components) ? { components: body.message.components } : {}) };
    case 5: {
      if (!str(data.custom_id)) return null;
      const fields: Record<string, string> = {};
      for (const row of Array.isArray(data.components) ? data.components : []) {
        const inner = Array.isArray(row?.components) ? row.components : row?.component ? [row.component] : [];
        for (const c of inner) if (str(c?.custom_id) && typeof c.value === 'string') fields[c.custom_id] = c.value;
      }
      return { ...origin, kind: 'modal', customId: data.custom_id, fields };
    }
    default:
      return null;
  }
}

/** Start the endpoint. `port` 0 picks a free one. */
export async function startHttpInteractions(deps: Deps, port: number, opts: HttpInteractionsOptions = {}): Promise<HttpInteractionsServer> {
  const publicKey = opts.publicKey ?? deps.config.DISCORD_PUBLIC_KEY;
  if (!publicKey) throw new Error('DISCORD_PUBLIC_KEY is required for HTTP interactions');
  const key = ed25519PublicKey(publicKey);
  const now = opts.now ?? Date.now;
  const ackWithinMs = opts.ackWithinMs ?? 2500;
  const rest = new REST({ version: '10', ...(deps.config.DISCORD_API_URL ? { api: deps.config.DISCORD_API_URL } : {}), ...opts.rest });
  if (deps.config.DISCORD_TOKEN) rest.setToken(deps.config.DISCORD_TOKEN);
  const router = createRouter(deps, {
    commands: opts.commands ?? defaultCommands,
    run: opts.run,
    deferAfterMs: opts.deferAfterMs,
    cooldownSeconds: opts.cooldownSeconds,
    // The deferred ack is this request's HTTP response: send it before any engine work,
    // in the turn the request arrives, so a busy event loop cannot push it past 3 s.
    ackFirst: true,
  });
  // A replay must find the claim still held for as long as its signed timestamp is accepted.
  const claimMs = Math.max(INTERACTION_CLAIM_MS, (2 * (opts.maxSkewSeconds ?? 300) + 60) * 1000);

  /** A Responder whose first answer is the HTTP response and the rest go over REST. */
  function httpResponder(body: any, inc: Incoming, res: ServerResponse): { responder: Responder } {
    const appId = String(body.application_id);
    const token = String(body.token);
    let sent = false;
    let markWritten!: () => void;
    const written = new Promise<void>((r) => (markWritten = r));
    const respond = (payload: unknown): boolean => {
      if (sent) return false;
      sent = true;
      clearTimeout(timer);
      const text = JSON.stringify(payload);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text, () => markWritten());
      return true;
    };
    // Last resort (engine-backed actions are acknowledged at once): Discord fails the interaction
    // after 3 s, so acknowledge on a handler's behalf if it has not answered by then.
    const timer = setTimeout(() => {
      if (inc.kind === 'autocomplete') respond({ type: 8, data: { choices: [] } });
      else respond({ type: inc.kind === 'button' ? 6 : 5 });
    }, ackWithinMs);
    const original = Routes.webhookMessage(appId, token, '@original');
    const editOriginal = async (p: MessagePayload) => {
      await written;
      const msg = (await rest.patch(original, { body: apiMessage(p), ...restFiles(p), auth: false })) as { id?: string };
      return msg?.id;
    };
    const responder: Responder = {
      async defer(ephemeral) {
        respond({ type: 5, ...(ephemeral ? { data: { flags: EPHEMERAL } } : {}) });
        await written;
      },
      async reply(p, ephemeral) {
        if (!respond({ type: 4, data: apiMessage(withoutFiles(p), ephemeral) })) await editOriginal(p);
        await written;
      },
      edit: editOriginal,
      async followUp(p, ephemeral) {
        await written;
        const msg = (await rest.post(Routes.webhook(appId, token), {
          body: apiMessage(p, ephemeral),
          ...restFiles(p),
          auth: false,
          query: new URLSearchParams({ wait: 'true' }),
        })) as { id?: string };
        return msg?.id;
      },
      async deleteOriginal() {
        await written;
        await rest.delete(original, { auth: false });
      },
      async update(p) {
        if (!respond({ type: 7, data: apiMessage(withoutFiles(p)) })) await editOriginal(p);
        await written;
      },
      async updateComponents(rows) {
        if (!respond({ type: 7, data: { components: rows } })) {
          await written;
          await rest.patch(original, { body: { components: rows }, auth: false });
        }
        await written;
      },
      async modal(m) {
        if (!respond({ type: 9, data: m })) throw new Error('too late to show a modal');
        await written;
      },
      async choices(c) {
        respond({ type: 8, data: { choices: c } });
        await written;
      },
      async channelSend(p, nonce) {
        if (!deps.config.DISCORD_TOKEN) throw new Error('posting to a channel needs DISCORD_TOKEN');
        await written;
        const msg = (await rest.post(Routes.channelMessages(inc.channelId), {
          body: { ...apiMessage(p), nonce, enforce_nonce: true },
          ...restFiles(p),
        })) as { id?: string };
        return msg?.id;
      },
    };
    return { responder };
  }

  const plain = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(text);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    router.arrived();
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
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) return tooLarge();
      chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return;
      const raw = Buffer.concat(chunks);
      const sig = req.headers['x-signature-ed25519'];
      const ts = req.headers['x-signature-timestamp'];
      if (!verifyInteraction(key, str(sig), str(ts), raw, now(), opts.maxSkewSeconds)) {
        return plain(res, 401, 'invalid request signature');
      }
      let body: any;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return plain(res, 400, 'invalid JSON');
      }
      if (body?.type === 1) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"type":1}');
      }
      const inc = incomingFromApi(body);
      if (!inc || typeof body.token !== 'string' || !/^\d{15,22}$/.test(String(body.application_id))) {
        return plain(res, 400, 'unsupported interaction');
      }
      // Each interaction is answered once: a replayed signed request (within the timestamp
      // window) is refused with no side effect, in the embedded store as in Redis.
      void router.claim(inc.id, claimMs).then((first) => {
        if (!first) return plain(res, 409, 'interaction already received');
        const { responder } = httpResponder(body, inc, res);
        return router.handle(inc, responder, { claimed: true });
      });
    });
    req.on('error', () => res.destroy());
  };

  const server = createServer(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, opts.host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    router,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await router.idle();
      server.closeAllConnections();
      await closed;
    },
  };
}
