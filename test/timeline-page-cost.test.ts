/**
 * /timeline makes what it shows (issue 14): a call quotes the events of its page (and numbers
 * the ones before it), not every event it keeps — a topic keeps thousands at 10,000 articles. The
 * answer's `events` and `citations` are made when something reads them (`--json`, the Discord
 * pager), and are then exactly what an eager answer held: every event, numbered by first use.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as cite from '../src/engines/cite.js';
import { timeline } from '../src/engines/timeline.js';
import { toJson } from '../src/console/render-text.js';
import { renderTimeline, timelinePages } from '../src/discord/render.js';
import { cleanupTempDirs, depsFor, SEEDS } from './helpers/corpus-fixtures.js';

// Count the quotes /timeline makes (`quoteSentences` quotes one telling, or one event's lead text).
vi.mock('../src/engines/cite.js', async (importOriginal) => {
  const m = await importOriginal<typeof cite>();
  return { ...m, quoteSentences: vi.fn(m.quoteSentences) };
});
const quotes = () => vi.mocked(cite.quoteSentences).mock.calls.length;

afterAll(cleanupTempDirs);

describe('/timeline makes the page it shows', () => {
  it('quotes only the first page’s events until the answer’s events are read', async () => {
    const deps = await depsFor(SEEDS);
    const before = quotes();
    const a = timeline(deps, { pageSize: 2 });
    const page = quotes() - before;
    expect(a.blocks).toHaveLength(2);
    expect(page).toBeGreaterThan(0);
    // Reading every event quotes the rest (each event's tellings are quoted once per corpus version).
    const total = a.events!.length;
    const all = quotes() - before;
    expect(total).toBeGreaterThan(6);
    expect(page).toBeLessThan(all);
    // and never again for this corpus version
    timeline(deps, { pageSize: 2 }).events;
    expect(quotes() - before).toBe(all);
  });

  it('gives every event with its citations exactly as an eagerly made answer, whatever is read first', async () => {
    const deps = await depsFor(SEEDS);
    for (const about of [undefined, 'Maduro', 'strikes']) {
      // read in three orders: events first, citations first, the CLI's JSON
      const a = timeline(deps, { about });
      const events = a.events!;
      const citations = a.citations;
      const b = timeline(deps, { about });
      expect(b.citations).toEqual(citations);
      expect(b.events).toEqual(events);
      const c = timeline(deps, { about });
      const json = JSON.parse(JSON.stringify(toJson(c)));
      expect(json.events).toEqual(events);
      expect(json.citations).toEqual(citations.map(({ n, source, quote, title, outlet, date, url }) => ({ n, source, quote, title, outlet, date, url })));
      // same keys, same order as a plain answer object
      expect(Object.keys(a)).toEqual(['command', 'answered', 'title', 'blocks', 'citations', 'followUps', 'events', ...(a.notes ? ['notes'] : []), 'meta']);
      // numbered by first use over all events, once per article and quote
      const seen: number[] = [];
      for (const e of events) for (const n of e.citations) if (!seen.includes(n)) seen.push(n);
      expect(seen).toEqual(citations.map((_, i) => i + 1));
      expect(citations.map((x) => x.n)).toEqual(seen);
    }
  });

  it('numbers a later page by the events before it, as the whole answer does', async () => {
    const deps = await depsFor(SEEDS);
    const all = timeline(deps, { pageSize: 3 });
    const events = all.events!;
    const pages = Math.ceil(events.length / 3);
    expect(pages).toBeGreaterThan(2);
    for (let p = 1; p <= pages; p++) {
      const a = timeline(deps, { pageSize: 3, page: p });
      const shown = events.slice((p - 1) * 3, p * 3);
      expect(a.blocks.map((b) => b.cites)).toEqual(shown.map((e) => e.citations));
      a.blocks.forEach((b, i) => expect(b.text.startsWith(`${shown[i]!.text} ${shown[i]!.citations.map((n) => `[${n}]`).join('')}`)).toBe(true));
      expect(a.meta).toMatchObject({ page: p, pages, total: events.length });
    }
  });

  it('renders the same Discord pages from a lazily made answer and from a plain copy of it', async () => {
    const deps = await depsFor(SEEDS);
    for (const about of [undefined, 'Maduro']) {
      const lazy = timeline(deps, { about });
      const plain = JSON.parse(JSON.stringify(timeline(deps, { about })));
      const n = timelinePages(plain).length;
      expect(timelinePages(lazy)).toEqual(timelinePages(plain));
      for (let p = 0; p < n; p++) expect(renderTimeline(lazy, p, { key: '1' })).toEqual(renderTimeline(plain, p, { key: '1' }));
    }
  });
});
