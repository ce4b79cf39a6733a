/**
 * The console's source list names a citation's article by its title, then its outlet, date and file. An article with
 * no title is named by its file, so the line once read "[1] notes_0412.txt (undated · notes_0412.txt)": the file is
 * now named once. A titled article still shows its file.
 */
import { describe, expect, it } from 'vitest';
import { toText } from '../src/console/render-text.js';
import type { Answer, Citation } from '../src/types.js';

const answer = (c: Citation): Answer => ({
  command: 'ask',
  answered: true,
  title: 'how many evacuees?',
  blocks: [{ text: '120 evacuees [1]', cites: [1] }],
  citations: [c],
  followUps: [],
});

describe('console source list', () => {
  it('names an untitled article’s file once', () => {
    const text = toText(answer({ n: 1, source: 'notes_0412.txt', title: 'notes_0412.txt', outlet: null, date: null, url: null, quote: 'The council said 120 evacuees were at the shelter.' }), false);
    expect(text).toContain('[1] notes_0412.txt (undated)');
    expect(text.match(/notes_0412\.txt/g)).toHaveLength(1);
  });

  it('still names a titled article’s file, with its outlet and date', () => {
    const text = toText(answer({ n: 1, source: 'harlow.md', title: 'Flood shelter fills', outlet: 'Harlow Post', date: '2026-03-02', url: null, quote: 'The council said 120 evacuees were at the shelter.' }), false);
    expect(text).toContain('[1] Flood shelter fills (Harlow Post · 2026-03-02 · harlow.md)');
  });
});
