/**
 * `--discord`: the message bodies the bot would send for an answer, exactly as they go to
 * Discord's API (first reply, then follow-ups), built by the same renderer and body builder
 * as the running bot. Buttons carry a made-up interaction id, as a live answer would.
 */
import { readFileSync } from 'node:fs';
import { renderAnswer, renderTimeline, type MessagePayload } from '../discord/render.js';
import { renderDigest } from '../discord/render-digest.js';
import { CHART_FILE } from '../schedule/discord-poster.js';
import { apiMessage } from '../discord/http-interactions.js';
import type { Answer } from '../types.js';

/** A snowflake-shaped id for the preview's buttons (Discord's epoch, now). */
function previewKey(now = Date.now()): string {
  return ((BigInt(now) - 1420070400000n) << 22n).toString();
}

/** The payloads as the router renders them (timeline answers open on their first page). */
export function discordPayloads(answer: Answer, key = previewKey()): MessagePayload[] {
  const ctx = { key, channelId: '100000000000000001', userId: '100000000000000002' };
  if (answer.command === 'digest') return [renderDigest(answer, { key, chart: chartOf(answer) }).message];
  return answer.command === 'timeline' ? renderTimeline(answer, 0, ctx) : renderAnswer(answer, ctx);
}

/** The digest's chart, uploaded with its message as the scheduler does (none when it was not drawn). */
function chartOf(answer: Answer): { name: string; data: Buffer } | undefined {
  try {
    return answer.image ? { name: CHART_FILE, data: readFileSync(answer.image) } : undefined;
  } catch {
    return undefined;
  }
}

/** The JSON bodies of those payloads (uploaded files are named in `attachments`, as Discord receives them). */
export function discordMessages(answer: Answer, key?: string): Record<string, unknown>[] {
  return discordPayloads(answer, key).map((p) => apiMessage(p));
}
