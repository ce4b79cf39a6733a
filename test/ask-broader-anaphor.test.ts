/**
 * An article names a thing by its own word, then refers back to it by a broader one: "banging" … "the noises are
 * coming every 20 minutes". A question in the first word ("how often were the bangs heard") is answered by the later
 * sentence, which never repeats it. Only a definite broader noun ("the noises") in an article that wrote the word before
 * refers back; another article's "noises" are other noises. Found on real news (a search for a lost submersible).
 * Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';
import { parseQuestion } from '../src/evidence/question.js';
import { retrieve } from '../src/evidence/retrieve.js';
import type { Deps } from '../src/deps.js';

const FILES: Record<string, string> = {
  '01_valley-post.txt': `12 March 2031\n\nRescuers hear signs of life at Corran mine\n\nRescuers at the Corran mine said on Tuesday that listening equipment had picked up banging from below the collapsed shaft.\n\nMine manager Ilse Varga said crews were drilling a second borehole toward the sound.\n\nShe said the noises were coming every 20 minutes, and that the rescuers took it as a sign that the trapped miners were alive.\n`,
  '02_hill-gazette.txt': `13 March 2031\n\nQuarry blasting halted near Corran\n\nThe quarry next to the Corran mine stopped blasting on Wednesday at the request of the rescue teams.\n\nResidents had complained for months that the noises from the quarry came every 90 minutes.\n`,
};

const deps = storyDeps(FILES);

describe('a broader noun refers back to the question’s word', () => {
  it('"how often were the bangs heard" is answered by "the noises were coming every 20 minutes"', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'how often were the bangs heard?' })) as { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/20 minutes/);
    expect(answerText(a)).not.toMatch(/90 minutes/);
  }, 60_000);

  it('another article’s noises, with no banging before them, are not the bangs', async () => {
    const a = (await runCommand(deps(), { command: 'ask', text: 'how often were the bangs heard from the quarry?' })) as { answered: boolean; blocks: { text: string }[] };
    expect(answerText(a)).not.toMatch(/90 minutes/);
  }, 60_000);

});

// A headline without the question's words ("hear" in the headline would make the search find every paragraph of the
// article through its title): the paragraph that refers back is found only as a later paragraph writing a broader noun.
const UNTITLED: Record<string, string> = { ...FILES, '01_valley-post.txt': FILES['01_valley-post.txt']!.replace('Rescuers hear signs of life at Corran mine', 'Signs of life at Corran mine') };
const untitled = storyDeps(UNTITLED);

describe('the later paragraphs that refer back, found from the index postings', () => {
  it('are the ones found by reading each paragraph', () => {
    // The same index without its numbered postings: each paragraph's words are read from its text.
    const plain: Deps = { ...untitled(), index: new Proxy(untitled().index, { get: (t, p) => (p === 'numbered' ? undefined : Reflect.get(t, p, t)) }) };
    for (const text of ['how often were the bangs heard?', 'how often were the bangs heard from the quarry?']) {
      const windows = (d: Deps) => retrieve(d, parseQuestion(d, text)).windows.map((w) => `${w.sentence.id} ${w.score}`);
      expect(windows(untitled()), text).toEqual(windows(plain));
    }
    const found = retrieve(untitled(), parseQuestion(untitled(), 'how often were the bangs heard?')).windows.map((w) => w.sentence.text);
    expect(found.some((t) => /the noises were coming every 20 minutes/.test(t))).toBe(true);
  }, 60_000);
});
