/**
 * `npm run bench`: for the seeds and generated corpora of 1,000 and 10,000
 * articles, measure index build, warm start, /ask /who /timeline latency, peak
 * RSS and prompt tokens per /ask (stub model server); then interaction round-trip
 * through the fake Discord. Each measurement runs in its own process.
 *
 *   BENCH_SIZES=seeds,1000,10000 npm run bench     (default)
 *   BENCH_SIZES=seeds,1000 npm run bench           (about a minute)
 *   BENCH_VOCAB=small npm run bench                (the earlier generated corpus: short word lists, uniform)
 *
 * Benchmarks, not tests: they print figures and compare them with the targets,
 * they do not fail the build. Results also go to tmp/bench/results.json.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'tmp', 'bench');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** Targets from issue 14 (at 10,000 articles). */
const TARGETS = { buildMs: 60_000, warmMs: 2_000, askP95: 50, rssMb: 1024, ackP99: 50, timelineP95: 20, whoFirstMs: 500, whoP95: 20 };

/** Run a script and return its stdout lines (for bench/discord-roundtrip.ts, which prints text). */
function runText(args: string[], timeoutMs = 600_000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(tsx, args, { cwd: root, timeout: timeoutMs, maxBuffer: 16 << 20, env: { ...process.env, LOG_LEVEL: 'silent' } }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${args.join(' ')} failed: ${err.message}\n${stderr.slice(-2000)}`));
      resolve(stdout.trim().split('\n').filter(Boolean));
    });
  });
}

/** "/ask: 1000 interactions, concurrency 1: p50 1.2 ms, p90 … p99 3.4 ms, …" → numbers. */
function parseRoundtrip(line: string): { line: string; p50?: number; p99?: number } {
  const num = (k: string) => {
    const m = new RegExp(`${k} ([\\d.]+) ms`).exec(line);
    return m ? Number(m[1]) : undefined;
  };
  return { line, p50: num('p50'), p99: num('p99') };
}

/** Run one measurement; its progress (stderr) streams through, its last stdout line is the JSON result. */
function runChild(args: string[], timeoutMs = 1_200_000): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, args, { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => {
      for (const line of String(d).split('\n')) if (line.trim() && !/npm warn/.test(line)) process.stderr.write(`    ${line}\n`);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${args.join(' ')} failed (${signal ?? code}${signal === 'SIGKILL' ? `, over ${timeoutMs / 60_000} min` : ''})`));
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`${args.join(' ')} printed no JSON: ${stdout.slice(-500)}`));
      }
    });
  });
}

async function corpusFor(size: string): Promise<string> {
  if (size === 'seeds') return path.join(root, 'seeds');
  const n = Number(size);
  // BENCH_VOCAB=small: the earlier corpus (short word lists, uniform), for comparing with older figures.
  const vocab = process.env.BENCH_VOCAB === 'small' ? 'small' : 'zipf';
  const dir = path.join(work, vocab === 'small' ? `corpus-${n}` : `corpus-${n}-zipf`);
  // Generation is deterministic: reuse a complete earlier corpus.
  const have = existsSync(dir) ? (await readdir(dir)).filter((f) => f.startsWith('gen_')).length : 0;
  if (have !== n) {
    const t0 = performance.now();
    await writeCorpus(dir, { count: n, seed: 1, vocab });
    console.error(`generated ${n} articles in ${Math.round(performance.now() - t0)} ms`);
  }
  return dir;
}

