/**
 * The CLI contract for every command's --json shape (who, timeline, digest, verify,
 * compare), through the real CLI: one JSON object, the shared fields, each command's
 * extra fields with the documented types, every citation verbatim in its seed file,
 * and every citation number used anywhere pointing at a listed citation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupTempDirs, cli, nonVerbatim, SEEDS, tempDir, type ChildResult } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

type Json = Record<string, unknown> & {
  command: string;
  answered: boolean;
  text: string;
  citations: { n: number; source: string; quote: string; title: string; outlet: string | null; date: string | null; url: string | null }[];
  followUps: string[];
};

const runs: Record<string, ChildResult> = {};
const json: Record<string, Json> = {};
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('dispatch-cli-cmds-');
  const cmds: Record<string, string[]> = {
    who: ['who', 'Peskov', '--json'],
    timeline: ['timeline', '--json'],
    timelineFiltered: ['timeline', '--from', '2025-11-01', '--to', '2025-11-30', '--json'],
    digest: ['digest', '--json'],
    verify: ['verify', 'Trump ordered strikes on Venezuelan drug boats', '--json'],
    compare: ['compare', '--json'],
  };
  const names = Object.keys(cmds);
  const results = await Promise.all(names.map((n) => cli(cmds[n]!, { DATA_DIR: dataDir })));
  names.forEach((n, i) => {
    runs[n] = results[i]!;
    const out = results[i]!.stdout;
    if (results[i]!.code === 0 && out.trimEnd().split('\n').length === 1) json[n] = JSON.parse(out) as Json;
  });
});

const nsOf = (j: Json) => new Set(j.citations.map((c) => c.n));
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

describe.each(['who', 'timeline', 'timelineFiltered', 'digest', 'verify', 'compare'])('cli %s --json', (name) => {
  it('exit 0, exactly one JSON object, the shared fields, verbatim citations', () => {
    const r = runs[name]!;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const j = json[name]!;
    expect(j).toBeDefined();
    expect(typeof j.answered).toBe('boolean');
    expect(typeof j.text).toBe('string');
    expect(Array.isArray(j.citations) && Array.isArray(j.followUps)).toBe(true);
    j.citations.forEach((c, i) => {
      expect(c.n).toBe(i + 1);
      expect(typeof c.quote).toBe('string');
      expect(c.date === null || DATE.test(c.date)).toBe(true);
    });
    expect(nonVerbatim(j.citations, SEEDS)).toEqual([]);
    for (const m of j.text.matchAll(/\[(\d+)\]/g)) expect(nsOf(j).has(Number(m[1])), `[${m[1]}] in text`).toBe(true);
  });
});

describe('command-specific fields', () => {
  it('who: entity {name, kind, aliases[], description}', () => {
    const j = json.who!;
    expect(j.command).toBe('who');
    expect(j.answered).toBe(true);
    const e = j.entity as { name: string; kind: string; aliases: string[]; description: string };
    expect(e.name).toMatch(/Peskov/);
    expect(['person', 'organization', 'place', 'other']).toContain(e.kind);
    expect(e.kind).toBe('person');
    expect(Array.isArray(e.aliases)).toBe(true);
    expect(typeof e.description).toBe('string');
    expect(j.citations.some((c) => c.quote.includes('Peskov'))).toBe(true);
  });

  function checkEvents(j: Json) {
    const events = j.events as { date: string | null; precision: string; text: string; citations: number[]; reportedIn: string[] }[];
    expect(Array.isArray(events)).toBe(true);
    expect(events.length).toBeGreaterThan(0);
    let seenUndated = false;
    let prev = '';
    for (const e of events) {
      expect(['day', 'month', 'year', 'unknown']).toContain(e.precision);
      expect(typeof e.text).toBe('string');
      expect(Array.isArray(e.reportedIn) && e.reportedIn.length > 0).toBe(true);
      for (const n of e.citations) expect(nsOf(j).has(n)).toBe(true);
      if (e.date === null) {
        expect(e.precision).toBe('unknown');
        seenUndated = true;
      } else {
        expect(seenUndated, 'a dated event after an undated one').toBe(false);
        expect(e.date).toMatch(DATE);
        expect({ day: 10, month: 7, year: 4 }[e.precision as 'day']).toBe(e.date.length);
        expect(e.date >= prev.slice(0, e.date.length) || prev.startsWith(e.date), `${prev} then ${e.date}`).toBe(true);
        prev = e.date;
      }
    }
    return events;
  }

  it('timeline: events in chronological order, undated after, citations valid', () => {
    expect(json.timeline!.command).toBe('timeline');
    checkEvents(json.timeline!);
  });

  it('timeline --from/--to keeps dated events inside the range', () => {
    const events = checkEvents(json.timelineFiltered!);
    for (const e of events) if (e.date && e.date.length === 10) expect(e.date >= '2025-11-01' && e.date <= '2025-11-30', e.date).toBe(true);
    expect(events.length).toBeLessThanOrEqual((json.timeline!.events as unknown[]).length);
  });

  it('digest: sections {heading, text, citations[]} and, when present, a PNG image', () => {
    const j = json.digest!;
    const sections = j.sections as { heading: string; text: string; citations: number[] }[];
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) {
      expect(typeof s.heading).toBe('string');
      expect(typeof s.text).toBe('string');
      for (const n of s.citations) expect(nsOf(j).has(n)).toBe(true);
    }
    if (j.image !== undefined) {
      expect(typeof j.image).toBe('string');
      expect(existsSync(j.image as string)).toBe(true);
      expect(readFileSync(j.image as string).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    }
  });

  it('verify: a verdict from the documented set', () => {
    expect(['supported', 'contradicted', 'partly supported', 'not addressed']).toContain(json.verify!.verdict);
  });

  it('compare: disagreements {topic, sides[{text, citations[]}]}', () => {
    const j = json.compare!;
    const ds = j.disagreements as { topic: string; sides: { text: string; citations: number[] }[] }[];
    expect(Array.isArray(ds)).toBe(true);
    for (const d of ds) {
      expect(typeof d.topic).toBe('string');
      expect(d.sides.length).toBeGreaterThan(0);
      for (const s of d.sides) {
        expect(typeof s.text).toBe('string');
        for (const n of s.citations) expect(nsOf(j).has(n)).toBe(true);
      }
    }
    // The seed story's best-known disagreement: "more than 60" vs "at least 61" killed.
    expect(ds.some((d) => /more than 60/.test(JSON.stringify(d)) && /at least 61/.test(JSON.stringify(d)))).toBe(true);
  });
});
