/**
 * /who on the five seed articles against a hand-written list of entities
 * (test/golden/entities.ts): prints precision and recall, checks roles, aliases,
 * quotes, fuzzy lookup, hostile input, autocomplete latency, and that every
 * citation quote is verbatim in its file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisOf, analysisStats } from '../src/analysis/index.js';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { isVerbatim } from '../src/corpus/verbatim.js';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import { attributedQuotes, entityIndexOf, entityNames, lookupEntity, warmEntities, who } from '../src/engines/who.js';
import { buildEntityIndex, keyOf } from '../src/index/entities.js';
import { isBadInputError } from '../src/errors.js';
import { createStore } from '../src/store/index.js';
import type { Answer } from '../src/types.js';
import { ACCEPTABLE_EXTRAS, GOLDEN_ENTITIES, GOLDEN_QUOTES } from './golden/entities.js';

const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');

function expectVerbatim(a: Answer, dir = SEEDS): void {
  for (const c of a.citations) {
    const raw = readFileSync(path.join(dir, c.source), 'utf8');
    expect(isVerbatim(raw, c.quote), `[${c.n}] ${c.source}: ${c.quote}`).toBe(true);
  }
  // Every [n] in the text is a real citation.
  const ns = new Set(a.citations.map((c) => c.n));
  for (const b of a.blocks) for (const m of b.text.matchAll(/\[(\d+)\]/g)) expect(ns.has(Number(m[1])), `marker [${m[1]}]`).toBe(true);
}

const norm = (s: string) => keyOf(s);
const allText = (a: Answer) => a.blocks.map((b) => `${b.heading ?? ''}\n${b.text}`).join('\n');

describe('/who on the seeds', () => {
  let deps: Deps;
  beforeAll(async () => {
    const config = loadConfig({ SEEDS_DIR: SEEDS, LOG_LEVEL: 'silent' }, process.cwd());
    deps = await buildDeps(config, { store: createStore({ kind: 'memory' }), persistIndex: false, llm: null });
  });
  afterAll(async () => {
    await deps.store.close();
  });

  it('finds the golden entities with their kinds and roles (precision/recall printed)', async () => {
    const index = entityIndexOf(deps);
    let found = 0;
    let kindOk = 0;
    let roleWanted = 0;
    let roleOk = 0;
    let aliasWanted = 0;
    let aliasOk = 0;
    const misses: string[] = [];
    for (const g of GOLDEN_ENTITIES) {
      const look = lookupEntity(index, g.name);
      const e = look.exact ? look.matches.find((m) => norm(m.name) === norm(g.name) || m.keys.includes(norm(g.name))) : undefined;
      if (!e) {
        misses.push(`missing: ${g.name}`);
        continue;
      }
      found++;
      if (e.kind === g.kind) kindOk++;
      else misses.push(`kind: ${g.name} is ${e.kind}, expected ${g.kind}`);
      for (const al of g.aliases ?? []) {
        aliasWanted++;
        const l = lookupEntity(index, al);
        if (l.exact && l.matches[0] === e) aliasOk++;
        else misses.push(`alias: "${al}" does not find ${g.name}`);
      }
      if (g.role) {
        roleWanted++;
        const answer = await who(deps, g.name);
        const phrases = [answer.entity?.description ?? '', allText(answer)].join(' ');
        if (norm(phrases).includes(norm(g.role))) roleOk++;
        else misses.push(`role: ${g.name} lacks "${g.role}" (got "${answer.entity?.description}")`);
      }
    }
    const known = new Set([...GOLDEN_ENTITIES.flatMap((g) => [g.name, ...(g.aliases ?? [])]), ...ACCEPTABLE_EXTRAS].map(norm));
    const noise = index.entities.filter((e) => !e.keys.some((k) => known.has(k)) && !known.has(norm(e.name)));
    const recall = found / GOLDEN_ENTITIES.length;
    const precision = (index.entities.length - noise.length) / index.entities.length;
    console.log(
      `[who] entities: recall ${(recall * 100).toFixed(1)}% (${found}/${GOLDEN_ENTITIES.length}), precision ${(precision * 100).toFixed(1)}% ` +
        `(${index.entities.length - noise.length}/${index.entities.length}); kind ${kindOk}/${found}; roles ${roleOk}/${roleWanted}; aliases ${aliasOk}/${aliasWanted}`,
    );
    if (misses.length) console.log(`[who] misses:\n  ${misses.join('\n  ')}`);
    if (noise.length) console.log(`[who] not in the golden list: ${noise.map((e) => `${e.name} (${e.kind})`).join(', ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(kindOk / found).toBeGreaterThanOrEqual(0.9);
    expect(roleOk / roleWanted).toBeGreaterThanOrEqual(0.85);
    expect(aliasOk / aliasWanted).toBeGreaterThanOrEqual(0.8);
  });

  it('gives a person their role and their own quotes, verbatim (CLI contract shape)', async () => {
    const a = await runCommand(deps, { command: 'who', text: 'Hegseth' });
    expect(a.answered).toBe(true);
    expect(a.entity).toMatchObject({ name: 'Pete Hegseth', kind: 'person' });
    expect(a.entity!.description).toContain('Defense Secretary');
    expectVerbatim(a);

    const p = await who(deps, 'Peskov');
    const said = p.blocks.find((b) => b.heading === 'What they said')!;
    expect(said.text).toContain('We are in contact with our Venezuelan friends');
    expect(said.text).toContain('Hypothetically speaking');
    expectVerbatim(p);

    const r = await who(deps, 'Geoff Ramsey');
    const rs = r.blocks.find((b) => b.heading === 'What they said')!;
    expect(rs.text).toContain('This is not a deployment focused on regime change.');
    expect(r.entity!.description).toContain('senior fellow at the Atlantic Council');
  });

  it('attributes quotations to the speaker the article names (precision/recall printed)', () => {
    const quotes = attributedQuotes(deps);
    const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
    let right = 0;
    const misses: string[] = [];
    for (const g of GOLDEN_QUOTES) {
      const q = quotes.find((x) => x.source === g.source && norm(x.quote).includes(norm(g.contains)));
      if (q && norm(q.speaker) === norm(g.speaker)) right++;
      else misses.push(`${g.source.slice(0, 3)} "${g.contains}": ${q ? `given to ${q.speaker}` : 'not attributed'}, expected ${g.speaker}`);
    }
    let correct = 0;
    const wrong: string[] = [];
    for (const q of quotes) {
      const g = GOLDEN_QUOTES.find((x) => x.source === q.source && norm(q.quote).includes(norm(x.contains)));
      if (g && norm(g.speaker) === norm(q.speaker)) correct++;
      else wrong.push(`${q.source.slice(0, 3)} ${q.speaker}: "${q.quote.slice(0, 70)}"`);
    }
    const recall = right / GOLDEN_QUOTES.length;
    const precision = correct / quotes.length;
    console.log(`[who] quotes: recall ${(recall * 100).toFixed(1)}% (${right}/${GOLDEN_QUOTES.length}), precision ${(precision * 100).toFixed(1)}% (${correct}/${quotes.length})`);
    if (misses.length) console.log(`[who] quote misses:\n  ${misses.join('\n  ')}`);
    if (wrong.length) console.log(`[who] quotes not in the golden list or misattributed:\n  ${wrong.join('\n  ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.8);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('does not credit a quotation to a name inside it', async () => {
    // Maduro's quote names Rubio ("Marco Rubio wants to stain your hands"): it is Maduro's, not Rubio's.
    const rubio = await who(deps, 'Marco Rubio');
    const said = rubio.blocks.find((b) => b.heading === 'What they said')?.text ?? '';
    expect(said).not.toContain('stain your hands');
    const maduro = await who(deps, 'Maduro');
    expect(maduro.blocks.find((b) => b.heading === 'What they said')!.text).toContain('stain your hands');
  });

  it('merges full name, surname, accents, titles, possessives and tied descriptions', async () => {
    const index = entityIndexOf(deps);
    const trump = lookupEntity(index, 'Donald Trump').matches[0]!;
    for (const q of ['Trump', 'President Trump', "Trump's", 'donald trump', 'the 79-year-old']) expect(lookupEntity(index, q).matches[0], q).toBe(trump);
    const maduro = lookupEntity(index, 'Nicolás Maduro').matches[0]!;
    for (const q of ['Nicolas Maduro', 'MADURO', 'Maduro’s']) expect(lookupEntity(index, q).matches[0], q).toBe(maduro);
    expect(maduro.name).toBe('Nicolás Maduro');
    // The 52-year-old who "explains" is Peter Zeihan, named in the sentence before.
    expect(lookupEntity(index, 'the 52-year-old').matches[0]!.name).toBe('Peter Zeihan');
    // A descriptive phrase is not an entity of its own.
    expect(index.entities.some((e) => /year-old|New Yorker/.test(e.name))).toBe(false);
  });

  it('answers a near miss with "Did you mean", and an unknown name with answered:false and suggestions', async () => {
    const near = await who(deps, 'Hegsett');
    expect(near.answered).toBe(true);
    expect(near.entity?.name).toBe('Pete Hegseth');
    expect(near.notes?.join(' ')).toMatch(/Did you mean Pete Hegseth/);

    const unknown = await who(deps, 'Zelensky');
    expect(unknown.answered).toBe(false);
    expect(unknown.citations).toEqual([]);
    expect(allText(unknown)).toMatch(/No person, organisation or place called "Zelensky"/);

    const typo = await who(deps, 'Pesk');
    expect(typo.answered).toBe(true);
    expect(typo.entity?.name).toBe('Dmitry Peskov');

    const vague = await who(deps, 'Marko Rubioo');
    expect(vague.entity?.name ?? vague.meta?.suggestions).toBeTruthy();
  });

  it('handles hostile names without crashing', async () => {
    await expect(runCommand(deps, { command: 'who', text: '' })).rejects.toSatisfy(isBadInputError);
    await expect(runCommand(deps, { command: 'who', text: '   ' })).rejects.toSatisfy(isBadInputError);
    await expect(runCommand(deps, { command: 'who', text: 'x'.repeat(5000) })).rejects.toSatisfy(isBadInputError);
    await expect(runCommand(deps, { command: 'who', text: '\u0000\u0007' })).rejects.toSatisfy(isBadInputError);
    for (const q of ['@everyone', '@here', '🙂🙂', "'; DROP TABLE entities; --", '.*+?^${}()|[]\\', '(a+)+$', '<script>alert(1)</script>', 'Robert"); --', 'x'.repeat(999)]) {
      // Chat markup ("@everyone") is stripped from input; what is left may be nothing, which is a polite BadInputError.
      const a = await runCommand(deps, { command: 'who', text: q }).catch((err: unknown) => {
        if (isBadInputError(err)) return null;
        throw err;
      });
      if (!a) continue;
      expect(a.command).toBe('who');
      expect(typeof a.answered).toBe('boolean');
      if (!a.answered) expect(a.citations).toEqual([]);
      expectVerbatim(a);
    }
    // Long input is shortened in the reply instead of echoed whole.
    const long = await who(deps, 'y'.repeat(900));
    expect(allText(long).length).toBeLessThan(600);
  });

  it('lists every entity in the CLI JSON entity shape', async () => {
    const a = await who(deps, 'Washington Post');
    expect(Object.keys(a.entity!).sort()).toEqual(['aliases', 'description', 'kind', 'name']);
    expect(a.entity!.aliases).toContain('WaPo');
  });

  it('every citation of every profile is verbatim', async () => {
    for (const e of entityIndexOf(deps).entities) expectVerbatim(await who(deps, e.name));
  });

  it('autocompletes from one cached name list (≤ 25 names, ≤ 100 chars; latency printed, not asserted)', () => {
    // Cold: a fresh corpus object means building the entity index from scratch.
    const fresh = { ...deps, corpus: { ...deps.corpus } };
    let t = performance.now();
    const first = entityNames(fresh, 'ma');
    const cold = performance.now() - t;
    const list = analysisOf(fresh).names;
    const builtCold = { ...analysisStats.built };
    const prefixes = ['', 'm', 'ma', 'mad', 'tr', 'pe', 'uss', 'wash', 'zz', 'é', 'ó', 'Nico'];
    t = performance.now();
    const rounds = 200;
    for (let i = 0; i < rounds; i++) for (const p of prefixes) entityNames(fresh, p);
    const warm = (performance.now() - t) / (rounds * prefixes.length);
    console.log(`[who] autocomplete: cold ${cold.toFixed(1)} ms (builds the entity index), warm ${(warm * 1000).toFixed(1)} µs per call`);
    // What keeps a keystroke cheap, without a clock: warm calls build nothing and read the one list built cold.
    expect({ ...analysisStats.built }).toEqual(builtCold);
    expect(analysisOf(fresh).names).toBe(list);
    expect(first).toContain('Nicolás Maduro');
    expect(entityNames(fresh, 'nicolas')).toContain('Nicolás Maduro');
    expect(entityNames(fresh, 'heg')).toEqual(['Pete Hegseth']);
    expect(entityNames(fresh, '')).toHaveLength(25);
    expect(entityNames(fresh, 'zzzz')).toEqual([]);
    for (const p of prefixes) {
      const names = entityNames(fresh, p);
      expect(names.length).toBeLessThanOrEqual(25);
      for (const n of names) expect(n.length).toBeLessThanOrEqual(100);
    }
  });

  it('QA regressions on the seeds: actors only, roles before ages, consistent typos', async () => {
    const trump = await who(deps, 'Trump');
    const did = trump.blocks.find((b) => b.heading === 'What they did')?.text ?? '';
    expect(did).not.toContain('Rubio'); // "Rubio … denied the … report that Trump had …": Rubio's act
    expect(did).toContain('Trump gave a similar response');
    const zeihan = await who(deps, 'Zeihan');
    expect(zeihan.entity!.description).toBe('Peter Zeihan, an expert in geopolitics');
    expect(zeihan.blocks[0]!.text).toContain('an expert in geopolitics');
    expect(zeihan.entity!.aliases).toContain('the 52-year-old');
    for (const typo of ['Madurro', 'Maudro', 'Pezkov', 'Hegseht', 'Zeihn']) {
      const a = await who(deps, typo);
      expect(a.answered, typo).toBe(true);
      expect(a.notes?.[0], typo).toMatch(/^Did you mean/);
    }
    expect((await who(deps, 'Madurro')).entity?.name).toBe('Nicolás Maduro');
    const old = await who(deps, 'the 79-year-old');
    expect(old.entity?.name).toBe('Donald Trump');
    expect((await who(deps, 'Who is the 79-year-old?')).entity?.name).toBe('Donald Trump');
    expect((await who(deps, "who's Peskov")).entity?.name).toBe('Dmitry Peskov');
  });

  it('warms the entity index for autocomplete: afterwards neither warming again nor autocomplete builds anything (times printed)', async () => {
    const config = loadConfig({ SEEDS_DIR: SEEDS, DATA_DIR: path.join(SEEDS, '..', '.data-warm-test'), LOG_LEVEL: 'silent' }, process.cwd());
    const fresh = await buildDeps(config, { store: createStore({ kind: 'memory' }), persistIndex: false, llm: null });
    try {
      const cold = warmEntities(fresh);
      const builtWarm = { ...analysisStats.built };
      const list = analysisOf(fresh).names;
      const warm = warmEntities(fresh);
      const t0 = performance.now();
      const names = entityNames(fresh, 'ma');
      const first = performance.now() - t0;
      console.log(`[who] warmEntities: cold ${cold.toFixed(1)} ms on ${fresh.corpus.articles.length} articles, warm ${warm.toFixed(2)} ms; first autocomplete after warming ${first.toFixed(2)} ms`);
      expect(names.length).toBeGreaterThan(0);
      expect({ ...analysisStats.built }).toEqual(builtWarm);
      expect(analysisOf(fresh).names).toBe(list);
    } finally {
      await fresh.store.close();
    }
  });

  it('builds one index per corpus version: the analysis holds it, the builder itself caches nothing', () => {
    expect(entityIndexOf(deps)).toBe(entityIndexOf(deps));
    const again = buildEntityIndex(deps.corpus);
    expect(again).not.toBe(entityIndexOf(deps));
    expect(again.entities.map((e) => e.name)).toEqual(entityIndexOf(deps).entities.map((e) => e.name));
  });
});
