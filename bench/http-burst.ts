/**
 * HTTP interactions under a burst: the bot's endpoint as a real process (src/main.ts,
 * embedded store, offline engines over ./seeds) against the fake Discord; each round
 * sends N signed interactions at once (a mix of /ask, /who, /timeline, /sources,
 * /verify, /compare) and times each acknowledgement — from sending the request to
 * its HTTP response — then waits until every one has been answered (its @original
 * edited). Discord fails an interaction whose acknowledgement takes over 3 s.
 * A benchmark, not a test: it prints figures and never fails.
 *
 *   npx tsx bench/http-burst.ts [--n 350] [--rounds 4] [--root <checkout>] [--client-thread] [--block-ms <ms>]
 *
 * `--root` runs another checkout's src/main.ts (e.g. a worktree of an older commit) for a before/after.
 * `--block-ms <ms>` makes every engine run hold the main thread that long first (DEBUG_BLOCK_ENGINE_MS).
 * `--client-thread` sends the requests and times them from a thread of their own, so the
 * fake Discord (which shares this process and records and checks every edit the bot sends)
 * does not delay the reading of a response: Discord's own timing is not in our process either.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { startFakeDiscord } from '../test/e2e/fake-discord.js';
import { burstPayloads, fireBurst, percentile, startHttpProcess, type HttpProcess, type TimedResponse } from '../test/helpers/http-process.js';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '350' }, rounds: { type: 'string', default: '4' }, root: { type: 'string' }, 'client-thread': { type: 'boolean', default: false }, 'block-ms': { type: 'string' } },
});
const n = Number(values.n);
const rounds = Number(values.rounds);

/** The clients of `--client-thread` (plain JS: a worker has no TypeScript loader): one connection per request, like Discord. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
workerData.ready.forEach(({ body, headers }, i) => {
  const t0 = performance.now();
  const req = http.request(workerData.url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
    const ms = performance.now() - t0;
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json;
      try { json = String(res.headers['content-type']).includes('json') ? JSON.parse(text) : undefined; } catch {}
      parentPort.postMessage({ i, r: { status: res.statusCode, text, json, ms } });
    });
  });
  req.on('error', (err) => parentPort.postMessage({ i, r: { status: 0, text: String(err), json: undefined, ms: performance.now() - t0 } }));
  req.end(body);
});
`;

/** fireBurst, with the requests sent and timed from their own thread. */
function fireBurstFromThread(bot: HttpProcess, payloads: Record<string, any>[], onResponse: (p: Record<string, any>, r: TimedResponse) => void): Promise<TimedResponse[]> {
  const ready = payloads.map((p) => {
    const body = JSON.stringify(p);
    return { body, headers: bot.signed(body) };
  });
  const out: TimedResponse[] = new Array(payloads.length);
  let got = 0;
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { url: bot.url, ready } });
    w.on('message', ({ i, r }: { i: number; r: TimedResponse }) => {
      out[i] = r;
      onResponse(payloads[i]!, r);
      if (++got === payloads.length) void w.terminate().then(() => resolve(out));
    });
    w.on('error', reject);
  });
}

const discord = await startFakeDiscord();
// --block-ms: every engine run first holds the main thread this long (DEBUG_BLOCK_ENGINE_MS), as a heavier engine would
const bot = await startHttpProcess({ discordApiUrl: discord.apiUrl, root: values.root, ...(values['block-ms'] ? { env: { DEBUG_BLOCK_ENGINE_MS: values['block-ms'] } } : {}) });
const all: number[] = [];
let lost = 0;
try {
  for (let round = 1; round <= rounds; round++) {
    const payloads = burstPayloads(discord, n);
    const t0 = performance.now();
    const deliver = (p: Record<string, any>, r: TimedResponse) => void (r.status === 200 && discord.interactionResponse(p, r.json));
    const responses = values['client-thread'] ? await fireBurstFromThread(bot, payloads, deliver) : await fireBurst(bot, payloads, deliver);
    const ms = responses.map((r) => r.ms).sort((a, b) => a - b);
    all.push(...ms);
    const deferred = responses.filter((r) => r.json?.type === 5).length;
    const direct = responses.filter((r) => r.json?.type === 4).length;
    const failed = responses.filter((r) => r.status !== 200).length;
    // answered: a type-4 response, or the @original edit after a type-5
    const tokens = new Set(payloads.filter((_, i) => responses[i]!.json?.type === 5).map((p) => p.token as string));
    const edited = () => new Set(discord.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original')).map((r) => r.path.split('/')[3]!));
    const until = Date.now() + 120_000;
    while ([...tokens].some((t) => !edited().has(t)) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const missing = [...tokens].filter((t) => !edited().has(t)).length;
    lost += missing + failed;
    console.log(
      `round ${round}: n=${n} ack p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms, max ${ms.at(-1)!.toFixed(0)} ms, past 3 s: ${ms.filter((x) => x > 3000).length}; ` +
        `{type:5} ${deferred}, {type:4} ${direct}, non-200 ${failed}; all answered after ${((performance.now() - t0) / 1000).toFixed(1)} s, unanswered ${missing}; load ${loadavg()[0]!.toFixed(1)}`,
    );
    await new Promise((r) => setTimeout(r, 1000));
  }
  all.sort((a, b) => a - b);
  console.log(
    `all ${all.length}: ack p50 ${percentile(all, 50).toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms, max ${all.at(-1)!.toFixed(0)} ms, past 3 s: ${all.filter((x) => x > 3000).length}, lost ${lost}`,
  );
} finally {
  await bot.stop();
  await discord.close();
}
