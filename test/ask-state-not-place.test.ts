/**
 * A "where" answer is a place (issue #12): "in good health", "in shock" name a state (WordNet's noun.state, feeling,
 * attribute files), so they are never read as where someone is; and "born" is read in its own sense, not as a form of
 * "bear" ("jerseys bearing the club crest" says nothing of where anyone was born; lexicon OWN_SENSE_FORMS). With no
 * place given, the honest answer is a refusal. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { lemma } from '../src/language/tokenize.js';
import { isStateNoun } from '../src/language/wordnet.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_orla-coast.txt': `6 June 2035\n\nSailors rescued off Orla\n\nThe captain and four sailors were rescued on Monday after their yacht capsized.\n\nThe sailors were said to be in good health on Tuesday, wearing jerseys bearing the yacht club crest.\n\nThe captain, who has sailed for 20 years, thanked the rescuers in Corran harbour.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('a state is no place; born is not bearing', () => {
  it('tells states from places', () => {
    expect(['health', 'shock', 'fear'].map((w) => isStateNoun(w))).toEqual([true, true, true]);
    expect(['harbour', 'cave', 'complex', 'bank', 'chamber'].map((w) => isStateNoun(w))).toEqual([false, false, false, false, false]);
    expect(lemma('born')).toBe('born');
    expect(lemma('bearing')).toBe('bear');
  });

  it('"where are the sailors now" is not answered "in good health"', async () => {
    const a = await ask('where are the sailors now');
    expect(answerText(a)).not.toMatch(/good health \[/);
  }, 60_000);

  it('"where was the captain born" is refused, not answered from "bearing"', async () => {
    const a = await ask('where was the captain born');
    expect(a.answered, answerText(a)).toBe(false);
  }, 60_000);

  it('a place the articles give still answers', async () => {
    const a = await ask('where did the captain thank the rescuers');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/Corran/);
  }, 60_000);
});
