/** Parse CLI arguments per CLI-CONTRACT.md (node's own parseArgs; strict, with clear errors). */
import { parseArgs } from 'node:util';
import type { CommandInput } from '../engines/index.js';
import { COMMANDS } from '../engines/index.js';
import type { CommandName } from '../types.js';

export interface CliArgs {
  input: CommandInput;
  json: boolean;
  /** Print the Discord message payloads instead (CLI-CONTRACT.md: {"messages": [...]}). */
  discord: boolean;
  seeds?: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `usage: npm run --silent cli -- <command> [argument] [options]
  commands:  ask "<question>" | who "<name>" | timeline | sources | digest | verify "<claim>" | compare ["<topic>"]
  options:   --json  --discord  --session <id>  --seeds <dir>
             timeline: --about "<name or words>" --from YYYY-MM-DD --to YYYY-MM-DD`;

const NEEDS_ARG: Partial<Record<CommandName, string>> = { ask: 'a question', who: 'a name', verify: 'a claim' };

export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        discord: { type: 'boolean' },
        session: { type: 'string' },
        seeds: { type: 'string' },
        about: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('help');
  const [cmd, ...rest] = positionals;
  if (!cmd) throw new UsageError('no command given');
  if (!COMMANDS.includes(cmd as CommandName)) throw new UsageError(`unknown command "${cmd}"`);
  const command = cmd as CommandName;
  const text = rest.join(' ').trim();
  if (NEEDS_ARG[command] && !text) throw new UsageError(`${command} needs ${NEEDS_ARG[command]}`);
  for (const k of ['from', 'to'] as const) {
    const v = values[k];
    if (v !== undefined && (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(v) || (v.length === 10 && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v))) throw new UsageError(`--${k} must be YYYY-MM-DD (got "${v}")`);
  }
  if (values.session !== undefined && !/^[\w:.-]{1,100}$/.test(values.session)) {
    throw new UsageError('--session must be 1-100 letters, digits, "_", "-", ".", ":"');
  }
  return {
    json: values.json ?? false,
    discord: values.discord ?? false,
    seeds: values.seeds,
    input: {
      command,
      ...(text ? { text } : {}),
      ...(values.session ? { session: `cli:${values.session}` } : {}),
      ...(values.about ? { about: values.about } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
    },
  };
}
