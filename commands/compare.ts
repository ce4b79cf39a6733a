/** /compare — where the articles disagree (optionally on one topic). */
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { MAX_INPUT_CHARS } from '../src/engines/index.js';

export const compare: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('compare')
    .setDescription('Where the articles disagree')
    .addStringOption((o) => o.setName('topic').setDescription('Limit to this topic').setMaxLength(MAX_INPUT_CHARS)),
  defer: 'public',
  execute: (ctx) => ctx.answer({ command: 'compare', text: ctx.options.string('topic') }),
};
