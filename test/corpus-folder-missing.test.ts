/**
 * A corpus folder that goes missing, becomes unreadable or empty while the bot runs
 * never empties the live corpus: the last good corpus keeps answering, the watcher
 * says so (log, `corpus.unavailable`, /sources and /digest status), and it resumes
 * when the folder returns — moved back, or recreated as a new folder.
 */
import { cp, mkdir, rename, rm, unlink, utimes, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchCorpus, type CorpusWatcher } from '../src/corpus/watch.js';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import type { Logger } from '../src/log.js';
import { digestStatus } from '../src/schedule/status.js';
import { cleanupTempDirs, depsFor, SEEDS, tempDir } from './helpers/corpus-fixtures.js';

const QUESTION = 'What did China say about Venezuela?';

const NEW_ARTICLE = `Friday, November 7, 2025

Zorblax Quintavel named envoy to the Caribbean talks

By Ana Ruiz

Zorblax Quintavel, a retired admiral, was named special envoy to the Caribbean talks on Friday, the foreign ministry said.
Quintavel said he would travel to Bridgetown next week to meet regional leaders about the naval deployment.
`;

function captureLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const put = (level: string) => (obj: unknown, msg?: string) => lines.push(`${level} ${typeof obj === 'string' ? obj : `${msg ?? ''} ${JSON.stringify(obj)}`}`);
  const log = { warn: put('warn'), info: put('info'), debug: () => {}, error: put('error'), trace: () => {}, fatal: put('fatal'), child: () => log } as unknown as Logger;
  return { log, lines };
}

