/**
 * What `/ask` reads of a sentence — its search keys with a hyphenated word's parts (retrieve.ts), where its words stand and
 * their keys (short.ts) — is a function of the sentence's text, kept across questions (bounded). Two corpora written here
 * share file names, so their articles, paragraphs and sentences share ids, and differ in the words: a question about one,
 * asked after questions about the other, must get the answer it gets in a process that read nothing before (modules
 * loaded afresh). Kept by sentence id instead of text, the second corpus would be read with the first's words.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';
import { analysisOf } from '../src/analysis/index.js';
import { referencesInSentence } from '../src/evidence/retrieve.js';

const A: Record<string, string> = {
  '01_ledger.txt': `12 March 2031

Kellport board halts dredging work

The dispute over the harbour dredging-plan began on March 4, when the port board halted work at the quay.

Board chair Ilse Varga said the Panama-registered dredger would stay idle until June.

The dredging-plan will cost $4 million, Varga said on Tuesday.
`,
  '02_courier.txt': `14 March 2031

Crews wait at the Kellport quay

Crews at the quay said the dispute over the dredging-plan had cost them weeks of work since March 4.

Varga met the crews on Thursday and said the board would vote on the plan in June.
`,
};

/**
 * The same layout, other words: every sentence keeps its id and changes its text. The quarrel's sentence states two dates,
 * the one asked for next to the question's words and the other far from them: where the words stand tells them apart.
 */
const B: Record<string, string> = Object.fromEntries(
  Object.entries(A).map(([name, text]) => [
    name,
    text
      .replace(
        'The dispute over the harbour dredging-plan began on March 4, when the port board halted work at the quay.',
        'On January 20 the port board met at the quay to discuss the budget for the coming years, and the quarrel over the harbour berth-levy began on April 9.',
      )
      .replaceAll('dredging-plan', 'berth-levy')
      .replaceAll('dredging', 'berthing')
      .replaceAll('dispute', 'quarrel')
      .replaceAll('Panama-registered', 'Malta-flagged')
      .replaceAll('March 4', 'April 9')
      .replaceAll('$4 million', '$7 million')
      .replaceAll('halted', 'stopped')
      .replaceAll('Tuesday', 'Friday')
      .replaceAll('plan', 'levy'),
  ]),
);

const QUESTIONS_A = [
  'When did the dispute over the dredging plan begin?',
  'How much will the dredging plan cost?',
  'Where is the dredger registered?',
  'When did the board halt work?',
];
const QUESTIONS_B = [
  'When did the quarrel over the berth levy begin?',
  'How much will the berth levy cost?',
  'Where is the dredger flagged?',
  'When did the board stop work?',
  'When did the dispute over the dredging plan begin?',
];

/** The engine and the deps builder from modules loaded afresh: no memo of an earlier question. */
async function freshModules() {
  vi.resetModules();
  const { depsFor } = await import('./helpers/corpus-fixtures.js');
  const { runCommand } = await import('../src/engines/index.js');
  const { parseQuestion } = await import('../src/evidence/question.js');
  const { retrieve } = await import('../src/evidence/retrieve.js');
  return { depsFor, runCommand, parseQuestion, retrieve };
}

/** Each answer, and the windows retrieve() finds for the question: their sentences, scores and supports (where each stands). */
async function answers(m: Awaited<ReturnType<typeof freshModules>>, dir: string, questions: string[]): Promise<string[]> {
  const deps = await m.depsFor(dir);
  const out: string[] = [];
  for (const text of questions) {
    out.push(JSON.stringify(await m.runCommand(deps, { command: 'ask', text })));
    const windows = m.retrieve(deps, m.parseQuestion(deps, text)).windows;
    out.push(JSON.stringify(windows.map((w) => ({ at: w.sentence.id, score: w.score, support: [...w.support].map(([id, x]) => [id, x.sentence.id, x.via, x.at, x.weight]) }))));
  }
  return out;
}

afterAll(() => cleanupTempDirs());

describe('a sentence read again by a later question', () => {
  it('gives the answer a first reading gives, after another corpus with the same sentence ids was read', async () => {
    const dirA = writeCorpus(A);
    const dirB = writeCorpus(B);
    const cold = await answers(await freshModules(), dirB, QUESTIONS_B);
    const m = await freshModules();
    await answers(m, dirA, QUESTIONS_A);
    const warm = await answers(m, dirB, QUESTIONS_B);
    expect(warm).toEqual(cold);
    // The questions read what changed: the quarrel's date, and the flag from a hyphenated word's part ("Malta-flagged").
    const parsed = cold.filter((_, i) => i % 2 === 0).map((a) => JSON.parse(a) as { answered: boolean; short?: { text: string } | null });
    expect(parsed[0]!.short?.text ?? '').toMatch(/^April 9/);
    expect(parsed[2]!.short?.text ?? '').toMatch(/^Malta/);
    expect(parsed[4]!.answered).toBe(false);
    // And asked again in another order, the same answers.
    expect(await answers(m, dirB, [...QUESTIONS_B].reverse())).toEqual(
      [...QUESTIONS_B.keys()].reverse().flatMap((i) => [cold[2 * i], cold[2 * i + 1]]),
    );
  }, 120_000);
});

describe('the references of a sentence', () => {
  it('read from its paragraph\'s references are those a pass over every reference finds, in the same order', async () => {
    const deps = await testDeps();
    const references = analysisOf(deps).references;
    let seen = 0;
    for (const a of deps.corpus.articles) {
      for (const s of a.sentences) {
        const every = references.flatMap((r, i) => (r.sentenceId === s.id ? [i] : []));
        expect(referencesInSentence(deps, s.id), s.id).toEqual(every);
        seen += every.length;
      }
    }
    // The seeds refer to people ("he", "the 41-year-old"): the check reads some.
    expect(seen).toBeGreaterThan(5);
  }, 120_000);
});
