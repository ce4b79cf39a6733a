/**
 * Interaction claims: when several instances sit on the same shard (or behind one
 * HTTP-interactions load balancer), every one of them receives each interaction.
 * The first to claim its id answers; the others stay silent instead of failing with
 * 40060 "already acknowledged". The claim is `SET NX PX` in Redis via store.claim.
 */
import type { Store } from '../store/index.js';
import { isStoreUnavailableError } from '../store/index.js';

/**
 * How long a claim is held. Discord gives 3 s for the initial response and 15 min
 * for follow-ups; the claim only has to outlive every duplicate delivery, which
 * arrive within milliseconds, so a few minutes is ample and keeps Redis small.
 */
export const INTERACTION_CLAIM_MS = 5 * 60_000;

/** Outcome of a claim: answer it, leave it to another instance, or answer it because the store is down. */
export type ClaimResult = 'claimed' | 'taken' | 'unavailable';

export interface ClaimOptions {
  ttlMs?: number;
  /**
   * What to do when the store cannot be reached. Default 'answer': a user waiting on
   * a reply matters more than a rare duplicate (the loser gets 40060 from Discord
   * and discord.js reports it; nothing is posted twice in a channel).
   */
  onUnavailable?: 'answer' | 'skip';
}

/** Claim interaction `id` for this instance. Never throws for a store outage. */
export async function claimInteraction(store: Store, id: string, opts: ClaimOptions = {}): Promise<ClaimResult> {
  try {
    const token = await store.claim(`interaction:${id}`, opts.ttlMs ?? INTERACTION_CLAIM_MS);
    return token ? 'claimed' : 'taken';
  } catch (err) {
    if (!isStoreUnavailableError(err)) throw err;
    return 'unavailable';
  }
}

/** True when this instance should answer (claimed, or the store is down and the policy says answer). */
export async function shouldAnswer(store: Store, id: string, opts: ClaimOptions = {}): Promise<boolean> {
  const r = await claimInteraction(store, id, opts);
  return r === 'claimed' || (r === 'unavailable' && (opts.onUnavailable ?? 'answer') === 'answer');
}
