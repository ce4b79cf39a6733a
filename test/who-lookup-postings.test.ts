/**
 * /who reads the entity postings (src/analysis/entity-lookup.ts) instead of scanning every
 * entity (issue 14). The postings only narrow the candidates, so each must hold every entity
 * the full scan it replaces could keep — checked here against those scans, on the seeds and a
 * generated story, for names, name words, typos, prefixes and junk — and /who answers must
 * be the scan's.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analysisOf } from '../src/analysis/index.js';
import { entityLookupOf } from '../src/analysis/entity-lookup.js';
import type { Deps } from '../src/deps.js';
import type { EntityIndex } from '../src/index/entities.js';
import { typoDistance } from '../src/language/edit-distance.js';
import { editsAllowed, lookupEntity, queryKey, relatedEntities } from '../src/engines/who.js';
import { cleanupTempDirs, depsFor, SEEDS, writeCorpus } from './helpers/corpus-fixtures.js';
import { generateArticles, VOCABULARY } from '../bench/generate.js';

afterAll(cleanupTempDirs);

/** Typed names: every key, its words, a typo of each (a dropped, a swapped and a changed letter), prefixes, junk. */
function inputsOf(index: EntityIndex): string[] {
  const out = new Set<string>(['', 'zzzz', 'the', 'a b c', 'pres', 'Mr Nobody Atall']);
  for (const e of index.entities.slice(0, 60)) {
    for (const k of e.keys.slice(0, 3)) {
      out.add(k);
      for (const w of k.split(' ')) {
        out.add(w);
        if (w.length > 3) {
          out.add(w.slice(0, -1));
          out.add(w.slice(0, 4));
          out.add(w[1]! + w[0]! + w.slice(2));
          out.add(w.slice(0, 2) + 'x' + w.slice(3));
        }
      }
      out.add(`${k.split(' ')[0]!.slice(0, 1)}x ${k.split(' ').pop()}`);
    }
  }
  return [...out];
}

function check(deps: Deps) {
  const index = analysisOf(deps).entities;
  const post = entityLookupOf(index);
  const inputs = inputsOf(index);
  let fuzzyKept = 0;
  for (const input of inputs) {
    const key = queryKey(input);
    if (!key) continue;
    const qWords = key.split(' ');
    // "every typed word is a word of one key": the postings hold every such entity.
    const byWords = index.entities.flatMap((e, i) => (e.keys.some((k) => qWords.every((w) => k.split(' ').includes(w))) ? [i] : []));
    const have = new Set(post.byWords(qWords));
    for (const i of byWords) expect(have.has(i), `${input}: byWords ${index.entities[i]!.name}`).toBe(true);
    // Within `max` edits of a key or a key word, or a prefix of one.
    const max = Math.max(1, editsAllowed(key) + 1);
    const fuzzy = new Set(post.fuzzy(key, max));
    index.entities.forEach((e, i) => {
      const near = e.keys.some((k) => typoDistance(key, k, max) <= max || k.split(' ').some((w) => typoDistance(key, w, max) <= max) || (key.length >= 3 && (k.startsWith(key) || k.split(' ').some((w) => w.startsWith(key)))));
      if (near) {
        fuzzyKept++;
        expect(fuzzy.has(i), `${input}: fuzzy ${e.name}`).toBe(true);
      }
    });
    // Surnames: every key of two or more words, by its last word.
    const last = qWords[qWords.length - 1]!;
    const sur = new Set(post.bySurname(last));
    index.entities.forEach((e, i) => {
      if (e.keys.some((k) => k.split(' ').length >= 2 && k.split(' ').pop() === last)) expect(sur.has(i), `${input}: surname ${e.name}`).toBe(true);
    });
    // The lookup itself answers (no throw) and its matches are entities of the index.
    for (const m of lookupEntity(index, input).matches) expect(index.entities).toContain(m);
  }
  expect(fuzzyKept).toBeGreaterThan(0);
  // "Related" from the sentence postings is the scan's, for every entity.
  for (const e of index.entities) expect(relatedEntities(e, index, 'postings'), e.name).toEqual(relatedEntities(e, index, 'scan'));
  // Sentence postings: exactly the mentions, in each entity's order.
  const bySentence = new Map<string, [number, number][]>();
  index.entities.forEach((e, i) => e.mentions.forEach((m, mi) => bySentence.set(m.sentence.id, [...(bySentence.get(m.sentence.id) ?? []), [i, mi]])));
  for (const [id, list] of bySentence) {
    const got = post.inSentence(id)!;
    expect(got.entities.map((e, k) => [e, got.mentions[k]])).toEqual(list);
  }
}

describe('/who lookup postings', () => {
  it('hold every entity the full scans keep, on the seeds', async () => {
    check(await depsFor(SEEDS));
  });

  it('hold every entity the full scans keep, on a generated story', async () => {
    const files: Record<string, string> = {};
    for (const a of generateArticles({ count: 40, seed: 3, words: 250 })) files[a.name] = a.text;
    const deps = await depsFor(writeCorpus(files, 'dispatch-who-lookup-'));
    check(deps);
    // Names the story holds are still found by the engine.
    const index = analysisOf(deps).entities;
    const names = VOCABULARY.LAST.slice(0, 5).filter((n) => index.byKey.has(queryKey(n)));
    for (const n of names) expect(lookupEntity(index, n).matches.length).toBeGreaterThan(0);
  });
});
