import { describe, expect, it } from 'vitest';
import { NAMING_VERBS, ORG_MODIFIER_SUFFIXES, PLACE_OF_WORDS } from '../src/language/lexicon/entity-cues.js';
import {
  CALENDAR_WORDS, COMPANY_CUES, COUNTED_NOUNS, DENIAL_VERBS, DISBELIEF, EVENT_HEADS, IRREGULAR_PLURALS, MEASURE_NOUNS, NEGATION_CUES,
  NON_CONFIRMATIONS, NUMBER_WORDS, ORG_HEADS, PLACE_HEADS, QUALIFIER_RANGES, QUALIFIERS, QUESTION_NOISE, REPORTED_HEDGES, SPEECH_VERBS,
  STOPWORDS, SYNONYM_GROUPS, TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_WORDS, UNCERTAIN_HEDGES, UNIT_NOUNS, WH_WORDS, ANTONYM_PAIRS,
  alternation, denialForms, monthNumber, speechForms, speechLemma, weekdayNumber, wordRe,
  AHEAD_WORDS, CLAUSE_BREAK_WORDS, CLAUSE_VERBS, DATE_PREPOSITIONS, DAY_PARTS, DEICTIC_WORDS, EVENT_RELATIVE_WORDS, MONTH_CUES, MONTH_MODIFIERS, MONTH_SHORT,
  NAME_STOPWORDS, NOW_WORDS, RELATIVE_DATE_WORDS, RELATIVE_DAYS, SPAN_WORDS, TENURE_WORDS, TIME_UNITS, VAGUE_TIME_AMOUNTS, WEEK_SPAN_WORDS, WEEKDAY_SHORT, YEAR_CUES,
  BE_HAVE_FORMS, CLAUSE_JOINERS, DETERMINERS, FINITE_AUXILIARIES, HONORIFICS, INTRO_PHRASE_WORDS, SUBJECT_PRONOUNS, SUBORDINATORS,
  COMPASS_POINTS, COUNT_COUNTRY_MODIFIERS, COUNT_QUESTION_VERBS, DIMENSION_ADJECTIVES, DURATION_QUESTION_CUES, FIGURE_QUESTION_NOISE,
  HOW_MEASURES, MEASURE_ANCHORS, MEASURE_KINDS, MEASURING_VERBS, NON_COUNT_KINDS, REVISION_VERBS, REVISION_WHEN, TREND_PHRASES, TREND_VERBS,
  NON_NAME_CAPITALS, THIRD_PERSON_PRONOUNS, FIGURE_NOUNS, DEMONYM_SUFFIXES, NAME_PARTICLES, ORG_NAME_CONNECTORS, POSSESSIVES, NON_NAME_SUBJECTS, REPORTING_WORDS,
} from '../src/language/lexicon/index.js';

describe('speech verbs', () => {
  it.each([
    ['said', 'say'],
    ['tells', 'tell'],
    ['wrote', 'write'],
    ['alleged', 'allege'],
    ['estimated', 'estimate'],
    ['walked', null],
    ['replied', 'reply'],
    ['emphasising', 'emphasise'],
    ['thought', 'think'],
    ['conveys', 'convey'],
    ['arguing', 'argue'],
  ])('%s is a form of %s', (w, lemma) => {
    expect(speechLemma(w)).toBe(lemma);
  });

  it('selects forms by role', () => {
    const alleging = speechForms({ roles: ['allege'], forms: ['past'] });
    expect(alleging).toEqual(expect.arrayContaining(['claimed', 'alleged', 'accused']));
    expect(alleging).not.toContain('said');
    expect(speechForms({ roles: ['say'], forms: ['s'] })).toContain('explains');
  });

  it('has one entry per lemma, each with four distinct-looking forms', () => {
    const lemmas = SPEECH_VERBS.map((v) => v.lemma);
    expect(new Set(lemmas).size).toBe(lemmas.length);
    for (const v of SPEECH_VERBS) expect(v.forms.base).toBe(v.lemma);
  });

  it('builds matchers whose longer phrases win', () => {
    const re = wordRe(['according', 'according to', 'said']);
    expect(re.exec('according to officials')?.[0]).toBe('according to');
    expect(new RegExp(`^(?:${alternation(['a.b'])})$`).test('axb')).toBe(false);
  });
});

