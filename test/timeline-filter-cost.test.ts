/**
 * A filtered /timeline reads only what its filter and page need (issue 14): the kept events are
 * marked from the postings and read in timeline order as far as the page goes, a date filter is a
 * few binary searches over the events in date order, and a spelling is tested only on the events
 * whose sentences hold all of its words. None of that may change what a filter shows: every filter
 * here is checked against the unfiltered timeline read the slow way (each event tested with
 * `matchesAbout` and the date bounds, in timeline order), and the work is counted, not timed.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as tokenize from '../src/language/tokenize.js';
import * as editDistance from '../src/language/edit-distance.js';
import { analysisOf } from '../src/analysis/index.js';
import type { MergedEvent } from '../src/analysis/events.js';
import type { Deps } from '../src/deps.js';
import { aboutEntity, entityIndexOf, lookupEntity, sentencesDescribedBy } from '../src/engines/who.js';
import { matchesAbout, timeline } from '../src/engines/timeline.js';
import type { Answer } from '../src/types.js';
import { toJson } from '../src/console/render-text.js';
import { generateArticles, VOCABULARY } from '../bench/generate.js';
import { cleanupTempDirs, depsFor, SEEDS, writeCorpus } from './helpers/corpus-fixtures.js';

// Record what /timeline folds (it folds an event's sentences to test a spelling on them).
vi.mock('../src/language/tokenize.js', async (importOriginal) => {
  const m = await importOriginal<typeof tokenize>();
  return { ...m, fold: vi.fn(m.fold) };
});

// Count the edit distances a lookup works out (a filter that names no entity needs none).
vi.mock('../src/language/edit-distance.js', async (importOriginal) => {
  const m = await importOriginal<typeof editDistance>();
  return { ...m, typoDistance: vi.fn(m.typoDistance) };
});

afterAll(cleanupTempDirs);

/** A date (any precision) within [from, to] (any precision), compared on the shared prefix: the definition. */
function inRange(date: string, from?: string, to?: string): boolean {
  if (from && date.slice(0, from.length) < from.slice(0, date.length)) return false;
  if (to && date.slice(0, to.length) > to.slice(0, date.length)) return false;
  return true;
}

/** Timeline order: dated events by date, then undated by article and position; ties keep the build's order. */
function inTimelineOrder(all: readonly MergedEvent[]): MergedEvent[] {
  const pos = new Map(all.map((e, i) => [e, i]));
  return [...all].sort((a, b) => {
    if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
    if (a.date && !b.date) return -1;
    if (!a.date && b.date) return 1;
    if (!a.date && !b.date) {
      const x = a.members[0]!;
      const y = b.members[0]!;
      if (x.article.id !== y.article.id) return x.article.id < y.article.id ? -1 : 1;
      if (x.sentence.start !== y.sentence.start) return x.sentence.start - y.sentence.start;
    }
    return pos.get(a)! - pos.get(b)!;
  });
}

/** An answer's events as what they show: date, text, articles, and each citation's article and quote. */
function shown(a: Answer) {
  const byN = new Map(a.citations.map((c) => [c.n, `${c.source}: ${c.quote}`]));
  return (a.events ?? []).map((e) => ({ date: e.date, precision: e.precision, text: e.text, reportedIn: e.reportedIn, note: e.note, quotes: e.citations.map((n) => byN.get(n)) }));
}

type Filter = { about?: string; from?: string; to?: string };

/**
 * Every filter's answer against the slow reading: the unfiltered answer's events (one per merged
 * event, in timeline order) kept where the event matches, with the same counts, title and notes.
 */
