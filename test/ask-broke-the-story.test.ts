/**
 * "Who broke the story about the letter?" asks who reported it first (issue #12): the idiom is one predicate, found
 * as "report", "reveal", "disclose" (lexicon PHRASAL_PREDICATES), not as "broke" (which found "pausing" and "founder"
 * on real news and refused: "never say who"). Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_capital-wire.txt': `3 May 2035\n\nLawmakers write to Tallis\n\nTwo committee chairs sent a letter to Tallis chief executive Mara Quint asking her to testify about the outage.\n\nThe letter was reported first by the Corvo Herald.\n\nTallis did not immediately respond to a request for comment.\n`,
  '02_trade-weekly.txt': `4 May 2035\n\nTallis outage hearing set\n\nThe hearing is set for June. Tallis shares broke through their yearly low on Monday.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null };

describe('"broke the story" is reporting it first', () => {
  it('is one predicate, read as reporting', () => {
    const q = parseQuestion(deps(), 'who broke the story about the letter');
    expect(q.predicates.map((p) => p.text)).toEqual(['broke the story']);
    expect(q.predicates[0]!.lemma).toBe('report');
  });

  it('answers who reported it', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'who broke the story about the letter' })) as A;
    expect(a.short?.text ?? '', answerText(a as never)).toMatch(/^Corvo Herald \[\d+\]$/);
    const b = (await runCommand(deps(), { command: 'ask', text: 'who broke the news about the letter' })) as A;
    expect(b.short?.text ?? '', answerText(b as never)).toMatch(/^Corvo Herald \[\d+\]$/);
  }, 60_000);
});
