/**
 * The one-shot CLI (CLI-CONTRACT.md): one command, one answer on stdout (exactly
 * one JSON object with --json), logs on stderr, exit 0 for any answer.
 */
import { loadConfig, ConfigError } from '../config.js';
import { buildDeps } from '../app.js';
import { flushAnalysisWrites } from '../analysis/file.js';
import { CorpusError } from '../corpus/load.js';
import { runCommand } from '../engines/index.js';
import { isBadInputError } from '../errors.js';
import { createLogger } from '../log.js';
import { parseCli, USAGE, UsageError } from './parse-args.js';
import { toJson, toText } from './render-text.js';
import { discordMessages } from './discord-preview.js';

export async function runCli(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCli(argv);
  } catch (err) {
    if (err instanceof UsageError && err.message === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`dispatch: ${(err as Error).message.split('\n')[0]} (see --help)\n`); // contract: one line on stderr
    return 2;
  }
  try {
    try {
      process.loadEnvFile('.env'); // optional; real environment variables win below
    } catch {
      /* no .env */
    }
    const env: NodeJS.ProcessEnv = { ...process.env, ...(args.seeds ? { SEEDS_DIR: args.seeds } : {}) };
    if (!process.env.LOG_LEVEL) env.LOG_LEVEL = 'warn';
    const config = loadConfig(env);
    const log = createLogger(config.LOG_LEVEL);
    const deps = await buildDeps(config, { log });
    try {
      const answer = await runCommand(deps, args.input);
      if (args.discord) process.stdout.write(`${JSON.stringify({ messages: discordMessages(answer) })}\n`);
      else process.stdout.write(args.json ? `${JSON.stringify(toJson(answer))}\n` : `${toText(answer)}\n`);
    } finally {
      // What this command built of the corpus analysis is kept for the next run.
      await flushAnalysisWrites();
      await deps.store.close();
    }
    return 0;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof CorpusError || isBadInputError(err)) {
      process.stderr.write(`dispatch: ${(err as Error).message}\n`);
      return isBadInputError(err) ? 2 : 1;
    }
    process.stderr.write(`dispatch: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 1;
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Open handles (a reconnecting store, timers) must not keep a one-shot command alive.
    setTimeout(() => process.exit(code), 50).unref();
  },
  (err) => {
    process.stderr.write(`dispatch: ${String(err)}\n`);
    process.exit(1);
  },
);
