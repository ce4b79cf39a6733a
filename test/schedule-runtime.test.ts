import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { classifyDiscordFailure } from '../src/schedule/poster.js';
import { startScheduler, slotNonce } from '../src/schedule/scheduler.js';
import { envSubscription, envSubscriptionProblem, saveSubscription, validateSubscription } from '../src/schedule/subscriptions.js';
import { SEEDS, makeDeps, memoryChannel, removeDir } from './digest-fixtures.js';

describe('Discord failures', () => {
  it('classify: gone channels pause, 5xx and rate limits retry, other 4xx fail', () => {
    expect(classifyDiscordFailure(404, 10003, 'Unknown Channel')).toMatchObject({ kind: 'gone', message: expect.stringMatching(/no longer exists/) });
    expect(classifyDiscordFailure(403, 50001, 'Missing Access')).toMatchObject({ kind: 'gone', message: expect.stringMatching(/cannot see this channel/) });
    expect(classifyDiscordFailure(403, 50013, 'Missing Permissions')).toMatchObject({ kind: 'gone', message: expect.stringMatching(/Attach Files/) });
    expect(classifyDiscordFailure(500, 0, 'Internal Server Error').kind).toBe('retryable');
    expect(classifyDiscordFailure(503, undefined, 'Service Unavailable').kind).toBe('retryable');
    expect(classifyDiscordFailure(429, undefined, 'rate limited').kind).toBe('retryable');
    expect(classifyDiscordFailure(undefined, undefined, 'ECONNRESET').kind).toBe('retryable');
    expect(classifyDiscordFailure(400, 50035, 'Invalid Form Body').kind).toBe('fatal');
  });

  it('nonces are stable per slot, distinct across slots, and within Discord’s 25 characters', () => {
    expect(slotNonce('1', '2026-06-01T09:00')).toBe(slotNonce('1', '2026-06-01T09:00'));
    expect(slotNonce('1', '2026-06-01T09:00')).not.toBe(slotNonce('1', '2026-06-01T21:00'));
    expect(slotNonce('1', '2026-06-01T09:00')).not.toBe(slotNonce('2', '2026-06-01T09:00'));
    expect(`${slotNonce('1', 'x')}-9`.length).toBeLessThanOrEqual(25);
  });
});

describe('environment default subscription', () => {
  it('is built from DIGEST_CHANNEL_ID + DIGEST_CRON + DIGEST_TZ, and explains what is wrong otherwise', async () => {
    const ok = await makeDeps(SEEDS, { env: { DIGEST_CHANNEL_ID: '123456789012345678', DIGEST_CRON: '30 7 * * 1-5', DIGEST_TZ: 'Asia/Tokyo' } });
    expect(envSubscription(ok.config)).toMatchObject({ id: 'env:123456789012345678', cron: '30 7 * * 1-5', timezone: 'Asia/Tokyo', source: 'env' });
    expect(envSubscriptionProblem(ok.config)).toBeNull();
    const bad = await makeDeps(SEEDS, { env: { DIGEST_CHANNEL_ID: '123456789012345678', DIGEST_CRON: '99 * * * *' } });
    expect(envSubscription(bad.config)).toBeNull();
    expect(envSubscriptionProblem(bad.config)).toMatch(/DIGEST_CRON "99 \* \* \* \*" is not a valid cron expression/);
    const half = await makeDeps(SEEDS, { env: { DIGEST_CRON: '0 9 * * *' } });
    expect(envSubscriptionProblem(half.config)).toMatch(/DIGEST_CHANNEL_ID is not/);
    for (const d of [ok, bad, half]) removeDir(d.config.dataDir);
  });
});

describe('node-cron tasks', () => {
  it('one task per subscription in its time zone plus the sweep; all gone after stop', async () => {
    const deps = await makeDeps(SEEDS, { clock: () => new Date('2026-06-01T00:00:00Z') });
    const v = validateSubscription({ channelId: '123456789012345678', time: '08:15', timezone: 'America/Chicago', frequency: 'twice-daily' });
    await saveSubscription(deps.store, { id: v.channelId, ...v, guildId: null, source: 'command', createdBy: null, createdAt: 0, paused: null });
    const before = cron.getTasks().size;
    const s = await startScheduler(deps, memoryChannel().poster);
    const names = [...cron.getTasks().values()].map((t) => t.name);
    expect(names).toContain('digest:123456789012345678');
    expect(names).toContain('digest:sweep');
    const task = [...cron.getTasks().values()].find((t) => t.name === 'digest:123456789012345678')!;
    expect(task.getPattern()).toBe('15 8,20 * * *');
    // node-cron agrees with our slot arithmetic about the next run in that zone.
    const next = task.getNextRun()!;
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Chicago', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next);
    expect(['08:15', '20:15']).toContain(local);
    await s.stop();
    expect(cron.getTasks().size).toBe(before);
    removeDir(deps.config.dataDir);
  });
});
