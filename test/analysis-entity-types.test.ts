/**
 * Entity types decided by evidence in the text, and names kept apart from their
 * titles and modifiers. Every article here is written for the test (invented
 * names and places), so a rule that passes cannot be one story's list of names.
 */
import { describe, expect, it } from 'vitest';
import { appositionHead, looksLikePersonName, typeCues } from '../src/analysis/entity-types.js';
import { makeCorpus, parseArticle } from '../src/corpus/load.js';
import { buildEntityIndex, type Entity } from '../src/index/entities.js';
import { MODIFIER_SUFFIXES, PERSON_NOUNS, PLACE_NOUNS, PRONOUNS, REFERRING_NOUNS, THING_NOUNS } from '../src/language/lexicon/entity-cues.js';
import { TITLE_HEADS } from '../src/language/lexicon/titles.js';

const corpusOf = (...texts: string[]) => makeCorpus('/planted', texts.map((t, i) => parseArticle(`${String(i + 1).padStart(3, '0')}_planted.txt`, t)));
const find = (entities: Entity[], name: string) => entities.find((e) => e.name === name || e.aliases.includes(name));

describe('entity cue tables', () => {
  it.each([
    [PERSON_NOUNS, 'businessman', true],
    [PERSON_NOUNS, 'son', true],
    [PERSON_NOUNS, 'company', false],
    [PLACE_NOUNS, 'district', true],
    [PLACE_NOUNS, 'ship', false],
    [TITLE_HEADS, 'cto', true],
    [TITLE_HEADS, 'majesty', true],
  ] as const)('%#: %s lists %s: %s', (table, word, yes) => {
    expect(table.has(word)).toBe(yes);
  });

  it('knows vessels, storms and products, and what pronouns and nouns refer to', () => {
    expect(THING_NOUNS.submersible).toBe('vessel');
    expect(THING_NOUNS.hurricane).toBe('storm');
    expect(THING_NOUNS.app).toBe('product');
    expect(THING_NOUNS.company).toBeUndefined();
    expect(PRONOUNS.she).toEqual({ animacy: 'person', gender: 'female', number: 'singular' });
    expect(PRONOUNS.its?.animacy).toBe('thing');
    expect(REFERRING_NOUNS.newspaper).toBe('organization');
    expect(REFERRING_NOUNS.vessel).toBe('other');
    expect(MODIFIER_SUFFIXES).toEqual(expect.arrayContaining(['based', 'owned']));
  });
});

describe('typeCues: evidence around one mention', () => {
  const kinds = (text: string, name: string, sentenceStart = false) => {
    const at = text.indexOf(name);
    return typeCues(text, at, at + name.length, { words: name.split(' ') }, { sentenceStart }).map((c) => `${c.kind}:${c.cue}`);
  };
  it.each([
    ['Retired banker Ilsa Varn said the vault was empty.', 'Ilsa Varn', 'person:role before: banker'],
    ['Ilsa Varn, 61, is a trustee of the museum.', 'Ilsa Varn', 'person:age after'],
    ['The crew left the Grey Heron submersible on Monday.', 'Grey Heron', 'other:submersible after'],
    ['A tanker named Sable Dawn blocked the channel.', 'Sable Dawn', 'other:tanker before'],
    ['The Sable Dawn docked at noon.', 'Sable Dawn', 'other:vessel verb'],
    ['Trellis Mapping (TM) said the survey was late.', 'Trellis Mapping', 'organization:acronym (TM)'],
    ['Divers reached the port of Ostrava Minor before dawn.', 'Ostrava Minor', 'place:place noun of'],
    ['The road to Pell Hollow district was closed.', 'Pell Hollow', 'place:district after'],
    ['QUARRY BEND, Orlania — Rescuers worked through the night.', 'QUARRY BEND', 'place:dateline'],
    ['Norway-based Fjordline Surveys said it found debris.', 'Fjordline Surveys', 'organization:-based before'],
    ['State-run Kestrel Wire reported on its website that the pass was shut.', 'Kestrel Wire', 'organization:its'],
    ['One of the rescuers, Tomas Heel, told reporters the water was rising.', 'Tomas Heel', 'person:apposition to: rescuers'],
    ['They used a remotely operated vehicle, or RDX, to search.', 'RDX', 'other:gloss of: vehicle'],
  ])('%s → %s has %s', (text, name, cue) => {
    expect(kinds(text, name, text.startsWith(name))).toContain(cue);
  });

  it('a bare "Name:" at a sentence start is a speaker, not a dateline', () => {
    expect(kinds('Varn: we will not reopen.', 'Varn', true)).not.toContain('place:dateline');
  });

  it('reads apposition heads and name shapes', () => {
    expect(appositionHead('the 21-foot tourist submersible carrying five people')).toBe('submersible');
    expect(appositionHead('a Danish shipping company whose tugs are famous')).toBe('company');
    expect(appositionHead('the technical manager of the ship')).toBe('manager');
    expect(looksLikePersonName({ words: ['Ilsa', 'Varn'] })).toBe(true);
    expect(looksLikePersonName({ words: ['DeepTrack'] })).toBe(false);
    expect(looksLikePersonName({ words: ['Harbour', 'Authority'] })).toBe(false);
  });
});

