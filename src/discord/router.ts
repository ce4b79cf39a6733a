/**
 * The interaction router: the one place that turns an Incoming into engine calls
 * and replies, with ONE try/catch that shows a short ephemeral error (followUp when
 * the interaction is already acknowledged). Transport-free: the gateway and HTTP
 * front doors both call `handle` with their own Responder.
 */
import { PermissionFlagsBits, PermissionsBitField, TextInputStyle, ComponentType } from 'discord.js';
import type { Deps } from '../deps.js';
import { runCommand, MAX_INPUT_CHARS, type CommandInput } from '../engines/index.js';
import { BadInputError, NotFoundError, isDispatchError } from '../errors.js';
import type { Answer } from '../types.js';
import type { CommandContext, Incoming, Origin, Responder, RunFn, SlashCommand } from './command.js';
import { focusedOption, validateOptions } from './options.js';
import { clip, payloadViolations, quoteScope, renderAnswer, renderError, renderFull, renderQuotes, renderTimeline, type MessagePayload, type RenderContext } from './render.js';
import { createStash, expiredRows, STASH_TTL_MS, type Stash } from './stash.js';
import { expiringMessages, type ButtonExpiry, type SentMessage } from './button-expiry.js';
import { shouldAnswer } from '../scale/claim.js';
import { analysisBuilding } from '../scale/rebuild.js';
import { wantsOffThreadBuild } from '../analysis/worker.js';
import { createCooldown, isCooldownError } from './cooldown.js';

export { CooldownError } from './cooldown.js';

export interface RouterOptions {
  /** The engine seam (default: runCommand). */
  run?: RunFn;
  /** The slash commands (default: commands/index.ts, loaded by the caller). */
  commands: readonly SlashCommand[];
  /** Answer directly when the engine is this fast, else defer first (default 1000 ms; Discord allows 3 s). */
  deferAfterMs?: number;
  /**
   * Acknowledge every engine-backed action (defer) before any other work, instead of
   * only when the engine turns out slow. HTTP mode: the ack is the HTTP response
   * itself, so it goes out in the same turn the request arrives, whatever the engines are doing.
   */
  ackFirst?: boolean;
  /** Per-user cooldown between commands, mentions and engine runs (default: config COOLDOWN_SECONDS); see cooldown.ts. */
  cooldownSeconds?: number;
  /** How long answers behind buttons are kept (default STASH_TTL_MS). */
  stashTtlMs?: number;
  /** Remembers each public message with stash-backed buttons, to disable them when the answer expires. */
  expiry?: ButtonExpiry;
  now?: () => number;
}

/** A message that mentions the bot or replies to one of its answers (gateway only). */
export interface Mention {
  id: string;
  channelId: string;
  userId: string;
  text: string;
  session: string;
}

/** Sends the i-th message of an answer to a mention (0: the reply itself). */
export type MentionSend = (p: MessagePayload, i: number) => Promise<string | undefined>;

/** Reacts to the mention itself (a quiet notice: never a message in the channel). */
export type MentionReact = (emoji: string) => Promise<void>;

export interface Router {
  /** Answer an interaction; `claimed`: the front door already won its claim (see `claim`). */
  handle(inc: Incoming, res: Responder, opts?: { claimed?: boolean }): Promise<void>;
  /** Claim an interaction id for this instance: false when it was already handled (a duplicate or a replay). */
  claim(id: string, ttlMs?: number): Promise<boolean>;
  /** A request has just arrived (HTTP mode): engine runs wait until arrivals pause, so acks go first. */
  arrived(): void;
  handleMention(m: Mention, send: MentionSend, react?: MentionReact): Promise<void>;
  /** Resolves when every in-flight interaction has been answered (for clean shutdown). */
  idle(): Promise<void>;
  readonly stash: Stash;
}

