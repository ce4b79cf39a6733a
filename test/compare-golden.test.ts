/**
 * /compare against the hand-written golden disagreements on the seed articles:
 * prints how many were found and holds a floor; every quote verbatim.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { isVerbatim, normalizeForMatch } from '../src/corpus/verbatim.js';
import { runCommand } from '../src/engines/index.js';
import { createStore } from '../src/store/index.js';
import { toJson } from '../src/console/render-text.js';
import type { Answer } from '../src/types.js';
import { GOLDEN_DISAGREEMENTS, GOLDEN_NEAR_DUPLICATE, GOLDEN_NOT_DISAGREEMENTS, type GoldenDisagreement } from './golden/claims.js';

const root = path.resolve(import.meta.dirname, '..');
let deps: Deps;

beforeAll(async () => {
  const config = loadConfig({ SEEDS_DIR: path.join(root, 'seeds'), LOG_LEVEL: 'silent' }, root);
  deps = await buildDeps(config, { store: createStore({ kind: 'memory' }), persistIndex: false, llm: null });
});
afterAll(async () => {
  await deps?.store.close();
});

function assertVerbatim(a: Answer) {
  for (const c of a.citations) {
    const article = deps.corpus.byId.get(c.source)!;
    expect(isVerbatim(article.raw, c.quote), `[${c.n}] verbatim in ${c.source}`).toBe(true);
  }
  for (const d of a.disagreements ?? []) {
    expect(d.sides.length).toBeGreaterThanOrEqual(2);
    for (const s of d.sides) for (const n of s.citations) expect(a.citations.some((c) => c.n === n)).toBe(true);
  }
}

/** True when one disagreement cites, for every golden side, a quote from that source containing its words. */
function matches(a: Answer, g: GoldenDisagreement): boolean {
  return (a.disagreements ?? []).some((d) => {
    const cited = d.sides.flatMap((s) => s.citations).map((n) => a.citations.find((c) => c.n === n)!);
    return g.sides.every((side) => cited.some((c) => c.source.startsWith(side.source) && normalizeForMatch(c.quote).toLowerCase().includes(normalizeForMatch(side.includes).toLowerCase())));
  });
}

