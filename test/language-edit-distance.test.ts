import { describe, expect, it } from 'vitest';
import { editDistance, typoDistance, withinEdits } from '../src/language/edit-distance.js';

describe('edit distance', () => {
  it.each([
    ['maduro', 'maduro', 0],
    ['maduro', 'madurro', 1],
    ['maduro', 'madur', 1],
    ['maduro', 'maudro', 2],
    ['kitten', 'sitting', 3],
  ])('editDistance(%s, %s) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it.each([
    ['maduro', 'maudro', 2, 1],
    ['peskov', 'pesokv', 2, 1],
    ['peskov', 'pekosv', 2, 2],
    ['hegseth', 'xyz', 2, 3],
    ['rubio', 'rubbio', 1, 1],
  ])('typoDistance(%s, %s, max %i) = %i (an adjacent swap is one edit)', (a, b, max, d) => {
    expect(typoDistance(a, b, max)).toBe(d);
  });

  it('withinEdits follows the cap', () => {
    expect(withinEdits('venezuela', 'venezeula', 1)).toBe(true);
    expect(withinEdits('venezuela', 'venice', 2)).toBe(false);
  });
});
