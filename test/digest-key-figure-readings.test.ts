/**
 * A key-figure line is read at a glance. A large corpus can hold hundreds of readings of one quantity, and the line
 * once listed (and cited) every one of them — at 1,000 articles a digest carried thousands of citations and took
 * seconds. The line now shows the first reading and the latest ones (MAX_READINGS in all), says how many it leaves
 * out, and cites only what it shows. Two invented stories, so the rule is not fitted to one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../src/engines/digest.js';
import type { Answer } from '../src/types.js';
import { makeDeps, removeDir, tempDir, writeArticle } from './digest-fixtures.js';

/** A different second paragraph in each report, so no two are near-duplicates (which would count as one voice). */
const ASIDES = [
  'Volunteers handed out blankets and hot soup through the night.',
  'A local bakery donated bread for the second morning running.',
  'Engineers inspected the northern embankment before dawn.',
  'Schools in the district stayed closed for another day.',
  'The mayor thanked the neighbouring towns for their help.',
  'Rain eased in the afternoon but forecasters warned of more.',
  'A charity opened a second collection point near the station.',
  'Drivers were told to avoid the coastal road until further notice.',
  'Doctors set up a small clinic in the sports hall.',
  'Bus services resumed on two routes from the town centre.',
  'Insurers sent assessors to the worst-hit streets.',
  'A memorial service was planned for the weekend.',
];

const day = (i: number) => `2026-03-${String(i + 1).padStart(2, '0')}`;

/** Twelve daily reports, each with its own count of the same thing. */
function story(dir: string, values: number[], sentence: (v: number) => string, title: string) {
  values.forEach((v, i) => {
    writeArticle(
      dir,
      `r${String(i).padStart(2, '0')}.md`,
      `---\ntitle: ${title} day ${i + 1}\noutlet: Outlet ${String.fromCharCode(65 + i)}\ndate: ${day(i)}\n---\n${sentence(v)}\n\n${ASIDES[i]}\n`,
      new Date(`${day(i)}T12:00:00Z`),
    );
  });
}

const keyLine = (a: Answer, word: string) => a.sections!.find((s) => s.heading.startsWith('Key figures'))!.text.split('\n').find((l) => l.toLowerCase().includes(word))!;

describe.each([
  { name: 'shelter', word: 'evacuees', values: [120, 180, 240, 310, 365, 420, 505, 560, 610, 640, 700, 745], sentence: (v: number) => `Officials said ${v} evacuees were staying at the Harlow school shelter.`, title: 'Harlow flood shelter' },
  { name: 'ferry', word: 'passengers', values: [1210, 1340, 1460, 1590, 1720, 1850, 1980, 2110, 2240, 2370, 2500, 2630], sentence: (v: number) => `The port authority said ${v.toLocaleString('en-US')} passengers were stranded at the Kessel ferry terminal.`, title: 'Kessel ferry strike' },
])('key figures of a quantity read $values.length times ($name)', ({ word, values, sentence, title }) => {
  let dir: string;
  let a: Answer;
  beforeAll(async () => {
    dir = tempDir();
    story(dir, values, sentence, title);
    a = await digest(await makeDeps(dir), { chartDir: null });
  });
  afterAll(() => removeDir(dir));

  it('shows the first reading and the latest, and says how many it leaves out', () => {
    const line = keyLine(a, word);
    const shown = values.filter((v) => line.includes(`${v.toLocaleString('en-US')} ${word}`));
    // The first, then the seven latest: eight of twelve.
    expect(shown).toEqual([values[0], ...values.slice(-7)]);
    expect(line).toContain('(and 4 other readings)');
    // In the order of time, each later one an update of the one before.
    const at = shown.map((v) => line.indexOf(`${v.toLocaleString('en-US')} ${word}`));
    expect(at).toEqual([...at].sort((x, y) => x - y));
  });

  it('cites only the readings it shows', () => {
    const section = a.sections!.find((s) => s.heading.startsWith('Key figures'))!;
    const quoted = section.citations.map((n) => a.citations.find((c) => c.n === n)!.quote);
    for (const v of values.slice(1, 5)) expect(quoted.some((q) => q.includes(`${v.toLocaleString('en-US')} ${word}`))).toBe(false);
    for (const v of [values[0]!, values.at(-1)!]) expect(quoted.some((q) => q.includes(`${v.toLocaleString('en-US')} ${word}`))).toBe(true);
  });
});