describe('roles and descriptions written around a name', () => {
  const corpus = corpusOf(`Quarry rescue

British diver Hal Oduya reached the chamber first.

The rescue was planned by the founder of the Quarry Bend caving club Ines Marr, who knows the tunnels.

Ilsa Varn, 61, is vice-chairman of Orlanian builder Trellis Holdings, and a long-time adviser to the Harbour Trust.

Greta Nyberg of the Kestrel Geology Institution says the rock is unstable.

The quarry is owned by Orlania-based Venn Stoneworks Ltd. Orlanian mining company Venn Stoneworks said it would pay for the rescue.`);
  const { entities } = buildEntityIndex(corpus);
  const described = (name: string) => find(entities, name)!.mentions.flatMap((m) => [m.role, m.apposition]).filter(Boolean);
  it.each([
    ['Hal Oduya', 'British diver'],
    ['Ines Marr', 'founder of the Quarry Bend caving club'],
    ['Ilsa Varn', 'vice-chairman of Orlanian builder Trellis Holdings'],
  ])('%s is described as "%s"', (name, phrase) => {
    expect(described(name)).toContain(phrase);
    expect(find(entities, name)!.kind).toBe('person');
  });
  it('a company named with and without its legal form is one entity, described by what is written before it', () => {
    expect(entities.map((e) => e.name)).not.toContain('Venn Stoneworks Ltd');
    const venn = find(entities, 'Venn Stoneworks')!;
    expect(venn.kind).toBe('organization');
    expect(venn.mentions.map((m) => m.descriptor)).toEqual(expect.arrayContaining(['Orlania-based', 'Orlanian mining company']));
  });
  it('an apposition saying what a name is outweighs a city the name begins with ("Boston Rovers, the club …")', () => {
    const { entities: clubs } = buildEntityIndex(
      corpusOf(`Monday, 4 May 2026

Quarry boys invited to a match

By Ana Ruiz

Boston Rovers, the club most of the boys support, have invited them to the final.`),
    );
    expect(find(clubs, 'Boston Rovers')?.kind).toBe('organization');
  });
  it('a person "of" an organisation is two entities', () => {
    expect(find(entities, 'Greta Nyberg')?.kind).toBe('person');
    expect(find(entities, 'Kestrel Geology Institution')?.kind).toBe('organization');
  });
  it('a description coordinated with "and" belongs to the sentence\'s subject, not the name before it', () => {
    expect(described('Trellis Holdings').join(' ')).not.toMatch(/adviser/);
  });
});

