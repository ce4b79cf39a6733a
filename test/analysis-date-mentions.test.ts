/**
 * The date expressions the events' build finds in every sentence are what `/ask` reads instead of parsing a sentence
 * again (`Analysis.dateMentionsIn`): equal to `findDateMentions` of each sentence's text, from memory after a build and
 * from the persisted file's entry of one article after a start (the section never read whole); none for a sentence
 * that is not the corpus's, nor before anything holds them; a file without the entries' offsets (an older layout)
 * is not used; and an `/ask` answers the same either way.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { analysisOf, analysisStats, flushAnalysis, warmAnalysis } from '../src/analysis/index.js';
import { ANALYSIS_FILE, ANALYSIS_SCHEMA, codeVersion } from '../src/analysis/file.js';
import { findDateMentions } from '../src/index/dates.js';
import { runCommand } from '../src/engines/index.js';
import { createStore } from '../src/store/index.js';

/** A ferry strike: dates of every kind the parser reads (full, month-day, month, year, weekday, relative, dotted, 'YY, ranges, future). */
const CORPUS: Record<string, string> = {
  'a-strike.md': `---
title: Harbour strike halts ferries in Port Ellery
date: 2024-03-15
outlet: Coastal Ledger
---
Dock workers in Port Ellery walked off the job on Tuesday, stranding thousands of ferry passengers.

Harbour Master Tobias Lindqvist said the authority had offered a 4 percent raise in January, and again on March 3, 2024.

The last general strike at the port was in 1987. Mayor Olu Adeyemi will meet both sides on Monday.

The ferry operator Bluewake Lines cancelled all sailings on 12.03.2024 after the walkout began yesterday.

Agnieszka Brennan, who led the union from 2015 to 2021, said the dispute began last July.
`,
  'b-talks.md': `---
title: Port talks collapse before new year
date: 2024-01-06
outlet: Norhaven Post
---
Talks between the harbour authority and the dockers' union broke down on Dec. 30, according to Tobias Lindqvist.

Lindqvist said a new offer would follow within weeks. The first contract was signed in Sept. '98.

Nothing was agreed. The union meets again this week, and the ferries could resume on Thursday.
`,
  'c-undated.txt': `Ferries stranded as talks stall

The strike entered its third day on Wednesday, March 13, as the ferry operator counted its losses.

Passengers who booked for April were told to expect refunds by the end of the month.
`,
};

let dir: string;
const DATA = () => path.join(dir, '.data');
const CLOCK = () => new Date('2024-03-20T12:00:00Z');

async function start(dataDir = DATA()): Promise<Deps> {
  const config = loadConfig({ SEEDS_DIR: dir, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, process.cwd());
  return buildDeps(config, { store: createStore({ kind: 'memory' }), llm: null, clock: CLOCK });
}

/** Every sentence's stored list beside a fresh parse of its text (strictly equal: the same keys, none undefined). */
function expectEveryParse(deps: Deps): number {
  const a = analysisOf(deps);
  let mentions = 0;
  for (const article of deps.corpus.articles) {
    for (const s of article.sentences) {
      const fresh = findDateMentions(s.text);
      mentions += fresh.length;
      expect(a.dateMentionsIn(s), s.text).toStrictEqual(fresh);
    }
  }
  return mentions;
}

const QUESTIONS = ['When did the dock workers walk off the job?', 'When did the talks break down?', 'When will the mayor meet both sides?', 'When did the dispute begin?'];
const asked = async (deps: Deps) => {
  const out = [];
  for (const text of QUESTIONS) out.push(JSON.stringify(await runCommand(deps, { command: 'ask', text })));
  return out;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dispatch-date-mentions-'));
  for (const [name, text] of Object.entries(CORPUS)) writeFileSync(path.join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stored date expressions', () => {
  it('are none before the events are built, then every sentence’s findDateMentions, from memory', async () => {
    const deps = await start(path.join(dir, '.mem'));
    const a = analysisOf(deps);
    const first = deps.corpus.articles[0]!.sentences[0]!;
    expect(a.dateMentionsIn(first)).toBeUndefined();
    void a.events;
    expect(expectEveryParse(deps)).toBeGreaterThan(12);
    // A sentence that is not the corpus's (the same id, other words) is parsed by its reader, not read.
    expect(a.dateMentionsIn({ ...first, text: 'On Friday, nothing happened.' })).toBeUndefined();
    expect(a.dateMentionsIn({ ...first, articleId: 'no-such-article' })).toBeUndefined();
  });

  it('are read from the file one article at a time after a start, and answer as a parse does', async () => {
    const cold = await start();
    await warmAnalysis(cold);
    await flushAnalysis(cold);
    const coldAnswers = await asked(cold);

    const built = analysisStats.built.dateMentions;
    const warm = await start();
    const read = { ...analysisStats.sectionsRead };
    expectEveryParse(warm);
    // Nothing parsed again, and the section was not read whole (each article's entry on its own).
    expect(analysisStats.built.dateMentions).toBe(built);
    expect(analysisStats.sectionsRead.dateMentions ?? 0).toBe(read.dateMentions ?? 0);
    expect(await asked(warm)).toEqual(coldAnswers);
  });

  it('are not used from a file written without their offsets (an older layout): that file is rebuilt', async () => {
    const dataDir = path.join(dir, '.old');
    const cold = await start(dataDir);
    await warmAnalysis(cold);
    await flushAnalysis(cold);
    const coldAnswers = await asked(cold);
    // The previous schema's layout: the same sections without `dateMentions@at`.
    const file = path.join(dataDir, 'analysis', ANALYSIS_FILE);
    const bytes = readFileSync(file);
    const nl = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as { schema: number; code: string; sections: [string, number][] };
    expect(header.schema).toBe(ANALYSIS_SCHEMA);
    expect(header.code).toBe(codeVersion());
    let at = nl + 1;
    const kept: Buffer[] = [];
    const sections: [string, number][] = [];
    for (const [name, n] of header.sections) {
      if (name !== 'dateMentions@at') {
        kept.push(bytes.subarray(at, at + n));
        sections.push([name, n]);
      }
      at += n;
    }
    expect(sections.length).toBe(header.sections.length - 1);
    // Read by this code as it stands (same schema and code): nothing to look an article up by, so each sentence is parsed.
    writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, sections })}\n`), ...kept]));
    const warm = await start(dataDir);
    expect(analysisOf(warm).dateMentionsIn(warm.corpus.articles[0]!.sentences[0]!)).toBeUndefined();
    expect(await asked(warm)).toEqual(coldAnswers);
    // Written by the previous schema: not loaded at all (rebuilt).
    writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, schema: ANALYSIS_SCHEMA - 1, sections })}\n`), ...kept]));
    const loaded = analysisStats.loaded;
    const again = await start(dataDir);
    expect(analysisStats.loaded).toBe(loaded);
    expect(await asked(again)).toEqual(coldAnswers);
    expectEveryParse(again);
  });
});
