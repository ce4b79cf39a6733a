/**
 * HTTP interactions mode: Discord POSTs each interaction to this endpoint; the
 * first response travels back in the HTTP response, later ones (edits,
 * follow-ups) go through the webhook REST routes. Stateless apart from the
 * store, so several instances can sit behind a load balancer.
 *
 * The endpoint itself runs in a worker thread (http-worker.ts): it reads and verifies
 * every request — Ed25519 over `X-Signature-Timestamp` + the raw body; anything that
 * fails gets 401 before any parsing or work happens — refuses stale timestamps and
 * replays, and acknowledges, so Discord's 3-second deadline never waits for this
 * thread, where engines, garbage collection and store saves run. This side answers
 * each interaction it is handed through the router, as the gateway does.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { REST, Routes, type RESTOptions } from 'discord.js';
import { commands as defaultCommands } from '../../commands/index.js';
import type { Deps } from '../deps.js';
import type { Incoming, RawOption, ResolvedChannel, Responder, RunFn, SlashCommand } from './command.js';
import type { MessagePayload } from './render.js';
import { createRouter, type Router } from './router.js';
import { INTERACTION_CLAIM_MS } from '../scale/claim.js';
import { createButtonExpiry, restEditor, type ButtonExpiry, type ButtonExpiryOptions } from './button-expiry.js';
import { ed25519PublicKey } from './http-signature.js';
import type { FirstResponse, FrontMessage, FrontOptions, MainMessage } from './http-worker.js';

export { ed25519PublicKey, verifyInteraction } from './http-signature.js';

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
  /**
   * Interactions whose HTTP response carries data (autocomplete, modals, buttons, refusals)
   * wait this long for this thread's answer, then the worker acknowledges them with a
   * deferred response (default 2500; Discord allows 3 s).
   */
  ackWithinMs?: number;
  /** How long answers behind buttons are kept (default STASH_TTL_MS); their buttons are disabled then. */
  stashTtlMs?: number;
  /** The sweeper that disables expired buttons (default: every minute); it runs only with a bot token. */
  expiry?: Omit<ButtonExpiryOptions, 'edit'>;
  now?: () => number;
}

