/**
 * Issue 12 part 6: a model sentence must be supported by the quote it cites. From 24
 * project-written quotes (no article text), generate sentences that cite a real quote
 * verbatim but change its meaning — another name of this corpus, added or removed
 * negation, "It is false that …", other figures, other dates, an invented event sharing
 * one word — and check that verifyOutput keeps none of them; and check that faithful
 * restatements (reordered, synonyms, passive, dropped detail, "X said that …") are kept.
 */
import { describe, expect, it } from 'vitest';
import { verifyOutput } from '../src/llm/verify.js';
import type { LlmPassage } from '../src/llm/types.js';

interface Item {
  /** The article paragraph. */
  text: string;
  /** A verbatim slice of it, the quote every generated sentence cites. */
  quote: string;
  /** Names in the quote (swapped for other names of the corpus). */
  names: string[];
  /** Who the paragraph says speaks, for "X said that …" and "X denied that …" (must be in the paragraph). */
  speaker?: string;
  /** Content words for invented events (each shares this one word with the quote). */
  words: string[];
  /** Faithful restatements, written as a careful reader would. */
  faithful: string[];
}

const ITEMS: Item[] = [
  {
    text: 'Harbour master Ilsa Varga said the port of Eastmere would reopen on Monday after the storm. Ferries are expected to resume by midweek.',
    quote: 'the port of Eastmere would reopen on Monday after the storm',
    names: ['Eastmere'],
    speaker: 'Varga',
    words: ['port', 'storm'],
    faithful: ['Varga said the Eastmere port would reopen on Monday.', 'After the storm, the port of Eastmere would reopen on Monday, Varga said.', 'The port of Eastmere was set to reopen on Monday, after the storm.'],
  },
  {
    text: 'The regional council approved a budget of $42 million for flood defences on Thursday, council leader Tomas Brandt said.',
    quote: 'The regional council approved a budget of $42 million for flood defences on Thursday',
    names: [],
    speaker: 'Brandt',
    words: ['council', 'budget'],
    faithful: ['On Thursday the regional council approved $42 million for flood defences.', 'A $42 million budget for flood defences was approved by the regional council on Thursday.', 'Brandt said the council approved a $42 million flood defence budget.'],
  },
  {
    text: 'Rescuers pulled 17 miners from the Kestrel Ridge mine late on Saturday, according to the mining company Orvane.',
    quote: 'Rescuers pulled 17 miners from the Kestrel Ridge mine late on Saturday',
    names: ['Kestrel Ridge'],
    speaker: 'Orvane',
    words: ['mine', 'miners'],
    faithful: ['Seventeen miners were pulled from the Kestrel Ridge mine on Saturday.', 'According to Orvane, rescuers pulled 17 miners out of the Kestrel Ridge mine.', 'Late on Saturday rescuers rescued 17 miners from the Kestrel Ridge mine.'],
  },
  {
    text: 'Judge Miriam Okafor ruled that the factory must close until inspectors certify its boilers. The owners said they would appeal.',
    quote: 'Judge Miriam Okafor ruled that the factory must close until inspectors certify its boilers',
    names: ['Miriam Okafor'],
    words: ['factory', 'inspectors'],
    faithful: ['Okafor ruled the factory must close until its boilers are certified by inspectors.', 'The factory must close until inspectors certify its boilers, Judge Okafor ruled.', 'Judge Okafor ruled that the factory had to close.'],
  },
  {
    text: 'Health minister Rafael Quint said the clinic in Dunmore had treated 230 patients since the outbreak began in March.',
    quote: 'the clinic in Dunmore had treated 230 patients since the outbreak began in March',
    names: ['Dunmore'],
    speaker: 'Quint',
    words: ['clinic', 'outbreak'],
    faithful: ['Quint said the Dunmore clinic had treated 230 patients since March.', 'Since the outbreak began in March, 230 patients had been treated at the clinic in Dunmore, Quint said.', 'The clinic in Dunmore had treated 230 patients, the minister said.'],
  },
  {
    text: 'The airline Skyvale cancelled 48 flights on Tuesday because of a strike by ground staff, a spokeswoman said.',
    quote: 'The airline Skyvale cancelled 48 flights on Tuesday because of a strike by ground staff',
    names: ['Skyvale'],
    words: ['airline', 'flights'],
    faithful: ['Skyvale cancelled 48 flights on Tuesday due to a ground staff strike.', 'On Tuesday 48 flights were cancelled by Skyvale because of a strike by ground staff.', 'A strike by ground staff led Skyvale to cancel 48 flights on Tuesday, a spokeswoman said.'],
  },
  {
    text: 'Mayor Helen Droste said the city would not raise bus fares this year. The transport budget is under review.',
    quote: 'the city would not raise bus fares this year',
    names: [],
    speaker: 'Droste',
    words: ['city', 'fares'],
    faithful: ['Droste said the city would not raise bus fares this year.', 'Bus fares would not be raised by the city this year, Droste said.', 'The city would not increase bus fares this year, the mayor said.'],
  },
  {
    text: 'Police in Carrow arrested three men on Friday in connection with the theft of copper cable from the railway.',
    quote: 'Police in Carrow arrested three men on Friday in connection with the theft of copper cable from the railway',
    names: ['Carrow'],
    words: ['police', 'railway'],
    faithful: ['Three men were arrested by police in Carrow on Friday over the theft of copper cable.', 'On Friday, Carrow police arrested three men in connection with the theft of railway copper cable.', 'Police in Carrow arrested three men over the copper cable theft.'],
  },
  {
    text: 'The energy firm Norhaven said it had never sold gas to the Tellis plant. A spokesman declined to comment further.',
    quote: 'it had never sold gas to the Tellis plant',
    names: ['Tellis'],
    speaker: 'Norhaven',
    words: ['gas', 'plant'],
    faithful: ['Norhaven said it had never sold gas to the Tellis plant.', 'According to Norhaven, it had never sold gas to the Tellis plant.', 'Gas had never been sold to the Tellis plant, Norhaven said.'],
  },
  {
    text: 'Farmers in the Velden valley lost about 60 percent of their wheat harvest to the drought, the agriculture ministry said in a report on Wednesday.',
    quote: 'Farmers in the Velden valley lost about 60 percent of their wheat harvest to the drought',
    names: ['Velden'],
    words: ['harvest', 'drought'],
    faithful: ['About 60 percent of the wheat harvest in the Velden valley was lost to the drought.', 'The drought cost Velden valley farmers about 60 percent of their wheat harvest, the ministry said.', 'Farmers in the Velden valley lost about 60 percent of their wheat crop to the drought.'],
  },
  {
    text: 'The school board voted 5 to 2 to close Linden Primary at the end of June, board chair Aisha Rahm said.',
    quote: 'The school board voted 5 to 2 to close Linden Primary at the end of June',
    names: ['Linden Primary'],
    speaker: 'Rahm',
    words: ['school', 'board'],
    faithful: ['Linden Primary will close at the end of June after the school board voted 5 to 2.', 'Rahm said the school board voted 5 to 2 to close Linden Primary.', 'By 5 votes to 2, the school board voted to close Linden Primary at the end of June.'],
  },
  {
    text: 'Engineers found cracks in two of the bridge’s support pillars during an inspection in October, the transport agency said.',
    quote: 'Engineers found cracks in two of the bridge’s support pillars during an inspection in October',
    names: [],
    words: ['bridge', 'inspection'],
    faithful: ['During an inspection in October, engineers found cracks in two support pillars of the bridge.', 'Cracks were found in two of the bridge’s support pillars in October, the agency said.', 'Engineers discovered cracks in two of the bridge’s pillars during an October inspection.'],
  },
  {
    text: 'The central bank raised its main interest rate to 4.5 percent on Wednesday, the first increase since 2019.',
    quote: 'The central bank raised its main interest rate to 4.5 percent on Wednesday, the first increase since 2019',
    names: [],
    words: ['bank', 'rate'],
    faithful: ['On Wednesday the central bank raised its main interest rate to 4.5 percent.', 'The main interest rate was raised to 4.5 percent by the central bank, its first increase since 2019.', 'The central bank increased its main rate to 4.5 percent on Wednesday.'],
  },
  {
    text: 'Opposition leader Marek Sova said his party had collected 120,000 signatures for a referendum on the new mine.',
    quote: 'his party had collected 120,000 signatures for a referendum on the new mine',
    names: [],
    speaker: 'Sova',
    words: ['party', 'referendum'],
    faithful: ['Sova said his party had collected 120,000 signatures for a referendum on the mine.', 'His party had gathered 120,000 signatures for a referendum on the new mine, Sova said.', 'According to Sova, 120,000 signatures had been collected by his party for a referendum.'],
  },
  {
    text: 'The wildfire near Pellham has burned 3,200 hectares and destroyed 14 homes, fire chief Dana Holt said on Sunday.',
    quote: 'The wildfire near Pellham has burned 3,200 hectares and destroyed 14 homes',
    names: ['Pellham'],
    speaker: 'Holt',
    words: ['wildfire', 'homes'],
    faithful: ['The wildfire near Pellham has destroyed 14 homes and burned 3,200 hectares.', 'Holt said the Pellham wildfire has burned 3,200 hectares.', 'Fourteen homes have been destroyed by the wildfire near Pellham, Holt said.'],
  },
  {
    text: 'Tenants at the Marlow Street block have been without heating since January, the housing association admitted.',
    quote: 'Tenants at the Marlow Street block have been without heating since January',
    names: ['Marlow Street'],
    words: ['tenants', 'heating'],
    faithful: ['Since January, tenants at the Marlow Street block have been without heating.', 'The housing association said tenants at the Marlow Street block have had no heating since January.', 'Tenants of the Marlow Street block have been without heating since January.'],
  },
  {
    text: 'The museum will return 12 bronze statues to Kalet by the end of the year, director Jonas Ferri announced.',
    quote: 'The museum will return 12 bronze statues to Kalet by the end of the year',
    names: ['Kalet'],
    speaker: 'Ferri',
    words: ['museum', 'statues'],
    faithful: ['Ferri announced that the museum will return 12 bronze statues to Kalet.', 'Twelve bronze statues will be returned to Kalet by the museum by the end of the year.', 'By the end of the year the museum will give back 12 bronze statues to Kalet.'],
  },
  {
    text: 'Union leader Petra Lund said workers at the Gresby plant had not been paid for two months.',
    quote: 'workers at the Gresby plant had not been paid for two months',
    names: ['Gresby'],
    speaker: 'Lund',
    words: ['workers', 'plant'],
    faithful: ['Lund said workers at the Gresby plant had not been paid for two months.', 'For two months, workers at the Gresby plant had not been paid, Lund said.', 'Workers at the Gresby plant had gone unpaid for two months, according to Lund.'],
  },
  {
    text: 'The ferry operator Bluewake said its vessel ran aground near Skerry Point on 3 November with 85 passengers aboard. Nobody was hurt.',
    quote: 'its vessel ran aground near Skerry Point on 3 November with 85 passengers aboard',
    names: ['Skerry Point'],
    speaker: 'Bluewake',
    words: ['vessel', 'passengers'],
    faithful: ['Bluewake said its vessel ran aground near Skerry Point on 3 November.', 'On 3 November a Bluewake vessel with 85 passengers aboard ran aground near Skerry Point.', 'A vessel carrying 85 passengers ran aground near Skerry Point, Bluewake said.'],
  },
  {
    text: 'Prosecutors charged former treasurer Owen Marsh with taking bribes worth $3.2 million from a construction firm, the court heard on Monday.',
    quote: 'Prosecutors charged former treasurer Owen Marsh with taking bribes worth $3.2 million from a construction firm',
    names: ['Owen Marsh'],
    words: ['prosecutors', 'bribes'],
    faithful: ['Marsh was charged by prosecutors with taking bribes worth $3.2 million.', 'Prosecutors charged Owen Marsh, a former treasurer, with taking $3.2 million in bribes from a construction firm.', 'Former treasurer Owen Marsh was charged with taking bribes from a construction firm.'],
  },
  {
    text: 'The observatory on Mount Averne recorded 212 small earthquakes in the past week, seismologist Lena Korr said.',
    quote: 'The observatory on Mount Averne recorded 212 small earthquakes in the past week',
    names: ['Mount Averne'],
    speaker: 'Korr',
    words: ['observatory', 'earthquakes'],
    faithful: ['Korr said the Mount Averne observatory recorded 212 small earthquakes in the past week.', 'In the past week, 212 small earthquakes were recorded by the observatory on Mount Averne.', 'The observatory on Mount Averne registered 212 small quakes in the past week.'],
  },
  {
    text: 'The hospital in Brenford has yet to reopen its emergency ward, which closed after a fire in August.',
    quote: 'The hospital in Brenford has yet to reopen its emergency ward, which closed after a fire in August',
    names: ['Brenford'],
    words: ['hospital', 'ward'],
    faithful: ['The Brenford hospital has yet to reopen its emergency ward.', 'The emergency ward of the hospital in Brenford, closed after an August fire, has yet to reopen.', 'The hospital in Brenford has not yet reopened its emergency ward, which closed after a fire.'],
  },
  {
    text: 'Coach Ivo Rask said the team would play its home games in Tarnby next season while the stadium is rebuilt.',
    quote: 'the team would play its home games in Tarnby next season while the stadium is rebuilt',
    names: ['Tarnby'],
    speaker: 'Rask',
    words: ['team', 'stadium'],
    faithful: ['Rask said the team would play its home games in Tarnby next season.', 'While the stadium is rebuilt, the team would play home games in Tarnby, Rask said.', 'The team would play next season’s home games in Tarnby, the coach said.'],
  },
  {
    text: 'The water company Clearbrook denied that its reservoir had leaked into the river Ness. An inquiry is under way.',
    quote: 'The water company Clearbrook denied that its reservoir had leaked into the river Ness',
    names: ['Clearbrook', 'Ness'],
    words: ['reservoir', 'river'],
    faithful: ['Clearbrook denied that its reservoir had leaked into the river Ness.', 'The water company Clearbrook denied its reservoir leaked into the Ness.', 'Clearbrook rejected claims that its reservoir had leaked into the river Ness.'],
  },
];

