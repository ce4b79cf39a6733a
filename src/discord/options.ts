/**
 * Server-side re-validation of slash-command options. Discord validates only in the
 * client, so a forged payload can carry anything; the command's own definition
 * (the JSON we register) is the single source of truth for what is allowed.
 */
import { ApplicationCommandOptionType, ChannelType, type APIApplicationCommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { BadInputError } from '../errors.js';
import type { Incoming, Options, RawOption } from './command.js';

const SUB = ApplicationCommandOptionType.Subcommand;
const GROUP = ApplicationCommandOptionType.SubcommandGroup;

const label = (o: APIApplicationCommandOption) => (o.description ? o.description.replace(/\.$/, '').toLowerCase() : o.name);

/** Validate `raw` against `def`; throws BadInputError with a message a user can act on. */
export function validateOptions(def: RESTPostAPIChatInputApplicationCommandsJSONBody, raw: unknown): Options {
  if (raw !== undefined && !Array.isArray(raw)) throw new BadInputError('Those options could not be read.');
  let opts = (raw ?? []) as RawOption[];
  let schema = (def.options ?? []) as APIApplicationCommandOption[];
  let sub: string | undefined;
  const subDefs = schema.filter((o) => o.type === SUB || o.type === GROUP);
  if (subDefs.length) {
    const chosen = opts[0];
    const d = chosen && subDefs.find((s) => s.name === chosen.name && s.type === chosen.type);
    if (!chosen || !d || opts.length !== 1) {
      throw new BadInputError(`Choose one of: ${subDefs.map((s) => s.name).join(', ')}.`);
    }
    if (d.type === GROUP) throw new BadInputError('Subcommand groups are not supported.');
    sub = d.name;
    opts = chosen.options ?? [];
    schema = ('options' in d ? d.options ?? [] : []) as APIApplicationCommandOption[];
  }
  const values = new Map<string, string>();
  for (const o of opts) {
    if (!o || typeof o !== 'object' || typeof o.name !== 'string') throw new BadInputError('Those options could not be read.');
    const d = schema.find((s) => s.name === o.name);
    if (!d) throw new BadInputError(`/${def.name} has no option "${o.name.slice(0, 32)}".`);
    if (values.has(o.name)) throw new BadInputError(`The option "${o.name}" was given twice.`);
    if (d.type === ApplicationCommandOptionType.Channel) {
      // A channel option carries the channel's id; which server it is in is the command's to check (see Incoming.channels).
      if (o.type !== d.type || typeof o.value !== 'string' || !/^\d{15,22}$/.test(o.value)) throw new BadInputError(`The option "${o.name}" is not a channel.`);
      values.set(o.name, o.value);
      continue;
    }
    if (d.type !== ApplicationCommandOptionType.String || o.type !== d.type || typeof o.value !== 'string') {
      throw new BadInputError(`The option "${o.name}" has the wrong type.`);
    }
    const max = 'max_length' in d && d.max_length ? d.max_length : 6000;
    if (o.value.length > max) {
      throw new BadInputError(
        `That ${label(d)} is ${o.value.length.toLocaleString('en-US')} characters long; the limit is ${max.toLocaleString('en-US')}.`,
      );
    }
    // While typing (autocomplete) a value may be partial or empty; it is checked on submit.
    if (!o.focused && 'choices' in d && d.choices?.length && !d.choices.some((c) => c.value === o.value)) {
      throw new BadInputError(`"${o.value.slice(0, 50)}" is not a valid ${o.name}.`);
    }
    values.set(o.name, o.value);
  }
  for (const d of schema) {
    if ('required' in d && d.required && !values.get(d.name)?.trim()) throw new BadInputError(`Please give ${label(d)}.`);
  }
  const kinds = new Map(schema.map((d) => [d.name, d.type]));
  return {
    string: (name) => (kinds.get(name) === ApplicationCommandOptionType.String ? values.get(name) : undefined),
    channel: (name) => (kinds.get(name) === ApplicationCommandOptionType.Channel ? values.get(name) : undefined),
    subcommand: () => sub,
  };
}

/** The focused option of an autocomplete interaction. */
export function focusedOption(raw: RawOption[] | undefined): { name: string; value: string } | undefined {
  for (const o of raw ?? []) {
    if (o.focused) return { name: o.name, value: String(o.value ?? '') };
    const inner = focusedOption(o.options);
    if (inner) return inner;
  }
  return undefined;
}

/** Text and announcement channels: where a message can be posted. */
export const TEXT_CHANNEL_TYPES: readonly number[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

/**
 * The channel a channel option names, if it is in the caller's server and of an allowed
 * type. Discord's client offers only the server's own channels, but a forged request can
 * name any id, so the front door's resolution decides: a channel it cannot place in this
 * server is refused.
 */
export function channelInGuild(inc: Incoming & { kind: 'command' }, id: string, types: readonly number[] = TEXT_CHANNEL_TYPES): string {
  const ch = inc.channels?.[id];
  if (!inc.guildId || !ch || ch.guildId === null || (ch.guildId !== undefined && ch.guildId !== inc.guildId)) {
    throw new BadInputError('That channel is not in this server. Pick one of this server’s text channels.');
  }
  if (!types.includes(ch.type)) throw new BadInputError('Pick a text or announcement channel.');
  return id;
}
