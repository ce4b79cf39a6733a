/**
 * The digest message (src/discord/render-digest.ts): new articles first and as link buttons,
 * at most three developments and three figures, within ~2,500 characters whatever the engine
 * hands it, Quotes scoped to what is shown, and the quiet-day note.
 */
import { describe, expect, it } from 'vitest';
import { digestNote, isQuietDay, renderDigest } from '../src/discord/render-digest.js';
import { payloadViolations, unescapeText } from '../src/discord/render.js';
import { digest } from '../src/engines/digest.js';
import type { Answer, Citation } from '../src/types.js';
import { SEEDS, makeDeps } from './digest-fixtures.js';

describe('renderDigest', () => {
  it('puts the new articles first, as link buttons where they have URLs', async () => {
    const deps = await makeDeps(SEEDS);
    const answer = await digest(deps, { since: 0, chartDir: null });
    const fresh = answer.meta!.newArticles as { title: string; url: string | null }[];
    expect(fresh.length).toBeGreaterThan(0);
    const { message, view } = renderDigest(answer, { key: '1577601309358424064', now: Date.parse('2026-06-01T09:00:00Z') });
    expect(payloadViolations(message)).toEqual([]);
    const d = message.embeds[0]!.description!;
    expect(d.startsWith('**New since the last digest** <t:0:R>')).toBe(true);
    expect(d.indexOf('New since')).toBeLessThan(d.indexOf('What matters'));
    const links = message.components.flatMap((r) => r.components).filter((b) => b.style === 5);
    const urls = [...new Set(fresh.map((a) => a.url).filter(Boolean))];
    expect(links.map((b) => ('url' in b ? b.url : ''))).toEqual(urls.slice(0, 10));
    expect(d).toContain('updated <t:1780304400:R>');
    // the Quotes view holds exactly the citations shown, numbered as shown
    const shown = [...new Set([...d.matchAll(/\\\[\[?(\d+)/g)].map((m) => Number(m[1])))];
    expect(view.citations.map((c) => c.n)).toEqual(shown.sort((a, b) => a - b));
    for (const c of view.citations) expect(answer.citations.some((o) => o.quote === c.quote && o.source === c.source)).toBe(true);
  });

  it('stays one valid message of about 2,500 characters however long the engine’s sections are', () => {
    const cites: Citation[] = Array.from({ length: 40 }, (_, i) => ({ n: i + 1, source: `00${i}.txt`, quote: `q${i}`, title: `Title ${i} `.repeat(20), outlet: i % 2 ? 'Outlet' : null, date: '2025-11-05', url: `https://news.example/${i}` }));
    const long = (i: number) => `${'A very long sentence about **the** [story] @everyone <@123456789012345678> '.repeat(12)}[${i}][${i + 1}] (3 independent sources)`;
    const answer: Answer = {
      command: 'digest',
      answered: true,
      title: 'Digest: '.padEnd(300, 'x'),
      blocks: [],
      citations: cites,
      followUps: [],
      sections: [
        { heading: 'Where the story stands', text: long(1), citations: [1] },
        { heading: 'Key developments', text: [3, 5, 7, 9, 11].map((i) => `• ${long(i)}`).join('\n'), citations: [] },
        { heading: 'Key figures and how they changed', text: [13, 15, 17, 19].map((i) => `• Troops: 4,500 troops (August; per “A (long) title”, X) [${i}] → 10,000 troops (since then; per Y) [${i + 1}]`).join('\n'), citations: [] },
      ],
      notes: ['000_46500a0d823731af.txt carries no date'],
      meta: { since: 0, newArticles: Array.from({ length: 12 }, (_, i) => ({ id: `n${i}.txt`, date: '2025-11-05', title: `New ${i} `.repeat(30), outlet: 'Wire', url: `https://news.example/new/${i}` })), articleIds: [] },
    };
    const { message } = renderDigest(answer, { key: '1577601309358424064', chart: { name: 'digest-chart.png' } });
    expect(payloadViolations(message)).toEqual([]);
    const e = message.embeds[0]!;
    expect(e.title!.length + e.description!.length).toBeLessThanOrEqual(2500);
    expect((e.description!.match(/^• /gm) ?? []).length).toBeLessThanOrEqual(5 + 3 + 3);
    expect(e.description).not.toMatch(/\.txt/);
    expect(e.description).not.toMatch(/(^|[^\\])@everyone/);
    expect(unescapeText(e.description!)).toContain('<@123456789012345678>');
    expect(e.description).toContain('\\<@123456789012345678>');
    expect(message.components.length).toBeLessThanOrEqual(5);
    expect(message.components.flatMap((r) => r.components).filter((b) => b.style === 5)).toHaveLength(10);
  });

  it('a quiet day: isQuietDay, and the one-line note', () => {
    const base: Answer = { command: 'digest', answered: true, title: 'Digest', blocks: [], citations: [], followUps: [] };
    expect(isQuietDay({ ...base, meta: { since: 1780304400000, newArticles: [] } })).toBe(true);
    expect(isQuietDay({ ...base, meta: { since: null, newArticles: [] } })).toBe(false); // a first digest
    expect(isQuietDay({ ...base, meta: { since: 1780304400000, newArticles: [{ id: 'a' }] } })).toBe(false);
    const note = digestNote({ ...base, meta: { since: 1780304400000, newArticles: [] } });
    expect(note).toEqual({ content: 'No new articles since the last digest <t:1780304400:R>.', embeds: [], components: [] });
  });
});
