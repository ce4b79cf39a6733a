/**
 * "how bad did the stock tank", "how sharply did fares rise": a question of degree about a quantity that changed asks
 * by how much — a figure, most often a percentage — not for a description. Found on real news: "how bad did the stock
 * tank friday morning" was read as a description and answered with "The stock price … plummeted" and no figure,
 * where the next sentence says "Shares fell nearly 15%". Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_market-wire.txt': `8 June 2032\n\nTallis stock sinks after ferry outage\n\nThe stock of Tallis Shipping sank in early trading on Monday after its booking system failed.\n\nShares fell nearly 12% on Monday morning, the lowest level since March.\n\nFerry fares rose 4% on the Corvo route over the same week.\n`,
  '02_coast-wire.txt': `9 June 2032\n\nFerries back on time\n\nTallis Shipping said most ferries ran on time by Tuesday.\n\nThe company said 40 sailings were cancelled.\n`,
};

const deps = storyDeps(FILES);
const rail = storyDeps({
  '01_rail-desk.txt': `3 February 2033\n\nCommuters hit by fare rise\n\nKestrel Rail fares went up sharply in January.\n\nTickets rose 6.2% on 2 January, the largest rise in a decade.\n\nThe company carries 80,000 passengers a day.\n`,
});
const ask = async (q: string) => runCommand(deps(), { command: 'ask', text: q }) as Promise<{ answered: boolean; short?: { text: string } | null; blocks: { text: string }[] }>;

describe('how bad did it drop: by how much', () => {
  it('reads the question as an amount, a percentage first', () => {
    const q = parseQuestion(deps(), 'how bad did the stock tank monday morning');
    expect(q.kind).toBe('amount');
    expect(q.figures[0]).toBe('percent');
    // "how bad was the damage" is still a description: no quantity changed.
    expect(parseQuestion(deps(), 'how bad was the outage').kind).toBe('description');
  });

  it('answers with the figure of the change', async () => {
    const a = await ask('how bad did the stock tank monday morning');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toContain('nearly 12%');
  }, 60_000);

  it('"how much did tallis stock fall": the stock is what fell, not what is measured', async () => {
    expect(parseQuestion(deps(), 'how much did tallis stock fall monday morning').head).toBeNull();
    // "how much did the search cost" still measures its subject.
    expect(parseQuestion(deps(), 'how much did the ferry cost').head?.lemma).toBe('ferry');
    const a = await ask('how much did tallis stock fall monday morning');
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^nearly 12% \[\d+\]$/);
  }, 60_000);

  it('"how much did the fares go up" in a second story', async () => {
    const a = await runCommand(rail(), { command: 'ask', text: 'how much did kestrel rail fares rise in january' }) as { short?: { text: string } | null; blocks: { text: string }[] };
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^6\.2% \[\d+\]$/);
  }, 60_000);

  it('"how sharply did fares rise" → 4%', async () => {
    const a = await ask('how sharply did ferry fares rise');
    expect(a.short?.text ?? '', answerText(a)).toContain('4%');
  }, 60_000);
});
