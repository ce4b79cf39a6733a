/**
 * Issue 14, "never late for Discord": a new corpus version is built off the event loop and
 * swapped in whole (src/scale/rebuild.ts, src/corpus/watch.ts), and while a server's first
 * analysis is built in a worker, commands wait for it instead of building it on the main thread
 * (src/discord/router.ts). Interactions go through the fake Discord on 127.0.0.1 with the real
 * discord.js client. The corpora are written here (bench/generate.ts and sentences below), never
 * real articles. Nothing here asserts a wall-clock time: the checks are what was built where, which
 * version answered, and that the event loop turned (a setImmediate probe) during the rebuild.
 */
import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, hasPersistedAnalysis, warmAnalysis } from '../src/analysis/index.js';
import { buildAnalysisOffThread } from '../src/analysis/worker.js';
import { startDiscord, type DiscordBot } from '../src/discord/client.js';
import { watchCorpus, type CorpusWatcher } from '../src/corpus/watch.js';
import { runCommand, warmUp } from '../src/engines/index.js';
import { silentLogger } from '../src/log.js';
import { rebuildStats, setOffThreadMin } from '../src/scale/rebuild.js';
import { createStore } from '../src/store/index.js';
import type { Corpus } from '../src/types.js';
import { startFakeDiscord, type FakeDiscord } from './e2e/fake-discord.js';
import { answerOf, payloadOf, textOf } from './e2e/discord-harness.js';
import { ROOT, cleanupTempDirs, tempDir, writeCorpus } from './helpers/corpus-fixtures.js';
import { generateArticles } from '../bench/generate.js';

const NEW_ARTICLE = `Tuesday, March 3, 2026

Harbour board names Quillon Vesterby as inspector

By Mira Okonjo

The harbour board named Quillon Vesterby as its new chief inspector on Tuesday, the board said in a statement.
Vesterby said the inspection of the northern quay would begin within a week.
`;

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
afterAll(() => cleanupTempDirs());

function corpusDir(count: number, seed: number): string {
  const files: Record<string, string> = {};
  for (const a of generateArticles({ count, seed, words: 220 })) files[a.name] = a.text;
  return writeCorpus(files, 'dispatch-rebuild-');
}

async function serverDeps(seedsDir: string, dataDir: string): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: seedsDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent', COOLDOWN_SECONDS: '0' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger, clock: () => new Date('2026-03-10T00:00:00Z') });
}

/** The bot on the fake Discord, reading the same deps object the watcher swaps versions into (as src/main.ts passes it). */
async function bot(deps: Deps): Promise<{ discord: FakeDiscord; bot: DiscordBot }> {
  const discord = await startFakeDiscord();
  Object.assign(deps, { config: { ...deps.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } });
  const b = await startDiscord(deps, { rest: { globalRequestsPerSecond: 1_000_000 }, cooldownSeconds: 0 });
  await discord.ready();
  closers.push(async () => {
    await b.stop();
    await discord.close();
  });
  return { discord, bot: b };
}

/** Send a slash command through the fake Discord and return the text of its answer. */
async function interact(discord: FakeDiscord, name: string, options: Record<string, unknown>[] = []): Promise<{ text: string; deferred: boolean }> {
  const payload = discord.command(name, options, { userId: discord.snowflake() });
  discord.sendInteraction(payload);
  const r = await answerOf(discord, payload.token, 120_000);
  const deferred = discord.requestsFor(payload.token).some((x) => x.path.endsWith('/callback') && x.body?.type === 5);
  return { text: textOf(payloadOf(r)), deferred };
}

/** Counts event-loop turns (a setImmediate hop, re-armed from a timer so it does not spin). */
function loopProbe(): { turns(): number; stop(): void } {
  let turns = 0;
  let on = true;
  const tick = () => {
    if (!on) return;
    turns++;
    setTimeout(() => setImmediate(tick), 1);
  };
  setImmediate(tick);
  return { turns: () => turns, stop: () => void (on = false) };
}

/** Calls `onSwap(next)` at the moment `deps.corpus` is replaced (in the same synchronous step). */
function watchSwaps(deps: Deps, onSwap: (next: Corpus) => void): void {
  let current = deps.corpus;
  Object.defineProperty(deps, 'corpus', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (next: Corpus) => {
      current = next;
      onSwap(next);
    },
  });
}

const sourcesCount = (text: string) => Number(/(\d+) articles? in the corpus/.exec(text)?.[1]);

