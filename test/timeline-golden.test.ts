/**
 * /timeline on the five seed articles against a hand-written list of every dated
 * event (test/golden/events.ts): prints precision and recall, checks merging of
 * the same event across articles, ordering, filters, paging and verbatim quotes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { isBadInputError } from '../src/errors.js';
import { timeline } from '../src/engines/timeline.js';
import { createStore } from '../src/store/index.js';
import type { Answer, TimelineEvent } from '../src/types.js';
import { GOLDEN_EVENTS, type GoldenEvent } from './golden/events.js';

const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');

function expectVerbatim(a: Answer, dir = SEEDS): void {
  for (const c of a.citations) {
    const raw = readFileSync(path.join(dir, c.source), 'utf8');
    expect(isVerbatim(raw, c.quote), `[${c.n}] ${c.source}: ${c.quote}`).toBe(true);
  }
  const ns = new Set(a.citations.map((c) => c.n));
  for (const e of a.events ?? []) for (const n of e.citations) expect(ns.has(n)).toBe(true);
  for (const b of a.blocks) for (const m of b.text.matchAll(/\[(\d+)\]/g)) expect(ns.has(Number(m[1]))).toBe(true);
}

/** The engine events whose citations quote the golden sentence. */
function eventsFor(a: Answer, g: GoldenEvent): TimelineEvent[] {
  const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  return (a.events ?? []).filter((e) => e.citations.some((n) => {
    const c = a.citations.find((x) => x.n === n)!;
    return c.source === g.source && norm(c.quote).includes(norm(g.contains));
  }));
}

