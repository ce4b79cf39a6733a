/** /ask — a question answered only from the story's articles, with numbered quotes. */
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { MAX_INPUT_CHARS } from '../src/engines/index.js';

export const ask: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask about the story; answered only from its articles, with quotes')
    .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(MAX_INPUT_CHARS)),
  defer: 'public',
  execute: (ctx) => ctx.answer({ command: 'ask', text: ctx.options.string('question') }),
};
