/**
 * Names for corpora of many written articles (each naming its own harbour official): a first name and a surname no
 * other article uses, spelled from the article's number. Shared by the retrieve() tests that need hundreds of entities.
 */
const FIRST = ['Tomas', 'Ilse', 'Marek', 'Agnes', 'Pavel', 'Hedda', 'Oskar', 'Vera', 'Emil', 'Greta', 'Anton', 'Lotte'];
const SYLLABLES = ['ba', 'ke', 'lo', 'mu', 'ri', 'sa', 'to', 'vi', 'dre', 'gan', 'hol', 'nes'];

/** A surname no other article uses: syllables spelling the article's number. */
export function surname(i: number): string {
  let s = '';
  let n = i + SYLLABLES.length;
  while (n > 0) {
    s += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return s[0]!.toUpperCase() + s.slice(1) + 'ner';
}

/** Article i's official: "Tomas Bakener". */
export function officialName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${surname(i)}`;
}
