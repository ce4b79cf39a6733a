/**
 * /verify reads a claim's words as /ask reads a question's (issue #12, "one fact, one answer"): a word of the claim
 * is also said by a corpus word WordNet relates to it closely enough to stand for it — a synonym, derivation or
 * attribute in its main sense ("hired" ~ "engaged"). Found on real news: "Delta hired David Boies, and CrowdStrike
 * has agreed to cover Delta's losses" was called supported, its second part unread, because the sentence saying the
 * first part ("has engaged renowned attorney David Boies") did not count as saying "hired". Text written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_market-wire.txt': `3 May 2032\n\nKey points\n- Tallis hires Ona Petrak to seek damages.\n- Strike cost Tallis $40 million to $60 million.\n\nTallis Shipping has engaged renowned attorney Ona Petrak to pursue damages from Brine Lines following a dock strike that stranded its ships for a week.\n\nOna Petrak, a partner at Petrak Moll, is known for a long fight with the harbour board.\n`,
  '02_island-daily.txt': `4 May 2032\n\nStrike over, ferries run again\n\nFerries between Corvo and the mainland ran to timetable on Saturday after the dock strike ended.\n\nBrine Lines said it would not comment on any claim.\n\nBrine Lines hired the lawyer Vell Marr last month.\n`,
};

const deps = storyDeps(FILES);
const verify = async (claim: string) => runCommand(deps(), { command: 'verify', text: claim }) as Promise<{ verdict?: string; blocks: { text: string }[] }>;

describe('verify reads claim words through WordNet, as /ask does', () => {
  it('a compound claim whose first part is said with a synonym, its second part not at all, is partly supported', async () => {
    const a = await verify("Tallis Shipping hired Ona Petrak, and Brine Lines has agreed to cover Tallis's losses");
    expect(a.verdict, answerText(a)).toBe('partly supported');
  }, 60_000);

  it('the part said with a synonym is supported on its own', async () => {
    // "hired" is a word of the articles (about another firm), so it counts: "has engaged" must say it.
    const a = await verify('Tallis Shipping hired Ona Petrak');
    expect(a.verdict, answerText(a)).toBe('supported');
  }, 60_000);
});
