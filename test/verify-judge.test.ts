/**
 * /verify with the one judge (src/evidence/support.ts) on a small project-written corpus:
 * compound claims judged part by part, each kind of contradiction (another figure, another
 * date, another name in the same role, the opposite state or way of travel, the opposite polarity), and
 * parts the articles do not address. Nothing here depends on the seed story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { splitClaim } from '../src/engines/verify.js';
import { cleanupTempDirs, depsFor, writeCorpus } from './helpers/corpus-fixtures.js';

const ARTICLES: Record<string, string> = {
  'a_courier.md': `---
title: Harbour ferry operator changes hands
outlet: Northport Courier
date: 2030-04-12
---

The Kestrel ferry line was sold to a unit of Baltic Holding on Tuesday, the company said.

Its chief executive, Marta Olsen, quit after the sale was announced, and the board named an interim successor.

Board member Ivo Lind, 68, said the ferry line would keep all 14 of its routes.

The signing took place at a ceremony in Eastmere attended by the city's mayor.

The ferries' crew are all Estonian nationals, the union said.

Fire investigators are examining whether the blaze at the ticket office was started deliberately.

The two new ferries were built not of steel but of aluminium at the Eastmere yard.

Two deckhands were injured in a fire aboard the Kestrel ferry Aurora last winter.

The Aurora was launched at the Eastmere yard in 1998.

No passengers were hurt in the fire, and one deckhand was flown to hospital in Northport.

The shipyard had initially hoped to host the crew at the launch party. The Eastmere Rowing Club has offered to host them at its boathouse instead.
`,
  'b_gazette.md': `---
title: Kestrel sale questioned by city council
outlet: Harbour Gazette
date: 2030-04-14
---

Mayor Tomas Berg told reporters on Thursday that he had yet to make a decision on whether to challenge the sale.

The council did not approve the new timetable, a spokeswoman said.

Marta Olsen led the Kestrel ferry line for nine years before she quit.

Fire investigators said they had found no evidence that the blaze at the ticket office was started deliberately.

The Aurora was sailing northbound through the Eastmere channel when its engine failed.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await depsFor(writeCorpus(ARTICLES, 'dispatch-verify-judge-'));
});
afterAll(async () => {
  await deps?.store.close();
  cleanupTempDirs();
});

const verify = (claim: string) => runCommand(deps, { command: 'verify', text: claim });

describe('splitClaim', () => {
  it('splits at a new verb, a new subject and ", so"; a part without a subject borrows the first part\'s', () => {
    expect(splitClaim('The ferry line was sold on Tuesday and later renamed').map((p) => p.query)).toEqual(['The ferry line was sold on Tuesday', 'The ferry line later renamed']);
    expect(splitClaim('The line was sold and its chief executive quit').map((p) => p.query)).toEqual(['The line was sold', "The line's chief executive quit"]);
    expect(splitClaim('The council objected, so the mayor cancelled the sale').map((p) => p.shown)).toEqual(['The council objected', 'the mayor cancelled the sale']);
    expect(splitClaim('The line serves Eastmere and Northport').length).toBe(1);
    // a participle clause after a name says more of the same subject; after a noun it may be a complement, after a comma a detail
    expect(splitClaim('The ferry was sailing from Eastmere carrying cattle').map((p) => p.query)).toEqual(['The ferry was sailing from Eastmere', 'The ferry carrying cattle']);
    expect(splitClaim('The ferry line was sold in April, starting with four boats').length).toBe(1);
    expect(splitClaim('The crew spent hours pumping water').length).toBe(1);
    expect(splitClaim('The ferry carrying cattle sank').length).toBe(1);
    expect(splitClaim('Officials met in Eastmere, including the mayor').length).toBe(1);
  });
});

describe('/verify judged part by part', () => {
  it.each([
    // supported, and each kind of contradiction for the same subject
    ['The Kestrel ferry line was sold to a unit of Baltic Holding', 'supported'],
    ['Board member Ivo Lind is 72', 'contradicted'], // another age
    ['The Kestrel ferry line was sold on Wednesday', 'contradicted'], // another date
    ['The Kestrel ferry line was sold to a unit of Nordic Shipping', 'contradicted'], // another name in the same role
    ['The signing took place at a ceremony in Westport', 'contradicted'],
    ['Marta Olsen stayed on as chief executive after the sale', 'contradicted'], // the opposite state
    ['Mayor Tomas Berg told reporters he had already decided to challenge the sale', 'contradicted'],
    ['The council approved the new timetable', 'contradicted'], // the opposite polarity
    ['Fire investigators found that the blaze at the ticket office was started deliberately', 'contradicted'], // 'found no evidence that'
    ['The hulls of the two new ferries were built of steel', 'contradicted'], // a negation the quote gives, one word worded otherwise
    ['The takeover was signed at a ceremony in Port Said', 'contradicted'], // another place, 'takeover' worded otherwise ('signing')
    ['Three deckhands were injured in a fire aboard the Aurora', 'contradicted'], // another count of the same thing
    ['The Aurora was launched in 2004', 'contradicted'], // another year
    ['The Aurora was launched at the Eastmere yard in 1998', 'supported'],
    ['The Aurora was refitted in 2004', 'not addressed'],
    // a date no sentence that says the rest gives
    ['Board member Ivo Lind said in 2025 that the ferry line would keep all 14 of its routes', 'partly supported'],
    ['The signing took place in 1995 at a ceremony in Eastmere', 'partly supported'],
    ['The Eastmere Rowing Club invited the crew to the launch party', 'partly supported'], // its words come from two sentences about two hosts
    ['Three passengers were hurt in the fire', 'contradicted'], // 'No passengers were hurt': a count of none
    ['A deckhand was flown to hospital in Eastmere', 'contradicted'], // another place after 'in', where the old rules saw scenery
    ['The Kestrel ferry line was sold to a unit of Baltic Holding and its chief executive stayed on', 'partly supported'],
    ['Ivo Lind is a board member and he is 72', 'partly supported'],
    ['The Kestrel ferry line was sold in May', 'contradicted'],
    ['The council approved the new timetable and the ferry line was sold', 'contradicted'],
    ['Two deckhands were killed in a fire aboard the Aurora', 'contradicted'],
    ['The Aurora was launched at the Eastmere yard in 1998 and two deckhands were injured in a fire aboard it', 'supported'],
    ['Marta Olsen led the Kestrel ferry line for twelve years', 'contradicted'],
    ['Marta Olsen led the Kestrel ferry line for nine years and was fired', 'supported'],
    ['The ferries crew are all Latvian nationals', 'contradicted'],
    // compound claims: one part supported, one not addressed → partly; the main part false → contradicted
    ['The Kestrel ferry line was sold to a unit of Baltic Holding and its chief executive was arrested', 'partly supported'],
    ['The Kestrel ferry line was sold to a unit of Baltic Holding and later moved its offices to Finland', 'partly supported'],
    ['The Kestrel ferry line was sold to a unit of Baltic Holding ending a long family feud', 'partly supported'],
    ['Marta Olsen stayed on as chief executive and the ferry line was sold to a unit of Baltic Holding', 'contradicted'],
    // one way of travel, the other way ("northbound" / "heading south")
    ['The Aurora was heading south through the Eastmere channel', 'contradicted'],
    ['The Aurora was travelling westbound through the Eastmere channel', 'not addressed'],
    ['The Aurora was heading northbound through the Eastmere channel', 'supported'],
    // nothing of it in the articles
    ['The Kestrel ferry line bought three new hovercraft', 'not addressed'],
  ])('%s → %s', async (claim, verdict) => {
    const a = await verify(claim);
    expect(a.verdict, a.blocks.map((b) => b.text).join('\n')).toBe(verdict);
  });

  it('a compound claim reports each part', async () => {
    const a = await verify('The Kestrel ferry line was sold to a unit of Baltic Holding and its chief executive was arrested');
    const parts = (a.meta as { parts: { claim: string; verdict: string }[] }).parts;
    expect(parts.map((p) => p.verdict)).toEqual(['supported', 'not addressed']);
  });
});
