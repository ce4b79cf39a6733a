/**
 * A filtered /timeline looks its events up in the analysis's event postings
 * (src/analysis/event-index.ts) instead of reading every event (issue 14): it must keep
 * exactly the events the reading keeps (`matchesAbout`), in the same order, for
 * entities, their aliases, plain words, words that describe an entity, and junk.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analysisOf } from '../src/analysis/index.js';
import type { Deps } from '../src/deps.js';
import { aboutEntity, sentencesDescribedBy } from '../src/engines/who.js';
import { matchesAbout, timeline } from '../src/engines/timeline.js';
import { cleanupTempDirs, depsFor, SEEDS, writeCorpus } from './helpers/corpus-fixtures.js';
import { generateArticles, VOCABULARY } from '../bench/generate.js';

afterAll(cleanupTempDirs);

/** The events the unfiltered scan keeps (the definition), as timeline() would pass them on. */
function scanned(deps: Deps, about: string, aliasesOf?: (about: string) => string[] | null) {
  const all = analysisOf(deps).events.events;
  const ent = aliasesOf ? null : aboutEntity(deps, about);
  const aliases = aliasesOf ? aliasesOf(about) : (ent?.aliases ?? null);
  const described = aliasesOf || ent ? null : sentencesDescribedBy(deps, about);
  return all.filter((e) => matchesAbout(e, about.trim(), aliases, ent?.sentenceIds ?? null, described)).length;
}

function check(deps: Deps, filters: string[], aliasesOf?: (about: string) => string[] | null) {
  let kept = 0;
  for (const about of filters) {
    const a = timeline(deps, { about, pageSize: 100_000, ...(aliasesOf ? { aliasesOf } : {}) });
    expect(a.events?.length ?? 0, about).toBe(scanned(deps, about, aliasesOf));
    kept += a.events?.length ?? 0;
  }
  // Not vacuous: the filters find events.
  expect(kept).toBeGreaterThan(0);
}

describe('/timeline filters through the event postings', () => {
  it('keeps what the full scan keeps on the seeds', async () => {
    const deps = await depsFor(SEEDS);
    check(deps, ['Maduro', 'Nicolás Maduro', 'Rubio', 'Trump', 'Hegseth', 'strikes', 'drug boats', 'aircraft carrier', 'Venezuela', 'the navy', 'Caribbean strikes', 'zzzz nothing', 'a']);
    check(deps, ['Maduro', 'Ford', 'U.S.', 'nobody at all'], (about) => (about === 'nobody at all' ? null : [about, `${about} Jr.`]));
  });

  it('keeps what the full scan keeps on a generated story', async () => {
    const files: Record<string, string> = {};
    for (const a of generateArticles({ count: 40, seed: 3, words: 250 })) files[a.name] = a.text;
    const deps = await depsFor(writeCorpus(files, 'dispatch-event-index-'));
    const people = VOCABULARY.FIRST.slice(0, 4).map((f, i) => `${f} ${VOCABULARY.LAST[i]}`);
    check(deps, [...people, ...VOCABULARY.LAST.slice(0, 4), ...VOCABULARY.TOPICS.slice(0, 5), ...VOCABULARY.ORGS.slice(0, 3), 'port', 'union leader', 'strike cost']);
  });
});
