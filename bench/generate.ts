/**
 * Synthetic corpus generator for benchmarks: N plain-text news articles of ~600
 * words about one fictional developing story, with people, organisations, places,
 * dates and figures, written deterministically from a seed (no download).
 *
 * Vocabulary (`vocab`, default "zipf"): names, organisations, places, topics, nouns and
 * adjectives are drawn with a Zipf-like law (the word of rank r with weight 1/r^1.07) from
 * lists of many stories' worth — about 400 first names, 3,000 surnames, 300 organisations,
 * 400 places, 240 topics, 3,000 nouns, 800 adjectives, the lists below first (so the most
 * frequent are the names a benchmark asks about) and the rest built from syllables, the
 * same for every seed. "small" draws uniformly from the short lists below only (the
 * corpus of the earlier figures in bench/README.md: every word recurs in thousands of passages).
 *
 * Sentences are assembled from short phrase slots rather than long fixed templates,
 * so two articles rarely share a 6-word run: the corpus's near-duplicate detector
 * (6-word shingles) sees realistic, mostly independent articles, not one template.
 *
 *   tsx bench/generate.ts <dir> <count> [seed] [zipf|small]
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Small, fast, seedable PRNG (mulberry32): the same seed writes the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Amara', 'Bruno', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hassan', 'Ines', 'Jonas', 'Keiko', 'Lucas', 'Mariam', 'Nikolai',
  'Olga', 'Pedro', 'Quentin', 'Rosa', 'Samir', 'Tamara', 'Ulrich', 'Valeria', 'Wei', 'Ximena', 'Yusuf', 'Zofia', 'Aditya', 'Beatriz',
  'Camille', 'Diego', 'Esther', 'Felipe', 'Gloria', 'Hugo', 'Irina', 'Javier', 'Kofi', 'Leila', 'Mateo', 'Nadia',
];
const LAST = [
  'Okafor', 'Lindqvist', 'Moreau', 'Petrov', 'Castillo', 'Haddad', 'Nakamura', 'Schmidt', 'Alvarez', 'Kowalski', 'Mensah', 'Romero',
  'Fischer', 'Ivanova', 'Delgado', 'Tanaka', 'Bianchi', 'Novak', 'Osei', 'Varga', 'Herrera', 'Larsen', 'Quispe', 'Brennan', 'Sato',
  'Duarte', 'Mbeki', 'Kaur', 'Sokolov', 'Ferreira', 'Yilmaz', 'Andersen', 'Rahman', 'Costa', 'Nyberg', 'Salazar',
];
const ROLES = [
  'Finance Minister', 'Energy Minister', 'Foreign Minister', 'Harbour Authority chief', 'union leader', 'opposition leader',
  'central bank governor', 'port director', 'chief economist', 'spokeswoman for the ministry', 'spokesman for the company',
  'regional governor', 'mayor of Port Velen', 'chief executive', 'lead negotiator', 'senior analyst',
];
const ORGS = [
  'Velen Shipping Group', 'Northern Grid Authority', 'Coastal Workers Union', 'Meridian Bank', 'Halvard Energy', 'the Ministry of Finance',
  'the Harbour Authority', 'Atlas Freight', 'the Port Council', 'Solenne Petroleum', 'the National Audit Office', 'Kestrel Logistics',
  'the Regional Assembly', 'Borealis Insurance', 'the Trade Commission', 'Orion Rail', 'Greystone Capital', 'the Maritime Court',
];
const PLACES = [
  'Port Velen', 'Aldmouth', 'the Kessel Strait', 'Norrhavn', 'Castamar', 'the eastern terminal', 'Brightwater', 'Lumen Bay',
  'the capital', 'Sarn Valley', 'Old Quay', 'Tessaly',
];
const OUTLETS = ['The Harbour Ledger', 'Velen Daily', 'Coastal Observer', 'Northern Wire', 'Meridian Times', 'The Strait Post', 'Aldmouth Herald'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TOPICS = [
  'the port expansion', 'the fuel subsidy', 'the dock strike', 'the grid outage', 'the freight tariff', 'the bridge contract',
  'the harbour dredging plan', 'the pension reform', 'the emergency budget', 'the shipping levy', 'the rail merger', 'the audit report',
];
const VERBS_SAID = ['said', 'told reporters', 'wrote in a statement', 'argued', 'warned', 'insisted', 'confirmed', 'acknowledged', 'claimed'];
const VERBS_ACT = [
  'approved', 'rejected', 'delayed', 'suspended', 'expanded', 'cut', 'announced', 'challenged', 'defended', 'reviewed', 'froze', 'revised',
];
const NOUNS = [
  'contracts', 'payments', 'shipments', 'inspections', 'loans', 'permits', 'wages', 'exports', 'tariffs', 'subsidies', 'repairs', 'jobs',
  'berths', 'cranes', 'tankers', 'containers', 'claims', 'bonds',
];
const ADJ = [
  'sharp', 'modest', 'sudden', 'long-awaited', 'disputed', 'unexpected', 'temporary', 'partial', 'record', 'costly', 'cautious', 'fragile',
];
const UNITS = ['million euros', 'billion euros', 'percent', 'tonnes', 'workers', 'vessels', 'containers', 'kilometres', 'households', 'jobs'];
const CONNECT = ['Meanwhile,', 'Separately,', 'Earlier,', 'By contrast,', 'In response,', 'According to officials,', 'Later,', 'Still,'];

/** Options for one generated corpus. */
export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Target words per article (default 600). */
  words?: number;
  /** First article date (default 2025-01-01); articles spread over about two years. */
  start?: Date;
  /** Word distribution (default "zipf"; "small": the short lists, uniformly). */
  vocab?: 'zipf' | 'small';
}