function checkFilters(deps: Deps, filters: Filter[]) {
  const build = analysisOf(deps).events;
  const ordered = inTimelineOrder(build.events);
  const whole = timeline(deps, { pageSize: 1_000_000 });
  const wholeShown = shown(whole);
  expect(wholeShown.map((e) => e.date)).toEqual(ordered.map((e) => e.date));
  let kept = 0;
  for (const f of filters) {
    const about = f.about?.trim();
    const ent = about && /[\p{L}\p{N}]/u.test(about) ? aboutEntity(deps, about) : null;
    const described = about && /[\p{L}\p{N}]/u.test(about) && !ent ? sentencesDescribedBy(deps, about) : null;
    const want = ordered.flatMap((e, k) => {
      if (f.from || f.to) if (e.date === null || !inRange(e.date, f.from, f.to)) return [];
      if (about && /[\p{L}\p{N}]/u.test(about) && !matchesAbout(e, about, ent?.aliases ?? null, ent?.sentenceIds ?? null, described)) return [];
      return [k];
    });
    const label = JSON.stringify(f);
    const a = timeline(deps, { ...f, pageSize: 1_000_000 });
    expect(a.meta?.total ?? 0, label).toBe(want.length);
    // Citation numbers are the answer's own; what each event shows is the unfiltered one's.
    expect(shown(a), label).toEqual(want.map((k) => wholeShown[k]));
    if (want.length) {
      const dated = want.filter((k) => ordered[k]!.date).length;
      expect(a.title, label).toContain(`${dated} dated event${dated === 1 ? '' : 's'}`);
      // The inferred dates the kept events use, as the engine reads them off every kept event.
      const used = new Set<string>();
      for (const k of want) {
        const e = ordered[k]!;
        if (e.note && e.members.some((m) => m.inferred && m.note === e.note)) for (const m of e.members) if (m.inferred && build.inferred.has(m.article.id)) used.add(m.article.id);
      }
      expect(Object.keys(a.meta?.inferred ?? {}).sort(), label).toEqual([...used].sort());
      // The second page (the last when there is one) shows the same events.
      const p = Math.min(2, Math.ceil(want.length / 3));
      const page = timeline(deps, { ...f, pageSize: 3, page: 2 });
      expect(page.blocks.map((b) => b.text.split(' [')[0]), label).toEqual(shown(a).slice((p - 1) * 3, p * 3).map((e) => e.text.split(' [')[0]));
    }
    kept += want.length;
  }
  // Not vacuous: the filters keep events.
  expect(kept).toBeGreaterThan(0);
}

/** Namesakes: people who share a first name or a surname, each with dated events of their own. */
function namesakes(): Record<string, string> {
  const amaras = ['Amara Okonkwo', 'Amara Bellweather', 'Amara Quistgaard'];
  const others = ['Tomas Okonkwo', 'Petra Bellweather', 'Jonas Quistgaard', 'Leila Okonkwo'];
  const months = ['January', 'February', 'March', 'April', 'May', 'June'];
  const files: Record<string, string> = {};
  for (let k = 0; k < 6; k++) {
    const lines = [`${months[k]} 28, 2024`, '', `Harbour dispute, part ${k + 1}`, ''];
    amaras.forEach((p, i) => lines.push(`${p} opened the ${['north', 'south', 'east'][i]} depot number ${k * 10 + i} on ${months[k]} ${i + 2}.`, ''));
    // (a dash: not ASCII, so a test of a spelling on these sentences must fold them)
    others.forEach((p, i) => lines.push(`${p} signed the ${['grain', 'coal', 'timber', 'salt'][i]} contract number ${k * 10 + i} on ${months[k]} ${i + 10} — a first.`, ''));
    lines.push(`The harbour board met again in ${months[k]} 2024.`, '');
    files[`article-${k}.txt`] = lines.join('\n');
  }
  // An undated article telling a dated article's event: its events are dated from an inferred window.
  files['undated.txt'] = ['Depot reopens', '', 'Crowds gather at the north depot, Friday, March 1, 2024.', '', 'The harbour board said Friday that Amara Okonkwo would run the north depot.', ''].join('\n');
  return files;
}

