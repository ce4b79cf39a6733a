/**
 * Hand-written from reading the five seed articles: every sentence that dates an
 * event, with the date a careful reader would give it.
 *
 * 000 is dated Sunday 2 November 2025 and 004 Wednesday 5 November 2025; 001, 002
 * and 003 carry no date. 002 copies 000 word for word, so its "on Friday" is
 * 000's Friday. 001 tells of Trump's CBS interview "on Sunday", which 004 dates to
 * November 2 (a Sunday), so 001 was written in the week from 2 November: its
 * months and "Oct. 24" resolve, but its "Monday" and "Tuesday" could fall either
 * side of that Sunday and stay unknown. 003 has nothing to anchor it.
 */
import type { DatePrecision } from '../../src/types.js';

export interface GoldenEvent {
  source: string;
  /** Words of the dated sentence (enough to identify it). */
  contains: string;
  date: string | null;
  precision: DatePrecision;
  background?: boolean;
  /** Events with the same group are one event told several times (one entry). */
  group?: string;
  /** The right answer is debatable; reported but not scored. */
  ambiguous?: boolean;
}

const A = '000_46500a0d823731af.txt';
const B = '001_080066696a52c0c3.txt';
const C = '002_fc5e09306d15ac96.txt';
const D = '003_83f7e1146e4f08e2.txt';
const E = '004_beee981505867bb2.txt';

export const GOLDEN_EVENTS: GoldenEvent[] = [
  { source: A, contains: 'Trump on Friday told reporters on Air Force One', date: '2025-10-31', precision: 'day', group: 'no-decision' },
  { source: A, contains: 'President Trump said on Friday that he', date: '2025-10-31', precision: 'day', group: 'no-decision' },
  { source: C, contains: 'President Trump said on Friday that he', date: '2025-10-31', precision: 'day', group: 'no-decision' },
  { source: A, contains: 'Venezuela in August, starting with seven warships', date: '2025-08', precision: 'month' },
  { source: A, contains: 'as of Friday', date: '2025-10-31', precision: 'day' },
  // "this month" sits in a quotation of the Washington Post, whose own date is not given.
  { source: A, contains: 'a senior aide this month', date: '2025-11', precision: 'month', ambiguous: true },
  { source: C, contains: 'a senior aide this month', date: '2025-11', precision: 'month', ambiguous: true },
  // B is written 2–8 November (its Sunday is 2 November). Read on the Sunday itself, its Tuesday and Monday would be
  // 28 and 27 October, six days before the rest; read any later day, its days are 2–4 November: the closest reading.
  { source: B, contains: 'China on Tuesday defended', date: '2025-11-04', precision: 'day' },
  { source: B, contains: 'President Trump on Sunday said', date: '2025-11-02', precision: 'day', group: 'cbs-interview' },
  { source: B, contains: 'In August, Attorney General Pam Bondi', date: '2025-08', precision: 'month' },
  { source: B, contains: 'Maduro confirmed on Monday', date: '2025-11-03', precision: 'day' },
  { source: B, contains: 'The Kremlin on Sunday acknowledged', date: '2025-11-02', precision: 'day', group: 'kremlin-tass' },
  { source: B, contains: 'In August, Washington began assembling', date: '2025-08', precision: 'month' },
  { source: B, contains: 'In September, the deployment was reinforced', date: '2025-09', precision: 'month' },
  { source: B, contains: 'On Oct. 24, Defense Secretary Pete Hegseth', date: '2025-10-24', precision: 'day' },
  { source: D, contains: 'On Tuesday afternoon, Donald Trump', date: null, precision: 'unknown' },
  { source: D, contains: 'signed last July', date: null, precision: 'unknown' },
  { source: D, contains: 'Michael Flynn suggested last week', date: null, precision: 'unknown' },
  { source: D, contains: 'from 2018–2023', date: '2018', precision: 'year', background: true },
  { source: E, contains: 'Donald Trump replied on November 2', date: '2025-11-02', precision: 'day', group: 'cbs-interview' },
  { source: E, contains: 'was in 1983', date: '1983', precision: 'year', background: true },
  { source: E, contains: 'the Foreign Ministry announced on November 1', date: '2025-11-01', precision: 'day' },
  { source: E, contains: 'Tass on November 2', date: '2025-11-02', precision: 'day', group: 'kremlin-tass' },
];
