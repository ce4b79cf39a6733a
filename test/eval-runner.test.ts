import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { TSX, cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import type { Deps } from '../src/deps.js';
import { evaluate, fold, missingGroups, quoteInFile, shortProblem } from '../src/console/eval.js';

afterAll(cleanupTempDirs);

describe('eval helpers', () => {
  it.each([
    ['He said “no” — twice', 'he said "no" - twice'],
    ['  A\u00A0 B\n C ', 'a b c'],
    ['it’s', "it's"],
  ])('fold(%j)', (input, want) => expect(fold(input)).toBe(want));

  it('every group needs one alternative', () => {
    expect(missingGroups('About 10,000 troops', [['10,000', '10000'], ['troops']])).toEqual([]);
    expect(missingGroups('About 10,000 troops', [['10,000'], ['sailors', 'marines']])).toEqual([['sailors', 'marines']]);
  });

  it('quotes: verbatim, fragments joined by …, or not', () => {
    const file = 'The ship “ran aground” on Tuesday.\nIt was   refloated on Monday.';
    expect(quoteInFile(file, 'The ship "ran aground" on Tuesday.')).toBe(true);
    expect(quoteInFile(file, 'The ship “ran aground” … refloated on Monday.')).toBe(true);
    expect(quoteInFile(file, 'The ship ran aground on Wednesday.')).toBe(false);
    expect(quoteInFile(file, '…')).toBe(false);
  });

  it('short: names the fact, each piece verbatim in the quote its marker cites', () => {
    const cites = [
      { n: 1, quote: 'The force has grown to roughly 10,000 troops.' },
      { n: 2, quote: 'It was up from 4,500 troops in August.' },
    ];
    expect(shortProblem('roughly 10,000 [1], up from 4,500 troops in August [2]', cites, [['10,000']])).toBeNull();
    expect(shortProblem('roughly 10,000 [2]', cites, [['10,000']])).toMatch(/not in the quote of \[2\]/);
    expect(shortProblem('roughly 10,000', cites, [['10,000']])).toMatch(/no citation marker/);
    expect(shortProblem('4,500 [2]', cites, [['10,000']])).toMatch(/lacks 10,000/);
    expect(shortProblem(null, cites, [['10,000']], 'how many troops are there?')).toMatch(/no short answer/);
    // a question that names no single fact may have none
    expect(shortProblem(null, cites, [['10,000']], 'what did he say about the troops?')).toBeNull();
  });
});

describe('evaluate() on the seeds', () => {
  let deps: Deps;
  const seeds = path.resolve('seeds');
  beforeAll(async () => {
    const config = loadConfig({ SEEDS_DIR: seeds, DATA_DIR: '/tmp/dispatch-eval-test', LOG_LEVEL: 'silent' });
    deps = await buildDeps(config, { log: createLogger('silent'), storeKind: 'memory', persistIndex: false });
  });
  afterAll(async () => deps?.store.close());

  it('judges answers, refusals, timelines and verdicts by content', async () => {
    const r = await evaluate(
      deps,
      {
        cases: [
          { id: 'right', cmd: ['ask', 'how many troops are out there now?'], must: [['10,000', '10000']], cite: ['000'] },
          { id: 'wrong-fact', cmd: ['ask', 'how many troops are out there now?'], must: [['a fact no article holds']] },
          { id: 'wrong-cite', cmd: ['ask', 'how many troops are out there now?'], must: [['10,000', '10000']], cite: ['999'] },
          { id: 'refused', cmd: ['ask', "what's venezuela's population?"], refuse: true },
        ],
        followups: [],
        timeline: { must_events: [{ id: 't-ford', date: '2025-10-24', must: [['Ford']] }], must_not_dates: ['2025'] },
        verify: [{ claim: 'The reward is $10 million', verdict: 'supported' }],
      },
      seeds,
    );
    // `short` (the answer in a few words) is judged in its own category.
    const failed = r.failures.filter((f) => f.category !== 'short').map((f) => f.id);
    expect(failed).toEqual(expect.arrayContaining(['wrong-fact', 'wrong-cite', 'no-bad-dates', 'v1']));
    expect(failed).not.toContain('right');
    expect(failed).not.toContain('refused');
    expect(failed).not.toContain('t-ford');
    expect(r.totals.ask).toEqual({ pass: 1, total: 3 });
    expect(r.totals.refuse).toEqual({ pass: 1, total: 1 });
    expect(r.totals.verbatim!.pass).toBe(r.totals.verbatim!.total);
    expect(r.failures.find((f) => f.id === 'v1')!.why).toMatch(/got contradicted, wanted supported/);
  });
});

describe('npm run eval: bad input gets one clear line and exit 2', () => {
  const evalCli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(TSX, ['src/console/eval.ts', ...args], { timeout: 120_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it.each([
    ['no arguments', [] as string[], /usage: npm run eval/],
    ['a set that is not JSON', ['BROKEN_JSON', 'seeds'], /eval: .*JSON/i],
    ['a set of the wrong shape', ['WRONG_SHAPE', 'seeds'], /eval: .*(cases|cmd|expected)/i],
    ['a set file that is missing', ['/no/such/set.json', 'seeds'], /eval: \/no\/such\/set\.json/],
    ['a corpus folder that is missing', ['GOOD_SET', '/no/such/corpus'], /eval: \/no\/such\/corpus: /],
  ])('%s', async (_name, rawArgs, message) => {
    const dir = tempDir('dispatch-eval-bad-');
    const files: Record<string, string> = {
      BROKEN_JSON: '{"cases": [ {"id": ',
      WRONG_SHAPE: JSON.stringify({ cases: [{ id: 'x', cmd: 'ask not an array' }] }),
      GOOD_SET: JSON.stringify({ cases: [{ id: 'x', cmd: ['ask', 'anything?'], refuse: true }] }),
    };
    const args = rawArgs.map((a) => {
      if (!(a in files)) return a;
      const p = path.join(dir, `${a}.json`);
      writeFileSync(p, files[a]!);
      return p;
    });
    const r = await evalCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('npm run eval: a file the loader skips', () => {
  it('is named on stderr and counted in the header, so the figures are read knowing it', async () => {
    const dir = tempDir('dispatch-eval-skip-');
    const corpus = path.join(dir, 'corpus');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, '01_river.txt'), '3 May 2031\n\nRiver bridge closed\n\nThe Elm Street bridge closed on Tuesday after engineers found cracks.\n');
    writeFileSync(path.join(corpus, '02_blob.txt'), Buffer.from([0, 1, 2, 3]));
    const set = path.join(dir, 'set.json');
    writeFileSync(set, JSON.stringify({ cases: [{ id: 'x', cmd: ['ask', 'what closed on tuesday?'], must: [['bridge']] }] }));
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(TSX, ['src/console/eval.ts', set, corpus], { timeout: 120_000 }, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/eval: skipped 02_blob\.txt: it looks binary/);
    expect(r.stdout).toMatch(/\(1 articles, 1 file skipped, /);
  }, 120_000);
});