const DISCORD_EPOCH = 1420070400000n;
/** Interaction tokens live 15 minutes; past 14, answers go to the channel instead. */
const TOKEN_SAFE_MS = 14 * 60 * 1000;
const AUTOCOMPLETE_BUDGET_MS = 2000;
const SNOWFLAKE = /^\d{15,22}$/;
/** Engine runs at once: enough to overlap model calls, few enough that CPU work cannot starve the gateway. */
const MAX_RUNS = 4;
/** HTTP mode: an engine run starts once no request has arrived for this long… */
const ARRIVALS_QUIET_MS = 10;
/** …or once it has waited this long, so a steady stream cannot hold answers back for ever. */
const ARRIVALS_MAX_HOLD_MS = 1500;
const PERMISSION_NAMES: Record<string, string> = { ManageGuild: 'Manage Server', Administrator: 'Administrator', ManageChannels: 'Manage Channels' };

/** Conversation key for a user in a channel. */
export const sessionFor = (channelId: string, userId: string) => `discord:${channelId}:${userId}`;

/** When Discord created a snowflake (ms), or undefined for a malformed id. */
export function snowflakeTime(id: string): number | undefined {
  if (!SNOWFLAKE.test(id)) return undefined;
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/**
 * What a suggested follow-up asks. Engines suggest either a question ("What did
 * China say?") or a command ("/who Nicolás Maduro", "/timeline without filters");
 * one click runs exactly that.
 */
export function followUpInput(suggestion: string, session: string): { input: CommandInput; view: 'answer' | 'timeline' } {
  const m = /^\/(ask|who|timeline|sources|verify|compare)\b\s*(.*)$/s.exec(suggestion.trim());
  if (!m) return { input: { command: 'ask', text: suggestion, session }, view: 'answer' };
  const [, command, rest] = m as unknown as [string, 'ask' | 'who' | 'timeline' | 'sources' | 'verify' | 'compare', string];
  if (command === 'timeline') {
    // "/timeline about:Nicolás Maduro from:2025-10": the options it names, each up to the next one
    const opt = (name: string) => new RegExp(`(?:^|\\s)${name}:\\s*(.+?)\\s*(?=\\s(?:about|from|to):|$)`, 's').exec(rest)?.[1];
    const [about, from, to] = [opt('about'), opt('from'), opt('to')];
    return { input: { command, session, ...(about ? { about } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }, view: 'timeline' };
  }
  if (command === 'sources') return { input: { command, session }, view: 'answer' };
  return { input: { command, text: rest || undefined, session }, view: 'answer' };
}

/** The channel/user a `discord:<c>:<u>` session belongs to (for the follow-up modal button). */
function sessionCoords(session: string | undefined): { channelId: string; userId: string } | undefined {
  const m = /^discord:(\d{15,22}):(\d{15,22})$/.exec(session ?? '');
  return m ? { channelId: m[1]!, userId: m[2]! } : undefined;
}

interface State {
  acked: boolean;
  deferred: boolean;
  replied: boolean;
  /** This interaction already took the user's `run` cooldown (a slash command that then runs an engine). */
  cooled: boolean;
  /** The original response is private (deferred or sent ephemeral): the channel cannot edit it. */
  ephemeral: boolean;
}

/** Wrap a responder: track what was sent, and refuse (loudly) any payload over a limit. */
function tracked(res: Responder, deps: Deps): { res: Responder; state: State } {
  const state: State = { acked: false, deferred: false, replied: false, cooled: false, ephemeral: false };
  const guard = (p: MessagePayload): MessagePayload => {
    const v = payloadViolations(p);
    if (!v.length) return p;
    deps.log.error({ violations: v }, 'renderer produced an over-limit payload; sending an error instead');
    return renderError('Sorry — that answer could not be displayed.');
  };
  return {
    state,
    res: {
      async defer(ephemeral) {
        await res.defer(ephemeral);
        state.acked = state.deferred = true;
        state.ephemeral = ephemeral;
      },
      async reply(p, ephemeral) {
        const id = await res.reply(guard(p), ephemeral);
        state.acked = state.replied = true;
        state.ephemeral = ephemeral;
        return id;
      },
      async edit(p) {
        const id = await res.edit(guard(p));
        state.replied = true;
        return id;
      },
      followUp: (p, ephemeral) => res.followUp(guard(p), ephemeral),
      deleteOriginal: () => res.deleteOriginal(),
      async update(p) {
        await res.update(guard(p));
        state.acked = state.replied = true;
      },
      async modal(m) {
        await res.modal(m);
        state.acked = state.replied = true;
      },
      async choices(c) {
        await res.choices(c);
        state.acked = true;
      },
      channelSend: (p, nonce) => res.channelSend(guard(p), nonce),
      ...(res.updateComponents
        ? {
            async updateComponents(rows) {
              await res.updateComponents!(rows);
              state.acked = state.replied = true;
            },
          }
        : {}),
    },
  };
}

export function createRouter(deps: Deps, opts: RouterOptions): Router {
  const run = opts.run ?? runCommand;
  const now = opts.now ?? Date.now;
  const deferAfterMs = opts.deferAfterMs ?? 1000;
  const cooldown = createCooldown(deps.store, {
    seconds: opts.cooldownSeconds ?? deps.config.COOLDOWN_SECONDS,
    now,
    onStoreError: (err) => deps.log.warn({ err: (err as Error)?.message }, 'store unavailable; cooldown held by this process only'),
  });
  const stashTtlMs = opts.stashTtlMs ?? STASH_TTL_MS;
  const stash = createStash(deps.store, deps.log, { ttlMs: stashTtlMs });
  /**
   * Remember public messages whose buttons read the answer stashed under `key`, so the sweeper
   * disables them when it expires: the key's own time (an interaction or message id) plus the
   * stash's lifetime, never later than the stash forgets it.
   */
  const expireWith = async (key: string, channelId: string, sent: SentMessage[]) => {
    if (!opts.expiry) return;
    const messages = expiringMessages(channelId, sent);
    if (messages.length) await opts.expiry.track(messages, (snowflakeTime(key) ?? now()) + stashTtlMs);
  };
  const byName = new Map(opts.commands.map((c) => [c.data.name, c]));
  const defs = new Map(opts.commands.map((c) => [c.data.name, c.data.toJSON()]));
  const inFlight = new Set<Promise<void>>();
  // Autocomplete has a hard 3 s deadline: build the name lists now, not on the first keystroke
  // (once the analysis is there: while a worker builds it, building them here would block the event loop).
  setImmediate(async () => {
    await analysisBuilding(deps.analysis);
    // A corpus whose analysis a worker is about to build (src/main.ts starts the front doors first): warmUp builds the names with it.
    if (wantsOffThreadBuild(deps)) return;
    for (const c of opts.commands) {
      if (!c.autocomplete) continue;
      const json = defs.get(c.data.name)!;
      const stack = [...(json.options ?? [])] as { name: string; autocomplete?: boolean; options?: unknown[] }[];
      for (let o = stack.pop(); o; o = stack.pop()) {
        if (o.autocomplete) Promise.resolve(c.autocomplete(deps, { name: o.name, value: '' })).catch(() => {});
        stack.push(...((o.options ?? []) as typeof stack));
      }
    }
  });
  /** Engine slots (see acquireSlot). */
  let running = 0;
  let waiting = 0;
  let pendingAcks = 0;
  const slotWaiters: (() => void)[] = [];

  /**
   * Engine work is mostly CPU on this thread. Left alone, a burst would queue the
   * gateway's own messages behind it and blow Discord's 3-second deadline, so runs
   * take a slot (a few at a time, yielding to I/O between them) and wait while
   * any acknowledgement is still on its way out.
   */
  const yieldToIo = () => new Promise<void>((r) => setImmediate(r));
  const wake = () => {
    for (const w of slotWaiters.splice(0)) w();
  };
  /**
   * Pending from the moment a run starts or ends until the event loop has gone once round
   * (timers, then I/O); no other run starts meanwhile. Waiters woken together would each
   * "yield" to the same check phase and then start their runs back to back in it: a burst
   * of runs with no REST reply read and no timer fired in between — discord.js then timed
   * out edits Discord had already received and sent them again (the same answer twice).
   * Two hops: an immediate queued from the poll phase runs in that same turn, before its timers. And a zero-delay
   * timer: a run that took under a millisecond (a repeated question, answered from memos) would otherwise let the
   * next start before timers armed during it are due — the loop has turned, but they have not fired.
   */
  let turn: Promise<void> | undefined;
  const loopMustTurn = () => {
    const t: Promise<void> = Promise.all([new Promise<void>((r) => setImmediate(() => setImmediate(r))), new Promise<void>((r) => setTimeout(r, 0))]).then(() => {
      if (turn === t) turn = undefined;
    });
    turn = t;
  };
  async function acquireSlot(beforeWaiting: () => Promise<void>): Promise<void> {
    waiting++;
    try {
      await yieldToIo();
      let acked = false;
      const busy = () => running >= MAX_RUNS || pendingAcks > 0 || turn !== undefined;
      for (;;) {
        while (busy()) {
          if (!acked) {
            acked = true;
            await beforeWaiting();
            continue;
          }
          if (turn && running < MAX_RUNS && pendingAcks === 0) {
            await turn;
            continue;
          }
          await new Promise<void>((r) => slotWaiters.push(r));
          // woken as another run ends: let pending I/O (new requests, their acks) in before starting
          await yieldToIo();
        }
        if (await arrivalsPaused()) continue;
        // checked again with no await before taking the slot: waiters woken together cannot all pass
        if (!busy()) break;
      }
      running++;
      loopMustTurn();
    } finally {
      waiting--;
    }
  }
  const releaseSlot = () => {
    running--;
    loopMustTurn();
    wake();
  };

  /**
   * Reading a request and acknowledging it is quick; an engine run is not, and while it runs
   * no request is read. During a burst the runs wait, with the event loop free, until
   * requests stop arriving, so every request is read and acknowledged first.
   */
  let lastArrival = 0;
  let holdingSince: number | undefined;
  /** Wait while requests are arriving; true when it waited (the slot must then be checked again). */
  async function arrivalsPaused(): Promise<boolean> {
    let waited = false;
    for (;;) {
      const t = performance.now();
      if (t - lastArrival >= ARRIVALS_QUIET_MS) {
        holdingSince = undefined;
        return waited;
      }
      // a stream that never pauses: after the longest hold, runs go on as usual until it does
      if (t - (holdingSince ??= t) >= ARRIVALS_MAX_HOLD_MS) return waited;
      waited = true;
      await new Promise<void>((r) => setTimeout(r, ARRIVALS_QUIET_MS));
    }
  }

  /**
   * The engine deps for one run holding a slot. A model call is a wait, not CPU work:
   * the run gives its slot back for the call and takes one again after, so a stuck
   * model never keeps other commands (most need no model) queued behind it.
   */
  function slotted(): { deps: Deps; release(): void } {
    let held = true;
    let finished = false;
    let calls = 0;
    const giveBack = () => {
      if (!held) return;
      held = false;
      releaseSlot();
    };
    const release = () => {
      finished = true;
      giveBack();
    };
    const llm = deps.llm;
    if (!llm) return { deps, release };
    const answer: NonNullable<Deps['llm']>['answer'] = async (req, signal, report) => {
      if (calls++ === 0) giveBack();
      try {
        return await llm.answer(req, signal, report);
      } finally {
        if (--calls === 0 && !finished) {
          await acquireSlot(async () => {});
          // another call started meanwhile, or the run ended without waiting for this one
          if (calls > 0 || finished) releaseSlot();
          else held = true;
        }
      }
    };
    return { deps: { ...deps, llm: { answer } }, release };
  }

  /**
   * While a worker builds the server's first analysis (a cold start: no previous version to answer from),
   * a command that reads it is acknowledged and waits, the event loop free, instead of building the parts
   * it needs on this thread (minutes at 10,000 articles, with every other interaction held behind it).
   * /sources reads the corpus only.
   */
  async function analysisReady(res: Responder, state: State, input: CommandInput, ephemeral: boolean): Promise<void> {
    if (input.command === 'sources') return;
    const building = analysisBuilding(deps.analysis);
    if (!building) return;
    await ack(res, state, ephemeral);
    await building;
  }

  /** Defer, counted so engine runs hold back until every acknowledgement is out. */
  async function ack(res: Responder, state: State, ephemeral: boolean): Promise<void> {
    if (state.acked) return;
    pendingAcks++;
    try {
      await res.defer(ephemeral);
    } finally {
      if (--pendingAcks === 0) wake();
    }
  }

  /** Run the engine; answer directly if it is quick, else defer first (3-second rule). */
  async function runTimed(res: Responder, state: State, input: CommandInput, ephemeral = false): Promise<Answer> {
    if (running > 0 || waiting > 0) await ack(res, state, ephemeral); // busy: acknowledge before queueing
    await analysisReady(res, state, input, ephemeral);
    await acquireSlot(() => ack(res, state, ephemeral));
    const slot = slotted();
    try {
      const pending = run(slot.deps, input);
      if (state.acked) return await pending;
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), deferAfterMs)));
      try {
        const first = await Promise.race([pending, slow]);
        if (first !== 'slow') return first;
      } finally {
        clearTimeout(timer);
      }
      await ack(res, state, ephemeral);
      return await pending;
    } finally {
      slot.release();
    }
  }

  /**
   * Send an answer's messages: the first as the reply (or edit), the rest as follow-ups.
   * Resolves with the public messages sent (their ids when known) and their buttons.
   */
  async function deliver(origin: Origin, res: Responder, state: State, payloads: MessagePayload[]): Promise<SentMessage[]> {
    const sent: SentMessage[] = [];
    const created = snowflakeTime(origin.id) ?? now();
    if (now() - created > TOKEN_SAFE_MS) {
      // the interaction token is (nearly) dead: post to the channel, then clear "thinking…"
      for (const [i, p] of payloads.entries()) sent.push({ id: await res.channelSend(p, `${origin.id.slice(-20)}${i}`.slice(-25)), rows: p.components });
      if (state.deferred) await res.deleteOriginal().catch(() => {});
      return sent;
    }
    const [first, ...rest] = payloads;
    // editing a private "thinking…" keeps it private: the channel cannot edit that one later
    const firstPrivate = state.deferred && state.ephemeral;
    const firstId = state.deferred ? await res.edit(first!) : await res.reply(first!, false);
    if (!firstPrivate) sent.push({ id: firstId, rows: first!.components });
    for (const p of rest) sent.push({ id: await res.followUp(p, false), rows: p.components });
    return sent;
  }

  /** The common path of every engine-backed action: cooldown, run, stash, render, send. */
  async function answer(origin: Origin, res: Responder, state: State, input: CommandInput, view: 'answer' | 'timeline'): Promise<void> {
    if (opts.ackFirst) await ack(res, state, false);
    if (!state.cooled) await cooldown.take(origin.userId, 'run');
    state.cooled = true;
    const a = await runTimed(res, state, input);
    const session = input.session ?? sessionFor(origin.channelId, origin.userId);
    await stash.put(origin.id, { answer: a, session });
    const coords = sessionCoords(session) ?? { channelId: origin.channelId, userId: origin.userId };
    const ctx: RenderContext = { key: origin.id, ...coords };
    const payloads = view === 'timeline' ? renderTimeline(a, 0, ctx) : renderAnswer(a, ctx);
    const sent = await deliver(origin, res, state, payloads);
    await expireWith(origin.id, origin.channelId, sent);
  }

  /**
   * The stashed answer a button reads. When it has expired, the message's buttons that read
   * it are disabled (so nobody clicks them again) and the clicker is told privately.
   */
  async function stashed(key: string, inc?: Incoming & { kind: 'button' }, res?: Responder) {
    const entry = SNOWFLAKE.test(key) ? await stash.get(key) : undefined;
    if (!entry) {
      if (inc?.components?.length && res?.updateComponents) {
        await res.updateComponents(expiredRows(inc.components)).catch((err: unknown) => deps.log.info({ err: (err as Error)?.message }, 'could not disable the buttons of an expired answer'));
      }
      throw new NotFoundError('That answer has expired — run the command again.');
    }
    return entry;
  }

  function checkPermission(inc: Incoming & { kind: 'command' }): void {
    const needed = defs.get(inc.name)?.default_member_permissions;
    if (!needed) return;
    const req = BigInt(needed);
    const has = inc.permissions;
    const ok = has !== null && ((has & PermissionFlagsBits.Administrator) !== 0n || (has & req) === req);
    if (!ok) {
      const names = new PermissionsBitField(req).toArray().map((n) => PERMISSION_NAMES[n] ?? n);
      throw new BadInputError(`/${inc.name} needs the ${names.join(' and ')} permission${names.length > 1 ? 's' : ''} in a server.`);
    }
  }

  async function onCommand(inc: Incoming & { kind: 'command' }, res: Responder, state: State): Promise<void> {
    const cmd = byName.get(inc.name);
    if (!cmd) throw new BadInputError(`Unknown command /${clip(inc.name, 32)}.`);
    checkPermission(inc);
    const options = validateOptions(defs.get(inc.name)!, inc.options);
    // Every valid command takes the cooldown (settings and previews too), once: a mistyped one is just corrected.
    await cooldown.take(inc.userId, 'run');
    state.cooled = true;
    const session = sessionFor(inc.channelId, inc.userId);
    const ctx: CommandContext = {
      deps,
      incoming: inc,
      options,
      session,
      respond: res,
      answer: (input, view = 'answer') => answer(inc, res, state, { session, ...input }, view),
      async say(text, ephemeral = true) {
        if (state.acked) await res.followUp(renderError(text), ephemeral);
        else await res.reply(renderError(text), ephemeral);
      },
    };
    await cmd.execute(ctx);
  }

  async function onAutocomplete(inc: Incoming & { kind: 'autocomplete' }, res: Responder): Promise<void> {
    await cooldown.take(inc.userId, 'autocomplete'); // refused: no choices (see handleOne)
    const cmd = byName.get(inc.name);
    const focused = focusedOption(inc.options);
    if (!cmd?.autocomplete || !focused || focused.value.length > MAX_INPUT_CHARS) return res.choices([]);
    // The names come from the analysis: while a worker builds it, none (building them here would block every interaction).
    if (analysisBuilding(deps.analysis)) return res.choices([]);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve([]), AUTOCOMPLETE_BUDGET_MS)));
    const names = await Promise.race([Promise.resolve(cmd.autocomplete(deps, focused)), late]).finally(() => clearTimeout(timer));
    const seen = new Set<string>();
    const choices: { name: string; value: string }[] = [];
    for (const n of names) {
      const v = clip(String(n).replace(/\s+/g, ' ').trim(), 100);
      if (!v || seen.has(v)) continue;
      seen.add(v);
      choices.push({ name: v, value: v });
      if (choices.length === 25) break;
    }
    await res.choices(choices);
  }

  async function onButton(inc: Incoming & { kind: 'button' }, res: Responder, state: State): Promise<void> {
    const [kind, a, b, c] = inc.customId.split(':');
    if (kind !== 'f') await cooldown.take(inc.userId, 'light'); // a suggested follow-up runs an engine: `run`, in answer()
    switch (kind) {
      case 'q': {
        // `q:<key>` or, on a timeline page, `q:<key>:<page>`: the quotes of that page only
        const { answer: ans } = await stashed(a ?? '', inc, res);
        const page = b === undefined ? undefined : Number(b);
        if (page !== undefined && (!Number.isInteger(page) || page < 0)) throw new BadInputError('That page does not exist.');
        const [first, ...rest] = renderQuotes(ans, quoteScope(ans, page));
        await res.reply(first!, true);
        for (const p of rest) await res.followUp(p, true);
        return;
      }
      case 'x': {
        const { answer: ans } = await stashed(a ?? '', inc, res);
        const [first, ...rest] = renderFull(ans);
        await res.reply(first!, true);
        for (const p of rest) await res.followUp(p, true);
        return;
      }
      case 't': {
        // `t:<key>:<page>` pages the asker's message; `t:<key>:<page>:<user>` pages that user's own copy
        const entry = await stashed(a ?? '', inc, res);
        const page = Number(b);
        if (!Number.isInteger(page) || page < 0) throw new BadInputError('That page does not exist.');
        if (c !== undefined && !SNOWFLAKE.test(c)) throw new BadInputError('That button is not valid.');
        const pager = c ?? sessionCoords(entry.session)?.userId;
        if (pager === inc.userId) {
          const p = renderTimeline(entry.answer, page, { key: a, pager: c })[0]!;
          await res.update(p);
          // the page's buttons (and links) replace the record's, so the expiry edit keeps this page
          if (inc.message && !inc.message.ephemeral) await expireWith(a!, inc.channelId, [{ id: inc.message.id, rows: p.components }]);
          return;
        }
        // Someone else's public timeline: they page their own copy, seen only by them.
        await res.reply(renderTimeline(entry.answer, page, { key: a, pager: inc.userId })[0]!, true);
        return;
      }
      case 'f': {
        const entry = await stashed(a ?? '', inc, res);
        const suggestion = entry.answer.followUps[Number(b)];
        if (!suggestion) throw new NotFoundError('That suggestion is no longer available.');
        // The clicker's own conversation, never the answer owner's (whose ids the stash holds).
        const { input, view } = followUpInput(suggestion, sessionFor(inc.channelId, inc.userId));
        return answer(inc, res, state, input, view);
      }
      case 'm': {
        if (!SNOWFLAKE.test(a ?? '') || !SNOWFLAKE.test(b ?? '')) throw new BadInputError('That button is not valid.');
        // The form answers for whoever submits it, where they submit it: it names nobody.
        await res.modal({
          custom_id: 'M',
          title: 'Ask a follow-up',
          components: [
            {
              type: ComponentType.ActionRow,
              components: [
                {
                  type: ComponentType.TextInput,
                  custom_id: 'question',
                  label: 'Your question',
                  style: TextInputStyle.Paragraph,
                  min_length: 1,
                  max_length: MAX_INPUT_CHARS,
                  required: true,
                  placeholder: 'e.g. What did the other side say?',
                },
              ],
            },
          ],
        });
        return;
      }
      default:
        throw new BadInputError('That button is no longer supported.');
    }
  }

  async function onModal(inc: Incoming & { kind: 'modal' }, res: Responder, state: State): Promise<void> {
    // `M`, or `M:<channel>:<user>` from forms opened before this version: those ids are
    // checked for shape and ignored, so a submitted form cannot write into another user's conversation.
    const [kind, c, u, ...extra] = inc.customId.split(':');
    const legacy = c !== undefined || u !== undefined;
    if (kind !== 'M' || extra.length || (legacy && (!SNOWFLAKE.test(c ?? '') || !SNOWFLAKE.test(u ?? '')))) throw new BadInputError('That form is not valid.');
    const question = inc.fields.question ?? '';
    if (question.length > MAX_INPUT_CHARS) {
      throw new BadInputError(`That question is ${question.length.toLocaleString('en-US')} characters long; the limit is ${MAX_INPUT_CHARS.toLocaleString('en-US')}.`);
    }
    if (!question.trim()) throw new BadInputError('Please give a question.');
    await answer(inc, res, state, { command: 'ask', text: question, session: sessionFor(inc.channelId, inc.userId) }, 'answer');
  }

  async function claimOnce(id: string, ttlMs?: number): Promise<boolean> {
    // Several gateway instances on one shard all receive each interaction and each
    // mention; only one may answer. The embedded store claims in-process, which still
    // turns away a replayed HTTP request. With the store down, answer (better a rare duplicate than silence).
    return shouldAnswer(deps.store, id, { ttlMs }).catch(() => true);
  }

  async function handleOne(inc: Incoming, raw: Responder, claimed: boolean): Promise<void> {
    const { res, state } = tracked(raw, deps);
    try {
      if (!claimed && !(await claimOnce(inc.id))) return;
      switch (inc.kind) {
        case 'command':
          return await onCommand(inc, res, state);
        case 'autocomplete':
          return await onAutocomplete(inc, res);
        case 'button':
          return await onButton(inc, res, state);
        case 'modal':
          return await onModal(inc, res, state);
      }
    } catch (err) {
      const known = isDispatchError(err);
      if (!known) {
        deps.log.error({ err, interaction: inc.id, kind: inc.kind, name: 'name' in inc ? inc.name : inc.customId }, 'interaction failed');
      }
      const text = known ? (err as Error).message : 'Sorry — something went wrong while answering. Please try again.';
      const reply = async () => {
        if (inc.kind === 'autocomplete') return res.choices([]);
        if (!state.acked) return res.reply(renderError(text), true);
        // a public "thinking…" would otherwise stay forever; the error itself stays private
        if (state.deferred && !state.replied) await res.deleteOriginal().catch(() => {});
        await res.followUp(renderError(text), true);
      };
      await reply().catch((e: unknown) => deps.log.warn({ err: (e as Error)?.message, interaction: inc.id }, 'could not send the error reply'));
    }
  }

  async function handleMention(m: Mention, send: MentionSend, react?: MentionReact): Promise<void> {
    let sent = false;
    try {
      if (!(await claimOnce(m.id))) return;
      // First, before anything that could answer in the channel: a flood of mentions gets one reply.
      await cooldown.take(m.userId, 'run');
      const text = m.text.trim();
      if (!text) throw new BadInputError('Ask me something after the mention, for example: @Dispatch what did Russia say?');
      if (text.length > MAX_INPUT_CHARS) {
        throw new BadInputError(`That question is ${text.length.toLocaleString('en-US')} characters long; the limit is ${MAX_INPUT_CHARS.toLocaleString('en-US')}.`);
      }
      // Only the author's own conversation: a reply to someone else's answer starts the author's.
      const session = sessionCoords(m.session)?.userId === m.userId ? m.session : sessionFor(m.channelId, m.userId);
      await analysisBuilding(deps.analysis); // a cold start's analysis, built in a worker (see analysisReady)
      await acquireSlot(async () => {});
      const slot = slotted();
      let a: Answer;
      try {
        a = await run(slot.deps, { command: 'ask', text, session });
      } finally {
        slot.release();
      }
      await stash.put(m.id, { answer: a, session });
      const coords = sessionCoords(session) ?? { channelId: m.channelId, userId: m.userId };
      const payloads = renderAnswer(a, { key: m.id, ...coords });
      const posted: SentMessage[] = [];
      for (const [i, p] of payloads.entries()) {
        posted.push({ id: await send(p, i), rows: p.components });
        sent = true;
      }
      await expireWith(m.id, m.channelId, posted);
    } catch (err) {
      if (isCooldownError(err)) {
        // Never a message in the channel (that would amplify the flood): at most one reaction per cooldown window.
        if (react && (await cooldown.shouldNotify(m.userId).catch(() => false))) {
          await react('⏳').catch((e: unknown) => deps.log.warn({ err: (e as Error)?.message }, 'could not react to a mention'));
        }
        return;
      }
      const known = isDispatchError(err);
      if (!known) deps.log.error({ err, message: m.id }, 'mention failed');
      if (sent) return;
      const text = known ? (err as Error).message : 'Sorry — something went wrong while answering. Please try again.';
      await send(renderError(text), 0).catch((e: unknown) => deps.log.warn({ err: (e as Error)?.message }, 'could not send the error reply'));
    }
  }

  const track = (p: Promise<void>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  };

  return {
    stash,
    handle: (inc, res, o) => track(handleOne(inc, res, o?.claimed ?? false)),
    claim: claimOnce,
    arrived() {
      lastArrival = performance.now();
    },
    handleMention: (m, send, react) => track(handleMention(m, send, react)),
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
