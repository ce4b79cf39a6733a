/**
 * `npm run deploy-commands`: register the slash commands in commands/index.ts —
 * to DISCORD_GUILD_ID when set (instant, for testing), else globally (may take up
 * to an hour to appear). Safe to re-run: PUT replaces the whole list.
 */
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { pathToFileURL } from 'node:url';
import { commandDefinitions } from '../../commands/index.js';
import { ConfigError, loadConfig, type Config } from '../config.js';

/** Register every command; resolves with what Discord stored. */
export async function deployCommands(config: Config, rest?: REST): Promise<{ scope: string; count: number; result: RESTPutAPIApplicationCommandsResult }> {
  if (!config.DISCORD_TOKEN) throw new ConfigError('Invalid setting DISCORD_TOKEN: required to register commands');
  if (!config.DISCORD_APPLICATION_ID) throw new ConfigError('Invalid setting DISCORD_APPLICATION_ID: required to register commands');
  const client =
    rest ?? new REST({ version: '10', ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }).setToken(config.DISCORD_TOKEN);
  const body = commandDefinitions();
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  const result = (await client.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'global', count: result.length, result };
}

// Run as a script (not when imported by tests).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    try {
      process.loadEnvFile('.env'); // like start and the CLI: optional, and real environment variables win
    } catch {
      /* no .env */
    }
    const { scope, count } = await deployCommands(loadConfig());
    process.stdout.write(`Registered ${count} commands (${scope}).\n`);
  } catch (err) {
    process.stderr.write(`deploy-commands: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
