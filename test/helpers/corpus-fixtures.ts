/**
 * Helpers for tests that need their own corpus: write files into a temp folder,
 * build in-process deps over it, run the real CLI as a child process, and check
 * that quotes are verbatim in their files.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/deps.js';
import { silentLogger } from '../../src/log.js';
import { createStore, type Store } from '../../src/store/index.js';
import { isVerbatim } from '../../src/corpus/verbatim.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SEEDS = path.join(ROOT, 'seeds');

const made: string[] = [];

/** A fresh temp folder, removed by cleanupTempDirs(). */
export function tempDir(prefix = 'dispatch-test-'): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export function cleanupTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Write `files` (name → text or bytes) into a new temp corpus folder and return its path. */
export function writeCorpus(files: Record<string, string | Buffer>, prefix = 'dispatch-corpus-'): string {
  const dir = tempDir(prefix);
  for (const [name, body] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  return dir;
}

/** In-process deps over `seedsDir`, with a memory store (unless given), no model, no index persistence. */
export async function depsFor(seedsDir: string, opts: { store?: Store; dataDir?: string } = {}): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: seedsDir, DATA_DIR: opts.dataDir ?? tempDir('dispatch-data-') }, ROOT);
  return buildDeps(config, {
    store: opts.store ?? createStore({ kind: 'memory' }),
    persistIndex: false,
    llm: null,
    log: silentLogger,
  });
}

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

// At most this many child processes at once per test file: starting them all together
// on a small machine only makes each one slower.
const MAX_CHILDREN = 4;
let activeChildren = 0;
const waitingChildren: (() => void)[] = [];

/** Run a command from the project root with a minimal, explicit environment (no OPENAI/DISCORD/REDIS leaking in). */
export async function run(
  cmd: string,
  args: string[],
  opts: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<ChildResult> {
  if (activeChildren >= MAX_CHILDREN) await new Promise<void>((r) => waitingChildren.push(r));
  activeChildren++;
  try {
    return await runNow(cmd, args, opts);
  } finally {
    activeChildren--;
    waitingChildren.shift()?.();
  }
}

function runNow(
  cmd: string,
  args: string[],
  opts: { env?: Record<string, string>; input?: string; timeoutMs?: number },
): Promise<ChildResult> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      args,
      {
        cwd: ROOT,
        timeout: opts.timeoutMs ?? 60_000,
        maxBuffer: 16 * 1024 * 1024,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          NO_COLOR: '1',
          ...opts.env,
        },
      },
      (err, stdout, stderr) => {
        const code = err ? (err as unknown as { code?: unknown }).code : 0;
        resolve({ code: typeof code === 'number' ? code : child.exitCode, stdout, stderr, ms: Date.now() - t0 });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    else child.stdin?.end();
  });
}

/** The project's own tsx binary (what `npx tsx` resolves to, without npm's start-up cost). */
export const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/**
 * The one-shot CLI: `tsx src/console/cli.ts …` as a child process (pass `{ npx: true }`
 * to go through `npx tsx` exactly as documented). DATA_DIR defaults to a fresh temp folder.
 */
export function cli(args: string[], env: Record<string, string> = {}, opts: { npx?: boolean } = {}): Promise<ChildResult> {
  const [cmd, pre] = opts.npx ? ['npx', ['tsx']] : [TSX, []];
  return run(cmd, [...pre, 'src/console/cli.ts', ...args], { env: { DATA_DIR: tempDir('dispatch-cli-data-'), ...env }, timeoutMs: 120_000 });
}

/** stderr without npm's own warnings about the machine's npm config (not ours). */
export function ourStderr(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => l.trim() && !/^npm (warn|notice)/i.test(l))
    .join('\n');
}

/** Assert-style helper: every quote verbatim in `<dir>/<source>`; returns the failures. */
export function nonVerbatim(citations: { source: string; quote: string }[], dir: string): string[] {
  const bad: string[] = [];
  for (const c of citations) {
    const raw = readFileSync(path.join(dir, c.source), 'utf8');
    if (!c.quote.trim() || !isVerbatim(raw, c.quote)) bad.push(`${c.source}: ${c.quote}`);
  }
  return bad;
}
