/**
 * A private redis-server on a free loopback port, for outage tests: stop it
 * mid-run and start it again on the same port. The shared Redis at 6379 is never
 * touched. Nothing is persisted (`--save "" --appendonly no`), so a restart comes
 * back empty, like a Redis that lost its memory — the harshest recovery case.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

export interface OwnRedis {
  port: number;
  url: string;
  /** Start (or restart) the server and wait until it answers PING. */
  start(): Promise<void>;
  /** Stop it (SIGKILL: an outage, not a polite shutdown) and wait for the port to close. */
  stop(): Promise<void>;
  readonly running: boolean;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(300, () => done(false));
    sock.once('error', () => done(false));
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/** True when `redis-server` is on the PATH. */
export async function haveRedisServer(): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn('redis-server', ['--version'], { stdio: 'ignore' });
    p.once('error', () => resolve(false));
    p.once('exit', (code) => resolve(code === 0));
  });
}

export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let proc: ChildProcess | undefined;
  const wait = async (want: boolean) => {
    const until = Date.now() + 5000;
    while (Date.now() < until) {
      if ((await ping(port)) === want) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`redis-server on ${port} did not ${want ? 'start' : 'stop'}`);
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return !!proc && proc.exitCode === null && proc.signalCode === null;
    },
    async start() {
      proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
        stdio: 'ignore',
      });
      await wait(true);
    },
    async stop() {
      if (!proc) return;
      const p = proc;
      const exited = new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));
      p.kill('SIGKILL');
      await exited;
      await wait(false);
    },
  };
}
