/**
 * A fake Discord (REST + gateway) on 127.0.0.1 for end-to-end tests that drive the
 * real discord.js client. It records every REST request (method, decoded path,
 * parsed body) so tests can assert exactly what the bot sent, and lets a test push
 * INTERACTION_CREATE / MESSAGE_CREATE events down the gateway.
 *
 * The WebSocket side is a tiny hand-written RFC 6455 server (text frames, ping,
 * close) so the fixture needs no dependency beyond node itself.
 *
 * Usage:
 *   const discord = await startFakeDiscord();
 *   const client = new Client({ intents, rest: { api: discord.apiUrl } });
 *   await client.login('fake-token'); await discord.ready();
 *   const { id } = discord.sendInteraction(discord.command('ask', [{ name: 'question', type: 3, value: 'x' }]));
 *   const edit = await discord.waitForRequest((r) => r.path.endsWith('/messages/@original'));
 *   client.destroy(); await discord.close();   // destroy first, or the shard reconnects
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** One REST request the bot made. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, percent-decoded (so `@original` reads as such). */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body (multipart: the `payload_json` part), or null. */
  body: any;
  /** Raw body text. */
  raw: string;
  at: number;
}

/** Lets a test answer a route differently (errors, delays); return undefined to use the default. */
export type RouteOverride = (req: RecordedRequest) =>
  | { status: number; body?: unknown; delayMs?: number }
  | undefined
  | Promise<{ status: number; body?: unknown; delayMs?: number } | undefined>;

export interface FakeDiscordOptions {
  /**
   * On close, check every body the bot sent (and every HTTP-mode response handed to
   * `interactionResponse`) against Discord's OpenAPI description, and fail if one breaks it (default true).
   */
  checkSpec?: boolean;
  /** Extra guild channels (ids) besides the default text channel. */
  channels?: string[];
  /** Further servers the bot is in, each with its text channels (ids). */
  otherGuilds?: { id: string; channels: string[] }[];
}

