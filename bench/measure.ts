/**
 * One benchmark measurement in a fresh process, so each corpus size gets its own
 * peak RSS and a warm start really starts cold (no module or JIT state carried
 * over). Prints exactly one JSON object on stdout; logs go to stderr.
 *
 *   tsx bench/measure.ts build    <corpusDir> <dataDir>   cold build + queries + prompt tokens
 *   tsx bench/measure.ts warm     <corpusDir> <dataDir>   start-up as buildDeps does it (corpus snapshot + persisted index)
 *   tsx bench/measure.ts snapshot <corpusDir> <dataDir>   start-up with the corpus snapshot + persisted index
 *   tsx bench/measure.ts server   <corpusDir> <dataDir>   start-up with the whole warm-up (buildDeps + warmUp), then the first /who and /timeline
 *   tsx bench/measure.ts ready    <corpusDir> <dataDir>   start-up as src/main.ts does it: buildDeps + engine modules (the bot answers), the first
 *                                                          /who and /timeline then, and the rest of warmUp (analysis parts) after them
 *   tsx bench/measure.ts raw      <corpusDir> <dataDir>   a plain MiniSearch over the same passages, queried with the /ask questions (the ratio's baseline)
 *   tsx bench/measure.ts queries  <corpusDir> <dataDir>   a server start, then /timeline about:<topic>, /who and /ask timed as in `build`
 *                                                          (steady state on a loaded analysis; needs a `build` or a server run first;
 *                                                          BENCH_WARM=modules: load the engine modules only, each analysis part is
 *                                                          loaded on first use — for a file holding only the parts these commands read)
 *
 * Times are wall clock and, beside them, this process's CPU time: the machine this
 * runs on is shared, and under contention wall time overstates the work.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { buildDeps } from '../src/app.js';
import { loadCorpus } from '../src/corpus/load.js';
import { buildIndex } from '../src/index/build.js';
import { runCommand, warmUp, type CommandInput } from '../src/engines/index.js';
import { createStore } from '../src/store/index.js';
import { loadCorpusCached } from '../src/scale/corpus-cache.js';
import { silentLogger } from '../src/log.js';
import type { Deps } from '../src/deps.js';
import { ANALYSIS_FILE, analysisStats } from '../src/analysis/file.js';
import type { Corpus } from '../src/types.js';
import { rng, VOCABULARY } from './generate.js';
import { promptTokensOf, startStubOpenai } from '../test/helpers/stub-openai.js';

const [mode, corpusDir, dataDir] = process.argv.slice(2);
if (!mode || !corpusDir || !dataDir) {
  console.error('usage: tsx bench/measure.ts build|warm <corpusDir> <dataDir>');
  process.exit(2);
}

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return Math.round((c.user + c.system) / 100) / 10;
};
/** Peak resident set of this process so far, MB (getrusage maxrss). */
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 100) / 100;
}

/** Questions a reader might ask of this corpus: real names and topics taken from it. */
function questionsFor(corpus: Corpus, n: number): { ask: string[]; who: string[]; about: string[] } {
  const synthetic = corpus.articles.some((a) => a.id.startsWith('gen_'));
  if (!synthetic) {
    const ask = [
      'What did Maduro ask Russia for?', 'How many strikes has the US carried out?', 'Who is Marco Rubio?',
      'When did Trump deploy warships?', 'What did China say about Venezuela?', 'How many troops are in the Caribbean?',
      'What is Cartel de los Soles?', 'Did Trump decide on land strikes?', 'What did Hegseth say?', 'Why is the US targeting drug boats?',
      'What aircraft carrier is heading to the region?', 'What is the price of tea in Peru?',
    ];
    return { ask, who: ['Maduro', 'Rubio', 'Trump', 'Hegseth', 'Xi Jinping'], about: ['strikes', 'Maduro', 'warships'] };
  }
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const people = () => `${pick(VOCABULARY.FIRST)} ${pick(VOCABULARY.LAST)}`;
  const forms = [
    () => `What did ${people()} say about ${pick(VOCABULARY.TOPICS)}?`,
    () => `How much will ${pick(VOCABULARY.TOPICS)} cost?`,
    () => `When did the dispute over ${pick(VOCABULARY.TOPICS)} begin?`,
    () => `Who met ${people()} in ${pick(VOCABULARY.PLACES)}?`,
    () => `What did ${pick(VOCABULARY.ORGS)} do with ${pick(VOCABULARY.NOUNS)}?`,
    () => `Why are critics of ${pick(VOCABULARY.ORGS)} worried?`,
    () => `What is the price of tea in Peru?`,
  ];
  const ask = Array.from({ length: n }, () => pick(forms)());
  return { ask, who: Array.from({ length: 20 }, people), about: [...VOCABULARY.TOPICS.slice(0, 4)] };
}

