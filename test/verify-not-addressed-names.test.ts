/**
 * A claim the articles do not address is refused in the reader's words: the names it gives are said as written
 * ("Harbour Stock Exchange"), not word by word ("harbour", "stock", "exchange"). And a claim that gives a cause for an
 * event ("… could not open because of the storm") is judged as the event and its cause: an event the articles
 * contradict makes it contradicted, whatever they say of the cause. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_market-wire.txt': `8 June 2032\n\nStorm closes the port\n\nA storm closed the port of Orla on Monday.\n\nThe Harbour Stock Exchange said its trading floor was busy.\n`,
  '02_coast-wire.txt': `9 June 2032\n\nFerries back\n\nFerries returned to Orla on Tuesday because the storm had passed, and the port will open again on Friday.\n`,
};

const deps = storyDeps(FILES);

describe('a not-addressed claim names what the articles mention as the claim wrote it', () => {
  it('says "Harbour Stock Exchange", not its words one by one', async () => {
    const a = (await runCommand(deps(), { command: 'verify', text: 'The Harbour Stock Exchange could not open because of the storm' })) as { verdict?: string; blocks: { text: string }[] };
    const text = answerText(a);
    expect(a.verdict, text).toBe('not addressed');
    expect(text).toContain('“Harbour Stock Exchange”');
    expect(text).not.toMatch(/“harbour”|“stock”|“exchange”/i);
  }, 60_000);
});

describe('a claim that gives a cause', () => {
  const causeDeps = storyDeps({
    ...FILES,
    '03_trade-wire.txt': `10 June 2032\n\nTrading as usual\n\nThe Orla Bourse opened as usual on Monday despite the storm, a spokesperson said.\n`,
  });
  it('is contradicted when the event it explains did not happen ("could not open because of the storm")', async () => {
    const a = (await runCommand(causeDeps(), { command: 'verify', text: 'The Orla Bourse could not open because of the storm' })) as { verdict?: string; blocks: { text: string }[] };
    const text = answerText(a);
    expect(a.verdict, text).toBe('contradicted');
    expect(text).toContain('“The Orla Bourse could not open” is contradicted');
    expect(text).toContain('The Orla Bourse opened as usual on Monday despite the storm');
  }, 60_000);

  it('is supported as a whole when the articles give the event and its cause', async () => {
    const a = (await runCommand(causeDeps(), { command: 'verify', text: 'Ferries returned to Orla because the storm had passed' })) as { verdict?: string; blocks: { text: string }[] };
    expect(a.verdict, answerText(a)).toBe('supported');
  }, 60_000);
});
