/**
 * A follow-up read with the previous question's subject (issue #12, follow-ups), on two stories written here: a ferry
 * stuck in a storm and a closed bridge.
 * - "Who said the bridge was unsafe?" then "Why?": the question word was the clause's subject, so the bare "why" asks
 *   why the person the answer named said it ("Why did Mara Holt say the bridge was unsafe?"), not "Why said …".
 * - "How many passengers refused to leave?" then "What could happen to them?": "them" are the things counted, as the
 *   count question described them ("the passengers who refused to leave the ferry").
 * Driven through runCommand with a session, as the front doors do.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import type { Answer } from '../src/types.js';
import { answerText, storyDeps } from './helpers/story.js';

const FERRY: Record<string, string> = {
  '01_coast-herald.txt': `Monday, 6 April 2037\n\nFerry stuck off Varn in storm\n\nBy Ida Lund\n\nThe ferry Northwind was stuck off the island of Varn on Sunday as a storm closed the harbour.\n\nAbout 30 passengers refused to leave the ferry when lifeboats came alongside on Sunday evening.\n\nPassengers who refuse to leave could be fined for blocking the rescue, harbour master Jon Berg warned.\n\nThe storm is expected to ease on Tuesday.\n`,
};
const BRIDGE: Record<string, string> = {
  '01_river-news.txt': `Thursday, 9 September 2037\n\nOld Kelso bridge closed\n\nBy Nils Aro\n\nThe old Kelso bridge was closed to traffic on Wednesday.\n\nEngineer Mara Holt said the bridge was unsafe because its steel cables had rusted through.\n\nThe council will vote on repairs in October.\n\nThe toll was five crowns.\n`,
};
const ferry = storyDeps(FERRY);
const bridge = storyDeps(BRIDGE);

async function converse(deps: ReturnType<typeof ferry>, turns: string[]): Promise<Answer> {
  const session = `t${Math.random()}`;
  let last: Answer | undefined;
  for (const text of turns) last = await runCommand(deps, { command: 'ask', text, session });
  return last!;
}

describe('a follow-up read with the previous question’s subject', () => {
  it('"why?" after "who said …" asks why the person named said it (bridge)', async () => {
    const a = await converse(bridge(), ['who said the bridge was unsafe', 'why?']);
    const resolved = String(a.meta?.resolvedQuestion ?? '');
    expect(resolved).toMatch(/^Why did Mara Holt say the bridge was unsafe\?$/);
    expect(answerText(a)).toMatch(/cables had rusted/);
  }, 60_000);

  it('"why?" after "what was the toll" keeps the question as it was: "what" was no subject there (bridge)', async () => {
    const a = await converse(bridge(), ['what was the toll', 'why?']);
    expect(String(a.meta?.resolvedQuestion ?? '')).not.toMatch(/\bit\b/);
  }, 60_000);

  it('"them" after "how many passengers refused …" are the passengers who refused (ferry)', async () => {
    const a = await converse(ferry(), ['how many passengers refused to leave the ferry', 'what could happen to them']);
    expect(String(a.meta?.resolvedQuestion ?? '')).toBe('what could happen to the passengers who refused to leave the ferry');
    expect(a.answered, answerText(a)).toBe(true);
    expect(answerText(a)).toMatch(/could be fined/);
  }, 60_000);
});
