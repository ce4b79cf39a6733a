/**
 * The file store: an awaited `set` is on disk when it resolves, even when it arrives while
 * an earlier write is being written (keyv-file alone hands it that write's promise, whose
 * snapshot predates the change — a crash then loses it, e.g. a digest's `pending` record).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/store/index.js';
import { cleanupTempDirs, tempDir } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);

describe('file store durability', () => {
  it('every awaited set reaches the file, also while another write is in flight', async () => {
    const file = path.join(tempDir(), 'store.json');
    const store = createStore({ kind: 'file', location: file, timeoutMs: 60_000 });
    const lost: number[] = [];
    for (let i = 0; i < 40; i++) {
      // A large write keeps the disk busy; the small one lands around the moment it starts.
      void store.set(`big${i % 3}`, 'x'.repeat(400_000));
      await new Promise((r) => setTimeout(r, 48 + (i % 7)));
      await store.set(`mark${i}`, { i });
      if (!readFileSync(file, 'utf8').includes(`mark${i}`)) lost.push(i);
    }
    await store.close();
    expect(lost).toEqual([]);
  });
});
