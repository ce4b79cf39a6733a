/** Text normalisation shared by search, engines and verification. */

/** Fold accents, case and typographic quotes/dashes: "Velásquez’s" → "velasquez's". */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .toLowerCase();
}

export const STOPWORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for with from into onto over under about as is are was were be been being ' +
    'do does did done have has had having i me my we our you your he him his she her it its they them their this that these those ' +
    'what which who whom whose when where why how there here not no nor so than too very can could will would shall should may might must ' +
    'also just only any all some such each other more most much many one own same both few out up down off again further once ' +
    'say says said tell told s t don didn doesn isn wasn aren weren ll re ve d m o y am let lets get got'
  ).split(' '),
);

/** Tokens of a text: folded words (letters/digits, inner apostrophes and dots kept out), possessive 's dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text.replace(/[–—―]/g, ' ')).matchAll(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu)) {
    let w = m[0].replace(/'s$/, '').replace(/\./g, '');
    if (w.includes("'")) w = w.replace(/'/g, '');
    if (w) out.push(w);
  }
  return out;
}

/**
 * General-English equivalents for common news verbs and nouns, so "What did X ask
 * for?" finds "X requested …". Keys and values are stemmed terms. Not story-specific.
 */
const RAW_SYNONYMS: Record<string, string[]> = {
  ask: ['request', 'sought', 'seek', 'appeal', 'solicit', 'urg'],
  request: ['ask', 'sought', 'seek'],
  kill: ['dead', 'death', 'die', 'killing'],
  dead: ['kill', 'death', 'die'],
  death: ['kill', 'dead', 'die'],
  attack: ['strike', 'bomb', 'assault'],
  strike: ['attack', 'bomb'],
  ship: ['vessel', 'boat', 'warship'],
  vessel: ['ship', 'boat', 'warship'],
  boat: ['vessel', 'ship'],
  troop: ['soldier', 'personnel', 'force'],
  soldier: ['troop', 'personnel'],
  money: ['dollar', 'million', 'billion', 'fund'],
  reward: ['bounty'],
  bounty: ['reward'],
  deny: ['denied', 'reject', 'dismiss'],
  war: ['invasion', 'conflict'],
  invasion: ['war', 'invade'],
  president: ['leader'],
  leader: ['president', 'head'],
  send: ['deploy', 'dispatch', 'sent'],
  deploy: ['send', 'sent', 'deployment'],
  help: ['aid', 'assistance', 'support'],
  aid: ['help', 'assistance', 'support'],
  assistance: ['help', 'aid', 'support'],
  weapon: ['arm', 'missile', 'equipment'],
  drug: ['narcotic', 'cocaine'],
};

/** Very light stemming (plural/possessive/-ing/-ed) so "strikes" ~ "strike", "deployed" ~ "deploy". */
const MONTH_ABBR: Record<string, string> = {
  jan: 'january', feb: 'february', apr: 'april', jun: 'june', jul: 'july', aug: 'august',
  sep: 'september', sept: 'september', oct: 'october', nov: 'november', dec: 'december',
};

export function stem(w: string): string {
  const month = MONTH_ABBR[w];
  if (month) return month; // "Oct. 24" and "October 24" are the same date
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.length === 4) return dropE(w);
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ations') && w.length > 8) return w.slice(0, -4); // operations → operat (as operating)
  if (w.endsWith('ation') && w.length > 7) return w.slice(0, -3);
  if (w.endsWith('ments') && w.length > 8) return w.slice(0, -5); // deployments → deploy
  if (w.endsWith('ment') && w.length > 7) return w.slice(0, -4);
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3);
  if (w.endsWith('eed') && w.length > 4) return w.slice(0, -1); // agreed → agree
  if (w.endsWith('ed') && w.length > 4) return w.slice(0, -2);
  if (w.endsWith('es') && w.length > 4 && !/(ch|sh|x|ss)es$/.test(w)) return dropE(w.slice(0, -1));
  if (w.endsWith('es') && /(ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return dropE(w.slice(0, -1));
  return dropE(w);
}

/** "vote"/"voted"/"votes"/"voting" all become "vot": a final silent e is dropped. */
function dropE(w: string): string {
  return w.length >= 4 && w.endsWith('e') && !w.endsWith('ee') ? w.slice(0, -1) : w;
}

/** Content terms of a text: stemmed, stopwords removed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

/** SYNONYMS with keys and values passed through the same stemmer as the text. */
export const SYNONYMS: Record<string, string[]> = Object.fromEntries(
  Object.entries(RAW_SYNONYMS).map(([k, vs]) => [stem(k), [...new Set(vs.map(stem))]]),
);
