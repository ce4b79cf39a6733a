/**
 * The local console: `npm start` without DISCORD_TOKEN reads commands line by line
 * from a pipe and exits 0 at end of input; the same through runConsole with injected
 * streams; and the console line parser.
 */
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONSOLE_HELP, parseConsoleLine, runConsole } from '../src/console/repl.js';
import type { Deps } from '../src/deps.js';
import { cleanupTempDirs, depsFor, ourStderr, run, SEEDS, tempDir, writeCorpus, type ChildResult } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SCRIPT = '/sources\n/help\n/nonsense\nWhat did Peskov say?\n';
const TITLES = [
  'China backs Venezuela, Trump hints Maduro’s end is near as tensions escalate',
  'US Conducts Military Action Against Venezuelan Drug Vessel',
  'Maduro allegedly asks China and Russia for military assistance',
];

function expectScriptOutput(out: string): void {
  // /sources: the article list
  expect(out).toMatch(/5 articles in the corpus/);
  for (const t of TITLES) expect(out).toContain(t);
  expect(out).toContain('blue News');
  // /help
  expect(out).toContain('Commands:');
  expect(out).toContain('/ask <question>');
  // /nonsense: a clear unknown-command message naming it
  expect(out).toMatch(/Unknown command \/nonsense/i);
  // the question: an answer quoting Peskov with a numbered citation
  expect(out).toMatch(/\[1\]/);
  expect(out).toMatch(/Peskov/);
  expect(out).toMatch(/“[^”]*Peskov/);
  // in this order
  const i = (s: string | RegExp) => out.search(typeof s === 'string' ? new RegExp(s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) : s);
  expect(i('in the corpus')).toBeLessThan(i('Commands:'));
  expect(i('Commands:')).toBeLessThan(i(/Unknown command/));
  expect(i(/Unknown command/)).toBeLessThan(i(/Peskov/));
}