describe('a corpus update built off the event loop', () => {
  it('answers from the previous version until the new one is built and warmed, then swaps it in whole', async () => {
    const previousMin = setOffThreadMin(10);
    closers.push(async () => void setOffThreadMin(previousMin));
    const dir = corpusDir(30, 14);
    const deps = await serverDeps(dir, tempDir('dispatch-rebuild-data-'));
    await warmUp(deps); // the current version's analysis, built and persisted (30 articles: in process)
    const { discord } = await bot(deps);
    const before = deps.corpus;
    const count0 = before.articles.length;
    expect(sourcesCount((await interact(discord, 'sources')).text)).toBe(count0);

    // What the new version holds is read whole at the swap: its analysis loaded from the worker's
    // file (no part built on this thread), the index already holding the new article.
    const atSwap: { fromFile: boolean; built: number; indexed: boolean; version: string }[] = [];
    const built0 = Object.values(analysisStats.built).reduce((n, x) => n + x, 0);
    watchSwaps(deps, (next) => {
      atSwap.push({
        fromFile: hasPersistedAnalysis(next),
        built: Object.values(analysisStats.built).reduce((n, x) => n + x, 0) - built0,
        indexed: deps.index.search('Quillon Vesterby inspector').some((h) => h.articleId === 'zz-new.txt'),
        version: next.version,
      });
    });
    let updated!: () => void;
    const done = new Promise<void>((r) => (updated = r));
    const watcher: CorpusWatcher = watchCorpus(deps, { log: silentLogger, debounceMs: 20, rescanMs: 0, onUpdate: () => void warmUp(deps).then(updated, updated) });
    closers.push(() => watcher.close());
    const offThread0 = rebuildStats.offThread;
    const probe = loopProbe();

    await writeFile(path.join(dir, 'zz-new.txt'), NEW_ARTICLE);
    // While the worker builds, interactions are answered — from the previous version.
    while (rebuildStats.offThread === offThread0 && deps.corpus === before) await new Promise((r) => setTimeout(r, 5));
    const during: number[] = [];
    const asked: string[] = [];
    while (deps.corpus === before) {
      const n = sourcesCount((await interact(discord, 'sources')).text);
      if (deps.corpus === before) during.push(n); // answered before the swap

      if (asked.length < 2 && deps.corpus === before) {
        const a = await interact(discord, 'ask', [{ name: 'question', type: 3, value: 'Who is Quillon Vesterby?' }]);
        if (deps.corpus === before) asked.push(a.text);
      }
    }
    await done;
    await watcher.idle();
    probe.stop();

    expect(during.length).toBeGreaterThan(0);
    expect(during.every((n) => n === count0)).toBe(true);
    // The previous version does not know the new article's name.
    expect(asked.every((t) => !/harbour board|chief inspector|northern quay/i.test(t))).toBe(true);
    // One swap, of the whole new version: analysis from the worker's file, nothing built here, index in step.
    expect(atSwap).toHaveLength(1);
    expect(atSwap[0]).toMatchObject({ fromFile: true, built: 0, indexed: true });
    expect(deps.corpus.articles).toHaveLength(count0 + 1);
    expect(sourcesCount((await interact(discord, 'sources')).text)).toBe(count0 + 1);
    // The event loop turned all along (the worker build is hundreds of turns; the old code's in-process build none).
    expect(probe.turns()).toBeGreaterThan(20);

    // The same answers as a server started on the new folder: /ask and /who about the new article.
    const fresh = await serverDeps(dir, tempDir('dispatch-rebuild-fresh-'));
    for (const input of [
      { command: 'ask' as const, text: 'Who is Quillon Vesterby?' },
      { command: 'who' as const, text: 'Quillon Vesterby' },
    ]) {
      const live = await runCommand(deps, input);
      const cold = await runCommand(fresh, input);
      expect(live.answered).toBe(true);
      expect(live.blocks).toEqual(cold.blocks);
      expect(live.citations).toEqual(cold.citations);
    }

    // A removal goes the same way: the previous version answers until the swap.
    const withNew = deps.corpus;
    const again = new Promise<void>((r) => (updated = r));
    atSwap.length = 0;
    await unlink(path.join(dir, 'zz-new.txt'));
    while (deps.corpus === withNew) {
      const n = sourcesCount((await interact(discord, 'sources')).text);
      if (deps.corpus === withNew) expect(n).toBe(count0 + 1);
    }
    await again;
    await watcher.idle();
    expect(atSwap).toHaveLength(1);
    expect(atSwap[0]).toMatchObject({ fromFile: true, indexed: false, version: before.version });
    expect(deps.index.search('Quillon Vesterby inspector').some((h) => h.articleId === 'zz-new.txt')).toBe(false);
  }, 300_000);

  it('a change to many articles builds a new index a few articles per turn and swaps it in with the corpus', async () => {
    const previousMin = setOffThreadMin(10);
    closers.push(async () => void setOffThreadMin(previousMin));
    const dir = corpusDir(40, 8);
    const deps = await serverDeps(dir, tempDir('dispatch-rebuild-data-'));
    await warmUp(deps);
    const before = deps.corpus;
    const oldIndex = deps.index;
    let updated!: () => void;
    const done = new Promise<void>((r) => (updated = r));
    const watcher = watchCorpus(deps, { log: silentLogger, debounceMs: 20, rescanMs: 0, onUpdate: () => void warmUp(deps).then(updated, updated) });
    closers.push(() => watcher.close());
    const chunks0 = rebuildStats.chunks;
    let swappedAfter = -1;
    watchSwaps(deps, () => (swappedAfter = rebuildStats.chunks - chunks0));
    const { appendFile } = await import('node:fs/promises');
    const changed = before.articles.slice(0, 24).map((a) => a.id);
    for (const [i, name] of changed.entries()) await appendFile(path.join(dir, name), `\n\nThe harbour board said on Monday that berth ${i + 3} would reopen.\n`);
    await done;
    await watcher.idle();
    expect(deps.corpus.articles.filter((a) => /berth \d+ would reopen/.test(a.raw))).toHaveLength(24);
    // A new index, built in steps (24 files parsed one per step, then 4 articles a step): never one stretch of all of them.
    expect(deps.index).not.toBe(oldIndex);
    expect(swappedAfter).toBeGreaterThanOrEqual(24 + 40 / 4);
    // It answers as the index a start on the new folder builds.
    const fresh = await serverDeps(dir, tempDir('dispatch-rebuild-fresh-'));
    for (const q of ['harbour board berth reopen', 'minister said', 'berth 7']) {
      expect(deps.index.search(q).map((h) => [h.id, h.score.toFixed(9)])).toEqual(fresh.index.search(q).map((h) => [h.id, h.score.toFixed(9)]));
    }
    expect(deps.index.search('berth 7')[0]?.articleId).toBe(changed[4]);
  }, 300_000);

  it('a touched file (same text, new mtime) keeps the corpus and its analysis: nothing is rebuilt', async () => {
    const dir = corpusDir(12, 3);
    const deps = await serverDeps(dir, tempDir('dispatch-rebuild-data-'));
    await warmAnalysis(deps);
    const corpus = deps.corpus;
    const analysis = analysisOf(deps);
    const watcher = watchCorpus(deps, { log: silentLogger, rescanMs: 0 });
    closers.push(() => watcher.close());
    const name = corpus.articles[3]!.id;
    const { readFile, utimes } = await import('node:fs/promises');
    await writeFile(path.join(dir, name), await readFile(path.join(dir, name)));
    await utimes(path.join(dir, name), new Date(), new Date(Date.now() + 5000));
    const u = await watcher.rescan();
    expect(u).toMatchObject({ added: [], changed: [], removed: [] });
    expect(deps.corpus).toBe(corpus);
    expect(analysisOf(deps)).toBe(analysis);
  });
});

