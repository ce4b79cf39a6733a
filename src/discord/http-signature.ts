/**
 * Discord's request signature for HTTP interactions: Ed25519 over
 * `X-Signature-Timestamp` + the raw body, checked with node's own crypto. No other
 * imports, so the HTTP front's worker thread loads it in milliseconds.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

// DER prefix that wraps a raw 32-byte Ed25519 key as SubjectPublicKeyInfo
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A KeyObject for Discord's hex public key. */
export function ed25519PublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** True when `signature` (hex) signs `timestamp + body` under `key`, and the timestamp is fresh. */
export function verifyInteraction(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number,
  maxSkewSeconds = 300,
): boolean {
  if (!signature || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxSkewSeconds) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}
