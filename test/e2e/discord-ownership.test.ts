/**
 * Buttons, forms and replies act for the person who uses them, never for the ids an
 * answer carries: through the real discord.js client and the fake Discord, another
 * user's "suggested follow-up" click, "Ask a follow-up" form, a forged form naming
 * the owner (`M:<channel>:<owner>`, even from another server) and a reply to the
 * owner's answer each run in the clicker's own conversation; the owner's is untouched.
 * The same through the HTTP interactions endpoint with real signatures.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.js';
import type { RunFn } from '../../src/discord/command.js';
import { startHttpInteractions } from '../../src/discord/http-interactions.js';
import { startFakeDiscord } from './fake-discord.js';
import { runCommand, type CommandInput } from '../../src/engines/index.js';
import { answerOf, customIds, expectSafeMessage, payloadOf, realDeps, startHarness, type Harness } from './discord-harness.js';

const OTHER_GUILD = '881234567890123456';
const OTHER_CHANNEL = '881234567890123457';

let deps: Deps;
let h: Harness;
const seen: CommandInput[] = [];
const run: RunFn = async (d, input) => {
  seen.push(input);
  return runCommand(d, input);
};

beforeAll(async () => {
  deps = await realDeps();
  h = await startHarness({ deps, run });
});
afterAll(async () => h?.close());

const str = (name: string, value: unknown) => ({ name, type: 3, value });
const sessionKey = (channel: string, user: string) => `session:discord:${channel}:${user}`;
const history = (channel: string, user: string) => deps.store.get<unknown[]>(sessionKey(channel, user));

async function ask(question: string, userId: string) {
  const sent = h.discord.sendInteraction(h.discord.command('ask', [str('question', question)], { userId }));
  const r = await answerOf(h.discord, sent.token, 20_000);
  await h.bot.router.idle();
  return { ...sent, p: payloadOf(r) };
}

const messageWith = (p: ReturnType<typeof payloadOf>) =>
  h.discord.message('', { id: h.discord.snowflake(), author: { id: h.discord.botId, username: 'Dispatch', discriminator: '0000', bot: true }, embeds: p.embeds, components: p.components });

/** The owner asks; returns their answer and a snapshot of their conversation. */
async function ownerAnswer() {
  const owner = h.discord.snowflake();
  const a = await ask('How many troops did Trump deploy?', owner);
  const before = JSON.stringify(await history(h.discord.channelId, owner));
  expect(await history(h.discord.channelId, owner)).toHaveLength(1);
  return { owner, ...a, before };
}

