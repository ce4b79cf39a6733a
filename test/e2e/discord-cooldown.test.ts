/**
 * One cooldown for every way in, through the real discord.js client and the fake
 * Discord: a flood of 50 mentions from one user makes one channel post (the answer)
 * and at most one reaction — never a public "slow down" — and buttons, autocomplete
 * and /digest status are held to the same per-user cooldown as commands. (Shared
 * across instances through Redis: test/redis-cooldown.test.ts.)
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.js';
import { createStore } from '../../src/store/index.js';
import { answerOf, payloadOf, realDeps, sleep, startHarness, textOf, type Harness } from './discord-harness.js';

let deps: Deps;
let h: Harness;
beforeAll(async () => {
  deps = await realDeps();
  h = await startHarness({ deps, cooldownSeconds: 30 });
});
afterAll(async () => h?.close());

const str = (name: string, value: unknown) => ({ name, type: 3, value });
const SLOW_DOWN = /going a bit fast — try again in \d+\.\d s/;

function mention(text: string, userId: string) {
  return h.discord.message(`<@${h.discord.botId}> ${text}`, {
    author: { id: userId, username: 'spammer', discriminator: '0' },
    mentions: [{ id: h.discord.botId, username: 'Dispatch', discriminator: '0000', bot: true }],
  });
}

/** Channel messages and reactions the bot sent since request index `from`. */
function sentSince(from: number) {
  const later = h.discord.requests.slice(from);
  return {
    posts: later.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)),
    reactions: later.filter((r) => r.method === 'PUT' && /\/reactions\/.+\/@me$/.test(r.path)),
  };
}

describe('mentions', () => {
  it('50 mention spams from one user produce one channel post and at most one reaction', async () => {
    const spammer = h.discord.snowflake();
    const from = h.discord.requests.length;
    const msgs = Array.from({ length: 50 }, () => mention('How many troops did Trump deploy?', spammer));
    for (const m of msgs) h.discord.sendMessage(m);
    await h.discord.waitForRequest((r) => h.discord.requests.indexOf(r) >= from && r.method === 'POST' && r.body?.message_reference?.message_id !== undefined, 20_000);
    await sleep(500); // every mention delivered and handled
    await h.bot.router.idle();
    const { posts, reactions } = sentSince(from);
    expect(posts).toHaveLength(1);
    expect(textOf(payloadOf(posts[0]!))).toContain('4,500');
    expect(posts.some((p) => SLOW_DOWN.test(textOf(payloadOf(p))))).toBe(false);
    // The quiet notice: one ⏳ on one of the refused mentions, not 49.
    expect(reactions).toHaveLength(1);
    expect(reactions[0]!.path).toMatch(new RegExp(`^/channels/${h.discord.channelId}/messages/\\d+/reactions/⏳/@me$`));
    expect(msgs.map((m) => m.id)).toContain(reactions[0]!.path.split('/')[4]);
  });

  it('a flood of empty mentions gets one hint, not fifty', async () => {
    const spammer = h.discord.snowflake();
    const from = h.discord.requests.length;
    for (let i = 0; i < 50; i++) h.discord.sendMessage(mention('', spammer));
    await h.discord.waitForRequest((r) => h.discord.requests.indexOf(r) >= from && r.method === 'POST' && /Ask me something/.test(r.body?.content ?? ''), 20_000);
    await sleep(500);
    await h.bot.router.idle();
    expect(sentSince(from).posts).toHaveLength(1);
  });

  it('a refused mention does not hold back another user', async () => {
    const other = h.discord.snowflake();
    const m = mention('What did Maduro ask Russia for?', other);
    h.discord.sendMessage(m);
    const post = await h.discord.waitForRequest((r) => r.body?.message_reference?.message_id === m.id, 20_000);
    expect(textOf(payloadOf(post))).toMatch(/Russia/);
  });
});

