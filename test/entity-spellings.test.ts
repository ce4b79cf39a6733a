/**
 * One person whose surname outlets transliterate differently is one entity (issue #12: one fact, one answer —
 * /who must gather what every article says of them). Names sounding alike by Double Metaphone and mostly the
 * same letters merge; surnames that only look alike ("Herrera", "Ferreira") and first names that sound alike
 * ("Daniel", "Danielle": often two people of one family) stay apart. Articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { makeCorpus, parseArticle } from '../src/corpus/load.js';
import { buildEntityIndex } from '../src/index/entities.js';

const corpusOf = (...texts: string[]) => makeCorpus('/planted', texts.map((t, i) => parseArticle(`${String(i + 1).padStart(3, '0')}_planted.txt`, t)));

const corpus = corpusOf(
  `Rains cut off Ban Lom village\n\nProvincial governor Tawan Srisuwannakorn said on Monday that boats would reach Ban Lom by night.\n\nCarla Herrera, a teacher, said the school was flooded.`,
  `Boats reach Ban Lom\n\nThe operation is led by Tawan Srisuwanakorn, the acting governor, who told reporters the water was falling.\n\nCarla Ferreira, who runs the clinic, said supplies were short.`,
  `Ban Lom families return\n\nGov. Tawan Srisuwannakhorn thanked the volunteers.\n\nDaniel Ortez and his daughter Danielle Ortez cleared the road.`,
);

describe('a surname spelled several ways', () => {
  const { entities } = buildEntityIndex(corpus);
  const people = entities.filter((e) => e.kind === 'person').map((e) => e.name);

  it('is one person, with every spelling as an alias', () => {
    const tawan = entities.filter((e) => /^Tawan /.test(e.name));
    expect(tawan).toHaveLength(1);
    expect(tawan[0]!.mentions).toHaveLength(3);
    expect(tawan[0]!.keys).toEqual(expect.arrayContaining(['tawan srisuwannakorn', 'tawan srisuwanakorn', 'tawan srisuwannakhorn']));
  });

  it('keeps apart names that only look alike, and first names that sound alike', () => {
    expect(people).toEqual(expect.arrayContaining(['Carla Herrera', 'Carla Ferreira', 'Daniel Ortez', 'Danielle Ortez']));
  });

  it('takes names in any script or punctuation without failing, and merges none of them by accident', () => {
    const odd = corpusOf(
      `Odd names\n\nMarie O'Connor-Łukasiewicz spoke first. Then Marie Nguyễn spoke, and Marie Ngûyen agreed.\n\nJosé 李 Wang and Ana Ø arrived. Marie Nguyen-Smith left.`,
    );
    const names = buildEntityIndex(odd).entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["Marie O'Connor-Łukasiewicz", 'Marie Nguyen-Smith']));
    expect(names.filter((n) => /^Marie /.test(n)).length).toBeGreaterThanOrEqual(3);
  });
});