const CORPUS_NAMES = ['Ilsa Varga', 'Tomas Brandt', 'Orvane', 'Rafael Quint', 'Helen Droste', 'Norhaven', 'Aisha Rahm', 'Marek Sova', 'Dana Holt', 'Jonas Ferri', 'Petra Lund', 'Bluewake', 'Lena Korr', 'Ivo Rask', 'Clearbrook', ...ITEMS.flatMap((i) => i.names)];

type Kind = 'swapped name' | 'added negation' | 'removed negation' | 'it is false that' | 'other figure' | 'other date' | 'invented event';

const lowerFirst = (s: string) => s.replace(/^The\b/, 'the');
const sentence = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}.`;

/** Meaning-changing sentences for one item; each cites the item's real quote. */
function changes(item: Item, i: number): { kind: Kind; text: string }[] {
  const out: { kind: Kind; text: string }[] = [];
  const base = item.quote;
  const bases = [base, item.faithful[0]!];
  // another name of the corpus, one the paragraph does not have
  const others = CORPUS_NAMES.filter((n) => !item.text.includes(n) && !n.split(' ').some((w) => item.text.includes(w)));
  for (const name of item.names) {
    for (const [k, b] of bases.entries()) {
      if (!b.includes(name)) continue;
      out.push({ kind: 'swapped name', text: sentence(b.replace(name, others[(i * 3 + k) % others.length]!).replace(/\.$/, '')) });
    }
  }
  // another speaker for the quote
  if (item.speaker) out.push({ kind: 'swapped name', text: `${others[(i * 5 + 1) % others.length]} said ${lowerFirst(base)}.` });
  // negation: "not" after the first auxiliary, or taken away
  const aux = /\b(will|would|has|have|had|is|was|were|can|must)\b(?! not| never| yet)/;
  const negated = /\b(not|never|without)\b|\byet to\b|\bdenied\b/.test(base);
  if (negated) {
    const removed = base
      .replace(/\bhad never sold\b/, 'had sold')
      .replace(/\b(would|had|has) not\b/, '$1')
      .replace(/\bhave been without heating\b/, 'have had heating')
      .replace(/\bhas yet to reopen\b/, 'has reopened')
      .replace(/\bdenied that\b/, 'confirmed that');
    if (removed !== base) out.push({ kind: 'removed negation', text: sentence(removed) });
    if (item.speaker) out.push({ kind: 'removed negation', text: `${item.speaker} said ${lowerFirst(removed)}.` });
  } else if (aux.test(base)) {
    out.push({ kind: 'added negation', text: sentence(base.replace(aux, '$1 not')) });
    if (aux.test(item.faithful[0]!)) out.push({ kind: 'added negation', text: item.faithful[0]!.replace(aux, '$1 not') });
  } else {
    // a verb in the past: "did not" + its base form
    const past = /\b(approved|pulled|cancelled|arrested|lost|voted|found|raised|burned|charged|recorded|ran)\b/.exec(base);
    if (past) {
      const bare: Record<string, string> = { approved: 'approve', pulled: 'pull', cancelled: 'cancel', arrested: 'arrest', lost: 'lose', voted: 'vote', found: 'find', raised: 'raise', burned: 'burn', charged: 'charge', recorded: 'record', ran: 'run' };
      out.push({ kind: 'added negation', text: sentence(base.replace(past[0], `did not ${bare[past[0]]}`)) });
      out.push({ kind: 'added negation', text: sentence(base.replace(past[0], `never ${past[0]}`)) });
    }
  }
  if (item.speaker && !negated) out.push({ kind: 'added negation', text: `${item.speaker} denied that ${lowerFirst(base)}.` });
  out.push({ kind: 'it is false that', text: `It is false that ${lowerFirst(base)}.` });
  out.push({ kind: 'it is false that', text: `It is not true that ${lowerFirst(item.faithful[0]!.replace(/\.$/, ''))}.` });
  // other figures
  const numbers = [...base.matchAll(/\$?\d[\d,]*(?:\.\d+)?|\b(?:two|three)\b/g)].map((m) => m[0]);
  for (const n of numbers.slice(0, 2)) {
    if (/^\d{4}$/.test(n)) continue; // years are dates
    const words: Record<string, string> = { two: 'five', three: 'seven' };
    const other = words[n] ?? n.replace(/\d+(?=[\d,.]*$)/, (d) => String(Number(d) + 7));
    out.push({ kind: 'other figure', text: sentence(base.replace(n, other)) });
  }
  // other dates
  const dates: [RegExp, string][] = [
    [/\bMonday\b/, 'Friday'], [/\bTuesday\b/, 'Thursday'], [/\bWednesday\b/, 'Monday'], [/\bThursday\b/, 'Tuesday'], [/\bFriday\b/, 'Sunday'],
    [/\bSaturday\b/, 'Wednesday'], [/\bSunday\b/, 'Saturday'], [/\bMarch\b/, 'May'], [/\bJune\b/, 'September'], [/\bOctober\b/, 'April'],
    [/\bJanuary\b/, 'November'], [/\bAugust\b/, 'December'], [/\b3 November\b/, '9 December'], [/\b2019\b/, '2016'], [/\bnext season\b/, 'next month'],
    [/\bthis year\b/, 'next year'], [/\bthe past week\b/, 'the past month'],
  ];
  for (const [re, other] of dates) if (re.test(base)) out.push({ kind: 'other date', text: sentence(base.replace(re, other)) });
  // invented events sharing one word with the quote
  const events = [
    (w: string) => `Protesters blocked the ${w} for a second day.`,
    (w: string) => `The ${w} was sold to a foreign investor last year.`,
    (w: string) => `A fire destroyed the ${w} overnight.`,
  ];
  item.words.forEach((w, k) => {
    out.push({ kind: 'invented event', text: events[(i + k) % events.length]!(w) });
    if (k === 0) out.push({ kind: 'invented event', text: events[(i + 2) % events.length]!(w) });
  });
  return out;
}

function kept(item: Item, n: number, text: string): boolean {
  const passage: LlmPassage = { n, id: `gen-${n}.txt:p0`, articleId: `gen-${n}.txt`, text: item.text };
  expect(item.text.includes(item.quote), item.quote).toBe(true);
  const v = verifyOutput({ blocks: [{ heading: '', sentences: [{ text, citations: [{ passage: n, quote: item.quote }] }] }] }, [passage]);
  return v.kept === 1;
}

describe('model sentences are judged against the quote they cite', () => {
  it('keeps none of 200+ sentences that cite a real quote but change its meaning', () => {
    const byKind = new Map<Kind, { total: number; kept: string[] }>();
    ITEMS.forEach((item, i) => {
      for (const c of changes(item, i)) {
        const e = byKind.get(c.kind) ?? { total: 0, kept: [] };
        byKind.set(c.kind, e);
        e.total++;
        if (kept(item, i + 1, c.text)) e.kept.push(`${c.text}  ⟵  ${item.quote}`);
      }
    });
    const total = [...byKind.values()].reduce((n, e) => n + e.total, 0);
    const keptAll = [...byKind.values()].flatMap((e) => e.kept);
    console.info(`[support] meaning-changing sentences kept ${keptAll.length}/${total}: ${[...byKind].map(([k, e]) => `${k} ${e.kept.length}/${e.total}`).join(', ')}`);
    expect(ITEMS.length).toBeGreaterThanOrEqual(20);
    expect(total).toBeGreaterThanOrEqual(200);
    for (const k of ['swapped name', 'added negation', 'removed negation', 'it is false that', 'other figure', 'other date', 'invented event'] as Kind[]) {
      expect(byKind.get(k)?.total ?? 0, k).toBeGreaterThanOrEqual(8);
    }
    expect(keptAll).toEqual([]);
  });

  it('keeps at least 90% of faithful restatements', () => {
    let total = 0;
    const dropped: string[] = [];
    ITEMS.forEach((item, i) => {
      for (const text of item.faithful) {
        total++;
        if (!kept(item, i + 1, text)) dropped.push(`${text}  ⟵  ${item.quote}`);
      }
    });
    console.info(`[support] faithful restatements kept ${total - dropped.length}/${total}${dropped.length ? `; dropped:\n  ${dropped.join('\n  ')}` : ''}`);
    expect(total).toBeGreaterThanOrEqual(50);
    expect((total - dropped.length) / total).toBeGreaterThanOrEqual(0.9);
  });
});
