/**
 * The contract between `commands/*.ts` and the router, and between the router and
 * the two front doors (gateway via discord.js, HTTP interactions). Both front doors
 * turn what Discord sent into an `Incoming` and give the router a `Responder`, so
 * every handler runs unchanged in either mode.
 */
import type { APIActionRowComponent, APIButtonComponent, APIModalInteractionResponseCallbackData, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Deps } from '../deps.js';
import type { CommandInput } from '../engines/index.js';
import type { Answer } from '../types.js';
import type { MessagePayload } from './render.js';

/** An option as Discord sends it (subcommands nest `options`). */
export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

/** Who and where, common to every interaction. */
export interface Origin {
  /** Interaction id (a snowflake: its timestamp says when Discord created it). */
  id: string;
  userId: string;
  channelId: string;
  guildId: string | null;
  /** The member's permissions in this channel, or null outside a guild. */
  permissions: bigint | null;
}

/** A channel named in a command's options, as the front door could resolve it. */
export interface ResolvedChannel {
  type: number;
  /**
   * The server the channel is in: from the gateway's channel cache, or from the signed
   * payload in HTTP mode. null when it is in none the bot can see; undefined when the
   * front door cannot tell (Discord scopes channel options to the caller's server).
   */
  guildId?: string | null;
}

/** What arrived, normalised from either front door. */
export type Incoming =
  | (Origin & { kind: 'command'; name: string; options: RawOption[]; channels?: Record<string, ResolvedChannel> })
  | (Origin & { kind: 'autocomplete'; name: string; options: RawOption[] })
  | (Origin & {
      kind: 'button';
      customId: string;
      /** The button rows of the message the button is on, as Discord sent them (disabled when the answer has expired). */
      components?: APIActionRowComponent<APIButtonComponent>[];
      /** The message the button is on (a page turn changes its buttons, so their expiry record follows). */
      message?: { id: string; ephemeral: boolean };
    })
  | (Origin & { kind: 'modal'; customId: string; fields: Record<string, string> });

/** How the router answers; each front door implements it. */
export interface Responder {
  /** Acknowledge now, answer later (a "thinking…" state). */
  defer(ephemeral: boolean): Promise<void>;
  /** Resolves with the message id when known (the gateway asks for it; HTTP mode's own response has none). */
  reply(p: MessagePayload, ephemeral: boolean): Promise<string | undefined>;
  /** Replace the original response (after defer or reply). Resolves with the message id when known. */
  edit(p: MessagePayload): Promise<string | undefined>;
  followUp(p: MessagePayload, ephemeral: boolean): Promise<string | undefined>;
  deleteOriginal(): Promise<void>;
  /** Component interactions: replace the message the button is on. */
  update(p: MessagePayload): Promise<void>;
  /** Component interactions: replace only the buttons of the message the button is on (its embeds stay). */
  updateComponents?(rows: APIActionRowComponent<APIButtonComponent>[]): Promise<void>;
  modal(m: APIModalInteractionResponseCallbackData): Promise<void>;
  choices(c: { name: string; value: string }[]): Promise<void>;
  /** A plain channel message, for work that outlives the 15-minute interaction token. */
  channelSend(p: MessagePayload, nonce: string): Promise<string | undefined>;
}

/** Reads a command's options after the router has validated them against its definition. */
export interface Options {
  string(name: string): string | undefined;
  /** The id a channel option names (check it with Incoming.channels before use). */
  channel(name: string): string | undefined;
  /** The subcommand chosen, if the command has subcommands. */
  subcommand(): string | undefined;
}

/** What a command's `execute` gets. */
export interface CommandContext {
  deps: Deps;
  incoming: Incoming & { kind: 'command' };
  options: Options;
  /** Conversation key: `discord:<channelId>:<userId>`. */
  session: string;
  /**
   * Run the engine and show its answer: cooldown, defer-when-slow, render within
   * limits, buttons, stash for the buttons. `view: 'timeline'` pages with ◀ ▶.
   */
  answer(input: CommandInput, view?: 'answer' | 'timeline'): Promise<void>;
  /** Reply with a short message (ephemeral by default). */
  say(text: string, ephemeral?: boolean): Promise<void>;
  /** The underlying responder, for commands that need more (e.g. digest setup). */
  respond: Responder;
}

/** One slash command: its definition and its handler (the discord.js guide's contract, typed). */
export interface SlashCommand {
  /** A SlashCommandBuilder (or anything with the same `name` and `toJSON`). */
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(ctx: CommandContext): Promise<void>;
  /**
   * The command runs an engine: HTTP mode acknowledges it at once with a deferred
   * response of this kind, before the handler runs (a valid one; refusals still answer directly).
   */
  defer?: 'public' | 'ephemeral';
  /** Suggestions for the focused option; must be fast (an in-memory list). */
  autocomplete?(deps: Deps, focused: { name: string; value: string }): string[] | Promise<string[]>;
}

/** The engine seam: `runCommand` by default; tests pass a slow one. */
export type RunFn = (deps: Deps, input: CommandInput) => Promise<Answer>;
