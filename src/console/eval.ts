/**
 * `npm run eval -- <questions.json> <corpus-dir> [--json <out>] [--with-model]`
 *
 * Runs a question set (../shared/design/EVAL-FORMAT.md) against one corpus folder through
 * the same engines every front door uses, in one process, and prints every failure and the
 * totals by category. The quote check here is deliberately independent of the engines' own
 * verbatim check: an evaluator must not share the code it judges.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { buildDeps } from '../app.js';
import { CorpusError } from '../corpus/load.js';
import { runCommand, COMMANDS, type CommandInput } from '../engines/index.js';
import { createLogger } from '../log.js';
import type { Deps } from '../deps.js';
import type { CommandName } from '../types.js';
import { toJson } from './render-text.js';

const Must = z.array(z.array(z.string()).min(1));
const Cmd = z.array(z.string()).min(1);
const QuestionSet = z.object({
  about: z.string().optional(),
  cases: z
    .array(
      z.object({
        id: z.string(),
        cmd: Cmd,
        must: Must.optional(),
        cite: z.array(z.string()).optional(),
        refuse: z.boolean().optional(),
      }),
    )
    .default([]),
  followups: z
    .array(z.object({ id: z.string(), turns: z.array(Cmd).min(1), must: Must.optional(), cite: z.array(z.string()).optional(), refuse: z.boolean().optional() }))
    .default([]),
  timeline: z
    .object({
      must_events: z.array(z.object({ id: z.string(), date: z.string(), must: Must.default([]) })).default([]),
      must_not_dates: z.array(z.string()).default([]),
    })
    .optional(),
  verify: z.array(z.object({ id: z.string().optional(), claim: z.string(), verdict: z.string() })).default([]),
});
export type QuestionSet = z.infer<typeof QuestionSet>;

/** Fold what the format allows to differ: case, whitespace, curly quotes and dashes. */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Every group has one alternative in the text. Returns the groups that failed. */
export function missingGroups(text: string, must: string[][] = []): string[][] {
  const t = fold(text);
  return must.filter((group) => !group.some((alt) => t.includes(fold(alt))));
}

/**
 * Questions that ask for one fact by their form (a number, a time, a name, a place, a cause): their
 * answer must name it in `short`. Decided by the question's opening words alone, not by the engine.
 */
const FACT_QUESTION = /^\s*(?:and\s+|so\s+)?(?:how\s+(?:many|much|old|long|far|fast|heavy|deep|tall|high|big|wide|often)\b|when\b|what\s+time\b|what\s+(?:year|date|day|month)\b|who\b|whom\b|whose\b|where\b|which\b|why\b|what\s+(?:caused|killed)\b|what(?:'s|’s|\s+is|\s+was)\s+(?:the\s+)?name\b)/i;

/**
 * Why an ask answer's `short` is not right, or null when it is: it must name the fact (meet
 * `must`) and each of its pieces must be verbatim in the quote of the citation it marks
 * ("roughly 10,000 [1], up from 4,500 troops in August [2]").
 */
export function shortProblem(short: string | null | undefined, citations: { n: number; quote: string }[], must: string[][] = [], question = ''): string | null {
  // A question that names no single fact ("what did X say?", "did anyone die?") may have none.
  if (!short) return FACT_QUESTION.test(question) ? 'no short answer' : null;
  const miss = missingGroups(short, must);
  if (miss.length) return `short ${JSON.stringify(short)} lacks ${miss.map((g) => g.join('|')).join(' & ')}`;
  const parts = short.split(/\[(\d+)\]/);
  if (parts.length < 3) return `short ${JSON.stringify(short)} carries no citation marker`;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const piece = fold(parts[i]!).replace(/^[\s,;:()–—-]+|[\s,;:()–—-]+$/g, '').replace(/^(?:and|or|vs\.?|versus|but|up from|down from)\s+/, '');
    const quote = citations.find((c) => c.n === Number(parts[i + 1]))?.quote;
    if (piece && (!quote || !quoteInFile(quote, piece))) return `short piece ${JSON.stringify(piece)} is not in the quote of [${parts[i + 1]}]`;
  }
  return null;
}

/** The quote is in the file word for word; `…` joins fragments that are each verbatim. */
export function quoteInFile(fileText: string, quote: string): boolean {
  const hay = fold(fileText);
  const parts = quote.split(/\u2026|\.\.\./).map((p) => fold(p)).filter((p) => p.length > 0);
  return parts.length > 0 && parts.every((p) => hay.includes(p));
}

interface Json {
  answered: boolean;
  text: string;
  /** ask: the answer in a few words with its [n] markers, or null. */
  short?: string | null;
  citations: { n: number; source: string; quote: string }[];
  verdict?: string;
  events?: { date: string | null; text: string }[];
  entity?: { name: string; kind: string; description?: string };
}

export interface Failure {
  category: string;
  id: string;
  why: string;
}
export interface EvalResult {
  totals: Record<string, { pass: number; total: number }>;
  failures: Failure[];
}

function toInput(cmd: string[], session?: string): CommandInput {
  const [name, ...rest] = cmd;
  if (!COMMANDS.includes(name as CommandName)) throw new Error(`unknown command "${name}"`);
  const input: CommandInput = { command: name as CommandName };
  const words: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--about' || a === '--from' || a === '--to') {
      input[a.slice(2) as 'about' | 'from' | 'to'] = rest[++i];
    } else words.push(a);
  }
  if (words.length) input.text = words.join(' ');
  if (session) input.session = session;
  return input;
}

