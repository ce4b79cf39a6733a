/**
 * `npm run start:sharded`: gateway sharding with discord.js's ShardingManager.
 * Each shard is its own process running the normal entry (src/main.ts); the
 * discord.js Client in it picks its shard id and count from the environment the
 * manager sets. Shards share nothing in memory, so conversations, the answer cache,
 * interaction claims and digest slots all live in Redis (REDIS_URL): every shard
 * runs the digest scheduler and the slot claim lets exactly one of them post.
 *
 *   npm run start:sharded                 shard count from Discord's recommendation
 *   npm run start:sharded -- --shards 4   a fixed count
 *
 * HTTP interactions mode is the other way to scale: stateless instances behind a
 * load balancer, with the same Redis (see README, "Scaling out").
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ShardedOptions {
  config: Config;
  log: Logger;
  /** The per-shard entry script (default src/main.ts). */
  entry?: string;
  /** Number of shards, or 'auto' for Discord's recommendation. */
  shards?: number | 'auto';
  /** Pause between shard spawns (Discord allows one IDENTIFY per 5 s per bucket; default 5.5 s). */
  spawnDelayMs?: number;
  /** Restart a shard that exits (default true). */
  respawn?: boolean;
}

export interface Sharded {
  manager: ShardingManager;
  /** Stop every shard (SIGTERM, so each one shuts down gracefully) and wait for them to exit. */
  stop(): Promise<void>;
}

/**
 * Discord's recommended shard count, asked of the configured API base (the
 * library's own helper always asks discord.com, which a test's fake cannot answer).
 */
export async function recommendedShards(config: Config): Promise<number> {
  const base = (config.DISCORD_API_URL ?? 'https://discord.com/api').replace(/\/$/, '');
  const res = await fetch(`${base}/v10/gateway/bot`, { headers: { Authorization: `Bot ${config.DISCORD_TOKEN}` } });
  if (!res.ok) throw new Error(`GET /gateway/bot answered ${res.status}`);
  const body = (await res.json()) as { shards?: number };
  return Math.max(1, Number(body.shards) || 1);
}

/** Spawn the shards. Throws ConfigError when sharding cannot share state. */
export async function startSharded(opts: ShardedOptions): Promise<Sharded> {
  const { config, log } = opts;
  if (!config.DISCORD_TOKEN) throw new ConfigError('Invalid setting DISCORD_TOKEN: sharding needs the bot token');
  const totalShards = opts.shards === undefined || opts.shards === 'auto' ? await recommendedShards(config) : opts.shards;
  if (totalShards > 1 && !config.REDIS_URL) {
    // Separate processes cannot share the embedded file store: follow-ups, claims and digest slots would diverge.
    throw new ConfigError('Invalid setting REDIS_URL: running more than one shard needs Redis to share state between them');
  }
  const entry = opts.entry ?? path.join(ROOT, 'src', 'main.ts');
  // HTTP interactions need no sharding (run more instances instead), and N shards
  // cannot all bind one port: the children inherit an environment without it.
  delete process.env.INTERACTIONS_PORT;
  const manager = new ShardingManager(entry, {
    token: config.DISCORD_TOKEN,
    totalShards,
    mode: 'process',
    respawn: opts.respawn ?? true,
    // Shards run the TypeScript entry directly, as `npm start` does.
    execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
  });
  manager.on('shardCreate', (shard: Shard) => {
    log.info({ shard: shard.id, of: totalShards }, 'shard started');
    shard.on('death', (p) => log.warn({ shard: shard.id, exitCode: 'exitCode' in p ? p.exitCode : undefined }, 'shard exited'));
  });
  await manager.spawn({ amount: totalShards, delay: opts.spawnDelayMs ?? 5500, timeout: 60_000 });
  log.info({ shards: totalShards }, 'all shards ready');
  return {
    manager,
    async stop() {
      manager.respawn = false;
      await Promise.all(
        manager.shards.map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return;
          const exited = new Promise<void>((r) => child.once('exit', () => r()));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}

function shardsArg(argv: string[]): number | 'auto' {
  const i = argv.indexOf('--shards');
  const v = i >= 0 ? argv[i + 1] : undefined;
  if (v === undefined || v === 'auto') return 'auto';
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new ConfigError(`--shards must be a whole number from 1 to 1000 (got "${v}")`);
  return n;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    try {
      process.loadEnvFile('.env');
    } catch {
      /* no .env: the environment alone configures the bot */
    }
    const config = loadConfig();
    const log = createLogger(config.LOG_LEVEL);
    const sharded = await startSharded({ config, log, shards: shardsArg(process.argv.slice(2)) });
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'stopping all shards');
      void sharded.stop().then(() => process.exit(0));
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  } catch (err) {
    process.stderr.write(`dispatch: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
