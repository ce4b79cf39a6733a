/**
 * "How many minnows were killed?" then "And other animals?": the same count, of the things the follow-up names
 * instead — not the first question with "other animals" tacked on, which the minnows' count answers again.
 * A story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { shortAndBlocks, storyDeps } from './helpers/story.js';

const SPILL = storyDeps({
  '01_valley-ledger.txt': `20 March 2047\n\nFish kill on the Orrin\n\nState biologists estimated that 12,400 minnows were killed in the Orrin after the chemical spill. In addition to minnows, about 900 other aquatic animals were killed, the agency said.\n`,
});

describe('an elliptical follow-up to a count', () => {
  it('"and other animals?" counts the other animals', async () => {
    const session = 'followup-count-noun';
    const first = await runCommand(SPILL(), { command: 'ask', text: 'how many minnows were killed', session });
    expect(first.short?.text ?? '').toMatch(/12,400 minnows/);
    const next = await runCommand(SPILL(), { command: 'ask', text: 'and other animals?', session });
    expect(next.short?.text ?? '', shortAndBlocks(next)).toMatch(/^about 900 other aquatic animals \[\d+\]$/);
  }, 60_000);
});
