/** `npm run preview`: a mistake in its arguments or setup is one clear line and exit 2, before any browser starts. */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TSX } from './helpers/corpus-fixtures.js';

const preview = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(TSX, ['bench/preview.ts', ...args], { timeout: 120_000, env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('npm run preview: bad input', () => {
  it.each([
    ['an unknown command', ['bogus'], {}, /preview: unknown command "bogus" \(one of: ask, who/],
    ['an unknown option', ['--nope'], {}, /preview: Unknown option '--nope'/],
    ['no Chromium where it should be', ['ask', 'hi'], { CHROMIUM_PATH: '/no/such/chromium' }, /preview: no Chromium at \/no\/such\/chromium/],
  ])('%s', async (_n, args, env, message) => {
    const r = await preview(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