export interface FakeDiscord {
  readonly port: number;
  /** Pass as `rest.api` to the discord.js Client (no `/v10`: the library adds it). */
  readonly apiUrl: string;
  readonly appId: string;
  readonly botId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly requests: RecordedRequest[];
  /** Resolves once a client has identified and received READY + GUILD_CREATE. */
  ready(): Promise<void>;
  /** Push an INTERACTION_CREATE (a full payload; use the builders below). */
  sendInteraction(payload: Record<string, any>): { id: string; token: string };
  /**
   * HTTP interactions mode: what the bot's endpoint answered to `payload` (Discord's POST),
   * delivered as Discord would receive it — recorded as a `POST /interactions/:id/:token/callback`
   * (so it is checked like any other body) and creating the @original message a later edit needs.
   */
  interactionResponse(payload: Record<string, any>, response: unknown): void;
  /** Push a MESSAGE_CREATE (a full payload; see `message`). */
  sendMessage(payload: Record<string, any>): void;
  /** Builders for realistic payloads. */
  command(name: string, options?: Record<string, any>[], who?: Who): Record<string, any>;
  autocomplete(name: string, options: Record<string, any>[], who?: Who): Record<string, any>;
  button(customId: string, message: Record<string, any>, who?: Who): Record<string, any>;
  modalSubmit(customId: string, fields: Record<string, string>, who?: Who): Record<string, any>;
  message(content: string, extra?: Record<string, any>): Record<string, any>;
  /** A message the bot posted (by id), as Discord would return it. */
  botMessage(id: string): Record<string, any> | undefined;
  /** The original response of an interaction (by its token), once Discord has created it. */
  originalMessage(token: string): Record<string, any> | undefined;
  /** Resolve with the first recorded request (past or future) matching `pred`. */
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolve once `n` requests match `pred`. */
  waitForRequests(pred: (r: RecordedRequest) => boolean, n: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  /** Requests for one interaction token (callback, webhook edits, follow-ups), in order. */
  requestsFor(token: string): RecordedRequest[];
  override(fn: RouteOverride | null): void;
  /** A message object as Discord returns it, posted by the bot in `channel` (for route overrides). */
  newBotMessage(channel: string, body: any, extra?: Record<string, unknown>): Record<string, any>;
  /** Fresh realistic snowflake (optionally for a past time). */
  snowflake(at?: number): string;
  close(): Promise<void>;
}

/** Who sends an interaction or message. */
export interface Who {
  userId?: string;
  channelId?: string;
  guildId?: string | null;
  /** Member permissions bit field as a decimal string. */
  permissions?: string;
  /** Force the interaction id (e.g. an old snowflake). */
  id?: string;
}

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;
function makeSnowflake(at = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

// ---- minimal WebSocket server --------------------------------------------------

interface WsConn {
  send(data: string): void;
  close(): void;
  onMessage?: (text: string) => void;
}

function acceptWebSocket(req: IncomingMessage, socket: Duplex): WsConn {
  // small frames: without this, Nagle + delayed ACKs add ~40 ms to some round trips
  (socket as Duplex & { setNoDelay?: (v: boolean) => void }).setNoDelay?.(true);
  const key = String(req.headers['sec-websocket-key'] ?? '');
  const accept = createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  let buf = Buffer.alloc(0);
  let fragments: Buffer[] = [];
  let closed = false;
  const frame = (opcode: number, payload: Buffer) => {
    const len = payload.length;
    const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
    if (len >= 126 && len < 65536) {
      head[0] = 0x80 | opcode;
      head[1] = 126;
      head.writeUInt16BE(len, 2);
    } else if (len >= 65536) {
      head[0] = 0x80 | opcode;
      head[1] = 127;
      head.writeBigUInt64BE(BigInt(len), 2);
    }
    if (!closed && socket.writable) socket.write(Buffer.concat([head, payload]));
  };
  const conn: WsConn = {
    send: (data) => frame(0x1, Buffer.from(data)),
    close() {
      if (closed) return;
      frame(0x8, Buffer.from([0x03, 0xe8]));
      closed = true;
      socket.end();
      setTimeout(() => socket.destroy(), 50).unref();
    },
  };
  socket.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf.length < 2) return;
      const fin = (buf[0]! & 0x80) !== 0;
      const opcode = buf[0]! & 0x0f;
      const masked = (buf[1]! & 0x80) !== 0;
      let len = buf[1]! & 0x7f;
      let off = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        len = buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (buf.length < 10) return;
        len = Number(buf.readBigUInt64BE(2));
        off = 10;
      }
      const maskOff = off;
      if (masked) off += 4;
      if (buf.length < off + len) return;
      const payload = Buffer.from(buf.subarray(off, off + len));
      if (masked) for (let i = 0; i < len; i++) payload[i]! ^= buf[maskOff + (i % 4)]!;
      buf = buf.subarray(off + len);
      if (opcode === 0x8) {
        conn.close();
        return;
      }
      if (opcode === 0x9) {
        frame(0xa, payload);
        continue;
      }
      if (opcode === 0xa) continue;
      fragments.push(payload);
      if (fin) {
        const text = Buffer.concat(fragments).toString('utf8');
        fragments = [];
        conn.onMessage?.(text);
      }
    }
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    closed = true;
  });
  return conn;
}

// ---- the fake -----------------------------------------------------------------