describe('commands, buttons, forms and autocomplete share the cooldown', () => {
  const messageWith = (p: ReturnType<typeof payloadOf>) =>
    h.discord.message('', { id: h.discord.snowflake(), author: { id: h.discord.botId, username: 'Dispatch', discriminator: '0000', bot: true }, embeds: p.embeds, components: p.components });

  it('a suggested follow-up right after a command is refused, ephemerally; so is a second Quotes click', async () => {
    const user = h.discord.snowflake();
    const { id, token } = h.discord.sendInteraction(h.discord.command('ask', [str('question', 'How many troops did Trump deploy?')], { userId: user }));
    const p = payloadOf(await answerOf(h.discord, token, 20_000));
    await h.bot.router.idle();
    const f = h.discord.sendInteraction(h.discord.button(`f:${id}:0`, messageWith(p), { userId: user }));
    const refused = await answerOf(h.discord, f.token);
    expect(refused.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(refused.body.data.content).toMatch(SLOW_DOWN);
    // Quotes only re-shows the answer: a short interval, but two clicks at once are one too many.
    const q1 = h.discord.sendInteraction(h.discord.button(`q:${id}`, messageWith(p), { userId: user }));
    const q2 = h.discord.sendInteraction(h.discord.button(`q:${id}`, messageWith(p), { userId: user }));
    const bodies = [(await answerOf(h.discord, q1.token)).body, (await answerOf(h.discord, q2.token)).body];
    const shown = bodies.filter((b) => !/going a bit fast/.test(b.data.content ?? ''));
    expect(shown).toHaveLength(1);
    expect(textOf(payloadOf({ path: '/callback', body: shown[0] } as never))).toMatch(/4,500/);
    expect(bodies.filter((b) => /going a bit fast/.test(b.data.content ?? ''))).toHaveLength(1);
  });

  it('autocomplete: a burst from one user gets one list of choices; the rest get none', async () => {
    const user = h.discord.snowflake();
    const sent = Array.from({ length: 10 }, () => h.discord.sendInteraction(h.discord.autocomplete('who', [{ name: 'name', type: 3, value: 'Ma', focused: true }], { userId: user })));
    const lists = await Promise.all(sent.map(async (s) => (await answerOf(h.discord, s.token)).body.data.choices as unknown[]));
    expect(lists.filter((c) => c.length > 0)).toHaveLength(1);
    expect(lists.filter((c) => c.length === 0)).toHaveLength(9);
  });

  it('/digest status twice: the second is refused', async () => {
    const user = h.discord.snowflake();
    const perms = String(PermissionFlagsBits.ManageGuild);
    const a = h.discord.sendInteraction(h.discord.command('digest', [{ name: 'status', type: 1, options: [] }], { userId: user, permissions: perms }));
    expect((await answerOf(h.discord, a.token)).body.data.embeds[0].description).toMatch(/No digest is scheduled/);
    const b = h.discord.sendInteraction(h.discord.command('digest', [{ name: 'status', type: 1, options: [] }], { userId: user, permissions: perms }));
    const r = await answerOf(h.discord, b.token);
    expect(r.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(r.body.data.content).toMatch(SLOW_DOWN);
  });

  it('with the store down the cooldown still holds, in this process', async () => {
    const broken = createStore({ kind: 'redis', location: 'redis://127.0.0.1:1', timeoutMs: 50 });
    const down = await startHarness({ deps: { ...deps, store: broken }, cooldownSeconds: 30 });
    try {
      const user = down.discord.snowflake();
      const a = down.discord.sendInteraction(down.discord.command('sources', [], { userId: user }));
      expect((await answerOf(down.discord, a.token, 20_000)).body.data.flags ?? 0).toBe(0);
      const b = down.discord.sendInteraction(down.discord.command('sources', [], { userId: user }));
      expect((await answerOf(down.discord, b.token, 20_000)).body.data.content).toMatch(SLOW_DOWN);
    } finally {
      await down.close();
      await broken.close();
    }
  });

  it('a command refused for its options does not take the cooldown: the corrected one runs at once', async () => {
    const user = h.discord.snowflake();
    const bad = h.discord.sendInteraction(h.discord.command('ask', [str('question', 'x'.repeat(1500))], { userId: user }));
    expect((await answerOf(h.discord, bad.token)).body.data.content).toMatch(/1,500 characters long/);
    const good = h.discord.sendInteraction(h.discord.command('sources', [], { userId: user }));
    expect((await answerOf(h.discord, good.token, 20_000)).body.data.flags ?? 0).toBe(0);
  });
});
