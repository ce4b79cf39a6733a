/**
 * "which companies …": the answer is a run of names as the sentence writes it — each next to the one before but for a
 * comma, "and" or "or" — with a company's legal form ("Inc.", "’s Corp.") kept, from the sentence that says the noun
 * asked. Found on real news: "which companies said they were affected" got "YORK -- The stock price of cybersecurity
 * company CrowdStrike" (two names with a dateline between them), while "A growing list of companies have begun
 * disclosing impacts, including United Airlines Holdings Inc. and McDonald’s Corp." was never read: its names scored
 * zero, tied to "companies" by nothing but the sentence. Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_market-wire.txt': `8 June 2032\n\nBooking outage hits ferry firms\n\nPORT TALLIS -- The stock price of software company Quillon sank on Monday after a faulty update took down booking systems.\n\nA growing list of companies have begun disclosing impacts, including Brine Lines Holdings Inc. and Corvo’s Corp. Quillon shares fell 12%.\n`,
  '02_coast-wire.txt': `9 June 2032\n\nFerries back on time\n\nQuillon said a fix had been deployed by Tuesday.\n\nMost ferries ran on time by Wednesday.\n`,
};

const deps = storyDeps(FILES);
const ask = async (q: string) => runCommand(deps(), { command: 'ask', text: q }) as Promise<{ answered: boolean; short?: { text: string } | null; blocks: { text: string }[] }>;

describe('a list is the run of names the sentence writes', () => {
  it('"which companies said they were affected" → the listed companies, legal forms kept', async () => {
    const a = await ask('which companies said they were affected');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toContain('Brine Lines Holdings Inc. and Corvo’s Corp.');
  }, 60_000);

  it('two names with other words between them are no list', async () => {
    const a = await ask('which companies said they were affected');
    expect(a.short?.text ?? '').not.toContain('TALLIS --');
  }, 60_000);
});