describe('denials and negation', () => {
  it.each([
    ['denied', true],
    ['rejects', true],
    ['dismissed', true],
    ['confirmed', false],
  ])('%s is a denial form: %s', (w, yes) => {
    expect(denialForms().includes(w)).toBe(yes);
  });

  it('strong denials leave out dismiss and contradict', () => {
    expect(denialForms({ strong: true })).not.toContain('dismissed');
    expect(denialForms({ strong: true, forms: ['past'] })).toEqual(['denied', 'disputed', 'rejected', 'refuted']);
    expect(DENIAL_VERBS.every((v) => v.length === 4)).toBe(true);
  });

  it('lists non-confirmations and negation cues', () => {
    expect(NON_CONFIRMATIONS).toContain('declined to confirm');
    expect(NEGATION_CUES).toEqual(expect.arrayContaining(['never', 'ruled out', 'refused to']));
  });
});

describe('hedges', () => {
  const first = (res: readonly RegExp[], text: string) => res.find((re) => re.test(text)) !== undefined;
  it.each([
    ['The minister reportedly resigned.', 'reported'],
    ['According to people familiar with the talks, a deal is close.', 'reported'],
    ['The figure could not be independently verified.', 'reported'],
    ['It is unclear whether the port will reopen.', 'uncertain'],
    ['The vote may be delayed.', 'uncertain'],
    ['The port reopened on Monday.', null],
  ])('%s → %s', (text, kind) => {
    const reported = first(REPORTED_HEDGES, text);
    const uncertain = first(UNCERTAIN_HEDGES, text);
    expect(reported ? 'reported' : uncertain ? 'uncertain' : null).toBe(kind);
  });

  it('reads disbelief', () => {
    expect(DISBELIEF.test('I doubt that the bridge will hold')).toBe(true);
    expect(DISBELIEF.test('She believes the bridge will hold')).toBe(false);
  });
});

describe('titles and organisations', () => {
  it.each([
    ['secretary', TITLE_HEADS, true],
    ['harbourmaster', TITLE_HEADS, true],
    ['dr', TITLE_ABBREVIATIONS, true],
    ['defense', TITLE_WORDS, true],
    ['kettle', TITLE_HEADS, false],
    ['ministry', ORG_HEADS, true],
    ['holdings', ORG_HEADS, true],
    ['canal', PLACE_HEADS, true],
    ['summit', EVENT_HEADS, true],
  ] as const)('%s is listed', (w, table, yes) => {
    expect(table.has(w)).toBe(yes);
  });

  it('company cues describe a company', () => {
    expect(COMPANY_CUES).toEqual(expect.arrayContaining(['retailer', 'maker', 'carmaker']));
  });
});

describe('units and counted nouns', () => {
  it.each([
    ['forty', 40],
    ['dozen', 12],
    ['nineteen', 19],
  ])('%s = %i', (w, n) => {
    expect(NUMBER_WORDS[w]).toBe(n);
  });

  it('every qualifier has a range, and the ranges make sense', () => {
    for (const q of QUALIFIERS) expect(QUALIFIER_RANGES[q], q).toBeDefined();
    expect(QUALIFIER_RANGES['more than']![0]).toBeGreaterThan(1);
    expect(QUALIFIER_RANGES.nearly![1]).toBe(1);
  });

  it('counts troops and evacuees in different groups, and spans are not counts', () => {
    const group = (noun: string) => COUNTED_NOUNS.find((c) => c.nouns.includes(noun))?.group;
    expect(group('marines')).toBe('troops');
    expect(group('evacuees')).toBe('people');
    expect(group('frigates')).toBe('ships');
    expect(UNIT_NOUNS.has('miles')).toBe(true);
    expect(UNIT_NOUNS.has('troops')).toBe(false);
    expect(MEASURE_NOUNS.has('reports')).toBe(true);
    expect(IRREGULAR_PLURALS.has('children')).toBe(true);
  });
});

