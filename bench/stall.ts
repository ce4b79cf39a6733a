/**
 * The corpus-wide commands against the event loop: after a server's start-up (buildDeps + warmUp), the first /compare
 * and then digests, each timed in CPU and wall clock, with the longest gap between 1 ms timers while it ran — the
 * longest an interaction arriving meanwhile would wait — and how many turns the event loop got.
 *
 *   tsx bench/stall.ts <corpusDir> <dataDir>          (ONLY=compare,digest,digest by default; any list of the two)
 *
 * At 10,000 articles run it with NODE_OPTIONS=--max-old-space-size=12000 and a data dir a `measure.ts server` run filled.
 */
import { loadConfig } from '../src/config.js';
import { buildDeps } from '../src/app.js';
import { runCommand, warmUp } from '../src/engines/index.js';
import { createStore } from '../src/store/index.js';
import { silentLogger } from '../src/log.js';

const [corpus, data] = process.argv.slice(2);
if (!corpus || !data) {
  process.stderr.write('usage: tsx bench/stall.ts <corpusDir> <dataDir>\n');
  process.exit(2);
}
const config = loadConfig({ SEEDS_DIR: corpus, DATA_DIR: data, LOG_LEVEL: 'silent' });
const deps = await buildDeps(config, { log: silentLogger, store: createStore({ kind: 'memory' }), llm: null });
await warmUp(deps);
let last = performance.now();
let worst = 0;
let turns = 0;
const timer = setInterval(() => {
  const now = performance.now();
  worst = Math.max(worst, now - last);
  last = now;
  turns++;
}, 1);
const results: Record<string, unknown>[] = [];
for (const name of (process.env.ONLY ?? 'compare,digest,digest').split(',')) {
  if (name !== 'compare' && name !== 'digest') continue;
  await new Promise((r) => setTimeout(r, 20));
  worst = 0;
  turns = 0;
  last = performance.now();
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  await runCommand(deps, { command: name });
  const c = process.cpuUsage(c0);
  const wallMs = performance.now() - w0;
  await new Promise((r) => setTimeout(r, 5));
  const row = { command: name, cpuMs: Math.round((c.user + c.system) / 1000), wallMs: Math.round(wallMs), longestStallMs: Math.round(worst), turns };
  process.stderr.write(`${JSON.stringify(row)}\n`);
  results.push(row);
}
clearInterval(timer);
process.stdout.write(`${JSON.stringify({ corpus, results })}\n`);
process.exit(0);
