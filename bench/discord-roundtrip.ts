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
 * --serve <corpusDir>:<dataDir> --trigger cold|add|change|remove: the bot answers from that corpus (a
 * `DATA_DIR` as src/main.ts builds it: snapshot, index, analysis) and the rebuild is triggered the way a
 * server meets one: `cold` runs `warmUp` as src/main.ts does at start (analysis missing or stale: built
 * in a worker, then loaded); add/change/remove first warm the current analysis (not timed), start the
 * corpus watcher as src/main.ts does, then write a new article (text this script writes), append a
 * paragraph to one, or delete the one a previous `add` wrote. The interactions run until the update and
 * the warm-up after it are done. Use `--engine none` to time the Discord layer and the event loop only.
 *
 * With any rebuild, the line adds the main thread's event-loop delay during it (perf_hooks
 * monitorEventLoopDelay, 10 ms resolution: p99, max), its busy time (eventLoopUtilization), the process
 * CPU (all threads), and every stall > 50 ms seen by a 10 ms interval timer, with what the log said last.
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
    serve: { type: 'string' },
    trigger: { type: 'string', default: 'cold' },
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

/** Log lines (msg) with their time, when serving a DATA_DIR: what the server was doing at a stall. */
const logLines: { at: number; msg: string }[] = [];
const deps = values.serve ? await serveDeps(values.serve) : await realDeps();
async function serveDeps(spec: string) {
  const [corpusDir, dataDir] = spec.split(':');
  const { loadConfig } = await import('../src/config.js');
  const { buildDeps } = await import('../src/app.js');
  const { createStore } = await import('../src/store/index.js');
  const { pino } = await import('pino');
  const log = pino({ level: 'info' }, {
    write(line: string) {
      try {
        logLines.push({ at: performance.now(), msg: (JSON.parse(line) as { msg: string }).msg });
      } catch {
        /* not JSON */
      }
    },
  });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const d = await buildDeps(loadConfig({ SEEDS_DIR: corpusDir!, DATA_DIR: dataDir!, LOG_LEVEL: 'info', COOLDOWN_SECONDS: '0' }), { log, store: createStore({ kind: 'memory' }), llm: null });
  const c = process.cpuUsage(c0);
  process.stdout.write(`served corpus: ${d.corpus.articles.length} articles, buildDeps ${Math.round(performance.now() - t0)} ms wall / ${Math.round((c.user + c.system) / 1000)} ms CPU\n`);
  return d;
}
/** The rebuild running alongside (--rebuild), if any. */
interface Rebuild {
  done: boolean;
  promise: Promise<void>;
  ms?: number;
  error?: string;
}
let rebuild = null as Rebuild | null;
/** Event loop and CPU over the rebuild. */
const { monitorEventLoopDelay, performance: perf } = await import('node:perf_hooks');
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
const stalls: { at: number; ms: number; last: string }[] = [];
let watchT0 = 0;
let lastTick = 0;
const stallTimer = setInterval(() => {
  const now = performance.now();
  if (rebuild && !rebuild.done && lastTick && now - lastTick > 60) {
    const last = [...logLines].reverse().find((l) => l.at <= now);
    stalls.push({ at: Math.round(lastTick - watchT0), ms: Math.round(now - lastTick - 10), last: last ? `${last.msg} (${Math.round(last.at - watchT0)})` : '-' });
  }
  lastTick = now;
}, 10);
stallTimer.unref();
let elu0 = perf.eventLoopUtilization();
let cpu0 = process.cpuUsage();
const startWatch = () => {
  watchT0 = performance.now();
  loopDelay.enable();
  elu0 = perf.eventLoopUtilization();
  cpu0 = process.cpuUsage();
};
let watcherClose: (() => Promise<void>) | undefined;
let addedName: string | undefined;
if (values.serve) {
  const { warmUp } = await import('../src/engines/index.js');
  const trigger = values.trigger!;
  const r: Rebuild = { done: false, promise: Promise.resolve() };
  const t0 = performance.now();
  const finish = (p: Promise<unknown>) =>
    p.then(
      () => {
        r.done = true;
        r.ms = performance.now() - t0;
      },
      (err: Error) => {
        r.done = true;
        r.error = err.message.split('\n')[0];
      },
    );
  if (trigger === 'cold') {
    startWatch();
    r.promise = finish(warmUp(deps));
  } else {
    const { readdir, readFile, writeFile, unlink, appendFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const w0 = performance.now();
    await warmUp(deps);
    process.stdout.write(`current analysis warmed first (not timed): ${Math.round(performance.now() - w0)} ms wall\n`);
    const { watchCorpus } = await import('../src/corpus/watch.js');
    let updated!: () => void;
    const after = new Promise<void>((res) => (updated = res));
    const watcher = watchCorpus(deps, {
      log: deps.log,
      rescanMs: 0,
      // as src/main.ts wires it
      onUpdate: () => void warmUp(deps).then(updated, (err: Error) => { deps.log.warn({ err: err.message }, 'warm-up after a corpus update failed'); updated(); }),
    });
    watcherClose = () => watcher.close();
    const dir = deps.corpus.dir;
    const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
    startWatch();
    if (trigger === 'add') {
      addedName = `zz-roundtrip-added-${Date.now()}.txt`;
      // An article this script writes: an existing generated one with its first paragraph repeated and a new closing line.
      const text = await readFile(path.join(dir, names[0]!), 'utf8');
      await writeFile(path.join(dir, addedName), `${text}\n\nA later report added that the review board would meet again on Thursday.\n`);
    } else if (trigger === 'change') {
      await appendFile(path.join(dir, names[names.length - 1]!), `\n\nThe council said on Friday that the hearing would resume next week.\n`);
    } else if (trigger === 'remove') {
      const added = names.filter((n) => n.startsWith('zz-roundtrip-added-'));
      if (!added.length) throw new Error('--trigger remove deletes an article a previous --trigger add wrote; none found');
      await unlink(path.join(dir, added[added.length - 1]!));
    } else throw new Error(`unknown --trigger ${trigger}`);
    r.promise = finish(after.then(() => watcher.idle()));
  }
  rebuild = r;
}
if (values.rebuild) {
  startWatch();
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
}
const maxSeconds = Number(values['max-seconds'] ?? 0);
if (rebuild && maxSeconds > 0) {
  // A 10,000-article rebuild is tens of CPU minutes: time the interactions during its first part only.
  const r = rebuild;
  const stop = setTimeout(() => {
    if (r.done) return;
    r.done = true;
    r.error = `stopped after ${maxSeconds} s (still building)`;
  }, maxSeconds * 1000);
  stop.unref();
}
if (values.warm) {
  startWatch();
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
  // The bot reads the same deps object the watcher swaps corpus and index on (as src/main.ts passes it).
  const botDeps = values.serve ? Object.assign(deps, { config: { ...deps.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } }) : { ...deps, config: { ...deps.config, DISCORD_TOKEN: 'fake-token', DISCORD_API_URL: discord.apiUrl } };
  const bot = await startDiscord(
    botDeps,
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
  let late = 0;
  let lost = 0;
  const one = async () => {
    // With a rebuild alongside, keep going until it is over (at least n).
    while (next < n || (rebuild && !rebuild.done)) {
      const i = next++;
      const options = command === 'ask' ? [{ name: 'question', type: 3, value: QUESTIONS[i % QUESTIONS.length] }] : [];
      const payload = discord.command(command, options, { userId: discord.snowflake() });
      const t0 = performance.now();
      discord.sendInteraction(payload);
      // Discord gives up on an interaction after 3 s and on its token after 15 min: one not answered in 10 min is counted as lost.
      const answered = await discord
        .waitForRequest(
          (r) =>
            r.path.includes(payload.token) &&
            ((r.path.endsWith('/callback') && r.body?.type === 4) || (r.method === 'PATCH' && r.path.endsWith('/messages/@original'))),
          600_000,
        )
        .then(
          () => true,
          () => false,
        );
      if (!answered) lost++;
      times.push(performance.now() - t0);
      if (performance.now() - t0 > 3000) late++;
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
    `/${command}${values.engine === 'none' ? ' (constant answer, no engine)' : ''}: ${count} interactions, concurrency ${concurrency}: p50 ${f(pct(times, 50))} ms, p90 ${f(pct(times, 90))} ms, p99 ${f(pct(times, 99))} ms, max ${f(times[times.length - 1]!)} ms, ${(count / (elapsed / 1000)).toFixed(0)}/s; ${late} over 3 s${lost ? `, ${lost} not answered in 10 min` : ''}${
      rebuild
        ? `; ${during} of them while ${values.warm ? `the analysis of ${values.warm} was warmed on the main thread` : `a rebuild of ${values.rebuild} ran in a worker thread`} (${rebuild.error ? rebuild.error : rebuild.done ? `${Math.round(rebuild.ms! / 1000)} s` : 'still running'})`
        : ''
    }\n`,
  );
}
if (rebuild) {
  loopDelay.disable();
  const elu = perf.eventLoopUtilization(elu0);
  const cpu = process.cpuUsage(cpu0);
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  process.stdout.write(
    `rebuild (${values.serve ? `--trigger ${values.trigger}` : values.rebuild ? 'worker' : 'warm'}): ${rebuild.error ?? (rebuild.ms !== undefined ? `${Math.round(rebuild.ms)} ms wall` : 'not finished')}; ` +
      `event-loop delay p50 ${ms(loopDelay.percentile(50))} ms, p99 ${ms(loopDelay.percentile(99))} ms, max ${ms(loopDelay.max)} ms; ` +
      `main thread busy ${Math.round(elu.active)} ms of ${Math.round(elu.idle + elu.active)} ms (ELU ${elu.utilization.toFixed(2)}); process CPU (all threads) ${Math.round((cpu.user + cpu.system) / 1000)} ms\n`,
  );
  const long = stalls.filter((x) => x.ms > 50);
  process.stdout.write(`stalls > 50 ms: ${long.length}${long.length ? `, longest ${Math.max(...long.map((x) => x.ms))} ms, total ${long.reduce((n, x) => n + x.ms, 0)} ms` : ''}\n`);
  for (const x of long.sort((a, b) => b.ms - a.ms).slice(0, 25)) process.stdout.write(`  at +${x.at} ms: ${x.ms} ms (last log: ${x.last})\n`);
}
await watcherClose?.();
await deps.store.close();
if (rebuild && !rebuild.done) {
  // Only the first command's run overlaps the rebuild; do not wait for it.
  process.stdout.write('(rebuild still running at the end; stopped)\n');
}
process.exit(0);