const NOT_YET = /is not available yet/;

/**
 * Time calls of one command: the first call separately (engines build their entity
 * and date indexes lazily on first use), then the rest until `budgetMs` of wall
 * time is spent, so a slow engine at 10,000 articles cannot stall the whole run.
 */
async function timeCommand(
  deps: Deps,
  inputs: CommandInput[],
  budgetMs = 60_000,
): Promise<{ firstMs: number; p50: number; p95: number; cpuP50: number; cpuP95: number; n: number; answered: number } | { missing: true }> {
  const t0 = performance.now();
  const first = await runCommand(deps, inputs[0]!);
  const firstMs = ms(t0);
  if (!first.answered && NOT_YET.test(first.blocks.map((b) => b.text).join(' '))) return { missing: true };
  const times: number[] = [];
  const cpu: number[] = [];
  let answered = 0;
  const stopAt = performance.now() + budgetMs;
  for (const input of inputs.slice(1)) {
    const t = performance.now();
    const c = process.cpuUsage();
    const a = await runCommand(deps, input);
    times.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
    if (a.answered) answered++;
    if (performance.now() > stopAt) break;
  }
  return { firstMs, p50: percentile(times, 50), p95: percentile(times, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), n: times.length, answered };
}

async function build(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const corpus = await loadCorpus(corpusDir!);
  const loadMs = ms(t0);
  const loadCpuMs = cpuMs(c0);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const index = await buildIndex(corpus, { cacheDir: path.join(dataDir!, 'index') });
  const indexMs = ms(t1);
  const indexCpuMs = cpuMs(c1);
  console.error(`built: load ${loadMs} ms (cpu ${loadCpuMs}), index ${indexMs} ms (cpu ${indexCpuMs})`);
  // Write the corpus snapshot the 'snapshot' warm start reads (not part of the build time).
  await loadCorpusCached(corpusDir!, { cacheDir: path.join(dataDir!, 'corpus') });
  const config = loadConfig({ SEEDS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const store = createStore({ kind: 'memory' });
  // The analysis persists where buildDeps looks for it, so the warm starts below load it.
  const deps: Deps = { corpus, index, store, clock: () => new Date(), config, log: silentLogger, analysis: { dir: path.join(dataDir!, 'analysis') } };

  const q = questionsFor(corpus, 200);
  // Warm the JIT a little so p50 reflects steady state, not first-call compilation.
  for (const question of q.ask.slice(0, 10)) await runCommand(deps, { command: 'ask', text: question });
  const ask = await timeCommand(deps, q.ask.map((text) => ({ command: 'ask' as const, text })), 45_000);
  console.error(`ask: ${JSON.stringify(ask)}`);
  const who = await timeCommand(deps, Array.from({ length: 101 }, (_, i) => ({ command: 'who' as const, text: q.who[i % q.who.length] })), 20_000);
  console.error(`who: ${JSON.stringify(who)}`);
  // The first timeline call is unfiltered (the whole story); the rest filter by a topic.
  const timeline = await timeCommand(deps, [{ command: 'timeline' }, ...Array.from({ length: 50 }, (_, i) => ({ command: 'timeline' as const, about: q.about[i % q.about.length] }))], 20_000);
  console.error(`timeline: ${JSON.stringify(timeline)}`);
  // The rest of the analysis (figures, digest figures) and writing it: what a server does once per corpus version.
  const ta = performance.now();
  const ca = process.cpuUsage();
  await (await import('../src/analysis/index.js')).warmAnalysis(deps);
  const analysisRestMs = ms(ta);
  const analysisRestCpuMs = cpuMs(ca);
  const analysisFileMb = Math.round(statSync(path.join(dataDir!, 'analysis', ANALYSIS_FILE)).size / 1e5) / 10;
  console.error(`analysis: rest built + persisted in ${analysisRestMs} ms (cpu ${analysisRestCpuMs}), file ${analysisFileMb} MB`);

  // Prompt tokens per /ask: the same engine with the model layer pointed at the stub server.
  const stub = await startStubOpenai();
  let prompt: Record<string, unknown>;
  try {
    const { createLlm } = await import('../src/llm/index.js');
    const llmConfig = loadConfig({ ...process.env, SEEDS_DIR: corpusDir, DATA_DIR: dataDir, OPENAI_API_KEY: 'stub', OPENAI_BASE_URL: stub.baseURL, LOG_LEVEL: 'silent' });
    const llm = createLlm(llmConfig, { store, log: silentLogger, corpusVersion: corpus.version });
    const withLlm: Deps = { ...deps, llm, config: llmConfig };
    const tokens: number[] = [];
    for (const text of q.ask.slice(0, 20)) {
      const before = stub.requests.length;
      await runCommand(withLlm, { command: 'ask', text });
      for (const req of stub.requests.slice(before)) tokens.push(promptTokensOf(req));
    }
    prompt = {
      calls: tokens.length,
      mean: tokens.length ? Math.round(tokens.reduce((a, b) => a + b, 0) / tokens.length) : null,
      max: tokens.length ? Math.max(...tokens) : null,
      budget: llmConfig.OPENAI_PROMPT_TOKEN_BUDGET,
    };
  } finally {
    await stub.close();
  }
  await store.close();
  return {
    articles: corpus.articles.length,
    passages: index.size,
    loadMs,
    indexMs,
    buildMs: Math.round((loadMs + indexMs) * 10) / 10,
    buildCpuMs: Math.round((loadCpuMs + indexCpuMs) * 10) / 10,
    ask,
    who,
    timeline,
    promptTokens: prompt,
    analysisRestMs,
    analysisRestCpuMs,
    analysisFileMb,
    peakRssMb: peakRssMb(),
  };
}

/** The first /who and the first (unfiltered) /timeline on `deps`, wall and CPU. */
async function firstCalls(deps: Deps): Promise<Record<string, number>> {
  const q = questionsFor(deps.corpus, 1);
  const out: Record<string, number> = {};
  for (const [key, input] of [
    ['firstWho', { command: 'who', text: q.who[0] }],
    ['firstTimeline', { command: 'timeline' }],
    ['firstTimelineAbout', { command: 'timeline', about: q.about[0] }],
  ] as [string, CommandInput][]) {
    const t = performance.now();
    const c = process.cpuUsage();
    await runCommand(deps, input);
    out[`${key}Ms`] = ms(t);
    out[`${key}CpuMs`] = cpuMs(c);
  }
  return out;
}

async function warm(): Promise<Record<string, unknown>> {
  // What the bot does at start-up: config → corpus (snapshot) → persisted index (not rebuilt).
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const config = loadConfig({ SEEDS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const deps = await buildDeps(config, { log: silentLogger, store: createStore({ kind: 'memory' }), llm: null });
  const totalMs = ms(t0);
  const totalCpuMs = cpuMs(c0);
  // The persisted-index part alone, measured again in isolation on the loaded corpus.
  const t1 = performance.now();
  const again = await buildIndex(deps.corpus, { cacheDir: path.join(dataDir!, 'index') });
  const indexLoadMs = ms(t1);
  // A one-shot front door (CLI): the first commands load their engine modules and hydrate the persisted analysis.
  const first = await firstCalls(deps);
  return { startMs: totalMs, startCpuMs: totalCpuMs, indexLoadMs, fromCache: again.fromCache, ...first, peakRssMb: peakRssMb() };
}

async function server(): Promise<Record<string, unknown>> {
  // A server's start-up: buildDeps, then warmUp (engine modules + the analysis, loaded from DATA_DIR/analysis).
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const config = loadConfig({ SEEDS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const built = { ...analysisStats.built };
  const deps = await buildDeps(config, { log: silentLogger, store: createStore({ kind: 'memory' }), llm: null });
  await warmUp(deps);
  const startMs = ms(t0);
  const startCpuMs = cpuMs(c0);
  const first = await firstCalls(deps);
  const recomputed = Object.entries(analysisStats.built).filter(([k, n]) => n !== built[k as keyof typeof built]).map(([k]) => k);
  return { startMs, startCpuMs, ...first, analysisLoaded: analysisStats.loaded, recomputed, peakRssMb: peakRssMb() };
}

/**
 * A server start as src/main.ts does it now: buildDeps and the engine modules, then the front
 * door answers (`ready`) while the analysis warms; the first /who and /timeline are timed right
 * after ready (each reads the sections of the parts it needs), then the rest of the warm-up.
 */
async function ready(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const config = loadConfig({ SEEDS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const built = { ...analysisStats.built };
  const deps = await buildDeps(config, { log: silentLogger, store: createStore({ kind: 'memory' }), llm: null });
  const depsMs = ms(t0);
  const depsCpuMs = cpuMs(c0);
  await warmUp();
  const readyMs = ms(t0);
  const readyCpuMs = cpuMs(c0);
  const first = await firstCalls(deps);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  await warmUp(deps);
  const restMs = ms(t1);
  const restCpuMs = cpuMs(c1);
  const recomputed = Object.entries(analysisStats.built).filter(([k, n]) => n !== built[k as keyof typeof built]).map(([k]) => k);
  return { depsMs, depsCpuMs, readyMs, readyCpuMs, ...first, restOfWarmUpMs: restMs, restOfWarmUpCpuMs: restCpuMs, sectionsRead: analysisStats.sectionsRead, recomputed, peakRssMb: peakRssMb() };
}

async function snapshot(): Promise<Record<string, unknown>> {
  // Start-up with the corpus snapshot (src/scale/corpus-cache.ts) instead of parsing every file.
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { corpus, reused, parsed } = await loadCorpusCached(corpusDir!, { cacheDir: path.join(dataDir!, 'corpus') });
  const corpusMs = ms(t0);
  const index = await buildIndex(corpus, { cacheDir: path.join(dataDir!, 'index') });
  return { startMs: ms(t0), startCpuMs: cpuMs(c0), corpusMs, reused, parsed, fromCache: index.fromCache, peakRssMb: peakRssMb() };
}

/**
 * The baseline for /ask: a plain MiniSearch (default options, `text` field) over the same
 * passages, queried with the same 200 questions, timed the same way.
 */
async function raw(): Promise<Record<string, unknown>> {
  const MiniSearch = (await import('minisearch')).default;
  const { corpus } = await loadCorpusCached(corpusDir!, { cacheDir: path.join(dataDir!, 'corpus') });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const ms0 = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  ms0.addAll(corpus.articles.flatMap((a) => a.paragraphs.map((p) => ({ id: p.id, text: p.sentences.map((x) => x.text).join(' ') }))));
  const buildMs = ms(t0);
  const buildCpuMs = cpuMs(c0);
  const q = questionsFor(corpus, 200);
  for (const question of q.ask.slice(0, 10)) ms0.search(question);
  const times: number[] = [];
  const cpu: number[] = [];
  for (const question of q.ask.slice(1)) {
    const t = performance.now();
    const c = process.cpuUsage();
    ms0.search(question).slice(0, 20);
    times.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { buildMs, buildCpuMs, p50: percentile(times, 50), p95: percentile(times, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), n: times.length, peakRssMb: peakRssMb() };
}

/**
 * Steady state after a server start, without a cold build: the /who and filtered /timeline
 * calls of `build`, timed the same way, on the analysis a previous run persisted.
 */
async function queries(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const config = loadConfig({ SEEDS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const built = { ...analysisStats.built };
  const deps = await buildDeps(config, { log: silentLogger, store: createStore({ kind: 'memory' }), llm: null });
  await warmUp(process.env.BENCH_WARM === 'modules' ? undefined : deps);
  const startMs = ms(t0);
  const startCpuMs = cpuMs(c0);
  const q = questionsFor(deps.corpus, 1);
  const timeline = await timeCommand(deps, Array.from({ length: 51 }, (_, i) => ({ command: 'timeline' as const, about: q.about[i % q.about.length] })), 20_000);
  console.error(`timeline: ${JSON.stringify(timeline)}`);
  const who = await timeCommand(deps, Array.from({ length: 101 }, (_, i) => ({ command: 'who' as const, text: q.who[i % q.who.length] })), 20_000);
  console.error(`who: ${JSON.stringify(who)}`);
  // /ask as in `build` (10 untimed first, then the bench's questions), after the warm-up: BENCH_QUERIES_ASK=0 leaves it out.
  let ask: Awaited<ReturnType<typeof timeCommand>> | undefined;
  if (process.env.BENCH_QUERIES_ASK !== '0') {
    const qa = questionsFor(deps.corpus, 200);
    for (const question of qa.ask.slice(0, 10)) await runCommand(deps, { command: 'ask', text: question });
    ask = await timeCommand(deps, qa.ask.map((text) => ({ command: 'ask' as const, text })), 45_000);
    console.error(`ask: ${JSON.stringify(ask)}`);
  }
  const recomputed = Object.entries(analysisStats.built).filter(([k, n]) => n !== built[k as keyof typeof built]).map(([k]) => k);
  return { startMs, startCpuMs, timeline, who, ...(ask ? { ask } : {}), recomputed, peakRssMb: peakRssMb() };
}

const out = mode === 'ready' ? await ready() : mode === 'queries' ? await queries() : mode === 'raw' ? await raw() : mode === 'warm' ? await warm() : mode === 'snapshot' ? await snapshot() : mode === 'server' ? await server() : await build();
process.stdout.write(JSON.stringify(out) + '\n');
// What this run built is kept for the next (a 10,000-article analysis is tens of CPU minutes): finish its write first.
await (await import('../src/analysis/file.js')).flushAnalysisWrites();
process.exit(0);