export interface HttpInteractionsServer {
  /** The thread that listens, verifies and acknowledges (http-worker.ts). */
  worker: Worker;
  port: number;
  router: Router;
  /**
   * Disables the buttons of answers that have expired, by editing their messages with the bot
   * token; absent without DISCORD_TOKEN (then they are disabled when clicked, as the interaction
   * token that could edit them lives only 15 minutes).
   */
  expiry?: ButtonExpiry;
  /** Stop accepting, finish in-flight answers, close. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const EPHEMERAL = 64;

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
      return {
        ...origin,
        kind: 'button',
        customId: data.custom_id,
        ...(Array.isArray(body?.message?.components) ? { components: body.message.components } : {}),
        ...(str(body?.message?.id) ? { message: { id: body.message.id, ephemeral: (Number(body.message.flags) & EPHEMERAL) !== 0 } } : {}),
      };
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

/**
 * Start the worker thread that runs http-worker.ts. Workers do not inherit a TypeScript
 * loader (vitest's, tsx's), so a small bootstrap registers tsx in the worker first.
 */
function spawnFront(front: FrontOptions): Worker {
  const here = new URL('./http-worker.ts', import.meta.url);
  if (!here.pathname.endsWith('.ts')) return new Worker(here, { workerData: { dispatchHttpFront: front } });
  const tsx = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs');
  const boot = `import(${JSON.stringify(new URL(`file://${tsx}`).href)}).then((m) => { m.register(); return import(${JSON.stringify(here.href)}); })`;
  return new Worker(boot, { eval: true, workerData: { dispatchHttpFront: front } });
}

/** Start the endpoint. `port` 0 picks a free one. */
export async function startHttpInteractions(deps: Deps, port: number, opts: HttpInteractionsOptions = {}): Promise<HttpInteractionsServer> {
  const publicKey = opts.publicKey ?? deps.config.DISCORD_PUBLIC_KEY;
  if (!publicKey) throw new Error('DISCORD_PUBLIC_KEY is required for HTTP interactions');
  ed25519PublicKey(publicKey); // a bad key fails here, not in the worker
  const ackWithinMs = opts.ackWithinMs ?? 2500;
  const rest = new REST({ version: '10', ...(deps.config.DISCORD_API_URL ? { api: deps.config.DISCORD_API_URL } : {}), ...opts.rest });
  if (deps.config.DISCORD_TOKEN) rest.setToken(deps.config.DISCORD_TOKEN);
  const commands = opts.commands ?? defaultCommands;
  // Expired answers' buttons are edited with the bot token; the interaction token is dead by then.
  const expiry = deps.config.DISCORD_TOKEN ? createButtonExpiry(deps.store, deps.log, { ...opts.expiry, edit: restEditor(rest) }) : undefined;
  if (!expiry) deps.log.info('no DISCORD_TOKEN: buttons of expired answers are disabled when clicked, not at expiry');
  const router = createRouter(deps, {
    commands,
    run: opts.run,
    deferAfterMs: opts.deferAfterMs,
    cooldownSeconds: opts.cooldownSeconds,
    stashTtlMs: opts.stashTtlMs,
    expiry,
    // Acknowledge every engine-backed action before its engine runs (most already were, by the worker).
    ackFirst: true,
  });
  // A replay must find the claim still held for as long as its signed timestamp is accepted.
  const claimMs = Math.max(INTERACTION_CLAIM_MS, (2 * (opts.maxSkewSeconds ?? 300) + 60) * 1000);

  const front: FrontOptions = {
    port,
    host: opts.host,
    publicKey,
    maxSkewSeconds: opts.maxSkewSeconds ?? 300,
    clockOffsetMs: opts.now ? opts.now() - Date.now() : 0,
    ackWithinMs,
    replayMs: claimMs,
    maxBodyBytes: MAX_BODY_BYTES,
    commands: commands.map((c) => ({ def: c.data.toJSON(), ...(c.defer ? { defer: c.defer } : {}) })),
  };

  /** One handed-over interaction: what Discord got first, and this side's pending response. */
  interface Link {
    first?: FirstResponse;
    written: Promise<void>;
    markWritten(): void;
    answers: ((m: Extract<FrontMessage, { op: 'answered' }>) => void)[];
  }
  const links = new Map<number, Link>();
  const inFlight = new Set<Promise<void>>();
  const syncs = new Map<number, () => void>();
  let syncN = 0;
  let worker!: Worker;
  let closing = false;
  let exited = false;
  let onClosed: (() => void) | undefined;
  const send = (m: MainMessage) => worker.postMessage(m);

  /** The Responder for one interaction: its first answer is the HTTP response (if still open), the rest go over REST. */
  function httpResponder(body: any, inc: Incoming, seq: number, link: Link): Responder {
    const appId = String(body.application_id);
    const token = String(body.token);
    /** Send the HTTP response, if Discord has not been answered yet; true when this one was sent. */
    const respond = async (payload: unknown, status = 200): Promise<boolean> => {
      if (link.first) return false;
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      const answered = new Promise<Extract<FrontMessage, { op: 'answered' }>>((r) => link.answers.push(r));
      send({ op: 'respond', seq, status, text, json: typeof payload !== 'string' });
      const m = await answered;
      if (m.accepted) link.first = m.first;
      link.markWritten();
      return m.accepted;
    };
    const first = () => link.first ?? { type: 0, ephemeral: false };
    const original = Routes.webhookMessage(appId, token, '@original');
    // After a deferred *update* (type 6, the worker's fallback for a button), @original is the
    // message the button is on: a reply the router wanted deferred becomes a follow-up instead.
    let wantsNew = false;
    let own: string | undefined;
    let replaced = false;
    const followUp = async (p: MessagePayload, ephemeral: boolean) => {
      await link.written;
      const msg = (await rest.post(Routes.webhook(appId, token), {
        body: apiMessage(p, ephemeral),
        ...restFiles(p),
        auth: false,
        query: new URLSearchParams({ wait: 'true' }),
      })) as { id?: string };
      return msg?.id;
    };
    const editOriginal = async (p: MessagePayload) => {
      await link.written;
      if (wantsNew && first().type === 6) {
        if (!own) return (own = await followUp(p, false));
        await rest.patch(Routes.webhookMessage(appId, token, own), { body: apiMessage(p), ...restFiles(p), auth: false });
        return own;
      }
      replaced = true;
      const msg = (await rest.patch(original, { body: apiMessage(p), ...restFiles(p), auth: false })) as { id?: string };
      return msg?.id;
    };
    return {
      async defer(ephemeral) {
        if (!(await respond({ type: 5, ...(ephemeral ? { data: { flags: EPHEMERAL } } : {}) }))) wantsNew = true;
      },
      async reply(p, ephemeral) {
        // sent as the HTTP response: no message id (engine answers are deferred first, then edited, so theirs is known)
        if (await respond({ type: 4, data: apiMessage(withoutFiles(p), ephemeral) })) return undefined;
        await link.written;
        const was = first();
        // acknowledged with a deferred update: the button's message stays, the reply is a new message
        if (was.type === 6) return followUp(p, ephemeral);
        // a private reply (a refusal) after a public "thinking…": remove that, answer privately
        if (ephemeral && was.type === 5 && !was.ephemeral && !replaced) {
          replaced = true;
          await rest.delete(original, { auth: false }).catch(() => {});
          return followUp(p, true);
        }
        return editOriginal(p);
      },
      edit: editOriginal,
      followUp,
      async deleteOriginal() {
        await link.written;
        if (first().type === 6) {
          // never the message the button is on
          if (own) await rest.delete(Routes.webhookMessage(appId, token, own), { auth: false });
          return;
        }
        await rest.delete(original, { auth: false });
      },
      async update(p) {
        if (!(await respond({ type: 7, data: apiMessage(withoutFiles(p)) }))) await editOriginal(p);
      },
      async updateComponents(rows) {
        if (!(await respond({ type: 7, data: { components: rows } }))) {
          await link.written;
          await rest.patch(original, { body: { components: rows }, auth: false });
        }
      },
      async modal(m) {
        if (!(await respond({ type: 9, data: m }))) throw new Error('too late to show a modal');
      },
      async choices(c) {
        await respond({ type: 8, data: { choices: c } });
      },
      async channelSend(p, nonce) {
        if (!deps.config.DISCORD_TOKEN) throw new Error('posting to a channel needs DISCORD_TOKEN');
        await link.written;
        const msg = (await rest.post(Routes.channelMessages(inc.channelId), {
          body: { ...apiMessage(p), nonce, enforce_nonce: true },
          ...restFiles(p),
        })) as { id?: string };
        return msg?.id;
      },
    };
  }

  async function onInteraction(seq: number, body: any, sent: FirstResponse | undefined): Promise<void> {
    let markWritten!: () => void;
    const link: Link = { first: sent, written: new Promise<void>((r) => (markWritten = r)), markWritten: () => markWritten(), answers: [] };
    if (sent) markWritten();
    links.set(seq, link);
    try {
      // a refusal is the HTTP response, unless the worker has already acknowledged
      const refuse = (status: number, text: string) => (sent ? undefined : respondPlain(seq, link, status, text));
      const inc = incomingFromApi(body);
      if (!inc) return await refuse(400, 'unsupported interaction');
      // The worker refuses replays it has seen; the store's claim covers those sent to another instance.
      if (!(await router.claim(inc.id, claimMs))) {
        if (sent) deps.log.info({ interaction: inc.id }, 'interaction already claimed elsewhere; not answered here');
        return await refuse(409, 'interaction already received');
      }
      await router.handle(inc, httpResponder(body, inc, seq, link), { claimed: true });
    } finally {
      links.delete(seq);
    }
  }

  /** A non-JSON HTTP response (a refusal) for a handed-over interaction. */
  async function respondPlain(seq: number, link: Link, status: number, text: string): Promise<void> {
    if (link.first) return;
    const answered = new Promise<Extract<FrontMessage, { op: 'answered' }>>((r) => link.answers.push(r));
    send({ op: 'respond', seq, status, text, json: false });
    await answered;
  }

  const ready = new Promise<number>((resolve, reject) => {
    const start = () => {
      worker = spawnFront(front);
      exited = false;
      worker.on('message', (m: FrontMessage) => {
        switch (m.op) {
          case 'listening':
            front.port = m.port; // a restarted worker listens on the same port
            return resolve(m.port);
          case 'listen-error':
            deps.log.error({ err: m.message }, 'HTTP interactions endpoint could not listen');
            return reject(new Error(`HTTP interactions endpoint: ${m.message}`));
          case 'interaction': {
            // during a burst, engine runs hold back (router.arrived) so they take less CPU from the worker
            router.arrived();
            const p = onInteraction(m.seq, m.body, m.sent).catch((err: unknown) => deps.log.error({ err }, 'HTTP interaction failed'));
            inFlight.add(p);
            void p.finally(() => inFlight.delete(p));
            return;
          }
          case 'sent': {
            const link = links.get(m.seq);
            if (link && !link.first) {
              link.first = m.first;
              link.markWritten();
            }
            return;
          }
          case 'answered':
            return links.get(m.seq)?.answers.shift()?.(m);
          case 'synced':
            syncs.get(m.n)?.();
            syncs.delete(m.n);
            return;
          case 'log':
            return void deps.log[m.level]({ err: m.err }, m.msg);
          case 'closed':
            return onClosed?.();
        }
      });
      worker.on('error', (err) => deps.log.error({ err }, 'HTTP interactions worker failed'));
      worker.on('exit', (code) => {
        exited = true;
        // whatever was waiting on the old worker's answer will not get one
        for (const link of links.values()) for (const a of link.answers.splice(0)) a({ op: 'answered', seq: 0, accepted: false, first: { type: 0, ephemeral: false } });
        for (const s of syncs.values()) s();
        syncs.clear();
        if (closing) return;
        deps.log.error({ code }, 'HTTP interactions worker exited; starting another');
        setTimeout(start, 1000).unref();
      });
    };
    start();
  });
  let actual: number;
  try {
    actual = await ready;
  } catch (err) {
    closing = true;
    await worker.terminate();
    throw err;
  }

  /** Every interaction the worker has accepted so far has reached this thread (and the router). */
  const synced = () =>
    new Promise<void>((resolve) => {
      const n = ++syncN;
      syncs.set(n, resolve);
      send({ op: 'sync', n });
    });
  const idle = async () => {
    if (!exited) await synced();
    while (inFlight.size) await Promise.allSettled([...inFlight]);
    await router.idle();
  };

  expiry?.start();
  return {
    worker,
    port: actual,
    router: { ...router, idle },
    ...(expiry ? { expiry } : {}),
    async close() {
      send({ op: 'stop' });
      await idle();
      await expiry?.stop();
      closing = true;
      if (exited) return;
      const closed = new Promise<void>((resolve) => {
        onClosed = resolve;
        setTimeout(resolve, 2000).unref();
      });
      send({ op: 'close' });
      await closed;
      await worker.terminate();
    },
  };
}