describe("another user's click or form never touches the owner's conversation", () => {
  it('a suggested follow-up clicked by someone else runs in the clicker\'s conversation', async () => {
    const { owner, id, p, before } = await ownerAnswer();
    const other = h.discord.snowflake();
    const question = (await h.bot.router.stash.get(id))!.answer.followUps[0]!;
    const { token } = h.discord.sendInteraction(h.discord.button(`f:${id}:0`, messageWith(p), { userId: other }));
    const r = await answerOf(h.discord, token, 20_000);
    await h.bot.router.idle();
    expectSafeMessage(r);
    expect(payloadOf(r).embeds[0]!.title).toBe(question);
    expect(seen.at(-1)).toMatchObject({ text: question, session: `discord:${h.discord.channelId}:${other}` });
    expect(JSON.stringify(await history(h.discord.channelId, owner))).toBe(before);
    expect(await history(h.discord.channelId, other)).toHaveLength(1);
    // Its own "Ask a follow-up" button belongs to the clicker.
    expect(customIds(payloadOf(r))).toContain(`m:${h.discord.channelId}:${other}`);
  });

  it('"Ask a follow-up" on the owner\'s answer, opened and submitted by someone else, answers in the submitter\'s conversation', async () => {
    const { owner, p, before } = await ownerAnswer();
    const other = h.discord.snowflake();
    const m = customIds(p).find((c) => c.startsWith('m:'))!;
    expect(m).toBe(`m:${h.discord.channelId}:${owner}`);
    const open = h.discord.sendInteraction(h.discord.button(m, messageWith(p), { userId: other }));
    const modal = await answerOf(h.discord, open.token);
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.custom_id).not.toContain(owner);
    const sub = h.discord.sendInteraction(h.discord.modalSubmit(modal.body.data.custom_id, { question: 'What did China say?' }, { userId: other }));
    await answerOf(h.discord, sub.token, 20_000);
    await h.bot.router.idle();
    expect(seen.at(-1)).toMatchObject({ text: 'What did China say?', session: `discord:${h.discord.channelId}:${other}` });
    expect(JSON.stringify(await history(h.discord.channelId, owner))).toBe(before);
    expect(await history(h.discord.channelId, other)).toHaveLength(1);
  });

  it('a forged form naming the owner (M:<channel>:<owner>), from this server or another, lands in the submitter\'s own conversation', async () => {
    const { owner, before } = await ownerAnswer();
    const other = h.discord.snowflake();
    const forged = `M:${h.discord.channelId}:${owner}`;
    const here = h.discord.sendInteraction(h.discord.modalSubmit(forged, { question: 'What did Maduro ask Russia for?' }, { userId: other }));
    await answerOf(h.discord, here.token, 20_000);
    await h.bot.router.idle();
    expect(seen.at(-1)).toMatchObject({ session: `discord:${h.discord.channelId}:${other}` });
    const elsewhere = h.discord.sendInteraction(
      h.discord.modalSubmit(forged, { question: 'What did China say?' }, { userId: other, guildId: OTHER_GUILD, channelId: OTHER_CHANNEL }),
    );
    await answerOf(h.discord, elsewhere.token, 20_000);
    await h.bot.router.idle();
    expect(seen.at(-1)).toMatchObject({ session: `discord:${OTHER_CHANNEL}:${other}` });
    expect(JSON.stringify(await history(h.discord.channelId, owner))).toBe(before);
    expect(await history(h.discord.channelId, other)).toHaveLength(1);
    expect(await history(OTHER_CHANNEL, other)).toHaveLength(1);
  });

  it('a reply to the owner\'s answer by someone else starts the replier\'s conversation', async () => {
    const { owner, p, before } = await ownerAnswer();
    const other = h.discord.snowflake();
    const answerMsg = messageWith(p);
    const msg = h.discord.message(`<@${h.discord.botId}> and what did China say?`, {
      author: { id: other, username: 'reader', discriminator: '0' },
      mentions: [{ id: h.discord.botId, username: 'Dispatch', discriminator: '0000', bot: true }],
      type: 19,
      message_reference: { message_id: answerMsg.id, channel_id: h.discord.channelId, guild_id: h.discord.guildId },
      referenced_message: answerMsg,
    });
    h.discord.sendMessage(msg);
    const post = await h.discord.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === msg.id, 20_000);
    await h.bot.router.idle();
    expectSafeMessage(post);
    expect(seen.at(-1)).toMatchObject({ text: 'and what did China say?', session: `discord:${h.discord.channelId}:${other}` });
    expect(JSON.stringify(await history(h.discord.channelId, owner))).toBe(before);
    expect(await history(h.discord.channelId, other)).toHaveLength(1);
  });

  it('the control: the owner\'s own click continues the owner\'s conversation', async () => {
    const { owner, id, p } = await ownerAnswer();
    const { token } = h.discord.sendInteraction(h.discord.button(`f:${id}:0`, messageWith(p), { userId: owner }));
    await answerOf(h.discord, token, 20_000);
    await h.bot.router.idle();
    expect(await history(h.discord.channelId, owner)).toHaveLength(2);
  });
});

describe('the same through the HTTP interactions endpoint', () => {
  it("another user's suggested follow-up and a forged form naming the owner land in the sender's conversation", async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const der = publicKey.export({ format: 'der', type: 'spki' });
    // Its own fake (no gateway client on it): it takes the webhook edits and follow-ups.
    const discord = await startFakeDiscord();
    const http = await startHttpInteractions({ ...h.deps, config: { ...h.deps.config, DISCORD_TOKEN: undefined, DISCORD_API_URL: discord.apiUrl } }, 0, {
      publicKey: der.subarray(der.length - 32).toString('hex'),
      host: '127.0.0.1',
      run,
    });
    const post = async (payload: Record<string, any>) => {
      discord.sendInteraction(payload); // only registers its token: nobody is connected
      const body = JSON.stringify(payload);
      const ts = String(Math.floor(Date.now() / 1000));
      const r = await fetch(`http://127.0.0.1:${http.port}/interactions`, {
        method: 'POST',
        body,
        headers: { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'), 'x-signature-timestamp': ts, 'content-type': 'application/json' },
      });
      expect(r.status).toBe(200);
      await http.router.idle();
    };
    try {
      const owner = discord.snowflake();
      const other = discord.snowflake();
      const askPayload = discord.command('ask', [str('question', 'How many troops did Trump deploy?')], { userId: owner });
      await post(askPayload);
      const before = JSON.stringify(await history(discord.channelId, owner));
      expect(await history(discord.channelId, owner)).toHaveLength(1);
      await post(discord.button(`f:${askPayload.id}:0`, discord.message(''), { userId: other }));
      expect(seen.at(-1)).toMatchObject({ session: `discord:${discord.channelId}:${other}` });
      await post(discord.modalSubmit(`M:${discord.channelId}:${owner}`, { question: 'What did China say?' }, { userId: other, guildId: OTHER_GUILD, channelId: OTHER_CHANNEL }));
      expect(seen.at(-1)).toMatchObject({ text: 'What did China say?', session: `discord:${OTHER_CHANNEL}:${other}` });
      expect(JSON.stringify(await history(discord.channelId, owner))).toBe(before);
    } finally {
      await http.close();
      await discord.close();
    }
  });
});
