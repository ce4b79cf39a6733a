/** Build real dependencies over a corpus folder for in-process tests (memory store, no model). */
import path from 'node:path';
import { buildDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createStore, type Store } from '../../src/store/index.js';
import type { Deps } from '../../src/deps.js';

import { ROOT, SEEDS } from './corpus-fixtures.js';

export { ROOT, SEEDS };

export async function testDeps(seedsDir = SEEDS, opts: { store?: Store; env?: Record<string, string> } = {}): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: seedsDir, DATA_DIR: path.join(ROOT, 'data', 'test'), ...opts.env }, ROOT);
  return buildDeps(config, { store: opts.store ?? createStore({ kind: 'memory' }), persistIndex: false, llm: null, log: silentLogger });
}