describe('a filtered /timeline shows what the slow reading shows', () => {
  it('on the seeds: entities, words, described things, junk, date bounds of every precision', async () => {
    const deps = await depsFor(SEEDS);
    const dates: Filter[] = [{ from: '2025' }, { to: '2025-10' }, { from: '2025-08-15' }, { from: '2025-09', to: '2025-11-02' }, { from: '2025-11-02', to: '2025-11' }, { to: '2024' }, { from: '2030' }];
    const abouts = ['Maduro', 'Rubio', 'Trump', 'strikes', 'aircraft carrier', 'drug boats', 'Venezuela', 'the navy', 'zzzz nothing', 'a', '?!'];
    checkFilters(deps, [{}, ...dates, ...abouts.map((about) => ({ about })), ...dates.map((d, i) => ({ ...d, about: abouts[i % 4] }))]);
  });

  it('on a generated story: people, surnames, first names, organisations, places, topics', async () => {
    const files: Record<string, string> = {};
    for (const a of generateArticles({ count: 40, seed: 5, words: 250 })) files[a.name] = a.text;
    const deps = await depsFor(writeCorpus(files, 'dispatch-filter-cost-'));
    const people = VOCABULARY.FIRST.slice(0, 3).map((f, i) => `${f} ${VOCABULARY.LAST[i]}`);
    const abouts = [...people, ...VOCABULARY.LAST.slice(0, 4), ...VOCABULARY.FIRST.slice(0, 3), ...VOCABULARY.ORGS.slice(0, 3), ...VOCABULARY.PLACES.slice(0, 3), ...VOCABULARY.TOPICS.slice(0, 3)];
    checkFilters(deps, [...abouts.map((about) => ({ about })), { from: '2025-01-10', to: '2025-02' }, { about: VOCABULARY.LAST[0], from: '2025-01' }]);
  });

  it('on namesakes and an undated article', async () => {
    const deps = await depsFor(writeCorpus(namesakes(), 'dispatch-namesakes-'));
    const abouts = ['Amara', 'Okonkwo', 'Bellweather', 'Amara Okonkwo', 'Tomas Okonkwo', 'north depot', 'harbour board'];
    // Not vacuous: the undated article's events are dated from an inferred window.
    expect(Object.keys(timeline(deps, {}).meta?.inferred ?? {})).toEqual(['undated.txt']);
    checkFilters(deps, [{}, ...abouts.map((about) => ({ about })), { about: 'Amara', from: '2024-03' }, { from: '2024-02-15', to: '2024-04' }, { to: '2024-01' }]);
  });
});

/** One event told by four articles, one of them in a sentence that is not ASCII (an ellipsis), written a little differently. */
function oneEventManyTellings(): Record<string, string> {
  const told = [
    'Amara Okonkwo opened the north depot on March 3, 2024.',
    'Amara Okonkwo opened the north depot on March 3, 2024.',
    'Tomas Okonkwo opened the north depot on March 3, 2024.',
    'Amara Okonkwo opened the north-depot on March 3, 2024…',
  ];
  const files: Record<string, string> = {};
  told.forEach((t, k) => (files[`article-${k}.txt`] = ['March 28, 2024', '', `Depot news ${k + 1}`, '', t, '', `The harbour board met on March ${10 + k}, 2024.`, ''].join('\n')));
  return files;
}

describe('several spellings tested on one event read its tellings as the slow scan does', () => {
  it('finds a spelling only a non-ASCII telling has, and rules out spellings no telling has', async () => {
    const deps = await depsFor(writeCorpus(oneEventManyTellings(), 'dispatch-many-tellings-'));
    const build = analysisOf(deps).events;
    // Not vacuous: Amara's three tellings are one event, ASCII and not.
    const depot = build.events.find((e) => e.members.some((m) => /north-depot/.test(m.sentence.text)));
    expect(depot?.members.length).toBe(3);
    expect(depot?.members.filter((m) => /^[\x00-\x7f]*$/.test(m.sentence.text)).length).toBe(2);
    const ordered = inTimelineOrder(build.events);
    const whole = shown(timeline(deps, { pageSize: 1_000_000 }));
    // Each list: spellings whose words are all in the event (so each is tested on it), found in no telling, in an ASCII one, or only in the other one.
    const lists = [
      ['Okonkwo Amara', 'depot north', 'north-depot'],
      ['Okonkwo Amara', 'depot north'],
      ['Okonkwo Tomas', 'Tomas Okonkwo'],
      ['depot-north', 'Opened Amara', 'NORTH-DEPOT'],
      ['north depot on', 'opened the north'],
    ];
    for (const aliases of lists) {
      const about = aliases.join(' / ');
      const want = ordered.flatMap((e, k) => (matchesAbout(e, about, aliases, null, null) ? [k] : []));
      const a = timeline(deps, { about, aliasesOf: () => aliases, pageSize: 1_000_000 });
      expect(shown(a), about).toEqual(want.map((k) => whole[k]));
      expect(a.meta?.total ?? 0, about).toBe(want.length);
    }
    // Not vacuous either: the one telling's spelling keeps the event, the reversed names do not.
    const total = (aliases: string[]) => timeline(deps, { about: aliases.join(' '), aliasesOf: () => aliases }).meta?.total ?? 0;
    expect(total(['Okonkwo Amara', 'depot north', 'north-depot'])).toBe(1);
    expect(total(['Okonkwo Amara', 'depot north'])).toBe(0);
  });
});

