/**
 * A bot instance in its own process, for crash tests: it logs in to the fake
 * Discord, shares Redis with the test, and runs one digest slot. At the chosen
 * moment it prints a marker and stops making progress, so the test can
 * `kill -9` it exactly mid-digest:
 *
 *   CRASH_AT=before-post  claimed the slot and recorded the pending post, nothing sent yet
 *   CRASH_AT=after-post   the messages landed in Discord, the slot is not yet recorded as posted
 *
 * env: REDIS_URL, NAMESPACE, DISCORD_API_URL, DIGEST_CHANNEL_ID, SLOT_NOW (ISO), LEASE_MS, CHART_DIR, CRASH_AT
 */
import path from 'node:path';
import { buildDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startDiscord } from '../../src/discord/client.js';
import { silentLogger } from '../../src/log.js';
import { createDiscordPoster } from '../../src/schedule/discord-poster.js';
import type { Poster } from '../../src/schedule/poster.js';
import { startScheduler } from '../../src/schedule/scheduler.js';
import { createStore } from '../../src/store/index.js';

const env = process.env;
const ROOT = path.resolve(import.meta.dirname, '../..');
const hang = () => new Promise<never>(() => {});
const say = (marker: string) => process.stdout.write(`${marker}\n`);
// Which process this is: the test kills it with SIGKILL and checks that it is gone.
say(`PID ${process.pid}`);

const config = loadConfig(
  {
    SEEDS_DIR: 'seeds',
    LOG_LEVEL: 'silent',
    REDIS_URL: env.REDIS_URL,
    DISCORD_TOKEN: 'fake-token',
    DISCORD_API_URL: env.DISCORD_API_URL,
    DIGEST_CHANNEL_ID: env.DIGEST_CHANNEL_ID,
    DIGEST_CRON: '0 9 * * *',
    DIGEST_TZ: 'UTC',
  },
  ROOT,
);
const store = createStore({ kind: 'redis', location: env.REDIS_URL, namespace: env.NAMESPACE, timeoutMs: 1000 });
const deps = await buildDeps(config, { log: silentLogger, store, llm: null, persistIndex: false, clock: () => new Date('2026-03-02T00:00:00Z') });
const bot = await startDiscord(deps, { cooldownSeconds: 0 });
const real = createDiscordPoster(bot.client);
const poster: Poster = {
  async post(channelId, answer, png, nonce) {
    if (env.CRASH_AT === 'before-post') {
      say('CRASH-POINT');
      return hang();
    }
    await real.post(channelId, answer, png, nonce);
    say('CRASH-POINT');
    return hang();
  },
};
const scheduler = await startScheduler(deps, poster, { cron: false, leaseMs: Number(env.LEASE_MS), chartDir: env.CHART_DIR });
say('READY');
await scheduler.runDue(new Date(env.SLOT_NOW!));
say('UNEXPECTED-END');
