/** Shared set-up for the digest tests: deps over a corpus folder, temp corpora, an in-memory channel. */
import { mkdtempSync, writeFileSync, utimesSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Deps } from '../src/deps.js';
import { buildIndex } from '../src/index/build.js';
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
    // The digest's disagreements are /compare's, which searches for the report a denial answers.
    index: await buildIndex(corpus),
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

/** Counts the turns the event loop gets (a setImmediate chain) until `stop()`, which returns how many there were. */
export function countTurns(): { stop(): number } {
  let turns = 0;
  let on = true;
  const tick = () => {
    turns++;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop() {
      on = false;
      return turns;
    },
  };
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

/** QA's kettle-recall corpus (four formats, one undated): figures of any noun, a figure discrepancy, a denied allegation. */
export const KETTLE: Record<string, string> = {
  'a1_ledger.md': `---
title: Riverton recalls 40,000 kettles after burn reports
date: 2026-03-14
author: Jane Doe
outlet: The Riverton Ledger
url: https://example.com/kettle-recall
---
Riverton Appliances on Tuesday recalled about 40,000 electric kettles after customers reported that the lids could pop open while the water was boiling.

The company said it had received 23 reports of burns, including two that required hospital treatment. "We are deeply sorry and we are acting quickly," said chief executive Priya Raman.

The recall covers the KettlePro 2 model sold between June 2025 and February 2026. Customers should stop using the kettle and contact the company for a full refund, the Consumer Safety Board said.
`,
  'a2_wire.txt': `Kettle maker faces questions over delayed recall

By Tomás Ibáñez
Monday, March 16, 2026

Consumer advocates said Riverton Appliances knew about the faulty lids for months before it recalled 42,000 kettles last week.

Mark Okafor, director of the advocacy group SafeHome, said the company had received complaints as early as November 2025. "They waited until someone was hurt badly," Okafor said.

Priya Raman, the chief executive, denied that the company delayed the recall. She said engineers first confirmed the defect on March 2, 2026.

The Consumer Safety Board said it had counted 31 burn injuries linked to the KettlePro 2.

Read more at: https://www.valleywire.example/news/kettle-recall-questions
`,
  'a3_blog.html': `<!doctype html>
<html><head>
<meta property="og:title" content="What the kettle recall means for you">
<meta property="og:site_name" content="HomeTech Blog">
<meta name="author" content="Sam Lee">
<meta property="article:published_time" content="2026-03-18T09:00:00Z">
<title>What the kettle recall means for you | HomeTech Blog</title>
<script>var tracking = "Priya Raman resigned";</script>
<style>.x{color:red}</style>
</head><body>
<nav>Home | Reviews | Deals</nav>
<article>
<h1>What the kettle recall means for you</h1>
<p>If you bought a KettlePro 2, check the serial number on the base. Riverton Appliances says units with serial numbers starting with KP2-25 are affected.</p>
<p>The refund is &pound;35 per kettle, the company said, and customers do not need a receipt.</p>
<p>Share this article on Facebook</p>
</article>
<footer>&copy; 2026 HomeTech Blog. All rights reserved.</footer>
</body></html>
`,
  'a4_undated.txt': `Riverton council debates appliance safety rules

Councillor Ana Müller proposed on Thursday that the town require independent safety testing for all appliances sold by local manufacturers.

"This recall shows that self-certification is not enough," Müller said. The council will vote on the proposal next month.

Riverton Appliances employs about 1,200 people in the town.
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
