/**
 * One fact, one answer for dates on the development corpora (real news in dev-corpora/,
 * git-ignored): each dated event of the timeline (the digest's first) is the date /ask
 * answers to "when …?" and the date /verify holds a claim to. Nothing here names a fact of
 * those articles: events, sentences and dates all come from the corpus's own analysis.
 * Without the folders (CI) the tests are skipped with a note.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';
import { checkDates, checkDigestDates, sampleDates, statedDates } from './helpers/date-consistency.js';

// alaska1282 is checked too: /verify reads its undated CNN piece's "January 3" with the year the timeline gives it, a
// year counted back ("trees he'd planted 20 years ago") is background, and the checker asks no "when" of a sentence
// that is only its date ("Then, again on January 4.") or whose date is a noun's ("last year's near-collisions").
const CORPORA = ['evergiven', 'titan', 'thaicave', 'notredame', 'keybridge', 'crowdstrike', 'alaska1282', 'maui2023', 'eastpalestine', 'surfside', 'colonial', 'astroworld'];
/** Where the development corpora live (DEV_CORPORA_DIR overrides, e.g. to check the skip). */
const BASE = process.env.DEV_CORPORA_DIR ?? path.join(ROOT, 'dev-corpora');

for (const name of CORPORA) {
  const dir = path.join(BASE, name);
  const present = existsSync(dir) && readdirSync(dir).length > 0;
  if (!present) console.warn(`[dates-consistency-dev] dev-corpora/${name} is absent: its date consistency test is skipped (see eval/${name}.sources.json to rebuild it).`);
  describe.skipIf(!present)(`dev corpus ${name}: one date, whichever command asks`, () => {
    it('every dated event (up to 15, the digest\'s first) is what /ask and /verify give', async () => {
      const deps = await testDeps(dir);
      const dates = await statedDates(deps);
      // Something is dated, or the check says nothing.
      expect(dates.length).toBeGreaterThan(0);
      expect(await checkDigestDates(deps)).toEqual([]);
      expect(await checkDates(deps, sampleDates(dates))).toEqual([]);
    }, 300_000);
  });
}
