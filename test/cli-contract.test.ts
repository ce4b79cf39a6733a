/**
 * The CLI contract (../shared/design/CLI-CONTRACT.md), through the real front door:
 * `npx tsx src/console/cli.ts …` as a child process from the project root, with
 * DATA_DIR in a temp folder. One JSON object on stdout with --json, exit 0 for any
 * answer (refusals included), non-zero plus one line on stderr for usage errors and
 * broken corpora, logs only on stderr, follow-ups across two calls via --session.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCli, UsageError } from '../src/console/parse-args.js';
import { cleanupTempDirs, cli, nonVerbatim, ourStderr, SEEDS, tempDir, writeCorpus, type ChildResult } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);
// Child processes are slow on a loaded machine; these limits only stop a hang.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

// Independent CLI runs start together (bounded by the helper) when the file starts;
// each test awaits its own.
const started = new Map<string, Promise<unknown>>();
function once<T>(key: string, f: () => Promise<T>): Promise<T> {
  if (!started.has(key)) started.set(key, f());
  return started.get(key) as Promise<T>;
}
const scenarios = {
  missingSeeds: () => {
    const missing = path.join(tempDir(), 'no-such-folder');
    return cli(['ask', 'What happened?', '--json', '--seeds', missing]).then((r) => ({ r, missing }));
  },
  emptySeeds: () =>
    Promise.all([
      cli(['ask', 'What happened?', '--json', '--seeds', tempDir('dispatch-empty-')]),
      cli(['sources', '--json', '--seeds', writeCorpus({ 'a.txt': '', 'b.txt': Buffer.from([0, 0, 0]) })]),
    ]),
  help: () => cli(['--help']),
  logs: async () => {
    const dir = writeCorpus({
      'story.txt': 'Harbour Storm Headline\n\nThe harbour master said 40 boats were moved before the storm on Friday.\n',
      'empty.txt': '',
    });
    const dataDir = tempDir('dispatch-cli-data-');
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'debug' };
    const first = await cli(['ask', 'How many boats were moved?', '--json', '--seeds', dir], env);
    const second = await cli(['ask', 'How many boats were moved?', '--json', '--seeds', dir], env);
    return { dir, dataDir, first, second };
  },
  sources: () => cli(['sources', '--json']),
  session: async () => {
    const dataDir = tempDir('dispatch-cli-session-');
    const first = await cli(['ask', 'What did Maduro ask Russia for?', '--json', '--session', 'followup-1'], { DATA_DIR: dataDir });
    const file = path.join(dataDir, 'store.json');
    const storedAfterFirst = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const second = await cli(['ask', 'And China?', '--json', '--session', 'followup-1'], { DATA_DIR: dataDir });
    return { dataDir, first, storedAfterFirst, second };
  },
  deadStore: () => cli(['ask', 'What did Peskov say?', '--json', '--session', 'dead'], { REDIS_URL: 'redis://127.0.0.1:1', STORE_TIMEOUT_MS: '200' }),
};
beforeAll(() => {
  for (const [k, f] of Object.entries(scenarios)) void once(k, f as () => Promise<unknown>);
});

const SEED_FILES = new Set([
  '000_46500a0d823731af.txt',
  '001_080066696a52c0c3.txt',
  '002_fc5e09306d15ac96.txt',
  '003_83f7e1146e4f08e2.txt',
  '004_beee981505867bb2.txt',
]);

interface CliCitation {
  n: number;
  source: string;
  quote: string;
  title: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
}
interface CliJson {
  command: string;
  answered: boolean;
  text: string;
  citations: CliCitation[];
  followUps: string[];
  sources?: Record<string, unknown>[];
  notes?: string[];
}

/** The whole of stdout must be exactly one JSON object (one line, trailing newline allowed). */
function oneJson(r: ChildResult): CliJson {
  expect(r.stdout.trim().length, `empty stdout; stderr: ${r.stderr}`).toBeGreaterThan(0);
  expect(r.stdout.trimEnd().split('\n'), 'more than one line on stdout').toHaveLength(1);
  const v = JSON.parse(r.stdout) as unknown;
  expect(v !== null && typeof v === 'object' && !Array.isArray(v)).toBe(true);
  return v as CliJson;
}