describe('a spelling is tested only where its words are', () => {
  it('does not read the sentences of namesakes who share only one of its words', async () => {
    const deps = await depsFor(writeCorpus(namesakes(), 'dispatch-namesakes-'));
    const ent = aboutEntity(deps, 'Amara');
    // The filter names several people, each spelled with a surname other people have too.
    expect(ent?.aliases.filter((a) => /^Amara \w+$/.test(a)).length).toBeGreaterThanOrEqual(3);
    timeline(deps, { about: 'Amara' });
    const folded = vi.mocked(tokenize.fold);
    folded.mockClear();
    const a = timeline(deps, { about: 'Amara' });
    const texts = new Set(analysisOf(deps).events.events.flatMap((e) => e.members.map((m) => m.sentence.text)));
    const read = folded.mock.calls.map(([s]) => s).filter((s) => texts.has(s));
    // No sentence of Tomas, Petra, Jonas or Leila is folded to test a spelling of Amara's.
    expect(read.filter((s) => !/Amara/.test(s))).toEqual([]);
    expect(a.meta?.total).toBeGreaterThanOrEqual(18);
  });
});

describe("an entity's events are looked up once per corpus version", () => {
  const story = () => {
    const files: Record<string, string> = {};
    for (const a of generateArticles({ count: 40, seed: 5, words: 250 })) files[a.name] = a.text;
    return writeCorpus(files, 'dispatch-entity-events-');
  };
  const filters = () => [
    ...VOCABULARY.FIRST.slice(0, 3).map((f, i) => `${f} ${VOCABULARY.LAST[i]}`),
    ...VOCABULARY.LAST.slice(0, 4),
    ...VOCABULARY.FIRST.slice(0, 2),
    ...VOCABULARY.ORGS.slice(0, 3),
    ...VOCABULARY.PLACES.slice(0, 2),
    'union leader',
    'chief economist',
    VOCABULARY.TOPICS[0]!,
  ];

  it('a second call names no sentence to the event postings, and answers as the first', async () => {
    const deps = await depsFor(story());
    const index = analysisOf(deps).eventIndex;
    const lookups = vi.spyOn(index, 'bySentences');
    for (const about of filters()) {
      lookups.mockClear();
      const first = toJson(timeline(deps, { about, pageSize: 1_000_000 }));
      const firstLookups = lookups.mock.calls.length;
      lookups.mockClear();
      const again = toJson(timeline(deps, { about, pageSize: 1_000_000 }));
      expect(again, about).toEqual(first);
      // The old engine looked every sentence of the entities up on every call.
      expect(lookups.mock.calls.length, about).toBe(0);
      if (aboutEntity(deps, about)?.sentenceIds.size || sentencesDescribedBy(deps, about)?.size) expect(firstLookups, about).toBeGreaterThan(0);
    }
    lookups.mockRestore();
  });

  it('filters sharing entities answer the same whichever filter worked an entity out first', async () => {
    const dir = story();
    const list = filters();
    const forward = await depsFor(dir);
    const backward = await depsFor(dir);
    const a = list.map((about) => toJson(timeline(forward, { about, pageSize: 1_000_000 })));
    const b = [...list].reverse().map((about) => toJson(timeline(backward, { about, pageSize: 1_000_000 }))).reverse();
    expect(b).toEqual(a);
    // and again, every entity's events known by then
    expect(list.map((about) => toJson(timeline(backward, { about, pageSize: 1_000_000 })))).toEqual(a);
  });
});

describe('a filter that names no entity', () => {
  it('works out no typo guess (only a spelled name counts), and keeps what the slow reading keeps', async () => {
    const files: Record<string, string> = {};
    for (const a of generateArticles({ count: 40, seed: 5, words: 250 })) files[a.name] = a.text;
    const deps = await depsFor(writeCorpus(files, 'dispatch-no-guess-'));
    const abouts = [...VOCABULARY.TOPICS.slice(0, 4), 'union leader', 'zzzz nothing', 'Okafr'];
    const distances = vi.mocked(editDistance.typoDistance);
    timeline(deps, { about: VOCABULARY.LAST[0] }); // postings built
    for (const about of abouts) {
      // Not vacuous: /who guesses at it (an edit distance per key of similar length) and finds no spelled name.
      distances.mockClear();
      const look = lookupEntity(entityIndexOf(deps), about);
      expect(look.exact, about).toBe(false);
      expect(distances.mock.calls.length, about).toBeGreaterThan(0);
      distances.mockClear();
      timeline(deps, { about });
      expect(distances.mock.calls.length, about).toBe(0);
      expect(aboutEntity(deps, about), about).toBeNull();
    }
    checkFilters(deps, abouts.map((about) => ({ about })));
  });
});