/** Run a question set against already-built dependencies. */
export async function evaluate(deps: Deps, set: QuestionSet, corpusDir: string, onCase?: (line: string) => void): Promise<EvalResult> {
  const totals: EvalResult['totals'] = {};
  const failures: Failure[] = [];
  const files = new Map<string, string>();
  const fileText = (source: string): string | undefined => {
    if (!files.has(source)) {
      try {
        files.set(source, fs.readFileSync(path.join(corpusDir, source), 'utf8'));
      } catch {
        files.set(source, '');
      }
    }
    return files.get(source) || undefined;
  };
  const tally = (category: string, id: string, why: string | null) => {
    const t = (totals[category] ??= { pass: 0, total: 0 });
    t.total++;
    if (why === null) t.pass++;
    else failures.push({ category, id, why });
    if (category !== 'verbatim' || why !== null) onCase?.(`${why === null ? 'ok  ' : 'FAIL'} ${category.padEnd(9)} ${id}${why === null ? '' : ` — ${why}`}`);
  };
  const run = async (cmd: string[], session?: string): Promise<Json> => {
    const answer = await runCommand(deps, toInput(cmd, session));
    const j = toJson(answer) as unknown as Json;
    for (const c of j.citations) {
      const text = fileText(c.source);
      const ok = text !== undefined && quoteInFile(text, c.quote);
      tally('verbatim', `${cmd.join(' ').slice(0, 60)} [${c.n}]`, ok ? null : `quote not in ${c.source}: “${c.quote.slice(0, 120)}”`);
    }
    return j;
  };
  const short = (s: string) => JSON.stringify(s.replace(/\s+/g, ' ').slice(0, 160));
  const judge = (j: Json, c: { must?: string[][]; cite?: string[]; refuse?: boolean }): string | null => {
    if (c.refuse) return !j.answered || j.citations.length === 0 ? null : `answered instead of refusing: ${short(j.text)}`;
    if (!j.answered) return `refused: ${short(j.text)}`;
    const body = [j.text, j.entity ? `${j.entity.name} ${j.entity.description ?? ''}` : ''].join('\n');
    const miss = missingGroups(body, c.must);
    if (miss.length) return `missing ${miss.map((g) => g.join('|')).join(' & ')} in ${short(j.text)}`;
    if (c.cite?.length && !j.citations.some((x) => c.cite!.some((p) => x.source.startsWith(p)))) {
      return `cites ${[...new Set(j.citations.map((x) => x.source.slice(0, 12)))].join(', ') || 'nothing'}, wanted ${c.cite.join('|')}`;
    }
    return null;
  };

  for (const c of set.cases) {
    const category = c.refuse ? 'refuse' : c.cmd[0] === 'ask' ? 'ask' : c.cmd[0]!;
    let why: string | null;
    let j: Json | undefined;
    try {
      j = await run(c.cmd);
      why = judge(j, c);
    } catch (err) {
      why = `error: ${(err as Error).message}`;
    }
    tally(category, c.id, why);
    if (category === 'ask') tally('short', c.id, j ? shortProblem(j.short, j.citations, c.must, c.cmd.slice(1).join(' ')) : 'no answer');
  }
  for (const f of set.followups) {
    let why: string | null;
    let last: Json | undefined;
    try {
      const session = `eval:${f.id}:${process.pid}:${Date.now()}`;
      for (const turn of f.turns) last = await run(turn, session);
      why = judge(last!, f);
    } catch (err) {
      why = `error: ${(err as Error).message}`;
    }
    tally(f.refuse ? 'refuse' : 'follow-up', f.id, why);
    if (!f.refuse && f.turns.at(-1)?.[0] === 'ask') tally('short', f.id, last ? shortProblem(last.short, last.citations, f.must, f.turns.at(-1)!.slice(1).join(' ')) : 'no answer');
  }
  if (set.timeline) {
    const j = await run(['timeline']);
    const events = j.events ?? [];
    for (const e of set.timeline.must_events) {
      const hit = events.some((ev) => (ev.date ?? '').startsWith(e.date) && missingGroups(ev.text, e.must).length === 0);
      const near = events.filter((ev) => missingGroups(ev.text, e.must).length === 0).map((ev) => ev.date ?? 'undated');
      tally('timeline', e.id, hit ? null : `no event on ${e.date} with ${e.must.map((g) => g.join('|')).join(' & ')}${near.length ? ` (found on ${[...new Set(near)].slice(0, 4).join(', ')})` : ''}`);
    }
    const dated = events.map((e) => e.date).filter((d): d is string => !!d);
    const ordered = dated.every((d, i) => i === 0 || dated[i - 1]!.slice(0, d.length) <= d || dated[i - 1]! <= d);
    tally('timeline', 'order', ordered ? null : 'dated events are not in chronological order');
    const bad = dated.filter((d) => set.timeline!.must_not_dates.some((p) => d.startsWith(p)));
    tally('timeline', 'no-bad-dates', bad.length ? `dates that must not appear: ${[...new Set(bad)].join(', ')}` : null);
  }
  for (const [i, v] of set.verify.entries()) {
    let why: string | null;
    try {
      const j = await run(['verify', v.claim]);
      why = j.verdict === v.verdict ? null : `"${v.claim}": got ${j.verdict ?? 'no verdict'}, wanted ${v.verdict}`;
    } catch (err) {
      why = `error: ${(err as Error).message}`;
    }
    tally('verify', v.id ?? `v${i + 1}`, why);
  }
  return { totals, failures };
}

