/**
 * Gateway mode: the discord.js client. Minimal intents (Guilds for the channel
 * cache, GuildMessages for mentions and replies — no privileged intents; Discord
 * still sends the content of messages that mention the bot), and
 * `allowedMentions: { parse: [] }` on the client and on every payload because
 * answers echo article text.
 */
import {
  ApplicationCommandOptionType,
  AttachmentBuilder,
  Client,
  ComponentType,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Interaction,
  type Message,
  type RepliableInteraction,
  type RESTOptions,
} from 'discord.js';
import { commands as defaultCommands } from '../../commands/index.js';
import type { Deps } from '../deps.js';
import type { Incoming, RawOption, ResolvedChannel, Responder, RunFn, SlashCommand } from './command.js';
import type { MessagePayload } from './render.js';
import { createRouter, sessionFor, type Router } from './router.js';
import { createButtonExpiry, restEditor, type ButtonExpiry, type ButtonExpiryOptions } from './button-expiry.js';

export interface StartDiscordOptions {
  /** The engine seam (default runCommand). */
  run?: RunFn;
  commands?: readonly SlashCommand[];
  /** Extra REST options (tests raise `globalRequestsPerSecond` for load runs). */
  rest?: Partial<RESTOptions>;
  deferAfterMs?: number;
  cooldownSeconds?: number;
  /** Default: config DISCORD_TOKEN. */
  token?: string;
  /** How long answers behind buttons are kept (default STASH_TTL_MS); their buttons are disabled then. */
  stashTtlMs?: number;
  /** The sweeper that disables expired buttons (default: every minute). */
  expiry?: Omit<ButtonExpiryOptions, 'edit'>;
}

export interface DiscordBot {
  client: Client<true>;
  router: Router;
  /** Disables the buttons of answers that have expired (started with the bot). */
  expiry: ButtonExpiry;
  /** Finish in-flight answers, then disconnect. */
  stop(): Promise<void>;
}

const NO_PINGS = { parse: [] as [] };

/** discord.js message options for a payload (never pings anyone). */
export const toMessageOptions = (p: MessagePayload) => ({
  ...(p.content !== undefined ? { content: p.content } : {}),
  embeds: p.embeds,
  components: p.components,
  ...(p.files?.length ? { files: p.files.map((f) => new AttachmentBuilder(f.data, { name: f.name })) } : {}),
  allowedMentions: NO_PINGS,
});

/** Normalise a discord.js interaction; null for kinds the bot does not handle. */
export function incomingFrom(i: Interaction): Incoming | null {
  const origin = {
    id: i.id,
    userId: i.user.id,
    channelId: i.channelId ?? '',
    guildId: i.guildId,
    permissions: i.memberPermissions ? i.memberPermissions.bitfield : null,
  };
  if (i.isChatInputCommand()) {
    const options = i.options.data as unknown as RawOption[];
    return { ...origin, kind: 'command', name: i.commandName, options, channels: channelsOf(i.client, options) };
  }
  if (i.isAutocomplete()) return { ...origin, kind: 'autocomplete', name: i.commandName, options: i.options.data as unknown as RawOption[] };
  if (i.isButton()) {
    const message = { id: i.message.id, ephemeral: i.message.flags.has(MessageFlags.Ephemeral) };
    return { ...origin, kind: 'button', customId: i.customId, components: buttonRows(i), message };
  }
  if (i.isModalSubmit()) {
    const fields: Record<string, string> = {};
    for (const [id, f] of i.fields.fields) if ('value' in f && typeof f.value === 'string') fields[id] = f.value;
    return { ...origin, kind: 'modal', customId: i.customId, fields };
  }
  return null;
}

/** The button rows of the message a button is on (other top-level components are left out). */
function buttonRows(i: ButtonInteraction): APIActionRowComponent<APIButtonComponent>[] {
  return i.message.components
    .map((r) => r.toJSON() as { type: number; components?: { type: number }[] })
    .filter((r) => r.type === ComponentType.ActionRow && (r.components ?? []).every((c) => c.type === ComponentType.Button)) as APIActionRowComponent<APIButtonComponent>[];
}

/**
 * Where the channels named in channel options are, from the client's own cache (filled
 * from GUILD_CREATE for every server the bot is in). Not from the interaction's
 * `resolved` data: discord.js files those under the interaction's server whatever they are.
 */
function channelsOf(client: Client, options: RawOption[]): Record<string, ResolvedChannel> {
  const out: Record<string, ResolvedChannel> = {};
  const stack = [...options];
  for (let o = stack.pop(); o; o = stack.pop()) {
    if (o.type === ApplicationCommandOptionType.Channel && typeof o.value === 'string') {
      const ch = client.channels.cache.get(o.value);
      out[o.value] = { type: ch?.type ?? -1, guildId: ch && 'guildId' in ch ? ch.guildId : null };
    }
    stack.push(...(o.options ?? []));
  }
  return out;
}