describe("a server's first analysis built in a worker", () => {
  it('commands that read the analysis are acknowledged and wait for it; none builds a part on the main thread', async () => {
    const previousMin = setOffThreadMin(10);
    closers.push(async () => void setOffThreadMin(previousMin));
    const dir = corpusDir(30, 21);
    const deps = await serverDeps(dir, tempDir('dispatch-rebuild-cold-'));
    const { discord } = await bot(deps);
    const built0 = { ...analysisStats.built };
    const probe = loopProbe();
    const build = buildAnalysisOffThread(deps);
    const question = 'What did the ministry say?';
    const [ask, sources] = await Promise.all([
      interact(discord, 'ask', [{ name: 'question', type: 3, value: question }]),
      interact(discord, 'sources'),
    ]);
    const result = await build;
    probe.stop();
    expect(result.current).toBe(true);
    // /ask was acknowledged first (deferred), then answered once the worker's analysis was in.
    expect(ask.deferred).toBe(true);
    expect(sources.text).toMatch(/30 articles in the corpus/);
    // No part was built on this thread while the worker ran: the command waited instead.
    expect(analysisStats.built).toEqual(built0);
    expect(probe.turns()).toBeGreaterThan(20);
    // The answer is the engine's answer over the built analysis.
    const { renderAnswer } = await import('../src/discord/render.js');
    const direct = await runCommand(deps, { command: 'ask', text: question });
    expect(ask.text).toBe(textOf(renderAnswer(direct, { key: '1', channelId: '1', userId: '1' })[0]!));
  }, 300_000);
});
