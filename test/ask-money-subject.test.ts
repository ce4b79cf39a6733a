/**
 * "How much did the outage cost Fortune 500 companies?" (issue #12): the noun after the auxiliary is what costs — the
 * clause's subject — and a report may call it otherwise ("due to the CrowdStrike incident"). When the question asks for
 * money alone, a sum written in a sentence that names who the question asks about answers it, though the subject's word
 * is not beside it; a sum with neither is still no answer ("how much did the blaze cost?" is not the ticket price).
 * /verify asks a claim's figure with the same words, its verb after "did" ("How much did the fire cost …").
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { claimSlots } from '../src/evidence/claim-slot.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_harbour-daily.txt': `4 April 2036\n\nWarehouse fire at Penmore docks\n\nA fire tore through a warehouse at Penmore docks on Tuesday night.\n\nInsurers estimated the total loss for Kestrel Freight at $2.1 million due to the Penmore incident.\n\nTickets for the harbour festival cost $40 and sold out within a day.\n`,
};

const deps = storyDeps(FILES);
type A = { answered: boolean; short?: { text: string } | null; blocks: { text: string }[] };
const ask = async (text: string) => (await runCommand(deps(), { command: 'ask', text })) as A;

describe('how much did <subject> cost <name>', () => {
  it('answers with the sum written beside the name asked about, the subject called otherwise', async () => {
    const a = await ask('how much did the fire cost Kestrel Freight?');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text ?? '', answerText(a)).toMatch(/^\$2\.1 million \[\d+\]$/);
  }, 60_000);

  it('does not answer with a sum that names neither the subject nor anyone asked about', async () => {
    const a = await ask('how much did the blaze cost?');
    expect(answerText(a)).not.toMatch(/\$40/);
  }, 60_000);

  it("reads a claim's verb after 'did' in the question /verify asks", () => {
    const s = claimSlots('Kestrel Freight lost about $5 million in the fire', new Date('2036-04-05T12:00:00Z'))[0]!;
    expect(s.question).toBe('How much did Kestrel Freight lose in the fire?');
  });
});