/** The Responder for a discord.js interaction. */
export function gatewayResponder(i: Interaction, client: Client): Responder {
  const r = i as RepliableInteraction;
  const flags = (ephemeral: boolean) => (ephemeral ? { flags: MessageFlags.Ephemeral as const } : {});
  return {
    async defer(ephemeral) {
      await r.deferReply(flags(ephemeral));
    },
    async reply(p, ephemeral) {
      // with the response: the message's id, to disable its buttons when their answer expires
      const res = await r.reply({ ...toMessageOptions(p), ...flags(ephemeral), withResponse: true });
      return res.resource?.message?.id ?? res.interaction.responseMessageId ?? undefined;
    },
    async edit(p) {
      return (await r.editReply(toMessageOptions(p))).id;
    },
    async followUp(p, ephemeral) {
      return (await r.followUp({ ...toMessageOptions(p), ...flags(ephemeral) })).id;
    },
    async deleteOriginal() {
      await r.deleteReply();
    },
    async update(p) {
      await (i as ButtonInteraction).update(toMessageOptions(p));
    },
    async updateComponents(rows) {
      await (i as ButtonInteraction).update({ components: rows, allowedMentions: NO_PINGS });
    },
    async modal(m) {
      await (i as ButtonInteraction).showModal(m);
    },
    async choices(c) {
      await (i as AutocompleteInteraction).respond(c);
    },
    async channelSend(p, nonce) {
      const ch = i.channel ?? (i.channelId ? await client.channels.fetch(i.channelId) : null);
      if (!ch?.isSendable()) throw new Error('cannot post to the interaction channel');
      return (await ch.send({ ...toMessageOptions(p), nonce, enforceNonce: true })).id;
    },
  };
}

/**
 * The conversation a reply continues: the one named by the answer's "Ask a follow-up"
 * button, when it is the replier's own. A reply to someone else's answer starts the
 * replier's conversation instead (it never writes into another user's).
 */
function sessionOfAnswer(answer: Message, replier: string): string | undefined {
  for (const row of answer.components) {
    if (!('components' in row)) continue;
    for (const c of row.components) {
      const m = 'customId' in c && typeof c.customId === 'string' ? /^m:(\d{15,22}):(\d{15,22})$/.exec(c.customId) : null;
      if (m) return m[2] === replier ? sessionFor(m[1]!, m[2]!) : undefined;
    }
  }
  return undefined;
}

/** Wire a client to a router; exported so tests and the sharded runner can reuse it. */
export function attachRouter(client: Client, router: Router): void {
  client.on(Events.InteractionCreate, (i) => {
    const inc = incomingFrom(i);
    if (inc) void router.handle(inc, gatewayResponder(i, client));
  });
  client.on(Events.MessageCreate, (m) => {
    const me = client.user?.id;
    if (!me || m.author.bot || !m.inGuild()) return;
    const ref = m.reference?.messageId ? m.channel.messages.cache.get(m.reference.messageId) : undefined;
    const replyToMe = ref?.author.id === me;
    if (!replyToMe && !m.mentions.users.has(me)) return;
    const session = (replyToMe && ref && sessionOfAnswer(ref, m.author.id)) || sessionFor(m.channelId, m.author.id);
    const text = m.content.replace(new RegExp(`<@!?${me}>`, 'g'), ' ').trim();
    void router.handleMention({ id: m.id, channelId: m.channelId, userId: m.author.id, text, session }, async (p, n) => {
      const nonce = `${m.id.slice(-22)}${n}`.slice(-25);
      const opts = { ...toMessageOptions(p), nonce, enforceNonce: true };
      const sent = n === 0 ? await m.reply({ ...opts, allowedMentions: { ...NO_PINGS, repliedUser: false } }) : await m.channel.send(opts);
      return sent.id;
    }, async (emoji) => void (await m.react(emoji)));
  });
}

/** Log in to the gateway and answer interactions and mentions until `stop()`. */
export async function startDiscord(deps: Deps, opts: StartDiscordOptions = {}): Promise<DiscordBot> {
  const token = opts.token ?? deps.config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_PINGS,
    rest: { ...(deps.config.DISCORD_API_URL ? { api: deps.config.DISCORD_API_URL } : {}), ...opts.rest },
  });
  // Edits go through the bot's REST (the bot token): interaction tokens are long dead when answers expire.
  const expiry = createButtonExpiry(deps.store, deps.log, { ...opts.expiry, edit: restEditor(client.rest) });
  const router = createRouter(deps, {
    commands: opts.commands ?? defaultCommands,
    run: opts.run,
    deferAfterMs: opts.deferAfterMs,
    cooldownSeconds: opts.cooldownSeconds,
    stashTtlMs: opts.stashTtlMs,
    expiry,
  });
  attachRouter(client, router);
  client.on(Events.Error, (err) => deps.log.error({ err: err.message }, 'discord client error'));
  client.on(Events.Warn, (msg) => deps.log.warn(msg));
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  deps.log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord gateway ready');
  expiry.start();
  return {
    client: client as Client<true>,
    router,
    expiry,
    async stop() {
      await router.idle();
      await expiry.stop();
      await client.destroy();
    },
  };
}
