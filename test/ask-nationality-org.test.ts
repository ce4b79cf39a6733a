/**
 * "Which airlines got hit worst?" (issue #12), found on real news where "American Airlines, Delta and United Airlines
 * were the hardest hit" was answered with a list of other companies:
 * - an organisation's own name keeps its nationality word when it ends with the kind of body it is ("Canadian Airlines",
 *   "Canadian Coast Guard"): the word tells it from another of that kind ("Lakeland Airlines", "U.S. Coast Guard"), where
 *   before it was cut off and the rest ("Airlines") merged into the other company;
 * - a question noun is read as an organisation by its lemma too ("which airlines" → a list of organisations);
 * - "worst hit" is "hardest hit" (lexicon synonym group).
 * A nationality before other names is still an adjective ("the Venezuelan Cartel de los Soles"). Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { analysisOf } from '../src/analysis/index.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_air-wire.txt': `12 March 2033\n\nBooking outage grounds flights\n\nA growing list of companies have begun disclosing impacts, including Harrow Freight Holdings Inc. and Tolley’s Corp.\n\nCanadian Airlines, Brindle Air and Lakeland Airlines were the hardest hit by the outage.\n\nThe Canadian Coast Guard lent radios to the airports, and the U.S. Coast Guard sent two cutters.\n`,
  '02_gulf-post.txt': `13 March 2033\n\nNavy seizes boat\n\nThe Venezuelan Cartel de los Soles was named in the indictment.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('organisations named with a nationality', () => {
  it('keeps the nationality in an organisation’s own name, not before other names', () => {
    const names = analysisOf(deps()).entities.entities.map((e) => e.name);
    expect(names).toContain('Canadian Airlines');
    expect(names).toContain('Canadian Coast Guard');
    expect(names).toContain('U.S. Coast Guard');
    expect(names).not.toContain('Venezuelan Cartel de los Soles');
    expect(names).toContain('Cartel de los Soles');
  });

  it('reads "which airlines" as a list of organisations', () => {
    expect(parseQuestion(deps(), 'which airlines got hit worst').kind).toBe('list');
  });

  it('"which airlines got hit worst" names the hardest hit', async () => {
    const a = await ask('which airlines got hit worst');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^Canadian Airlines, Brindle Air and Lakeland Airlines \[\d+\]$/);
  }, 60_000);
});
