/**
 * One fact, one answer (issue #12, part 5): the digest's key figures read time as /ask does
 * (src/evidence/figure-time.ts). "→" only for a later value, " vs " only for rival readings of
 * the same noun at comparable times, a part ("12 fire trucks" within "46 trucks") never a rival,
 * an undated figure never the latest — and for each key figure the digest states, /ask
 * "how many <noun>?" gives the same latest value. On a story this project wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { digest } from '../src/engines/digest.js';
import { runCommand } from '../src/engines/index.js';
import { cleanupTempDirs, writeCorpus } from './helpers/corpus-fixtures.js';
import { testDeps } from './helpers/deps.js';

const FLOOD: Record<string, string> = {
  '01_delta-post.md': `---
title: Floodwater reaches the Orvel delta towns
date: 2032-03-09
outlet: Delta Post
---
The Orvel river burst its banks on Tuesday and forced 3,200 evacuees from their homes, the regional council said.

A total of 58 boats were lost, including 14 rescue boats, officials said.

The navy sent six patrol ships to the delta on Tuesday, the defence ministry said.
`,
  '02_river-herald.md': `---
title: Delta towns count the cost of the flood
date: 2032-03-09
outlet: River Herald
---
Some 2,600 evacuees left the delta towns on Tuesday, the regional council's deputy said.

Market stalls in Brenna were turned into shelters for the night.
`,
  '03_north-ledger.md': `---
title: Three weeks on, the Orvel delta is still under water
date: 2032-03-30
outlet: North Ledger
---
The government first sent engineers to the delta in March, starting with 150 engineers from the capital. That number has since grown to about 600, and more teams are expected.

By Monday, 7,000 evacuees were in shelters, the council said.
`,
  '04_harbour-notes.txt': `Pumps along the Orvel

On Friday, some 40 pumps were working along the river banks.

With some 90 pumps now running, the water in the lower town is falling.

Nine patrol ships were seen off the coast.
`,
};

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps(writeCorpus(FLOOD));
}, 120_000);
afterAll(async () => {
  await deps?.store.close();
  cleanupTempDirs();
});

const ask = (text: string) => runCommand(deps, { command: 'ask', text });

async function keyFigureLines(): Promise<string[]> {
  const d = await digest(deps, { chartDir: null });
  return d.blocks.find((b) => /^Key figures/.test(b.heading ?? ''))!.text.split('\n');
}

/** The reading a line states as the latest: the last of its dated readings, unless it stands beside a rival. */
function latestOf(line: string): { display: string; noun: string } | null {
  // Separators stand outside the parentheses that say when and who ("(since then, as of …; per …)").
  const top = line.replace(/^• [^:]+: /, '').replace(/\([^()]*\)/g, (p) => p.replace(/;/g, ','));
  const body = top.startsWith('time unclear: ') ? '' : top.split('; time unclear: ')[0]!;
  if (!body) return null;
  const last = body.split(/ → |; /).at(-1)!;
  if (/ vs /.test(last)) return null;
  const m = /^((?:(?:about|some|roughly|nearly|more than|at least) )?(?:[\d,.]+(?: million| billion)?|[a-z]+)) ([a-z][a-z -]*?) \(/i.exec(last.trim());
  return m ? { display: m[1]!, noun: m[2]! } : null;
}

describe("the digest's key figures read time and nouns as /ask does", () => {
  it('a part is no rival of its total: "58 boats", not "58 boats vs 14 rescue boats"', async () => {
    const boats = (await keyFigureLines()).find((l) => /^• Boats/.test(l));
    expect(boats).toMatch(/58 boats/);
    expect(boats).not.toMatch(/ vs /);
    expect(boats).not.toMatch(/14 rescue boats/);
    expect((await ask('How many boats were lost?')).short?.text).toMatch(/^58 boats \[\d+\]/);
  }, 60_000);

  it('an undated figure is never shown as the latest: it follows, apart, as undated', async () => {
    const ships = (await keyFigureLines()).find((l) => /^• (Patrol )?ships/i.test(l));
    expect(ships).toMatch(/^• [^:]+: six patrol ships \([^)]*\) \[\d+\]; time unclear: Nine patrol ships \(per /);
    expect(ships).not.toMatch(/→/);
    // In an article with no date, a figure its sentence dates ("On Friday, some 40 pumps") says that date, as /ask does.
    expect((await keyFigureLines()).find((l) => /^• Pumps/.test(l))).toMatch(/^• Pumps: some 40 pumps \(on Friday; per /);
  }, 60_000);

  it('"→" for a later value by /ask\'s time, " vs " for rival reports of one day', async () => {
    const lines = await keyFigureLines();
    expect(lines.find((l) => /^• Engineers/.test(l))).toMatch(/150 engineers[^\n]*→[^\n]*about 600 engineers/);
    // Two reports of Tuesday differ (a rival), and Monday's count three weeks on is a change.
    expect(lines.find((l) => /^• Evacuees/.test(l))).toMatch(/evacuees \([^)]*\) \[\d+\] vs [^\n]*evacuees[^\n]* → 7,000 evacuees/);
    // An article with no date: "now" is later than "on Friday".
    expect(lines.find((l) => /^• Pumps/.test(l))).toMatch(/some 40 pumps[^\n]* → some 90 pumps/);
  }, 60_000);

  it('for each key figure the digest states, /ask "how many <noun>?" gives the same latest value', async () => {
    const lines = await keyFigureLines();
    const checked: string[] = [];
    const differ: string[] = [];
    for (const line of lines) {
      const latest = latestOf(line);
      if (!latest) continue;
      const a = await ask(`How many ${latest.noun} are there now?`);
      checked.push(latest.noun);
      const short = a.short?.text.toLowerCase() ?? '';
      // Beside a figure it cannot date, /ask orders nothing and answers the reading that fits best: one the line states.
      const ok = / time unclear: /.test(line)
        ? line.toLowerCase().includes(short.replace(/\s*\[\d+\].*$/, ''))
        : short.startsWith(latest.display.toLowerCase());
      if (!ok) differ.push(`${line} | /ask: ${a.short?.text ?? a.blocks[0]?.text}`);
    }
    expect(checked, lines.join('\n')).toEqual(expect.arrayContaining(['engineers', 'evacuees', 'pumps', 'boats', 'patrol ships']));
    expect(differ).toEqual([]);
  }, 120_000);
});