describe('/timeline on the seeds', () => {
  let deps: Deps;
  let all: Answer;
  beforeAll(async () => {
    const config = loadConfig({ SEEDS_DIR: SEEDS, LOG_LEVEL: 'silent' }, process.cwd());
    deps = await buildDeps(config, { store: createStore({ kind: 'memory' }), persistIndex: false, llm: null });
    all = await runCommand(deps, { command: 'timeline' });
  });
  afterAll(async () => {
    await deps.store.close();
  });

  it('dates every golden event correctly (precision/recall printed)', () => {
    const scored = GOLDEN_EVENTS.filter((g) => !g.ambiguous);
    let found = 0;
    let right = 0;
    const misses: string[] = [];
    for (const g of scored) {
      const evs = eventsFor(all, g);
      if (!evs.length) {
        misses.push(`missing: ${g.source.slice(0, 3)} "${g.contains}"`);
        continue;
      }
      found++;
      const e = evs[0]!;
      if (e.date === g.date && e.precision === g.precision && Boolean(e.background) === Boolean(g.background)) right++;
      else misses.push(`wrong: ${g.source.slice(0, 3)} "${g.contains}" → ${e.date}/${e.precision}${e.background ? '/background' : ''}, expected ${g.date}/${g.precision}${g.background ? '/background' : ''}`);
    }
    // Precision: an engine event is right when every golden sentence it cites has its date and precision.
    let correct = 0;
    const extra: string[] = [];
    for (const e of all.events!) {
      const golds = GOLDEN_EVENTS.filter((g) => eventsFor({ ...all, events: [e] }, g).length);
      if (!golds.length) extra.push(`${e.date ?? 'undated'}: ${e.text.slice(0, 80)}`);
      else if (golds.every((g) => g.ambiguous || (g.date === e.date && g.precision === e.precision))) correct++;
    }
    const recall = right / scored.length;
    const precision = correct / all.events!.length;
    const datedGold = scored.filter((g) => g.date);
    const datedRight = datedGold.filter((g) => eventsFor(all, g).some((e) => e.date === g.date && e.precision === g.precision)).length;
    console.log(
      `[timeline] events: recall ${(recall * 100).toFixed(1)}% (${right}/${scored.length} golden sentences with the right date and precision; dated ${datedRight}/${datedGold.length}), ` +
        `precision ${(precision * 100).toFixed(1)}% (${correct}/${all.events!.length} engine entries); found ${found}/${scored.length}`,
    );
    if (misses.length) console.log(`[timeline] misses:\n  ${misses.join('\n  ')}`);
    if (extra.length) console.log(`[timeline] entries not in the golden list:\n  ${extra.join('\n  ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('tells one event once: the same event in several articles is one entry with several citations', () => {
    const groups = new Map<string, GoldenEvent[]>();
    for (const g of GOLDEN_EVENTS) if (g.group) groups.set(g.group, [...(groups.get(g.group) ?? []), g]);
    let merged = 0;
    for (const [name, gs] of groups) {
      const entries = new Set(gs.flatMap((g) => eventsFor(all, g)));
      if (entries.size === 1) merged++;
      else console.log(`[timeline] "${name}" is split over ${entries.size} entries`);
      const e = [...entries][0]!;
      expect(e.reportedIn.length).toBeGreaterThanOrEqual(new Set(gs.map((g) => g.source)).size === 1 ? 1 : 2);
    }
    console.log(`[timeline] merged ${merged}/${groups.size} multi-report events`);
    expect(merged).toBe(groups.size);
    // 002 is a near-duplicate of 000: the shared entry says so rather than counting two voices.
    const friday = eventsFor(all, GOLDEN_EVENTS[0]!)[0]!;
    expect(friday.reportedIn.sort()).toEqual(['000_46500a0d823731af.txt', '002_fc5e09306d15ac96.txt']);
    expect(friday.note).toMatch(/1 independent/);
  });

  it('explains inferred dates and leaves unanchored ones unresolved', () => {
    const hegseth = eventsFor(all, GOLDEN_EVENTS.find((g) => g.contains.startsWith('On Oct. 24'))!)[0]!;
    // The event says only what was inferred; the reasoning is said once, in the answer's notes.
    expect(hegseth.note).toBe('year inferred');
    const bondi = eventsFor(all, GOLDEN_EVENTS.find((g) => g.contains.startsWith('In August, Attorney General'))!)[0]!;
    expect(bondi.note).toBe('year inferred');
    const inferredNotes = (all.notes ?? []).filter((n) => n.startsWith('Inferred:'));
    expect(inferredNotes).toHaveLength(1);
    expect(inferredNotes[0]).toMatch(/Inferred: 001_080066696a52c0c3.txt carries no date/);
    expect(inferredNotes[0]).toMatch(/places on Sunday 2 November 2025, so it was written 2–8 November 2025/);
    expect(all.events!.filter((e) => /carries no date, but/.test(e.note ?? ''))).toEqual([]);
    // An event a dated article gives outright carries no inference note, though the undated one tells it too.
    const cbs = eventsFor(all, GOLDEN_EVENTS.find((g) => g.contains.startsWith('Donald Trump replied on November 2'))!)[0]!;
    expect(cbs.reportedIn).toContain('001_080066696a52c0c3.txt');
    expect(cbs.note ?? '').not.toMatch(/inferred/i);
    // A tenure range dates nobody's statement: background, year precision, said so.
    const story = eventsFor(all, GOLDEN_EVENTS.find((g) => g.contains === 'from 2018–2023')!)[0]!;
    expect(story).toMatchObject({ date: '2018', precision: 'year', background: true });
    expect(story.note).toMatch(/^tenure 2018–2023/);
    const tuesday = eventsFor(all, GOLDEN_EVENTS.find((g) => g.contains.startsWith('On Tuesday afternoon'))!)[0]!;
    expect(tuesday).toMatchObject({ date: null, precision: 'unknown' });
    expect(tuesday.note).toBe('a Tuesday, date not given');
    const china = eventsFor(all, GOLDEN_EVENTS.find((g) => g.contains.startsWith('China on Tuesday'))!)[0]!;
    // Its window allows 28 October or 4 November; the reading that keeps the article's days closest together is taken, and said.
    expect(china).toMatchObject({ date: '2025-11-04', note: 'date inferred' });
  });

  it('orders dated events chronologically, undated after, in the CLI-contract shape', () => {
    const evs = all.events!;
    const firstUndated = evs.findIndex((e) => e.date === null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(evs.slice(firstUndated).every((e) => e.date === null)).toBe(true);
    const dated = evs.slice(0, firstUndated).map((e) => e.date!);
    expect([...dated].sort()).toEqual(dated);
    for (const e of evs) {
      expect(e.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.date)).toBe(true);
      expect(['day', 'month', 'year', 'unknown']).toContain(e.precision);
      expect(e.precision === 'unknown').toBe(e.date === null);
      if (e.date) expect(e.date.length).toBe(e.precision === 'day' ? 10 : e.precision === 'month' ? 7 : 4);
      expect(e.citations.length).toBeGreaterThan(0);
      expect(e.reportedIn.length).toBeGreaterThan(0);
    }
    expect(evs[0]).toMatchObject({ date: '1983', precision: 'year', background: true });
    expectVerbatim(all);
  });

  it('filters by entity (with aliases), by words and by dates', () => {
    const hegseth = timeline(deps, { about: 'Hegseth', aliasesOf: (x) => (x === 'Hegseth' ? ['Pete Hegseth', 'Hegseth'] : null) });
    expect(hegseth.events!.map((e) => e.date)).toEqual(['2025-10-24']);
    const trump = runCommand(deps, { command: 'timeline', about: 'Donald Trump' });
    return trump.then((t) => {
      // "President Trump said on Friday …" mentions only "Trump": the alias finds it.
      expect(t.events!.some((e) => e.date === '2025-10-31')).toBe(true);
      expect(t.events!.every((e) => e.citations.some((n) => /Trump|79-year-old|New Yorker/.test(t.citations.find((c) => c.n === n)!.quote)))).toBe(true);
      const nov = timeline(deps, { from: '2025-11-01', to: '2025-11-30' });
      expect(nov.events!.length).toBeGreaterThan(0);
      expect(nov.events!.every((e) => e.date !== null && e.date >= '2025-11' && e.date <= '2025-11-30')).toBe(true);
      const aug = timeline(deps, { from: '2025-08-15', to: '2025-08-20' });
      // A month-precision event overlaps a range inside its month.
      expect(aug.events!.every((e) => e.date === '2025-08')).toBe(true);
      expect(aug.events!.length).toBe(3);
      // Sentences the text ties to a person count as about them: "The Kremlin spokesman told … Tass on November 2".
      const peskov = timeline(deps, { about: 'Peskov' });
      expect(peskov.events!.map((e) => e.date)).toEqual(['2025-11-02']);
      expect(peskov.events![0]!.text).toContain('The Kremlin spokesman told');
      // Plain words match the sentence, its paragraph, or the profile of an entity it names:
      // "the Gerald R. Ford" is described elsewhere as "the Navy's most advanced aircraft carrier".
      const carrier = timeline(deps, { about: 'aircraft carrier' });
      expect(carrier.events!.map((e) => e.date)).toEqual(expect.arrayContaining(['1983', '2025-10-24']));
      expect(carrier.events!.find((e) => e.date === '2025-10-24')!.text).toContain('Gerald R. Ford');
      expect(timeline(deps, { about: 'Aircraft Carriers' }).events!.map((e) => e.date)).toEqual(carrier.events!.map((e) => e.date));
      expect(carrier.events!.some((e) => e.text.includes('China on Tuesday'))).toBe(false);
      const none = timeline(deps, { about: 'unicorns' });
      expect(none.answered).toBe(false);
      expect(none.events).toEqual([]);
      expectVerbatim(nov);
    });
  });

  it('handles hostile filters without crashing', async () => {
    await expect(runCommand(deps, { command: 'timeline', about: 'x'.repeat(5000) })).rejects.toSatisfy(isBadInputError);
    await expect(runCommand(deps, { command: 'timeline', from: 'yesterday' })).rejects.toSatisfy(isBadInputError);
    await expect(runCommand(deps, { command: 'timeline', from: '2025-13-01' })).rejects.toSatisfy(isBadInputError);
    await expect(runCommand(deps, { command: 'timeline', from: '2025-12-01', to: '2025-11-01' })).rejects.toSatisfy(isBadInputError);
    for (const about of ['@everyone', '🙂', "'; DROP TABLE events; --", '.*+?^${}()|[]\\', '(a+)+$', '   ']) {
      const a = await runCommand(deps, { command: 'timeline', about });
      expect(a.command).toBe('timeline');
      if (!a.answered) expect(a.citations).toEqual([]);
      expectVerbatim(a);
    }
    // A filter of blanks or punctuation only is no filter (and no error).
    const total = (await runCommand(deps, { command: 'timeline' })).events!.length;
    for (const about of ['', '   ', '?!', ' … ', '""']) {
      const a = timeline(deps, { about });
      expect(a.answered).toBe(true);
      expect(a.events!.length).toBe(total);
      expect(a.title).not.toMatch(/about/);
      expect((await runCommand(deps, { command: 'timeline', about })).events!.length).toBe(total);
    }
    // Through runCommand the page option reaches the engine.
    const p2 = await runCommand(deps, { command: 'timeline', page: 2 });
    expect(p2.meta).toMatchObject({ page: 2 });
  });

  it('pages a long timeline instead of truncating it', () => {
    const p1 = timeline(deps, { pageSize: 5 });
    const pages = p1.meta!.pages as number;
    expect(pages).toBeGreaterThan(2);
    expect(p1.events!.length).toBe(all.events!.length); // JSON keeps every event
    const seen: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const a = timeline(deps, { pageSize: 5, page: p });
      expect(a.meta).toMatchObject({ page: p, pages });
      seen.push(...a.blocks.map((b) => b.text));
    }
    expect(seen.length).toBe(all.events!.length);
    expect(timeline(deps, { pageSize: 5, page: 999 }).meta!.page).toBe(pages);
  });
});
