/** /verify — does the corpus support, contradict or not address a claim? */
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { MAX_INPUT_CHARS } from '../src/engines/index.js';

export const verify: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('verify')
    .setDescription('Check a claim against the articles')
    .addStringOption((o) => o.setName('claim').setDescription('The claim to check').setRequired(true).setMaxLength(MAX_INPUT_CHARS)),
  defer: 'public',
  execute: (ctx) => ctx.answer({ command: 'verify', text: ctx.options.string('claim') }),
};
