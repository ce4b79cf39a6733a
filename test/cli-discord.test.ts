/**
 * `--discord` (CLI-CONTRACT.md): the Discord message bodies the bot would send, through
 * the real CLI as a child process. Checked against Discord's limits and our rules:
 * pings off in every body, the answer's quotes present, buttons carry ids a live answer has.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanupTempDirs, cli, writeCorpus } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);
vi.setConfig({ testTimeout: 120_000 });

const corpus = () =>
  writeCorpus({
    'harbour.txt':
      'Harbour Storm Closes Port\n\nBy Jane Doe\n\nThe harbour master said 40 boats were moved before the storm on Friday. @everyone should stay away from the pier, the coast guard said.\n',
  });

describe('cli --discord', () => {
  it('prints {"messages": [...]} bodies as they go to Discord', async () => {
    const r = await cli(['ask', 'how many boats were moved?', '--discord', '--seeds', corpus()]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { messages: Record<string, any>[] };
    expect(Array.isArray(out.messages)).toBe(true);
    expect(out.messages.length).toBeGreaterThan(0);
    for (const m of out.messages) expect(m.allowed_mentions).toEqual({ parse: [] });
    const body = JSON.stringify(out.messages);
    expect(body).toContain('40 boats were moved before the storm');
    const first = out.messages[0]!;
    expect(first.embeds[0].description.length).toBeLessThanOrEqual(4096);
    const ids = (first.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id)).filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
  });

  it('a refusal is a body too, and @everyone in article text cannot ping', async () => {
    const r = await cli(['ask', 'what did the mayor eat for breakfast?', '--discord', '--seeds', corpus()]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { messages: Record<string, any>[] };
    expect(out.messages[0]!.allowed_mentions).toEqual({ parse: [] });
    const who = await cli(['who', 'coast guard', '--discord', '--seeds', corpus()]);
    expect(JSON.stringify(JSON.parse(who.stdout))).not.toMatch(/(?<!\\u200b)@everyone/);
  });
});
