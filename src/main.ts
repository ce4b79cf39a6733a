/**
 * Start-up: validate config, wire dependencies once, pick the front door:
 * Discord gateway when DISCORD_TOKEN is set, HTTP interactions when
 * INTERACTIONS_PORT is set, otherwise the local console.
 */
import { ConfigError, loadConfig } from './config.js';
import { buildDeps } from './app.js';
import { CorpusError } from './corpus/load.js';
import { createLogger } from './log.js';
import { runConsole } from './console/repl.js';
import { runCommand, warmUp } from './engines/index.js';
import type { RunFn } from './discord/command.js';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const front = config.DISCORD_TOKEN || config.INTERACTIONS_PORT ? 'discord' : 'console';
  // The console keeps stderr quiet unless asked; servers log at the configured level.
  const log = createLogger(front === 'console' && !process.env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL);
  const deps = await buildDeps(config, { log });
  const closers: (() => Promise<unknown> | void)[] = [() => deps.store.close()];

  if (front === 'console') {
    await runConsole(deps);
    await deps.store.close();
    process.exit(0);
  }

  // New or changed article files are picked up while the bot runs (no restart, no full rebuild).
  const { watchCorpus } = await import('./corpus/watch.js');
  const watcher = watchCorpus(deps, {
    log,
    // The watcher logs each update; build the new version's analysis now (only changed articles are read
    // again) and persist it, so autocomplete knows the new names and the next start loads it.
    onUpdate: () => void warmUp(deps).catch((err) => log.warn({ err: (err as Error).message }, 'warm-up after a corpus update failed')),
  });
  closers.unshift(() => watcher.close());
  if (config.INTERACTIONS_PORT) {
    const { startHttpInteractions } = await import('./discord/http-interactions.js');
    const server = await startHttpInteractions(deps, config.INTERACTIONS_PORT, config.DEBUG_BLOCK_ENGINE_MS ? { run: blockingRun(config.DEBUG_BLOCK_ENGINE_MS) } : {});
    closers.unshift(() => server.close());
    log.info({ port: config.INTERACTIONS_PORT }, 'HTTP interactions endpoint listening');
  }
  if (config.DISCORD_TOKEN) {
    const { startDiscord } = await import('./discord/client.js');
    const bot = await startDiscord(deps);
    closers.unshift(() => bot.stop());
    log.info('connected to the Discord gateway');
    // Scheduled digests post through the gateway client; stop them before the client.
    // Their Quotes button is answered by the router, from the router's stash.
    const { startScheduler } = await import('./schedule/scheduler.js');
    const { createDiscordPoster } = await import('./schedule/discord-poster.js');
    const digests = await startScheduler(deps, createDiscordPoster(bot.client, { stash: bot.router.stash }));
    closers.unshift(() => digests.stop());
  }

  // The analysis (engine modules, the persisted parts, or a worker build on a cold start) is
  // warmed while the front doors already answer: a command that arrives first reads the parts
  // it needs itself (src/analysis/file.ts reads each part's section on first use).
  const t0 = performance.now();
  void warmUp(deps).then(
    () => log.info({ ms: Math.round(performance.now() - t0) }, 'analysis warmed'),
    (err: Error) => log.warn({ err: err.message }, 'warm-up failed; parts load or build on first use'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight work');
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    for (const close of closers) {
      try {
        await close();
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'error while closing');
      }
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Tests only (DEBUG_BLOCK_ENGINE_MS): each engine run holds the thread for `ms` first, as a long synchronous engine would. */
function blockingRun(ms: number): RunFn {
  return (deps, input) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
    return runCommand(deps, input);
  };
}

/** Settings from ./.env, if present (real environment variables win). */
function loadDotEnv(): void {
  try {
    const before = { ...process.env };
    process.loadEnvFile('.env');
    Object.assign(process.env, before);
  } catch {
    /* no .env file: the environment alone configures the bot */
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof CorpusError) {
    process.stderr.write(`dispatch: ${err.message}\n`);
  } else {
    process.stderr.write(`dispatch: failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  }
  process.exit(1);
});