describe('/compare on the seed articles (golden disagreements)', () => {
  it('finds the golden disagreements, and prints the score', async () => {
    const a = await runCommand(deps, { command: 'compare', text: '' });
    assertVerbatim(a);
    const found = GOLDEN_DISAGREEMENTS.filter((g) => matches(a, g));
    const missed = GOLDEN_DISAGREEMENTS.filter((g) => !matches(a, g));
    const expected = new Set(a.disagreements!.map((d) => d.topic));
    const extra = a.disagreements!.filter((d) => !GOLDEN_DISAGREEMENTS.some((g) => matches({ ...a, disagreements: [d] }, g)));
    console.log(
      `compare golden score: ${found.length}/${GOLDEN_DISAGREEMENTS.length} disagreements found (${a.disagreements!.length} shown, ${extra.length} not in the golden list)` +
        (missed.length ? `\n${missed.map((g) => `  ✗ ${g.id} [${g.kind}]: ${g.what}`).join('\n')}` : '') +
        (extra.length ? `\n${extra.map((d) => `  + ${d.topic}`).join('\n')}` : ''),
    );
    expect(expected.size).toBe(a.disagreements!.length);
    expect(found.length).toBeGreaterThanOrEqual(GOLDEN_DISAGREEMENTS.length - 1);
    // Figures and denials are the core: they must all be there.
    for (const g of GOLDEN_DISAGREEMENTS.filter((x) => x.kind === 'figures' || x.kind === 'denial')) expect(matches(a, g), g.id).toBe(true);
  });

  it('shows the near-duplicate as such', async () => {
    const a = await runCommand(deps, { command: 'compare' });
    const text = a.blocks.map((b) => `${b.heading ?? ''}\n${b.text}`).join('\n');
    expect(text).toMatch(/Near-duplicates/);
    expect(text).toMatch(new RegExp(`${GOLDEN_NEAR_DUPLICATE.source}_\\w+\\.txt\\) repeats \\d+% of .*${GOLDEN_NEAR_DUPLICATE.within}_`));
    // A near-duplicate never appears as a second side of the same figure.
    for (const d of a.disagreements!) {
      const sources = d.sides.flatMap((s) => s.citations).map((n) => a.citations.find((c) => c.n === n)!.source.slice(0, 3));
      expect(sources.includes('000') && sources.includes('002') && new Set(sources).size === 2).toBe(false);
    }
  });

  it('narrows to a topic', async () => {
    const a = await runCommand(deps, { command: 'compare', text: 'people killed' });
    assertVerbatim(a);
    expect(a.answered).toBe(true);
    expect(matches(a, GOLDEN_DISAGREEMENTS.find((g) => g.id === 'deaths')!)).toBe(true);
    expect(matches(a, GOLDEN_DISAGREEMENTS.find((g) => g.id === 'august-ships')!)).toBe(false);
  });

  it('the same value twice is an agreement, and a denial is paired only with a report that says what it denies', async () => {
    const a = await runCommand(deps, { command: 'compare' });
    assertVerbatim(a);
    for (const g of GOLDEN_NOT_DISAGREEMENTS) expect(matches(a, g), g.id).toBe(false);
    expect(a.disagreements!.some((d) => /the same amount/.test(d.topic))).toBe(false);
    const noted = a.blocks.find((b) => /not a disagreement/.test(b.heading ?? ''));
    expect(noted?.text).toMatch(/\$50 million.*the same amount, so the articles agree/);
    expect(noted?.text).toMatch(/denial by Marco Rubio of a report whose claim no article states/);
    const sources = noted!.cites.map((n) => a.citations.find((c) => c.n === n)!.source.slice(0, 3));
    expect(sources).toEqual(expect.arrayContaining(['001', '003', '000']));
    // Narrowed to the reward: noted as agreement, nothing listed as differing.
    const r = await runCommand(deps, { command: 'compare', text: 'reward' });
    assertVerbatim(r);
    expect(r.answered).toBe(true);
    expect(r.disagreements).toEqual([]);
    expect(r.blocks.map((b) => b.text).join('\n')).toMatch(/the same amount, so the articles agree/);
  });

  it('finds a topic by a synonym the articles use, and not by a loose one', async () => {
    const deaths = await runCommand(deps, { command: 'compare', text: 'deaths' });
    expect(matches(deaths, GOLDEN_DISAGREEMENTS.find((g) => g.id === 'deaths')!)).toBe(true);
    const warships = await runCommand(deps, { command: 'compare', text: 'warships' });
    expect(matches(warships, GOLDEN_DISAGREEMENTS.find((g) => g.id === 'august-ships')!)).toBe(true);
    expect(matches(warships, GOLDEN_DISAGREEMENTS.find((g) => g.id === 'deaths')!)).toBe(false);
  });

  it('says plainly when a topic is not in the articles', async () => {
    const a = await runCommand(deps, { command: 'compare', text: 'earthquake insurance' });
    expect(a.answered).toBe(false);
    expect(a.disagreements).toEqual([]);
    expect(a.citations).toEqual([]);
    expect(a.blocks[0]!.text).toMatch(/don't discuss/);
  });

  it('has the CLI JSON shape: disagreements [{topic, sides: [{text, citations}]}]', async () => {
    const j = toJson(await runCommand(deps, { command: 'compare' }));
    expect(j.command).toBe('compare');
    const ds = j.disagreements as { topic: string; sides: { text: string; citations: number[] }[] }[];
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) {
      expect(typeof d.topic).toBe('string');
      for (const s of d.sides) {
        expect(typeof s.text).toBe('string');
        expect(s.citations.every((n) => Number.isInteger(n))).toBe(true);
      }
    }
  });
});
