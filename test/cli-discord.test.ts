/**
 * `--discord` (CLI-CONTRACT.md): the Discord message bodies the bot would send, through
 * the real CLI as a child process. Checked against Discord's limits and our rules:
 * pings off in every body, the answer's quotes present, buttons carry ids a live answer has.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SEEDS, cleanupTempDirs, cli, writeCorpus } from './helpers/corpus-fixtures.js';

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

/** The characters a reader sees in one message: content, embed titles, descriptions, fields, footers. */
const shown = (m: Record<string, any>) =>
  (m.content?.length ?? 0) +
  (m.embeds ?? []).reduce(
    (n: number, e: any) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text?.length ?? 0) + (e.fields ?? []).reduce((k: number, f: any) => k + f.name.length + f.value.length, 0),
    0,
  );
const buttons = (m: Record<string, any>) => (m.components ?? []).flatMap((r: any) => r.components);
const FILE = /\d{3}_[0-9a-f]{16}\.txt|\d{3}\\_[0-9a-f]{16}\.txt/;

describe('cli --discord on the seeds: the cards of issue 13', () => {
  const run = async (...args: string[]) => {
    const r = await cli([...args, '--discord', '--seeds', SEEDS]);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { messages: Record<string, any>[] }).messages;
  };

  it('/ask: first message ≤ 1,500 characters, a link button to each cited article with a URL; /who ≤ 2,000; no file names; pings off; verdict colours differ', async () => {
    const [ask, who, timeline, supported, contradicted, compare, sources] = await Promise.all([
      run('ask', 'how many troops are out there now?'),
      run('who', 'Nicolás Maduro'),
      run('timeline'),
      run('verify', 'The reward for Maduro is $50 million'),
      run('verify', 'The reward for Maduro is $10 million'),
      run('compare'),
      run('sources'),
    ]);
    const first = ask[0]!;
    expect(shown(first)).toBeLessThanOrEqual(1500);
    // every article the card cites that has a URL has a link button (the Sources lines name the cited articles)
    const herald = 'https://www.miamiherald.com/news/nation-world/world/americas/venezuela/article312768769.html#storylink=cpy';
    expect(first.embeds[0].description).toContain('Miami Herald');
    expect(buttons(first).filter((b: any) => b.style === 5).map((b: any) => b.url)).toEqual([herald]);
    expect(first.embeds[0].description).not.toMatch(/independent article/);
    expect(shown(who[0]!)).toBeLessThanOrEqual(2000);
    expect(buttons(who[0]!).map((b: any) => b.label)).toEqual(expect.arrayContaining(['More quotes', 'Timeline']));
    expect(supported[0]!.embeds[0].color).not.toBe(contradicted[0]!.embeds[0].color);
    for (const m of [...ask, ...who, ...timeline, ...supported, ...contradicted, ...compare, ...sources]) {
      expect(m.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(m)).not.toMatch(FILE);
      expect(JSON.stringify(m)).not.toMatch(/outlet not given/);
    }
    // the timeline: short dated lines, nothing before the story first
    expect(timeline[0]!.embeds[0].description).toMatch(/^\*\*(\d{1,2} )?[A-Z][a-z]{2} 2025\*\* — /);
  });
});
