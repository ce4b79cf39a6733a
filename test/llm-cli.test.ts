/**
 * The "done means" of issue 6, through the real front door: the one-shot CLI
 * (`npx tsx src/console/cli.ts ask … --json`) against the stub OpenAI server.
 * A behaving model → a model-written answer whose every quote is verbatim in a
 * seed file; garbage, errors or a hang → the offline answer, with a note saying why.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiError, passagesOf, quotingAnswer, reply, startStubOpenai, type StubOpenai } from './helpers/stub-openai.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = path.join(ROOT, 'seeds');
const QUESTION = 'What did China say about Venezuela?';
const DEADLINE_MS = 1500;

interface CliJson {
  command: string;
  answered: boolean;
  text: string;
  citations: { n: number; source: string; quote: string; title: string }[];
  notes?: string[];
}

interface Run {
  json: CliJson;
  ms: number;
  endedAt: number;
  stderr: string;
}

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'dispatch-llm-cli-'));
  dirs.push(d);
  return d;
}

function cli(env: Record<string, string>, data = dataDir()): Promise<Run> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    execFile(
      'npx',
      ['tsx', 'src/console/cli.ts', 'ask', QUESTION, '--json', '--seeds', SEEDS],
      {
        cwd: ROOT,
        timeout: 60_000,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: data, LOG_LEVEL: 'warn', ...env },
      },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`cli failed: ${err.message}\n${stderr}`));
        try {
          resolve({ json: JSON.parse(stdout) as CliJson, ms: Date.now() - t0, endedAt: Date.now(), stderr });
        } catch {
          reject(new Error(`stdout is not one JSON object:\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}

/** Every quote must be an exact substring of the seed file it names (the contract allows fragments joined by "…"). */
function expectVerbatim(json: CliJson) {
  expect(json.citations.length).toBeGreaterThan(0);
  for (const c of json.citations) {
    const raw = readFileSync(path.join(SEEDS, c.source), 'utf8');
    for (const fragment of c.quote.split(' … ')) expect(raw.includes(fragment), `${c.source}: ${fragment}`).toBe(true);
  }
}

let stub: StubOpenai;
let offline: Run;
const withModel = (over: Record<string, string> = {}) => ({
  OPENAI_API_KEY: 'x',
  OPENAI_BASE_URL: stub.baseURL,
  OPENAI_TIMEOUT_MS: '500',
  OPENAI_DEADLINE_MS: String(DEADLINE_MS),
  OPENAI_MAX_RETRIES: '2',
  ...over,
});

beforeAll(async () => {
  stub = await startStubOpenai();
  // The reference: no key, purely extractive. Also measures the CLI's own start-up time.
  offline = await cli({});
}, 60_000);
afterAll(async () => {
  await stub.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  stub.reset();
  stub.fallback = quotingAnswer();
});

describe('CLI ask with a model server', { timeout: 90_000 }, () => {
  it('offline reference answers from the corpus', () => {
    expect(offline.json.answered).toBe(true);
    expectVerbatim(offline.json);
  });

  it('a behaving model: the answer is model-written and every quote is verbatim in its seed file', async () => {
    stub.fallback = quotingAnswer(3);
    const run = await cli(withModel({ LOG_LEVEL: 'info' }));
    expect(stub.requests).toHaveLength(1);
    // Tokens and estimated cost are logged (stderr, JSON lines) for every answer.
    const logged = run.stderr.split('\n').filter((l) => l.includes('llm: verified answer')).map((l) => JSON.parse(l));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ task: 'ask', model: 'gpt-4o-mini', attempts: 1, usageReported: true });
    expect(logged[0].promptTokens).toBeGreaterThan(100);
    expect(logged[0].promptTokens).toBeLessThanOrEqual(2500);
    expect(logged[0].costUsd).toBeGreaterThan(0);
    console.info(`[cli] prompt tokens=${logged[0].promptTokens} completion=${logged[0].completionTokens} cost=$${logged[0].costUsd.toFixed(6)} passages=${logged[0].passages}`);
    const shown = passagesOf(stub.requests[0]!);
    expect(shown.length).toBeGreaterThan(0);
    expect(run.json.answered).toBe(true);
    // The stub's prose, not the extractive text.
    expect(run.json.text).toContain('According to the reporting,');
    expect(run.json.text).not.toBe(offline.json.text);
    expect(run.json.citations.map((c) => c.n)).toEqual(run.json.citations.map((_, i) => i + 1));
    expect(run.json.citations.every((c) => shown.some((p) => p.source === c.source))).toBe(true);
    expectVerbatim(run.json);
    expect(run.json.text).toMatch(/\[1\]/);
  });

  it('the verified answer is cached in the store: asking again makes no request', async () => {
    const data = dataDir();
    await cli(withModel(), data);
    const again = await cli(withModel(), data);
    expect(stub.requests).toHaveLength(1);
    expect(again.json.text).toContain('According to the reporting,');
  });

  // The note says which way the model failed: a hang is given up on by the per-call timeout and the deadline ("too
  // slow"), everything else is refused on its merits. No clock is asserted: a call that never gave up would keep
  // the CLI from exiting until execFile's own timeout fails the test. Timings are printed, for reading only.
  const SLOW = /The model was too slow/;
  const REFUSED = /The model's answer could not be verified/;
  const fallbackCases: [string, () => void, (n: number) => void, RegExp][] = [
    ['garbage', () => void (stub.fallback = reply('Sure! The answer is that China is friends with Venezuela.')), (n) => expect(n).toBe(1), REFUSED],
    ['fabricated quotes', () => void (stub.fallback = reply(JSON.stringify({ blocks: [{ heading: '', sentences: [{ text: 'China will send troops to Caracas.', citations: [{ passage: 1, quote: 'China will send troops to Caracas next week' }] }] }] }))), (n) => expect(n).toBe(1), REFUSED],
    ['HTTP 500 on every call', () => void (stub.fallback = apiError(500, { message: 'boom' })), (n) => expect(n).toBe(3), REFUSED],
    ['insufficient_quota', () => void (stub.fallback = apiError(429, { type: 'insufficient_quota', code: 'insufficient_quota', message: 'quota' })), (n) => expect(n).toBe(1), REFUSED],
    ['a hang', () => void (stub.fallback = { hang: true }), (n) => expect([1, 2, 3]).toContain(n), SLOW],
  ];
  // A reply refused on its merits is counted by requests: there the per-call timeout is made long, so that a loaded
  // machine (the CLI is a child process) cannot turn a prompt 429 into a timeout and a second, legitimate, attempt.
  const patient = { OPENAI_TIMEOUT_MS: '10000', OPENAI_DEADLINE_MS: '20000' };
  for (const [name, arrange, requests, note] of fallbackCases) {
    it(`${name} → the offline answer, with a note saying why`, async () => {
      arrange();
      const run = await cli(withModel(note === SLOW ? {} : patient));
      requests(stub.requests.length);
      expect(run.json.answered).toBe(true);
      expect(run.json.text).toBe(offline.json.text);
      expect(run.json.citations).toEqual(offline.json.citations);
      expect(run.json.text).not.toContain('According to the reporting');
      expect(run.json.notes?.join(' ') ?? '').toMatch(note);
      if (stub.requests.length) {
        console.info(`[cli] ${name}: requests=${stub.requests.length} first-request→exit=${run.endedAt - stub.requests[0]!.at}ms total=${run.ms}ms (offline total ${offline.ms}ms)`);
      }
    });
  }
});
