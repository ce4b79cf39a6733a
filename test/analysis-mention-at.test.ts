/**
 * One stored mention resolved alone (mentionAt, src/analysis/persist.ts): a /who lists related entities
 * each with one shared mention, and resolving every mention of each of them cost most of a first /who at
 * 10,000 articles. The one mention must be the one the whole list gives (same article, sentence, fields),
 * and the entity's list must still read in full afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, warmAnalysis } from '../src/analysis/index.js';
import { mentionAt, mentionCount } from '../src/analysis/persist.js';
import type { EntityMention } from '../src/index/entities.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/index.js';
import { ROOT, SEEDS, cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';

afterAll(() => cleanupTempDirs());

async function start(dataDir: string): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: SEEDS, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, log: silentLogger, clock: () => new Date('2025-11-20T12:00:00Z') });
}

const plain = ({ article, sentence, ...rest }: EntityMention) => ({ article: article.id, sentence: sentence.id, text: sentence.text, ...rest });

describe('one stored mention resolved alone', () => {
  it('is the mention the whole list gives, leaves the list unread, and the list still reads in full', async () => {
    const dataDir = tempDir('dispatch-mention-at-');
    const cold = await start(dataDir);
    await warmAnalysis(cold);
    const truth = analysisOf(cold).entities.entities;

    const warm = await start(dataDir);
    const entities = analysisOf(warm).entities.entities;
    expect(entities.length).toBe(truth.length);
    let checked = 0;
    for (const [i, e] of entities.entries()) {
      const n = mentionCount(e);
      expect(n).toBe(truth[i]!.mentions.length);
      for (const k of new Set([0, n >> 1, n - 1])) {
        expect(plain(mentionAt(e, k)!), `${e.name} #${k}`).toEqual(plain(truth[i]!.mentions[k]!));
        checked++;
      }
      // Still in the file: resolving one did not read the list into the entity.
      expect(typeof Object.getOwnPropertyDescriptor(e, 'mentions')?.get).toBe('function');
    }
    expect(checked).toBeGreaterThan(100);
    // Out of range: what the list gives (nothing).
    expect(mentionAt(entities[0]!, mentionCount(entities[0]!))).toBeUndefined();
    // The lists read in full afterwards, equal to the cold ones; mentionAt then reads the list itself.
    for (const [i, e] of entities.entries()) {
      expect(e.mentions.map(plain)).toEqual(truth[i]!.mentions.map(plain));
      expect(mentionAt(e, 0)).toBe(e.mentions[0]);
    }
  }, 120_000);
});
