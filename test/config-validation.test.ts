/**
 * Config: bad values stop start-up with a ConfigError whose message is one line
 * naming the variable; good values and defaults load; `npm start` with a bad value
 * exits non-zero with one line on stderr.
 */
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, isValidTimeZone, loadConfig } from '../src/config.js';
import { cleanupTempDirs, ourStderr, run, tempDir } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);
vi.setConfig({ testTimeout: 120_000 });

const KEY = 'a'.repeat(64);

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/dispatch');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig: bad values', () => {
  it.each<[string, Record<string, string>, RegExp?]>([
    ['REDIS_URL', { REDIS_URL: 'notaurl' }],
    ['REDIS_URL', { REDIS_URL: 'http://127.0.0.1:6379' }, /redis/],
    ['REDIS_URL', { REDIS_URL: 'redis://127.0.0.1:6379\nextra' }],
    ['DIGEST_TZ', { DIGEST_TZ: 'Mars/Base' }, /Mars\/Base/],
    ['DIGEST_TZ', { DIGEST_TZ: 'Mars\nBase' }],
    ['INTERACTIONS_PORT', { INTERACTIONS_PORT: '99999', DISCORD_PUBLIC_KEY: KEY }],
    ['INTERACTIONS_PORT', { INTERACTIONS_PORT: '0', DISCORD_PUBLIC_KEY: KEY }],
    ['INTERACTIONS_PORT', { INTERACTIONS_PORT: 'eighty', DISCORD_PUBLIC_KEY: KEY }],
    ['INTERACTIONS_PORT', { INTERACTIONS_PORT: '8080' }, /DISCORD_PUBLIC_KEY/],
    ['DISCORD_PUBLIC_KEY', { DISCORD_PUBLIC_KEY: 'not-hex' }],
    ['DISCORD_APPLICATION_ID', { DISCORD_APPLICATION_ID: 'my-app' }],
    ['DIGEST_CHANNEL_ID', { DIGEST_CHANNEL_ID: '#general' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['SESSION_TTL_MINUTES', { SESSION_TTL_MINUTES: 'abc' }],
    ['SESSION_TTL_MINUTES', { SESSION_TTL_MINUTES: '0' }],
    ['STORE_TIMEOUT_MS', { STORE_TIMEOUT_MS: '-5' }],
    ['OPENAI_BASE_URL', { OPENAI_BASE_URL: 'localhost:8080' }],
    ['OPENAI_MAX_RETRIES', { OPENAI_MAX_RETRIES: '2.5' }],
  ])('%s: %j → ConfigError, one line naming the variable', (name, env, extra) => {
    const err = configError(env);
    expect(err.name).toBe('ConfigError');
    expect(err.message).toContain(name);
    expect(err.message).not.toMatch(/[\r\n]/);
    expect(err.message.length).toBeLessThan(300);
    if (extra) expect(err.message).toMatch(extra);
  });

  it('names the first bad variable when several are bad, still in one line', () => {
    const err = configError({ REDIS_URL: 'notaurl', LOG_LEVEL: 'loud', INTERACTIONS_PORT: '99999' });
    expect(err.message).toMatch(/REDIS_URL|LOG_LEVEL|INTERACTIONS_PORT/);
    expect(err.message).not.toMatch(/\n/);
  });
});

describe('loadConfig: good values', () => {
  it('defaults, with paths resolved against the given cwd', () => {
    const c = loadConfig({}, '/srv/dispatch');
    expect(c.seedsDir).toBe(path.resolve('/srv/dispatch', 'seeds'));
    expect(c.dataDir).toBe(path.resolve('/srv/dispatch', 'data'));
    expect(c.LOG_LEVEL).toBe('info');
    expect(c.DIGEST_TZ).toBe('UTC');
    expect(c.SESSION_TTL_MINUTES).toBe(30);
    expect(c.STORE_TIMEOUT_MS).toBe(500);
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.INTERACTIONS_PORT).toBeUndefined();
  });

  it('a stuck model keeps a user waiting at most ~12 s by default (per request and in all)', () => {
    const c = loadConfig({}, '/srv/dispatch');
    expect(c.OPENAI_DEADLINE_MS).toBeLessThanOrEqual(12_000);
    expect(c.OPENAI_TIMEOUT_MS).toBeLessThanOrEqual(c.OPENAI_DEADLINE_MS);
  });

  it('reads only the env it is given (not process.env)', () => {
    const before = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'not-a-level';
    try {
      expect(loadConfig({}, '/x').LOG_LEVEL).toBe('info');
    } finally {
      if (before === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = before;
    }
  });

  it('empty strings count as unset', () => {
    const c = loadConfig({ REDIS_URL: '', INTERACTIONS_PORT: ' ', DIGEST_TZ: '', SESSION_TTL_MINUTES: '' }, '/x');
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.INTERACTIONS_PORT).toBeUndefined();
    expect(c.DIGEST_TZ).toBe('UTC');
    expect(c.SESSION_TTL_MINUTES).toBe(30);
  });

  it('accepts and coerces good values', () => {
    const dir = tempDir();
    const c = loadConfig(
      {
        SEEDS_DIR: 'corpus',
        DATA_DIR: dir,
        REDIS_URL: 'rediss://user:pw@cache.internal:6380/2',
        DIGEST_TZ: 'Europe/Zurich',
        INTERACTIONS_PORT: '8080',
        DISCORD_PUBLIC_KEY: KEY,
        SESSION_TTL_MINUTES: '90',
        LOG_LEVEL: 'debug',
      },
      '/srv/app',
    );
    expect(c.seedsDir).toBe('/srv/app/corpus');
    expect(c.dataDir).toBe(dir); // absolute paths stay as they are
    expect(c.REDIS_URL).toBe('rediss://user:pw@cache.internal:6380/2');
    expect(c.INTERACTIONS_PORT).toBe(8080);
    expect(c.SESSION_TTL_MINUTES).toBe(90);
    expect(c.DIGEST_TZ).toBe('Europe/Zurich');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, '/x').REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('isValidTimeZone knows IANA zones and rejects made-up ones', () => {
    for (const tz of ['UTC', 'Europe/Zurich', 'America/Caracas', 'Asia/Kolkata']) expect(isValidTimeZone(tz)).toBe(true);
    for (const tz of ['Mars/Base', 'Europe/Atlantis', '', 'GMT+25']) expect(isValidTimeZone(tz)).toBe(false);
  });
});

describe('npm start with a bad setting', () => {
  it.each([
    ['REDIS_URL', 'notaurl'],
    ['DIGEST_TZ', 'Mars/Base'],
    ['INTERACTIONS_PORT', '99999'],
  ])('%s=%s → non-zero exit, one line on stderr naming it, and no console', async (name, value) => {
    const r = await run('npm', ['start', '--silent'], {
      env: { [name]: value, DATA_DIR: tempDir('dispatch-start-'), ...(name === 'INTERACTIONS_PORT' ? { DISCORD_PUBLIC_KEY: KEY } : {}) },
      input: '/sources\n',
      timeoutMs: 120_000,
    });
    expect(r.code).not.toBe(0);
    const err = ourStderr(r.stderr);
    expect(err.split('\n'), err).toHaveLength(1);
    expect(err).toContain(name);
    expect(r.stdout).not.toMatch(/articles? in the corpus|Commands:/); // it did not start the console
  });

  it('INTERACTIONS_PORT without DISCORD_PUBLIC_KEY → non-zero exit, one line on stderr', async () => {
    const r = await run('npm', ['start', '--silent'], {
      env: { INTERACTIONS_PORT: '8080', DATA_DIR: tempDir('dispatch-start-') },
      input: '',
      timeoutMs: 120_000,
    });
    expect(r.code).not.toBe(0);
    const err = ourStderr(r.stderr);
    expect(err.split('\n'), err).toHaveLength(1);
    expect(err).toMatch(/INTERACTIONS_PORT.*DISCORD_PUBLIC_KEY/);
  });
});
