/**
 * The bot's HTTP interactions endpoint as a real process (`src/main.ts` with
 * INTERACTIONS_PORT), pointed at a fake Discord, with its own Ed25519 key pair so
 * tests and benchmarks can sign requests the way Discord does.
 *
 *   const bot = await startHttpProcess({ discordApiUrl: discord.apiUrl });
 *   const r = await bot.post(JSON.stringify(payload));   // signed, node:http, own connection
 *   await bot.stop();
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One response from the endpoint, timed from the moment the request was sent. */
export interface TimedResponse {
  status: number;
  text: string;
  json: any;
  /** ms from sending the request to the response headers (the acknowledgement). */
  ms: number;
}

export interface HttpProcess {
  port: number;
  url: string;
  /** Everything the process printed so far (pino JSON lines). */
  output(): string;
  /** Signature headers for `body`, as Discord computes them. */
  signed(body: string, ts?: string): Record<string, string>;
  /** POST a signed body on its own connection. */
  post(body: string, headers?: Record<string, string>): Promise<TimedResponse>;
  stop(): Promise<void>;
}

function keyPair(): { privateKey: KeyObject; publicHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicHex: der.subarray(der.length - 32).toString('hex') };
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** POST `body` on a fresh connection (like Discord, which does not pipeline). */
export function timedPost(url: string, body: string, headers: Record<string, string>): Promise<TimedResponse> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const ms = performance.now() - t0;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any;
        try {
          json = res.headers['content-type']?.includes('json') ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, text, json, ms });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Start `src/main.ts` in HTTP interactions mode over ./seeds; resolves once it listens. */
export async function startHttpProcess(opts: {
  discordApiUrl: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** Project checkout to run (default this one; a benchmark may point at an older checkout to compare). */
  root?: string;
}): Promise<HttpProcess> {
  const keys = keyPair();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dispatch-http-process-'));
  const root = opts.root ?? ROOT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      SEEDS_DIR: path.join(root, 'seeds'),
      DATA_DIR: dataDir,
      INTERACTIONS_PORT: String(port),
      DISCORD_PUBLIC_KEY: keys.publicHex,
      DISCORD_API_URL: opts.discordApiUrl,
      DISCORD_TOKEN: '',
      REDIS_URL: '',
      OPENAI_API_KEY: '',
      COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'info',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });

  const deadline = Date.now() + (opts.startTimeoutMs ?? 90_000);
  while (!/HTTP interactions endpoint listening/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      cleanup();
      throw new Error(`the HTTP process did not start; output:\n${out.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = `http://127.0.0.1:${port}/interactions`;
  const signed = (body: string, ts = String(Math.floor(Date.now() / 1000))) => ({
    'x-signature-ed25519': sign(null, Buffer.from(ts + body), keys.privateKey).toString('hex'),
    'x-signature-timestamp': ts,
    'content-type': 'application/json',
  });
  return {
    port,
    url,
    output: () => out,
    signed,
    post: (body, headers) => timedPost(url, body, headers ?? signed(body)),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(t);
      }
      cleanup();
    },
  };
}

/** A realistic mix of engine-backed commands (builders from the fake Discord). */
export function burstPayloads(discord: { command(name: string, options?: Record<string, any>[], who?: { userId?: string }): Record<string, any>; snowflake(): string }, n: number): Record<string, any>[] {
  const s = (name: string, value: string) => [{ name, type: 3, value }];
  const mix: [string, Record<string, any>[]][] = [
    ['ask', s('question', 'How many troops did Trump deploy?')],
    ['ask', s('question', 'What did Maduro ask Russia for?')],
    ['ask', s('question', 'What did China say?')],
    ['who', s('name', 'Maduro')],
    ['timeline', []],
    ['sources', []],
    ['verify', s('claim', 'Trump deployed 4,500 troops')],
    ['compare', []],
  ];
  return Array.from({ length: n }, (_, i) => {
    const [name, options] = mix[i % mix.length]!;
    return discord.command(name, options, { userId: discord.snowflake() });
  });
}

/** Send every body at once (signed beforehand, so signing does not spread the burst). */
export async function fireBurst(
  bot: HttpProcess,
  payloads: Record<string, any>[],
  onResponse?: (payload: Record<string, any>, r: TimedResponse) => void,
): Promise<TimedResponse[]> {
  const ready = payloads.map((p) => {
    const body = JSON.stringify(p);
    return { body, headers: bot.signed(body) };
  });
  return Promise.all(
    ready.map(async (r, i) => {
      const res = await bot.post(r.body, r.headers);
      onResponse?.(payloads[i]!, res);
      return res;
    }),
  );
}

/** p-th percentile of a sorted list. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))]!;