const isStrOrNull = (v: unknown) => v === null || typeof v === 'string';

function expectContractShape(j: CliJson, command: string): void {
  expect(j.command).toBe(command);
  expect(typeof j.answered).toBe('boolean');
  expect(typeof j.text).toBe('string');
  expect(j.text.trim().length).toBeGreaterThan(0);
  expect(Array.isArray(j.citations)).toBe(true);
  expect(Array.isArray(j.followUps)).toBe(true);
  for (const f of j.followUps) expect(typeof f).toBe('string');
  j.citations.forEach((c, i) => {
    expect(Object.keys(c).sort()).toEqual(['date', 'n', 'outlet', 'quote', 'source', 'title', 'url']);
    expect(c.n).toBe(i + 1);
    expect(typeof c.source).toBe('string');
    expect(typeof c.quote).toBe('string');
    expect(c.quote.trim().length).toBeGreaterThan(0);
    expect(typeof c.title).toBe('string');
    expect(isStrOrNull(c.outlet)).toBe(true);
    expect(isStrOrNull(c.url)).toBe(true);
    expect(c.date === null || /^\d{4}-\d{2}-\d{2}$/.test(c.date)).toBe(true);
  });
}

describe('cli: ask --json', () => {
  let peskov: ChildResult;
  let refusal: ChildResult;
  let text: ChildResult;
  beforeAll(async () => {
    [peskov, refusal, text] = await Promise.all([
      cli(['ask', 'What did Peskov say?', '--json'], {}, { npx: true }), // exactly as documented
      cli(['ask', 'What is the capital of Iran?', '--json']),
      cli(['ask', 'What did Peskov say?']),
    ]);
  });

  it('prints exactly one JSON object with the contract fields and types, exit 0, quiet stderr', () => {
    expect(peskov.code, peskov.stderr).toBe(0);
    const j = oneJson(peskov);
    expectContractShape(j, 'ask');
    expect(j.answered).toBe(true);
    expect(j.citations.length).toBeGreaterThan(0);
    expect(j.text).toMatch(/\[1\]/);
    expect(ourStderr(peskov.stderr)).toBe('');
  });

  it('answers the question: quotes Peskov, and every quote is verbatim in seeds/<source>', () => {
    const j = oneJson(peskov);
    expect(j.citations.some((c) => c.quote.includes('Peskov'))).toBe(true);
    for (const c of j.citations) expect(SEED_FILES.has(c.source), c.source).toBe(true);
    expect(nonVerbatim(j.citations, SEEDS)).toEqual([]);
    // Every [n] in the text refers to a listed citation.
    const ns = [...j.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    for (const n of ns) expect(n).toBeLessThanOrEqual(j.citations.length);
  });

  it('an unsupported question exits 0 with answered:false, no citations and a plain explanation', () => {
    expect(refusal.code, refusal.stderr).toBe(0);
    const j = oneJson(refusal);
    expectContractShape(j, 'ask');
    expect(j.answered).toBe(false);
    expect(j.citations).toEqual([]);
    expect(j.text).toMatch(/articles|corpus/i);
    expect(j.text.toLowerCase()).toMatch(/capital|iran/); // says what was searched
  });

  it('without --json prints readable text (numbered citation with its quote), not JSON', () => {
    expect(text.code).toBe(0);
    expect(() => JSON.parse(text.stdout)).toThrow();
    expect(text.stdout).toMatch(/\[1\]/);
    expect(text.stdout).toContain('Peskov');
    expect(text.stdout).not.toMatch(/\x1b\[/); // no colour codes when not a terminal
  });
});

describe('cli: usage errors and broken corpora', () => {
  // Through the child process (the stderr/stdout/exit-code part of the contract)…
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /no command/i],
    ['an unknown command', ['frobnicate'], /unknown command.*frobnicate/i],
    ['ask without a question', ['ask'], /question/i],
    ['an impossible month (--from 2025-13)', ['timeline', '--from', '2025-13'], /--from.*2025-13/],
    ['an unknown option', ['ask', 'hi', '--bogus'], /bogus/],
    ['a question over the length limit', ['ask', 'x'.repeat(5000), '--json'], /limit/],
  ];

  // …and the rest of the argument rules in-process (same parser, no process start-up).
  it.each([
    ['ask with only spaces', ['ask', '   '], /question/i],
    ['an impossible day (--to 2025-02-30)', ['timeline', '--to', '2025-02-30'], /--to.*2025-02-30/],
    ['a month without a day, out of range (--to 2025-00)', ['timeline', '--to', '2025-00'], /--to/],
    ['a bad --session id', ['ask', 'hi', '--session', 'has spaces/and slashes'], /session/i],
    ['who without a name', ['who'], /name/i],
  ])('parseCli rejects %s with a UsageError', (_name, args, msg) => {
    expect(() => parseCli(args)).toThrow(UsageError);
    expect(() => parseCli(args)).toThrow(msg);
  });

  it('parseCli accepts valid dates and passes the session with a cli: prefix', () => {
    const a = parseCli(['timeline', '--from', '2025-11', '--to', '2025-11-05', '--json']);
    expect(a.input).toMatchObject({ command: 'timeline', from: '2025-11', to: '2025-11-05' });
    expect(a.json).toBe(true);
    expect(parseCli(['ask', 'And', 'China?', '--session', 'abc']).input).toEqual({ command: 'ask', text: 'And China?', session: 'cli:abc' });
    expect(parseCli(['timeline', '--from', '2024-02-29']).input.from).toBe('2024-02-29'); // leap day
  });

  const results = new Map<string, ChildResult>();
  beforeAll(async () => {
    const runs = await Promise.all(cases.map(([, args]) => cli(args)));
    cases.forEach(([name], i) => results.set(name, runs[i]!));
  });

  it.each(cases)('%s → non-zero exit, one line on stderr, nothing on stdout', (name, _args, msg) => {
    const r = results.get(name)!;
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stdout).toBe('');
    const err = ourStderr(r.stderr);
    expect(err.split('\n'), err).toHaveLength(1);
    expect(err).toMatch(msg);
  });

  it('--seeds pointing at a missing folder → non-zero, one line naming it on stderr', async () => {
    const { r, missing } = await once('missingSeeds', scenarios.missingSeeds);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const err = ourStderr(r.stderr);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toContain(missing);
  });

  it('--seeds pointing at an empty folder (or only broken files) → non-zero, one line on stderr', async () => {
    const [empty, broken] = await once('emptySeeds', scenarios.emptySeeds);
    for (const r of [empty, broken]) {
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      // Structured log lines (the per-file "skipped" warnings) may precede the message.
      const err = ourStderr(r.stderr).split('\n').filter((l) => !l.startsWith('{"level"')).join('\n');
      expect(err.split('\n'), err).toHaveLength(1);
      expect(err).toMatch(/no usable articles/i);
    }
    expect(broken.stderr).toMatch(/a\.txt.*empty/);
    expect(broken.stderr).toMatch(/b\.txt.*binary/);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await once('help', scenarios.help);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage:/i);
    expect(r.stdout).toMatch(/ask/);
  });
});

