/**
 * A new, changed or deleted file in the corpus folder is picked up while the bot
 * runs — no restart, no rebuild — and the grown index is persisted so the next
 * start loads it instead of rebuilding.
 */
import { cp, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { watchCorpus, type CorpusWatcher } from '../src/corpus/watch.js';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { isVerbatim as quoteIsVerbatim } from '../src/corpus/verbatim.js';

const NEW_ARTICLE = `Thursday, November 6, 2025

Zorblax Quintavel named envoy to the Caribbean talks

By Ana Ruiz

Zorblax Quintavel, a retired admiral, was named special envoy to the Caribbean talks on Thursday, the foreign ministry said.
Quintavel said he would travel to Bridgetown next week to meet regional leaders about the naval deployment.
`;

const CHANGED_ARTICLE = `Friday, November 7, 2025

Envoy appointment withdrawn

By Ana Ruiz

The foreign ministry withdrew the appointment of Zorblax Quintavel as envoy on Friday, citing a conflict of interest.
`;

describe('corpus folder watch', () => {
  let dir: string;
  let data: string;
  let deps: Deps;
  let watcher: CorpusWatcher;
  const root = path.resolve(import.meta.dirname, '..');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dispatch-watch-'));
    data = await mkdtemp(path.join(os.tmpdir(), 'dispatch-watch-data-'));
    await cp(path.join(root, 'seeds'), dir, { recursive: true });
    const config = loadConfig({ SEEDS_DIR: dir, DATA_DIR: data, LOG_LEVEL: 'silent' }, root);
    deps = await buildDeps(config, { log: silentLogger, store: createStore({ kind: 'memory' }), llm: null });
    watcher = watchCorpus(deps, { log: silentLogger, debounceMs: 50, rescanMs: 0 });
  });
  afterAll(async () => {
    await watcher?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  });

  const ask = (text: string) => runCommand(deps, { command: 'ask', text });

  it('answers from a file dropped into the folder, without restart', async () => {
    const before = await ask('Who is Zorblax Quintavel?');
    expect(before.answered).toBe(false);
    const version0 = deps.corpus.version;

    await writeFile(path.join(dir, '900_new.txt'), NEW_ARTICLE);
    await waitFor(() => deps.corpus.byId.has('900_new.txt'));
    await watcher.idle();
    expect(deps.corpus.version).not.toBe(version0);
    const after = await ask('Who is Zorblax Quintavel?');
    expect(after.answered).toBe(true);
    const cite = after.citations.find((c) => c.source === '900_new.txt');
    expect(cite).toBeDefined();
    expect(quoteIsVerbatim(NEW_ARTICLE, cite!.quote)).toBe(true);
    // The earlier articles are still there.
    expect(deps.corpus.articles).toHaveLength(6);
  });

  it('replaces a changed file: old passages are no longer cited', async () => {
    await writeFile(path.join(dir, '900_new.txt'), CHANGED_ARTICLE);
    await waitFor(() => deps.corpus.byId.get('900_new.txt')?.raw === CHANGED_ARTICLE);
    await watcher.idle();
    // The old second paragraph must be gone from the index, not just outranked.
    expect(deps.index.search('Bridgetown')).toEqual([]);
    const bridgetown = await ask('Why is Quintavel travelling to Bridgetown?');
    expect(bridgetown.citations.some((c) => /Bridgetown/.test(c.quote))).toBe(false);
    const withdrawn = await ask('Why was the appointment of Zorblax Quintavel withdrawn?');
    expect(withdrawn.answered).toBe(true);
    for (const c of withdrawn.citations.filter((c) => c.source === '900_new.txt')) {
      expect(quoteIsVerbatim(CHANGED_ARTICLE, c.quote)).toBe(true);
    }
  });

  it('persists the grown index: a restart loads it instead of rebuilding', async () => {
    await watcher.idle();
    const config = loadConfig({ SEEDS_DIR: dir, DATA_DIR: data, LOG_LEVEL: 'silent' }, root);
    const restarted = await buildDeps(config, { log: silentLogger, store: createStore({ kind: 'memory' }), llm: null });
    expect(restarted.corpus.version).toBe(deps.corpus.version);
    expect((restarted.index as { fromCache?: boolean }).fromCache).toBe(true);
    const a = await runCommand(restarted, { command: 'ask', text: 'Why was the appointment of Zorblax Quintavel withdrawn?' });
    expect(a.answered).toBe(true);
  });

  it('drops a deleted file and skips a broken one with a warning', async () => {
    await writeFile(path.join(dir, '901_broken.txt'), Buffer.from([0x00, 0x01, 0x02]));
    await unlink(path.join(dir, '900_new.txt'));
    await waitFor(() => !deps.corpus.byId.has('900_new.txt') && deps.corpus.warnings.some((w) => w.file === '901_broken.txt'));
    await watcher.idle();
    const gone = await ask('Who is Zorblax Quintavel?');
    expect(gone.answered).toBe(false);
    expect(deps.corpus.articles).toHaveLength(5);
  });

  it('a rescan finds changes made while no event was delivered', async () => {
    await watcher.close();
    await writeFile(path.join(dir, '902_late.txt'), NEW_ARTICLE);
    const w2 = watchCorpus(deps, { log: silentLogger, rescanMs: 0 });
    try {
      const u = await w2.rescan();
      expect(u.added).toEqual(['902_late.txt']);
      expect((await ask('Who is Zorblax Quintavel?')).answered).toBe(true);
    } finally {
      await w2.close();
    }
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