const fmt = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: 1 }) : String(x ?? '—'));
const lat = (r: any) =>
  !r ? '—' : r.missing ? 'not implemented' : `${fmt(r.p50)} / ${fmt(r.p95)} (CPU ${fmt(r.cpuP50)} / ${fmt(r.cpuP95)}; first call ${fmt(r.firstMs)}; n=${r.n})`;
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function main() {
  const sizes = (process.env.BENCH_SIZES ?? 'seeds,1000,10000').split(',').map((s) => s.trim()).filter(Boolean);
  await mkdir(work, { recursive: true });
  const rows: any[] = [];
  for (const size of sizes) {
    const dir = await corpusFor(size);
    const data = path.join(work, `data-${size}`);
    await rm(data, { recursive: true, force: true });
    console.error(`[${size}] cold build + queries…`);
    const built = await runChild(['bench/measure.ts', 'build', dir, data]);
    console.error(`[${size}] warm start…`);
    const warm = await runChild(['bench/measure.ts', 'warm', dir, data]);
    console.error(`[${size}] warm start with the corpus snapshot…`);
    // Twice: the first run re-parses if the parser's source changed since the build wrote the snapshot.
    await runChild(['bench/measure.ts', 'snapshot', dir, data]);
    const snap = await runChild(['bench/measure.ts', 'snapshot', dir, data]);
    console.error(`[${size}] server start (buildDeps + warmUp, analysis loaded), first /who and /timeline…`);
    const server = await runChild(['bench/measure.ts', 'server', dir, data]);
    console.error(`[${size}] raw MiniSearch over the same passages, same /ask questions…`);
    const rawSearch = await runChild(['bench/measure.ts', 'raw', dir, data]);
    rows.push({ size, ...built, warm, snap, server, rawSearch });
  }

  let roundtrip: any = null;
  if (process.env.BENCH_ROUNDTRIP !== '0') {
    if (existsSync(path.join(root, 'bench', 'discord-roundtrip.ts'))) {
      console.error('interaction round-trip through the fake Discord…');
      try {
        const real = await runText(['bench/discord-roundtrip.ts', '--n', '1000']);
        const none = await runText(['bench/discord-roundtrip.ts', '--n', '1000', '--command', 'ask', '--engine', 'none']);
        // While the largest generated corpus's analysis is rebuilt from scratch in the same process (a worker thread).
        const biggest = sizes.filter((s) => /^\d+$/.test(s)).map(Number).sort((a, b) => b - a)[0];
        const during = biggest ? await runText(['bench/discord-roundtrip.ts', '--n', '1000', '--command', 'ask', '--rebuild', await corpusFor(String(biggest))], 3_600_000) : [];
        // A server on the largest corpus's data (built above) while the watcher takes in an added article, then its
        // removal (the corpus is as generated again): each a worker rebuild, the new version swapped in when warmed.
        // The bot answers from that corpus; a constant answer times the Discord layer and the event loop only.
        const served = [];
        if (biggest && existsSync(path.join(work, `data-${biggest}`))) {
          const spec = `${await corpusFor(String(biggest))}:${path.join(work, `data-${biggest}`)}`;
          for (const trigger of ['add', 'remove']) {
            served.push(...(await runText(['bench/discord-roundtrip.ts', '--n', '200', '--command', 'sources', '--engine', 'none', '--serve', spec, '--trigger', trigger], 7_200_000)));
          }
        }
        for (const l of served) console.error(`    ${l}`);
        // Only the interaction lines (the rebuild's event-loop and stall lines print p99s of their own).
        const lines = [...real, ...none, ...during, ...served].filter((l) => l.startsWith('/')).map(parseRoundtrip);
        roundtrip = { lines, ackP99: Math.max(...lines.map((l) => l.p99 ?? Infinity)) };
      } catch (err) {
        roundtrip = { error: (err as Error).message.split('\n')[0] };
      }
    } else roundtrip = { error: 'bench/discord-roundtrip.ts is not in the tree yet' };
  }

  const lines: string[] = [];
  lines.push(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  lines.push('');
  lines.push(`load average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  lines.push('');
  lines.push('| corpus | articles | passages | build ms: load + index (CPU) | warm start ms (buildDeps): total, index load (CPU) | warm start ms, corpus snapshot + index only (CPU) | /ask p50/p95 ms | /who p50/p95 ms | /timeline p50/p95 ms | peak RSS MB (build / warm / snapshot) | prompt tokens per /ask (mean / max) |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    lines.push(
      `| ${r.size} | ${fmt(r.articles)} | ${fmt(r.passages)} | ${fmt(r.buildMs)}: ${fmt(r.loadMs)} + ${fmt(r.indexMs)} (${fmt(r.buildCpuMs)}) | ${fmt(r.warm.startMs)}, index load ${fmt(r.warm.indexLoadMs)} (${fmt(r.warm.startCpuMs)}) | ${fmt(r.snap.startMs)} (${fmt(r.snap.startCpuMs)}) | ${lat(r.ask)} | ${lat(r.who)} | ${lat(r.timeline)} | ${fmt(r.peakRssMb)} / ${fmt(r.warm.peakRssMb)} / ${fmt(r.snap.peakRssMb)} | ${fmt(r.promptTokens?.mean)} / ${fmt(r.promptTokens?.max)} (${fmt(r.promptTokens?.calls)} calls) |`,
    );
  }
  lines.push('');
  lines.push('/ask against a raw MiniSearch query (default options, same passages, same questions, same process kind): ratio = /ask ÷ raw, wall (CPU):');
  lines.push('| corpus | /ask p50 / p95 ms | raw MiniSearch p50 / p95 ms | ratio p50 / p95 | raw index build ms (CPU) |');
  lines.push('|---|---|---|---|---|');
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${fmt(a / b)}×` : '—');
  for (const r of rows) {
    const x = r.rawSearch;
    lines.push(
      `| ${r.size} | ${fmt(r.ask?.p50)} / ${fmt(r.ask?.p95)} (${fmt(r.ask?.cpuP50)} / ${fmt(r.ask?.cpuP95)}) | ${fmt(x?.p50)} / ${fmt(x?.p95)} (${fmt(x?.cpuP50)} / ${fmt(x?.cpuP95)}) | ${ratio(r.ask?.p50, x?.p50)} / ${ratio(r.ask?.p95, x?.p95)} (CPU ${ratio(r.ask?.cpuP50, x?.cpuP50)} / ${ratio(r.ask?.cpuP95, x?.cpuP95)}) | ${fmt(x?.buildMs)} (${fmt(x?.buildCpuMs)}) |`,
    );
  }
  lines.push('');
  lines.push('first /who and first /timeline (unfiltered; then one filtered by a topic) after a warm start, ms wall (CPU); the analysis is loaded from DATA_DIR/analysis, not computed:');
  lines.push('| corpus | cold (build run): /who, /timeline | one-shot (buildDeps only: engine modules load on first use) | server (buildDeps + warmUp: start, then first calls) | analysis file MB, rest built + written ms |');
  lines.push('|---|---|---|---|---|');
  const fc = (x: any, k: string) => `${fmt(x?.[`${k}Ms`])} (${fmt(x?.[`${k}CpuMs`])})`;
  for (const r of rows) {
    lines.push(
      `| ${r.size} | ${fmt(r.who?.firstMs)}, ${fmt(r.timeline?.firstMs)} | /who ${fc(r.warm, 'firstWho')}, /timeline ${fc(r.warm, 'firstTimeline')}, about ${fc(r.warm, 'firstTimelineAbout')} | start ${fmt(r.server?.startMs)} (${fmt(r.server?.startCpuMs)}); /who ${fc(r.server, 'firstWho')}, /timeline ${fc(r.server, 'firstTimeline')}, about ${fc(r.server, 'firstTimelineAbout')}${r.server?.recomputed?.length ? `; RECOMPUTED ${r.server.recomputed.join(', ')}` : ''} | ${fmt(r.analysisFileMb)}, ${fmt(r.analysisRestMs)} |`,
    );
  }
  if (roundtrip) {
    lines.push('');
    if (roundtrip.error) lines.push(`interaction round-trip: not measured (${roundtrip.error})`);
    else {
      lines.push('interaction round-trip through the fake Discord (real discord.js client, router, renderer; seeds, offline engines):');
      for (const l of roundtrip.lines) lines.push(`  ${l.line}`);
    }
  }
  const big = rows.find((r) => r.size === '10000');
  if (big) {
    lines.push('');
    lines.push('targets at 10,000 articles:');
    lines.push(`  build ≤ 60 s: ${fmt(big.buildMs / 1000)} s wall, ${fmt(big.buildCpuMs / 1000)} s CPU ${mark(big.buildMs <= TARGETS.buildMs)}`);
    lines.push(`  warm start ≤ 2 s (buildDeps): ${fmt(big.warm.startMs / 1000)} s ${mark(big.warm.startMs <= TARGETS.warmMs)}`);
    lines.push(`  warm start ≤ 2 s (corpus snapshot + index only): ${fmt(big.snap.startMs / 1000)} s ${mark(big.snap.startMs <= TARGETS.warmMs)}`);
    lines.push(`  /timeline p95 ≤ 20 ms (filtered): ${fmt(big.timeline?.p95)} ms wall, ${fmt(big.timeline?.cpuP95)} ms CPU ${mark(big.timeline?.p95 <= TARGETS.timelineP95)}`);
    lines.push(`  /who first call ≤ 500 ms (server start): ${fmt(big.server?.firstWhoMs)} ms wall, ${fmt(big.server?.firstWhoCpuMs)} ms CPU ${mark(big.server?.firstWhoMs <= TARGETS.whoFirstMs)}; p95 ≤ 20 ms: ${fmt(big.who?.p95)} ms ${mark(big.who?.p95 <= TARGETS.whoP95)}`);
    lines.push(`  /ask p95 ≤ 50 ms: ${fmt(big.ask?.p95)} ms wall, ${fmt(big.ask?.cpuP95)} ms CPU ${mark(big.ask?.p95 <= TARGETS.askP95)}`);
    const rss = Math.max(big.peakRssMb, big.warm.peakRssMb, big.snap.peakRssMb);
    lines.push(`  peak RSS ≤ 1 GB: ${fmt(rss)} MB ${mark(rss <= TARGETS.rssMb)}`);
  }
  const ackP99 = roundtrip?.ackP99;
  if (typeof ackP99 === 'number' && Number.isFinite(ackP99)) {
    lines.push(`  offline interaction round-trip p99 ≤ 50 ms (worst of the runs above): ${fmt(ackP99)} ms ${mark(ackP99 <= TARGETS.ackP99)}`);
  }
  console.log(lines.join('\n'));
  await writeFile(path.join(work, 'results.json'), JSON.stringify({ at: new Date().toISOString(), rows, roundtrip }, null, 2));
}

await main();
