/** /help — what each command does, with an example each (ephemeral: it is for the asker only). */
import { SlashCommandBuilder, type APIEmbed } from 'discord.js';
import type { CommandContext, SlashCommand } from '../src/discord/command.js';
import { STASH_TTL_MS } from '../src/discord/stash.js';
import { entityNames } from '../src/engines/who.js';

/** How each command is used, with examples; `{name}` is someone the articles mention. */
const EXAMPLES: Record<string, string[]> = {
  ask: ['/ask question: What happened most recently?'],
  who: ['/who name: {name}'],
  timeline: ['/timeline', '/timeline about: {name} from: 2025-10-01'],
  sources: ['/sources'],
  digest: ['/digest subscribe time: 08:30 timezone: Europe/Paris quiet: note', '/digest status', '/digest now'],
  verify: ['/verify claim: The talks were called off on Monday'],
  compare: ['/compare', '/compare topic: casualty figures'],
  help: ['/help'],
};

/** Slash-command option shapes that do not carry options of their own. */
const SUBCOMMAND = 1;

interface Described {
  name: string;
  description: string;
  options?: { name: string; type: number; required?: boolean; description: string; options?: Described['options'] }[];
}

/** "`/digest subscribe` · `status` · …" or "`/ask question`", from the definition Discord gets. */
function usage(c: Described): string {
  const subs = (c.options ?? []).filter((o) => o.type === SUBCOMMAND);
  if (subs.length) return `\`/${c.name}\` ${subs.map((s) => `\`${s.name}\``).join(' · ')}`;
  const opts = (c.options ?? []).map((o) => (o.required ? o.name : `[${o.name}]`));
  return `\`/${c.name}${opts.length ? ` ${opts.join(' ')}` : ''}\``;
}

/** The help card: one entry per registered command, in Discord's order. */
export async function helpEmbed(ctx: Pick<CommandContext, 'deps'>): Promise<APIEmbed> {
  // Imported here, not at the top: commands/index.ts imports this file.
  const { commands } = await import('./index.js');
  let name = 'someone in the story';
  try {
    name = (entityNames(ctx.deps, '')[0] ?? name).replace(/`/g, "'");
  } catch {
    /* no entities yet: keep the placeholder */
  }
  const hours = Math.round(STASH_TTL_MS / 3_600_000);
  const entries = commands.map((c) => {
    const d = c.data.toJSON() as Described;
    const examples = (EXAMPLES[d.name] ?? [`/${d.name}`]).map((e) => `\`${e.replace('{name}', name)}\``).join(' or ');
    return `${usage(d)} — ${d.description}.\n-# e.g. ${examples}`;
  });
  return {
    color: 0x2f6fdf,
    title: 'Dispatch — answers from the story’s articles',
    description: [
      'Every answer comes only from the articles, with numbered, verbatim quotes: **Quotes** shows them, the link buttons open the articles.',
      ...entries,
      `You can also mention me with a question, or reply to one of my answers to follow up. Buttons under an answer work for ${hours} hours.`,
    ].join('\n\n'),
  };
}

export const help: SlashCommand = {
  data: new SlashCommandBuilder().setName('help').setDescription('What each command does, with examples (only you see it)'),
  async execute(ctx) {
    await ctx.respond.reply({ embeds: [await helpEmbed(ctx)], components: [] }, true);
  },
};
