/**
 * `npm run start:sharded`: for bots in thousands of servers, one process per
 * gateway shard (discord.js ShardingManager). Each child runs src/main.ts; the
 * client picks its shard from the SHARDS/SHARD_COUNT the manager sets. Share state
 * through REDIS_URL so sessions, buttons, claims and digests stay consistent.
 * HTTP interactions need no sharding (run several instances instead), so the
 * children do not open INTERACTIONS_PORT.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { ConfigError, loadConfig } from '../config.js';

try {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) throw new ConfigError('Invalid setting DISCORD_TOKEN: required for start:sharded');
  delete process.env.INTERACTIONS_PORT;
  const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../main.ts');
  const manager = new ShardingManager(main, { token: config.DISCORD_TOKEN, totalShards: 'auto', execArgv: ['--import', 'tsx'] });
  manager.on('shardCreate', (shard) => process.stderr.write(`dispatch: shard ${shard.id} starting\n`));
  await manager.spawn();
} catch (err) {
  process.stderr.write(`dispatch: ${(err as Error).message}\n`);
  process.exit(1);
}
