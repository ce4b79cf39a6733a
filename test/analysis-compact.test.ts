/**
 * Parts read from the analysis file are held in a compact form (issue 14, memory at 10,000
 * articles): figures, digest figures, events and figure facts copied field by field with shared
 * strings, the event postings as shared one-event lists and typed arrays, the dates by sentence
 * sharing one object per distinct date. The values must be the ones a fresh build gives — the same
 * fields in the same order, the same lookups — and the postings must write back the same JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYSIS_FILE, decodeAnalysisFile } from '../src/analysis/file.js';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, flushAnalysis, warmAnalysis } from '../src/analysis/index.js';
import { buildEventIndex } from '../src/analysis/event-index.js';
import { datesBySentence } from '../src/analysis/events.js';
import { createStore } from '../src/store/index.js';
import { silentLogger } from '../src/log.js';
import { ROOT, SEEDS, cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';
import { fold, terms } from '../src/language/tokenize.js';
import { runsOf } from '../src/analysis/event-index.js';

afterAll(() => cleanupTempDirs());

async function start(dataDir: string): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: SEEDS, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger, clock: () => new Date('2025-11-20T12:00:00Z') });
}

/** Sentences and articles as their ids: the rest of each value as JSON, keys in their order. */
const json = (x: unknown) =>
  JSON.stringify(x, (k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && 'paragraphs' in (v as object) && 'raw' in (v as object)) return `article:${(v as { id: string }).id}`;
    if (k === 'sentence' && v && typeof v === 'object') return `sentence:${(v as { id: string }).id}`;
    if (v instanceof Map) return [...v];
    return v;
  });

/** Everything the compact forms hold, as JSON. */
function snapshot(deps: Deps) {
  const a = analysisOf(deps);
  const latest = a.corpus.articles.map((x) => x.date).filter((d): d is string => !!d).sort().pop() ?? null;
  const sentenceIds = a.corpus.articles.flatMap((x) => x.sentences.map((s) => s.id));
  const words = [...new Set(a.corpus.articles.flatMap((x) => terms(x.title ?? '')))].slice(0, 60);
  const runs = [...new Set(a.corpus.articles.flatMap((x) => runsOf(fold(x.title ?? ''))))].slice(0, 60);
  const bySentence: number[][] = sentenceIds.map((id) => {
    const out: number[] = [];
    a.eventIndex.bySentences([id], (e) => out.push(e));
    return out;
  });
  const byTerms = words.map((w) => {
    const out: number[] = [];
    const some = a.eventIndex.byTerms([w], (e) => out.push(e));
    return [some, out];
  });
  const pairs = words.slice(0, 20).map((w, i) => {
    const out: number[] = [];
    a.eventIndex.byTerms([w, words[(i + 1) % words.length]!], (e) => out.push(e));
    return out;
  });
  return {
    figures: json(new Map(a.figures)),
    digest: json(a.corpus.articles.map((x) => a.digestFigures(x, x.date ?? latest))),
    plainCounts: json(a.plainCounts),
    events: json(a.events.events),
    figureFacts: json(a.figureFacts),
    sentenceDates: json([...a.sentenceDates]),
    eventPostings: json({ bySentence, byTerms, pairs, runs: runs.map((r) => [...a.eventIndex.byRun(r)]), allRuns: a.eventIndex.byRuns(runs.slice(0, 2)) }),
    eventIndexJson: json(a.eventIndex.toJson()),
  };
}

