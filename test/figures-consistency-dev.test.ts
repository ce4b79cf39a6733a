/**
 * One fact, one answer on the development corpora (real news in dev-corpora/, git-ignored):
 * each age the analysis ties to someone and each count the digest states is what /who,
 * /ask and /verify give. Nothing here names a fact of those articles: the values, names
 * and sentences all come from the corpus's own analysis. Without the folders (CI) the
 * tests are skipped with a note.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';
import { checkAges, checkCounts, digestCounts, statedAges } from './helpers/figure-consistency.js';

const CORPORA = ['evergiven', 'titan', 'thaicave', 'notredame', 'keybridge', 'alaska1282', 'crowdstrike', 'maui2023', 'eastpalestine', 'surfside', 'colonial', 'astroworld'];
/** Where the development corpora live (DEV_CORPORA_DIR overrides, e.g. to check the skip). */
const BASE = process.env.DEV_CORPORA_DIR ?? path.join(ROOT, 'dev-corpora');

for (const name of CORPORA) {
  const dir = path.join(BASE, name);
  const present = existsSync(dir) && readdirSync(dir).length > 0;
  if (!present) console.warn(`[figures-consistency-dev] dev-corpora/${name} is absent: its consistency test is skipped (see eval/${name}.sources.json to rebuild it).`);
  describe.skipIf(!present)(`dev corpus ${name}: one age, one count, whichever command asks`, () => {
    it('every age and every digest count is what /who, /ask and /verify give', async () => {
      const deps = await testDeps(dir);
      const ages = statedAges(deps);
      const counts = await digestCounts(deps);
      // Something is stated, or the check says nothing.
      expect(ages.length + counts.length).toBeGreaterThan(0);
      expect(await checkAges(deps, ages)).toEqual([]);
      expect(checkCounts(deps, counts)).toEqual([]);
    }, 300_000);
  });
}
