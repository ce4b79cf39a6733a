/**
 * /digest — schedule the story digest for a channel (subscribe / unsubscribe),
 * see its schedule (status), or preview it privately (now). Manage Server by
 * default; the router re-checks that server-side, and subscribe/unsubscribe check
 * again here because they change what a whole server receives.
 */
import { readFileSync } from 'node:fs';
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { CommandContext, SlashCommand } from '../src/discord/command.js';
import { channelInGuild } from '../src/discord/options.js';
import { digest as digestEngine } from '../src/engines/digest.js';
import { BadInputError } from '../src/errors.js';
import { discordTime, renderDigest } from '../src/discord/render-digest.js';
import { createStash } from '../src/discord/stash.js';
import { CHART_FILE } from '../src/schedule/discord-poster.js';
import { subscriptionsChanged } from '../src/schedule/scheduler.js';
import { FREQUENCIES } from '../src/schedule/slots.js';
import { digestStatus } from '../src/schedule/status.js';
import {
  deleteSubscription,
  describeQuiet,
  describeSchedule,
  guildSubscriptions,
  nextRunOf,
  ownSubscription,
  QUIET_MODES,
  saveSubscription,
  subscriptionId,
  validateSubscription,
  type Subscription,
} from '../src/schedule/subscriptions.js';

/** Channel types a digest can go to (Discord's picker offers only these, and only this server's). */
const POSTABLE = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

