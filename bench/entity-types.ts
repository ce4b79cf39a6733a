/**
 * The most-mentioned entities of a corpus with their types, for hand-judging
 * entity typing on real news. Dev corpora are git-ignored, and so are the
 * judgements (dev-corpora/entity-gold.json: { corpus: { "<folded name>": kind | "junk" } });
 * this prints names, types and counts (and roles with --roles), and with a gold
 * file the share typed right (a fragment that names nothing, "junk", counts as wrong).
 *
 *   npx tsx bench/entity-types.ts dev-corpora/titan dev-corpora/evergiven [--top 30] [--roles] [--evidence] [--gold dev-corpora/entity-gold.json]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.js';
import { buildEntityIndex, keyOf } from '../src/index/entities.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, roles: { type: 'boolean', default: false }, evidence: { type: 'boolean', default: false }, gold: { type: 'string', default: 'dev-corpora/entity-gold.json' } },
});
const top = Number(values.top);
const gold: Record<string, Record<string, string>> = existsSync(values.gold) ? JSON.parse(readFileSync(values.gold, 'utf8')) : {};
for (const dir of positionals) {
  const corpus = await loadCorpus(dir);
  const t0 = performance.now();
  const index = buildEntityIndex(corpus);
  const ms = performance.now() - t0;
  const g = gold[path.basename(dir)] ?? {};
  let right = 0;
  let judged = 0;
  console.log(`# ${dir} (${index.entities.length} entities, ${Math.round(ms)} ms)`);
  index.entities.slice(0, top).forEach((e, i) => {
    const want = g[keyOf(e.name)];
    // A judgement may accept two kinds ("other|organization" for a website that speaks).
    const ok = want !== undefined && want.split('|').includes(e.kind);
    const mark = want === undefined ? '?' : ok ? 'ok' : `WRONG(${want})`;
    if (want !== undefined) judged++;
    if (ok) right++;
    const roles = values.roles ? [...new Set(e.mentions.flatMap((m) => [m.role, m.apposition]).filter(Boolean))].slice(0, 3) : [];
    const ev = values.evidence ? `  [${Object.entries(e.evidence ?? {}).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')}; ${(e.cues ?? []).join('; ')}]` : '';
    console.log(`${String(i + 1).padStart(2)}. ${e.kind.padEnd(12)} ${String(e.mentions.length).padStart(3)}  ${e.name}  ${mark}${roles.length ? `  — ${roles.join(' | ')}` : ''}${ev}`);
  });
  if (judged) console.log(`typed right: ${right}/${Math.min(top, index.entities.length)} (${judged} judged)`);
}
