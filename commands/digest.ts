/**
 * /digest — PLACEHOLDER written by the Discord engineer so the command list is
 * complete; the digest engineer's version (subscribe/setup with Manage Server)
 * replaces this file. It keeps the same shape as every other command.
 */
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.js';

export const digest: SlashCommand = {
  data: new SlashCommandBuilder().setName('digest').setDescription('A digest of the story so far, from the articles'),
  execute: (ctx) => ctx.answer({ command: 'digest', channel: ctx.incoming.channelId }),
};
