/**
 * Shared set-up for the Discord e2e tests: real dependencies over ./seeds (memory
 * store, no model), the fake Discord on 127.0.0.1, and the real discord.js client
 * logged in to it through `startDiscord`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/deps.js';
import { startDiscord, type DiscordBot, type StartDiscordOptions } from '../../src/discord/client.js';
import { LIMITS, payloadViolations, type MessagePayload } from '../../src/discord/render.js';
import { silentLogger } from '../../src/log.js';
import { createStore, type Store } from '../../src/store/index.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fake-discord.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Real dependencies over the project's seeds. */
export async function realDeps(env: Record<string, string> = {}, store?: Store): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: 'seeds', LOG_LEVEL: 'silent', COOLDOWN_SECONDS: '0', ...env }, ROOT);
  return buildDeps(config, { store: store ?? createStore({ kind: 'memory' }), persistIndex: false, llm: null, log: silentLogger });
}

export interface Harness {
  discord: FakeDiscord;
  deps: Deps;
  bot: DiscordBot;
  close(): Promise<void>;
}

/** Fake Discord + real client + real engines. `deps` may be shared between harnesses. */
export async function startHarness(opts: StartDiscordOptions & { deps?: Deps; env?: Record<string, string> } = {}): Promise<Harness> {
  const discord = await startFakeDiscord();
  const base = opts.deps ?? (await realDeps(opts.env));
  // point this client at this fake; everything else is the real configuration
  const deps: Deps = { ...base, config: { ...base.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } };
  const bot = await startDiscord(deps, opts);
  await discord.ready();
  return {
    discord,
    deps,
    bot,
    async close() {
      await bot.stop(); // destroy the client first, or the shard keeps reconnecting
      await discord.close();
    },
  };
}

/** The message payload inside a recorded REST body (interaction callback or webhook/channel message). */
export function payloadOf(r: RecordedRequest): MessagePayload & { allowed_mentions?: { parse?: string[] }; flags?: number } {
  const data = r.path.endsWith('/callback') ? r.body?.data ?? {} : r.body ?? {};
  return { ...data, embeds: data.embeds ?? [], components: data.components ?? [] };
}

/** Every check a message body must pass: within limits and never pinging anyone. */
export function expectSafeMessage(r: RecordedRequest): void {
  const p = payloadOf(r);
  const problems = payloadViolations(p);
  if (problems.length) throw new Error(`${r.method} ${r.path}: ${problems.join('; ')}`);
  if (!p.allowed_mentions || JSON.stringify(p.allowed_mentions.parse) !== '[]') {
    throw new Error(`${r.method} ${r.path}: allowed_mentions.parse is not [] (${JSON.stringify(p.allowed_mentions)})`);
  }
  if ((p.content?.length ?? 0) > LIMITS.content) throw new Error('content too long');
}

/** All text a payload shows (content, embed titles and descriptions). */
export const textOf = (p: MessagePayload) => [p.content ?? '', ...p.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].join('\n');

/** custom_ids of a payload's buttons. */
export const customIds = (p: MessagePayload) => p.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')));

/**
 * The message that answered an interaction: the type-4 callback when it replied
 * directly, else the first PATCH of @original (after a type-5 defer).
 */
export async function answerOf(discord: FakeDiscord, token: string, timeoutMs = 10_000): Promise<RecordedRequest> {
  return discord.waitForRequest(
    (r) =>
      r.path.includes(`/${token}`) &&
      ((r.path.endsWith('/callback') && [4, 7, 8, 9].includes(r.body?.type)) || (r.method === 'PATCH' && r.path.endsWith('/messages/@original'))),
    timeoutMs,
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