/** Words built from syllables (deterministic, independent of the corpus seed), capitalised or not. */
function coined(n: number, seed: number, cap: boolean, minSyl = 2, maxSyl = 3): string[] {
  const r = rng(seed);
  const on = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'gr', 'st', 'tr', 'sh', 'ch', 'kl'];
  const nu = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
  const co = ['', '', 'n', 'r', 'l', 's', 'm', 'th', 'nd', 'rt'];
  const out = new Set<string>();
  while (out.size < n) {
    const k = minSyl + Math.floor(r() * (maxSyl - minSyl + 1));
    let w = '';
    for (let i = 0; i < k; i++) w += on[Math.floor(r() * on.length)]! + nu[Math.floor(r() * nu.length)]! + (i === k - 1 ? co[Math.floor(r() * co.length)]! : '');
    out.add(cap ? w[0]!.toUpperCase() + w.slice(1) : w);
  }
  return [...out];
}

/** The Zipf lists: the short lists first (the most frequent ranks), then coined words. */
function zipfLists() {
  const fill = (head: readonly string[], n: number, more: () => string[]) => {
    const seen = new Set(head);
    return [...head, ...more().filter((x) => !seen.has(x))].slice(0, n);
  };
  const orgKinds = ['Group', 'Authority', 'Bank', 'Union', 'Energy', 'Logistics', 'Capital', 'Insurance', 'Freight', 'Holdings', 'Council', 'Institute'];
  const placeKinds = ['', '', ' Bay', ' Valley', ' Harbour', 'mouth', ' Point', 'havn'];
  const firms = coined(300, 11, true);
  const spots = coined(400, 12, true);
  const things = coined(3000, 13, false);
  return {
    FIRST: fill(FIRST, 400, () => coined(400, 14, true, 2, 2)),
    LAST: fill(LAST, 3000, () => coined(3100, 15, true)),
    ORGS: fill(ORGS, 300, () => firms.map((w, i) => `${w} ${orgKinds[i % orgKinds.length]}`)),
    PLACES: fill(PLACES, 400, () => spots.map((w, i) => `${w}${placeKinds[i % placeKinds.length]}`)),
    TOPICS: fill(TOPICS, 240, () => things.slice(0, 240).map((w, i) => `the ${w} ${['plan', 'dispute', 'contract', 'inquiry', 'levy', 'reform'][i % 6]}`)),
    NOUNS: fill(NOUNS, 3000, () => things.map((w) => `${w}s`)),
    ADJ: fill(ADJ, 800, () => coined(800, 16, false).map((w) => `${w}ic`)),
  };
}

/** A picker of `xs` by rank with weight 1/(rank+1)^s. */
function zipfPicker<T>(xs: readonly T[], r: () => number, s = 1.07): () => T {
  const cum = new Float64Array(xs.length);
  let total = 0;
  for (let i = 0; i < xs.length; i++) cum[i] = total += 1 / Math.pow(i + 1, s);
  return () => {
    const x = r() * total;
    let lo = 0;
    let hi = xs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return xs[lo]!;
  };
}

/** One generated article (file name and text). */
export interface GeneratedArticle {
  name: string;
  text: string;
}

/** The names a benchmark can ask about (the generator's own vocabulary). */
export const VOCABULARY = { FIRST, LAST, ORGS, PLACES, TOPICS, NOUNS } as const;

