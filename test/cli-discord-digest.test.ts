/**
 * The digest as the CLI's `--discord` prints it on the seeds (issue 13, "done means"): ONE
 * message of at most 3,000 characters in total (about 2,500 by design), pings off, the chart
 * uploaded and shown in the embed, a Quotes button, link buttons, no internal file name.
 */
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanupTempDirs, cli } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);
vi.setConfig({ testTimeout: 120_000 });

const SEEDS = path.resolve('seeds');

describe('cli digest --discord on the seeds', () => {
  it('is one message of at most 3,000 characters, with the chart, Quotes and link buttons, and no pings', async () => {
    const r = await cli(['digest', '--discord', '--seeds', SEEDS]);
    expect(r.code).toBe(0);
    const { messages } = JSON.parse(r.stdout) as { messages: Record<string, any>[] };
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(m.allowed_mentions).toEqual({ parse: [] });
    const shown =
      (m.content?.length ?? 0) +
      m.embeds.reduce((n: number, e: any) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text?.length ?? 0) + (e.fields ?? []).reduce((k: number, f: any) => k + f.name.length + f.value.length, 0), 0);
    expect(shown).toBeLessThanOrEqual(3000);
    expect(shown).toBeLessThanOrEqual(2500 + 200);
    const description: string = m.embeds[0].description;
    // new since the last digest first, then where it stands, what matters, key figures
    const order = ['First digest here', 'What matters', 'Key figures'].map((h) => description.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect((description.match(/^• /gm) ?? []).length).toBeLessThanOrEqual(6); // three developments, three figures
    expect(description).toMatch(/updated <t:\d+:R>/);
    expect(description.replace(/\(https?:\/\/[^)\s]+\)/g, '')).not.toMatch(/\b\w+\.(txt|md|html?)\b/); // file names, not links
    expect(m.embeds[0].image).toEqual({ url: 'attachment://digest-chart.png' });
    expect(m.attachments).toEqual([{ id: '0', filename: 'digest-chart.png' }]);
    const buttons = m.components.flatMap((row: any) => row.components);
    expect(buttons[0]).toMatchObject({ style: 2, custom_id: expect.stringMatching(/^q:\d+$/), label: expect.stringMatching(/^Quotes \(\d+\)$/) });
    expect(buttons.some((b: any) => b.style === 5 && /^https?:\/\//.test(b.url))).toBe(true);
  });
});
