/** The one edit distance (Levenshtein, from fastest-levenshtein), for typo tolerance on names and words. */
import { distance } from 'fastest-levenshtein';

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  return distance(a, b);
}

/**
 * Edits between a and b, where swapping two adjacent letters counts as one edit
 * ("Maudro" ~ "Maduro"), capped at max + 1 once it is known to be more than `max`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let d = distance(a, b);
  // An adjacent swap is two Levenshtein edits; count each swap once.
  if (d >= 2 && a.length === b.length) d -= adjacentSwaps(a, b);
  return Math.min(d, max + 1);
}

/** True when a and b are within `max` typo edits of each other. */
export function withinEdits(a: string, b: string, max: number): boolean {
  return typoDistance(a, b, max) <= max;
}

/** Adjacent swaps that turn a into b, when the two differ only by such swaps and single changes. */
function adjacentSwaps(a: string, b: string): number {
  let swaps = 0;
  for (let i = 0; i < a.length - 1; i++) {
    if (a[i] !== b[i] && a[i] === b[i + 1] && a[i + 1] === b[i] && a[i] !== a[i + 1]) {
      swaps++;
      i++;
    }
  }
  return swaps;
}
