/**
 * /who lists what the articles call someone; a bare honorific ("Mr", "Dr.") says nothing a role or an apposition does
 * not, and is listed only when nothing else describes them (it read "Described as • President • French President • the
 * French President • Mr" for a head of state). Story written here.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/engines/index.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_quay-herald.txt': `4 April 2036\n\nQuay to reopen\n\nHarbour master Jo Penrose said the quay would reopen on Friday.\n\nMr Penrose added that repairs had cost less than feared.\n\nThe port's chief engineer, Jo Penrose, inspected the wall on Thursday.\n`,
  '02_valley-post.txt': `5 April 2036\n\nDockers return\n\nDockers returned to work on Saturday.\n\nMs Amara Vell, a union official, welcomed the news.\n`,
};
const deps = storyDeps(FILES);

describe('/who descriptions', () => {
  it('leave out a bare honorific when a role describes the person', async () => {
    const a = await runCommand(deps(), { command: 'who', text: 'jo penrose' });
    const text = answerText(a as never);
    expect(text).toMatch(/Harbour master|chief engineer/i);
    expect(text).not.toMatch(/•\s*Mr\b/);
  }, 60_000);
});
