/** Every slash command, in the order Discord lists them. No filesystem scanning: adding one is a line here. */
import type { SlashCommand } from '../src/discord/command.js';
import { ask } from './ask.js';
import { compare } from './compare.js';
import { digest } from './digest.js';
import { help } from './help.js';
import { sources } from './sources.js';
import { timeline } from './timeline.js';
import { verify } from './verify.js';
import { who } from './who.js';

export const commands: readonly SlashCommand[] = [ask, who, timeline, sources, digest, verify, compare, help];

/** The registration body for `PUT /applications/:id/commands` (what deploy-commands sends). */
export const commandDefinitions = () => commands.map((c) => c.data.toJSON());
