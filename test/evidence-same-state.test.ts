/**
 * A state the quote writes in other words of the same side (STATE_OPPOSITES: "stepped down" / "resigned", "heading
 * northbound" / "steaming northbound") says the statement's words of it (support.ts `sameState`), as the opposite side
 * contradicts them — and only with the same polarity. Before, "stepped down" was uncovered by "resigned", and "heading"
 * was covered only by an accident of WordNet ("channel" as a verb of directing), which the rule that a quote word
 * naming one of the statement's own words says that word only has removed. Stories written here.
 */
import { describe, expect, it } from 'vitest';
import { supportOf } from '../src/evidence/support.js';

describe('a state written in other words of the same side', () => {
  it('"stepped down" is said by "resigned"', () => {
    const s = supportOf('Councillor Reyes stepped down over the audit', { quote: 'Councillor Reyes resigned over the audit, the council said.' });
    expect(s.supported, s.reason).toBe(true);
  });

  it('"heading northbound" is said by "steaming northbound", not by "not heading northbound"', () => {
    expect(supportOf('The tanker Orla was heading northbound through the strait', { quote: 'The tanker Orla was steaming northbound through the strait when it lost power.' }).supported).toBe(true);
    expect(supportOf('The tanker Orla was heading northbound through the strait', { quote: 'The tanker Orla was not heading northbound through the strait.' }).supported).toBe(false);
  });

  it('a quote word that is one of the statement\u2019s own words says only that word', () => {
    const s = supportOf('About 3,000 people lived in Tarrow', { quote: 'The flood swept through Tarrow, killing at least 14 people.' });
    expect(s.uncovered).toContain('lived');
  });
});
