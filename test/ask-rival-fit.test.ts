/**
 * Figures that differ are set side by side only when they answer the question alike (issue #12, item 4): the
 * "$9 million" asked for, read from the sentence beside one about talks on a settlement, is no rival to "a settlement
 * worth about $4 million" (or $5 million). Real rivals still stand side by side: test/evidence-ask-time. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { answerText, storyDeps } from './helpers/story.js';

const A = `6 May 2032\n\nCouncil and ferry operator end dispute\n\nThe island council and the ferry operator reached a settlement worth about $4 million on Friday, a council spokesman confirmed.\n`;
const B = `7 May 2032\n\nHow the ferry dispute ended\n\nTalks on a settlement of the dispute went on for months. The operator had asked for $9 million in damages.\n`;
const C = `8 May 2032\n\nFerry settlement\n\nThe council reached a settlement worth $5 million with the ferry operator, the operator said.\n`;

describe('rival figures', () => {
  const deps = storyDeps({ '01_island-wire.txt': A, '02_harbour-post.txt': B });
  const both = storyDeps({ '01_island-wire.txt': A, '02_harbour-post.txt': B, '03_bay-news.txt': C });

  it('a figure tied to the question less well is no rival', async () => {
    for (const d of [deps(), both()]) {
      const a = await ask(d, 'how much did they settle for?');
      expect(a.answered, answerText(a)).toBe(true);
      // The $9 million asked for, beside a sentence about a settlement, is not set beside the settlement's figure.
      expect(a.short?.text ?? '', answerText(a)).not.toMatch(/\$9 million/);
    }
  }, 60_000);
});
