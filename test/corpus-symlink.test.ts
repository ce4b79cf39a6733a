/**
 * A symbolic link in the corpus folder that leads outside it (a system file,
 * someone else's data) is not followed: the file is skipped with a warning, at
 * start-up (plain and cached load) and when it appears while the bot runs. A link
 * to another file inside the folder still loads.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticleFile, loadCorpus } from '../src/corpus/load.js';
import { watchCorpus } from '../src/corpus/watch.js';
import { cleanupTempDirs, depsFor, tempDir, writeCorpus } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);

const INSIDE = `Harbour ferry service resumes after storm

Monday, April 8, 2024

The harbour ferry resumed its service on Monday after a storm closed the crossing for three days, the operator said.
Captain Lina Brandt said 2,400 passengers crossed on the first morning.
`;

/** Article-like text outside the folder: before the fix it loaded as an article like any other. */
const SECRET = `Private memo on the Quorvath account

Tuesday, April 9, 2024

The Quorvath account holds 48 million dollars in reserve funds, the treasurer wrote in the private memo.
Treasurer Ilse Varga said the password would change on Friday.
`;

const OUTSIDE_REASON = /symbolic link to a file outside the corpus folder/;

function folderWithLinks(): { dir: string } {
  const outside = writeCorpus({ 'secret.txt': SECRET }, 'dispatch-outside-');
  const dir = writeCorpus({ '001_ferry.txt': INSIDE, 'sub/inner.txt': INSIDE.replace('three days', 'two days') });
  symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, '002_secret.txt'));
  symlinkSync('/etc/passwd', path.join(dir, '003_passwd.txt'));
  symlinkSync('../' + path.basename(outside) + '/secret.txt', path.join(dir, '004_relative.txt'));
  symlinkSync(path.join(dir, 'sub', 'inner.txt'), path.join(dir, '005_inside.txt'));
  return { dir };
}

describe('symbolic links in the corpus folder', () => {
  it('loadCorpus skips links that leave the folder, with a warning naming each, and follows one that stays inside', async () => {
    const { dir } = folderWithLinks();
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id).sort()).toEqual(['001_ferry.txt', '005_inside.txt']);
    expect(corpus.byId.get('005_inside.txt')!.raw).toContain('two days');
    for (const f of ['002_secret.txt', '003_passwd.txt', '004_relative.txt']) {
      expect(corpus.warnings.find((w) => w.file === f)?.reason).toMatch(OUTSIDE_REASON);
    }
    expect(corpus.articles.some((a) => a.raw.includes('Quorvath') || a.raw.includes('root:'))).toBe(false);
  });

  it('loadArticleFile gives the reason for one link', async () => {
    const { dir } = folderWithLinks();
    expect(await loadArticleFile(path.join(dir, '003_passwd.txt'))).toEqual({ reason: expect.stringMatching(OUTSIDE_REASON) });
  });

  it('the running bot (cached start-up load, then the watcher) never answers from an outside file', async () => {
    const { dir } = folderWithLinks();
    const deps = await depsFor(dir);
    expect(deps.corpus.byId.has('002_secret.txt')).toBe(false);
    expect(deps.corpus.warnings.find((w) => w.file === '002_secret.txt')?.reason).toMatch(OUTSIDE_REASON);

    const watcher = watchCorpus(deps, { rescanMs: 0, persist: false, debounceMs: 20 });
    try {
      // A link dropped in while the bot runs.
      const outside = writeCorpus({ 'later.txt': SECRET.replace('Quorvath', 'Zentrix') }, 'dispatch-outside-');
      symlinkSync(path.join(outside, 'later.txt'), path.join(dir, '006_later.txt'));
      const update = await watcher.rescan();
      expect(update.added).toEqual([]);
      expect(update.skipped).toEqual([{ file: '006_later.txt', reason: expect.stringMatching(OUTSIDE_REASON) }]);
      expect(deps.corpus.byId.has('006_later.txt')).toBe(false);
      expect(deps.index.search('Zentrix')).toEqual([]);
      expect(deps.index.search('Quorvath')).toEqual([]);
    } finally {
      await watcher.close();
    }
  });

  it('a dangling link is skipped, not an error', async () => {
    const dir = tempDir();
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling.txt'));
    expect(await loadArticleFile(path.join(dir, 'dangling.txt'))).toEqual({ reason: expect.stringMatching(/cannot read it \(ENOENT\)/) });
  });
});
