/**
 * QA regressions for /compare: on an unrelated corpus (a kettle recall, copied into a temp dir here) figures of any
 * counted noun are grouped and compared, and a denial is paired with the allegation it answers; on the seeds, the
 * same value twice is not a disagreement and a denial is only paired with a report that says what it denies.
 */
import { writeCorpus, depsFor, cleanupTempDirs } from './helpers/corpus-fixtures.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import { runCommand } from '../src/engines/index.js';
import type { Answer } from '../src/types.js';
import { denialOf, sameQuantity } from '../src/engines/claims.js';
import { countsIn } from '../src/analysis/claim-figures.js';
import { ageOf } from '../src/engines/verify.js';
import { KETTLE_ARTICLES } from './golden/claims.js';

let dir: string;
let deps: Deps;

beforeAll(async () => {
  dir = writeCorpus(KETTLE_ARTICLES, 'dispatch-kettle-');
  deps = await depsFor(dir);
});
afterAll(async () => {
  await deps?.store.close();
  cleanupTempDirs();
});

const compare = (topic?: string) => runCommand(deps, { command: 'compare', text: topic });
const all = (a: Answer) => a.blocks.map((b) => `${b.heading ?? ''}\n${b.text}`).join('\n');
/** The quotes one disagreement cites, with their sources. */
const cited = (a: Answer, topicRe: RegExp) => {
  const d = a.disagreements!.find((x) => topicRe.test(x.topic));
  if (!d) return null;
  return d.sides.flatMap((s) => s.citations).map((n) => a.citations.find((c) => c.n === n)!);
};
function assertVerbatim(a: Answer) {
  for (const c of a.citations) expect(isVerbatim(deps.corpus.byId.get(c.source)!.raw, c.quote), c.quote).toBe(true);
}

describe('/compare on an unrelated corpus (kettle recall)', () => {
  it('groups figures of any counted noun: kettles recalled, burns reported vs burn injuries', async () => {
    const a = await compare();
    assertVerbatim(a);
    expect(all(a)).not.toMatch(/no disagreement/);
    const kettles = cited(a, /kettles/i);
    expect(kettles?.map((c) => c.source).sort()).toEqual(['a1_ledger.md', 'a2_wire.txt']);
    expect(a.disagreements!.find((d) => /kettles/i.test(d.topic))!.topic).toMatch(/about 40,000.*42,000/);
    const burns = cited(a, /burn/i);
    expect(burns?.some((c) => c.quote.includes('23 reports of burns'))).toBe(true);
    expect(burns?.some((c) => c.quote.includes('31 burn injuries'))).toBe(true);
    // Who gives each figure: the company vs the safety board.
    const side = a.disagreements!.find((d) => /burn/i.test(d.topic))!.sides.map((s) => s.text).join('\n');
    expect(side).toMatch(/company/);
    expect(side).toMatch(/Consumer Safety Board/);
  });

  it('a topic naming what is counted finds it ("burn injuries")', async () => {
    const a = await compare('burn injuries');
    assertVerbatim(a);
    expect(a.answered).toBe(true);
    expect(all(a)).not.toMatch(/figures and statements agree/);
    expect(cited(a, /burn/i)?.length).toBe(2);
  });

  it('pairs a denial ("denied that the company delayed the recall") with the allegation it answers, for any actor', async () => {
    const a = await compare();
    assertVerbatim(a);
    const d = a.disagreements!.find((x) => /denial/i.test(x.topic));
    expect(d?.topic).toMatch(/Priya Raman/);
    const quotes = cited(a, /denial/i)!.map((c) => c.quote).join('\n');
    expect(quotes).toMatch(/knew about the faulty lids for months/);
    expect(quotes).toMatch(/denied that the company delayed the recall/);
  });
});

describe('counted nouns and denials, as rules (no corpus)', () => {
  const sent = (text: string) => ({ id: 'x:p0:s0', articleId: 'x', paragraph: 0, index: 0, text, start: 0, end: text.length });
  const count = (text: string) => countsIn(text, sent(text), 'x')[0]!;
  it('reads the counted thing, after "of" too, and stops before time words and participles', () => {
    expect(count('They recalled about 40,000 electric kettles after reports').noun).toBe('electric kettles');
    expect(count('recalled 42,000 kettles last week').noun).toBe('kettles');
    expect(count('it had received 23 reports of burns, including two').noun).toBe('reports of burns');
    expect(count('it had counted 31 burn injuries linked to the model').noun).toBe('burn injuries');
    expect(sameQuantity(count('23 reports of burns'), count('31 burn injuries'))).toBe(true);
    expect(sameQuantity(count('23 reports of burns'), count('12 reports of flooding'))).toBe(false);
    expect(sameQuantity(count('40 freight lines'), count('12 passenger depots'))).toBe(false);
  });
  it('"denied that …" is a denial of what is alleged; ages read as numbers', () => {
    expect(denialOf('Priya Raman, the chief executive, denied that the company delayed the recall.')).toBe('denied');
    expect(denialOf('The minister denied wrongdoing.')).toBeNull();
    expect(ageOf('Peter Zeihan is 52 years old')).toBe(52);
    expect(ageOf('the mayor, aged 61, resigned')).toBe(61);
    expect(ageOf('She is a 40-year-old engineer')).toBe(40);
    expect(ageOf('The dam is 52 metres tall')).toBeNull();
  });
});
