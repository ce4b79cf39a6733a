/**
 * The cooldown is shared by every shard and instance through Redis (REDIS_URL): two
 * bots, each logged in to its own fake Discord (two shards) and sharing one Redis,
 * refuse a user on the second what the first just answered — commands, a flood of
 * mentions split across both (one channel post in all), and autocomplete.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { createStore, type Store } from '../src/store/index.js';
import { answerOf, payloadOf, realDeps, sleep, startHarness, textOf, type Harness } from './e2e/discord-harness.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('[redis-cooldown] REDIS_URL is not set: skipping the shared-cooldown tests (the embedded-store cooldown is tested in test/e2e/discord-cooldown.test.ts)');

describe.skipIf(!REDIS_URL)('one cooldown across two shards sharing Redis', () => {
  const namespace = `dispatch-test-${randomUUID().slice(0, 8)}`;
  let stores: Store[] = [];
  let a: Harness;
  let b: Harness;

  beforeAll(async () => {
    const base: Deps = await realDeps();
    stores = [0, 1].map(() => createStore({ kind: 'redis', location: REDIS_URL, namespace, timeoutMs: 1000 }));
    a = await startHarness({ deps: { ...base, store: stores[0]! }, cooldownSeconds: 30 });
    b = await startHarness({ deps: { ...base, store: stores[1]! }, cooldownSeconds: 30 });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const s of stores) await s.close();
  });

  const mention = (h: Harness, userId: string) =>
    h.discord.message(`<@${h.discord.botId}> How many troops did Trump deploy?`, {
      author: { id: userId, username: 'spammer', discriminator: '0' },
      mentions: [{ id: h.discord.botId, username: 'Dispatch', discriminator: '0000', bot: true }],
    });

  it('a command answered on one shard is refused on the other for the same user', async () => {
    const user = a.discord.snowflake();
    const first = a.discord.sendInteraction(a.discord.command('sources', [], { userId: user }));
    const ok = await answerOf(a.discord, first.token, 20_000);
    expect(ok.body.type).toBe(4);
    expect(ok.body.data.flags ?? 0).toBe(0);
    const second = b.discord.sendInteraction(b.discord.command('sources', [], { userId: user }));
    const refused = await answerOf(b.discord, second.token, 20_000);
    expect(refused.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(refused.body.data.content).toMatch(/going a bit fast — try again in a moment \(at most 30 s\)/);
  });

  it('50 mention spams split across both shards produce one channel post in all, never a public refusal', async () => {
    const spammer = a.discord.snowflake();
    const from = [a.discord.requests.length, b.discord.requests.length];
    for (let i = 0; i < 25; i++) {
      a.discord.sendMessage(mention(a, spammer));
      b.discord.sendMessage(mention(b, spammer));
    }
    await sleep(1500);
    await a.bot.router.idle();
    await b.bot.router.idle();
    const sent = [a, b].flatMap((h, i) => h.discord.requests.slice(from[i]));
    const posts = sent.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
    expect(posts).toHaveLength(1);
    expect(textOf(payloadOf(posts[0]!))).toContain('4,500');
    expect(sent.filter((r) => r.method === 'PUT' && /\/reactions\//.test(r.path)).length).toBeLessThanOrEqual(1);
  });

  it('an autocomplete burst split across both shards gets one list of choices', async () => {
    const user = a.discord.snowflake();
    const focused = [{ name: 'name', type: 3, value: 'Ma', focused: true }];
    const sent = [a, b].flatMap((h) => Array.from({ length: 5 }, () => ({ h, s: h.discord.sendInteraction(h.discord.autocomplete('who', focused, { userId: user })) })));
    const lists = await Promise.all(sent.map(async ({ h, s }) => (await answerOf(h.discord, s.token)).body.data.choices as unknown[]));
    expect(lists.filter((c) => c.length > 0)).toHaveLength(1);
  });
});
