/** /sources — the articles the bot holds: outlet, date, author, overlaps. */
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';

export const sources: SlashCommand = {
  data: new SlashCommandBuilder().setName('sources').setDescription('List the articles the answers come from'),
  defer: 'public',
  execute: (ctx) => ctx.answer({ command: 'sources' }),
};