describe('compact parts of a loaded analysis', () => {
  it('are the values and lookups a fresh build gives, fields in the same order', async () => {
    const dataDir = tempDir('dispatch-analysis-compact-');
    const cold = await start(dataDir);
    await warmAnalysis(cold);
    await flushAnalysis(cold);
    const built = snapshot(cold);
    const warm = await start(dataDir);
    const loaded = snapshot(warm);
    expect(analysisOf(warm).events.events.length).toBeGreaterThan(10);
    expect(JSON.parse(built.digest).flat().length).toBeGreaterThan(10);
    // A loaded figure or event has had its fields in another order than a built one (the sentence, the members
    // last) since the file was introduced: the loaded ones are compared with the stored JSON read as before.
    for (const k of Object.keys(built) as (keyof typeof built)[]) if (k !== 'figures' && k !== 'digest' && k !== 'events') expect(loaded[k], k).toBe(built[k]);
    const file = decodeAnalysisFile(readFileSync(path.join(dataDir, 'analysis', ANALYSIS_FILE)));
    const a = analysisOf(warm);
    const sentences = new Map(a.corpus.articles.flatMap((x) => x.sentences.map((s) => [s.id, s] as const)));
    // The former hydration, verbatim: a rest pattern and a spread.
    const figure = ({ s, ...f }: { s: string }) => ({ ...f, sentence: sentences.get(s)! });
    const latest = a.corpus.articles.map((x) => x.date).filter((d): d is string => !!d).sort().pop() ?? null;
    const keyOf = (x: (typeof a.corpus.articles)[number]) => `${x.id}\u0000${x.hash}\u0000${x.date ?? latest ?? ''}`;
    const figures = new Map<string, unknown[]>();
    for (const x of a.corpus.articles) for (const f of (file.figures[keyOf(x)] ?? []).map(figure)) figures.set(f.sentence.id, [...(figures.get(f.sentence.id) ?? []), f]);
    expect(loaded.figures).toBe(json(figures));
    expect(loaded.digest).toBe(json(a.corpus.articles.map((x) => (file.digest[keyOf(x)] ?? []).map(figure))));
    const events = file.parts.events!.events.map(({ members, ...rest }) => ({
      ...rest,
      members: (members as { s: string }[]).map(({ s, ...m }) => ({ article: a.corpus.byId.get(sentences.get(s)!.articleId)!, sentence: sentences.get(s)!, ...m })),
    }));
    expect(loaded.events).toBe(json(events));
    // Built and loaded hold the same values, whatever the order of their fields.
    const sorted = (text: string) => JSON.stringify(JSON.parse(text), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v));
    for (const k of ['figures', 'digest', 'events'] as const) expect(sorted(loaded[k]), k).toBe(sorted(built[k]));
    // The entity keys (made per key when first read) and the who facts (per entity, one loader for all) are the built ones.
    const keys = (d: Deps) => JSON.stringify([...analysisOf(d).entities.byKey].map(([k, es]) => [k, es.map((e) => e.id)]));
    const facts = (d: Deps) => {
      const f = analysisOf(d).facts;
      const side = (m: typeof f.quotes) => [...m].map(([e, list]) => [e.id, list.map((x) => [x.article.id, x.sentences.map((s) => s.id)])]);
      return JSON.stringify([side(f.quotes), side(f.actions)]);
    };
    const warm2 = await start(dataDir);
    expect(analysisOf(warm2).entities.byKey.get('maduro')?.map((e) => e.id)).toEqual(analysisOf(cold).entities.byKey.get('maduro')?.map((e) => e.id));
    expect(keys(warm2)).toBe(keys(cold));
    expect(analysisOf(warm2).entities.byKey.size).toBe(analysisOf(cold).entities.byKey.size);
    expect(facts(warm2)).toBe(facts(cold));
    // And the event postings rebuilt from the loaded events are the loaded ones.
    expect(json(buildEventIndex(analysisOf(warm).events.events).toJson())).toBe(loaded.eventIndexJson);
    // Loaded, a run of one event gives that event's one shared list (one array per event, not per run), its values the built ones.
    const ix = analysisOf(warm).eventIndex;
    const builtIx = analysisOf(cold).eventIndex;
    const one = new Map<number, readonly number[]>();
    let shared = 0;
    for (const r of new Set(a.corpus.articles.flatMap((x) => x.sentences.flatMap((s) => runsOf(fold(s.text)))))) {
      const list = ix.byRun(r);
      expect([...list], r).toEqual([...builtIx.byRun(r)]);
      if (list.length !== 1) continue;
      const seen = one.get(list[0]!);
      if (seen) {
        expect(list).toBe(seen);
        shared++;
      } else one.set(list[0]!, list);
    }
    expect(shared).toBeGreaterThan(10);
  });

  it('share one date object per distinct date, precision and background', async () => {
    const deps = await start(tempDir('dispatch-analysis-dates-'));
    const events = analysisOf(deps).events;
    const map = datesBySentence(events);
    const objects = new Set([...map.values()].flat());
    const distinct = new Set([...objects].map((d) => `${d.date}|${d.precision}|${d.background}`));
    expect(objects.size).toBe(distinct.size);
    // The same dates as each sentence's events give, once per date, in event order.
    const want = new Map<string, { date: string; precision: string; background: boolean }[]>();
    for (const e of events.events) {
      if (!e.date || e.precision === 'unknown') continue;
      for (const m of e.members) {
        const list = want.get(m.sentence.id) ?? [];
        if (!list.some((x) => x.date === e.date)) list.push({ date: e.date, precision: e.precision, background: e.background });
        want.set(m.sentence.id, list);
      }
    }
    expect(JSON.stringify([...map])).toBe(JSON.stringify([...want]));
    expect(map.size).toBeGreaterThan(10);
  });
});
