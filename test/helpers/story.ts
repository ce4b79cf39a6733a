/**
 * A story written for one test file: its corpus is written to a temporary folder and loaded once before the file's
 * tests (`storyDeps(FILES)()` gives the deps inside a test), and the folder is removed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Deps } from '../../src/deps.js';
import { runCommand } from '../../src/engines/index.js';
import type { Answer } from '../../src/types.js';
import { cleanupTempDirs, writeCorpus } from './corpus-fixtures.js';
import { testDeps } from './deps.js';

export function storyDeps(files: Record<string, string>): () => Deps {
  let deps: Deps | undefined;
  beforeAll(async () => {
    deps = await testDeps(writeCorpus(files));
  }, 120_000);
  afterAll(() => cleanupTempDirs());
  return () => {
    if (!deps) throw new Error('storyDeps: the story is read in beforeAll; call it inside a test');
    return deps;
  };
}

/** An answer's blocks as one text: what a failing assertion prints. */
export const answerText = (a: { blocks: { text: string }[] }): string => a.blocks.map((b) => b.text).join('\n');

/** An answer's short answer, then its blocks, on one line: what a follow-up's assertions search. */
export const shortAndBlocks = (a: { blocks: { text: string }[]; short?: { text: string } | null }): string => `${a.short?.text ?? ''} ${a.blocks.map((b) => b.text).join(' ')}`;

/** Ask a story a question as /ask does. */
export const askIn = (deps: Deps, text: string): Promise<Answer> => runCommand(deps, { command: 'ask', text });