describe('cli: logs go to stderr, never stdout', () => {
  it('with LOG_LEVEL=debug and a skipped broken file, stdout is still exactly one JSON object', async () => {
    const { dir, dataDir, first, second } = await once('logs', scenarios.logs);
    for (const r of [first, second]) {
      expect(r.code, r.stderr).toBe(0);
      const j = oneJson(r);
      expect(j.answered).toBe(true);
      expect(j.citations[0]!.source).toBe('story.txt');
      expect(j.citations[0]!.quote).toContain('40 boats');
      expect(nonVerbatim(j.citations, dir)).toEqual([]);
      // The warning about the broken file went to stderr, naming it.
      expect(r.stderr).toContain('empty.txt');
      expect(r.stdout).not.toContain('empty.txt');
    }
    // The second start loaded the persisted index (a debug log line, on stderr).
    expect(second.stderr).toMatch(/index loaded from cache/);
    expect(existsSync(path.join(dataDir, 'index'))).toBe(true);
  });
});

describe('cli: sources --json', () => {
  it('has the sources array with the contract fields for every seed', async () => {
    const r = await once('sources', scenarios.sources);
    expect(r.code, r.stderr).toBe(0);
    const j = oneJson(r);
    expect(j.command).toBe('sources');
    expect(Array.isArray(j.sources)).toBe(true);
    const list = j.sources as {
      source: string; title: string; outlet: string | null; date: string | null; author: string | null; url: string | null;
      words: number; cites: string[]; overlapsWith: { source: string; share: number }[];
    }[];
    expect(new Set(list.map((s) => s.source))).toEqual(SEED_FILES);
    for (const s of list) {
      for (const k of ['source', 'title', 'outlet', 'date', 'author', 'url', 'words', 'cites', 'overlapsWith']) expect(s).toHaveProperty(k);
      expect(typeof s.title).toBe('string');
      for (const k of ['outlet', 'date', 'author', 'url'] as const) expect(isStrOrNull(s[k]), `${s.source}.${k}`).toBe(true);
      expect(Number.isInteger(s.words) && s.words > 100).toBe(true);
      expect(Array.isArray(s.cites)).toBe(true);
      for (const c of s.cites) expect(typeof c).toBe('string');
      for (const o of s.overlapsWith) {
        expect(SEED_FILES.has(o.source)).toBe(true);
        expect(o.share).toBeGreaterThan(0);
        expect(o.share).toBeLessThanOrEqual(1);
      }
    }
    const by = new Map(list.map((s) => [s.source, s]));
    expect(by.get('001_080066696a52c0c3.txt')!.outlet).toBe('Miami Herald');
    expect(by.get('004_beee981505867bb2.txt')!.author).toBe('Philipp Dahm');
    expect(by.get('004_beee981505867bb2.txt')!.date).toBe('2025-11-05');
    const dup = by.get('002_fc5e09306d15ac96.txt')!.overlapsWith.find((o) => o.source === '000_46500a0d823731af.txt');
    expect(dup?.share).toBeGreaterThanOrEqual(0.5);
    expect(by.get('001_080066696a52c0c3.txt')!.cites).toEqual(expect.arrayContaining(['TASS', 'Washington Post']));
  });
});

