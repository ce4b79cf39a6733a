/**
 * Interaction round-trip through the fake Discord: the time from the fake sending
 * INTERACTION_CREATE down the gateway to it receiving the answer (the type-4
 * callback, or the @original edit after a defer), with the real discord.js client,
 * router, renderer and engines over ./seeds. A benchmark, not a timed test.
 *
 *   npx tsx bench/discord-roundtrip.ts [--n 1000] [--command sources|ask] [--concurrency 1] [--engine real|none]
 *                                      [--rebuild <corpusDir> [--max-seconds 300]] [--warm <corpusDir>:<dataDir>]
 *
 * --rebuild: while the interactions run, the same process rebuilds the analysis of
 * another corpus (e.g. 10,000 generated articles) from scratch the way a server does
 * after a big change (src/analysis/worker.ts: a worker thread), into a temp folder; the
 * interactions keep going until it ends (or --max-seconds), and the line says how many ran during it.
 *
 * --warm: before the interactions, the same process starts on another corpus and its persisted
 * data (corpus snapshot, index, analysis file: a `DATA_DIR`) as src/main.ts does, then warms its
 * analysis (`warmUp`: every part read from the file and hydrated, on the main thread) while the
 * interactions run: the main-thread work a server does after a start or after a worker rebuild.
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
    rebuild: { type: 'string' },
    'max-seconds': { type: 'string' },
    warm: { type: 'string' },
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
/** The rebuild running alongside (--rebuild), if any. */
interface Rebuild {
  done: boolean;
  promise: Promise<void>;
  ms?: number;
  error?: string;
}
let rebuild = null as Rebuild | null;
if (values.rebuild) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { runAnalysisWorker } = await import('../src/analysis/worker.js');
  const tmp = mkdtempSync(path.join(tmpdir(), 'dispatch-rebuild-'));
  const t0 = performance.now();
  const r: Rebuild = { done: false, promise: Promise.resolve() };
  r.promise = runAnalysisWorker({ corpusDir: path.resolve(values.rebuild), snapshotDir: path.join(tmp, 'corpus'), analysisDir: path.join(tmp, 'analysis') }).then(
    () => {
      r.done = true;
      r.ms = performance.now() - t0;
    },
    (err: Error) => {
      r.done = true;
      r.error = err.message.split('\n')[0];
    },
  );
  rebuild = r;
  const max = Number(values['max-seconds'] ?? 0);
  if (max > 0) {
    // A 10,000-article rebuild is tens of CPU minutes: time the interactions during its first part only.
    const stop = setTimeout(() => {
      if (r.done) return;
      r.done = true;
      r.error = `stopped after ${max} s (still building)`;
    }, max * 1000);
    stop.unref();
  }
}
if (values.warm) {
  const [corpusDir, dataDir] = values.warm.split(':');
  const { loadConfig } = await import('../src/config.js');
  const { buildDeps } = await import('../src/app.js');
  const { createStore } = await import('../src/store/index.js');
  const { silentLogger } = await import('../src/log.js');
  const { warmUp } = await import('../src/engines/index.js');
  const { analysisStats } = await import('../src/analysis/file.js');
  const other = await buildDeps(loadConfig({ SEEDS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { log: silentLogger, store: createStore({ kind: 'memory' }), llm: null });
  // The seeds' own analysis first: the build counters are per process, and only the other corpus's count here.
  await warmUp(deps);
  const built = { ...analysisStats.built };
  const t0 = performance.now();
  const r: Rebuild = { done: false, promise: Promise.resolve() };
  r.promise = warmUp(other).then(
    () => {
      r.done = true;
      r.ms = performance.now() - t0;
      const recomputed = Object.entries(analysisStats.built).filter(([k, n]) => n !== built[k as keyof typeof built]).map(([k]) => k);
      if (recomputed.length) r.error = `recomputed ${recomputed.join(', ')}`;
    },
    (err: Error) => {
      r.done = true;
      r.error = err.message.split('\n')[0];
    },
  );
  rebuild = r;
}
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
  let during = 0;
  const one = async () => {
    // With a rebuild alongside, keep going until it is over (at least n).
    while (next < n || (rebuild && !rebuild.done)) {
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
      if (rebuild && !rebuild.done) during++;
      // keep the recorder small so waiting stays O(1) per request
      if (discord.requests.length > 200) discord.requests.splice(0, discord.requests.length - 50);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, one));
  const elapsed = performance.now() - started;
  const count = times.length;
  await bot.stop();
  await discord.close();
  times.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(2);
  process.stdout.write(
    `/${command}${values.engine === 'none' ? ' (constant answer, no engine)' : ''}: ${count} interactions, concurrency ${concurrency}: p50 ${f(pct(times, 50))} ms, p90 ${f(pct(times, 90))} ms, p99 ${f(pct(times, 99))} ms, max ${f(times[times.length - 1]!)} ms, ${(count / (elapsed / 1000)).toFixed(0)}/s${
      rebuild
        ? `; ${during} of them while ${values.warm ? `the analysis of ${values.warm} was warmed on the main thread` : `a rebuild of ${values.rebuild} ran in a worker thread`} (${rebuild.error ? rebuild.error : rebuild.done ? `${Math.round(rebuild.ms! / 1000)} s` : 'still running'})`
        : ''
    }\n`,
  );
}
await deps.store.close();
if (rebuild && !rebuild.done) {
  // Only the first command's run overlaps the rebuild; do not wait for it.
  process.stdout.write('(rebuild still running at the end; stopped)\n');
}
process.exit(0);
