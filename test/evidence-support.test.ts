/** The support judge (src/evidence/support.ts) on project-written quotes: one row per kind of change. */
import { describe, expect, it } from 'vitest';
import { sentencesAround, supportOf, type Quoted } from '../src/evidence/support.js';

const TALKS = 'Officials said the talks would resume in Geneva next week.';
const STRIKES = 'The navy has carried out 14 strikes on suspected smuggling boats since September, killing at least 61 people, according to the ministry.';
const PORT = 'Mayor Ilsa Varga said the harbour “will not reopen before the storm passes” and denied that the ferry had been sold.';

const FERRY = 'The ferry was sold to a unit of Baltic Holding, and its crew, all Latvian nationals, stayed aboard; director Anna Brek resigned as director after the sale.';
const UNDECIDED = 'Anna Brek told reporters on Friday that she had yet to make a decision on whether to sell the ferry.';

const q = (passage: string, quote: string, speakers: string[] = []): Quoted => ({ quote, around: sentencesAround(passage, quote), speakers });

describe('supportOf', () => {
  const rows: [string, Quoted, 'supported' | 'contradicts' | 'unsupported', string?][] = [
    // faithful
    ['The talks will restart in Geneva next week.', q(TALKS, TALKS), 'supported'],
    ['Talks to resume in Geneva', q(TALKS, TALKS), 'supported'],
    ['The ministry says 14 strikes since September killed at least 61 people.', q(STRIKES, 'The navy has carried out 14 strikes on suspected smuggling boats since September, killing at least 61 people'), 'supported'],
    ['More than 60 people were killed.', q(STRIKES, 'killing at least 61 people'), 'supported'],
    ['Varga said the harbour will not reopen before the storm passes.', q(PORT, 'the harbour “will not reopen before the storm passes”'), 'supported'],
    // a word outside the quote is not supported by it, even when the quote's sentence has it
    ['Varga said the harbour will not reopen before the storm passes.', q(PORT, 'will not reopen before the storm passes'), 'unsupported', 'predicate'],
    ['The Example Gazette reported the talks would resume.', q(TALKS, TALKS, ['Example Gazette']), 'supported'],
    // names
    // another name in the same place ("resume in Geneva" / "resume in Vienna") is a contradiction
    ['The talks would resume in Vienna next week.', q(TALKS, TALKS), 'contradicts', 'names'],
    ['The ferry was sold to a unit of Norland Lines.', q(FERRY, FERRY), 'contradicts', 'names'],
    ['The ferry crew were Estonian.', q(FERRY, FERRY), 'contradicts', 'names'],
    ['The ferry was sold by Norland Lines.', q(FERRY, FERRY), 'unsupported', 'names'],
    ['Officials in Oslo said the talks would resume.', q(TALKS, TALKS), 'unsupported', 'names'],
    ['Mayor Petra Lund said the harbour will not reopen before the storm passes.', q(PORT, 'will not reopen before the storm passes'), 'unsupported', 'names'],
    // figures and dates
    ['The strikes killed at least 90 people.', q(STRIKES, 'killing at least 61 people'), 'contradicts', 'figures'],
    ['The talks would resume in Geneva next month.', q(TALKS, TALKS), 'contradicts', 'dates'],
    ['The navy carried out 14 strikes since October.', q(STRIKES, 'The navy has carried out 14 strikes on suspected smuggling boats since September'), 'contradicts', 'dates'],
    // negation, including a denial outside the quoted fragment
    ['The talks would not resume in Geneva next week.', q(TALKS, TALKS), 'contradicts', 'negation'],
    ['It is false that the talks would resume in Geneva.', q(TALKS, TALKS), 'contradicts', 'negation'],
    ['Varga said the harbour will reopen before the storm passes.', q(PORT, 'will not reopen before the storm passes'), 'contradicts', 'negation'],
    ['The ferry had been sold.', q(PORT, 'the ferry had been sold'), 'contradicts', 'negation'],
    ['Officials have yet to say whether talks will resume.', q(TALKS, TALKS), 'contradicts', 'negation'],
    // "could not" negates (it is no hedge of possibility); "unable to", "impossible for X to Y" negate as it does
    ['The crew tool could not process the changes.', q('The crew tool processed the changes.', 'The crew tool processed the changes.'), 'contradicts', 'negation'],
    ['The crew tool could not process the changes.', q('The crew tool was unable to process the changes.', 'The crew tool was unable to process the changes.'), 'supported'],
    ['The crew tool processed the changes.', q('The crew tool was unable to process the changes.', 'The crew tool was unable to process the changes.'), 'contradicts', 'negation'],
    ['The crew tool processed the changes.', q('It was impossible for the crew tool to process the changes.', 'It was impossible for the crew tool to process the changes.'), 'contradicts', 'negation'],
    // a state the quote says the opposite of, for the same subject
    ['Director Anna Brek stayed on as director after the sale.', q(FERRY, FERRY), 'contradicts', 'predicate'],
    ['Anna Brek had already decided to sell the ferry.', q(UNDECIDED, UNDECIDED), 'contradicts'],
    ['Anna Brek resigned as director after the sale.', q(FERRY, FERRY), 'supported'],
    // predicate
    ['The talks collapsed after a bomb exploded.', q(TALKS, TALKS), 'unsupported', 'predicate'],
    ['Visit the login page now', q(TALKS, TALKS), 'unsupported', 'predicate'],
  ];
  it.each(rows)('%s', (statement, quoted, verdict, check) => {
    const r = supportOf(statement, quoted);
    expect(r.verdict, r.reason).toBe(verdict);
    expect(r.supported).toBe(verdict === 'supported');
    if (check) expect(r.parts.find((p) => !p.ok)?.check, r.reason).toBe(check);
  });

  it('reports every check, and which failed', () => {
    const r = supportOf('The talks would not resume in Vienna next month.', TALKS);
    expect(r.parts.map((p) => p.check)).toEqual(['names', 'figures', 'dates', 'negation', 'predicate']);
    expect(r.parts.filter((p) => !p.ok).map((p) => p.check)).toEqual(['names', 'dates', 'negation']);
    expect(r.reason).toMatch(/^names: .*'Vienna'/);
  });

  it('an alias of the same entity counts when the entity index is given', () => {
    // a surname stands for the full name; a first name the quote does not give is not supported
    expect(supportOf('Varga said the harbour would stay closed.', 'Ilsa Varga said the harbour would stay closed.').supported).toBe(true);
    expect(supportOf('Ilsa Varga said the harbour would stay closed.', 'Varga said the harbour would stay closed.').supported).toBe(false);
    const entity = { id: 'e1', name: 'Eastport', kind: 'place' as const, aliases: ['Eastport', 'Port of Eastport'], keys: ['eastport'], mentions: [] };
    const entities = { entities: [entity], byKey: new Map([['port of eastport', [entity]]]) };
    expect(supportOf('The Port of Eastport harbour would stay closed.', 'the Eastport harbour would stay closed', { entities }).supported).toBe(true);
    expect(supportOf('The Port of Eastport harbour would stay closed.', 'the Eastport harbour would stay closed').supported).toBe(false);
  });

  it('reads a name with its common tail, an acronym the lexicon knows and a capitalised verb inside a name', () => {
    // "KORVEN Towage" is given as "KORVEN" (its common tail dropped); another owner in the same role contradicts
    const quote = 'KORVEN, a unit of Halden Marine, was hired to tow the barge.';
    expect(supportOf('KORVEN Towage was hired to tow the barge.', quote).supported).toBe(true);
    expect(supportOf('KORVEN Towage is a unit of Brask Shipping.', quote).verdict).toBe('contradicts');
    // a name the quote writes next to another name word is another name
    expect(supportOf('Halden Towage was hired to tow the barge.', 'Halden Marine was hired to tow the barge.').supported).toBe(false);
    // "Port Said" is one name: the quote's 'Ismailia' holds its place
    expect(supportOf('The deal was signed at a ceremony in Port Said.', 'The deal was signed at a ceremony in Ismailia.').reason).toMatch(/'Ismailia' where the statement has 'Port Said'/);
  });

  it('a weekday added to a day of a month says nothing more', () => {
    expect(supportOf('The minister visited the harbour on Friday June 29.', 'The minister visited the harbour on June 29.').supported).toBe(true);
    expect(supportOf('The minister visited the harbour on Friday June 29.', 'The minister visited the harbour on June 28.').verdict).toBe('contradicts');
  });

  it('a number word is a figure, never a word that covers another ("five" is a hyponym of the noun "die" in WordNet)', () => {
    const r = supportOf('Three climbers died on the ridge.', 'A rescue team found five climbers on the ridge.');
    expect(r.supported).toBe(false);
    expect(r.uncovered).toContain('died');
  });

  it('a count against "no" of the same noun contradicts', () => {
    const r = supportOf('Three passengers were hurt in the fire.', 'No passengers were hurt in the fire.');
    expect(r.parts.find((p) => p.check === 'figures')).toMatchObject({ ok: false, contradicts: true });
    expect(supportOf('Three deckhands were hurt in the fire.', 'No passengers were hurt in the fire.').parts.find((p) => p.check === 'figures')?.contradicts).toBe(false);
  });

  it('finds the sentence around a quote, also for fragments joined by an ellipsis', () => {
    const passage = `First sentence here. ${TALKS} Last one.`;
    expect(sentencesAround(passage, 'the talks would resume')).toBe(TALKS);
    expect(sentencesAround(passage, 'First sentence here … would resume in Geneva')).toBe(`First sentence here. ${TALKS}`);
    expect(sentencesAround(passage, 'not in the passage')).toBeUndefined();
  });
});