describe('cli: --session follow-ups across two calls', () => {
  it('"What did Maduro ask Russia for?" then "And China?" answers about China, with state kept in DATA_DIR', async () => {
    const { dataDir, first, storedAfterFirst, second } = await once('session', scenarios.session);
    expect(first.code, first.stderr).toBe(0);
    const a = oneJson(first);
    expect(a.answered).toBe(true);
    expect(a.citations.some((c) => /Russia/.test(c.quote))).toBe(true);
    // The conversation was stored under the session id in the embedded store.
    const stored = storedAfterFirst;
    expect(stored).toContain('followup-1');
    expect(stored).toContain('What did Maduro ask Russia for?');

    expect(second.code, second.stderr).toBe(0);
    const b = oneJson(second);
    expect(b.answered).toBe(true);
    expect(b.text).toMatch(/China/);
    expect(b.citations.some((c) => /China/.test(c.quote))).toBe(true);
    // …and it is about what was asked for: military help/aid/assistance.
    expect(b.citations.some((c) => /China/.test(c.quote) && /(military|aid|assist|help|equipment|support)/i.test(c.quote))).toBe(true);
    expect(nonVerbatim(b.citations, SEEDS)).toEqual([]);
    // The second turn was resolved with the first one's context, not asked standalone.
    expect(readFileSync(path.join(dataDir, 'store.json'), 'utf8')).toMatch(/resolved[\\"]*:[\\"]*[^"\\]*Maduro[^"\\]*China/);
  });
});

describe('cli: a dead store', () => {
  it('REDIS_URL pointing at nothing: ask --session still answers (exit 0, one JSON object, a note), and the process exits', async () => {
    const r = await once('deadStore', scenarios.deadStore);
    expect(r.code, r.stderr).toBe(0);
    const j = oneJson(r);
    expect(j.answered).toBe(true);
    expect(j.citations.some((c) => c.quote.includes('Peskov'))).toBe(true);
    expect((j.notes ?? []).join(' ')).toMatch(/memory|follow-?up|conversation/i);
    // The store failures were logged, on stderr only.
    expect(r.stderr).toMatch(/store/i);
    expect(r.stdout).not.toMatch(/ECONNREFUSED/);
  });
});