describe('months and weekdays', () => {
  it.each([
    ['Sept.', 9],
    ['october', 10],
    ['Mar', 3],
    ['Friday', null],
  ])('monthNumber(%s) = %s', (w, n) => {
    expect(monthNumber(w)).toBe(n);
  });

  it.each([
    ['Thurs', 4],
    ['sunday', 0],
    ['May', null],
  ])('weekdayNumber(%s) = %s', (w, n) => {
    expect(weekdayNumber(w)).toBe(n);
  });

  it('knows every calendar word', () => {
    expect(CALENDAR_WORDS.has('tues')).toBe(true);
    expect(CALENDAR_WORDS.has('march')).toBe(true);
    expect(CALENDAR_WORDS.has('marching')).toBe(false);
  });
});

describe('stopwords and question words', () => {
  it.each([
    ['the', true],
    ['didn', true],
    ['said', true],
    ['ship', false],
  ])('%s is a stopword: %s', (w, yes) => {
    expect(STOPWORDS.has(w)).toBe(yes);
  });

  it('question noise covers wh-words and framing, not content', () => {
    for (const w of WH_WORDS) expect(QUESTION_NOISE).toContain(w);
    expect(QUESTION_NOISE).toContain('happened');
    expect(QUESTION_NOISE).not.toContain('troops');
  });
});

describe('word relations', () => {
  it('synonym groups and antonym pairs are disjoint within a line', () => {
    for (const g of SYNONYM_GROUPS) expect(g.split(' ').length).toBeGreaterThan(1);
    for (const [a, b] of ANTONYM_PAIRS) for (const w of a.split(' ')) expect(b.split(' ')).not.toContain(w);
  });
});

describe('speech verbs that invert and question verbs', () => {
  it.each([
    ['said', true],
    ['added', true],
    ['told', false],
    ['urged', false],
    ['accused', false],
  ])('"%s <Name>" names the speaker: %s', (w, yes) => {
    expect(speechForms({ inverts: true, forms: ['past'] }).includes(w)).toBe(yes);
  });

  it('ambiguous verbs can be left out', () => {
    const plain = speechForms({ ambiguous: false, forms: ['s'] });
    expect(plain).toEqual(expect.arrayContaining(['says', 'denies', 'insists']));
    expect(plain).not.toContain('continues');
    expect(plain).not.toContain('notes');
  });

  it('relative time and referring words', async () => {
    const { RELATIVE_TIME_PATTERN, REFERRING_WORDS, AMBIGUOUS_MONTHS, SPEECH_QUESTION_VERBS } = await import('../src/language/lexicon/index.js');
    const re = new RegExp(`\\b${RELATIVE_TIME_PATTERN}\\b`, 'i');
    expect(re.test('It sank two days ago')).toBe(true);
    expect(re.test('It sank last   week')).toBe(true);
    expect(re.test('It sank in the afternoon')).toBe(false);
    expect(REFERRING_WORDS.has('those')).toBe(true);
    expect(AMBIGUOUS_MONTHS.has('may')).toBe(true);
    expect(SPEECH_QUESTION_VERBS).toContain('deny');
  });
});

describe('date cue words', () => {
  it.each([
    ['in', YEAR_CUES, true],
    ['mid', YEAR_CUES, true],
    ['troops', YEAR_CUES, false],
    ['since', MONTH_CUES, true],
    ['around', MONTH_CUES, false],
    ['yesterday', RELATIVE_DATE_WORDS, true],
    ['ago', RELATIVE_DATE_WORDS, true],
    ['previous', WEEK_SPAN_WORDS, true],
    ['coming', SPAN_WORDS, true],
    ['afterwards', EVENT_RELATIVE_WORDS, true],
    ['next day', EVENT_RELATIVE_WORDS, true],
    ['upcoming', AHEAD_WORDS, true],
    ['a few', VAGUE_TIME_AMOUNTS, true],
    ['decade', TIME_UNITS, true],
    ['evening', DAY_PARTS, true],
    ['early', MONTH_MODIFIERS, true],
    ['on', DATE_PREPOSITIONS, true],
    ['weekend', NOW_WORDS, true],
    ['tenure', TENURE_WORDS, true],
    ['said', CLAUSE_VERBS, true],
    ['which', CLAUSE_BREAK_WORDS, true],
    ['one', [...NAME_STOPWORDS], true],
    ['of', [...NAME_STOPWORDS], false],
    ['ship', CLAUSE_BREAK_WORDS, false],
  ] as const)('%s is listed: %s', (w, table, yes) => {
    expect((table as readonly string[]).includes(w)).toBe(yes);
  });

  it('short names are three letters, Sunday and January first', () => {
    expect(WEEKDAY_SHORT).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(MONTH_SHORT[0]).toBe('Jan');
    expect(DEICTIC_WORDS).toEqual(['this', 'last', 'next']);
    expect(RELATIVE_DAYS).toEqual(['yesterday', 'today', 'tomorrow']);
  });
});

