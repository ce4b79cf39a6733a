/**
 * Interaction round-trip through the fake Discord: the time from the fake sending
 * INTERACTION_CREATE down the gateway to it receiving the answer (the type-4
 * callback, or the @original edit after a defer), with the real discord.js client,
 * router, renderer and engines over ./seeds. A benchmark, not a timed test.
 *
 *   npx tsx bench/discord-roundtrip.ts [--n 1000] [--command sources|ask] [--concurrency 1] [--engine real|none]
 *
 * Prints p50/p90/p99/max in ms and throughput.
 */
import { parseArgs } from 'node:util';
import { startFakeDiscord } from '../test/e2e/fake-discord.js';
import { realDeps } from '../test/e2e/discord-harness.js';
import { startDiscord } from '../src/discord/client.js';
import type { Answer } from '../src/types.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    command: { type: 'string', default: 'all' },
    concurrency: { type: 'string', default: '1' },
    // "none": a constant answer instead of the engines, to isolate the Discord layer
    engine: { type: 'string', default: 'real' },
  },
});
const n = Number(values.n);
const concurrency = Math.max(1, Number(values.concurrency));
const which = values.command === 'all' ? ['sources', 'ask'] : [values.command!];

const QUESTIONS = ['How many troops did Trump deploy?', 'What did Maduro ask Russia for?', 'What did China say?', 'Who is Pam Bondi?'];
const CONSTANT: Answer = {
  command: 'ask',
  answered: true,
  title: 'A constant answer',
  blocks: [{ text: 'Trump first deployed warships to the waters around Venezuela in August. [1]', cites: [1] }],
  citations: [{ n: 1, source: 'a.txt', quote: 'Trump first deployed warships.', title: 'Title', outlet: 'Outlet', date: '2025-11-02', url: null }],
  followUps: ['What next?'],
};
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

const deps = await realDeps();
for (const command of which) {
  const discord = await startFakeDiscord();
  const bot = await startDiscord(
    { ...deps, config: { ...deps.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } },
    {
      rest: { globalRequestsPerSecond: 1_000_000 },
      cooldownSeconds: 0,
      ...(values.engine === 'none' ? { run: async () => CONSTANT } : {}),
    },
  );
  await discord.ready();
  const times: number[] = [];
  let next = 0;
  const one = async () => {
    while (next < n) {
      const i = next++;
      const options = command === 'ask' ? [{ name: 'question', type: 3, value: QUESTIONS[i % QUESTIONS.length] }] : [];
      const payload = discord.command(command, options, { userId: discord.snowflake() });
      const t0 = performance.now();
      discord.sendInteraction(payload);
      await discord.waitForRequest(
        (r) =>
          r.path.includes(payload.token) &&
          ((r.path.endsWith('/callback') && r.body?.type === 4) || (r.method === 'PATCH' && r.path.endsWith('/messages/@original'))),
        60_000,
      );
      times.push(performance.now() - t0);
      // keep the recorder small so waiting stays O(1) per request
      if (discord.requests.length > 200) discord.requests.splice(0, discord.requests.length - 50);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, one));
  const elapsed = performance.now() - started;
  await bot.stop();
  await discord.close();
  times.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(2);
  process.stdout.write(
    `/${command}${values.engine === 'none' ? ' (constant answer, no engine)' : ''}: ${n} interactions, concurrency ${concurrency}: p50 ${f(pct(times, 50))} ms, p90 ${f(pct(times, 90))} ms, p99 ${f(pct(times, 99))} ms, max ${f(times[times.length - 1]!)} ms, ${(n / (elapsed / 1000)).toFixed(0)}/s\n`,
  );
}
await deps.store.close();