const ZONES: string[] = (() => {
  try {
    return [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  } catch {
    return ['UTC'];
  }
})();

/** Time zones matching what is typed (for autocomplete: in memory, instant). */
export function zoneSuggestions(typed: string): string[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, '_');
  if (!q) return ['UTC', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo'];
  const starts = ZONES.filter((z) => z.toLowerCase().startsWith(q) || z.toLowerCase().split('/').pop()!.startsWith(q));
  const contains = ZONES.filter((z) => !starts.includes(z) && z.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, 25);
}

/**
 * The channel a subcommand is about, and the server it belongs to: the `channel` option
 * when given (a channel of the caller's server, or refused), else the channel the command
 * was used in. Subscriptions are looked up by both, so one server never reaches another's.
 * `status` and `unsubscribe` may also name a channel that has gone (deleted, or the bot
 * lost sight of it) when this server has its own subscription there: only that record is reachable.
 */
async function target(ctx: CommandContext, ownGone = false): Promise<{ guildId: string; channelId: string }> {
  const guildId = ctx.incoming.guildId;
  if (!guildId) throw new BadInputError('Digests are set up in a server channel, not in direct messages.');
  const named = ctx.options.channel('channel');
  if (!named) return { guildId, channelId: ctx.incoming.channelId };
  try {
    return { guildId, channelId: channelInGuild(ctx.incoming, named, POSTABLE) };
  } catch (err) {
    if (ownGone && (await ownSubscription(ctx.deps.store, guildId, named))) return { guildId, channelId: named };
    throw err;
  }
}

/** Changing a server's digests needs Manage Server, whatever the command's defaults were changed to. */
function requireManager(ctx: CommandContext): void {
  if (!ctx.incoming.guildId) throw new BadInputError('Digests are set up in a server channel, not in direct messages.');
  const p = ctx.incoming.permissions;
  const ok = p !== null && ((p & PermissionFlagsBits.Administrator) !== 0n || (p & PermissionFlagsBits.ManageGuild) !== 0n);
  if (!ok) throw new BadInputError('Setting up digests needs the Manage Server permission.');
}

const note = (text: string) => ({ embeds: [{ color: 0x2f6fdf, description: text }], components: [] });

async function subscribe(ctx: CommandContext): Promise<void> {
  requireManager(ctx);
  const { guildId, channelId } = await target(ctx);
  const v = validateSubscription({
    channelId,
    time: ctx.options.string('time') ?? '',
    timezone: ctx.options.string('timezone') ?? '',
    frequency: ctx.options.string('frequency') ?? 'daily',
    quiet: ctx.options.string('quiet'),
  });
  const sub: Subscription = {
    id: subscriptionId(guildId, v.channelId),
    ...v,
    guildId,
    source: 'command',
    createdBy: ctx.incoming.userId,
    createdAt: ctx.deps.clock().getTime(),
    paused: null,
  };
  await saveSubscription(ctx.deps.store, sub);
  await subscriptionsChanged();
  const next = nextRunOf(sub, ctx.deps.clock());
  await ctx.respond.reply(
    note(
      `Digest scheduled for <#${sub.channelId}>: ${describeSchedule(sub)}.\nNext run: ${next ? `${discordTime(next.getTime(), 'F')} (${discordTime(next.getTime())})` : 'none'}.\nOn a day with no new articles: ${describeQuiet(sub)}.`,
    ),
    true,
  );
}

async function unsubscribe(ctx: CommandContext): Promise<void> {
  requireManager(ctx);
  const { guildId, channelId } = await target(ctx, true);
  const removed = await deleteSubscription(ctx.deps.store, guildId, channelId);
  await subscriptionsChanged();
  const env = ctx.deps.config.DIGEST_CHANNEL_ID === channelId && ctx.deps.config.DIGEST_CRON;
  const text = removed
    ? `Digest for <#${channelId}> cancelled.${env ? ' The default schedule from the bot’s environment (DIGEST_CHANNEL_ID) still applies to this channel.' : ''}`
    : env
      ? `<#${channelId}> gets the default digest from the bot’s environment (DIGEST_CHANNEL_ID); the bot’s operator can turn it off.`
      : `No digest was scheduled for <#${channelId}>.`;
  await ctx.respond.reply(note(text), true);
}

/** The channel's digest, and which other channels of this server have one (never another server's). */
async function status(ctx: CommandContext): Promise<void> {
  const { guildId, channelId } = await target(ctx, true);
  const text = await digestStatus(ctx.deps, channelId, guildId);
  const others = (await guildSubscriptions(ctx.deps.store, guildId)).filter((s) => s.channelId !== channelId);
  const list = others.slice(0, 10).map((s) => `<#${s.channelId}> ${describeSchedule(s)}${s.paused ? ' (paused)' : ''}`);
  const more = others.length > list.length ? `, and ${others.length - list.length} more` : '';
  await ctx.respond.reply(note(list.length ? `${text}\n\nOther digests in this server: ${list.join('; ')}${more}.` : text), true);
}

/** A private preview of the digest this channel would get now (does not count as a post). */
async function now(ctx: CommandContext): Promise<void> {
  await ctx.respond.defer(true);
  const answer = await digestEngine(ctx.deps, { channel: ctx.incoming.channelId });
  // The chart goes with the first message, shown inside its first embed (attachment://).
  let png: Buffer | null = null;
  if (answer.image) {
    try {
      png = readFileSync(answer.image);
    } catch (err) {
      ctx.deps.log.warn({ err: String((err as Error)?.message ?? err) }, 'digest preview: chart file unreadable; previewing without it');
    }
  }
  // One message, as the channel would get it; its Quotes button reads the stashed view.
  const key = ctx.incoming.id;
  const { message, view } = renderDigest(
    { ...answer, notes: [...(answer.notes ?? []), 'Preview: only you can see this.'] },
    { key, chart: png ? { name: CHART_FILE, data: png } : undefined, now: ctx.deps.clock().getTime() },
  );
  await createStash(ctx.deps.store, ctx.deps.log).put(key, { answer: view, session: ctx.session });
  await ctx.respond.edit(message);
}

export const digest: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('digest')
    .setDescription('A cited digest of the story: schedule it for a channel, or preview it')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('subscribe')
        .setDescription('Post the digest to a channel on a schedule')
        .addStringOption((o) => o.setName('time').setDescription('Time of day, 24-hour HH:MM (e.g. 08:30)').setRequired(true).setMinLength(3).setMaxLength(5))
        .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Paris').setRequired(true).setMaxLength(64).setAutocomplete(true))
        .addStringOption((o) =>
          o
            .setName('frequency')
            .setDescription('How often (default daily)')
            .addChoices(...FREQUENCIES.map((f) => ({ name: f, value: f }))),
        )
        .addChannelOption((o) => o.setName('channel').setDescription('Channel to post in (default: this one)').addChannelTypes(...POSTABLE))
        .addStringOption((o) =>
          o
            .setName('quiet')
            .setDescription('On a day with no new articles: skip, a one-line note (default), or the full digest')
            .addChoices(...QUIET_MODES.map((q) => ({ name: q, value: q }))),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('unsubscribe')
        .setDescription('Stop posting the digest to a channel')
        .addChannelOption((o) => o.setName('channel').setDescription('Channel (default: this one)').addChannelTypes(...POSTABLE)),
    )
    .addSubcommand((s) =>
      s
        .setName('status')
        .setDescription('Next run, last post and articles since, for a channel')
        .addChannelOption((o) => o.setName('channel').setDescription('Channel (default: this one)').addChannelTypes(...POSTABLE)),
    )
    .addSubcommand((s) => s.setName('now').setDescription('Preview the digest now (only you see it)')),
  async execute(ctx) {
    switch (ctx.options.subcommand()) {
      case 'subscribe':
        return subscribe(ctx);
      case 'unsubscribe':
        return unsubscribe(ctx);
      case 'status':
        return status(ctx);
      case 'now':
        return now(ctx);
      default:
        throw new BadInputError('Choose one of: subscribe, unsubscribe, status, now.');
    }
  },
  autocomplete: (_deps, focused) => (focused.name === 'timezone' ? zoneSuggestions(focused.value) : []),
};
