import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startScheduler, type Scheduler, type SchedulerOptions } from '../src/schedule/scheduler.js';
import { getState, getSubscription, saveSubscription, subscriptionId, validateSubscription, type Subscription } from '../src/schedule/subscriptions.js';
import { digestStatus } from '../src/schedule/status.js';
import { createStore, StoreUnavailableError, type Store } from '../src/store/index.js';
import { channelDigestKey, type ChannelDigestRecord } from '../src/engines/digest.js';
import { SEEDS, makeDeps, memoryChannel, removeDir, tempDir } from './digest-fixtures.js';

const CHANNEL = '123456789012345678';
const OTHER = '223456789012345678';
const GUILD = '999999999999999999';
/** Store id of a subscription made in GUILD (subscriptions are keyed by server and channel). */
const SUB = subscriptionId(GUILD, CHANNEL);

/** A clock tests move by hand. */
function fakeClock(start: string) {
  let now = new Date(start).getTime();
  return {
    clock: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso).getTime();
    },
  };
}

async function subscribe(store: Store, channelId: string, time: string, timezone: string, frequency = 'daily') {
  const v = validateSubscription({ channelId, time, timezone, frequency });
  const sub: Subscription = { id: subscriptionId(GUILD, channelId), ...v, guildId: GUILD, source: 'command', createdBy: null, createdAt: 0, paused: null };
  await saveSubscription(store, sub);
  return sub;
}

const fast: SchedulerOptions = { cron: false, backoffMs: 1, sleep: async () => {} };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(start: string, opts: { store?: Store; env?: Record<string, string> } = {}) {
  const t = fakeClock(start);
  const dataDir = tempDir();
  const deps = await makeDeps(SEEDS, { clock: t.clock, store: opts.store, env: opts.env, dataDir });
  cleanups.push(() => removeDir(dataDir));
  return { t, deps };
}

