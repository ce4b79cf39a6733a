/**
 * The discord.js Poster: renders a digest Answer with the shared renderer and sends
 * it to a channel with the chart attached, a stable nonce + enforce_nonce, and no
 * mentions parsed (article text is echoed).
 */
import { AttachmentBuilder, SnowflakeUtil, type Client, type APIEmbed } from 'discord.js';
import { renderAnswer, type MessagePayload } from '../discord/render.js';
import type { Answer } from '../types.js';
import { classifyDiscordFailure, DigestPostError, type Poster } from './poster.js';

/** File name of the chart attachment (referenced from the embed as attachment://…). */
export const CHART_FILE = 'digest-chart.png';

/**
 * Discord payloads for a digest. The renderer prints blocks, sections, disagreements
 * and events; a digest carries the same content as sections only, so the others are
 * left out here to show each part once. The chart is shown inside the first embed.
 */
export function digestPayloads(answer: Answer, withChart: boolean): MessagePayload[] {
  const view: Answer = { ...answer, blocks: [], disagreements: undefined, events: undefined, followUps: [] };
  const messages = renderAnswer(view);
  if (withChart && messages[0]?.embeds[0]) {
    const first: APIEmbed = messages[0].embeds[0];
    first.image = { url: `attachment://${CHART_FILE}` };
  }
  return messages;
}

/** The nonce of part `i` of a digest posted with `nonce` (one per message; Discord de-duplicates each). */
const partNonce = (nonce: string, i: number) => (i === 0 ? nonce : `${nonce}-${i}`);

/**
 * The line each posted digest message carries, naming its nonce: Discord does not return a
 * message's nonce when listing a channel, so this is how a post is recognised later.
 */
export const digestMarker = (nonce: string, i: number) => `-# Scheduled digest · ref ${partNonce(nonce, i)}`;

/** Pages of channel history (100 messages each) searched for a slot's marker. */
const HISTORY_PAGES = 3;

/** Post digests with a logged-in discord.js client. */
export function createDiscordPoster(client: Client): Poster {
  return {
    async post(channelId, answer, png, nonce, opts = {}) {
      let channel;
      try {
        channel = await client.channels.fetch(channelId);
      } catch (err) {
        throw toPostError(err);
      }
      if (!channel) throw new DigestPostError('the channel no longer exists (Unknown Channel)', 'gone');
      if (!channel.isSendable()) throw new DigestPostError('this channel does not accept messages from the bot', 'gone');
      if (opts.guildId && (channel.isDMBased() || channel.guildId !== opts.guildId)) {
        throw new DigestPostError('the channel is not in the server where the digest was set up', 'gone');
      }
      const payloads = digestPayloads(answer, !!png);
      const ids: string[] = [];
      for (const [i, p] of payloads.entries()) {
        try {
          const marker = digestMarker(nonce, i);
          const msg = await channel.send({
            content: p.content ? `${p.content}\n${marker}` : marker,
            embeds: p.embeds,
            files: i === 0 && png ? [new AttachmentBuilder(png, { name: CHART_FILE, description: 'Digest chart' })] : [],
            // One nonce per message of the digest; Discord returns the existing message for a repeat.
            nonce: i === 0 ? nonce : `${nonce}-${i}`,
            enforceNonce: true,
            allowedMentions: { parse: [] },
          });
          ids.push(msg.id);
        } catch (err) {
          throw toPostError(err);
        }
      }
      return { messageIds: ids };
    },

    async findPosted(channelId, nonce, since) {
      try {
        const channel = await client.channels.fetch(channelId);
        if (!channel?.isTextBased()) return null;
        const me = client.user?.id;
        const marker = new RegExp(`· ref ${nonce.replace(/[^\w-]/g, '\\$&')}(?:-(\\d+))?$`, 'm');
        const found: { part: number; id: string }[] = [];
        // The messages right after the slot's time, oldest pages first: the digest is among the first.
        let after = SnowflakeUtil.generate({ timestamp: since }).toString();
        for (let page = 0; page < HISTORY_PAGES; page++) {
          const batch = await channel.messages.fetch({ after, limit: 100, cache: false });
          for (const m of batch.values()) {
            const hit = m.author.id === me ? marker.exec(m.content) : null;
            if (hit) found.push({ part: Number(hit[1] ?? 0), id: m.id });
          }
          if (batch.size < 100) break;
          after = [...batch.keys()].reduce((a, b) => (BigInt(a) > BigInt(b) ? a : b));
        }
        found.sort((a, b) => a.part - b.part);
        return { messageIds: found.map((f) => f.id), postedAt: found.length ? SnowflakeUtil.timestampFrom(found[0]!.id) : null };
      } catch {
        return null; // no Read Message History, channel gone, Discord down: the caller decides
      }
    },
  };
}

function toPostError(err: unknown): DigestPostError {
  if (err instanceof DigestPostError) return err;
  const e = err as { status?: number; code?: number | string; message?: string };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const code = typeof e?.code === 'number' ? e.code : undefined;
  return classifyDiscordFailure(status, code, String(e?.message ?? err));
}
