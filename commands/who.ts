/** /who — what the articles say about a person or organisation (names autocomplete). */
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';
import { MAX_INPUT_CHARS } from '../src/engines/index.js';
import { entityNames } from '../src/engines/who.js';

export const who: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('who')
    .setDescription('Who is someone in the story, according to the articles')
    .addStringOption((o) =>
      o.setName('name').setDescription('A person or organisation').setRequired(true).setMaxLength(MAX_INPUT_CHARS).setAutocomplete(true),
    ),
  defer: 'public',
  execute: (ctx) => ctx.answer({ command: 'who', text: ctx.options.string('name') }),
  autocomplete: (deps, focused) => entityNames(deps, focused.value),
};