/** Start a fake Discord on 127.0.0.1 with an ephemeral port. */
export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const appId = makeSnowflake(Date.now() - 86_400_000 * 400);
  const botId = appId;
  const guildId = makeSnowflake(Date.now() - 86_400_000 * 300);
  const channelId = makeSnowflake(Date.now() - 86_400_000 * 200);
  const channelIds = [channelId, ...(opts.channels ?? [])];
  const otherGuilds = opts.otherGuilds ?? [];
  // which server each known channel is in
  const guildOf = new Map<string, string>([...channelIds.map((c) => [c, guildId] as const), ...otherGuilds.flatMap((g) => g.channels.map((c) => [c, g.id] as const))]);
  const defaultUser = makeSnowflake(Date.now() - 86_400_000 * 100);
  const requests: RecordedRequest[] = [];
  const waiters = new Set<() => void>();
  const messages = new Map<string, Record<string, any>>();
  const conns = new Set<WsConn>();
  let seq = 0;
  let routeOverride: RouteOverride | null = null;
  let specChecked = false;
  let readyResolve!: () => void;
  let readyPromise = new Promise<void>((r) => (readyResolve = r));

  const botUser = { id: botId, username: 'Dispatch', discriminator: '0000', global_name: null, avatar: null, bot: true };
  const userObj = (id: string) => ({ id, username: `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null });

  const channelObj = (id: string) => ({
    id,
    type: 0,
    guild_id: guildOf.get(id) ?? guildId,
    name: `news-${id.slice(-4)}`,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  });

  const makeMessage = (channel: string, body: any, webhookId?: string, extra: Record<string, unknown> = {}): Record<string, any> => {
    const id = makeSnowflake();
    const msg = {
      id,
      channel_id: channel,
      guild_id: guildId,
      author: botUser,
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      pinned: false,
      type: body?.message_reference ? 19 : 0,
      flags: body?.flags ?? 0,
      ...(webhookId ? { webhook_id: webhookId, application_id: appId } : {}),
      ...extra,
    };
    messages.set(id, msg);
    return msg;
  };

  // interaction token → channel, the id of its @original message, and the message a button is on
  const tokens = new Map<string, { channel: string; original?: string; message?: string }>();

  const notify = () => {
    for (const w of [...waiters]) w();
  };

  const json = (res: ServerResponse, status: number, body?: unknown) => {
    if (status === 204 || body === undefined) {
      res.writeHead(status === 200 && body === undefined ? 204 : status);
      res.end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const parseBody = (raw: string, contentType: string | undefined): any => {
    if (!raw) return null;
    if (contentType?.startsWith('multipart/form-data')) {
      const m = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
      return m ? JSON.parse(m[1]!) : null;
    }
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  };

  const route = (r: RecordedRequest): { status: number; body?: unknown } => {
    const p = r.path;
    const m = (re: RegExp) => re.exec(p);
    let g: RegExpExecArray | null;
    if (r.method === 'GET' && p === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (r.method === 'GET' && p === '/gateway') return { status: 200, body: { url: `ws://127.0.0.1:${port}` } };
    if ((g = m(/^\/interactions\/(\d+)\/([^/]+)\/callback$/)) && r.method === 'POST') {
      const t = tokens.get(g[2]!);
      if (t && (r.body?.type === 4 || r.body?.type === 5)) {
        t.original = (makeMessage(t.channel, r.body?.data ?? {}, appId).id as string);
      }
      // UPDATE_MESSAGE edits the message the button is on
      const updated = t?.message ?? t?.original;
      if (t && r.body?.type === 7 && updated) {
        Object.assign(messages.get(updated) ?? {}, r.body?.data ?? {});
      }
      if (r.query.get('with_response') === 'true') {
        const msg = t?.original ? messages.get(t.original) : undefined;
        return { status: 200, body: { interaction: { id: g[1], type: 2 }, resource: { type: r.body?.type, message: msg } } };
      }
      return { status: 204 };
    }
    if ((g = m(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/))) {
      const t = tokens.get(g[2]!);
      const id = g[3] === '@original' ? t?.original : g[3];
      const msg = id ? messages.get(id) : undefined;
      if (!msg) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
      if (r.method === 'DELETE') {
        messages.delete(id!);
        return { status: 204 };
      }
      if (r.method === 'PATCH') Object.assign(msg, r.body ?? {});
      return { status: 200, body: msg };
    }
    if ((g = m(/^\/webhooks\/(\d+)\/([^/]+)$/)) && r.method === 'POST') {
      const t = tokens.get(g[2]!);
      return { status: 200, body: makeMessage(t?.channel ?? channelId, r.body, appId) };
    }
    if (m(/^\/channels\/\d+\/messages\/\d+\/reactions\/[^/]+\/@me$/) && r.method === 'PUT') return { status: 204 };
    if ((g = m(/^\/channels\/(\d+)\/messages\/(\d+)$/)) && (r.method === 'PATCH' || r.method === 'GET')) {
      // the bot edits (or reads) one of its messages, e.g. to disable buttons whose answer expired
      const msg = messages.get(g[2]!);
      if (!msg || msg.channel_id !== g[1]) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
      if (r.method === 'PATCH') Object.assign(msg, r.body ?? {}, { edited_timestamp: new Date().toISOString() });
      return { status: 200, body: msg };
    }
    if ((g = m(/^\/channels\/(\d+)\/messages$/)) && r.method === 'POST') {
      return { status: 200, body: makeMessage(g[1]!, r.body) };
    }
    if ((g = m(/^\/channels\/(\d+)\/messages$/)) && r.method === 'GET') {
      // Channel history as Discord pages it: `after` gives the messages right after that id, otherwise the
      // newest (`before` caps them); `limit` 1-100, default 50; always newest first.
      if (!guildOf.has(g[1]!)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      const limit = Math.min(100, Math.max(1, Number(r.query.get('limit') ?? 50) || 50));
      const after = r.query.get('after');
      const before = r.query.get('before');
      let list = [...messages.values()].filter((msg) => msg.channel_id === g![1]).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      if (before) list = list.filter((msg) => BigInt(msg.id) < BigInt(before));
      list = after ? list.filter((msg) => BigInt(msg.id) > BigInt(after)).slice(0, limit) : list.slice(-limit);
      return { status: 200, body: list.reverse() };
    }
    if ((g = m(/^\/channels\/(\d+)$/)) && r.method === 'GET') {
      if (!guildOf.has(g[1]!)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      return { status: 200, body: channelObj(g[1]!) };
    }
    if ((g = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/)) && r.method === 'PUT') {
      const list = Array.isArray(r.body) ? r.body : [];
      return {
        status: 200,
        body: list.map((c: any) => ({ ...c, id: makeSnowflake(), application_id: g![1], guild_id: g![2], version: makeSnowflake() })),
      };
    }
    if (r.method === 'GET' && p === '/users/@me') return { status: 200, body: botUser };
    if (r.method === 'GET' && p === '/applications/@me') return { status: 200, body: { id: appId, name: 'Dispatch', flags: 0 } };
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
      const rec: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        query: url.searchParams,
        headers: req.headers,
        body: parseBody(raw, req.headers['content-type']),
        raw,
        at: Date.now(),
      };
      requests.push(rec);
      notify();
      try {
        // HTTP mode: the test hands Discord the endpoint's HTTP response (interactionResponse) when
        // it reads it, which under a burst can be just after the bot's first edit arrives here.
        const early = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/.exec(path);
        if (early && !tokens.has(early[1]!)) {
          await matchWaiter(() => tokens.get(early[1]!)?.original, 5000, 'the interaction response').catch(() => undefined);
        }
        const over = routeOverride ? await routeOverride(rec) : undefined;
        if (over?.delayMs) await new Promise((r) => setTimeout(r, over.delayMs));
        const out = over ?? route(rec);
        json(res, out.status, out.body);
      } catch (err) {
        json(res, 500, { message: String(err), code: 0 });
      }
    });
  });

  server.on('upgrade', (req, socket) => {
    const conn = acceptWebSocket(req, socket);
    conns.add(conn);
    socket.on('close', () => conns.delete(conn));
    const dispatch = (t: string, d: unknown) => conn.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
    conn.onMessage = (text) => {
      let msg: any;
      try {
        msg = JSON.parse(text);
      } catch {
        return;
      }
      if (msg.op === 1) conn.send(JSON.stringify({ op: 11, d: null }));
      else if (msg.op === 2 || msg.op === 6) {
        dispatch('READY', {
          v: 10,
          user: botUser,
          guilds: [guildId, ...otherGuilds.map((o) => o.id)].map((id) => ({ id, unavailable: true })),
          session_id: randomBytes(16).toString('hex'),
          resume_gateway_url: `ws://127.0.0.1:${port}`,
          application: { id: appId, flags: 0 },
          private_channels: [],
          relationships: [],
          presences: [],
          guild_join_requests: [],
          geo_ordered_rtc_regions: [],
          user_settings: {},
          shard: [0, 1],
        });
        for (const [gid, chans] of [[guildId, channelIds] as const, ...otherGuilds.map((o) => [o.id, o.channels] as const)]) dispatch('GUILD_CREATE', {
          id: gid,
          name: gid === guildId ? 'Newsroom' : `Server ${gid.slice(-4)}`,
          icon: null,
          owner_id: defaultUser,
          unavailable: false,
          member_count: 2,
          large: false,
          features: [],
          roles: [{ id: gid, name: '@everyone', permissions: '1071698660929', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
          emojis: [],
          stickers: [],
          members: [],
          channels: chans.map(channelObj),
          threads: [],
          presences: [],
          voice_states: [],
          stage_instances: [],
          guild_scheduled_events: [],
          joined_at: new Date().toISOString(),
          afk_channel_id: null,
          system_channel_id: null,
          premium_tier: 0,
          preferred_locale: 'en-US',
          verification_level: 0,
          default_message_notifications: 0,
          explicit_content_filter: 0,
          mfa_level: 0,
          nsfw_level: 0,
        });
        readyResolve();
      }
    };
    conn.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const member = (w: Who) => ({
    user: userObj(w.userId ?? defaultUser),
    roles: [],
    permissions: w.permissions ?? '1071698660929',
    joined_at: new Date(Date.now() - 86_400_000).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
  });

  const base = (type: number, data: Record<string, any>, w: Who = {}) => {
    const channel = w.channelId ?? channelId;
    const guild = w.guildId === undefined ? guildId : w.guildId;
    return {
      id: w.id ?? makeSnowflake(),
      application_id: appId,
      type,
      token: `tok-${randomBytes(24).toString('hex')}`,
      version: 1,
      data,
      ...(guild ? { guild_id: guild, member: member(w) } : { user: userObj(w.userId ?? defaultUser) }),
      channel_id: channel,
      channel: guild ? { ...channelObj(channel), guild_id: guild } : { id: channel, type: 1 },
      app_permissions: '1071698660929',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: guild ? { '0': guild } : { '1': w.userId ?? defaultUser },
      context: guild ? 0 : 1,
      attachment_size_limit: 10_485_760,
    };
  };

  const matchWaiter = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const first = check();
      if (first !== undefined) return resolve(first);
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const w = () => {
        const v = check();
        if (v !== undefined) {
          clearTimeout(timer);
          waiters.delete(w);
          resolve(v);
        }
      };
      waiters.add(w);
    });

  const fake: FakeDiscord = {
    port,
    apiUrl: `http://127.0.0.1:${port}/api`,
    appId,
    botId,
    guildId,
    channelId,
    requests,
    ready: () => readyPromise,
    sendInteraction(payload) {
      const channel = payload.channel_id ?? payload.channel?.id ?? channelId;
      tokens.set(payload.token, { channel, ...(typeof payload.message?.id === 'string' ? { message: payload.message.id } : {}) });
      for (const c of conns) c.send(JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: ++seq, d: payload }));
      return { id: payload.id, token: payload.token };
    },
    interactionResponse(payload, response) {
      const channel = payload.channel_id ?? payload.channel?.id ?? channelId;
      if (!tokens.has(payload.token)) tokens.set(payload.token, { channel });
      const raw = JSON.stringify(response);
      const rec: RecordedRequest = {
        method: 'POST',
        path: `/interactions/${payload.id}/${payload.token}/callback`,
        query: new URLSearchParams(),
        headers: { 'content-type': 'application/json' },
        body: response,
        raw,
        at: Date.now(),
      };
      requests.push(rec);
      route(rec);
      notify();
    },
    sendMessage(payload) {
      messages.set(payload.id, payload);
      for (const c of conns) c.send(JSON.stringify({ op: 0, t: 'MESSAGE_CREATE', s: ++seq, d: payload }));
    },
    command: (name, options = [], w) => base(2, { id: makeSnowflake(Date.now() - 86_400_000), name, type: 1, options, guild_id: guildId }, w),
    autocomplete: (name, options, w) => base(4, { id: makeSnowflake(Date.now() - 86_400_000), name, type: 1, options }, w),
    button: (customId, message, w) => ({ ...base(3, { custom_id: customId, component_type: 2 }, w), message }),
    modalSubmit: (customId, fields, w) =>
      base(
        5,
        {
          custom_id: customId,
          components: Object.entries(fields).map(([k, v]) => ({ type: 1, components: [{ type: 4, custom_id: k, value: v }] })),
        },
        w,
      ),
    message(content, extra = {}) {
      const author = extra.author ?? userObj(defaultUser);
      return {
        id: makeSnowflake(),
        channel_id: channelId,
        guild_id: guildId,
        author,
        member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
        content,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        components: [],
        pinned: false,
        type: 0,
        flags: 0,
        ...extra,
      };
    },
    botMessage: (id) => messages.get(id),
    originalMessage(token) {
      const id = tokens.get(token)?.original;
      return id ? messages.get(id) : undefined;
    },
    waitForRequest: (pred, timeoutMs = 10_000) => matchWaiter(() => requests.find(pred), timeoutMs, 'a matching request'),
    waitForRequests: (pred, n, timeoutMs = 10_000) =>
      matchWaiter(
        () => {
          const found = requests.filter(pred);
          return found.length >= n ? found : undefined;
        },
        timeoutMs,
        `${n} matching requests`,
      ),
    requestsFor: (token) => requests.filter((r) => r.path.includes(`/${token}`)),
    override(fn) {
      routeOverride = fn;
    },
    newBotMessage: (channel, body, extra) => makeMessage(channel, body, undefined, extra),
    snowflake: (at) => makeSnowflake(at),
    async close() {
      for (const c of conns) c.close();
      conns.clear();
      for (const w of [...waiters]) waiters.delete(w);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      readyPromise = new Promise<void>((r) => (readyResolve = r));
      if (opts.checkSpec !== false && !specChecked) {
        specChecked = true;
        const { specViolations } = await import('../helpers/discord-spec.js');
        const problems = specViolations(requests);
        if (problems.length) {
          throw new Error(`fake discord: ${problems.length} request bodies break Discord's OpenAPI spec:\n${problems.slice(0, 20).join('\n')}`);
        }
      }
    },
  };
  return fake;
}
