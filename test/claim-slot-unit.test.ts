/**
 * A claim's slot (src/evidence/claim-slot.ts): the figure, date or place a claim states, the question it answers,
 * and how an answer's filler stands to it. Claims written here.
 */
import { describe, expect, it } from 'vitest';
import { claimSlots, relateSlot, type ClaimSlot } from '../src/evidence/claim-slot.js';

const REF = new Date('2031-05-14T12:00:00Z');
const first = (claim: string): ClaimSlot => claimSlots(claim, REF)[0]!;

describe('claimSlots', () => {
  it('reads a span written in two units as one, with its qualifier, and asks "how long"', () => {
    const s = first('The ferry lost power about an hour and 20 minutes into its trip across the strait');
    expect(s.kind).toBe('figure');
    if (s.kind !== 'figure') return;
    expect(s.text).toBe('about an hour and 20 minutes');
    expect(s.value.kind).toBe('duration');
    expect(s.value.lo).toBeLessThan(4800);
    expect(s.value.hi).toBeGreaterThan(4800);
    expect(s.question).toBe('How long did the ferry lose power into its trip across the strait?');
    expect(s.core).toBe('How long did the ferry lose power?');
  });

  it('takes the counted noun into "how many" and leaves a clause with its own subject in the core', () => {
    const s = first('The navy sent 12 divers after the boys went missing');
    expect(s.question).toBe('How many divers did the navy send after the boys went missing?');
    const t = first('The boys were found three days after they went missing');
    expect(t.core).toBeNull();
  });

  it('reads a date with its preposition, and a span chrono mistakes for a date stays a figure', () => {
    const d = claimSlots('The prime minister visited the cave on Friday June 29', REF).find((x) => x.kind === 'date')!;
    expect(d.question).toBe('When did the prime minister visit the cave?');
    if (d.kind === 'date') expect(d.date).toMatchObject({ month: 6, day: 29, weekday: 5 });
    expect(claimSlots('The ships were stuck for six days', REF).map((x) => x.kind)).toEqual(['figure']);
  });

  it('reads a verb whose past is its base as the past after a singular subject, though the tagger reads a noun', () => {
    expect(first('The storm cost the province more than $2 billion').question).toBe('How much did the storm cost the province?');
    expect(claimSlots('The quake hit the coast on Monday', REF).find((x) => x.kind === 'date')!.question).toBe('When did the quake hit the coast?');
    expect(first('Kestrel Freight cut 400 jobs').question).toBe('How many jobs did Kestrel Freight cut?');
    // A plural subject may be in the present: no "did" is made up.
    expect(first('Airlines cut 3,000 flights').question).not.toMatch(/\bdid\b/);
  });

  it('reads a place after a locative preposition, never the first word', () => {
    const p = claimSlots('The wreckage was brought ashore in Halifax', REF).find((x) => x.kind === 'place')!;
    expect(p.question).toBe('Where was the wreckage brought ashore?');
    if (p.kind === 'place') expect(p.name).toBe('Halifax');
    expect(claimSlots('In Halifax the wreckage was unloaded', REF).filter((x) => x.kind === 'place')).toEqual([]);
  });
});

describe('relateSlot', () => {
  const span = first('The ferry lost power about an hour and 20 minutes after leaving port');
  it('the same span written otherwise is the same; another span of the kind is other; another kind is not comparable', () => {
    expect(relateSlot(span, { text: 'approximately one hour and 20 minutes', figure: { kind: 'duration', unit: 'hours', lo: 0.9, hi: 1.1, value: 1, noun: null } })).toBe('same');
    expect(relateSlot(span, { text: 'three hours', figure: { kind: 'duration', unit: 'hours', lo: 3, hi: 3, value: 3, noun: null } })).toBe('other');
    expect(relateSlot(span, { text: '40 passengers', figure: { kind: 'count', unit: null, lo: 40, hi: 40, value: 40, noun: 'passengers' } })).toBeNull();
    expect(relateSlot(span, { text: 'on the crew' })).toBeNull();
  });

  it('a figure bounded on one side only ("more than $2 billion") meets only values past its bound', () => {
    const m = first('The storm cost the province more than $2 billion');
    const money = (v: number) => ({ text: `$${v / 1e9} billion`, figure: { kind: 'money' as const, unit: 'USD', lo: v, hi: v, value: v, noun: null } });
    expect(relateSlot(m, money(1.1e9))).toBe('other');
    expect(relateSlot(m, money(2.5e9))).toBe('same');
  });

  it('dates compare by the parts both state; a year alone does not confirm a day', () => {
    const d = claimSlots('The team went into the cave on June 23', REF).find((x) => x.kind === 'date')!;
    expect(relateSlot(d, { text: 'June 23', date: { year: 2031, month: 6, day: 23 } })).toBe('same');
    expect(relateSlot(d, { text: 'June 29', date: { year: 2031, month: 6, day: 29 } })).toBe('other');
    expect(relateSlot(d, { text: 'in June', date: { year: 2031, month: 6 } })).toBeNull();
  });

  it('places compare by name; a phrase read by its preposition alone decides nothing', () => {
    const p = claimSlots('The wreckage was brought ashore in Halifax', REF).find((x) => x.kind === 'place')!;
    expect(relateSlot(p, { text: 'Halifax harbour', names: ['Halifax'] })).toBe('same');
    expect(relateSlot(p, { text: "St. John's", names: ["St. John's"] })).toBe('other');
    expect(relateSlot(p, { text: 'on the quay', loose: true })).toBeNull();
  });
});