describe('clause words, pronouns, determiners and honorifics', () => {
  it.each([
    ['whenever', SUBORDINATORS, true],
    ['and', SUBORDINATORS, false],
    ['yet', CLAUSE_JOINERS, true],
    ['according', INTRO_PHRASE_WORDS, true],
    ['pressed', INTRO_PHRASE_WORDS, true],
    ['had', BE_HAVE_FORMS, true],
    ['will', BE_HAVE_FORMS, false],
    ['does', FINITE_AUXILIARIES, true],
    ['they', SUBJECT_PRONOUNS, true],
    ['them', SUBJECT_PRONOUNS, false],
    ['their', DETERMINERS, true],
    ['dame', HONORIFICS, true],
    ['dubbed', [...NAMING_VERBS], true],
    ['listed', [...ORG_MODIFIER_SUFFIXES], true],
    ['born', [...ORG_MODIFIER_SUFFIXES], false],
    ['downtown', PLACE_OF_WORDS, true],
    ['their', THIRD_PERSON_PRONOUNS, true],
    ['it', THIRD_PERSON_PRONOUNS, false],
    ['mrs', [...NON_NAME_CAPITALS], true],
    ['maduro', [...NON_NAME_CAPITALS], false],
    ['senator', HONORIFICS, false],
  ] as const)('%s is listed: %s', (w, table, yes) => {
    expect((table as readonly string[]).includes(w)).toBe(yes);
  });
});

describe('figure words', () => {
  it.each([
    ['speed', MEASURE_KINDS, true],
    ['count', MEASURE_KINDS, false],
    ['age', NON_COUNT_KINDS, true],
    ['depth', NON_COUNT_KINDS, true],
    ['count', NON_COUNT_KINDS, false],
  ] as const)('%s is listed: %s', (w, table, yes) => {
    expect(table.has(w)).toBe(yes);
  });

  it.each([
    ['away', DIMENSION_ADJECTIVES, true],
    ['beneath', MEASURE_ANCHORS, true],
    ['stretches', MEASURING_VERBS, true],
    ['toll', FIGURE_NOUNS, true],
    ['newspaper', REPORTING_WORDS, true],
    ['allegations', REPORTING_WORDS, true],
    ['an', DEMONYM_SUFFIXES, true],
    ['van', NAME_PARTICLES, true],
    ['of', NAME_PARTICLES, false],
    ['for', ORG_NAME_CONNECTORS, true],
    ['your', POSSESSIVES, true],
    ['the', POSSESSIVES, false],
    ['these', [...NON_NAME_SUBJECTS], true],
    ['maduro', [...NON_NAME_SUBJECTS], false],
    ['up from', TREND_PHRASES, true],
    ['initially', REVISION_WHEN, true],
    ['feared', REVISION_VERBS, true],
    ['north', COMPASS_POINTS, true],
    ['fled', COUNT_QUESTION_VERBS, true],
    ['trapped', DURATION_QUESTION_CUES, true],
    ['went', FIGURE_QUESTION_NOISE, true],
    ['troops', FIGURE_QUESTION_NOISE, false],
  ] as const)('%s is listed: %s', (w, table, yes) => {
    expect((table as readonly string[]).includes(w)).toBe(yes);
  });

  it('answers "how deep" with depths and "how long" with lengths or durations; trend verbs give past and participle', () => {
    expect(HOW_MEASURES.deep).toEqual(['depth']);
    expect(HOW_MEASURES.long).toEqual(['length', 'duration']);
    expect(TREND_VERBS.find(([base]) => base === 'fall')).toEqual(['fall', 'fell', 'fallen']);
    expect(COUNT_COUNTRY_MODIFIERS.has('u.s.')).toBe(true);
  });
});
