/**
 * The running bot (src/main.ts as a real process, the discord.js gateway client
 * against the fake Discord) keeps answering from the last good corpus while its
 * corpus folder is moved away, tells users and admins (/sources, /digest status)
 * and the log, and picks up new articles again once the folder is moved back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './e2e/fake-discord.js';
import { answerOf, textOf, payloadOf } from './e2e/discord-harness.js';
import { ROOT, SEEDS } from './helpers/deps.js';

const MANAGE_GUILD = String(1n << 5n);
const NEW_ARTICLE = `Friday, November 7, 2025

Zorblax Quintavel named envoy to the Caribbean talks

By Ana Ruiz

Zorblax Quintavel, a retired admiral, was named special envoy to the Caribbean talks on Friday, the foreign ministry said.
Quintavel said he would travel to Bridgetown next week to meet regional leaders about the naval deployment.
`;

let child: ChildProcess | undefined;
let discord: FakeDiscord | undefined;
let dir: string | undefined;
afterAll(async () => {
  child?.kill('SIGKILL');
  await discord?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
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

it('a moved-away corpus folder keeps answering from the last good corpus; moved back, updates resume', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dispatch-main-missing-'));
  const seeds = path.join(dir, 'seeds');
  await cp(SEEDS, seeds, { recursive: true });
  const articles = (await readdir(seeds)).filter((f) => f.endsWith('.txt')).length;
  discord = await startFakeDiscord();
  const fake = discord;
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SEEDS_DIR: seeds,
      DATA_DIR: path.join(dir, 'data'),
      DISCORD_TOKEN: 'fake-token',
      DISCORD_API_URL: fake.apiUrl,
      INTERACTIONS_PORT: '',
      DIGEST_CHANNEL_ID: '',
      DIGEST_CRON: '',
      COOLDOWN_SECONDS: '0',
      OPENAI_API_KEY: '',
      LOG_LEVEL: 'info',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { text: '' };
  child.stdout!.on('data', (d) => (out.text += d));
  child.stderr!.on('data', (d) => (out.text += d));
  await waitFor(out, /connected to the Discord gateway/, 90_000);

  const run = async (name: string, options: Record<string, unknown>[] = [], permissions?: string) => {
    const { token } = fake.sendInteraction(fake.command(name, options, permissions ? { permissions } : undefined));
    return payloadOf(await answerOf(fake, token, 20_000));
  };
  const ask = (q: string) => run('ask', [{ name: 'question', type: 3, value: q }]);
  const Q = 'What did China say about Venezuela?';

  const before = textOf(await ask(Q));
  expect(before).toMatch(/\[1\]/); // answered, with citations
  expect(before).not.toMatch(/searched 0 /i);

  // Move the folder away; something still touching files in it fires events on the old watch.
  const away = path.join(dir, 'seeds-away');
  await rename(seeds, away);
  for (const f of await readdir(away)) await utimes(path.join(away, f), new Date(), new Date());
  await new Promise((r) => setTimeout(r, 1500)); // any (wrong) removals would have happened by now
  const during = textOf(await ask(Q));
  expect(during).toBe(before);
  expect(out.text).not.toMatch(/corpus updated without restart/);
  await waitFor(out, /corpus folder unavailable \(the folder is missing\); keeping the last good corpus/, 20_000);
  const sources = textOf(await run('sources'));
  expect(sources).toContain(`${articles} articles in the corpus`);
  expect(sources).toMatch(/The corpus folder is unavailable since .* UTC \(the folder is missing\): answering from the last good copy/);
  const status = textOf(await run('digest', [{ name: 'status', type: 1 }], MANAGE_GUILD));
  expect(status).toMatch(/The corpus folder is unavailable since .* \(the folder is missing\)/);

  // Moved back: the bot says so and picks up a new article without a restart.
  await rename(away, seeds);
  await waitFor(out, /corpus folder is back; resuming updates/, 20_000);
  await writeFile(path.join(seeds, '900_new.txt'), NEW_ARTICLE);
  await waitFor(out, /"added":\["900_new\.txt"\][^\n]*corpus updated without restart/, 30_000);
  expect(textOf(await ask('Who is Zorblax Quintavel?'))).toMatch(/retired admiral/);
  expect(textOf(await run('sources'))).not.toMatch(/unavailable/);
  expect(out.text).not.toMatch(/"level":50/); // no error logged
}, 180_000);