describe('the entity index types names by the evidence of all their mentions', () => {
  const corpus = corpusOf(
    `Hurricane Odessa reaches the coast

QUARRY BEND, Orlania — Hurricane Odessa flooded the town of Quarry Bend on Tuesday, officials said.

Retired banker Ilsa Varn, 61, said her street was under water. "We lost everything," Varn said.

The cargo vessel Sable Dawn ran aground near Quarry Bend. The Sable Dawn docked at Port Ellery on Wednesday.

Trellis Mapping (TM) said its drones had surveyed the damage. Norway-based Fjordline Surveys said it would help.

CTO Mira Solberg said the company's drones flew for nine hours.`,
    `Storm clean-up begins

The Canadian-owned Grey Heron arrived on Thursday with pumps, according to Trellis Mapping.

Five volunteers joined marine pilot Anton Vale, chief executive of Deepwater Tours Mira Solberg, and British investor Cal Brant on the boat.

Deepwater Tours said in a statement that its tour was cancelled. Mira Solberg said the crew was safe.`,
  );
  const { entities } = buildEntityIndex(corpus);
  const dump = () => entities.map((x) => `${x.name}: ${x.kind} ${JSON.stringify(x.evidence)} ${x.cues?.join('; ')}`).join('\n');

  it.each([
    ['Ilsa Varn', 'person'],
    ['Mira Solberg', 'person'],
    ['Anton Vale', 'person'],
    ['Sable Dawn', 'other'],
    ['Hurricane Odessa', 'other'],
    ['Quarry Bend', 'place'],
    ['Orlania', 'place'],
    ['Port Ellery', 'place'],
    ['Trellis Mapping', 'organization'],
    ['Fjordline Surveys', 'organization'],
    ['Deepwater Tours', 'organization'],
  ] as const)('%s is a %s', (name, kind) => {
    const e = find(entities, name);
    expect(e, `${name} in ${entities.map((x) => x.name).join(', ')}`).toBeDefined();
    expect(e!.kind, dump()).toBe(kind);
    expect(e!.evidence?.[kind]).toBeGreaterThan(0);
  });

  it('splits titles, "-based" and "-owned" modifiers and back-to-back names off the name', () => {
    const names = entities.map((e) => e.name);
    for (const fused of ['CTO Mira Solberg', 'Norway-based Fjordline Surveys', 'Canadian-owned Grey Heron', 'Deepwater Tours Mira Solberg']) expect(names).not.toContain(fused);
    const solberg = find(entities, 'Mira Solberg')!;
    expect(solberg.mentions.map((m) => m.role)).toEqual(expect.arrayContaining(['CTO', 'chief executive of Deepwater Tours']));
  });

  it('keeps a possessive inside a name only when it is the name\'s own', () => {
    const c = corpusOf(`Shipping news

Rates rose, according to Marrow's Register. Data from Marrow's Register show 40 ships waiting.

Mexico's Sable Cartel moved the cargo. The Sable Cartel denied it.`);
    const names = buildEntityIndex(c).entities.map((e) => e.name);
    expect(names).toContain("Marrow's Register");
    expect(names).toContain('Sable Cartel');
    expect(names).not.toContain("Mexico's Sable Cartel");
  });

  it('gives a list member no description that belongs to the next name', () => {
    const vale = find(entities, 'Anton Vale')!;
    expect(vale.mentions.some((m) => /Solberg|chief executive/.test(m.apposition ?? ''))).toBe(false);
  });
});

describe('a building or structure named by its head noun', () => {
  // Invented story: a name whose last word says what it is ("Cathedral", "Bridge") is that thing, even when a
  // title word stands inside it ("Queen Ilse Cathedral", "King Anders Bridge") — not a person "Cathedral"
  // titled "Queen Ilse".
  const corpus = corpusOf(
    'VELMORE — Fire tore through the roof of the Queen Ilse Cathedral on Monday. Ansel Brook, head of communications for the cathedral, said the relics were saved. The 640-year-old cathedral had been under repair.',
    'Crews at the Queen Ilse Cathedral worked through the night. Traffic on the King Anders Bridge was stopped while smoke drifted over Velmore. Ansel Brook told reporters the cathedral would reopen.',
  );
  const entities = buildEntityIndex(corpus).entities;
  it('is never typed a person', () => {
    expect(entities.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual(['Ansel Brook']);
    expect(['place', 'organization']).toContain(find(entities, 'Queen Ilse Cathedral')?.kind);
    expect(find(entities, 'King Anders Bridge')?.kind).toBe('place');
    expect(find(entities, 'Ansel Brook')?.kind).toBe('person');
  });
});
