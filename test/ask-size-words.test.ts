/**
 * "How big is the settlement?" asks a sum of money; "how much ground does it cover?", "how much land burned?" ask an area.
 * The size word and the noun say which measure, as "how much money" and "how big an area" do. Two stories written here,
 * a chemical spill's lawsuit and a moorland fire.
 */
import { describe, expect, it } from 'vitest';
import { answerText, askIn, storyDeps } from './helpers/story.js';

const SPILL: Record<string, string> = {
  '01_river-times.txt': `3 October 2036\n\nSpill lawsuit settled\n\nThe chemical plant's owner agreed to a $120 million settlement with 40 riverside towns on Monday.\n\nThe spill covered 12 miles of riverbank.\n\nA separate fine of $3 million was set by the regulator.\n`,
};
const MOOR: Record<string, string> = {
  '01_upland-news.txt': `22 August 2036\n\nFire on Harrow Moor\n\nThe fire on Harrow Moor burned 300 hectares of heather before rain put it out.\n\nSome 80 firefighters fought it over two days.\n\nThe moor's oldest oak covers nearly half an acre, and it survived.\n`,
};
const spill = storyDeps(SPILL);
const moor = storyDeps(MOOR);

describe('size words', () => {
  it('"how big is the settlement" is money (spill)', async () => {
    const a = await askIn(spill(), 'how big is the settlement');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^\$120 million \[\d+\]$/);
  }, 60_000);

  it('"how large was the fine" is money (spill)', async () => {
    const a = await askIn(spill(), 'how large was the fine');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^\$3 million \[\d+\]$/);
  }, 60_000);

  it('"how much land burned" is an area (moor)', async () => {
    const a = await askIn(moor(), 'how much land burned');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^300 hectares \[\d+\]$/);
  }, 60_000);

  it('"how much ground does the oak cover" is an area (moor)', async () => {
    const a = await askIn(moor(), 'how much ground does the old oak cover');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^nearly half an acre \[\d+\]$/);
  }, 60_000);
});
