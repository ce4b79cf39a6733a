/**
 * The only reader of process.env. Every setting is validated here with zod; a bad
 * value stops start-up with one clear line naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const int = (def: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(def));

const schema = z.object({
  SEEDS_DIR: z.preprocess(emptyToUndefined, z.string().default('seeds')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /** Follow-up memory lifetime (minutes). */
  SESSION_TTL_MINUTES: int(30, 1, 24 * 60),
  REDIS_URL: z.preprocess(emptyToUndefined, z.string().url().regex(/^rediss?:\/\/[^\s]+$/, 'must be a redis:// or rediss:// URL').optional()),
  /** Milliseconds any single store call may take before it is treated as failed. */
  STORE_TIMEOUT_MS: int(500, 10, 60_000),

  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: z.preprocess(emptyToUndefined, z.string().regex(/^\d{15,22}$/, 'must be a Discord snowflake (digits)').optional()),
  DISCORD_GUILD_ID: z.preprocess(emptyToUndefined, z.string().regex(/^\d{15,22}$/, 'must be a Discord snowflake (digits)').optional()),
  DISCORD_PUBLIC_KEY: z.preprocess(emptyToUndefined, z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters').optional()),
  INTERACTIONS_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).optional()),
  /** Base URL of the Discord API (tests point this at a fake Discord on 127.0.0.1). */
  DISCORD_API_URL: optionalString,
  COOLDOWN_SECONDS: int(3, 0, 3600),
  /**
   * Tests only: every engine run first holds the main thread (a busy loop) this long, to
   * show what does not depend on it (HTTP acknowledgements). 0, the default, is off.
   */
  DEBUG_BLOCK_ENGINE_MS: int(0, 0, 60_000),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess(emptyToUndefined, z.string().url().regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL').optional()),
  OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  // A user waits for a stuck model at most the deadline (then gets the offline answer): keep it short.
  OPENAI_TIMEOUT_MS: int(10_000, 100, 600_000),
  OPENAI_DEADLINE_MS: int(12_000, 100, 840_000),
  OPENAI_MAX_RETRIES: int(2, 0, 10),
  OPENAI_PROMPT_TOKEN_BUDGET: int(2500, 200, 100_000),

  DIGEST_CHANNEL_ID: z.preprocess(emptyToUndefined, z.string().regex(/^\d{15,22}$/, 'must be a Discord channel id (digits)').optional()),
  DIGEST_CRON: optionalString,
  DIGEST_TZ: z.preprocess(emptyToUndefined, z.string().default('UTC')),
  DIGEST_GRACE_MINUTES: int(120, 0, 7 * 24 * 60),
});

export type Env = z.infer<typeof schema>;

/** Validated configuration, with paths resolved. */
export interface Config extends Env {
  seedsDir: string;
  dataDir: string;
}

/** Raised for a configuration error; `message` is one line meant for the operator. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parse and validate the environment. Throws ConfigError with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.') || 'environment';
    throw new ConfigError(`Invalid setting ${key}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.DIGEST_TZ && !isValidTimeZone(e.DIGEST_TZ)) {
    throw new ConfigError(`Invalid setting DIGEST_TZ: unknown time zone ${JSON.stringify(e.DIGEST_TZ)}`);
  }
  if (e.INTERACTIONS_PORT && !e.DISCORD_PUBLIC_KEY) {
    throw new ConfigError('Invalid setting INTERACTIONS_PORT: DISCORD_PUBLIC_KEY is required to verify interactions');
  }
  return { ...e, seedsDir: path.resolve(cwd, e.SEEDS_DIR), dataDir: path.resolve(cwd, e.DATA_DIR) };
}

/** True when `tz` is an IANA zone this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
