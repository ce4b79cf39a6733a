/** Shared set-up for the digest tests: deps over a corpus folder, temp corpora, an in-memory channel. */
import { mkdtempSync, writeFileSync, utimesSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Deps } from '../src/deps.js';
import type { SearchIndex } from '../src/index/search.js';
import { silentLogger } from '../src/log.js';
import { createStore, type Store } from '../src/store/index.js';
import type { Answer } from '../src/types.js';
import { DigestPostError, type Poster } from '../src/schedule/poster.js';

export const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');

export function tempDir(prefix = 'dispatch-digest-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function makeDeps(
  seedsDir: string,
  opts: { store?: Store; clock?: () => Date; env?: Record<string, string>; dataDir?: string } = {},
): Promise<Deps> {
  const dataDir = opts.dataDir ?? tempDir();
  const config = loadConfig({ SEEDS_DIR: seedsDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(opts.env ?? {}) });
  const corpus = await loadCorpus(seedsDir);
  return {
    corpus,
    // The digest does not search; engines that do are not called here.
    index: undefined as unknown as SearchIndex,
    store: opts.store ?? createStore({ kind: 'memory' }),
    clock: opts.clock ?? (() => new Date()),
    config,
    log: silentLogger,
  };
}

/** Write an article file with a given modification time (the corpus's addedAt). */
export function writeArticle(dir: string, name: string, text: string, mtime: Date): void {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  utimesSync(file, mtime, mtime);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A small corpus about something else entirely: a river flood. */
export const FLOOD = {
  'a-first.md': `---
title: River Alder bursts its banks in Millbrook
date: 2024-03-02
outlet: Valley Courier
---
The River Alder burst its banks in Millbrook on Saturday after three days of heavy rain.
Emergency services said 12 people were killed and about 3,000 homes were flooded across the valley.
Mayor Ruth Okafor said 400 residents spent the night in the town hall.
The regional rail line between Millbrook and Easton was closed because the tracks were under water.
`,
  'b-second.md': `---
title: Flood toll rises as waters recede in Millbrook
date: 2024-03-04
outlet: Northern Ledger
---
Rescue teams searched flooded streets in Millbrook on Monday as the River Alder began to recede.
At least 15 people were killed in the floods, according to the regional governor.
Officials said 5,000 homes had been flooded across the valley, far more than first thought.
The government promised $20 million in emergency aid for families who lost their homes.
`,
  'c-third.md': `---
title: Millbrook counts the cost of the flood
date: 2024-03-04
outlet: Easton Post
---
Police said 9 people were killed in the Millbrook floods, fewer than earlier reports suggested.
Insurers estimate the damage at $150 million, making it the costliest flood in the valley since records began.
Engineers warned that the old flood wall on the River Alder had not been repaired since 1998.
The regional rail line between Millbrook and Easton reopened on Monday after the waters fell.
`,
};

/** A channel that records posts and, like Discord with enforce_nonce, returns the earlier message for a repeated nonce. */
export function memoryChannel() {
  const messages: { id: string; channelId: string; nonce: string; answer: Answer; png: Buffer | null }[] = [];
  let failures: ('retryable' | 'gone')[] = [];
  let seq = 1;
  const poster: Poster = {
    async post(channelId, answer, png, nonce) {
      const f = failures.shift();
      if (f) throw new DigestPostError(f === 'gone' ? 'the channel no longer exists (Unknown Channel)' : 'HTTP 500 Internal Server Error', f);
      const earlier = messages.find((m) => m.nonce === nonce && m.channelId === channelId);
      if (earlier) return { messageIds: [earlier.id] };
      const id = String(1_300_000_000_000_000_000n + BigInt(seq++));
      messages.push({ id, channelId, nonce, answer, png });
      return { messageIds: [id] };
    },
  };
  return {
    poster,
    messages,
    failNext(...kinds: ('retryable' | 'gone')[]) {
      failures = kinds;
    },
  };
}