/** Write-free generation: yields articles one at a time (constant memory). */
export function* generateArticles(opts: GenerateOptions): Generator<GeneratedArticle> {
  const r = rng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  // The story's words: by a Zipf law over long lists, or uniformly over the short ones.
  const z = opts.vocab === 'small' ? null : zipfLists();
  const from = <T>(small: readonly T[], big: readonly T[] | undefined): (() => T) => (z && big ? zipfPicker(big, r) : () => pick(small));
  const first = from(FIRST, z?.FIRST);
  const last = from(LAST, z?.LAST);
  const org = from(ORGS, z?.ORGS);
  const place = from(PLACES, z?.PLACES);
  const topicOf = from(TOPICS, z?.TOPICS);
  const noun = from(NOUNS, z?.NOUNS);
  const adj = from(ADJ, z?.ADJ);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const target = opts.words ?? 600;
  const start = (opts.start ?? new Date(Date.UTC(2025, 0, 1))).getTime();
  const width = String(opts.count).length;
  for (let i = 0; i < opts.count; i++) {
    // A small cast per article, so names recur within it (coreference) and across the corpus.
    const people = Array.from({ length: 4 }, () => ({ name: `${first()} ${last()}`, role: pick(ROLES) }));
    const orgs = Array.from({ length: 3 }, () => org());
    const topic = topicOf();
    const day = new Date(start + Math.floor((i / Math.max(1, opts.count)) * 730 + r() * 3) * 86_400_000);
    const dateLine = `${WEEKDAYS[(day.getUTCDay() + 6) % 7]}, ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
    const earlier = new Date(day.getTime() - int(2, 60) * 86_400_000);
    const earlierText = `${MONTHS[earlier.getUTCMonth()]} ${earlier.getUTCDate()}`;
    const fig = () => {
      const u = pick(UNITS);
      const n = u === 'percent' ? `${int(1, 60)}.${int(0, 9)}` : u.startsWith('billion') ? `${int(1, 40)}.${int(1, 9)}` : String(int(12, 9800)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      return `${n} ${u}`;
    };
    const person = () => pick(people);
    const sentence = (): string => {
      const p = person();
      switch (int(0, 7)) {
        case 0:
          return `${p.name}, the ${p.role}, ${pick(VERBS_SAID)} that ${pick(orgs)} had ${pick(VERBS_ACT)} ${int(3, 90)} ${noun()} linked to ${topic}.`;
        case 1:
          return `On ${pick(WEEKDAYS)}, ${pick(orgs)} ${pick(VERBS_ACT)} ${noun()} worth ${fig()} in ${place()}, ${pick(['a', 'one'])} ${adj()} step.`;
        case 2:
          return `“We will not accept ${adj()} ${noun()} in ${place()},” ${p.name} ${pick(VERBS_SAID)}, adding that ${fig()} were at stake.`;
        case 3:
          return `${pick(CONNECT)} ${pick(orgs)} reported ${fig()} by ${earlierText}, against ${fig()} a year before.`;
        case 4:
          return `${p.name} met ${person().name} in ${place()} on ${earlierText} to discuss ${topic} and ${adj()} ${noun()}.`;
        case 5:
          return `Critics of ${pick(orgs)}, including ${p.name}, ${pick(VERBS_SAID)} the ${adj()} plan would cost ${fig()}.`;
        case 6:
          return `The dispute over ${topic} began on ${earlierText}, when ${pick(orgs)} ${pick(VERBS_ACT)} ${int(2, 400)} ${noun()} at ${place()}.`;
        default:
          return `${pick(CONNECT)} ${person().name} of ${pick(orgs)} ${pick(VERBS_SAID)} ${pick(['no decision', 'a vote', 'a ruling', 'an inquiry'])} on ${topic} was expected before ${pick(MONTHS)}.`;
      }
    };
    const lead = people[0]!;
    const title = `${pick(orgs).replace(/^the /, '').replace(/^./, (c) => c.toUpperCase())} ${pick(VERBS_ACT)} ${noun()} as ${topic.replace(/^the /, '')} row deepens in ${place().replace(/^the /, '')}`;
    const body: string[] = [];
    let count = 0;
    while (count < target) {
      const para = Array.from({ length: int(2, 4) }, sentence).join(' ');
      count += para.split(/\s+/).length;
      body.push(para);
    }
    const text = [
      dateLine,
      '',
      title,
      '',
      `By ${first()} ${last()}`,
      '',
      `${lead.name}, the ${lead.role}, ${pick(VERBS_SAID)} on ${pick(WEEKDAYS)} that ${topic} would cost ${fig()}, as ${orgs[0]} and ${orgs[1]} traded blame.`,
      '',
      ...body.flatMap((p) => [p, '']),
      `© ${day.getUTCFullYear()} ${pick(OUTLETS)}`,
      '',
    ].join('\n');
    yield { name: `gen_${String(i).padStart(width, '0')}.txt`, text };
  }
}

/** Write `count` articles into `dir` (emptied of earlier generated files first). Returns the file count. */
export async function writeCorpus(dir: string, opts: GenerateOptions): Promise<number> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) if (f.startsWith('gen_')) await rm(path.join(dir, f));
  let n = 0;
  const pending: Promise<void>[] = [];
  for (const a of generateArticles(opts)) {
    pending.push(writeFile(path.join(dir, a.name), a.text));
    n++;
    if (pending.length >= 64) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return n;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, count, seed, vocab] = process.argv.slice(2);
  if (!dir || !count || !/^\d+$/.test(count)) {
    console.error('usage: tsx bench/generate.ts <dir> <count> [seed] [zipf|small]');
    process.exit(2);
  }
  const n = await writeCorpus(path.resolve(dir), { count: Number(count), seed: seed ? Number(seed) : 1, vocab: vocab === 'small' ? 'small' : 'zipf' });
  console.error(`wrote ${n} articles to ${dir}`);
}