describe('scheduler with a fake clock', () => {
  it('posts once per slot, in the subscription time zone', async () => {
    const { t, deps } = await setup('2026-06-01T05:00:00Z');
    await subscribe(deps.store, CHANNEL, '08:30', 'Europe/Paris'); // 06:30 UTC in summer
    const ch = memoryChannel();
    const s = await startScheduler(deps, ch.poster, fast);
    cleanups.push(() => s.stop());
    expect(ch.messages).toHaveLength(0); // nothing due at start-up (yesterday's slot is outside the grace window)

    t.set('2026-06-01T06:29:59Z');
    expect((await s.runDue()).filter((r) => r.outcome === 'posted')).toHaveLength(0);
    t.set('2026-06-01T06:30:00Z');
    const r = await s.runDue();
    expect(r).toEqual([{ subscription: SUB, slot: '2026-06-01T08:30', outcome: 'posted', messageIds: [ch.messages[0]!.id] }]);
    t.set('2026-06-01T06:31:00Z');
    expect((await s.runDue())[0]!.outcome).toBe('already-posted');
    expect(ch.messages).toHaveLength(1);
    expect(ch.messages[0]!.channelId).toBe(CHANNEL);
    expect(ch.messages[0]!.png?.subarray(1, 4).toString()).toBe('PNG');
    expect(ch.messages[0]!.answer.sections?.length).toBeGreaterThan(4);

    // Persisted: last post for the subscription, and what the channel has seen (for "new since").
    const state = await getState(deps.store, SUB);
    expect(state.lastSlot).toBe('2026-06-01T08:30');
    expect(state.pending).toBeUndefined();
    const rec = await deps.store.get<ChannelDigestRecord>(channelDigestKey(CHANNEL));
    expect(rec?.articleIds).toHaveLength(5);

    // The next day's digest says nothing is new.
    t.set('2026-06-02T06:30:00Z');
    await s.runDue();
    expect(ch.messages).toHaveLength(2);
    expect(ch.messages[1]!.answer.sections!.find((x) => x.heading.startsWith('New since'))!.text).toMatch(/^No new articles since 1 Jun 2026, 06:30 UTC/);
  });

  it('DST change days: the spring-forward slot runs once after the gap; the repeated fall-back hour posts once', async () => {
    const { t, deps } = await setup('2026-03-08T06:00:00Z');
    await subscribe(deps.store, CHANNEL, '02:30', 'America/New_York');
    await subscribe(deps.store, OTHER, '01:30', 'America/New_York');
    const ch = memoryChannel();
    const s = await startScheduler(deps, ch.poster, { ...fast, graceMinutes: 30 });
    cleanups.push(() => s.stop());
    t.set('2026-03-08T07:00:00Z'); // 03:00 EDT: 02:30 never happened today; the slot is 03:30
    await s.runDue();
    expect(ch.messages.filter((m) => m.channelId === CHANNEL)).toHaveLength(0);
    t.set('2026-03-08T07:30:00Z'); // 03:30 EDT
    expect((await s.runDue()).find((r) => r.subscription === SUB)).toMatchObject({ slot: '2026-03-08T02:30', outcome: 'posted' });

    const before = ch.messages.filter((m) => m.channelId === OTHER).length; // its 8 March slot, posted in grace
    t.set('2026-11-01T05:30:00Z'); // the first 01:30 (EDT)
    expect((await s.runDue()).find((r) => r.subscription === subscriptionId(GUILD, OTHER))).toMatchObject({ slot: '2026-11-01T01:30', outcome: 'posted' });
    t.set('2026-11-01T06:30:00Z'); // 01:30 again (EST): same local slot, not posted again
    await s.runDue();
    expect(ch.messages.filter((m) => m.channelId === OTHER)).toHaveLength(before + 1);
  });

  it('twice-daily and weekly subscriptions post on their own slots', async () => {
    const { t, deps } = await setup('2026-06-01T00:00:00Z'); // a Monday
    await subscribe(deps.store, CHANNEL, '09:00', 'UTC', 'twice-daily');
    await subscribe(deps.store, OTHER, '09:00', 'UTC', 'weekly');
    const ch = memoryChannel();
    const s = await startScheduler(deps, ch.poster, fast);
    cleanups.push(() => s.stop());
    for (const at of ['2026-06-01T09:00:00Z', '2026-06-01T21:00:00Z', '2026-06-02T09:00:00Z', '2026-06-02T21:00:00Z', '2026-06-08T09:00:00Z']) {
      t.set(at);
      await s.runDue();
      await s.runDue(); // a second tick in the same minute changes nothing
    }
    const by = (c: string) => ch.messages.filter((m) => m.channelId === c).length;
    expect(by(CHANNEL)).toBe(5); // 4 twice-daily slots + the 8 June 09:00 one
    expect(by(OTHER)).toBe(2); // Mondays 1 and 8 June
  });

  it('kill and restart across a slot: exactly one post', async () => {
    const dir = tempDir();
    cleanups.push(() => removeDir(dir));
    const file = path.join(dir, 'store.json');
    const ch = memoryChannel();

    // Process 1 posts the 09:00 slot, then is killed (no clean shutdown).
    const store1 = createStore({ kind: 'file', location: file });
    const p1 = await setup('2026-06-01T08:59:00Z', { store: store1 });
    await subscribe(store1, CHANNEL, '09:00', 'UTC');
    const s1 = await startScheduler(p1.deps, ch.poster, fast);
    p1.t.set('2026-06-01T09:00:00Z');
    await s1.runDue();
    expect(ch.messages).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 150)); // the file store's write delay
    await s1.stop();

    // Process 2 starts at 09:02 on the same store: its start-up catch-up must not re-post.
    const store2 = createStore({ kind: 'file', location: file });
    const p2 = await setup('2026-06-01T09:02:00Z', { store: store2 });
    const s2 = await startScheduler(p2.deps, ch.poster, fast);
    cleanups.push(() => s2.stop());
    expect(ch.messages).toHaveLength(1);
    p2.t.set('2026-06-01T09:03:00Z');
    expect((await s2.runDue())[0]!.outcome).toBe('already-posted');
    expect(ch.messages).toHaveLength(1);
  });

  it('killed mid-post: the restart re-sends with the same nonce, so the channel still shows one digest', async () => {
    const dir = tempDir();
    cleanups.push(() => removeDir(dir));
    const file = path.join(dir, 'store.json');
    const ch = memoryChannel();
    const store1 = createStore({ kind: 'file', location: file });
    const p1 = await setup('2026-06-01T09:00:00Z', { store: store1 });
    await subscribe(store1, CHANNEL, '09:00', 'UTC');
    // This poster delivers the message, then the process "dies" before recording it.
    const dying = {
      post: async (...args: Parameters<typeof ch.poster.post>) => {
        await ch.poster.post(...args);
        return new Promise<never>(() => {});
      },
    };
    void startScheduler(p1.deps, dying, { ...fast, leaseMs: 300 }); // a short lease, to restart past it
    // Wait for the post itself, not a fixed time (a loaded machine takes longer).
    for (let i = 0; i < 200 && ch.messages.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(ch.messages).toHaveLength(1);
    // The file store writes behind: wait for the pending record to reach the file.
    for (let i = 0; i < 100 && !(existsSync(file) && readFileSync(file, 'utf8').includes('pending')); i++) await new Promise((r) => setTimeout(r, 50));

    // The file store keeps the dead process's slot claim; the restart takes the slot once
    // that claim's lease has run out (2 min by default, well inside Discord's nonce window).
    await new Promise((r) => setTimeout(r, 350));
    const store2 = createStore({ kind: 'file', location: file });
    const p2 = await setup('2026-06-01T09:03:00Z', { store: store2 });
    expect((await getState(store2, SUB)).pending?.slot).toBe('2026-06-01T09:00');
    const s2 = await startScheduler(p2.deps, ch.poster, fast);
    cleanups.push(() => s2.stop());
    expect(ch.messages).toHaveLength(1); // same nonce → Discord returns the existing message
    expect((await getState(store2, SUB)).lastSlot).toBe('2026-06-01T09:00');
  });

  it('catch-up after downtime: the missed slot is posted once at start-up when within grace', async () => {
    const { deps, t } = await setup('2026-06-01T09:45:00Z', { env: { DIGEST_GRACE_MINUTES: '60' } });
    await subscribe(deps.store, CHANNEL, '09:00', 'UTC');
    const ch = memoryChannel();
    const s = await startScheduler(deps, ch.poster, fast);
    cleanups.push(() => s.stop());
    expect(ch.messages).toHaveLength(1);
    t.set('2026-06-01T09:46:00Z');
    await s.runDue();
    const s2 = await startScheduler(deps, ch.poster, fast); // a second start-up (restart) on the same store
    cleanups.push(() => s2.stop());
    expect(ch.messages).toHaveLength(1);
  });

  it('after a long outage only the latest slot counts, and only within grace', async () => {
    // Twice-daily; down from before 09:00 until 21:30 the next day: three slots missed, one in grace.
    const { deps } = await setup('2026-06-02T21:30:00Z', { env: { DIGEST_GRACE_MINUTES: '60' } });
    await subscribe(deps.store, CHANNEL, '09:00', 'UTC', 'twice-daily');
    const ch = memoryChannel();
    const s = await startScheduler(deps, ch.poster, fast);
    cleanups.push(() => s.stop());
    expect(ch.messages).toHaveLength(1);
    expect((await getState(deps.store, SUB)).lastSlot).toBe('2026-06-02T21:00');

    const late = await setup('2026-06-03T11:00:00Z', { env: { DIGEST_GRACE_MINUTES: '60' } });
    await subscribe(late.deps.store, CHANNEL, '09:00', 'UTC', 'twice-daily');
    const ch2 = memoryChannel();
    const s2 = await startScheduler(late.deps, ch2.poster, fast);
    cleanups.push(() => s2.stop());
    expect(ch2.messages).toHaveLength(0);
    expect((await getState(late.deps.store, SUB)).lastError?.message).toMatch(/missed slot 2026-06-03T09:00/);
  });

  it('a 5xx is retried with backoff and posts once', async () => {
    const { deps } = await setup('2026-06-01T09:00:00Z');
    await subscribe(deps.store, CHANNEL, '09:00', 'UTC');
    const ch = memoryChannel();
    ch.failNext('retryable', 'retryable');
    const delays: number[] = [];
    const s = await startScheduler(deps, ch.poster, { ...fast, backoffMs: 100, sleep: async (ms) => void delays.push(ms) });
    cleanups.push(() => s.stop());
    expect(ch.messages).toHaveLength(1);
    expect(delays).toEqual([100, 200]);
  });

  it('gives up after the attempts and retries on the next sweep with the same nonce', async () => {
    const { deps, t } = await setup('2026-06-01T09:00:00Z');
    await subscribe(deps.store, CHANNEL, '09:00', 'UTC');
    const ch = memoryChannel();
    ch.failNext('retryable', 'retryable');
    const s = await startScheduler(deps, ch.poster, { ...fast, attempts: 2 });
    cleanups.push(() => s.stop());
    expect(ch.messages).toHaveLength(0);
    const st = await getState(deps.store, SUB);
    expect(st.lastError?.message).toMatch(/500/);
    expect(st.pending?.slot).toBe('2026-06-01T09:00');
    t.set('2026-06-01T09:01:00Z');
    expect((await s.runDue())[0]!.outcome).toBe('posted');
    expect(ch.messages).toHaveLength(1);
  });

  it('a deleted channel pauses the subscription with a note in status, and stops posting', async () => {
    const { deps, t } = await setup('2026-06-01T09:00:00Z');
    await subscribe(deps.store, CHANNEL, '09:00', 'UTC');
    const ch = memoryChannel();
    ch.failNext('gone');
    const s = await startScheduler(deps, ch.poster, fast);
    cleanups.push(() => s.stop());
    const sub = await getSubscription(deps.store, deps.config, CHANNEL);
    expect(sub?.paused?.reason).toMatch(/no longer exists/);
    const status = await digestStatus(deps, CHANNEL);
    expect(status).toMatch(/Paused: the channel no longer exists/);
    expect(status).toMatch(/Next run: none while paused/);
    t.set('2026-06-02T09:00:00Z');
    await s.runDue();
    expect(ch.messages).toHaveLength(0);
  });

  it('a new subscription does not post a slot that passed before it was made', async () => {
    const { deps, t } = await setup('2026-06-01T10:00:00Z');
    const v = validateSubscription({ channelId: CHANNEL, time: '09:00', timezone: 'UTC', frequency: 'daily' });
    await saveSubscription(deps.store, { id: CHANNEL, ...v, guildId: null, source: 'command', createdBy: null, createdAt: deps.clock().getTime(), paused: null });
    const ch = memoryChannel();
    const s = await startScheduler(deps, ch.poster, fast);
    cleanups.push(() => s.stop());
    expect(ch.messages).toHaveLength(0);
    t.set('2026-06-02T09:00:00Z');
    await s.runDue();
    expect(ch.messages).toHaveLength(1);
  });

  it('a digest that cannot be built posts nothing and is retried (not marked as sent)', async () => {
    const { deps, t } = await setup('2026-06-01T09:00:00Z');
    await subscribe(deps.store, CHANNEL, '09:00', 'UTC');
    const ch = memoryChannel();
    const corpus = deps.corpus;
    // A broken corpus object makes the engine throw.
    deps.corpus = { ...corpus, articles: null as unknown as typeof corpus.articles };
    const s = await startScheduler(deps, ch.poster, fast);
    cleanups.push(() => s.stop());
    const st = await getState(deps.store, SUB);
    expect(st.lastError?.message).toMatch(/could not be built/);
    expect(st.pending).toBeUndefined();
    deps.corpus = corpus;
    t.set('2026-06-01T09:10:00Z'); // past the nonce window: still posts, because nothing was sent before
    expect((await s.runDue())[0]!.outcome).toBe('posted');
    expect(ch.messages).toHaveLength(1);
  });

  it('two instances on one store: the slot claim lets only one post', async () => {
    const { deps } = await setup('2026-06-01T08:00:00Z');
    await subscribe(deps.store, CHANNEL, '09:00', 'UTC');
    const ch = memoryChannel();
    const slow = { post: async (...a: Parameters<typeof ch.poster.post>) => (await new Promise((r) => setTimeout(r, 50)), ch.poster.post(...a)) };
    const a = await startScheduler(deps, slow, fast);
    const b = await startScheduler(deps, slow, fast);
    cleanups.push(() => a.stop(), () => b.stop());
    const at = new Date('2026-06-01T09:00:00Z');
    const [ra, rb] = await Promise.all([a.runDue(at), b.runDue(at)]);
    expect([ra[0]!.outcome, rb[0]!.outcome].sort()).toEqual(['claimed-elsewhere', 'posted']);
    expect(ch.messages).toHaveLength(1);
  });

  it('store unavailable: the slot is deferred, never posted blind', async () => {
    const { deps } = await setup('2026-06-01T08:00:00Z');
    await subscribe(deps.store, CHANNEL, '09:00', 'UTC');
    const ch = memoryChannel();
    const s = await startScheduler(deps, ch.poster, fast);
    cleanups.push(() => s.stop());
    const realClaim = deps.store.claim;
    deps.store.claim = async () => {
      throw new StoreUnavailableError('down');
    };
    expect((await s.runDue(new Date('2026-06-01T09:00:00Z')))[0]!.outcome).toBe('store-unavailable');
    deps.store.claim = realClaim;
    expect((await s.runDue(new Date('2026-06-01T09:01:00Z')))[0]!.outcome).toBe('posted');
    expect(ch.messages).toHaveLength(1);
  });

  it('the environment default subscription (DIGEST_CHANNEL_ID + DIGEST_CRON + DIGEST_TZ)', async () => {
    const { deps } = await setup('2026-06-01T07:00:00Z', { env: { DIGEST_CHANNEL_ID: OTHER, DIGEST_CRON: '0 9 * * *', DIGEST_TZ: 'Europe/Berlin' } });
    const ch = memoryChannel();
    const s = await startScheduler(deps, ch.poster, fast);
    cleanups.push(() => s.stop());
    expect(ch.messages).toHaveLength(1); // 09:00 Berlin = 07:00 UTC
    expect(ch.messages[0]!.channelId).toBe(OTHER);
    expect(await digestStatus(deps, OTHER)).toMatch(/cron `0 9 \* \* \*` \(Europe\/Berlin\)/);
  });
});
