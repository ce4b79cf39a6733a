/**
 * The interpreted follow-up question stays within the input limit (1,000
 * characters) however long a conversation runs: each turn builds on the previous
 * interpretation, and an audit saw it reach 5,922 characters after 1,000 turns.
 * Driven through runCommand with a session, as the Discord and console front doors do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { MAX_INPUT_CHARS, runCommand } from '../src/engines/index.js';
import { testDeps } from './helpers/deps.js';

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps();
});

async function chain(session: string, first: string, next: (i: number) => string, turns: number): Promise<string[]> {
  await runCommand(deps, { command: 'ask', text: first, session });
  const seen: string[] = [];
  for (let i = 0; i < turns; i++) {
    const a = await runCommand(deps, { command: 'ask', text: next(i), session });
    seen.push(String(a.meta?.resolvedQuestion ?? next(i)));
  }
  return seen;
}

describe('a long chain of follow-ups', () => {
  it('"And the boats?" after "And the strikes?" replaces the earlier addition instead of piling up', async () => {
    const asks = ['And the boats?', 'And the strikes?', 'What about the carrier?'];
    const seen = await chain('bound-1', 'What happened?', (i) => asks[i % 3]!, 120);
    expect(Math.max(...seen.map((s) => s.length))).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(seen[0]).toBe('What happened? the boats');
    expect(seen.at(-1)).toBe('What happened? the carrier');
  }, 60_000);

  it('a chain without question marks is bounded and keeps the newest follow-up', async () => {
    const asks = ['and the boats', 'and the strikes', 'and the carrier group'];
    const seen = await chain('bound-2', 'what happened in the caribbean', (i) => asks[i % 3]!, 120);
    for (const s of seen) expect(s.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(seen.at(-1)).toMatch(/^what happened in the caribbean\b.*\band the carrier group$/);
  }, 60_000);

  it('a follow-up at the input limit that pulls in earlier names stays within it', async () => {
    const long = `What did he say about ${'the naval deployment and the strikes on the boats '.repeat(25)}`.slice(0, MAX_INPUT_CHARS - 1) + '?';
    expect(long.length).toBe(MAX_INPUT_CHARS);
    const seen = await chain('bound-3', 'What did Maduro ask Russia for?', () => long, 3);
    for (const s of seen) {
      expect(s.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
      expect(s.endsWith('?')).toBe(true);
    }
  }, 60_000);
});