const ORDER = ['ask', 'refuse', 'short', 'who', 'follow-up', 'timeline', 'verify', 'verbatim'];

export function formatTotals(totals: EvalResult['totals']): string {
  const keys = [...ORDER.filter((k) => totals[k]), ...Object.keys(totals).filter((k) => !ORDER.includes(k))];
  const pct = (p: number, t: number) => (t ? `${Math.round((100 * p) / t)}%` : '-');
  return keys.map((k) => `${k.padEnd(10)} ${String(totals[k]!.pass).padStart(3)}/${String(totals[k]!.total).padEnd(3)} ${pct(totals[k]!.pass, totals[k]!.total)}`).join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'string' }, 'with-model': { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
  });
  const [setPath, corpusDir] = positionals;
  if (!setPath || !corpusDir) {
    process.stderr.write('usage: npm run eval -- <questions.json> <corpus-dir> [--json <out.json>] [--with-model] [-q]\n');
    return 2;
  }
  let set: QuestionSet;
  try {
    set = QuestionSet.parse(JSON.parse(fs.readFileSync(setPath, 'utf8')));
  } catch (err) {
    process.stderr.write(`eval: ${setPath}: ${(err as Error).message.split('\n').slice(0, 6).join(' ')}\n`);
    return 2;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-eval-'));
  const env: NodeJS.ProcessEnv = { SEEDS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: 'error' };
  if (values['with-model']) for (const [k, v] of Object.entries(process.env)) if (k.startsWith('OPENAI_')) env[k] = v;
  const config = loadConfig(env);
  let deps: Deps;
  try {
    deps = await buildDeps(config, { log: createLogger('error'), storeKind: 'memory', persistIndex: false });
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!(err instanceof CorpusError)) throw err;
    process.stderr.write(`eval: ${corpusDir}: ${err.message.split('\n')[0]}\n`);
    return 2;
  }
  try {
    const t0 = Date.now();
    // A file the loader could not use changes what the set measures: say so before any figure.
    for (const w of deps.corpus.warnings) process.stderr.write(`eval: skipped ${w.file}: ${w.reason}\n`);
    const result = await evaluate(deps, set, config.seedsDir, values.quiet ? undefined : (l) => process.stdout.write(`${l}\n`));
    const skipped = deps.corpus.warnings.length ? `, ${deps.corpus.warnings.length} file${deps.corpus.warnings.length === 1 ? '' : 's'} skipped` : '';
    process.stdout.write(`\n${path.basename(setPath)} on ${corpusDir} (${deps.corpus.articles.length} articles${skipped}, ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    if (result.failures.length) {
      process.stdout.write(`\nFailures (${result.failures.length}):\n`);
      for (const f of result.failures) process.stdout.write(`  ${f.category.padEnd(9)} ${f.id}: ${f.why}\n`);
    }
    process.stdout.write(`\nTotals\n${formatTotals(result.totals)}\n`);
    if (values.json) fs.writeFileSync(values.json, JSON.stringify({ set: setPath, corpus: corpusDir, ...result }, null, 2));
    return 0;
  } finally {
    await deps.store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      setTimeout(() => process.exit(code), 50).unref();
    },
    (err) => {
      process.stderr.write(`eval: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
