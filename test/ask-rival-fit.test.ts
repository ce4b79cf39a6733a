/**
 * Figures that differ are set side by side only when they answer the question alike (issue #12, item 4): "a claim of
 * $9 million", read from the sentence beside one about talks to settle, is no rival to "a settlement worth about
 * $4 million". Two reports of the settlement itself that differ still stand side by side. Story written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { ask } from '../src/engines/ask.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const text = (a: { blocks: { text: string }[] }) => a.blocks.map((b) => b.text).join('\n');

describe('rival figures', () => {
  let deps: Deps;
  let both: Deps;
  beforeAll(async () => {
    const a = `6 May 2032\n\nCouncil and ferry operator end dispute\n\nThe island council and the ferry operator reached a settlement worth about $4 million on Friday, a council spokesman confirmed.\n`;
    const b = `7 May 2032\n\nHow the ferry dispute ended\n\nTalks on a settlement of the dispute went on for months. The operator had asked for $9 million in damages.\n`;
    const c = `8 May 2032\n\nFerry settlement\n\nThe council reached a settlement worth $5 million with the ferry operator, the operator said.\n`;
    deps = await testDeps(writeCorpus({ '01_island-wire.txt': a, '02_harbour-post.txt': b }));
    both = await testDeps(writeCorpus({ '01_island-wire.txt': a, '02_harbour-post.txt': b, '03_bay-news.txt': c }));
  }, 120_000);
  afterAll(() => cleanupTempDirs());

  it('a figure tied to the question less well is no rival', async () => {
    for (const d of [deps, both]) {
      const a = await ask(d, 'how much did they settle for?');
      expect(a.answered, text(a)).toBe(true);
      // The $9 million asked for, beside a sentence about a settlement, is not set beside the settlement's figure.
      expect(a.short?.text ?? '', text(a)).not.toMatch(/\$9 million/);
    }
  }, 60_000);
});
