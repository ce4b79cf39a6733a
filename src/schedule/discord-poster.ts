/**
 * The discord.js Poster: renders a digest Answer as one message (render-digest.ts) and
 * sends it to a channel with the chart attached, a stable nonce + enforce_nonce, and no
 * mentions parsed (article text is echoed). With a stash, the message gets a Quotes
 * button, disabled again when its stashed answer expires.
 */
import { AttachmentBuilder, ButtonStyle, SnowflakeUtil, type APIActionRowComponent, type APIButtonComponent, type Client } from 'discord.js';
import type { MessagePayload } from '../discord/render.js';
import { digestNote, renderDigest } from '../discord/render-digest.js';
import { expiredRows, STASH_TTL_MS, type Stash } from '../discord/stash.js';
import type { Answer } from '../types.js';
import { classifyDiscordFailure, DigestPostError, type Poster } from './poster.js';

/** File name of the chart attachment (referenced from the embed as attachment://…). */
export const CHART_FILE = 'digest-chart.png';

/**
 * Discord payloads for a digest: one message, the chart shown inside its embed; with
 * `key`, a Quotes button for the answer stashed under it (stash `renderDigest(…).view`).
 */
export function digestPayloads(answer: Answer, withChart: boolean, key?: string): MessagePayload[] {
  return [renderDigest(answer, { key, chart: withChart ? { name: CHART_FILE } : undefined }).message];
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

/**
 * Post digests with a logged-in discord.js client. With `stash` (the router's), the
 * digest's Quotes button works for as long as the stash keeps its answer.
 */
export function createDiscordPoster(client: Client, opts: { stash?: Stash; ttlMs?: number } = {}): Poster {
  const ttlMs = opts.ttlMs ?? STASH_TTL_MS;
  return {
    async post(channelId, answer, png, nonce, postOpts = {}) {
      let channel;
      try {
        channel = await client.channels.fetch(channelId);
      } catch (err) {
        throw toPostError(err);
      }
      if (!channel) throw new DigestPostError('the channel no longer exists (Unknown Channel)', 'gone');
      if (!channel.isSendable()) throw new DigestPostError('this channel does not accept messages from the bot', 'gone');
      if (postOpts.guildId && (channel.isDMBased() || channel.guildId !== postOpts.guildId)) {
        throw new DigestPostError('the channel is not in the server where the digest was set up', 'gone');
      }
      let payloads: MessagePayload[];
      if (postOpts.variant === 'note') {
        payloads = [digestNote(answer)];
        png = null;
      } else {
        const key = opts.stash ? SnowflakeUtil.generate().toString() : undefined;
        const { message, view } = renderDigest(answer, { key, chart: png ? { name: CHART_FILE } : undefined });
        if (key) await opts.stash!.put(key, { answer: view, session: `digest:${channelId}` });
        payloads = [message];
      }
      const ids: string[] = [];
      for (const [i, p] of payloads.entries()) {
        try {
          const marker = digestMarker(nonce, i);
          const msg = await channel.send({
            content: p.content ? `${p.content}\n${marker}` : marker,
            embeds: p.embeds,
            components: p.components,
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
      const buttons = payloads[0]!.components.some((r) => r.components.some((b) => b.style !== ButtonStyle.Link));
      return { messageIds: ids, ...(buttons ? { expires: { afterMs: ttlMs, components: payloads[0]!.components } } : {}) };
    },

    async expireButtons(channelId, messageId, components) {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isTextBased()) return;
      await channel.messages.edit(messageId, { components: expiredRows(components as APIActionRowComponent<APIButtonComponent>[]), allowedMentions: { parse: [] } });
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