async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Let file-system events arrive and their debounce pass. */
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('the corpus folder goes missing while the bot runs', () => {
  let root: string;
  let dir: string;
  let deps: Deps;
  let watcher: CorpusWatcher;
  let logged: string[];
  let articles0: number;

  beforeEach(async () => {
    root = tempDir('dispatch-missing-');
    dir = path.join(root, 'seeds');
    await cp(SEEDS, dir, { recursive: true });
    deps = await depsFor(dir);
    articles0 = deps.corpus.articles.length;
    const { log, lines } = captureLog();
    logged = lines;
    watcher = watchCorpus(deps, { log, debounceMs: 30, rescanMs: 0, retryMs: 50, persist: false });
  });
  afterEach(async () => {
    await watcher.close();
    cleanupTempDirs();
  });

  const ask = () => runCommand(deps, { command: 'ask', text: QUESTION });

  it('moved away: keeps answering from the last good corpus, says so, and resumes when moved back', async () => {
    const before = await ask();
    expect(before.answered).toBe(true);
    const away = path.join(root, 'seeds-away');
    await rename(dir, away);
    // Something still writing in the moved folder fires events on the old watch (before the fix, each removed an article).
    for (const f of await readdir(away)) await utimes(path.join(away, f), new Date(), new Date());
    await settle();
    await watcher.rescan(); // what the periodic rescan does: before the fix it found an "empty" folder
    await watcher.idle();

    expect(deps.corpus.articles).toHaveLength(articles0);
    const during = await ask();
    expect(during.answered).toBe(true);
    expect(during.citations.map((c) => c.quote)).toEqual(before.citations.map((c) => c.quote));
    expect(deps.corpus.unavailable?.reason).toBe('the folder is missing');
    expect(logged.filter((l) => l.includes(`corpus folder unavailable (the folder is missing); keeping the last good corpus of ${articles0} articles`))).toHaveLength(1);

    // Users and admins see it: /sources notes and /digest status.
    const sources = await runCommand(deps, { command: 'sources', text: '' });
    expect(sources.title).toBe(`${articles0} articles in the corpus`);
    expect(sources.notes?.[0]).toMatch(/^The corpus folder is unavailable since \d{4}-\d\d-\d\d \d\d:\d\d UTC \(the folder is missing\): answering from the last good copy \(\d+ articles\)/);
    expect(sources.notes?.[0]).toContain(`(${articles0} articles)`);
    expect(await digestStatus(deps, '123456789012345678')).toMatch(/No digest is scheduled[\s\S]*\nThe corpus folder is unavailable since .* \(the folder is missing\)/);

    await rename(away, dir);
    await waitFor(() => !deps.corpus.unavailable, 'the folder to be back');
    expect(logged.some((l) => /corpus folder is back; resuming updates/.test(l))).toBe(true);
    expect((await runCommand(deps, { command: 'sources', text: '' })).notes ?? []).toEqual([]);
    expect(await digestStatus(deps, '123456789012345678')).not.toMatch(/unavailable/);

    // Watching resumed: a new article is picked up without a rescan.
    await writeFile(path.join(dir, '900_new.txt'), NEW_ARTICLE);
    await waitFor(() => deps.corpus.byId.has('900_new.txt'), 'the new article');
    expect((await runCommand(deps, { command: 'ask', text: 'Who is Zorblax Quintavel?' })).answered).toBe(true);
    expect(deps.corpus.articles).toHaveLength(articles0 + 1);
  });

  it('deleted, then recreated as a new folder: the watch is re-opened on it', async () => {
    const saved = path.join(root, 'saved');
    await cp(dir, saved, { recursive: true });
    await rm(dir, { recursive: true });
    await settle();
    await watcher.rescan();
    await watcher.idle();
    expect(deps.corpus.articles).toHaveLength(articles0);
    expect((await ask()).answered).toBe(true);
    expect(deps.corpus.unavailable?.reason).toBe('the folder is missing');

    await cp(saved, dir, { recursive: true }); // a new inode: the old watch is dead
    await waitFor(() => !deps.corpus.unavailable, 'the folder to be back');
    await watcher.idle();
    expect(deps.corpus.articles).toHaveLength(articles0);
    await writeFile(path.join(dir, '900_new.txt'), NEW_ARTICLE);
    await waitFor(() => deps.corpus.byId.has('900_new.txt'), 'the new article in the recreated folder');
  });

  it('replaced by a file (unreadable as a folder): keeps the corpus and gives the reason', async () => {
    await rename(dir, path.join(root, 'elsewhere'));
    await writeFile(dir, 'not a folder');
    await watcher.rescan();
    expect(deps.corpus.articles).toHaveLength(articles0);
    expect((await ask()).answered).toBe(true);
    expect(deps.corpus.unavailable?.reason).toBe('it is not a folder');
    await unlink(dir);
    await rename(path.join(root, 'elsewhere'), dir);
    await watcher.rescan();
    expect(deps.corpus.unavailable).toBeUndefined();
  });

  it('emptied (an unmounted volume shows an empty folder): keeps the last good corpus', async () => {
    // All at once, as an unmount does: the path stays and shows an empty folder. (Moving the files out one by one
    // is the user deleting them, and on a loaded machine the watcher may rightly apply those deletions one by one.)
    const saved = path.join(root, 'saved');
    await rename(dir, saved);
    await mkdir(dir);
    await settle();
    await watcher.rescan();
    await watcher.idle();
    expect(deps.corpus.articles).toHaveLength(articles0);
    expect((await ask()).answered).toBe(true);
    expect(deps.corpus.unavailable?.reason).toMatch(/the folder holds no article files|no usable article is left in the folder/);
    // One article deleted for real while the others come back is still a deletion.
    const [first, ...rest] = (await readdir(saved)).sort();
    for (const f of rest) await rename(path.join(saved, f), path.join(dir, f));
    await waitFor(() => !deps.corpus.unavailable, 'the folder to be back');
    await watcher.idle();
    // A removal is applied once a second listing confirms it (a loaded machine may need a rescan).
    await waitFor(async () => {
      await watcher.rescan();
      await watcher.idle();
      return !deps.corpus.byId.has(first!);
    }, 'the deleted article to be removed');
    expect(deps.corpus.byId.has(first!)).toBe(false);
    expect(deps.corpus.articles).toHaveLength(articles0 - 1);
  });
});
