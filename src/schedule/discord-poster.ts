/**
 * The discord.js Poster: renders a digest Answer with the shared renderer and sends
 * it to a channel with the chart attached, a stable nonce + enforce_nonce, and no
 * mentions parsed (article text is echoed).
 */
import { AttachmentBuilder, type Client, type APIEmbed } from 'discord.js';
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
          const msg = await channel.send({
            content: p.content,
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
  };
}

function toPostError(err: unknown): DigestPostError {
  if (err instanceof DigestPostError) return err;
  const e = err as { status?: number; code?: number | string; message?: string };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const code = typeof e?.code === 'number' ? e.code : undefined;
  return classifyDiscordFailure(status, code, String(e?.message ?? err));
}
