/**
 * Answers of a fixed set of commands, hashed one by one, so two trees (before / after a change
 * that must not change answers) can be compared on a large corpus: `toJson` of each answer (what
 * the CLI's `--json` writes), with the data folder's path replaced by `<data>` (a digest chart
 * names it). Commands come from the corpus itself, deterministically: /who of the most-mentioned
 * entities of each kind, a surname, typos and a missing name; /timeline unfiltered (pages 1, 2)
 * and filtered; the bench's /ask questions; /verify of sentences as written and with a number
 * changed; /compare; a digest.
 *
 *   tsx bench/answers.ts <corpusDir> <dataDir> <out.tsv> [ask=120]      (BENCH_ANSWERS=quick: without /compare and the digest;
 *                                                                        BENCH_ANSWERS_WARM=1: after a server's warm-up)
 *
 * Writes `command \t input \t sha256` lines; compare two files with `diff`.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { buildDeps } from '../src/app.js';
import { createStore } from '../src/store/index.js';
import { silentLogger } from '../src/log.js';
import { runCommand, warmUp, type CommandInput } from '../src/engines/index.js';
import { toJson } from '../src/console/render-text.js';
import { analysisOf } from '../src/analysis/index.js';
import { rng, VOCABULARY } from './generate.js';

const [corpusDir, dataDir, outFile, askArg] = process.argv.slice(2);
if (!corpusDir || !dataDir || !outFile) {
  console.error('usage: tsx bench/answers.ts <corpusDir> <dataDir> <out.tsv> [ask=120]');
  process.exit(2);
}
const nAsk = Number(askArg ?? 120);

const config = loadConfig({ SEEDS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const deps = await buildDeps(config, { log: silentLogger, store: createStore({ kind: 'memory' }), llm: null, clock: () => new Date('2026-12-05T00:00:00Z') });
// BENCH_ANSWERS_WARM=1: the analysis read as a server's warm-up reads it (in slices), before the first command.
await warmUp(process.env.BENCH_ANSWERS_WARM === '1' ? deps : undefined);

const inputs: CommandInput[] = [];
// /who: the most-mentioned entities of each kind (by the stored count), a surname, a first name, typos, nothing.
const a = analysisOf(deps);
const { mentionCount } = await import('../src/analysis/persist.js');
const ranked = a.entities.entities.map((e, i) => ({ e, n: mentionCount(e), i })).sort((x, y) => y.n - x.n || x.i - y.i);
const byKind = (kind: string, n: number) => ranked.filter((x) => x.e.kind === kind).slice(0, n).map((x) => x.e.name);
const people = byKind('person', 10);
for (const name of [...people, ...byKind('organisation', 3), ...byKind('org', 3), ...byKind('place', 3)]) inputs.push({ command: 'who', text: name });
const typo = (s: string) => (s.length > 5 ? s.slice(0, 3) + s.slice(4) : s);
if (people[0]) inputs.push({ command: 'who', text: people[0].split(' ').pop()! }, { command: 'who', text: people[0].split(' ')[0]! }, { command: 'who', text: typo(people[0]) });
if (people[3]) inputs.push({ command: 'who', text: typo(people[3]) });
inputs.push({ command: 'who', text: 'zzzz nothing' }, { command: 'who', text: 'the' });
// /timeline
inputs.push({ command: 'timeline' }, { command: 'timeline', page: 2 });
for (const about of [...VOCABULARY.TOPICS.slice(0, 4), people[1]?.split(' ').pop() ?? 'union', VOCABULARY.PLACES[0]!, 'union leader', 'the']) inputs.push({ command: 'timeline', about });
// /ask: the bench's questions (measure.ts's generator).
const r = rng(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const person = () => `${pick(VOCABULARY.FIRST)} ${pick(VOCABULARY.LAST)}`;
const forms = [
  () => `What did ${person()} say about ${pick(VOCABULARY.TOPICS)}?`,
  () => `How much will ${pick(VOCABULARY.TOPICS)} cost?`,
  () => `When did the dispute over ${pick(VOCABULARY.TOPICS)} begin?`,
  () => `Who met ${person()} in ${pick(VOCABULARY.PLACES)}?`,
  () => `What did ${pick(VOCABULARY.ORGS)} do with ${pick(VOCABULARY.NOUNS)}?`,
  () => `Why are critics of ${pick(VOCABULARY.ORGS)} worried?`,
  () => `What is the price of tea in Peru?`,
  () => `How many ${pick(VOCABULARY.NOUNS)} did ${pick(VOCABULARY.ORGS)} report?`,
  () => `How old is ${person()}?`,
];
for (let i = 0; i < nAsk; i++) inputs.push({ command: 'ask', text: pick(forms)() });
// /verify: sentences with a number, as written and with the number changed; and a few plain claims.
const articles = deps.corpus.articles;
const step = Math.max(1, Math.floor(articles.length / 20));
for (let i = 0; i < articles.length && inputs.filter((x) => x.command === 'verify').length < 40; i += step) {
  const s = articles[i]!.sentences.find((x) => /\b\d{2,}\b/.test(x.text) && x.text.length < 220);
  if (!s) continue;
  inputs.push({ command: 'verify', text: s.text });
  inputs.push({ command: 'verify', text: s.text.replace(/\b(\d{2,})\b/, (m) => String(Number(m) + 7)) });
}
if (people[0]) inputs.push({ command: 'verify', text: `${people[0]} resigned.` }, { command: 'verify', text: `${people[0]} is 52 years old.` });
// /compare and the digest read every article's figures: at 10,000 articles they take many minutes (BENCH_ANSWERS=quick leaves them out).
if (process.env.BENCH_ANSWERS !== 'quick') inputs.push({ command: 'compare' }, { command: 'compare', text: VOCABULARY.TOPICS[0] }, { command: 'digest' });

const lines: string[] = [];
const esc = (s: string) => s.replace(/[\t\n]/g, ' ');
const t0 = performance.now();
for (const input of inputs) {
  let text: string;
  try {
    text = JSON.stringify(toJson(await runCommand(deps, input))).replaceAll(dataDir, '<data>');
  } catch (err) {
    text = `error: ${(err as Error).message}`;
  }
  lines.push(`${input.command}\t${esc(JSON.stringify({ ...input, command: undefined }))}\t${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
  if (lines.length % 20 === 0) console.error(`${lines.length}/${inputs.length} (${input.command})`);
}
writeFileSync(outFile, `${lines.join('\n')}\n`);
console.error(`${inputs.length} answers in ${Math.round(performance.now() - t0)} ms -> ${outFile}`);
process.exit(0);
