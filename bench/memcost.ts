/**
 * What each part of a warm start holds in memory: heap + external after a full GC, added as each
 * part is loaded from a persisted analysis (in the order a server's warm-up loads them). Needs a data
 * folder a `measure.ts server` (or `build`) run wrote, and `--expose-gc`:
 *
 *   node --expose-gc --import tsx bench/memcost.ts <corpusDir> <dataDir>
 *
 * Prints one JSON object: MB per part, the total, and peak RSS.
 */
import { loadConfig } from '../src/config.js';
import { buildDeps } from '../src/app.js';
import { createStore } from '../src/store/index.js';
import { silentLogger } from '../src/log.js';
import { analysisOf } from '../src/analysis/index.js';
import { entityLookupOf } from '../src/analysis/entity-lookup.js';

const [corpusDir, dataDir] = process.argv.slice(2);
if (!corpusDir || !dataDir) {
  console.error('usage: node --expose-gc --import tsx bench/memcost.ts <corpusDir> <dataDir>');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with --expose-gc');
  process.exit(2);
}

const held = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const mb = (b: number) => Math.round(b / 1e5) / 10;

const out: Record<string, number> = {};
let last = held();
out.baseline = mb(last);
// Measured a turn of the event loop later: a WeakRef's target made or read in this job is held until the job ends.
const step = async (name: string, fn: () => unknown) => {
  const keep = fn();
  await new Promise((resolve) => setImmediate(resolve));
  const now = held();
  out[name] = mb(now - last);
  last = now;
  return keep;
};

const config = loadConfig({ SEEDS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const deps = await buildDeps(config, { log: silentLogger, store: createStore({ kind: 'memory' }), llm: null });
out.buildDeps = mb(held() - last);
last = held();
const a = analysisOf(deps);
const keep: unknown[] = [];
await step('entities (heads, lookup keys)', () => a.entities);
await step('facts (stored lists)', () => a.facts);
await step('names', () => a.names);
await step('name postings (lookup)', () => entityLookupOf(a.entities).warm());
await step('related', () => a.related);
await step('ageFacts', () => a.ageFacts);
await step('profileIndex', () => a.profileIndex);
await step('events', () => a.events);
await step('eventIndex', () => a.eventIndex);
await step('sentenceDates', () => a.sentenceDates);
// The warm-up holds the figure facts' index (each fact read from the file when asked for), not the facts: BENCH_FIGURE_FACTS=whole reads them whole as before.
if (process.env.BENCH_FIGURE_FACTS === 'whole') await step('figureFacts', () => a.figureFacts);
else await step('figureFactIndex', () => a.figureFactIndex);
// Read an article at a time from the file when asked for: held here is what every article's read leaves (the last few kept).
await step('figures (by sentence, every article read)', () => {
  for (const list of a.figures.values()) void list;
});
// Made when read (their one reader, the disagreements, is kept per corpus): what is left held after a read.
await step('plainCounts (not kept)', () => void a.plainCounts);
await step('quotes', () => a.quotes);
await step('attribution', () => a.attribution);
await step('references', () => a.references);
await step('relations', () => a.relations);
await step('every entity mentions + facts hydrated', () => {
  for (const e of a.entities.entities) {
    void e.mentions;
    a.facts.quotes.get(e);
    a.facts.actions.get(e);
  }
});
// What the analysis holds after every article's digest figures were asked for (as a digest run asks): they are read
// from the file an article at a time and the last few kept. BENCH_DIGEST=keep holds every article's list here too (the
// figures of the whole corpus, as before they were read from the file).
await step('digest figures (every article)', () => {
  const latest = a.corpus.articles.map((x) => x.date).filter((d): d is string => !!d).sort().pop() ?? null;
  for (const x of a.corpus.articles) {
    const list = a.digestFigures(x, x.date ?? latest);
    if (process.env.BENCH_DIGEST === 'keep') keep.push(list);
  }
});
out.total = mb(last);
out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify(out, null, 1));
