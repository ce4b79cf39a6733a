/** /timeline — dated events from the articles, paged with ◀ ▶. */
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { MAX_INPUT_CHARS } from '../src/engines/index.js';
import { entityNames } from '../src/engines/who.js';
import { BadInputError } from '../src/errors.js';

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A YYYY[-MM[-DD]] bound, or a clear error naming the option. */
function bound(value: string | undefined, name: string): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (!DATE.test(v)) throw new BadInputError(`"${v.slice(0, 40)}" is not a date for ${name}: use YYYY-MM-DD, YYYY-MM or YYYY.`);
  return v;
}

export const timeline: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('What happened when, according to the articles')
    .addStringOption((o) => o.setName('about').setDescription('Only events about this name or topic').setMaxLength(MAX_INPUT_CHARS).setAutocomplete(true))
    .addStringOption((o) => o.setName('from').setDescription('Earliest date, YYYY-MM-DD').setMaxLength(10))
    .addStringOption((o) => o.setName('to').setDescription('Latest date, YYYY-MM-DD').setMaxLength(10)),
  defer: 'public',
  async execute(ctx) {
    const from = bound(ctx.options.string('from'), 'from');
    const to = bound(ctx.options.string('to'), 'to');
    if (from && to && from > to) throw new BadInputError('"from" is after "to".');
    await ctx.answer({ command: 'timeline', about: ctx.options.string('about'), from, to }, 'timeline');
  },
  autocomplete: (deps, focused) => (focused.name === 'about' ? entityNames(deps, focused.value) : []),
};
