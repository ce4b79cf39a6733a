/**
 * Make the fake Discord honour `enforce_nonce` the way Discord does: a channel
 * message posted again with the same nonce (within a few minutes) is not created
 * twice; the existing message is returned. Exactly-once digests rely on this when
 * an instance crashed after its post landed but before it recorded the slot.
 */
import type { FakeDiscord, RecordedRequest } from '../e2e/fake-discord.js';

export interface NonceLedger {
  /** Messages actually created (a repeat of a nonce is not counted again). */
  created: { nonce: string | null; channelId: string; request: RecordedRequest; id: string }[];
  /** Requests answered with an existing message because their nonce was seen before. */
  deduplicated: RecordedRequest[];
}

export function enforceNonces(discord: FakeDiscord): NonceLedger {
  const byNonce = new Map<string, Record<string, unknown>>();
  const ledger: NonceLedger = { created: [], deduplicated: [] };
  discord.override((r) => {
    const m = /^\/channels\/(\d+)\/messages$/.exec(r.path);
    if (r.method !== 'POST' || !m) return undefined;
    const nonce = typeof r.body?.nonce === 'string' || typeof r.body?.nonce === 'number' ? String(r.body.nonce) : null;
    const key = nonce && r.body?.enforce_nonce ? `${m[1]}:${nonce}` : null;
    const seen = key ? byNonce.get(key) : undefined;
    if (seen) {
      ledger.deduplicated.push(r);
      return { status: 200, body: seen };
    }
    const msg = discord.newBotMessage(m[1]!, r.body, { flags: 0, ...(nonce ? { nonce } : {}) });
    const id = msg.id as string;
    if (key) byNonce.set(key, msg);
    ledger.created.push({ nonce, channelId: m[1]!, request: r, id });
    return { status: 200, body: msg };
  });
  return ledger;
}