describe('npm start with piped stdin', () => {
  let r: ChildResult;
  beforeAll(async () => {
    r = await run('npm', ['start', '--silent'], { env: { DATA_DIR: tempDir('dispatch-console-') }, input: SCRIPT, timeoutMs: 120_000 });
  });

  it('exits 0 at end of input', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(ourStderr(r.stderr)).toBe('');
  });

  it('prints the sources list, the help, an unknown-command message and an answer quoting Peskov', () => {
    expectScriptOutput(r.stdout);
  });

  it('does not print the interactive banner or prompts when stdin is not a terminal', () => {
    expect(r.stdout).not.toMatch(/^> /m);
    expect(r.stdout).not.toMatch(/Ask a question, or type \/help/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});

describe('npm start over a dead Redis', () => {
  it('answers each piped question with a note and exits 0 at end of input', async () => {
    const r = await run('npm', ['start', '--silent'], {
      env: { DATA_DIR: tempDir('dispatch-console-'), REDIS_URL: 'redis://127.0.0.1:1', STORE_TIMEOUT_MS: '200' },
      input: 'What did Peskov say?\nAnd Mao Ning?\n',
      timeoutMs: 120_000,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Peskov/);
    expect(r.stdout).toMatch(/Mao Ning/);
    expect(r.stdout.match(/Note: .*(memory|follow-?up|conversation)/gi)?.length ?? 0).toBeGreaterThanOrEqual(2);
    // Store errors are logged on stderr, never mixed into the console's output.
    expect(r.stdout).not.toMatch(/"level":|ECONNREFUSED/);
  });
});

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

async function consoleRun(deps: Deps, script: string): Promise<string> {
  const out = new Sink();
  await runConsole(deps, { input: Readable.from([script]), output: out, interactive: false });
  return out.text;
}

describe('runConsole with injected streams', () => {
  let deps: Deps;
  beforeAll(async () => {
    deps = await depsFor(SEEDS);
  });

  it('runs the same script and returns at end of input', async () => {
    expectScriptOutput(await consoleRun(deps, SCRIPT));
  });

  it('/quit stops reading; blank lines are ignored; commands are case-insensitive', async () => {
    const out = await consoleRun(deps, '\n   \n/HELP\n/quit\n/sources\n');
    expect(out).toBe(`${CONSOLE_HELP}\n`);
  });

  it('/ask and a bare question are the same; /new starts a fresh conversation', async () => {
    const out = await consoleRun(deps, '/ask What did Peskov say?\n/new\nWhat is the capital of Iran?\n');
    expect(out).toMatch(/Peskov/);
    expect(out).toContain('Started a new conversation.');
    expect(out).toMatch(/articles don.t answer|not in the articles|don.t say/i);
  });

  it('keeps follow-up context within one console session (and /new drops it)', async () => {
    const set = vi.spyOn(deps.store, 'set');
    try {
      const out = await consoleRun(deps, 'What did Maduro ask Russia for?\nAnd China?\n/new\nAnd China?\n');
      expect(out).toMatch(/China/);
      const saved = set.mock.calls.filter(([k]) => String(k).includes('console:'));
      expect(saved.length).toBe(3);
      const turns = (i: number) => saved[i]![1] as { resolved: string }[];
      // The follow-up was resolved against the first question…
      expect(turns(1)[0]!.resolved).toBe('What did Maduro ask Russia for?');
      expect(turns(1)[1]!.resolved).toMatch(/Maduro/);
      expect(turns(1)[1]!.resolved).toMatch(/China/);
      // …and after /new the same words start a fresh conversation under another key.
      expect(saved[2]![0]).not.toBe(saved[0]![0]);
      expect(turns(2).map((t) => t.resolved)).toEqual(['And China?']);
    } finally {
      set.mockRestore();
    }
  });

  it('a bad command argument is reported and the console keeps going', async () => {
    const out = await consoleRun(deps, `/ask ${'x'.repeat(5000)}\n/help\n`);
    expect(out).toMatch(/Sorry: .*(limit|characters)/);
    expect(out).toContain('Commands:');
  });

  it('interactive mode greets with the corpus size, lists skipped files, prompts, and still answers', async () => {
    const dir = writeCorpus({
      'a.txt': 'Library Reopens After Renovation\n\nThe Lakeside library reopened on Monday after an eight-month renovation, librarian Tom Okafor said.\n',
      'broken.txt': Buffer.from([0, 1, 2]),
    });
    const d = await depsFor(dir);
    const out = new Sink();
    await runConsole(d, { input: Readable.from(['Who is Tom Okafor?\n/quit\n']), output: out, interactive: true });
    expect(out.text).toMatch(/1 article loaded from/);
    expect(out.text).toMatch(/Skipped broken\.txt: .*binary/);
    expect(out.text).toContain('> ');
    expect(out.text).toMatch(/librarian Tom Okafor said/);
  });

  it('works over a corpus that is not the seeds', async () => {
    const dir = writeCorpus({
      'a.txt': 'Library Reopens After Renovation\n\nTuesday, March 5, 2024\n\nThe Lakeside library reopened on Monday after an eight-month renovation, librarian Tom Okafor said.\n',
    });
    const out = await consoleRun(await depsFor(dir), '/sources\nWho is Tom Okafor?\n');
    expect(out).toMatch(/1 article in the corpus/);
    expect(out).toContain('Library Reopens After Renovation');
    expect(out).toMatch(/librarian Tom Okafor said/);
  });
});

describe('parseConsoleLine', () => {
  it('maps lines to commands', () => {
    expect(parseConsoleLine('   ', 's')).toBeNull();
    expect(parseConsoleLine('What did Peskov say?', 's')).toEqual({ command: 'ask', text: 'What did Peskov say?', session: 's' });
    expect(parseConsoleLine('/ask  What did Peskov say? ', 's')).toEqual({ command: 'ask', text: 'What did Peskov say?', session: 's' });
    expect(parseConsoleLine('/sources', 's')).toEqual({ command: 'sources', session: 's' });
    expect(parseConsoleLine('/who Peskov', 's')).toEqual({ command: 'who', text: 'Peskov', session: 's' });
    expect(parseConsoleLine('/help', 's')).toEqual({ meta: 'help' });
    expect(parseConsoleLine('/exit', 's')).toEqual({ meta: 'quit' });
    expect(parseConsoleLine('/reset', 's')).toEqual({ meta: 'new' });
    const bad = parseConsoleLine('/nonsense now', 's');
    expect(bad && 'error' in bad && bad.error).toMatch(/Unknown command \/nonsense/);
  });

  it('reads timeline options from:/to: and keeps the rest as the topic', () => {
    expect(parseConsoleLine('/timeline Maduro from:2025-11-01 to:2025-11-05', 's')).toEqual({
      command: 'timeline', session: 's', from: '2025-11-01', to: '2025-11-05', about: 'Maduro',
    });
    expect(parseConsoleLine('/timeline', 's')).toEqual({ command: 'timeline', session: 's' });
  });
});
