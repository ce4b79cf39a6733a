/**
 * QA regressions for /verify on the seed articles: a speaker's doubt is evidence against "X said Y"; a missing named
 * entity is "not addressed"; a negation next to a confirmed date does not refute it; corroboration needs the claim's
 * figure; "the 52-year-old" is an age linked to the person just named. Every quote verbatim.
 */
import path from 'node:path';
import { writeCorpus, depsFor, cleanupTempDirs } from './helpers/corpus-fixtures.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { runCommand } from '../src/engines/index.js';
import { createStore } from '../src/store/index.js';
import type { Answer } from '../src/types.js';
import { corroboration } from '../src/engines/claims.js';
import { KETTLE_ARTICLES } from './golden/claims.js';

const root = path.resolve(import.meta.dirname, '..');
let deps: Deps;

beforeAll(async () => {
  const config = loadConfig({ SEEDS_DIR: path.join(root, 'seeds'), LOG_LEVEL: 'silent' }, root);
  deps = await buildDeps(config, { store: createStore({ kind: 'memory' }), persistIndex: false, llm: null });
});
afterAll(async () => {
  await deps?.store.close();
});

const verify = (claim: string) => runCommand(deps, { command: 'verify', text: claim });
const text = (a: Answer) => a.blocks.map((b) => `${b.heading ?? ''}\n${b.text}`).join('\n');
const block = (a: Answer, heading: RegExp) => a.blocks.find((b) => heading.test(b.heading ?? ''))?.text ?? '';
function assertVerbatim(a: Answer) {
  for (const c of a.citations) expect(isVerbatim(deps.corpus.byId.get(c.source)!.raw, c.quote), c.quote).toBe(true);
}

describe('/verify QA regressions (seed articles)', () => {
  it('"X said Y" against "I doubt it. I don\'t think so" is contradicted, and the doubt is never listed as support', async () => {
    const a = await verify('Trump said the US is going to war with Venezuela');
    expect(a.verdict, text(a)).toBe('contradicted');
    expect(block(a, /What the articles say$/)).not.toMatch(/don't think so/);
    expect(text(a)).toMatch(/don't think so|does not believe/);
    assertVerbatim(a);
    // Worded "will go": the journalist's quoted question ("Are we going to go to war …?" … asks) is not what Trump said.
    const b = await verify('Trump said the US will go to war with Venezuela');
    expect(b.verdict, text(b)).toBe('contradicted');
    expect(block(b, /What the articles say$/)).not.toMatch(/Are we going to go to war/);
  });

  it('a claim whose key name the articles never mention is not addressed, and says so', async () => {
    for (const claim of ['Maduro asked North Korea for military aid', 'maduro asked north korea for military aid']) {
      const a = await verify(claim);
      expect(a.verdict, text(a)).toBe('not addressed');
      expect(text(a)).toMatch(/korea/i);
      expect(text(a)).toMatch(/never mention|does not appear/i);
      if (/North/.test(claim)) expect(text(a)).toMatch(/the articles never mention “North Korea”/);
    }
  });

  it('a negation in the sentence next to a confirmed date does not count against it', async () => {
    const a = await verify('The last American carrier mission in the Western Hemisphere was in 1983');
    expect(a.verdict, text(a)).toBe('supported');
    expect(text(a)).not.toMatch(/You don't send an aircraft carrier/);
    assertVerbatim(a);
  });

  it('corroboration counts only articles that state the claim\'s figure', async () => {
    const a = await verify('The US will soon have 13 vessels in the region');
    expect(a.verdict).toBe('supported');
    expect(a.meta!.independentSupport).toBe(1);
    expect(text(a)).not.toMatch(/could soon be a US attack on land/);
    assertVerbatim(a);
    // The /ask hook too: a sentence whose point is a figure needs that figure elsewhere to be corroborated.
    const s = deps.corpus.articles.flatMap((x) => x.sentences).find((x) => x.text.includes('will soon have 13 vessels'))!;
    expect(corroboration(deps, s).independent).toBe(1);
  });

  it('"the 52-year-old" is an age, linked to the person named just before in the same article', async () => {
    const a = await verify('Peter Zeihan is 52 years old');
    expect(a.verdict, text(a)).toBe('supported');
    expect(text(a)).toMatch(/52-year-old/);
    expect(text(a)).toMatch(/Peter Zeihan/);
    assertVerbatim(a);
    const b = await verify('Zeihan is 60 years old');
    expect(b.verdict, text(b)).toBe('contradicted');
    assertVerbatim(b);
    const c = await verify('Maduro is 52 years old');
    expect(c.verdict).toBe('not addressed');
    expect(text(c)).toMatch(/never give an age/);
  });
});

describe('/verify QA regressions (kettle-recall corpus, copied into a temp dir)', () => {
  let dir: string;
  let kettle: Deps;
  beforeAll(async () => {
    dir = writeCorpus(KETTLE_ARTICLES, 'dispatch-verify-kettle-');
    kettle = await depsFor(dir);
  });
  afterAll(async () => {
    await kettle?.store.close();
    cleanupTempDirs();
  });

  it('alleged by one side and denied by the accused is disputed ("partly supported"), explaining both sides', async () => {
    for (const claim of ['Raman delayed the recall', 'The company delayed the recall']) {
      const a = await runCommand(kettle, { command: 'verify', text: claim });
      expect(a.verdict, text(a)).toBe('partly supported');
      expect(a.blocks[0]!.text).toMatch(/disputed/);
      expect(a.blocks[0]!.text).toMatch(/Priya Raman.*denied it/);
      expect(text(a)).toMatch(/denied that the company delayed the recall/);
      for (const c of a.citations) expect(isVerbatim(kettle.corpus.byId.get(c.source)!.raw, c.quote), c.quote).toBe(true);
    }
  });

  it('what only one side alleges is said to be theirs, not established by the articles', async () => {
    const a = await runCommand(kettle, { command: 'verify', text: 'Riverton Appliances knew about the faulty lids for months' });
    expect(a.blocks[0]!.text).toMatch(/only as “Consumer advocates” say/);
  });
});
