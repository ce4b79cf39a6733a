/**
 * The running bot (src/main.ts, HTTP interactions front door) picks up an article
 * dropped into the corpus folder without a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT, SEEDS } from './helpers/deps.js';

let child: ChildProcess | undefined;
let dir: string | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function waitFor(out: { text: string }, re: RegExp, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = setInterval(() => {
      if (re.test(out.text)) {
        clearInterval(tick);
        resolve();
      } else if (Date.now() - t0 > ms) {
        clearInterval(tick);
        reject(new Error(`timed out waiting for ${re}; output:\n${out.text.slice(-2000)}`));
      }
    }, 50);
  });
}

it('a new article file is loaded by the running bot, without a restart', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dispatch-main-watch-'));
  const seeds = path.join(dir, 'seeds');
  await import('node:fs/promises').then((fs) => fs.mkdir(seeds));
  copyFileSync(path.join(SEEDS, '001_080066696a52c0c3.txt'), path.join(seeds, '001_080066696a52c0c3.txt'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, SEEDS_DIR: seeds, DATA_DIR: path.join(dir, 'data'), INTERACTIONS_PORT: String(port), DISCORD_PUBLIC_KEY: 'a'.repeat(64), DISCORD_TOKEN: '', LOG_LEVEL: 'info', REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { text: '' };
  child.stdout!.on('data', (d) => (out.text += d));
  child.stderr!.on('data', (d) => (out.text += d));
  await waitFor(out, /HTTP interactions endpoint listening/, 60_000);
  copyFileSync(path.join(SEEDS, '004_beee981505867bb2.txt'), path.join(seeds, '004_beee981505867bb2.txt'));
  await waitFor(out, /"added":\["004_beee981505867bb2\.txt"\][^\n]*corpus updated without restart/, 30_000);
  expect(out.text).not.toMatch(/"level":50/); // no error logged
}, 120_000);
