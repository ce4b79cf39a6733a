/**
 * The transport seam between the scheduler and Discord: the scheduler only knows
 * "post this digest to that channel with this nonce", and how failures classify.
 */
import { UpstreamError } from '../errors.js';
import type { Answer } from '../types.js';

export interface PostOptions {
  /**
   * The server the subscription was made in: a channel elsewhere is refused, so a
   * manager of one server cannot point digests at another server's channel.
   */
  guildId?: string | null;
  /** `note`: the one-line "no new articles" note instead of the digest (a quiet day, `quiet:note`). */
  variant?: 'digest' | 'note';
}

/** What a post left in the channel. */
export interface PostResult {
  messageIds: string[];
  /** How long after posting the message's stateful buttons (Quotes) stop working, and the rows it was posted with. */
  expires?: { afterMs: number; components: unknown[] };
}

/** Posts a digest (Answer + chart PNG) to a channel. */
export interface Poster {
  /**
   * Post the digest. `nonce` is stable for the slot, so a retried or re-sent
   * request is de-duplicated by Discord (`enforce_nonce`). Throws DigestPostError.
   */
  post(channelId: string, answer: Answer, png: Buffer | null, nonce: string, opts?: PostOptions): Promise<PostResult>;
  /**
   * Disable a posted message's buttons once their answer has expired (the posted rows
   * are given back), so nobody clicks a button that can only say "expired".
   */
  expireButtons?(channelId: string, messageId: string, components: unknown[]): Promise<void>;
  /**
   * The messages of the digest posted with `nonce` that are already in the channel (each
   * message carries a marker naming its nonce), looking at messages since `since` (ms);
   * no ids when there are none, null when the channel's history cannot be read. Lets the
   * scheduler see a post it has no record of (a store that lost its data, a crash past
   * Discord's nonce window) instead of sending it twice.
   */
  findPosted?(channelId: string, nonce: string, since: number): Promise<{ messageIds: string[]; postedAt: number | null } | null>;
}

/**
 * Why a post failed: `retryable` (5xx, network, rate limit) → back off and retry;
 * `gone` (unknown channel, missing access or permission) → pause the subscription.
 */
export type PostFailureKind = 'retryable' | 'gone' | 'fatal';

export class DigestPostError extends UpstreamError {
  override name = 'DigestPostError';
  constructor(
    message: string,
    readonly kind: PostFailureKind,
  ) {
    super(message);
  }
}
export const isDigestPostError = (e: unknown): e is DigestPostError => e instanceof DigestPostError;

/** Discord JSON error codes that mean the channel cannot be posted to until someone fixes it. */
const GONE_CODES = new Set([10003 /* Unknown Channel */, 50001 /* Missing Access */, 50013 /* Missing Permissions */, 10004 /* Unknown Guild */, 50007]);

/** Classify a Discord REST failure by HTTP status and JSON error code. */
export function classifyDiscordFailure(status: number | undefined, code: number | undefined, message: string): DigestPostError {
  if (code !== undefined && GONE_CODES.has(code)) return new DigestPostError(goneReason(code, message), 'gone');
  if (status === 403 || status === 404) return new DigestPostError(goneReason(code, message), 'gone');
  if (status === undefined || status >= 500 || status === 429 || status === 408) return new DigestPostError(message, 'retryable');
  return new DigestPostError(message, 'fatal');
}

function goneReason(code: number | undefined, message: string): string {
  switch (code) {
    case 10003:
      return 'the channel no longer exists (Unknown Channel)';
    case 50001:
      return 'the bot cannot see this channel (Missing Access)';
    case 50013:
      return 'the bot lacks permission to post here (Missing Permissions: needs Send Messages, Embed Links and Attach Files)';
    default:
      return message;
  }
}
