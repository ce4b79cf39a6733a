/**
 * A name that opens a claim and is also a common word ("Delta expected its operations to be back to normal by
 * Thursday") is still a name when the corpus names something so (issue #12). It was read as the common word, so a
 * stock exchange's "we expect a normal open this morning … early Friday morning" — another subject — contradicted the
 * claim by its date, on real news. The quote must name it, as it must any other name. Story written here.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/engines/verify.js';
import { supportOf } from '../src/evidence/support.js';
import { analysisOf } from '../src/analysis/index.js';
import { answerText as text, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_air-wire.txt': `19 July 2034\n\nSummit grounds flights after outage\n\nSummit Airways cancelled 900 flights on Friday after a computer outage.\n\n"Ridge markets are fully operational and we expect a normal open this morning," a spokesperson for the Ridge Exchange said early Friday morning.\n`,
  '02_travel-desk.txt': `23 July 2034\n\nSummit recovery slow\n\nSummit said its flights would run a full schedule again from next week.\n\nCrews worked through the weekend.\n`,
};

const deps = storyDeps(FILES);

describe('a name opening a claim that is also a common word', () => {
  it('is a name the quote must give: another subject\'s date does not contradict the claim', () => {
    const v = verify(deps(), 'Summit expected its operations to be back to normal by Thursday');
    expect(v.verdict, text(v)).not.toBe('contradicted');
    expect(text(v)).not.toMatch(/Ridge markets/);
  }, 60_000);

  it('supportOf: the name is missing from a quote that does not give it', () => {
    const ctx = { entities: analysisOf(deps()).entities };
    const s = supportOf('Summit expected its operations to be back to normal by Thursday', '"Ridge markets are fully operational and we expect a normal open this morning," a spokesperson said early Friday morning.', ctx);
    expect(s.parts.find((p) => p.check === 'names')).toMatchObject({ ok: false, detail: "'Summit' is not in the quote" });
    // A quote that names it passes the names check; the common word is still one of the statement's words.
    const t = supportOf('Summit cancelled 900 flights on Friday', 'Summit Airways cancelled 900 flights on Friday after a computer outage.', ctx);
    expect(t.supported).toBe(true);
  }, 60_000);
});
